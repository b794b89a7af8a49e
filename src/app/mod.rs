//! The Yew view: `App` puts the page under the workspace provider (`provider.rs`, which wires the
//! pure reducer to the browser) and composes it from components that render what they are given
//! and emit what happens.

mod actor_index;
mod actor_picker;
mod article;
mod autosave;
mod banners;
mod boot;
mod commands;
mod details;
mod dialog_focus;
mod dialogs;
mod factcheck;
mod file_drop;
mod i18n;
mod keyboard;
mod label_editor;
mod layers;
mod legend;
mod library;
mod masthead;
mod notices;
mod panel;
mod pattern;
mod proposed;
mod provider;
mod report;
mod shortcuts;
mod suggestions;
mod tabs;
mod team;
mod toolbar;
mod update;
mod workspace_menu;

pub use provider::{use_workspace, Latest, WorkspaceContext, WorkspaceProvider};

use crate::bridge::{article_dom, clock, selection};
use crate::i18n::Tr;
use crate::model::action::{Action, Edit, View};
use crate::model::annotation::{AnnotationId, Article};
use crate::model::labels::LabelId;
use crate::model::reduce::State;
use crate::model::render::contract;
use crate::model::workspace::Workspace;
use dialogs::{Dialog, Dialogs};
use factcheck::Picking;
use notices::{Level, Notice};
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    html! { <WorkspaceProvider><Workbench /></WorkspaceProvider> }
}

