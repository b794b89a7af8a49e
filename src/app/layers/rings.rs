//! Other annotators' layers drawn over the article: each shown layer's spans as rings in its
//! colour (outlines, like suggestions, so Arabic letters stay joined across their edges), and with
//! "differences only" just what the written layer does not have the same.

use crate::app::proposed::Proposed;
use crate::i18n::Tr;
use crate::model::annotation::Annotation;
use crate::model::labels::{Label, LabelId};
use crate::model::layers::{ring_colour, LayerId, LayerView, Layers};
use crate::model::text::Span;
use crate::model::workspace::Workspace;
use std::collections::HashSet;
use std::rc::Rc;

/// A layer's colour, the same wherever it is shown: by its place among the article's layer ids.
pub fn colour_of(layers: &Layers, id: &LayerId) -> &'static str {
    ring_colour(index_of(layers, id))
}

/// A layer's place among the article's layer ids, which names its rings' class.
pub fn index_of(layers: &Layers, id: &LayerId) -> usize {
    let mut ids: Vec<&LayerId> = layers.infos().map(|i| &i.id).collect();
    ids.sort();
    ids.iter().position(|i| *i == id).unwrap_or(0)
}

/// The reference of the ring a layer draws for `span` (see [`rings`]).
pub fn ring_ref(layers: &Layers, id: &LayerId, span: Span) -> String {
    format!("ring-{}-{}-{}", index_of(layers, id), span.start.0, span.end.0)
}

/// One rule per layer: its rings' colour.
pub fn ring_styles(layers: &Layers) -> String {
    layers.infos().map(|i| format!(".article .sug.ring-{}{{outline-color:{}}}\n", index_of(layers, &i.id), colour_of(layers, &i.id))).collect()
}

type Key<'a> = (Span, &'a LabelId);

fn keys(list: &[Rc<Annotation>]) -> HashSet<Key<'_>> {
    list.iter().map(|a| (a.span, &a.label)).collect()
}

/// The layers shown besides the written one (those still there).
pub fn shown<'a>(ws: &'a Workspace, view: &'a LayerView) -> Vec<(&'a LayerId, &'a Rc<Vec<Rc<Annotation>>>)> {
    view.shown.iter().filter(|id| **id != ws.layers.writing.id).filter_map(|id| Some((id, ws.layer_annotations(id)?))).collect()
}

/// The rings to draw, in text order.
pub fn rings(ws: &Workspace, view: &LayerView, tr: Tr) -> Rc<Vec<Proposed>> {
    let layers = &ws.layers;
    let shown = shown(ws, view);
    if shown.is_empty() {
        return Rc::new(Vec::new());
    }
    // Only "differences only" needs the written layer's keys (an edit at L rebuilds them).
    let own = if view.differences_only { keys(&ws.annotations) } else { HashSet::new() };
    let name_of = |l: &LabelId| ws.labels.iter().find(|x| &x.id == l).map_or(l.0.clone(), |x: &Label| x.name.clone());
    let mut out = Vec::new();
    for (id, list) in shown {
        let n = index_of(layers, id);
        let layer = layers.info(id).map_or(id.0.as_str(), |i| layers.display_name(i));
        for a in list.iter().filter(|a| !view.differences_only || !own.contains(&(a.span, &a.label))) {
            out.push(Proposed {
                span: a.span,
                reference: ring_ref(layers, id, a.span).into(),
                class: format!("ring ring-{n}").into(),
                title: tr.f("{}: {}", &[&layer, &name_of(&a.label)]).into(),
            });
        }
    }
    out.sort_by_key(|p| (p.span.start, std::cmp::Reverse(p.span.end)));
    Rc::new(out)
}

/// The written layer's annotations to draw: with "differences only", those every shown layer has
/// the same are left out.
pub fn drawn(ws: &Workspace, view: &LayerView) -> Rc<Vec<Rc<Annotation>>> {
    let shown = shown(ws, view);
    if !view.differences_only || shown.is_empty() {
        return ws.annotations.clone();
    }
    let sets: Vec<HashSet<Key>> = shown.iter().map(|(_, l)| keys(l)).collect();
    Rc::new(ws.annotations.iter().filter(|a| !sets.iter().all(|s| s.contains(&(a.span, &a.label)))).cloned().collect())
}
