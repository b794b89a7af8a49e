//! Edits of single annotations and orphans: add, relabel, note, delete, place, review.

use super::Plan;
use crate::model::annotation::{Annotation, AnnotationId, Timestamp};
use crate::model::change::Change;
use crate::model::facts::{self, Review, ACTOR};
use crate::model::history::{EditKind, Field};
use crate::model::labels::LabelId;
use crate::model::text::Span;
use crate::model::workspace::Workspace;
use std::rc::Rc;

/// `old` becoming `new`, as one step of `kind`.
fn edited(old: &Annotation, new: Annotation, kind: EditKind) -> Option<Plan> {
    Plan::one(Change::Annotation { before: Some(old.clone()), after: Some(new) }, kind)
}

pub(super) fn add(ws: &Workspace, a: Annotation) -> Option<Plan> {
    if ws.check(&a).is_err() || ws.annotation(&a.id).is_some() {
        return None;
    }
    Plan::one(Change::Annotation { before: None, after: Some(a) }, EditKind::Other)
}

pub(super) fn relabel(ws: &Workspace, id: &AnnotationId, label: LabelId, at: Timestamp) -> Option<Plan> {
    let old = ws.annotation(id)?;
    if old.label == label || ws.label(&label).is_none() {
        return None;
    }
    let mut new = Annotation { label, modified: at, ..old.clone() };
    if new.label.0 != ACTOR {
        // Only an actor span names an actor.
        new.facts.actor = None;
    }
    edited(old, new, EditKind::Other)
}

pub(super) fn set_note(ws: &Workspace, id: &AnnotationId, note: String, at: Timestamp) -> Option<Plan> {
    let old = ws.annotation(id)?;
    if old.note == note {
        return None;
    }
    edited(old, Annotation { note, modified: at, ..old.clone() }, EditKind::Typing(Field::Note))
}

pub(super) fn delete(ws: &Workspace, id: &AnnotationId) -> Option<Plan> {
    let old = ws.annotation(id)?;
    Plan::one(Change::Annotation { before: Some(old.clone()), after: None }, EditKind::Other)
}

pub(super) fn place_orphan(ws: &Workspace, id: &AnnotationId, span: Span, at: Timestamp) -> Option<Plan> {
    let orphan = ws.orphan(id)?;
    let placed = Annotation {
        id: orphan.id.clone(),
        span,
        label: orphan.label.clone(),
        note: orphan.note.clone(),
        created: orphan.created.clone(),
        modified: at,
        facts: orphan.facts.clone(),
    };
    if ws.check(&placed).is_err() || ws.annotation(id).is_some() {
        return None;
    }
    Plan::all(vec![Change::Orphan { before: Some(orphan.clone()), after: None }, Change::Annotation { before: None, after: Some(placed) }])
}

pub(super) fn delete_orphan(ws: &Workspace, id: &AnnotationId) -> Option<Plan> {
    let orphan = ws.orphan(id)?;
    Plan::one(Change::Orphan { before: Some(orphan.clone()), after: None }, EditKind::Other)
}

pub(super) fn set_review(ws: &Workspace, id: &AnnotationId, review: Option<Review>, at: Timestamp) -> Option<Plan> {
    let old = ws.annotation(id)?;
    if old.facts.review.as_deref() == review.as_ref() {
        return None;
    }
    let typing = facts::review_edit_is_typing(old.facts.review.as_deref(), review.as_ref());
    let mut new = Annotation { modified: at, ..old.clone() };
    new.facts.review = review.map(Rc::new);
    edited(old, new, if typing { EditKind::Typing(Field::Review) } else { EditKind::Other })
}
