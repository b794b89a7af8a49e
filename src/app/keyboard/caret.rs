//! The keyboard caret in the article (words, sentences, paragraph ends) and stepping between
//! annotations: what the caret commands of the key map do.
//!
//! The caret is view state, not model state: the DOM selection shows it, and a copy is kept here
//! for when the selection is cleared (after labelling) or lies outside the article.

use crate::bridge::{article_dom, selection};
use crate::i18n::Tr;
use crate::model::action::{Action, View};
use crate::model::navigate::{self, Unit};
use crate::model::reduce::State;
use crate::model::text::{shorten, CharOffset, Span, TextIndex};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::Element;
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

/// What the caret commands need; made when the keyboard listener is, read when a key arrives.
#[derive(Clone)]
pub struct CaretKeys {
    pub caret: Rc<RefCell<Caret>>,
    pub dispatch: Callback<Action>,
    /// Says what a key selected, for screen readers (a polite live region).
    pub announce: Callback<String>,
    pub tr: Tr,
}

/// Whether the paragraph holding `at` runs right to left, as the browser laid it out (`dir="auto"`).
fn is_rtl_at(article: &Element, text: &TextIndex, at: CharOffset) -> bool {
    let Some(para) = navigate::paragraph_around(text, at) else {
        return false;
    };
    let p = article_dom::paragraph_element(article, text, para.start);
    match p.map(|p| p.matches(":dir(rtl)")) {
        Some(Ok(rtl)) => rtl,
        // A browser without `:dir()`: the same first-strong-letter rule that `dir="auto"` follows.
        _ => navigate::is_rtl(text.slice(para).unwrap_or("")),
    }
}

impl CaretKeys {
    /// `←` or `→`: the next or previous word the way the paragraph reads (left is forwards in Arabic).
    pub fn word(&self, article: &Element, text: &TextIndex, rightwards: bool, extend: bool) -> bool {
        let rtl = is_rtl_at(article, text, self.current(article, text).focus);
        self.step(article, text, Unit::Word, rightwards != rtl, extend)
    }

    pub fn sentence(&self, article: &Element, text: &TextIndex, forwards: bool, extend: bool) -> bool {
        self.step(article, text, Unit::Sentence, forwards, extend)
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
        self.announce.emit(if span.is_empty() { String::new() } else { shorten(text.slice(span).unwrap_or(""), 120) });
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
                self.announce.emit(self.tr.t(if forwards { "End of the article" } else { "Start of the article" }).into());
                true
            }
        }
    }

    /// Home and End: the paragraph's first or last word; with Shift, extend to its start or end.
    pub fn paragraph_edge(&self, article: &Element, text: &TextIndex, end: bool, extend: bool) -> bool {
        let now = self.current(article, text);
        let Some(para) = navigate::paragraph_around(text, now.focus) else {
            return false;
        };
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
    pub fn step_annotation(&self, state: &State, article: &Element, forwards: bool) -> bool {
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
            let message = self.tr.t(match (shown.is_empty(), forwards) {
                (true, _) => "No annotations",
                (false, true) => "No more annotations after this one",
                (false, false) => "No annotations before this one",
            });
            self.announce.emit(message.into());
            return true;
        };
        let a = shown[i];
        // The annotation becomes the selection, not the text: a label key then relabels it.
        selection::clear_selection();
        *self.caret.borrow_mut() = Caret { anchor: a.span.start, focus: a.span.end };
        self.dispatch.emit(Action::View(View::Reveal(a.id.clone())));
        let label = state.workspace.label(&a.label).map(|l| l.name.clone()).unwrap_or_else(|| a.label.0.clone());
        self.announce.emit(self.tr.f("{} {} of {}: {}", &[&label, &(i + 1), &shown.len(), &shorten(text.slice(a.span).unwrap_or(""), 120)]));
        true
    }
}
