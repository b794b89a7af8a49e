//! Adjudication of two layers into the gold layer: their differences in text order (from
//! `agreement`), which are settled, and what each decision puts into gold.

use super::action::Settled;
use super::agreement::{compare, Comparison, Item, ItemKind, Unit};
use super::annotation::{Annotation, AnnotationId, Timestamp};
use super::labels::LabelId;
use super::layers::{difference_key, Decision, LayerId};
use super::text::Span;
use super::workspace::Workspace;
use std::rc::Rc;

/// A layer's annotations as the agreement figures read them.
pub fn units(list: &[Rc<Annotation>]) -> Vec<Unit<'_>> {
    list.iter().map(|a| Unit { id: a.id.as_str(), start: a.span.start.0, end: a.span.end.0, label: a.label.0.as_str() }).collect()
}

/// Layers `a` and `b` compared, if both exist.
pub fn comparison(ws: &Workspace, a: &LayerId, b: &LayerId) -> Option<Comparison> {
    let (la, lb) = (ws.layer_annotations(a)?, ws.layer_annotations(b)?);
    Some(compare(&units(la), &units(lb), ws.article.text.char_len()))
}

/// The key a difference is settled under.
pub fn key(item: &Item) -> String {
    difference_key(item.a.as_deref(), item.b.as_deref())
}

/// How the gold layer being written settled `item`, if it did.
pub fn decision(ws: &Workspace, item: &Item) -> Option<Decision> {
    ws.layers.writing.decisions.get(&key(item)).copied()
}

/// How many of `items` are settled, of how many.
pub fn progress(ws: &Workspace, items: &[Item]) -> (usize, usize) {
    (items.iter().filter(|i| decision(ws, i).is_some()).count(), items.len())
}

/// The first unsettled item after `from` (or at it, with `include`), wrapping around.
pub fn next_unsettled(ws: &Workspace, items: &[Item], from: Option<usize>, forwards: bool) -> Option<usize> {
    let n = items.len();
    if n == 0 {
        return None;
    }
    let start = from.unwrap_or(if forwards { n - 1 } else { 0 });
    (1..=n).map(|k| if forwards { (start + k) % n } else { (start + n - k % n) % n }).find(|&i| decision(ws, &items[i]).is_none())
}

/// The annotations of A and of B that `item` pairs (either may be missing).
pub fn sides(ws: &Workspace, pair: (&LayerId, &LayerId), item: &Item) -> (Option<Rc<Annotation>>, Option<Rc<Annotation>>) {
    let find = |layer: &LayerId, id: &Option<String>| -> Option<Rc<Annotation>> {
        let id = id.as_deref()?;
        ws.layer_annotations(layer)?.iter().find(|a| a.id.as_str() == id).cloned()
    };
    (find(pair.0, &item.a), find(pair.1, &item.b))
}

/// A copy of an annotation for the gold layer: a new id and time, the same span, label, note and review.
fn copy(a: &Annotation, id: AnnotationId, now: &Timestamp) -> Annotation {
    Annotation { id, created: now.clone(), modified: now.clone(), ..a.clone() }
}

/// What settling `item` of the pair (`a`, `b`) with `decision` puts into gold. `drawn` is the span
/// and label the adjudicator drew for [`Decision::Edited`]. `None` when the decision does not fit
/// the item (accept A of a span only B has).
pub fn settle(
    ws: &Workspace,
    pair: (&LayerId, &LayerId),
    item: &Item,
    decision: Decision,
    drawn: Option<(Span, LabelId)>,
    now: &Timestamp,
    new_id: &mut dyn FnMut() -> AnnotationId,
) -> Option<Settled> {
    let (a, b) = sides(ws, pair, item);
    let add = match decision {
        Decision::A => vec![copy(a.as_deref()?, new_id(), now)],
        Decision::B => vec![copy(b.as_deref()?, new_id(), now)],
        // An agreement taken "both" is one span, not two of the same.
        Decision::Both if item.kind == ItemKind::Agree => vec![copy(a.as_deref()?, new_id(), now)],
        Decision::Both => vec![copy(a.as_deref()?, new_id(), now), copy(b.as_deref()?, new_id(), now)],
        Decision::Neither => vec![],
        Decision::Edited => {
            let (span, label) = drawn?;
            let like = a.or(b)?;
            vec![Annotation { span, label, ..copy(&like, new_id(), now) }]
        }
    };
    Some(Settled { key: key(item), decision, add })
}

/// Every agreement not yet settled, each taken as A's span: for one step.
pub fn settle_agreements(
    ws: &Workspace,
    pair: (&LayerId, &LayerId),
    items: &[Item],
    now: &Timestamp,
    new_id: &mut dyn FnMut() -> AnnotationId,
) -> Vec<Settled> {
    items
        .iter()
        .filter(|i| i.kind == ItemKind::Agree && decision(ws, i).is_none())
        .filter_map(|i| settle(ws, pair, i, Decision::A, None, now, new_id))
        .collect()
}
