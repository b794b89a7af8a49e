//! Adjudicate: walks the differences of two layers in text order, by key or button: accept A,
//! accept B, both, neither, or the span drawn in the article; each decision goes into the gold
//! layer as one undo step, the two versions side by side, the article scrolled to each.

use super::name_of;
use crate::app::provider::use_workspace;
use crate::bridge::{article_dom, clock, selection};
use crate::model::action::{Action, Edit, View};
use crate::model::adjudication::{self, comparison, decision, next_unsettled, progress};
use crate::model::agreement::ItemKind;
use crate::model::annotation::Annotation;
use crate::model::layers::{Decision, LayerId, LayerKind, LayerView};
use crate::model::text::{CharOffset, Span};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AdjudicateProps {
    pub article: NodeRef,
    /// The pair the gold layer settles (see [`adjudicating`]).
    pub a: LayerId,
    pub b: LayerId,
    /// The difference being decided, drawn as the current ring in the article (A's, else B's).
    pub on_current: Callback<Option<(Span, AttrValue)>>,
}

/// The gold layer's pair, while it is the layer being written.
pub fn adjudicating(ws: &crate::model::workspace::Workspace) -> Option<(LayerId, LayerId)> {
    (ws.layers.writing.kind == LayerKind::Gold).then(|| ws.layers.writing.compares.clone()).flatten()
}

