//! Changes to the workspace: each one invertible, a set of them is one user action, and
//! applying one is the only way the workspace changes.

use super::annotation::{Annotation, Orphan};
use super::facts::{Actor, ArticleMeta, Settings};
use super::labels::Label;
use super::layers::Layers;
use super::workspace::Workspace;
use std::rc::Rc;

/// One invertible change to the workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// `None -> Some` adds, `Some -> None` deletes, `Some -> Some` edits.
    Annotation {
        before: Option<Annotation>,
        after: Option<Annotation>,
    },
    /// An annotation that could not be placed: `None -> Some` keeps one, `Some -> None` drops it.
    Orphan {
        before: Option<Orphan>,
        after: Option<Orphan>,
    },
    /// An actor: `None -> Some` makes one, `Some -> None` removes it, `Some -> Some` renames it.
    Actor {
        before: Option<Actor>,
        after: Option<Actor>,
    },
    Meta {
        before: Rc<ArticleMeta>,
        after: Rc<ArticleMeta>,
    },
    Settings {
        before: Rc<Settings>,
        after: Rc<Settings>,
    },
    /// The label set: renamed, recoloured, reordered, added to or cut down.
    Labels {
        before: Rc<Vec<Label>>,
        after: Rc<Vec<Label>>,
    },
    /// The layers kept aside or the written layer's info (a gold layer's decisions).
    Layers {
        before: Rc<Layers>,
        after: Rc<Layers>,
    },
    /// A new article or an import: the whole workspace at once.
    Workspace {
        before: Rc<Workspace>,
        after: Rc<Workspace>,
    },
}

impl Change {
    pub fn inverse(&self) -> Change {
        match self {
            Change::Annotation { before, after } => Change::Annotation { before: after.clone(), after: before.clone() },
            Change::Orphan { before, after } => Change::Orphan { before: after.clone(), after: before.clone() },
            Change::Actor { before, after } => Change::Actor { before: after.clone(), after: before.clone() },
            Change::Meta { before, after } => Change::Meta { before: after.clone(), after: before.clone() },
            Change::Settings { before, after } => Change::Settings { before: after.clone(), after: before.clone() },
            Change::Labels { before, after } => Change::Labels { before: after.clone(), after: before.clone() },
            Change::Layers { before, after } => Change::Layers { before: after.clone(), after: before.clone() },
            Change::Workspace { before, after } => Change::Workspace { before: after.clone(), after: before.clone() },
        }
    }

    /// Makes this change to `ws`.
    pub fn apply_to(&self, ws: &mut Workspace) {
        match self {
            Change::Annotation { before, after } => {
                if let Some(b) = before {
                    ws.remove(&b.id);
                }
                if let Some(a) = after {
                    ws.put(a.clone());
                }
            }
            Change::Orphan { before, after } => {
                let list = Rc::make_mut(&mut ws.orphans);
                if let Some(b) = before {
                    list.retain(|o| o.id != b.id);
                }
                if let Some(a) = after {
                    list.push(a.clone());
                }
            }
            Change::Actor { before, after } => {
                let list = Rc::make_mut(&mut ws.actors);
                match (before, after) {
                    (_, Some(a)) => match list.iter_mut().find(|x| x.id == a.id) {
                        Some(slot) => *slot = a.clone(),
                        None => list.push(a.clone()),
                    },
                    (Some(b), None) => list.retain(|x| x.id != b.id),
                    (None, None) => {}
                }
            }
            Change::Meta { after, .. } => ws.meta = after.clone(),
            Change::Settings { after, .. } => ws.settings = after.clone(),
            Change::Labels { after, .. } => ws.labels = after.clone(),
            Change::Layers { after, .. } => ws.layers = after.clone(),
            Change::Workspace { after, .. } => *ws = (**after).clone(),
        }
    }

    /// `self` followed by `next` as one change, when both edit the same thing (typing merges).
    pub(super) fn then(&self, next: &Change) -> Option<Change> {
        match (self, next) {
            (Change::Annotation { before, after: Some(a) }, Change::Annotation { before: Some(b), after }) if a.id == b.id => {
                Some(Change::Annotation { before: before.clone(), after: after.clone() })
            }
            (Change::Actor { before, after: Some(a) }, Change::Actor { before: Some(b), after }) if a.id == b.id => {
                Some(Change::Actor { before: before.clone(), after: after.clone() })
            }
            (Change::Meta { before, .. }, Change::Meta { after, .. }) => Some(Change::Meta { before: before.clone(), after: after.clone() }),
            (Change::Settings { before, .. }, Change::Settings { after, .. }) => Some(Change::Settings { before: before.clone(), after: after.clone() }),
            _ => None,
        }
    }
}

/// Changes made by one user action, undone and redone together.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeSet(pub Vec<Change>);

impl ChangeSet {
    pub fn one(change: Change) -> Self {
        ChangeSet(vec![change])
    }
    /// Makes every change of the set to `ws`, in order.
    pub fn apply_to(&self, ws: &mut Workspace) {
        for c in &self.0 {
            c.apply_to(ws);
        }
    }
    pub fn inverse(&self) -> ChangeSet {
        ChangeSet(self.0.iter().rev().map(Change::inverse).collect())
    }
    /// This set followed by `next` as one, when each is a single edit of the same thing.
    pub(super) fn then(&self, next: &ChangeSet) -> Option<ChangeSet> {
        match (self.0.as_slice(), next.0.as_slice()) {
            ([a], [b]) => a.then(b).map(ChangeSet::one),
            _ => None,
        }
    }
}
