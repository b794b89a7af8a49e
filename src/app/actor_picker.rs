//! A searchable list of actors, nearest mention first: picks who said a quote or made a claim,
//! or which actor a mention names too. Typing filters; arrows move; Enter picks; Escape closes.

use super::factcheck::Picking;
use super::i18n::use_tr;
use crate::bridge::clock;
use crate::model::actors::{suggestions, ActorEntry, ActorPick};
use crate::model::facts::{Actor, ActorId, ActorKind};
use crate::model::text::TextIndex;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PickerProps {
    pub picking: Picking,
    pub entries: Rc<Vec<ActorEntry>>,
    pub text: Rc<TextIndex>,
    pub on_pick: Callback<ActorPick>,
    pub on_close: Callback<()>,
}

const PICKER_OPTIONS: usize = 30;

fn new_actor_id() -> ActorId {
    ActorId(clock::new_annotation_id().0)
}

#[component]
pub fn ActorPicker(props: &PickerProps) -> Html {
    let tr = use_tr();
    let query = use_state(String::new);
    let active = use_state(|| 0usize);
    let input_ref = use_node_ref();
    {
        let input_ref = input_ref.clone();
        use_effect_with((), move |_| {
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let (near, own, title) = match &props.picking {
        Picking::Attribute { near, .. } => (*near, None, tr.t("Who said it?")),
        Picking::SameActor { mention, near } => (*near, Some(mention.clone()), tr.t("Same actor as…")),
    };
    // A mention cannot join itself, nor the actor it already names.
    let candidates: Vec<ActorEntry> = props.entries.iter().filter(|e| own.as_ref().is_none_or(|m| !e.mentions.contains(m))).cloned().collect();
    // The nearest few are what a person picks from; typing finds the rest.
    let mut found = suggestions(candidates, near, &query, &props.text);
    found.truncate(PICKER_OPTIONS);
    let typed = query.trim().to_string();
    let offer_new = !typed.is_empty() && !found.iter().any(|e| e.display_name(&props.text).trim() == typed);
    let count = found.len() + usize::from(offer_new);
    let current = (*active).min(count.saturating_sub(1));

    let choose = {
        let on_pick = props.on_pick.clone();
        let found = found.clone();
        let typed = typed.clone();
        Rc::new(move |i: usize| {
            if let Some(e) = found.get(i) {
                on_pick.emit(e.pick(new_actor_id()));
            } else if !typed.is_empty() {
                on_pick.emit(ActorPick::New(Actor { id: new_actor_id(), name: typed.clone(), kind: ActorKind::Person }));
            }
        })
    };
    let onkeydown = {
        let (active, choose, close) = (active.clone(), choose.clone(), props.on_close.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" => {
                e.prevent_default();
                active.set((current + 1).min(count.saturating_sub(1)));
            }
            "ArrowUp" => {
                e.prevent_default();
                active.set(current.saturating_sub(1));
            }
            "Enter" => {
                e.prevent_default();
                if count > 0 {
                    choose(current);
                }
            }
            "Escape" => {
                e.prevent_default();
                e.stop_propagation();
                close.emit(());
            }
            _ => {}
        })
    };
    let oninput = {
        let (query, active) = (query.clone(), active.clone());
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
            active.set(0);
        })
    };
    let option = |i: usize, label: Html, hint: String| {
        let choose = choose.clone();
        html! {
            <li role="option" id={format!("actor-option-{i}")} aria-selected={(i == current).to_string()}
                class={classes!("option", (i == current).then_some("active"))}
                onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}
                onclick={Callback::from(move |_| choose(i))}>
                <span dir="auto">{ label }</span>
                <span class="hint">{ hint }</span>
            </li>
        }
    };
    html! {
        <div class="dialog-backdrop" onclick={{ let close = props.on_close.clone(); Callback::from(move |e: MouseEvent| {
            // Yew delegates events (current_target is the app root): a click on the backdrop itself closes.
            if e.target_dyn_into::<web_sys::Element>().is_some_and(|t| t.class_name() == "dialog-backdrop") { close.emit(()) }
        }) }}>
            <super::dialog_focus::FocusTrap on_close={props.on_close.clone()}>
            <div class="dialog picker" role="dialog" aria-modal="true" aria-labelledby="picker-title">
                <h2 id="picker-title">{ title }</h2>
                <input ref={input_ref} type="search" aria-label={tr.t("Search actors")} placeholder={tr.t("Type a name")} dir="auto"
                    role="combobox" aria-expanded="true" aria-controls="actor-options" aria-autocomplete="list"
                    aria-activedescendant={(count > 0).then(|| format!("actor-option-{current}"))}
                    value={(*query).clone()} {oninput} {onkeydown} />
                <ul id="actor-options" role="listbox" aria-label={tr.t("Actors")} class="options">
                    { for found.iter().enumerate().map(|(i, e)| {
                        let d = e.distance(near);
                        let place = if d == usize::MAX { tr.t("not named in the text").to_string() } else if d == 0 { tr.t("right here").to_string() } else { tr.f("{} characters away", &[&d]) };
                        let hint = format!("{} · {place}", tr.plural(e.mentions.len(), "{} · {} mention", "{} · {} mentions", &[&tr.t(e.kind.name()), &e.mentions.len()]));
                        option(i, html! { { e.display_name(&props.text) } }, hint)
                    }) }
                    if offer_new {
                        { option(found.len(), html! { <>{ tr.t("New actor: ") }<strong>{ typed.clone() }</strong></> }, tr.t("not named in the text").into()) }
                    }
                </ul>
                if count == 0 {
                    <p class="hint">{ tr.t("No actors yet: type a name to make one, or label a name in the article as Actor first.") }</p>
                }
                <div class="dialog-actions">
                    <button type="button" onclick={props.on_close.reform(|_| ())}>{ tr.t("Cancel") }</button>
                </div>
            </div>
            </super::dialog_focus::FocusTrap>
        </div>
    }
}
