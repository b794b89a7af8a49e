//! A teammate's concurrent edit of the selected annotation: the value every replica shows, and the
//! other one, kept in the team's document and one click away.

use super::super::i18n::use_tr;
use super::live;
use crate::model::action::{Action, Session};
use crate::model::reduce::State;
use serde_json::Value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConflictsProps {
    /// The selected annotation's id.
    pub id: AttrValue,
    /// The workspace's revision: a remote change may bring or settle a conflict.
    pub revision: u64,
    pub dispatcher: UseReducerDispatcher<State>,
}

/// A value as a person reads it: text as it is, anything else as its JSON.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "—".into(),
        other => other.to_string(),
    }
}

#[component]
pub fn Conflicts(props: &ConflictsProps) -> Html {
    let tr = use_tr();
    let redraw = use_force_update();
    let found = live::conflicts_of(&props.id);
    let deleted = live::deleted_while_edited(&props.id);
    if found.is_empty() && !deleted {
        return Html::default();
    }
    let settle = |field: &'static str, value: Value| {
        let (id, d, redraw) = (props.id.to_string(), props.dispatcher.clone(), redraw.clone());
        Callback::from(move |_| {
            if let Some(doc) = live::settle_conflict(&id, field, value.clone()) {
                d.dispatch(Action::Session(Session::Received { doc, added: vec![], removed: vec![] }));
            }
            redraw.force_update();
        })
    };
    html! {
        <section class="conflicts" aria-label={tr.t("Edited at the same time")}>
            if deleted {
                <p>{ tr.t("Someone deleted this annotation while another edit of it was on its way, so it is kept: that edit is not lost.") }</p>
                <p>
                    <button type="button" onclick={settle("deleted", Value::Bool(false))}>{ tr.t("Keep it") }</button>
                    <button type="button" onclick={settle("deleted", Value::Bool(true))}>{ tr.t("Delete it") }</button>
                </p>
            }
            if !found.is_empty() {
            <p>{ tr.t("Someone changed this annotation while you were apart; every copy shows the same value, and the other one is kept here.") }</p>
            <ul>
            { for found.into_iter().map(|c| {
                let field = match c.field.as_str() {
                    "note" => tr.t("Note"),
                    "label" => tr.t("Label"),
                    "span" => tr.t("Where it is in the text"),
                    "review" => tr.t("Review"),
                    "said_by" => tr.t("Said by"),
                    "actor" => tr.t("Actor"),
                    _ => tr.t("Another field"),
                };
                html! {
                    <li>
                        <span class="conflict-field">{ field }</span>{ ": " }
                        <q dir="auto">{ shown(&c.winner.value) }</q>
                        { for c.others.iter().map(|other| {
                            let (id, f, v, d, redraw) = (props.id.to_string(), c.field.clone(), other.value.clone(), props.dispatcher.clone(), redraw.clone());
                            let text = shown(&other.value);
                            html! {
                                <button type="button" aria-label={tr.f("Use \"{}\" instead", &[&text])} onclick={Callback::from(move |_| {
                                    if let Some(doc) = live::settle_conflict(&id, &f, v.clone()) {
                                        d.dispatch(Action::Session(Session::Received { doc, added: vec![], removed: vec![] }));
                                    }
                                    redraw.force_update();
                                })}>{ tr.f("Use \"{}\"", &[&text]) }</button>
                            }
                        }) }
                    </li>
                }
            }) }
            </ul>
            }
        </section>
    }
}
