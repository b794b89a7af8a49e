//! Suggestions in the app: derived from the workspace (never part of it, never saved as
//! annotations) a few paragraphs at a time; what the user rejected and accepted kept per article
//! in storage, and the kinds switched on; the current one; and what the keys and buttons do.

mod compute;
mod panel;

pub use compute::Found;
pub use panel::{AcceptAllConfirm, SuggestionsPanel};

use super::notices::{Level, Notice};
use super::provider::{use_workspace, Latest};
use crate::bridge::{article_dom, clock, focus, selection, storage::Store, storage::WriteError};
use crate::i18n::Tr;
use crate::model::action::{Action, Edit, View};
use crate::model::keys;
use crate::model::labels::{pattern_of, Pattern};
use crate::model::persist::StoredError;
use crate::model::reduce::State;
use crate::model::suggest::{review, stored, Key, Kind, Link, Memory, Options, Suggestion};
use crate::model::text::CharOffset;
use crate::model::workspace::Workspace;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What the keys and buttons do with suggestions.
#[derive(Clone, Debug, PartialEq)]
pub enum Do {
    Step {
        forwards: bool,
    },
    Accept,
    /// Ask before accepting every suggestion of a kind (the current one's, without one).
    AskAll(Option<Kind>),
    AcceptAll(Kind),
    CancelAll,
    Reject,
    /// Make this one current (a click on it).
    Go(Key),
    /// No current suggestion (Escape).
    Clear,
    Switch(Kind, bool),
    ForgetRejections,
}

/// The current suggestion as the panel shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Current {
    pub kind: Kind,
    pub label: String,
    pub color: String,
    pub pattern: Pattern,
    pub quote: String,
    /// Who it joins (an actor mention) or who said it (a quote or claim), named.
    pub joins: Option<String>,
    pub said_by: Option<String>,
    /// Its place in the list, from 1, and the list's length.
    pub at: (usize, usize),
}

/// What the view shows of suggestions.
#[derive(Clone, PartialEq)]
pub struct Suggestions {
    pub found: Rc<Found>,
    pub current: Option<Key>,
    /// The current one described, while it is in the list.
    pub shown: Option<Rc<Current>>,
    pub options: Rc<Options>,
    pub rejected: usize,
    /// The kind whose suggestions wait for a yes, and how many.
    pub confirming: Option<(Kind, usize)>,
    pub act: Callback<Do>,
}

/// What the hook keeps between renders, read and changed by the actions.
struct Desk {
    /// The article whose memory is loaded.
    article: Option<String>,
    memory: Rc<Memory>,
    options: Rc<Options>,
    current: Option<Key>,
    confirming: Option<Kind>,
    found: Rc<Found>,
    tr: Tr,
    /// Notices from reading storage while rendering, shown after the render.
    notices: Vec<Notice>,
}

/// A stored value, `None` when there is none or it cannot be read: then it is copied aside
/// first (or, if it cannot be, never written in this tab), and a notice says so.
fn read<T>(store: &Store, key: &str, decode: fn(&str) -> Result<T, StoredError>, what: &'static str, tr: Tr, notices: &mut Vec<Notice>) -> Option<T> {
    let raw = store.get(key)?;
    let error = match decode(&raw) {
        Ok(value) => return Some(value),
        Err(e) => tr.msg(&e),
    };
    let download = Some((format!("annota-unreadable-{}.txt", key.replace(':', "-")), raw.clone()));
    let notice = match store.keep_aside(key, &raw, &clock::now().0) {
        Ok(backup) => Notice::new(
            Level::Warning,
            tr.f("{} could not be read ({}). It is kept unchanged in this browser under \"{}\"; suggestions start afresh.", &[&tr.t(what), &error, &backup]),
        ),
        Err(_) => Notice::new(Level::Error, tr.f("{} could not be read ({}) nor copied aside, so Annota will not save over it.", &[&tr.t(what), &error])),
    };
    notices.push(notice.with_download(download));
    None
}

const MEMORY: &str = "What you rejected and accepted among this article's suggestions";
const KINDS: &str = "The choice of which kinds of suggestion are on";

