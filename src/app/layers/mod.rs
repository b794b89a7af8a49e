//! The article's layers in the side panel: which one new annotations go into (always in sight),
//! each other annotator's shown as rings or not, differences only, Import as layer…, and the
//! way to agreement figures and adjudication (`compare.rs`, `adjudicate.rs`).

pub mod adjudicate;
pub mod compare;
pub mod rings;

use super::i18n::Tr;
use super::notices::{Level, Notice};
use super::provider::use_workspace;
use crate::bridge::{clock, files};
use crate::model::action::{Action, Edit, View};
use crate::model::format;
use crate::model::layers::{LayerId, LayerInfo, LayerView, Layers};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A layer's name as the interface shows it.
pub fn layer_name(tr: Tr, layers: &Layers, info: &LayerInfo) -> String {
    if info.name.is_empty() && info.id == LayerId::own() {
        tr.t("your layer").to_string()
    } else if info.id == LayerId::gold() && info.name == crate::model::layers::GOLD {
        tr.t("gold").to_string()
    } else {
        layers.display_name(info).to_string()
    }
}

/// The name of layer `id` as the interface shows it (its id if the article has no such layer).
pub fn name_of(tr: Tr, layers: &Layers, id: &LayerId) -> String {
    layers.info(id).map_or_else(|| id.0.clone(), |i| layer_name(tr, layers, i))
}

#[derive(Properties, PartialEq)]
pub struct LayersPanelProps {
    /// Opens the agreement figures.
    pub on_compare: Callback<()>,
}

#[component]
pub fn LayersPanel(props: &LayersPanelProps) -> Html {
    let ctx = use_workspace();
    let (state, tr) = (&ctx.state, ctx.tr);
    let ws = &state.workspace;
    let layers = &ws.layers;
    let view = &state.layer_view;
    let d = ctx.on_action.clone();
    let set_view = {
        let d = d.clone();
        move |v: LayerView| d.emit(Action::View(View::Layers(v)))
    };
    let on_import = {
        let (latest, notify) = (ctx.latest.clone(), ctx.notify.clone());
        let d = ctx.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
            input.set_value("");
            let (latest, notify, d) = (latest.clone(), notify.clone(), d.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = files::read_text(file).await.map_err(|e| tr.msg(&e));
                let current = latest.now();
                let result = read.and_then(|f| {
                    let mut new_id = || clock::new_annotation_id().0;
                    format::import_layers(&f.text, &current.workspace, &f.name, &clock::now(), &mut new_id).map(|r| (f.name, r)).map_err(|e| tr.msg(&e))
                });
                match result {
                    Ok((name, layers)) => {
                        let mut shown = current.layer_view.clone();
                        for (layer, summary) in layers {
                            shown.shown.push(layer.info.id.clone());
                            let message = tr.f(
                                "Imported \"{}\" as the layer \"{}\" ({} annotations). {}",
                                &[&name, &layer.info.name, &layer.annotations.len(), &tr.msg(&summary)],
                            );
                            d.emit(Ok(Action::Edit(Edit::AddLayer(Box::new(layer)))));
                            notify.emit(Notice::new(Level::Info, message));
                        }
                        d.emit(Ok(Action::View(View::Layers(shown))));
                    }
                    Err(message) => notify.emit(Notice::new(Level::Error, tr.f("Could not import the layer: {}. Nothing was changed.", &[&message]))),
                }
            });
        })
    };
    let writing = layer_name(tr, layers, &layers.writing);
    let several = !layers.aside.is_empty();
    html! {
        <section class="panel layers" aria-labelledby="layers-title">
            <h2 id="layers-title">{ tr.t("Layers") }</h2>
            <p class="layers-writing" aria-live="polite">
                <span class="ring-swatch" aria-hidden="true" style={format!("border-color:{}", rings::colour_of(layers, &layers.writing.id))}></span>
                { tr.t("New annotations go into ") }<strong dir="auto">{ writing }</strong>
            </p>
            if several {
                <ul class="layer-list" role="list">
                    { for layers.aside.iter().map(|l| {
                        let id = l.info.id.clone();
                        let name = layer_name(tr, layers, &l.info);
                        let is_shown = view.shown.contains(&id);
                        let toggle = {
                            let (set_view, view, id) = (set_view.clone(), view.clone(), id.clone());
                            Callback::from(move |_: Event| {
                                let mut v = view.clone();
                                if v.shown.contains(&id) { v.shown.retain(|x| x != &id) } else { v.shown.push(id.clone()) }
                                set_view(v)
                            })
                        };
                        let write = { let (d, id) = (d.clone(), id.clone()); Callback::from(move |_| d.emit(Action::Edit(Edit::WriteInto(id.clone())))) };
                        let remove = { let (d, id) = (d.clone(), id.clone()); Callback::from(move |_| d.emit(Action::Edit(Edit::RemoveLayer(id.clone())))) };
                        html! {
                            <li key={id.0.clone()} class="layer">
                                <label>
                                    <input type="checkbox" checked={is_shown} onchange={toggle} />
                                    <span class="ring-swatch" aria-hidden="true" style={format!("border-color:{}", rings::colour_of(layers, &id))}></span>
                                    <span dir="auto">{ name.clone() }</span>
                                    <span class="count">{ tr.f("({})", &[&l.annotations.len()]) }</span>
                                </label>
                                <span class="layer-actions">
                                    <button onclick={write} aria-label={tr.f("Write here: {}", &[&name])}>{ tr.t("Write here") }</button>
                                    <button onclick={remove} aria-label={tr.f("Remove the layer {}", &[&name])}>{ tr.t("Remove") }</button>
                                </span>
                            </li>
                        }
                    }) }
                </ul>
                <label class="row">
                    <input type="checkbox" checked={view.differences_only}
                        onchange={{ let (set_view, view) = (set_view.clone(), view.clone());
                            Callback::from(move |_: Event| set_view(LayerView { differences_only: !view.differences_only, ..view.clone() })) }} />
                    { tr.t("Differences only") }
                </label>
            }
            <div class="layer-buttons">
                <label class="button file-button" title={tr.t("Add a colleague's annotations of this article (Annota JSON, doccano, Label Studio, W3C) as a layer beside yours")}>
                    { tr.t("Import as layer…") }
                    <input type="file" accept=".json,.jsonl,.jsonld,application/json" onchange={on_import} class="visually-hidden" />
                </label>
                if several {
                    <button onclick={props.on_compare.reform(|_| ())}>{ tr.t("Agreement…") }</button>
                }
            </div>
        </section>
    }
}