#[component]
pub fn AdjudicationPanel(props: &AdjudicateProps) -> Html {
    let ctx = use_workspace();
    let (state, tr) = (&ctx.state, ctx.tr);
    let ws = &state.workspace;
    let at = use_state(|| None::<usize>);
    let (a, b) = (props.a.clone(), props.b.clone());
    // The pair's figures are computed again only when either layer changes.
    let items = {
        let (la, lb) = (ws.layer_annotations(&a).cloned(), ws.layer_annotations(&b).cloned());
        let ws = ws.clone();
        let (a, b) = (a.clone(), b.clone());
        use_memo((la, lb), move |_| Rc::new(comparison(&ws, &a, &b).map(|c| c.differences).unwrap_or_default()))
    };
    let (settled, total) = progress(ws, &items);
    let current = (*at).filter(|&i| i < items.len()).or_else(|| next_unsettled(ws, &items, None, true));
    // The article scrolled to the difference, and both layers drawn while it is walked.
    {
        let item = current.and_then(|i| items.get(i).cloned());
        let ring = item.as_ref().and_then(|item| {
            let (x, y) = adjudication::sides(ws, (&a, &b), item);
            let side = x.map(|x| (a.clone(), x)).or_else(|| y.map(|y| (b.clone(), y)));
            side.map(|(layer, x)| (x.span, AttrValue::from(super::rings::ring_ref(&ws.layers, &layer, x.span))))
        });
        let (article, text, on_current) = (props.article.clone(), ws.article.text.clone(), props.on_current.clone());
        use_effect_with((item, ring), move |(item, ring)| {
            on_current.emit(ring.clone());
            // After the render this may cause (the two layers' rings drawn), which replaces the paragraph.
            let start = item.as_ref().map(|i| CharOffset(i.start));
            gloo_timers::callback::Timeout::new(30, move || {
                if let (Some(start), Some(el)) = (start, article.cast::<web_sys::Element>()) {
                    article_dom::scroll_to_offset(&el, &text, start);
                }
            })
            .forget();
            let on_current = on_current.clone();
            move || on_current.emit(None)
        });
    }
    {
        let (d, view, pair) = (ctx.on_action.clone(), state.layer_view.clone(), (a.clone(), b.clone()));
        use_effect_with(pair, move |(a, b)| {
            let mut v = LayerView { shown: view.shown.clone(), ..view };
            for id in [a, b] {
                if !v.shown.contains(id) {
                    v.shown.push(id.clone());
                }
            }
            d.emit(Action::View(View::Layers(v)));
        });
    }
    let act = {
        let (latest, dispatch, article, items, at, pair) =
            (ctx.latest.clone(), ctx.dispatch.clone(), props.article.clone(), items.clone(), at.clone(), (a.clone(), b.clone()));
        Callback::from(move |d: Decision| {
            let state = latest.now();
            let ws = &state.workspace;
            let Some(i) = (*at).filter(|&i| i < items.len()).or_else(|| next_unsettled(ws, &items, None, true)) else { return };
            let drawn = match d {
                Decision::Edited => {
                    let span = article.cast::<web_sys::Element>().and_then(|el| selection::selected_span(&el, &ws.article.text));
                    let Some(span) = span else {
                        dispatch.emit(Err(tr.t("Select the span in the article first, then press e.").to_string()));
                        return;
                    };
                    let (x, y) = adjudication::sides(ws, (&pair.0, &pair.1), &items[i]);
                    x.or(y).map(|like| (span, like.label.clone()))
                }
                _ => None,
            };
            let mut new_id = clock::new_annotation_id;
            match adjudication::settle(ws, (&pair.0, &pair.1), &items[i], d, drawn, &clock::now(), &mut new_id) {
                Some(s) => {
                    dispatch.emit(Ok(Action::Edit(Edit::Settle(vec![s]))));
                    // On to the next one still open after this (this one counts as settled now).
                    let n = items.len();
                    at.set((1..n).map(|k| (i + k) % n).find(|&j| decision(ws, &items[j]).is_none()));
                }
                None => dispatch.emit(Err(tr.t("That decision does not fit this difference: it has no such side.").to_string())),
            }
        })
    };
    let go = {
        let (latest, items, at) = (ctx.latest.clone(), items.clone(), at.clone());
        Callback::from(move |forwards: bool| {
            let n = items.len();
            if n == 0 {
                return;
            }
            let here = (*at).or_else(|| next_unsettled(&latest.now().workspace, &items, None, true)).unwrap_or(0);
            at.set(Some(if forwards { (here + 1) % n } else { (here + n - 1) % n }));
        })
    };
    let accept_agreements = {
        let (latest, dispatch, items, pair) = (ctx.latest.clone(), ctx.dispatch.clone(), items.clone(), (a.clone(), b.clone()));
        Callback::from(move |_| {
            let state = latest.now();
            let mut new_id = clock::new_annotation_id;
            let all = adjudication::settle_agreements(&state.workspace, (&pair.0, &pair.1), &items, &clock::now(), &mut new_id);
            if !all.is_empty() {
                dispatch.emit(Ok(Action::Edit(Edit::Settle(all))));
            }
        })
    };
    let reopen = {
        let (dispatch, items, at) = (ctx.dispatch.clone(), items.clone(), at.clone());
        Callback::from(move |i: usize| {
            at.set(Some(i));
            dispatch.emit(Ok(Action::Edit(Edit::Reopen(adjudication::key(&items[i])))));
        })
    };
    let onkeydown = {
        let (act, go) = (act.clone(), go.clone());
        let (reopen_key, current_for_keys) = (reopen.clone(), current.filter(|&i| decision(ws, &items[i]).is_some()));
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let decision = match e.key().as_str() {
                "a" => Some(Decision::A),
                "b" => Some(Decision::B),
                "t" => Some(Decision::Both),
                "x" => Some(Decision::Neither),
                "e" => Some(Decision::Edited),
                _ => None,
            };
            if e.key() == "r" {
                e.prevent_default();
                e.stop_propagation();
                if let Some(i) = current_for_keys {
                    reopen_key.emit(i);
                }
                return;
            }
            let moved = match e.key().as_str() {
                "j" | "ArrowDown" => Some(true),
                "k" | "ArrowUp" => Some(false),
                _ => None,
            };
            if decision.is_none() && moved.is_none() {
                return;
            }
            e.prevent_default();
            e.stop_propagation();
            if let Some(d) = decision {
                act.emit(d);
            }
            if let Some(f) = moved {
                go.emit(f);
            }
        })
    };
    let agreements_left = items.iter().filter(|i| i.kind == ItemKind::Agree && decision(ws, i).is_none()).count();
    let layers = &ws.layers;
    let name = |id: &LayerId| name_of(tr, layers, id);
    let (na, nb) = (name(&a), name(&b));
    let text = &ws.article.text;
    let version = |who: &str, ann: Option<Rc<Annotation>>| -> Html {
        match ann {
            Some(x) => {
                let label = ws.labels.iter().find(|l| l.id == x.label).map_or(x.label.0.clone(), |l| l.name.clone());
                html! { <div class="version"><h4 dir="auto">{ who.to_string() }</h4><q dir="auto">{ text.slice(x.span).unwrap_or("").to_string() }</q>
                <span class="version-label">{ label }</span><span class="offsets" dir="ltr">{ format!("{}–{}", x.span.start.0, x.span.end.0) }</span></div> }
            }
            None => html! { <div class="version none"><h4 dir="auto">{ who.to_string() }</h4><p>{ tr.t("no span here") }</p></div> },
        }
    };
    html! {
        <section class="panel adjudication" aria-labelledby="adjudication-title" tabindex="0" {onkeydown} autofocus=true>
            <h2 id="adjudication-title">{ tr.f("Adjudicate {} and {}", &[&na, &nb]) }</h2>
            <p class="adjudication-progress" role="status">{ tr.f("{} of {} settled", &[&settled, &total]) }</p>
            <progress max={total.max(1).to_string()} value={settled.to_string()} aria-hidden="true"></progress>
            if let Some(i) = current {
                <div class="difference">
                    <p class="difference-kind"><strong>{ tr.t(items[i].kind.name()) }</strong>
                        { tr.f(" · {} of {}", &[&(i + 1), &total]) }
                        if let Some(d) = decision(ws, &items[i]) {
                            { tr.f(" · settled: {}", &[&tr.t(d.name())]) }
                            <button class="reopen" onclick={reopen.reform(move |_| i)}>{ tr.t("Reopen") }<kbd>{ "r" }</kbd></button>
                        }
                    </p>
                    <div class="versions">
                        { { let (x, y) = adjudication::sides(ws, (&a, &b), &items[i]);
                            html! { <>{ version(&tr.f("A: {}", &[&na]), x) }{ version(&tr.f("B: {}", &[&nb]), y) }</> } } }
                    </div>
                    <div class="decisions">
                        <button onclick={act.reform(|_| Decision::A)} disabled={items[i].a.is_none()}>{ tr.t("Accept A") }<kbd>{ "a" }</kbd></button>
                        <button onclick={act.reform(|_| Decision::B)} disabled={items[i].b.is_none()}>{ tr.t("Accept B") }<kbd>{ "b" }</kbd></button>
                        <button onclick={act.reform(|_| Decision::Both)} disabled={items[i].a.is_none() || items[i].b.is_none()}>{ tr.t("Both") }<kbd>{ "t" }</kbd></button>
                        <button onclick={act.reform(|_| Decision::Neither)}>{ tr.t("Neither") }<kbd>{ "x" }</kbd></button>
                        <button onclick={act.reform(|_| Decision::Edited)} title={tr.t("Select the span in the article, then take it with the label of A (or B)")}>{ tr.t("Use selected span") }<kbd>{ "e" }</kbd></button>
                    </div>
                    <div class="walk">
                        <button onclick={go.reform(|_| false)}>{ tr.t("Previous difference") }<kbd>{ "k" }</kbd></button>
                        <button onclick={go.reform(|_| true)}>{ tr.t("Next difference") }<kbd>{ "j" }</kbd></button>
                    </div>
                </div>
            } else {
                <p>{ tr.t("Every difference is settled. The gold layer exports in every format like any annotations.") }</p>
            }
            if agreements_left > 0 {
                <button class="primary" onclick={accept_agreements}>{ tr.f("Accept all {} agreements", &[&agreements_left]) }</button>
            }
            <p class="hint">{ tr.t("Keys here: a accept A, b accept B, t both, x neither, e the span selected in the article, j next, k previous, r reopen a settled one. Undo takes a decision back.") }</p>
        </section>
    }
}
