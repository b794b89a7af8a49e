//! Agreement: two layers chosen, their figures per label and over all labels with each figure's
//! definition beside it, the label confusion table, a matrix when there are three layers or more,
//! the report downloaded as CSV or JSON, and the way into adjudication.

use super::name_of;
use crate::app::dialog_focus::FocusTrap;
use crate::app::notices::{Level, Notice};
use crate::app::provider::use_workspace;
use crate::bridge::{download, perf};
use crate::i18n::Tr;
use crate::model::action::{Action, Edit};
use crate::model::adjudication::comparison;
use crate::model::agreement::report::{self, ReportMeta, DEFINITIONS};
use crate::model::agreement::{Comparison, Figures, NONE};
use crate::model::format::file_stem;
use crate::model::layers::{LayerId, LayerKind};
use crate::model::workspace::Workspace;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AgreementProps {
    pub on_close: Callback<()>,
}

fn num(tr: Tr, x: Option<f64>) -> Html {
    match x {
        Some(v) => html! { format!("{v:.3}") },
        None => html! { <abbr title={tr.t("undefined: see the definition below")}>{ "—" }</abbr> },
    }
}

fn figures_row(tr: Tr, name: String, f: &Figures) -> Html {
    let c = &f.counts;
    html! {
        <tr>
            <th scope="row" dir="auto">{ name }</th>
            <td>{ num(tr, f.exact.f1()) }</td>
            <td>{ num(tr, f.overlap.f1()) }</td>
            <td>{ num(tr, f.kappa) }</td>
            <td>{ num(tr, f.alpha) }</td>
            <td>{ c.matches }</td>
            <td>{ c.label_disagreements }</td>
            <td>{ c.boundary_differences }</td>
            <td>{ c.only_a }</td>
            <td>{ c.only_b }</td>
        </tr>
    }
}

/// Every pair of layers, the chosen one first: what the report carries.
fn all_pairs(ws: &Workspace, chosen: &(LayerId, LayerId)) -> Vec<(LayerId, LayerId)> {
    let ids: Vec<LayerId> = ws.layers.infos().map(|i| i.id.clone()).collect();
    let mut out = vec![chosen.clone()];
    for (i, x) in ids.iter().enumerate() {
        for y in &ids[i + 1..] {
            let p = (x.clone(), y.clone());
            if p != *chosen && (y.clone(), x.clone()) != *chosen {
                out.push(p);
            }
        }
    }
    out
}

fn label_name(ws: &Workspace, tr: Tr, id: &str) -> String {
    if id == NONE {
        return tr.t("(none)").to_string();
    }
    ws.labels.iter().find(|l| l.id.0 == id).map_or(id.to_string(), |l| l.name.clone())
}

