//! Fact-checking in the side panel: who a span names or who said it, the review of a claim, and
//! the lists of actors and links. Components emit actions; the workspace provider dispatches them.

use super::i18n::{use_tr, Tr};
use crate::bridge::clock;
use crate::model::action::{Action, Edit};
use crate::model::actors::ActorEntry;
use crate::model::annotation::{Annotation, AnnotationId};
use crate::model::facts::{self, Actor, ActorKind, Evidence, Review, Settings, Status, CLAIM_TYPES};
use crate::model::text::{shorten, Span, TextIndex};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What the actor picker is open for.
#[derive(Clone, Debug, PartialEq)]
pub enum Picking {
    /// Who said this quote, or made this claim.
    Attribute { id: AnnotationId, near: Span },
    /// Which actor this actor span names too.
    SameActor { mention: AnnotationId, near: Span },
}

fn input_value(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn textarea_value(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlTextAreaElement>().value()
}

fn select_value(e: Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub annotation: Rc<Annotation>,
    pub text: Rc<TextIndex>,
    pub actors: Rc<Vec<Actor>>,
    pub settings: Rc<Settings>,
    /// How many actor spans name each actor, by id.
    pub entries: Rc<Vec<ActorEntry>>,
    pub on_action: Callback<Action>,
    pub on_pick: Callback<Picking>,
    pub on_reveal: Callback<AnnotationId>,
}

/// The fact-checking side of the selected annotation.
#[component]
pub fn FactCheckEditor(props: &EditorProps) -> Html {
    let tr = use_tr();
    let a = &props.annotation;
    let body = match a.label.0.as_str() {
        facts::ACTOR => actor_editor(props, tr),
        facts::QUOTE => html! { { attribution(props, tr, tr.t("Said by"), tr.t("Link speaker…")) } },
        facts::CLAIM => html! {
            <>
                { attribution(props, tr, tr.t("Claimed by"), tr.t("Link claimant…")) }
                <ReviewEditor id={a.id.clone()} review={a.facts.review.clone()} settings={props.settings.clone()} on_action={props.on_action.clone()} />
            </>
        },
        _ => return Html::default(),
    };
    html! {
        <section class="panel factcheck" aria-label={tr.t("Fact-check")}>
            <h2>{ tr.t("Fact-check") }</h2>
            { body }
        </section>
    }
}

fn actor_editor(props: &EditorProps, tr: Tr) -> Html {
    let a = &props.annotation;
    let near = a.span;
    let pick = {
        let cb = props.on_pick.clone();
        let mention = a.id.clone();
        Callback::from(move |_| cb.emit(Picking::SameActor { mention: mention.clone(), near }))
    };
    let same_button = html! {
        <button onclick={pick} aria-keyshortcuts="m" title={tr.t("Say which actor this span names too (key M)")}>{ tr.t("Same actor as…") }</button>
    };
    let Some(actor) = a.facts.actor.as_ref().and_then(|id| props.actors.iter().find(|x| &x.id == id)).cloned() else {
        return html! {
            <>
                <p class="hint">{ tr.t("This span names an actor of its own. If another actor span names the same person or organisation, merge them:") }</p>
                <div class="row">{ same_button }</div>
            </>
        };
    };
    let mentions = props.entries.iter().find(|e| e.actor.as_ref().map(|x| &x.id) == Some(&actor.id)).map_or(0, |e| e.mentions.len());
    let on_name = {
        let cb = props.on_action.clone();
        let actor = actor.clone();
        Callback::from(move |e: InputEvent| cb.emit(Action::Edit(Edit::EditActor(Actor { name: input_value(e), ..actor.clone() }))))
    };
    let on_kind = {
        let cb = props.on_action.clone();
        let actor = actor.clone();
        Callback::from(move |e: Event| {
            if let Some(kind) = ActorKind::from_key(&select_value(e)) {
                cb.emit(Action::Edit(Edit::EditActor(Actor { kind, ..actor.clone() })))
            }
        })
    };
    let leave = {
        let cb = props.on_action.clone();
        let mention = a.id.clone();
        Callback::from(move |_| cb.emit(Action::Edit(Edit::LeaveActor { mention: mention.clone(), at: clock::now() })))
    };
    html! {
        <>
            <label class="field">{ tr.t("Actor name") }
                <input value={actor.name.clone()} oninput={on_name} dir="auto" aria-label={tr.t("Actor name")} />
            </label>
            <label class="field">{ tr.t("Actor type") }
                <select onchange={on_kind} aria-label={tr.t("Actor type")}>
                    { for ActorKind::ALL.iter().map(|k| html! { <option value={k.key()} selected={*k == actor.kind}>{ tr.t(k.name()) }</option> }) }
                </select>
            </label>
            <p class="hint">{ tr.plural(mentions, "Named by {} span in the article.", "Named by {} spans in the article.", &[&mentions]) }</p>
            <div class="row">
                { same_button }
                <button onclick={leave} title={tr.t("This span does not name this actor")}>{ tr.t("Separate from this actor") }</button>
            </div>
        </>
    }
}

/// Who said a quote or made a claim (`role`, already in the interface's language), and the button that links it.
fn attribution(props: &EditorProps, tr: Tr, role: &'static str, link_text: &'static str) -> Html {
    let a = &props.annotation;
    let near = a.span;
    let pick = {
        let cb = props.on_pick.clone();
        let id = a.id.clone();
        Callback::from(move |_| cb.emit(Picking::Attribute { id: id.clone(), near }))
    };
    let linked = a.facts.said_by.as_ref().and_then(|id| props.actors.iter().find(|x| &x.id == id));
    let Some(actor) = linked else {
        return html! {
            <div class="row">
                <span class="hint">{ tr.f("{}: not linked", &[&role]) }</span>
                <button onclick={pick} aria-keyshortcuts="l" title={format!("{link_text} (L)")}>{ link_text }</button>
            </div>
        };
    };
    let first = props.entries.iter().find(|e| e.actor.as_ref().map(|x| &x.id) == Some(&actor.id)).and_then(|e| e.first_mention().cloned());
    let follow = first.map(|m| {
        let cb = props.on_reveal.clone();
        Callback::from(move |_| cb.emit(m.clone()))
    });
    let unlink = {
        let cb = props.on_action.clone();
        let id = a.id.clone();
        Callback::from(move |_| cb.emit(Action::Edit(Edit::Attribute { id: id.clone(), to: None, at: clock::now() })))
    };
    html! {
        <div class="row attribution">
            <span class="role">{ format!("{role}:") }</span>
            if let Some(follow) = follow {
                <button class="link-end" onclick={follow} dir="auto" title={tr.t("Show where the article names this actor")}>{ actor.name.clone() }</button>
            } else {
                <strong dir="auto">{ actor.name.clone() }</strong>
            }
            <button onclick={pick} aria-keyshortcuts="l" title={tr.t("Link to another actor (key L)")}>{ tr.t("Change…") }</button>
            <button onclick={unlink}>{ tr.t("Remove link") }</button>
        </div>
    }
}

/// One field's edit of a review, given the field's new value.
type EditReview = Rc<dyn Fn(&mut Review, String)>;

#[derive(Properties, PartialEq)]
struct ReviewProps {
    id: AnnotationId,
    review: Option<Rc<Review>>,
    settings: Rc<Settings>,
    on_action: Callback<Action>,
}

/// The review of a claim: verdict, status, type, written review, published URL and evidence.
#[component]
fn ReviewEditor(props: &ReviewProps) -> Html {
    let tr = use_tr();
    let current: Review = props.review.as_deref().cloned().unwrap_or_default();
    // Every field edits a copy of the whole review; the reducer tells typing from decisions.
    let update = |f: EditReview| {
        let (cb, id, base) = (props.on_action.clone(), props.id.clone(), current.clone());
        move |value: String| {
            let mut review = base.clone();
            f(&mut review, value);
            cb.emit(Action::Edit(Edit::SetReview { id: id.clone(), review: Some(review), at: clock::now() }));
        }
    };
    let on_verdict = update(Rc::new(|r, v| r.verdict = (!v.is_empty()).then_some(v)));
    let on_status = update(Rc::new(|r, v| r.status = Status::from_key(&v).unwrap_or_default()));
    let on_type = update(Rc::new(|r, v| r.claim_type = (!v.is_empty()).then_some(v)));
    let on_text = update(Rc::new(|r, v| r.text = v));
    let on_url = update(Rc::new(|r, v| r.url = v));
    let on_date = update(Rc::new(|r, v| r.date = v));
    let add_evidence = update(Rc::new(|r, _| r.evidence.push(Evidence::default())));
    let verdict_known = current.verdict.as_ref().is_none_or(|v| props.settings.verdict(v).is_some());
    html! {
        <fieldset class="review">
            <legend>{ tr.t("Review") }</legend>
            <label class="field">{ tr.t("Verdict") }
                <select aria-label={tr.t("Verdict")} onchange={Callback::from(move |e| on_verdict(select_value(e)))}>
                    <option value="" selected={current.verdict.is_none()}>{ tr.t("Not decided") }</option>
                    { for props.settings.verdicts.iter().map(|v| html! {
                        <option value={v.name.clone()} selected={current.verdict.as_ref() == Some(&v.name)}>{ v.name.clone() }</option>
                    }) }
                    if !verdict_known {
                        <option value={current.verdict.clone().unwrap_or_default()} selected=true>{ tr.f("{} (not in the scale)", &[&current.verdict.clone().unwrap_or_default()]) }</option>
                    }
                </select>
            </label>
            <label class="field">{ tr.t("Status") }
                <select aria-label={tr.t("Status")} onchange={Callback::from(move |e| on_status(select_value(e)))}>
                    { for Status::ALL.iter().map(|s| html! { <option value={s.key()} selected={*s == current.status}>{ tr.t(s.name()) }</option> }) }
                </select>
            </label>
            <label class="field">{ tr.t("Claim type") }
                <select aria-label={tr.t("Claim type")} onchange={Callback::from(move |e| on_type(select_value(e)))}>
                    <option value="" selected={current.claim_type.is_none()}>{ tr.t("Not set") }</option>
                    { for CLAIM_TYPES.iter().map(|(key, name)| html! {
                        <option value={*key} selected={current.claim_type.as_deref() == Some(*key)}>{ tr.t(name) }</option>
                    }) }
                </select>
            </label>
            <label class="field wide">{ tr.t("Written review") }
                <textarea aria-label={tr.t("Review")} dir="auto" rows="3" value={current.text.clone()} oninput={Callback::from(move |e| on_text(textarea_value(e)))} />
            </label>
            <label class="field wide">{ tr.t("Published at (URL)") }
                <input type="url" aria-label={tr.t("Review URL")} value={current.url.clone()} oninput={Callback::from(move |e| on_url(input_value(e)))} />
            </label>
            <label class="field">{ tr.t("Review date") }
                <input type="date" aria-label={tr.t("Review date")} value={current.date.clone()} oninput={Callback::from(move |e| on_date(input_value(e)))} />
            </label>
            <div class="evidence">
                <h3>{ tr.t("Evidence") }</h3>
                { for current.evidence.iter().enumerate().map(|(i, ev)| {
                    let n = i + 1;
                    let on_ev_url = update(Rc::new(move |r, v| if let Some(e) = r.evidence.get_mut(i) { e.url = v }));
                    let on_ev_title = update(Rc::new(move |r, v| if let Some(e) = r.evidence.get_mut(i) { e.title = v }));
                    let remove = update(Rc::new(move |r, _| { if i < r.evidence.len() { r.evidence.remove(i); } }));
                    html! {
                        <div class="evidence-row" key={i}>
                            <input type="url" placeholder="https://…" aria-label={tr.f("Evidence {} URL", &[&n])} value={ev.url.clone()}
                                oninput={Callback::from(move |e| on_ev_url(input_value(e)))} />
                            <input placeholder={tr.t("Title")} dir="auto" aria-label={tr.f("Evidence {} title", &[&n])} value={ev.title.clone()}
                                oninput={Callback::from(move |e| on_ev_title(input_value(e)))} />
                            <button aria-label={tr.f("Remove evidence {}", &[&n])} onclick={Callback::from(move |_| remove(String::new()))}>{ "×" }</button>
                        </div>
                    }
                }) }
                <button onclick={Callback::from(move |_| add_evidence(String::new()))}>{ tr.t("Add evidence") }</button>
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct ActorsProps {
    pub entries: Rc<Vec<ActorEntry>>,
    pub text: Rc<TextIndex>,
    pub on_reveal: Callback<AnnotationId>,
}

/// Every actor with its mentions and what it said; each end can be followed.
#[component]
pub fn ActorsList(props: &ActorsProps) -> Html {
    let tr = use_tr();
    let reveal = |id: &AnnotationId| {
        let cb = props.on_reveal.clone();
        let id = id.clone();
        Callback::from(move |_| cb.emit(id.clone()))
    };
    // Long articles can have thousands of actor spans: render a page at a time.
    let limit = use_state(|| ACTORS_PAGE);
    html! {
        <section class="panel actors" aria-label={tr.t("Actors")}>
            <h2>{ tr.f("Actors ({})", &[&props.entries.len()]) }</h2>
            if props.entries.is_empty() {
                <p class="empty">{ tr.t("Label people and organisations as Actor (key 3) to list them here.") }</p>
            }
            <ul class="entries" role="list">
                { for props.entries.iter().take(*limit).map(|e| {
                    let key = e.actor.as_ref().map_or_else(|| e.mentions[0].0.clone(), |a| a.id.0.clone());
                    html! {
                        <li key={key} class="actor-entry">
                            <strong dir="auto">{ e.display_name(&props.text) }</strong>
                            <span class="hint">{ tr.plural(e.mentions.len(), "{} · {} mention", "{} · {} mentions", &[&tr.t(e.kind.name()), &e.mentions.len()]) }
                                { if e.said.is_empty() { String::new() } else { format!(" · {} ↔", e.said.len()) } }</span>
                            <span class="mentions">
                                { for e.mentions.iter().map(|m| {
                                    let quote = e.mention_span(m).and_then(|sp| props.text.slice(sp)).unwrap_or_default().to_string();
                                    html! { <button class="mention" dir="auto" onclick={reveal(m)}>{ shorten(&quote, 40) }</button> }
                                }) }
                            </span>
                        </li>
                    }
                }) }
            </ul>
            if props.entries.len() > *limit {
                <button class="more" onclick={{ let limit = limit.clone(); Callback::from(move |_| limit.set(*limit + ACTORS_PAGE)) }}>
                    { tr.f("Show more ({} not shown)", &[&(props.entries.len() - *limit)]) }
                </button>
            }
        </section>
    }
}

const ACTORS_PAGE: usize = 50;

#[derive(Properties, PartialEq)]
pub struct LinksProps {
    /// The quotes and claims linked to someone, in text order.
    pub links: Rc<Vec<Rc<Annotation>>>,
    pub actors: Rc<Vec<Actor>>,
    pub entries: Rc<Vec<ActorEntry>>,
    pub text: Rc<TextIndex>,
    pub on_reveal: Callback<AnnotationId>,
}

/// Every quote linked to its speaker and every claim to its claimant.
#[component]
pub fn LinksList(props: &LinksProps) -> Html {
    let tr = use_tr();
    let links: Vec<(&Annotation, &Actor)> =
        props.links.iter().filter_map(|a| Some((&**a, a.facts.said_by.as_ref().and_then(|id| props.actors.iter().find(|x| &x.id == id))?))).collect();
    let reveal = |id: &AnnotationId| {
        let cb = props.on_reveal.clone();
        let id = id.clone();
        Callback::from(move |_| cb.emit(id.clone()))
    };
    let limit = use_state(|| ACTORS_PAGE);
    // Each known actor's first mention, found once (loose actor spans can be thousands).
    let known: Vec<(&facts::ActorId, Option<&AnnotationId>)> =
        props.entries.iter().filter_map(|e| e.actor.as_ref().map(|a| (&a.id, e.first_mention()))).collect();
    html! {
        <section class="panel links" aria-label={tr.t("Links")}>
            <h2>{ tr.f("Links ({})", &[&links.len()]) }</h2>
            if links.is_empty() {
                <p class="empty">{ tr.t("Select a quote or claim and press L to link it to who said it.") }</p>
            }
            <ul class="entries" role="list">
                { for links.iter().take(*limit).map(|(a, actor)| {
                    let verb = if a.label.0 == facts::CLAIM { tr.t("claimed by") } else { tr.t("said by") };
                    let first = known.iter().find(|(id, _)| *id == &actor.id).and_then(|(_, m)| *m);
                    html! {
                        <li key={a.id.0.clone()} class="link-entry">
                            <button class="link-end" dir="auto" onclick={reveal(&a.id)}>{ shorten(props.text.slice(a.span).unwrap_or(""), 60) }</button>
                            <span class="hint">{ verb }</span>
                            if let Some(m) = first {
                                <button class="link-end" dir="auto" onclick={reveal(m)}>{ actor.name.clone() }</button>
                            } else {
                                <strong dir="auto">{ actor.name.clone() }</strong>
                            }
                        </li>
                    }
                }) }
            </ul>
            if links.len() > *limit {
                <button class="more" onclick={{ let limit = limit.clone(); Callback::from(move |_| limit.set(*limit + ACTORS_PAGE)) }}>
                    { tr.f("Show more ({} not shown)", &[&(links.len() - *limit)]) }
                </button>
            }
        </section>
    }
}