/// At most `n` characters, for announcements.
fn brief(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

fn label_name(ws: &Workspace, s: &Suggestion) -> String {
    ws.label(&s.label).map_or_else(|| s.label.0.clone(), |l| l.name.clone())
}

/// The actor a link names: an actor's name, or the text of the mention it would make one of.
fn link_name(ws: &Workspace, link: &Link) -> Option<String> {
    match link {
        Link::Actor(id) => ws.actor(id).map(|a| a.name.clone()),
        Link::Mention(m) => ws.annotation(m).and_then(|a| ws.article.text.slice(a.span)).map(str::to_string),
    }
}

/// "Suggestion 2 of 7: Actor mention (Actor): لافروف; same actor as سيرجي لافروف".
fn describe(tr: Tr, ws: &Workspace, list: &[Suggestion], i: usize) -> String {
    let s = &list[i];
    let quote = brief(ws.article.text.slice(s.span).unwrap_or(""), 120);
    let mut said = tr.f("Suggestion {} of {}: {} ({}): {}", &[&(i + 1), &list.len(), &tr.t(s.kind.one_name()), &label_name(ws, s), &quote]);
    if let Some(name) = s.names.as_ref().and_then(|l| link_name(ws, l)) {
        said.push_str(&tr.f("; same actor as {}", &[&name]));
    }
    if let Some(name) = s.said_by.as_ref().and_then(|l| link_name(ws, l)) {
        said.push_str(&tr.f("; said by {}", &[&name]));
    }
    said
}

/// What the actions need besides the desk; made once.
#[derive(Clone)]
struct Hands {
    desk: Rc<RefCell<Desk>>,
    latest: Latest,
    dispatch: Callback<Result<Action, String>>,
    notify: Callback<Notice>,
    store: Store,
    article: NodeRef,
    announce: Callback<String>,
    redraw: Callback<()>,
}

const READ_ONLY: &str = "This workspace is being edited in another tab. Press Edit here instead to edit here.";

impl Hands {
    fn act(&self, what: Do) {
        let state = self.latest.now();
        let changes_work = matches!(what, Do::Accept | Do::AcceptAll(_) | Do::Reject | Do::ForgetRejections);
        if changes_work && state.read_only {
            self.notify.emit(Notice::new(Level::Info, READ_ONLY));
            return;
        }
        match what {
            Do::Step { forwards } => self.step(&state, forwards),
            Do::Accept | Do::Reject => self.settle(&state, what == Do::Accept),
            Do::AskAll(kind) => self.ask_all(kind),
            Do::AcceptAll(kind) => self.accept_all(&state, kind),
            Do::CancelAll => self.desk.borrow_mut().confirming = None,
            Do::Go(key) => {
                let list = self.desk.borrow().found.list.clone();
                if let Some(i) = review::position(&list, &key) {
                    self.announce.emit(describe(self.tr(), &state.workspace, &list, i));
                }
                self.desk.borrow_mut().current = Some(key);
            }
            Do::Clear => self.desk.borrow_mut().current = None,
            Do::Switch(kind, on) => {
                let mut desk = self.desk.borrow_mut();
                let mut options = (*desk.options).clone();
                if on {
                    options.kinds.insert(kind);
                } else {
                    options.kinds.remove(&kind);
                }
                self.save(keys::SUGGEST_KINDS, &stored::encode_kinds(&options), KINDS);
                desk.options = Rc::new(options);
            }
            Do::ForgetRejections => {
                let memory = self.desk.borrow().memory.without_rejections();
                self.remember(memory);
                self.announce.emit(self.tr().t("Rejected suggestions may be suggested again.").into());
            }
        }
        self.redraw.emit(());
    }

    fn tr(&self) -> Tr {
        self.desk.borrow().tr
    }

    fn save(&self, key: &str, value: &str, what: &'static str) {
        match self.store.set(key, value) {
            // Unreadable there and not copied aside: the notice at reading said so.
            Ok(()) | Err(WriteError::Unreadable) => {}
            Err(e) => {
                let tr = self.tr();
                self.notify.emit(Notice::new(Level::Warning, tr.f("{} could not be saved: {}.", &[&tr.t(what), &tr.msg(&e)])));
            }
        }
    }

    /// Keeps the article's new memory, in the desk and in storage.
    fn remember(&self, memory: Memory) {
        let article = self.desk.borrow().article.clone().unwrap_or_default();
        self.save(&keys::suggest_memory(&article), &stored::encode_memory(&memory), MEMORY);
        self.desk.borrow_mut().memory = Rc::new(memory);
    }

    /// Where stepping starts with no current suggestion: the selected annotation, else the caret.
    fn caret(&self, state: &State) -> Option<CharOffset> {
        let text = &state.workspace.article.text;
        state.selected_annotation().map(|a| a.span.start).or_else(|| {
            let article = self.article.cast::<web_sys::Element>()?;
            selection::selection_points(&article, text).map(|(a, f)| a.min(f))
        })
    }

    /// Scrolls to a suggestion if it is out of view.
    fn reveal(&self, state: &State, s: &Suggestion) {
        let Some(article) = self.article.cast::<web_sys::Element>() else { return };
        let ws = &state.workspace;
        let reference = super::proposed::reference_of(&ws.labels, s.span, &s.label);
        if let Some(el) = article_dom::suggestion_element(&article, &ws.article.text, s.span.start, &reference) {
            focus::reveal(&el);
        }
    }

    fn no_current(&self) {
        let tr = self.tr();
        let empty = self.desk.borrow().found.list.is_empty();
        self.announce.emit(tr.t(if empty { "No suggestions." } else { "No suggestion chosen: press s to go to one." }).into());
    }

    fn step(&self, state: &State, forwards: bool) {
        let (list, current, done) = {
            let desk = self.desk.borrow();
            (desk.found.list.clone(), desk.current.clone(), desk.found.done)
        };
        let from = self.caret(state).unwrap_or(if forwards { CharOffset(0) } else { CharOffset(state.workspace.article.text.char_len()) });
        let tr = self.tr();
        match review::step(&list, current.as_ref(), from, forwards) {
            Some(i) => {
                self.desk.borrow_mut().current = Some(list[i].key());
                self.announce.emit(describe(tr, &state.workspace, &list, i));
                self.reveal(state, &list[i]);
            }
            None => {
                let message = match (list.is_empty(), done, forwards) {
                    (true, false, _) => tr.t("Still looking for suggestions…"),
                    (true, true, _) => tr.t("No suggestions."),
                    (false, _, true) => tr.t("No more suggestions after this one."),
                    (false, _, false) => tr.t("No suggestions before this one."),
                };
                self.announce.emit(message.into());
            }
        }
    }

    /// Accepts or rejects the current suggestion, and makes the next one current.
    fn settle(&self, state: &State, accept: bool) {
        let (list, current) = {
            let desk = self.desk.borrow();
            (desk.found.list.clone(), desk.current.clone())
        };
        let Some(i) = current.and_then(|k| review::position(&list, &k)) else { return self.no_current() };
        let s = &list[i];
        let ws = &state.workspace;
        let memory = if accept {
            let items = review::accepted(ws, [s], &clock::now(), &mut || clock::new_annotation_id().0);
            self.accept(state, items);
            self.desk.borrow().memory.with_accepted([s])
        } else {
            self.desk.borrow().memory.with_rejected(s.key())
        };
        self.remember(memory);
        let tr = self.tr();
        let quote = brief(ws.article.text.slice(s.span).unwrap_or(""), 60);
        let mut said =
            if accept { tr.f("Accepted as {}: {}.", &[&label_name(ws, s), &quote]) } else { tr.f("Rejected: {}. It will not be suggested again.", &[&quote]) };
        let next = review::after_removing(&list, i);
        let rest: Vec<Suggestion> = list.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, s)| s.clone()).collect();
        if let Some(j) = next.as_ref().and_then(|k| review::position(&rest, k)) {
            said.push(' ');
            said.push_str(&describe(tr, ws, &rest, j));
            self.reveal(state, &rest[j]);
        } else {
            said.push(' ');
            said.push_str(tr.t("No suggestions left."));
        }
        self.desk.borrow_mut().current = next;
        self.announce.emit(said);
    }

    /// Adds what was accepted, as one edit, keeping the selection as it was: the next suggestion
    /// becomes current, and no editor opens on each one accepted.
    fn accept(&self, state: &State, items: Vec<crate::model::action::Accepted>) {
        if !items.is_empty() {
            self.dispatch.emit(Ok(Action::Edit(Edit::Accept(items))));
            self.dispatch.emit(Ok(Action::View(View::Select(state.selected.clone()))));
        }
    }

    fn ask_all(&self, kind: Option<Kind>) {
        let mut desk = self.desk.borrow_mut();
        let kind = kind.or_else(|| desk.current.as_ref().and_then(|k| review::position(&desk.found.list, k)).map(|i| desk.found.list[i].kind));
        match kind {
            Some(kind) if desk.found.list.iter().any(|s| s.kind == kind) => desk.confirming = Some(kind),
            Some(_) => self.announce.emit(desk.tr.t("No suggestions of this kind.").into()),
            None => {
                drop(desk);
                self.no_current();
            }
        }
    }

    fn accept_all(&self, state: &State, kind: Kind) {
        let (list, current) = {
            let mut desk = self.desk.borrow_mut();
            desk.confirming = None;
            (desk.found.list.clone(), desk.current.clone())
        };
        let chosen: Vec<&Suggestion> = list.iter().filter(|s| s.kind == kind).collect();
        let items = review::accepted(&state.workspace, chosen.iter().copied(), &clock::now(), &mut || clock::new_annotation_id().0);
        let n = items.len();
        self.accept(state, items);
        let memory = self.desk.borrow().memory.with_accepted(chosen.iter().copied());
        self.remember(memory);
        // The current one, if it was of this kind, gives way to the next of another kind.
        let at = current.as_ref().and_then(|k| review::position(&list, k));
        if let Some(i) = at.filter(|&i| list[i].kind == kind) {
            let next = list[i..].iter().chain(list[..i].iter().rev()).find(|s| s.kind != kind).map(Suggestion::key);
            self.desk.borrow_mut().current = next;
        }
        let tr = self.tr();
        self.announce.emit(tr.plural(n, "Accepted {} suggestion. Undo takes it back.", "Accepted {} suggestions. Undo takes them all back.", &[&n]));
    }
}

