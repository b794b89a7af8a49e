//! The annotations in the side panel: every one in text order with a count, filtered by label (and
//! claims by status and verdict), and the orphans an import could not place.

use super::i18n::use_tr;
use super::pattern::chip_style;
use crate::model::annotation::{text_order, Annotation, AnnotationId, Orphan};
use crate::model::facts::{Settings, Status};
use crate::model::filter::{Filter, VerdictFilter};
use crate::model::labels::{label_look, Label, LabelId};
use crate::model::labels::{pattern_of, Pattern};
use crate::model::text::{shorten, TextIndex};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub text: Rc<TextIndex>,
    pub labels: Rc<Vec<Label>>,
    pub annotations: Rc<Vec<Rc<Annotation>>>,
    pub filter: Filter,
    pub settings: Rc<Settings>,
    /// The selected annotation (its place in text order finds its entry without a scan).
    pub selected: Option<Rc<Annotation>>,
    pub orphans: Rc<Vec<Orphan>>,
    pub on_reveal: Callback<AnnotationId>,
    pub on_filter: Callback<Filter>,
    /// Place an orphan at the current text selection.
    pub on_place_orphan: Callback<AnnotationId>,
    pub on_delete_orphan: Callback<AnnotationId>,
}

/// The verdict filter's value for "no verdict yet" (no verdict name is a URN).
const UNDECIDED: &str = "urn:annota:no-verdict";

/// How many entries the panel renders at first, and how many more each "Show more" adds.
const PAGE: usize = 200;

/// How many neighbours on each side a selected annotation beyond the page is shown with: a few,
/// for context; each new selection there builds them afresh.
const WINDOW: usize = 3;

#[derive(Properties, PartialEq)]
struct EntryProps {
    /// Compared by pointer: an entry re-renders (and cuts its quote) only when its annotation changed.
    annotation: Rc<Annotation>,
    text: Rc<TextIndex>,
    label: AttrValue,
    color: AttrValue,
    pattern: Pattern,
    current: bool,
    on_reveal: Callback<AnnotationId>,
}

#[component]
fn Entry(props: &EntryProps) -> Html {
    let a = &props.annotation;
    let onclick = {
        let cb = props.on_reveal.clone();
        let id = a.id.clone();
        Callback::from(move |_| cb.emit(id.clone()))
    };
    html! {
        <li>
            <button class={classes!("entry", props.current.then_some("current"))} aria-current={props.current.then_some("true")} {onclick}>
                <span class="chip" style={chip_style("chip", props.pattern, &props.color)}>{ props.label.clone() }</span>
                <q dir="auto">{ shorten(props.text.slice(a.span).unwrap_or(""), 140) }</q>
                if !a.note.is_empty() {
                    <span class="note" dir="auto">{ shorten(&a.note, 100) }</span>
                }
            </button>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct EntryListProps {
    entries: Rc<Vec<Rc<Annotation>>>,
    text: Rc<TextIndex>,
    labels: Rc<Vec<Label>>,
    /// The selected annotation, when it is among these entries.
    current: Option<AnnotationId>,
    on_reveal: Callback<AnnotationId>,
}

#[component]
fn EntryList(props: &EntryListProps) -> Html {
    // Each label's name and colour once, shared by its entries.
    let looks: Vec<(LabelId, AttrValue, AttrValue, Pattern)> = props
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.clone(), AttrValue::from(Rc::<str>::from(l.name.as_str())), AttrValue::from(Rc::<str>::from(l.color.as_str())), Pattern::at(i)))
        .collect();
    html! {
        <>
            { for props.entries.iter().map(|a| {
                let (label, color, pattern) = match looks.iter().find(|(id, ..)| id == &a.label) {
                    Some((_, name, color, pattern)) => (name.clone(), color.clone(), *pattern),
                    None => { let (n, c) = label_look(&props.labels, &a.label); (AttrValue::from(n), AttrValue::from(c), Pattern::Solid) }
                };
                html! {
                    <Entry key={a.id.0.clone()} annotation={Rc::clone(a)} text={props.text.clone()} label={label} color={color} {pattern}
                        current={props.current.as_ref() == Some(&a.id)}
                        on_reveal={props.on_reveal.clone()} />
                }
            }) }
        </>
    }
}

