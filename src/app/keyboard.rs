//! Working without a mouse: a keyboard caret in the article (words, sentences, paragraph ends),
//! stepping between annotations, the note field and back, and the list of shortcuts.
//!
//! The caret is view state, not model state: the DOM selection shows it, and a copy is kept here
//! for when the selection is cleared (after labelling) or lies outside the article.

use crate::bridge::{article_dom, selection};
use crate::model::navigate::{self, Unit};
use crate::model::action::{Action, View};
use crate::model::reduce::State;
use crate::model::text::{CharOffset, Span, TextIndex};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// The keyboard caret: where a selection started and where it ends now (before it when extended backwards).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Caret {
    pub anchor: CharOffset,
    pub focus: CharOffset,
}

impl Caret {
    fn span(self) -> Span {
        Span { start: self.anchor.min(self.focus), end: self.anchor.max(self.focus) }
    }
}

/// What the keys need from the App; built once, read when a key arrives.
#[derive(Clone)]
pub struct Keys {
    pub article: NodeRef,
    pub caret: Rc<RefCell<Caret>>,
    pub dispatch: Callback<Action>,
    pub show_shortcuts: Callback<()>,
    /// Says what a key selected, for screen readers (a polite live region).
    pub announce: Callback<String>,
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn active_element() -> Option<Element> {
    document()?.active_element()
}

fn target_element(e: &KeyboardEvent) -> Option<Element> {
    e.target()?.dyn_into::<Element>().ok()
}

fn is_field(el: &Element) -> bool {
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
}

/// Focuses the note field of the selected annotation (in the toolbar).
fn focus_note() -> bool {
    let note = document().and_then(|d| d.query_selector("textarea[aria-label=\"Note\"]").ok().flatten());
    note.and_then(|n| n.dyn_into::<HtmlElement>().ok()).is_some_and(|n| n.focus().is_ok())
}

/// Whether the paragraph holding `at` runs right to left, as the browser laid it out (`dir="auto"`).
fn is_rtl_at(article: &Element, text: &TextIndex, at: CharOffset) -> bool {
    let Some(para) = navigate::paragraph_around(text, at) else { return false };
    let p = article_dom::paragraph_element(article, text, para.start);
    match p.map(|p| p.matches(":dir(rtl)")) {
        Some(Ok(rtl)) => rtl,
        // A browser without `:dir()`: the same first-strong-letter rule that `dir="auto"` follows.
        _ => navigate::is_rtl(text.slice(para).unwrap_or("")),
    }
}

/// At most `n` characters, for announcements.
fn brief(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

impl Keys {
    /// Keys that come before every shortcut. Escape in a field (outside dialogs) returns focus to
    /// the article; and no shortcut acts behind an open dialog. True when shortcuts must not run.
    pub fn intercept(&self, e: &KeyboardEvent) -> bool {
        let Some(target) = target_element(e) else { return false };
        if target.closest("[aria-modal=\"true\"]").ok().flatten().is_some() {
            return true;
        }
        if e.key() == "Escape" && is_field(&target) {
            if let Some(article) = self.article.cast::<HtmlElement>() {
                e.prevent_default();
                crate::bridge::focus::focus_in_place(&article);
            }
            return true;
        }
        false
    }

    /// Handles a key that is ours; true when it was (the caller prevents the browser's default).
    pub fn handle(&self, e: &KeyboardEvent, state: &State) -> bool {
        let key = e.key();
        if e.alt_key() || e.meta_key() {
            return false;
        }
        // A label set may claim any key as its hotkey; labels win.
        if !e.ctrl_key() && state.workspace.labels.iter().any(|l| l.hotkey.as_deref() == Some(key.as_str())) {
            return false;
        }
        let Some(article) = self.article.cast::<Element>() else { return false };
        let text = &state.workspace.article.text;
        if !e.ctrl_key() {
            match key.as_str() {
                "?" => {
                    self.show_shortcuts.emit(());
                    return true;
                }
                "n" | "j" => return self.step_annotation(state, &article, true),
                "p" | "k" => return self.step_annotation(state, &article, false),
                _ => {}
            }
        }
        // The rest act on the article's caret, so only while the article has focus.
        if !active_element().is_some_and(|a| a.is_same_node(Some(&article))) {
            return false;
        }
        let extend = e.shift_key();
        match (key.as_str(), e.ctrl_key()) {
            ("ArrowLeft" | "ArrowRight", false) => {
                let rtl = is_rtl_at(&article, text, self.current(&article, text).focus);
                // Arrows move the way the paragraph reads: left is forwards in Arabic.
                let forwards = (key == "ArrowRight") != rtl;
                self.step(&article, text, Unit::Word, forwards, extend)
            }
            ("ArrowDown" | "ArrowUp", true) => self.step(&article, text, Unit::Sentence, key == "ArrowDown", extend),
            ("Home" | "End", false) => self.paragraph_edge(&article, text, key == "End", extend),
            ("Enter", false) if state.selected.is_some() => focus_note(),
            _ => false,
        }
    }

    /// The caret now: the DOM selection when it is in the article (the mouse may have moved it), else the kept one.
    fn current(&self, article: &Element, text: &TextIndex) -> Caret {
        match selection::selection_points(article, text) {
            Some((anchor, focus)) => Caret { anchor, focus },
            None => *self.caret.borrow(),
        }
    }

    fn show(&self, article: &Element, text: &TextIndex, caret: Caret) -> bool {
        *self.caret.borrow_mut() = caret;
        selection::select_offsets(article, text, caret.anchor, caret.focus);
        if let Some((node, _)) = selection::offset_to_point(article, text, caret.focus) {
            if let Some(segment) = node.parent_element() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                segment.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
        let span = caret.span();
        self.announce.emit(if span.is_empty() { String::new() } else { brief(text.slice(span).unwrap_or(""), 120) });
        true
    }

    /// Selects the next or previous word or sentence, or extends the selection to its edge.
    fn step(&self, article: &Element, text: &TextIndex, unit: Unit, forwards: bool, extend: bool) -> bool {
        let now = self.current(article, text);
        let span = now.span();
        let next = if extend {
            let focus = if forwards { navigate::next_end(text, now.focus, unit) } else { navigate::previous_start(text, now.focus, unit) };
            focus.map(|focus| Caret { anchor: now.anchor, focus })
        } else if forwards {
            navigate::next(text, if span.is_empty() { span.start } else { span.end }, unit).map(|s| Caret { anchor: s.start, focus: s.end })
        } else {
            navigate::previous(text, span.start, unit).map(|s| Caret { anchor: s.start, focus: s.end })
        };
        match next {
            Some(caret) => self.show(article, text, caret),
            None => {
                self.announce.emit(if forwards { "End of the article".into() } else { "Start of the article".into() });
                true
            }
        }
    }

    /// Home and End: the paragraph's first or last word; with Shift, extend to its start or end.
    fn paragraph_edge(&self, article: &Element, text: &TextIndex, end: bool, extend: bool) -> bool {
        let now = self.current(article, text);
        let Some(para) = navigate::paragraph_around(text, now.focus) else { return false };
        let caret = if extend {
            Caret { anchor: now.anchor, focus: if end { para.end } else { para.start } }
        } else {
            let word = if end { navigate::previous(text, para.end, Unit::Word) } else { navigate::next(text, para.start, Unit::Word) };
            match word.filter(|w| w.start >= para.start && w.end <= para.end) {
                Some(w) => Caret { anchor: w.start, focus: w.end },
                None => return false,
            }
        };
        self.show(article, text, caret)
    }

    /// n / p: select the next or previous annotation (of those the panel shows) in text order, from
    /// the selected one or else from the caret.
    fn step_annotation(&self, state: &State, article: &Element, forwards: bool) -> bool {
        let text = &state.workspace.article.text;
        let shown: Vec<_> = state.workspace.annotations.iter().filter(|a| state.filter.matches(a)).collect();
        let at = state.selected.as_ref().and_then(|id| shown.iter().position(|a| &a.id == id));
        let from = self.current(article, text).span().start;
        let target = match (at, forwards) {
            (Some(i), true) => shown.get(i + 1).map(|_| i + 1),
            (Some(i), false) => i.checked_sub(1),
            (None, true) => shown.iter().position(|a| a.span.start >= from),
            (None, false) => shown.iter().rposition(|a| a.span.start < from),
        };
        let Some(i) = target else {
            let message = match (shown.is_empty(), forwards) {
                (true, _) => "No annotations",
                (false, true) => "No more annotations after this one",
                (false, false) => "No annotations before this one",
            };
            self.announce.emit(message.into());
            return true;
        };
        let a = shown[i];
        // The annotation becomes the selection, not the text: a label key then relabels it.
        selection::clear_selection();
        *self.caret.borrow_mut() = Caret { anchor: a.span.start, focus: a.span.end };
        self.dispatch.emit(Action::View(View::Reveal(a.id.clone())));
        let label = state.workspace.label(&a.label).map(|l| l.name.clone()).unwrap_or_else(|| a.label.0.clone());
        self.announce.emit(format!("{label} {} of {}: {}", i + 1, shown.len(), brief(text.slice(a.span).unwrap_or(""), 120)));
        true
    }
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
