//! Edits of actors and links: who said a quote or claim, which actor an actor span names
//! (merging actors), leaving an actor, renaming one.

use super::Plan;
use crate::model::actors::ActorPick;
use crate::model::annotation::{Annotation, AnnotationId, Timestamp};
use crate::model::change::Change;
use crate::model::facts::{Actor, ActorId, ACTOR};
use crate::model::history::{EditKind, Field};
use crate::model::workspace::Workspace;

/// The changes of one action, built against a scratch copy so that each change's `before` is what
/// the previous one left.
pub(super) struct Draft {
    pub(super) ws: Workspace,
    pub(super) changes: Vec<Change>,
}

impl Draft {
    pub(super) fn new(ws: &Workspace) -> Self {
        Draft { ws: ws.clone(), changes: Vec::new() }
    }

    pub(super) fn record(&mut self, change: Change) {
        change.apply_to(&mut self.ws);
        self.changes.push(change);
    }

    /// Edits one annotation; false when it does not exist or nothing changed.
    pub(super) fn edit(&mut self, id: &AnnotationId, at: &Timestamp, f: impl FnOnce(&mut Annotation)) -> bool {
        let Some(old) = self.ws.annotation(id).cloned() else { return false };
        let mut new = old.clone();
        f(&mut new);
        if new == old {
            return false;
        }
        new.modified = at.clone();
        self.record(Change::Annotation { before: Some(old), after: Some(new) });
        true
    }

    /// The actor a pick means, making it first if needed; `None` if the pick is not valid.
    pub(super) fn resolve(&mut self, pick: &ActorPick, at: &Timestamp) -> Option<ActorId> {
        match pick {
            ActorPick::Actor(id) => self.ws.actor(id).map(|a| a.id.clone()),
            ActorPick::Mention { mention, new_id } => {
                let m = self.ws.annotation(mention)?;
                if m.label.0 != ACTOR {
                    return None;
                }
                if let Some(id) = &m.facts.actor {
                    return Some(id.clone());
                }
                if self.ws.actor(new_id).is_some() {
                    return None;
                }
                let name = self.ws.article.text.slice(m.span).unwrap_or_default().to_string();
                self.record(Change::Actor { before: None, after: Some(Actor { id: new_id.clone(), name, kind: Default::default() }) });
                self.edit(mention, at, |a| a.facts.actor = Some(new_id.clone()));
                Some(new_id.clone())
            }
            ActorPick::New(actor) => {
                if actor.name.trim().is_empty() || self.ws.actor(&actor.id).is_some() {
                    return None;
                }
                self.record(Change::Actor { before: None, after: Some(actor.clone()) });
                Some(actor.id.clone())
            }
        }
    }
}

pub(super) fn attribute(ws: &Workspace, id: &AnnotationId, to: Option<&ActorPick>, at: &Timestamp) -> Option<Plan> {
    let mut draft = Draft::new(ws);
    if draft.ws.annotation(id)?.label.0 == ACTOR {
        return None;
    }
    let actor = match to {
        None => None,
        Some(pick) => Some(draft.resolve(pick, at)?),
    };
    if !draft.edit(id, at, |a| a.facts.said_by = actor) {
        return None;
    }
    Plan::all(draft.changes)
}

pub(super) fn same_actor(ws: &Workspace, mention: &AnnotationId, as_: &ActorPick, at: &Timestamp) -> Option<Plan> {
    let mut draft = Draft::new(ws);
    let m = draft.ws.annotation(mention)?;
    if m.label.0 != ACTOR || matches!(as_, ActorPick::Mention { mention: other, .. } if other == mention) {
        return None;
    }
    let old = m.facts.actor.clone();
    let target = draft.resolve(as_, at)?;
    match old {
        Some(old) if old == target => return None,
        // A merge: everything that named or quoted the old actor now means the target.
        Some(old) => {
            let affected: Vec<AnnotationId> = draft.ws.annotations.iter().filter(|a| a.facts.refers_to(&old)).map(|a| a.id.clone()).collect();
            for a in affected {
                draft.edit(&a, at, |a| {
                    if a.facts.actor.as_ref() == Some(&old) {
                        a.facts.actor = Some(target.clone());
                    }
                    if a.facts.said_by.as_ref() == Some(&old) {
                        a.facts.said_by = Some(target.clone());
                    }
                });
            }
        }
        None => {
            draft.edit(mention, at, |a| a.facts.actor = Some(target));
        }
    }
    Plan::all(draft.changes)
}

pub(super) fn leave_actor(ws: &Workspace, mention: &AnnotationId, at: Timestamp) -> Option<Plan> {
    let m = ws.annotation(mention)?;
    m.facts.actor.as_ref()?;
    let mut new = Annotation { modified: at, ..m.clone() };
    new.facts.actor = None;
    Plan::one(Change::Annotation { before: Some(m.clone()), after: Some(new) }, EditKind::Other)
}

pub(super) fn edit_actor(ws: &Workspace, actor: Actor) -> Option<Plan> {
    let old = ws.actor(&actor.id)?;
    if *old == actor || actor.name.trim().is_empty() {
        return None;
    }
    let kind = if old.kind == actor.kind { EditKind::Typing(Field::Actor) } else { EditKind::Other };
    Plan::one(Change::Actor { before: Some(old.clone()), after: Some(actor) }, kind)
}
