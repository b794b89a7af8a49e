//! Edits of layers: add a colleague's, write into another, remove one, start adjudicating two
//! into the gold layer and settle their differences there.

use super::Plan;
use crate::model::action::Settled;
use crate::model::change::Change;
use crate::model::history::EditKind;
use crate::model::layers::{Layer, LayerId, LayerInfo, LayerKind};
use crate::model::workspace::Workspace;
use std::rc::Rc;

fn whole(ws: &Workspace, after: Workspace) -> Option<Plan> {
    Plan::one(Change::Workspace { before: Rc::new(ws.clone()), after: Rc::new(after) }, EditKind::Other)
}

pub(super) fn add_layer(ws: &Workspace, layer: Layer) -> Option<Plan> {
    if ws.layers.info(&layer.info.id).is_some() || layer.annotations.iter().any(|a| ws.check(a).is_err()) {
        return None;
    }
    let mut layers = (*ws.layers).clone();
    layers.aside.push(layer);
    Plan::one(Change::Layers { before: ws.layers.clone(), after: Rc::new(layers) }, EditKind::Other)
}

pub(super) fn write_into(ws: &Workspace, id: &LayerId) -> Option<Plan> {
    whole(ws, ws.writing_into(id)?)
}

pub(super) fn remove_layer(ws: &Workspace, id: &LayerId) -> Option<Plan> {
    ws.layers.aside(id)?;
    let mut layers = (*ws.layers).clone();
    layers.aside.retain(|l| &l.info.id != id);
    Plan::one(Change::Layers { before: ws.layers.clone(), after: Rc::new(layers) }, EditKind::Other)
}

/// Makes the gold layer if there is none, points it at `a` and `b`, and writes into it.
pub(super) fn adjudicate(ws: &Workspace, a: &LayerId, b: &LayerId) -> Option<Plan> {
    if a == b || ws.layers.info(a).is_none() || ws.layers.info(b).is_none() || a == &LayerId::gold() || b == &LayerId::gold() {
        return None;
    }
    let compares = Some((a.clone(), b.clone()));
    let mut next = ws.clone();
    if ws.layers.info(&LayerId::gold()).is_none() {
        let info = LayerInfo { id: LayerId::gold(), name: "gold".into(), kind: LayerKind::Gold, compares: None, ..Default::default() };
        Rc::make_mut(&mut next.layers).aside.push(Layer { info, annotations: Rc::new(Vec::new()), orphans: Rc::new(Vec::new()) });
    }
    if next.layers.writing.id != LayerId::gold() {
        next = next.writing_into(&LayerId::gold())?;
    }
    let gold = &mut Rc::make_mut(&mut next.layers).writing;
    if gold.compares != compares {
        // Decisions about another pair say nothing about this one.
        gold.decisions.clear();
        gold.made.clear();
        gold.compares = compares;
    }
    if next == *ws {
        return None;
    }
    whole(ws, next)
}

/// Puts each settled difference's annotations into the gold layer and records its decision.
pub(super) fn settle(ws: &Workspace, settled: Vec<Settled>) -> Option<Plan> {
    if ws.layers.writing.kind != LayerKind::Gold || settled.is_empty() {
        return None;
    }
    let mut changes = Vec::new();
    let mut layers = (*ws.layers).clone();
    for s in settled {
        if layers.writing.decisions.insert(s.key.clone(), s.decision).is_some() {
            return None;
        }
        if !s.add.is_empty() {
            layers.writing.made.insert(s.key, s.add.iter().map(|a| a.id.clone()).collect());
        }
        for a in s.add {
            if ws.check(&a).is_err() || ws.annotation(&a.id).is_some() {
                return None;
            }
            changes.push(Change::Annotation { before: None, after: Some(a) });
        }
    }
    changes.push(Change::Layers { before: ws.layers.clone(), after: Rc::new(layers) });
    Plan::all(changes)
}

/// Takes a settled difference back: its decision forgotten and what it put into gold (still there) removed.
pub(super) fn reopen(ws: &Workspace, key: &str) -> Option<Plan> {
    if ws.layers.writing.kind != LayerKind::Gold || !ws.layers.writing.decisions.contains_key(key) {
        return None;
    }
    let mut layers = (*ws.layers).clone();
    layers.writing.decisions.remove(key);
    let made = layers.writing.made.remove(key).unwrap_or_default();
    let mut changes: Vec<Change> =
        made.iter().filter_map(|id| ws.annotation(id)).map(|a| Change::Annotation { before: Some(a.clone()), after: None }).collect();
    changes.push(Change::Layers { before: ws.layers.clone(), after: Rc::new(layers) });
    Plan::all(changes)
}