#[component]
pub fn AgreementDialog(props: &AgreementProps) -> Html {
    let ctx = use_workspace();
    let (state, tr) = (&ctx.state, ctx.tr);
    let ws = &state.workspace;
    let layers = &ws.layers;
    let ids: Vec<LayerId> = layers.infos().map(|i| i.id.clone()).collect();
    // By default the two first layers that are not gold.
    let default_pair = {
        let plain: Vec<&LayerId> = layers.infos().filter(|i| i.kind != LayerKind::Gold).map(|i| &i.id).collect();
        match (plain.first(), plain.get(1)) {
            (Some(a), Some(b)) => ((*a).clone(), (*b).clone()),
            _ => (ids[0].clone(), ids.get(1).unwrap_or(&ids[0]).clone()),
        }
    };
    let pair = use_state(|| default_pair);
    let (a, b) = (*pair).clone();
    let name = |id: &LayerId| name_of(tr, layers, id);
    let result: Option<Comparison> = perf::measure("annota:agreement", || comparison(ws, &a, &b));
    let pick = |first: bool| {
        let pair = pair.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let (mut a, mut b) = (*pair).clone();
            if first {
                a = LayerId(value)
            } else {
                b = LayerId(value)
            }
            pair.set((a, b));
        })
    };
    let select = |first: bool, current: &LayerId, what: &'static str| {
        html! {
            <label>{ what }
                <select onchange={pick(first)} aria-label={what}>
                    { for ids.iter().map(|id| html! { <option value={id.0.clone()} selected={id == current}>{ name(id) }</option> }) }
                </select>
            </label>
        }
    };
    let download_report = |json: bool| {
        let (latest, notify) = (ctx.latest.clone(), ctx.notify.clone());
        let chosen = (a.clone(), b.clone());
        Callback::from(move |_| {
            let state = latest.now();
            let ws = &state.workspace;
            let pairs = all_pairs(ws, &chosen);
            let computed: Vec<(String, String, Comparison)> = pairs
                .iter()
                .filter_map(|(x, y)| {
                    let n = |id: &LayerId| ws.layers.info(id).map_or(id.0.clone(), |i| ws.layers.display_name(i).to_string());
                    Some((n(x), n(y), comparison(ws, x, y)?))
                })
                .collect();
            let refs: Vec<(&str, &str, &Comparison)> = computed.iter().map(|(x, y, c)| (x.as_str(), y.as_str(), c)).collect();
            let meta = ReportMeta { article_id: ws.article.id.clone(), title: ws.title().to_string() };
            let stem = file_stem(ws.title());
            let done = if json {
                download::download(&format!("{stem}.agreement.json"), "application/json", &report::to_json(&meta, &refs))
            } else {
                download::download(&format!("{stem}.agreement.csv"), "text/csv;charset=utf-8", &report::to_csv(&meta, &refs))
            };
            if let Err(e) = done {
                notify.emit(Notice::new(Level::Error, tr.f("Could not download the file: {}.", &[&tr.msg(&e)])));
            }
        })
    };
    let adjudicate = {
        let (d, close, a, b) = (ctx.on_action.clone(), props.on_close.clone(), a.clone(), b.clone());
        Callback::from(move |_| {
            d.emit(Action::Edit(Edit::Adjudicate { a: a.clone(), b: b.clone() }));
            close.emit(())
        })
    };
    let definition = |key: &str| DEFINITIONS.iter().find(|(k, _)| *k == key).map(|(_, definition)| tr.t(definition));
    let same = a == b;
    let matrix = ids.len() >= 3;
    html! {
        <div class="dialog-backdrop">
            <FocusTrap on_close={props.on_close.clone()}>
            <div class="dialog agreement-dialog" role="dialog" aria-modal="true" aria-labelledby="agreement-title">
                <h2 id="agreement-title">{ tr.t("Agreement between layers") }</h2>
                <div class="agreement-pick">
                    { select(true, &a, tr.t("Layer A")) }
                    { select(false, &b, tr.t("Layer B")) }
                </div>
                if same {
                    <p>{ tr.t("Choose two different layers.") }</p>
                } else if let Some(c) = &result {
                    <div class="figures-scroll">
                    <table class="figures" aria-label={tr.t("Agreement figures")}>
                        <thead><tr>
                            <th scope="col">{ tr.t("Label") }</th>
                            // Each heading carries its figure's definition (written out in full below the tables).
                            <th scope="col" title={definition("exact_f1")}>{ tr.t("Exact F1") }</th>
                            <th scope="col" title={definition("overlap_f1")}>{ tr.t("Overlap F1") }</th>
                            <th scope="col" title={definition("kappa")}>{ tr.t("Cohen's κ") }</th>
                            <th scope="col" title={definition("alpha")}>{ tr.t("Krippendorff's α") }</th>
                            <th scope="col" title={definition("matches")}>{ tr.t("Matches") }</th>
                            <th scope="col" title={definition("label_disagreements")}>{ tr.t("Label disagreements") }</th>
                            <th scope="col" title={definition("boundary_differences")}>{ tr.t("Boundary differences") }</th>
                            <th scope="col" title={definition("only_a")}>{ tr.t("Only in A") }</th>
                            <th scope="col" title={definition("only_a")}>{ tr.t("Only in B") }</th>
                        </tr></thead>
                        <tbody>
                            { for c.labels.iter().map(|(l, f)| figures_row(tr, label_name(ws, tr, l), f)) }
                            { figures_row(tr, tr.t("All labels").to_string(), &c.all) }
                        </tbody>
                    </table>
                    </div>
                    <h3>{ tr.t("Label confusion (rows: A, columns: B)") }</h3>
                    <div class="figures-scroll">
                    <table class="figures confusion" aria-label={tr.t("Label confusion")}>
                        <thead><tr><th scope="col">{ "A \\ B" }</th>
                            { for c.confusion.labels.iter().map(|l| html! { <th scope="col" dir="auto">{ label_name(ws, tr, l) }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for c.confusion.labels.iter().zip(&c.confusion.cells).map(|(l, row)| html! {
                                <tr><th scope="row" dir="auto">{ label_name(ws, tr, l) }</th>{ for row.iter().map(|n| html! { <td>{ n }</td> }) }</tr>
                            }) }
                        </tbody>
                    </table>
                    </div>
                }
                if matrix {
                    <h3>{ tr.t("Every pair: overlap F1 / κ over all labels") }</h3>
                    <div class="figures-scroll">
                    <table class="figures matrix" aria-label={tr.t("Agreement matrix")}>
                        <thead><tr><td></td>{ for ids.iter().map(|id| html! { <th scope="col" dir="auto">{ name(id) }</th> }) }</tr></thead>
                        <tbody>
                            { for ids.iter().map(|x| html! {
                                <tr><th scope="row" dir="auto">{ name(x) }</th>
                                { for ids.iter().map(|y| if x == y { html! { <td>{ "—" }</td> } } else {
                                    match comparison(ws, x, y) {
                                        Some(c) => html! { <td>{ num(tr, c.all.overlap.f1()) }{ " / " }{ num(tr, c.all.kappa) }</td> },
                                        None => html! { <td></td> },
                                    }
                                }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    </div>
                }
                <details class="definitions" open=true>
                    <summary>{ tr.t("What each figure means") }</summary>
                    <ul>{ for DEFINITIONS.iter().map(|(_, definition)| html! { <li>{ tr.t(definition) }</li> }) }</ul>
                </details>
                <div class="dialog-actions">
                    <button onclick={download_report(false)} disabled={same}>{ tr.t("Download agreement CSV") }</button>
                    <button onclick={download_report(true)} disabled={same}>{ tr.t("Download agreement JSON") }</button>
                    <button class="primary" onclick={adjudicate} disabled={same}>{ tr.t("Adjudicate") }</button>
                    <button onclick={props.on_close.reform(|_| ())}>{ tr.t("Close") }</button>
                </div>
            </div>
            </FocusTrap>
        </div>
    }
}
