//! The keyboard, in one place: one listener reads what `model::keymap`'s precedence table needs
//! from the page (where focus is, what is selected), asks it which command the key is, and does it.

mod caret;

use super::commands::{label_action, picking_for};
use super::factcheck::Picking;
use super::notices::{Level, Notice};
use super::provider::use_workspace;
use super::suggestions::Do;
use crate::model::action::{Action, Edit, View};
use crate::model::keymap::{self, Command, Context, Focus, Press};
use crate::model::reduce::State;
use caret::{Caret, CaretKeys};
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// The note field of the selected annotation, found by its id in either language.
pub const NOTE_FIELD_ID: &str = "annotation-note";

/// What the keys do outside the workspace context: the view's own state.
#[derive(Clone)]
pub struct KeyTargets {
    pub article: NodeRef,
    pub open_picker: Callback<Picking>,
    pub show_shortcuts: Callback<()>,
    /// Says what a key selected, for screen readers.
    pub announce: Callback<String>,
    /// Moves between, accepts and rejects suggestions.
    pub suggest: Callback<super::suggestions::Do>,
}

/// Whether `target` is where the user types, and how: a field (an input, a text area, a select)
/// or editable text. The one test of it; the key map decides what that means for a key.
fn typing_focus(target: &Element) -> Option<Focus> {
    if matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
        return Some(Focus::Field);
    }
    target.dyn_ref::<HtmlElement>().is_some_and(HtmlElement::is_content_editable).then_some(Focus::Editable)
}

/// Where the key arrives: a dialog, a field or editable text (by the event's target), else the
/// article when it has focus.
fn focus_of(e: &KeyboardEvent, article: Option<&Element>) -> Focus {
    let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    if let Some(target) = target {
        if target.closest("[aria-modal=\"true\"]").ok().flatten().is_some() {
            return Focus::Dialog;
        }
        if let Some(typing) = typing_focus(&target) {
            return typing;
        }
    }
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    match (active, article) {
        (Some(active), Some(article)) if active.is_same_node(Some(article)) => Focus::Article,
        _ => Focus::Elsewhere,
    }
}

/// Focuses the note field of the selected annotation (in the toolbar).
fn focus_note() -> bool {
    let note = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(NOTE_FIELD_ID));
    note.and_then(|n| n.dyn_into::<HtmlElement>().ok()).is_some_and(|n| n.focus().is_ok())
}

/// Carries out key commands; built once per language, when the listener is.
struct Keyboard {
    targets: KeyTargets,
    caret: CaretKeys,
    dispatch: Callback<Result<Action, String>>,
    notify: Callback<Notice>,
}

impl Keyboard {
    fn suggest(&self, what: Do) -> bool {
        self.targets.suggest.emit(what);
        true
    }

    /// Does `command`; true when it acted (the browser's default is then prevented).
    fn run(&self, command: Command, state: &State) -> bool {
        let article = self.targets.article.cast::<Element>();
        let text = &state.workspace.article.text;
        let edit = |action: Action| {
            self.dispatch.emit(Ok(action));
            true
        };
        match command {
            Command::BackToArticle => match self.targets.article.cast::<HtmlElement>() {
                Some(article) => {
                    crate::bridge::focus::focus_in_place(&article);
                    true
                }
                None => false,
            },
            Command::Undo => edit(Action::Edit(Edit::Undo)),
            Command::Redo => edit(Action::Edit(Edit::Redo)),
            Command::Delete => state.selected.clone().is_some_and(|id| edit(Action::Edit(Edit::Delete(id)))),
            Command::Deselect => {
                self.targets.suggest.emit(Do::Clear);
                edit(Action::View(View::Select(None)))
            }
            Command::StepSuggestion { forwards } => self.suggest(Do::Step { forwards }),
            Command::AcceptSuggestion => self.suggest(Do::Accept),
            Command::AcceptAllSuggestions => self.suggest(Do::AskAll(None)),
            Command::RejectSuggestion => self.suggest(Do::Reject),
            Command::Label(label) => {
                self.dispatch.emit(label_action(state, self.caret.tr, article, label));
                true
            }
            Command::Link | Command::Merge => {
                match picking_for(state, self.caret.tr, command == Command::Merge) {
                    Ok(_) if state.read_only => {}
                    Ok(picking) => self.targets.open_picker.emit(picking),
                    Err(message) => self.notify.emit(Notice::new(Level::Info, message)),
                }
                true
            }
            // The rest need the article (the session report has none).
            _ if article.is_none() => false,
            Command::ShowShortcuts => {
                self.targets.show_shortcuts.emit(());
                true
            }
            Command::EditNote => focus_note(),
            _ => {
                let article = article.expect("checked above");
                match command {
                    Command::StepAnnotation { forwards } => self.caret.step_annotation(state, &article, forwards),
                    Command::Word { rightwards, extend } => self.caret.word(&article, text, rightwards, extend),
                    Command::Sentence { forwards, extend } => self.caret.sentence(&article, text, forwards, extend),
                    Command::ParagraphEdge { end, extend } => self.caret.paragraph_edge(&article, text, end, extend),
                    _ => false,
                }
            }
        }
    }
}

/// Registers the keyboard listener (again when the language changes, for what it announces).
#[hook]
pub fn use_keyboard(targets: KeyTargets) {
    let ctx = use_workspace();
    let caret = use_mut_ref(Caret::default);
    let (latest, dispatch, notify) = (ctx.latest.clone(), ctx.dispatch.clone(), ctx.notify.clone());
    use_effect_with(ctx.tr, move |tr| {
        let keyboard =
            Keyboard { caret: CaretKeys { caret, dispatch: dispatch.reform(Ok), announce: targets.announce.clone(), tr: *tr }, targets, dispatch, notify };
        let document = web_sys::window().and_then(|w| w.document()).expect("a browser document");
        // Not passive: shortcuts must be able to prevent the browser's own action (Ctrl+Z, Backspace).
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&document, "keydown", options, move |event| {
            let e = event.dyn_ref::<KeyboardEvent>().expect("keydown is a KeyboardEvent");
            let state = latest.now();
            let article = keyboard.targets.article.cast::<Element>();
            let context = Context { focus: focus_of(e, article.as_ref()), taken: e.default_prevented(), annotation_selected: state.selected.is_some() };
            let key = e.key();
            let press = Press { key: &key, shift: e.shift_key(), ctrl: e.ctrl_key(), meta: e.meta_key(), alt: e.alt_key() };
            if let Some(command) = keymap::command(&press, &context, &state.workspace.labels) {
                if keyboard.run(command, &state) {
                    e.prevent_default();
                }
            }
        });
        move || drop(listener)
    });
}

#[derive(Properties, PartialEq)]
pub struct AnnouncerProps {
    pub text: AttrValue,
}

/// A polite live region, visually hidden, that says what the last key selected.
#[component]
pub fn Announcer(props: &AnnouncerProps) -> Html {
    // No `role="status"`: that is the notices' region, and one status per page keeps each findable.
    html! { <div id="caret-status" class="visually-hidden" aria-live="polite" aria-atomic="true" dir="auto">{ props.text.clone() }</div> }
}
