//! Undo and redo as a stack of invertible changes.

use super::annotation::{Annotation, AnnotationId, Orphan};
use super::state::Workspace;
use std::rc::Rc;

/// One invertible change to the workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// `None -> Some` adds, `Some -> None` deletes, `Some -> Some` edits.
    Annotation { before: Option<Annotation>, after: Option<Annotation> },
    /// An annotation that could not be placed: `None -> Some` keeps one, `Some -> None` drops it.
    Orphan { before: Option<Orphan>, after: Option<Orphan> },
    /// A new article or an import: the whole workspace at once.
    Workspace { before: Rc<Workspace>, after: Rc<Workspace> },
}

impl Change {
    pub fn inverse(&self) -> Change {
        match self {
            Change::Annotation { before, after } => Change::Annotation { before: after.clone(), after: before.clone() },
            Change::Orphan { before, after } => Change::Orphan { before: after.clone(), after: before.clone() },
            Change::Workspace { before, after } => Change::Workspace { before: after.clone(), after: before.clone() },
        }
    }

    /// The annotation a change is about, if it is about one.
    pub fn annotation_id(&self) -> Option<&AnnotationId> {
        match self {
            Change::Annotation { before, after } => after.as_ref().or(before.as_ref()).map(|a| &a.id),
            Change::Orphan { .. } | Change::Workspace { .. } => None,
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
    pub fn inverse(&self) -> ChangeSet {
        ChangeSet(self.0.iter().rev().map(Change::inverse).collect())
    }
    /// The annotation a single-change set is about.
    fn annotation_id(&self) -> Option<&AnnotationId> {
        match self.0.as_slice() {
            [only] => only.annotation_id(),
            _ => None,
        }
    }
}

/// What kind of edit a change was, so that typing a note makes one undo step, not one per key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    Other,
    Note,
}

#[derive(Clone, Debug, PartialEq)]
struct Entry {
    changes: ChangeSet,
    kind: EditKind,
}

/// How many steps back undo reaches.
pub const HISTORY_LIMIT: usize = 1000;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Records a change just applied; consecutive note edits of one annotation merge into one step.
    pub fn record(&mut self, changes: ChangeSet, kind: EditKind) {
        self.redo.clear();
        if kind == EditKind::Note {
            if let Some(last) = self.undo.last_mut() {
                if last.kind == EditKind::Note && last.changes.annotation_id().is_some() && last.changes.annotation_id() == changes.annotation_id() {
                    if let ([Change::Annotation { before, .. }], [Change::Annotation { after, .. }]) = (last.changes.0.as_slice(), changes.0.as_slice()) {
                        last.changes = ChangeSet::one(Change::Annotation { before: before.clone(), after: after.clone() });
                        return;
                    }
                }
            }
        }
        self.undo.push(Entry { changes, kind });
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
    }

    /// The change that undoes the last step, moving it to the redo stack.
    pub fn undo(&mut self) -> Option<ChangeSet> {
        let entry = self.undo.pop()?;
        let inverse = entry.changes.inverse();
        self.redo.push(entry);
        Some(inverse)
    }

    /// The change that redoes the last undone step, moving it back to the undo stack.
    pub fn redo(&mut self) -> Option<ChangeSet> {
        let entry = self.redo.pop()?;
        let change = entry.changes.clone();
        // A redone note edit must not merge with the next one.
        self.undo.push(Entry { kind: EditKind::Other, ..entry });
        Some(change)
    }
}