#[component]
pub fn AnnotationsPanel(props: &PanelProps) -> Html {
    let tr = use_tr();
    let total = props.annotations.len();
    let keys = props.labels.iter().filter_map(|l| l.hotkey.clone()).collect::<Vec<_>>().join(", ");
    // Without a filter every annotation shows: no copy of a 10,000-long list per render.
    let filtered: Vec<Rc<Annotation>>;
    let shown: &[Rc<Annotation>] = if props.filter.is_empty() {
        &props.annotations
    } else {
        filtered = props.annotations.iter().filter(|a| props.filter.matches(a)).cloned().collect();
        &filtered
    };
    // Every label's count in one pass.
    let counts = {
        let mut counts = vec![0usize; props.labels.len()];
        for a in props.annotations.iter() {
            if let Some(i) = props.labels.iter().position(|l| l.id == a.label) {
                counts[i] += 1;
            }
        }
        counts
    };
    let on_select = |set: fn(&mut Filter, String)| {
        let (cb, filter) = (props.on_filter.clone(), props.filter.clone());
        Callback::from(move |e: Event| {
            let mut next = filter.clone();
            set(&mut next, e.target_unchecked_into::<HtmlSelectElement>().value());
            cb.emit(next);
        })
    };
    let on_filter = on_select(|f, v| f.label = (!v.is_empty()).then_some(LabelId(v)));
    let on_status = on_select(|f, v| f.status = Status::from_key(&v));
    let on_verdict = on_select(|f, v| {
        f.verdict = match v.as_str() {
            "" => None,
            x if x == UNDECIDED => Some(VerdictFilter::Undecided),
            _ => Some(VerdictFilter::Is(v)),
        }
    });
    let verdict_value = match &props.filter.verdict {
        None => String::new(),
        Some(VerdictFilter::Undecided) => UNDECIDED.to_string(),
        Some(VerdictFilter::Is(v)) => v.clone(),
    };
    // Long lists render a page at a time (and always as far as the selected annotation).
    let extra = use_state(|| 0usize);
    let selected_at = props.selected.as_ref().and_then(|sel| {
        let at = shown.partition_point(|a| text_order(a, sel) == std::cmp::Ordering::Less);
        shown.get(at).filter(|a| a.id == sel.id).map(|_| at)
    });
    let limit = PAGE + *extra;
    // The selected annotation beyond the rendered page gets a small window of its own.
    let window = selected_at.filter(|&i| i >= limit).map(|i| i.saturating_sub(WINDOW).max(limit)..(i + WINDOW + 1).min(shown.len()));
    // The rendered entries, compared by pointer: an edit elsewhere in a long article leaves the
    // page as it was, and it does not re-render (the selection's window is a list of its own).
    let page: Rc<Vec<Rc<Annotation>>> = Rc::new(shown.iter().take(limit).cloned().collect());
    let near: Rc<Vec<Rc<Annotation>>> = Rc::new(window.map(|w| shown[w].to_vec()).unwrap_or_default());
    let current_in = |list: &[Rc<Annotation>]| props.selected.as_ref().map(|a| a.id.clone()).filter(|id| list.iter().any(|a| &a.id == id));
    let (current, current_near) = (current_in(&page), current_in(&near));
    html! {
        <section class="panel" aria-label={tr.t("Annotations")}>
            <h2>{ tr.f("Annotations ({})", &[&total]) }</h2>
            <label class="filter">
                { tr.t("Show ") }
                <select aria-label={tr.t("Filter by label")} onchange={on_filter}>
                    <option value="" selected={props.filter.label.is_none()}>{ tr.t("All labels") }</option>
                    { for props.labels.iter().zip(&counts).map(|(l, &count)| {
                        html! {
                            <option value={l.id.0.clone()} selected={props.filter.label.as_ref() == Some(&l.id)}>
                                { format!("{} ({count})", l.name) }
                            </option>
                        }
                    }) }
                </select>
            </label>
            <div class="claim-filters">
                <label class="filter">
                    { tr.t("Claims ") }
                    <select aria-label={tr.t("Filter claims by status")} onchange={on_status}>
                        <option value="" selected={props.filter.status.is_none()}>{ tr.t("Any status") }</option>
                        { for Status::ALL.iter().map(|st| html! {
                            <option value={st.key()} selected={props.filter.status == Some(*st)}>{ tr.t(st.name()) }</option>
                        }) }
                    </select>
                </label>
                <label class="filter">
                    <select aria-label={tr.t("Filter claims by verdict")} onchange={on_verdict}>
                        <option value="" selected={verdict_value.is_empty()}>{ tr.t("Any verdict") }</option>
                        <option value={UNDECIDED} selected={verdict_value == UNDECIDED}>{ tr.t("No verdict yet") }</option>
                        { for props.settings.verdicts.iter().map(|v| html! {
                            <option value={v.name.clone()} selected={verdict_value == v.name}>{ v.name.clone() }</option>
                        }) }
                    </select>
                </label>
            </div>
            if total == 0 {
                <p class="empty">{ tr.f("No annotations yet. Select text in the article, then press a label button or its key ({}).", &[&keys]) }</p>
            } else if shown.is_empty() {
                <p class="empty">{ tr.t("No annotations match this filter.") }</p>
            }
            <ol class="entries" role="list">
                <EntryList entries={page} text={props.text.clone()} labels={props.labels.clone()} {current} on_reveal={props.on_reveal.clone()} />
                <EntryList entries={near} text={props.text.clone()} labels={props.labels.clone()} current={current_near} on_reveal={props.on_reveal.clone()} />
            </ol>
            if shown.len() > limit {
                <button class="more" onclick={{ let extra = extra.clone(); Callback::from(move |_| extra.set(*extra + PAGE)) }}>
                    { tr.f("Show more ({} not shown)", &[&(shown.len() - limit)]) }
                </button>
            }
            if !props.orphans.is_empty() {
                <section class="orphans" aria-label={tr.t("Orphans")}>
                    <h3>{ tr.f("Orphans ({})", &[&props.orphans.len()]) }</h3>
                    <p class="empty">{ tr.t("Imported annotations whose quote is not in this text. Select where one belongs and press Place at selection.") }</p>
                    <ol class="entries" role="list">
                        { for props.orphans.iter().map(|o| {
                            let (name, color) = label_look(&props.labels, &o.label);
                            let place = { let cb = props.on_place_orphan.clone(); let id = o.id.clone(); Callback::from(move |_| cb.emit(id.clone())) };
                            let delete = { let cb = props.on_delete_orphan.clone(); let id = o.id.clone(); Callback::from(move |_| cb.emit(id.clone())) };
                            html! {
                                <li key={o.id.0.clone()} class="orphan">
                                    <span class="chip" style={chip_style("chip", pattern_of(&props.labels, &o.label), &color)}>{ name }</span>
                                    <q dir="auto">{ shorten(&o.quote.exact, 140) }</q>
                                    <span class="note">{ tr.t_str(&o.reason) }</span>
                                    <span class="orphan-actions">
                                        <button onclick={place} onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}>{ tr.t("Place at selection") }</button>
                                        <button class="danger" onclick={delete}>{ tr.t("Delete orphan") }</button>
                                    </span>
                                </li>
                            }
                        }) }
                    </ol>
                </section>
            }
        </section>
    }
}