/// The suggestions of the open workspace, and what to do with them. `article` is the article's
/// element (to scroll to a suggestion); `announce` says what happened in the live region.
#[hook]
pub fn use_suggestions(article: NodeRef, announce: Callback<String>) -> Suggestions {
    let ctx = use_workspace();
    let tr = ctx.tr;
    let ws = &ctx.state.workspace;
    let desk = {
        let store = ctx.store.clone();
        use_mut_ref(move || {
            let mut notices = Vec::new();
            let options = read(&store, keys::SUGGEST_KINDS, stored::decode_kinds, KINDS, tr, &mut notices).unwrap_or_default();
            let found = Rc::new(Found::default());
            Desk { article: None, memory: Rc::default(), options: Rc::new(options), current: None, confirming: None, found, tr, notices }
        })
    };
    // An article's memory is read as it opens, before its suggestions are first computed.
    {
        let mut d = desk.borrow_mut();
        d.tr = tr;
        if d.article.as_deref() != Some(ws.article.id.as_str()) {
            let memory = read(&ctx.store, &keys::suggest_memory(&ws.article.id), stored::decode_memory, MEMORY, tr, &mut d.notices);
            d.memory = Rc::new(memory.unwrap_or_default());
            d.article = Some(ws.article.id.clone());
            d.current = None;
            d.confirming = None;
        }
    }
    {
        let (desk, notify) = (desk.clone(), ctx.notify.clone());
        use_effect(move || {
            let notices = std::mem::take(&mut desk.borrow_mut().notices);
            for n in notices {
                notify.emit(n);
            }
        });
    }
    let (options, memory) = {
        let d = desk.borrow();
        (d.options.clone(), d.memory.clone())
    };
    let found = compute::use_found(ws, options.clone(), memory.clone());
    desk.borrow_mut().found = found.clone();
    let redraw = use_force_update();
    let act = {
        let hands = Hands {
            desk: desk.clone(),
            latest: ctx.latest.clone(),
            dispatch: ctx.dispatch.clone(),
            notify: ctx.notify.clone(),
            store: ctx.store.clone(),
            article,
            announce,
            redraw: Callback::from(move |_| redraw.force_update()),
        };
        use_memo((), move |_| Callback::from(move |what| hands.act(what)))
    };
    let d = desk.borrow();
    let at = d.current.as_ref().and_then(|k| review::position(&found.list, k));
    let shown = at.map(|i| {
        let s = &found.list[i];
        let label = ws.label(&s.label);
        Rc::new(Current {
            kind: s.kind,
            label: label_name(ws, s),
            color: label.map_or_else(|| "#999999".into(), |l| l.color.clone()),
            pattern: pattern_of(&ws.labels, &s.label),
            quote: ws.article.text.slice(s.span).unwrap_or("").to_string(),
            joins: s.names.as_ref().and_then(|l| link_name(ws, l)),
            said_by: s.said_by.as_ref().and_then(|l| link_name(ws, l)),
            at: (i + 1, found.list.len()),
        })
    });
    Suggestions {
        found: found.clone(),
        current: at.and(d.current.clone()),
        shown,
        options,
        rejected: memory.rejected.len(),
        confirming: d.confirming.map(|k| (k, found.list.iter().filter(|s| s.kind == k).count())),
        act: (*act).clone(),
    }
}
