//! The suggestions' part of the side panel (how many, the current one with its buttons, a
//! switch and a count per kind) and the question before accepting all of one kind.

use super::{Current, Do, Found};
use crate::app::dialog_focus::FocusTrap;
use crate::app::i18n::use_tr;
use crate::app::pattern::chip_style;
use crate::model::suggest::{review, Kind, Options};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub found: Rc<Found>,
    pub shown: Option<Rc<Current>>,
    pub options: Rc<Options>,
    pub rejected: usize,
    pub act: Callback<Do>,
}

#[component]
pub fn SuggestionsPanel(props: &PanelProps) -> Html {
    let tr = use_tr();
    let list = &props.found.list;
    let counts = review::counts(list);
    let act = |what: Do| props.act.reform(move |_: MouseEvent| what.clone());
    html! {
        <section class="panel suggestions" aria-labelledby="suggestions-title">
            <h2 id="suggestions-title">{ tr.f("Suggestions ({})", &[&list.len()]) }</h2>
            if !props.found.done {
                <p class="hint">{ tr.f("Still looking… {}%", &[&((props.found.progress * 100.0) as u32)]) }</p>
            }
            if let Some(c) = &props.shown {
                <div class="suggestion-current" role="group" aria-label={tr.t("Current suggestion")}>
                    <p class="suggestion-what">
                        <span class="chip" style={chip_style("chip", c.pattern, &c.color)}>{ c.label.clone() }</span>
                        <q dir="auto">{ super::brief(&c.quote, 140) }</q>
                    </p>
                    <p class="hint">
                        { tr.f("{} of {}: {}", &[&c.at.0, &c.at.1, &tr.t(c.kind.one_name())]) }
                        if let Some(name) = &c.joins { { " · " }{ tr.t("same actor as ") }<bdi>{ name.clone() }</bdi> }
                        if let Some(name) = &c.said_by { { " · " }{ tr.t("said by ") }<bdi>{ name.clone() }</bdi> }
                    </p>
                    <div class="row">
                        <button class="primary" onclick={act(Do::Accept)} aria-keyshortcuts="a" title={tr.t("Accept this suggestion (a)")}>{ tr.t("Accept") }</button>
                        <button onclick={act(Do::Reject)} aria-keyshortcuts="x" title={tr.t("Reject it: it is not suggested again (x)")}>{ tr.t("Reject") }</button>
                        <button onclick={act(Do::Step { forwards: false })} aria-keyshortcuts="Shift+S" title={tr.t("Previous suggestion (Shift+S)")}>{ tr.t("Previous") }</button>
                        <button onclick={act(Do::Step { forwards: true })} aria-keyshortcuts="s" title={tr.t("Next suggestion (s)")}>{ tr.t("Next") }</button>
                    </div>
                </div>
            } else if !list.is_empty() {
                <p class="hint">
                    { tr.t("Dashed outlines in the article are suggestions. Press s to go to the next one, a to accept it, x to reject it.") }
                </p>
                <button onclick={act(Do::Step { forwards: true })} aria-keyshortcuts="s">{ tr.t("Go to the next suggestion") }</button>
            } else if props.found.done {
                <p class="empty">{ tr.t("No suggestions. Label an actor, a quote or a claim: its other mentions and spans like it are suggested here.") }</p>
            }
            <fieldset class="suggestion-kinds">
                <legend>{ tr.t("Kinds of suggestion") }</legend>
                { for counts.iter().map(|&(kind, n)| {
                    let on = props.options.kinds.contains(&kind);
                    let onchange = props.act.reform(move |e: Event| Do::Switch(kind, e.target_unchecked_into::<HtmlInputElement>().checked()));
                    html! {
                        <div class="suggestion-kind" key={kind.name()}>
                            <label>
                                <input type="checkbox" checked={on} {onchange} />
                                { tr.t(kind.name()) }
                                if on { { " " }<span class="count">{ n }</span> }
                            </label>
                            if on && n > 0 {
                                <button onclick={act(Do::AskAll(Some(kind)))} title={tr.f("Accept all {} ({}; asks first)", &[&tr.t(kind.name()), &n])}>
                                    { tr.f("Accept all {}", &[&n]) }
                                </button>
                            }
                        </div>
                    }
                }) }
            </fieldset>
            if props.rejected > 0 {
                <p class="suggestion-rejected hint">
                    { tr.f("Rejected: {}.", &[&props.rejected]) }{ " " }
                    <button onclick={act(Do::ForgetRejections)}>{ tr.t("Suggest them again") }</button>
                </p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    pub kind: Kind,
    pub count: usize,
    /// Whether the whole article has been looked at (else more may come).
    pub done: bool,
    pub act: Callback<Do>,
}

/// The question before accepting every suggestion of one kind: in the page, focus kept inside
/// and given back when it closes.
#[component]
pub fn AcceptAllConfirm(props: &ConfirmProps) -> Html {
    let tr = use_tr();
    let kind = props.kind;
    let what = tr.t(kind.name());
    html! {
        <div class="dialog-backdrop">
            <FocusTrap on_close={props.act.reform(|_| Do::CancelAll)}>
            <div class="dialog accept-all" role="alertdialog" aria-modal="true" aria-labelledby="accept-all-title" aria-describedby="accept-all-text">
                <h2 id="accept-all-title">{ tr.f("Accept all {}?", &[&what]) }</h2>
                <p id="accept-all-text">
                    { tr.plural(props.count, "{} suggestion becomes an annotation, as one step: Undo takes it back.",
                        "{} suggestions become annotations, as one step: Undo takes them all back.", &[&props.count]) }
                    if !props.done { { " " }{ tr.t("The article is still being looked at: only those found so far are accepted.") } }
                </p>
                <div class="dialog-actions">
                    <button type="button" onclick={props.act.reform(|_| Do::CancelAll)}>{ tr.t("Cancel") }</button>
                    <button type="button" class="primary" autofocus=true onclick={props.act.reform(move |_| Do::AcceptAll(kind))}>
                        { tr.f("Accept all {}", &[&props.count]) }
                    </button>
                </div>
            </div>
            </FocusTrap>
        </div>
    }
}