/// The page: masthead, banners, the toolbar, the article and its side panel, and what opens over them.
#[component]
fn Workbench() -> Html {
    let ctx = use_workspace();
    let (state, tr, latest) = (&ctx.state, ctx.tr, &ctx.latest);
    let article_ref = use_node_ref();
    let picking = use_state(|| None::<Picking>);
    let dialog = use_state(|| None::<Dialog>);
    let reporting = use_state(|| false);
    let showing_keys = use_state(|| false);
    let announced = use_state(AttrValue::default);
    let open_picker = {
        let picking = picking.setter();
        Callback::from(move |p: Picking| picking.set(Some(p)))
    };
    let show_keys = {
        let s = showing_keys.setter();
        Callback::from(move |_| s.set(true))
    };
    let announce = {
        let s = announced.setter();
        use_memo((), move |_| Callback::from(move |t: String| s.set(t.into())))
    };
    let sugg = suggestions::use_suggestions(article_ref.clone(), (*announce).clone());
    keyboard::use_keyboard(keyboard::KeyTargets {
        article: article_ref.clone(),
        open_picker: open_picker.clone(),
        show_shortcuts: show_keys.clone(),
        announce: (*announce).clone(),
        suggest: sugg.act.clone(),
    });

    // Scroll to an annotation revealed from the panel; the flash itself is a CSS animation.
    {
        let (article_ref, latest) = (article_ref.clone(), latest.clone());
        use_effect_with(state.flash.clone(), move |flash| {
            if let (Some((id, _)), Some(article)) = (flash, article_ref.cast::<web_sys::Element>()) {
                let state = latest.now();
                if let Some(a) = state.workspace.annotation(id) {
                    article_dom::scroll_to_annotation(&article, &state.workspace.article.text, a);
                }
            }
        });
    }
    // Article files dropped anywhere on the page open as they do from Open article.
    file_drop::use_file_drop({
        let ctx = ctx.clone();
        Callback::from(move |dropped: Vec<web_sys::File>| {
            let state = ctx.latest.now();
            if state.read_only {
                return;
            }
            let (replace, shelf) = (ctx.clone(), ctx.shelf.clone());
            workspace_menu::open_files(
                ctx.tr,
                dropped,
                state.workspace.labels.clone(),
                Callback::from(move |(ws, message)| replace.replace(ws, message)),
                Callback::from(move |ws| shelf.park(ws)),
                ctx.notify.reform(|m: String| Notice::new(Level::Error, m)),
            );
        })
    });
    let ws = &state.workspace;
    let actors = actor_index::use_actor_index(ws);
    let d = ctx.dispatcher.clone();
    // Callbacks handed to lists are made once: a new one each render would re-render every entry.
    let on_reveal = use_callback(d.clone(), |id, d| d.dispatch(Action::View(View::Reveal(id))));
    let on_filter = use_callback(d.clone(), |f, d| d.dispatch(Action::View(View::Filter(f))));
    let on_delete_orphan = use_callback(d.clone(), |id, d| d.dispatch(Action::Edit(Edit::DeleteOrphan(id))));
    let on_article_click = {
        let (latest, d, suggest) = (latest.clone(), d.clone(), sugg.act.clone());
        Callback::from(move |e: MouseEvent| {
            if !selection::has_selection() {
                let state = latest.now();
                let on = article_dom::suggestion_under(e.target()).and_then(|r| proposed::key_of_reference(&state.workspace.labels, &r));
                if let Some(key) = on {
                    suggest.emit(suggestions::Do::Go(key));
                }
                d.dispatch(Action::View(View::Select(contract::next_in_stack(&article_dom::ids_under(e.target()), state.selected.as_ref()))));
            }
        })
    };
    // What the label buttons and the orphans' Place at selection do with the article's selection.
    let on_label: Callback<LabelId> = with_selection(&ctx, &article_ref, commands::label_action);
    let on_place_orphan: Callback<AnnotationId> = with_selection(&ctx, &article_ref, commands::place_orphan_action);
    let close_picker = {
        let picking = picking.clone();
        Callback::from(move |_| picking.set(None))
    };
    let on_picked = {
        let (picking, act) = (picking.clone(), ctx.on_action.clone());
        Callback::from(move |pick| {
            if let Some(p) = &*picking {
                act.emit(commands::picked_action(p, pick));
            }
            picking.set(None);
        })
    };
    let selected = state.selected_annotation().cloned();
    let selected_id = selected.as_ref().map(|a| a.id.clone());
    let text = ws.article.text.clone();
    let (entries, links) = (actors.entries, actors.links);
    let rings = {
        let (ws, view) = (ws.clone(), state.layer_view.clone());
        use_memo((ws.layers.clone(), ws.annotations.clone(), view.clone(), tr), move |_| {
            (layers::rings::rings(&ws, &view, tr), layers::rings::drawn(&ws, &view), AttrValue::from(layers::rings::ring_styles(&ws.layers)))
        })
    };
    let adjudicating = layers::adjudicate::adjudicating(ws);
    let difference = use_state(|| None::<(crate::model::text::Span, AttrValue)>);
    let on_difference = use_callback(difference.setter(), |d, set| set.set(d));
    // While adjudicating, the difference being decided is the current ring; else the current suggestion.
    let current_suggestion = (*difference).clone().filter(|_| adjudicating.is_some()).or_else(|| {
        sugg.current.as_ref().map(|k| {
            let span = crate::model::text::Span::new(k.start, k.end);
            (span, AttrValue::from(proposed::reference_of(&ws.labels, span, &k.label)))
        })
    });
    html! {
        <div class={classes!("app", reporting.then_some("reporting"))}>
            if !*reporting { <a class="skip-link" href="#article">{ tr.t("Skip to article") }</a> }
            <masthead::Masthead reporting={*reporting} on_dialog={{ let d = dialog.setter(); Callback::from(move |which| d.set(Some(which))) }}
                on_report={{ let r = reporting.setter(); Callback::from(move |on| r.set(on)) }} on_shortcuts={show_keys} />
            <banners::Banners />
            if *reporting {
                <report::Report workspace={ws.clone()} on_close={{ let r = reporting.setter(); Callback::from(move |_| r.set(false)) }} />
            } else {
            <toolbar::Toolbar labels={ws.labels.clone()} text={text.clone()} selected={selected.clone()}
                can_undo={state.history.can_undo()} can_redo={state.history.can_redo()} {on_label}
                on_undo={{ let d = d.clone(); Callback::from(move |_| d.dispatch(Action::Edit(Edit::Undo))) }}
                on_redo={{ let d = d.clone(); Callback::from(move |_| d.dispatch(Action::Edit(Edit::Redo))) }}
                on_note={{ let (d, id) = (d.clone(), selected_id.clone());
                    Callback::from(move |note| if let Some(id) = id.clone() { d.dispatch(Action::Edit(Edit::SetNote { id, note, at: clock::now() })) }) }}
                on_delete={{ let (d, id) = (d.clone(), selected_id.clone());
                    Callback::from(move |_| if let Some(id) = id.clone() { d.dispatch(Action::Edit(Edit::Delete(id))) }) }}
                on_edit_labels={{ let d = dialog.setter(); Callback::from(move |_| d.set(Some(Dialog::Labels))) }}
                suggestions={sugg.found.list.len()} on_suggestions={sugg.act.reform(|_| suggestions::Do::Step { forwards: true })}
                writing={(!ws.layers.aside.is_empty()).then(|| (
                    AttrValue::from(layers::layer_name(tr, &ws.layers, &ws.layers.writing)),
                    AttrValue::from(layers::rings::colour_of(&ws.layers, &ws.layers.writing.id)),
                ))} />
            if ctx.team.view.membership.is_some() {
                <team::TeamStatusBadge status={ctx.team.view.status.clone().unwrap_or(crate::model::team::member::TeamStatus::Connecting)}
                    peers={ctx.team.view.peers.iter().map(|p| (p.user.name.clone(), p.user.color.clone(), p.selected.clone())).collect::<Vec<_>>()}
                    viewer={ctx.team.view.membership.as_ref().is_some_and(|m| !m.role.annotates())} />
            }
            <main class="workspace">
                <article::ArticleView text={text.clone()} labels={ws.labels.clone()} annotations={rings.1.clone()} rings={rings.0.clone()} ring_styles={rings.2.clone()} actors={ws.actors.clone()} headings={ws.article.headings.clone()}
                    selected={selected.clone()} flash={state.flash.clone()} article_ref={article_ref.clone()} onclick={on_article_click} focusable=true
                    suggestions={sugg.found.list.clone()} {current_suggestion} />
                <aside class="side">
                    if let Some((a, b)) = adjudicating {
                        <layers::adjudicate::AdjudicationPanel key={format!("{}|{}", a.0, b.0)} article={article_ref.clone()} a={a.clone()} b={b.clone()} on_current={on_difference.clone()} />
                    }
                    if let Some(a) = selected.as_ref().filter(|_| ctx.team.view.membership.is_some()) {
                        <team::Conflicts id={a.id.0.clone()} revision={state.revision + ctx.team.view.updates} dispatcher={d.clone()} />
                    }
                    if let Some(a) = &selected {
                        <factcheck::FactCheckEditor key={a.id.0.clone()} annotation={a.clone()} text={text.clone()} actors={ws.actors.clone()}
                            settings={ws.settings.clone()} entries={entries.clone()} on_action={ctx.on_action.clone()} on_pick={open_picker} on_reveal={on_reveal.clone()} />
                    }
                    <layers::LayersPanel on_compare={{ let d = dialog.setter(); Callback::from(move |_| d.set(Some(Dialog::Agreement))) }} />
                    <legend::Legend labels={ws.labels.clone()} />
                    <suggestions::SuggestionsPanel found={sugg.found.clone()} shown={sugg.shown.clone()} options={sugg.options.clone()}
                        rejected={sugg.rejected} act={sugg.act.clone()} />
                    <panel::AnnotationsPanel text={text.clone()} labels={ws.labels.clone()} annotations={ws.annotations.clone()}
                        filter={state.filter.clone()} settings={ws.settings.clone()} selected={selected.clone()}
                        on_reveal={on_reveal.clone()} {on_filter} orphans={ws.orphans.clone()} {on_place_orphan} {on_delete_orphan} />
                    <factcheck::ActorsList entries={entries.clone()} text={text.clone()} on_reveal={on_reveal.clone()} />
                    <factcheck::LinksList {links} actors={ws.actors.clone()} entries={entries.clone()} text={text.clone()} on_reveal={on_reveal} />
                </aside>
            </main>
            }
            <keyboard::Announcer text={(*announced).clone()} />
            if *showing_keys {
                <shortcuts::Shortcuts on_close={{ let s = showing_keys.setter(); Callback::from(move |_| s.set(false)) }} />
            }
            if let Some(p) = &*picking {
                <actor_picker::ActorPicker picking={p.clone()} {entries} {text} on_pick={on_picked} on_close={close_picker} />
            }
            if let Some((kind, count)) = sugg.confirming {
                <suggestions::AcceptAllConfirm {kind} {count} done={sugg.found.done} act={sugg.act.clone()} />
            }
            <Dialogs open={*dialog} on_close={{ let d = dialog.setter(); Callback::from(move |_| d.set(None)) }} />
        </div>
    }
}

/// A command that acts on the article's text selection, for a button: it reads the state when pressed.
fn with_selection<T: 'static>(
    ctx: &WorkspaceContext,
    article: &NodeRef,
    act: fn(&State, Tr, Option<web_sys::Element>, T) -> Result<Action, String>,
) -> Callback<T> {
    let (latest, tr, article, dispatch) = (ctx.latest.clone(), ctx.tr, article.clone(), ctx.dispatch.clone());
    Callback::from(move |arg| dispatch.emit(act(&latest.now(), tr, article.cast::<web_sys::Element>(), arg)))
}

/// Builds a workspace for a newly opened article, keeping the current label set.
pub fn workspace_for_structured(title: String, article: crate::model::structure::Structured, labels: &[crate::model::labels::Label]) -> Workspace {
    Workspace::new(Article::new(title, article.text).with_headings(article.headings), labels.to_vec(), vec![])
}
