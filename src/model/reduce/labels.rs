//! Edits of the label set: replace it (rename, recolour, reorder, add), or delete one label with
//! everything that uses it.

use super::Plan;
use crate::model::change::Change;
use crate::model::history::EditKind;
use crate::model::labels::{Label, LabelId};
use crate::model::workspace::Workspace;
use std::rc::Rc;

pub(super) fn set_labels(ws: &Workspace, labels: Vec<Label>) -> Option<Plan> {
    if *ws.labels == labels || ws.check_new_labels(&labels).is_err() {
        return None;
    }
    Plan::one(Change::Labels { before: ws.labels.clone(), after: Rc::new(labels) }, EditKind::Other)
}

pub(super) fn delete_label(ws: &Workspace, id: &LabelId) -> Option<Plan> {
    if ws.label(id).is_none() || ws.labels.len() == 1 {
        return None;
    }
    let mut changes: Vec<Change> =
        ws.annotations.iter().filter(|a| &a.label == id).map(|a| Change::Annotation { before: Some((**a).clone()), after: None }).collect();
    // Backwards, so that undo puts them back in their order.
    changes.extend(ws.orphans.iter().rev().filter(|o| &o.label == id).map(|o| Change::Orphan { before: Some(o.clone()), after: None }));
    // The other annotators' layers lose the label's spans too: none may keep a label the set lacks.
    let uses = |l: &crate::model::layers::Layer| l.annotations.iter().any(|a| &a.label == id) || l.orphans.iter().any(|o| &o.label == id);
    if ws.layers.aside.iter().any(uses) {
        let mut layers = (*ws.layers).clone();
        for l in layers.aside.iter_mut().filter(|l| uses(l)) {
            l.annotations = Rc::new(l.annotations.iter().filter(|a| &a.label != id).cloned().collect());
            l.orphans = Rc::new(l.orphans.iter().filter(|o| &o.label != id).cloned().collect());
        }
        changes.push(Change::Layers { before: ws.layers.clone(), after: Rc::new(layers) });
    }
    let rest: Vec<Label> = ws.labels.iter().filter(|l| &l.id != id).cloned().collect();
    // Last, so that undo brings the label back before the annotations that use it.
    changes.push(Change::Labels { before: ws.labels.clone(), after: Rc::new(rest) });
    Plan::all(changes)
}
