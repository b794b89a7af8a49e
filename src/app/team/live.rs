//! The open team library in this page: the sync client, the library's article list and the team
//! session of the open article; and the reducer the view uses, which passes local edits and
//! received updates through that session (the one way the workspace changes stays the reducer).

use crate::bridge::team::Team;
use crate::model::action::{Action, Edit, Session};
use crate::model::change::Change;
use crate::model::reduce::State;
use crate::model::team::conflict::{conflicts, FieldConflict, STAMPS};
use crate::model::team::doc::{DocKind, TeamDoc};
use crate::model::team::index::{self, TeamArticle};
use crate::model::team::member::{Membership, Role};
use crate::model::team::session::{TeamSession, TeamWrites};
use crate::model::team::writes::{Replica, Writes};
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    /// The team library open in this page, if any (one per page; the page has one thread).
    static LIVE: RefCell<Option<Live>> = const { RefCell::new(None) };
}

pub struct Live {
    pub membership: Membership,
    pub client: Team,
    pub index: TeamDoc,
    index_replica: Replica,
    /// The open team article: its Annota id and its document's name.
    pub open: Option<(String, String)>,
    pub session: TeamSession,
    /// Writes the client refused (a bad document name): said once, never silently dropped.
    pub failed: Option<String>,
    /// The documents of the team's other articles opened in this page, kept for when they are
    /// opened again (the client delivers a document's entries once).
    others: std::collections::HashMap<String, TeamDoc>,
    /// Each article document's text and hash as they arrived, for opening it again.
    pub texts: std::collections::HashMap<String, (String, String)>,
}

/// A replica id for this page's writes: new on every load, so a counter is never reused.
fn replica() -> Replica {
    Replica::new(crate::bridge::clock::new_annotation_id().0)
}

impl Live {
    pub fn new(membership: Membership, client: Team) -> Self {
        let session = TeamSession::new(membership.member.clone(), replica(), replica());
        Live {
            membership,
            client,
            index: TeamDoc::new(DocKind::Config),
            index_replica: replica(),
            open: None,
            session,
            failed: None,
            others: Default::default(),
            texts: Default::default(),
        }
    }

    /// Whether `state` shows the open team article (only then do its edits go to the team).
    fn covers(&self, state: &State) -> bool {
        self.open.as_ref().is_some_and(|(id, _)| *id == state.workspace.article.id)
    }

    fn send(&mut self, doc: &str, w: &Writes) {
        if w.is_empty() {
            return;
        }
        if let Err(e) = self.client.write(doc, &w.puts, &w.deletes) {
            self.failed = Some(e.to_string());
        }
    }

    fn send_all(&mut self, w: &TeamWrites) {
        if let Some((_, doc)) = self.open.clone() {
            self.send(&doc, &w.article);
        }
        let config = self.membership.config_doc();
        self.send(&config, &w.config);
    }

    /// Makes another article the open one: its document (kept from before, or empty until its
    /// entries arrive) takes the session's place; the configuration stays.
    pub fn switch(&mut self, id: String, doc: String) {
        if self.open.as_ref().is_some_and(|(_, d)| *d == doc) {
            return;
        }
        let article = self.others.remove(&doc).unwrap_or_else(|| TeamDoc::new(DocKind::Article));
        let old = std::mem::replace(&mut self.session.article, article);
        if let Some((_, old_doc)) = self.open.take() {
            self.others.insert(old_doc, old);
        }
        self.session.article_replica = replica();
        self.open = Some((id, doc));
    }

    /// Lists an article in the library's index (owners and editors).
    pub fn list(&mut self, article: &TeamArticle) {
        let w = index::list(&self.index, &mut self.index_replica, &self.membership.member, article);
        self.index.apply(w.puts.clone(), w.deletes.clone());
        let doc = self.membership.index_doc();
        self.send(&doc, &w);
    }

    /// Writes the whole open workspace into its new team document (sharing an article).
    pub fn upload(&mut self, state: &State) {
        let ws = &state.workspace;
        let empty = crate::model::workspace::Workspace::new(ws.article.clone(), vec![], vec![]);
        let changes = crate::model::change::ChangeSet::one(Change::Workspace { before: Rc::new(empty), after: Rc::new(ws.clone()) });
        let w = self.session.local(&changes);
        self.send_all(&w);
    }

    fn reduce(&mut self, state: Rc<State>, action: Action) -> Rc<State> {
        let role = self.membership.role;
        match action {
            Action::Session(Session::Received { doc, added, removed }) => {
                if doc == self.membership.index_doc() {
                    self.index.apply(added, removed);
                    return state;
                }
                let kind = if doc == self.membership.config_doc() {
                    DocKind::Config
                } else if self.open.as_ref().is_some_and(|(_, d)| *d == doc) {
                    DocKind::Article
                } else {
                    if doc.starts_with(&format!("lib/{}/article/", self.membership.library)) {
                        self.others.entry(doc).or_insert_with(|| TeamDoc::new(DocKind::Article)).apply(added, removed);
                    }
                    return state;
                };
                if !self.covers(&state) {
                    // Not shown yet (the article's text is on its way): kept for when it is.
                    match kind {
                        DocKind::Article => self.session.article.apply(added, removed),
                        DocKind::Config => self.session.config.apply(added, removed),
                    };
                    return state;
                }
                if added.is_empty() && removed.is_empty() {
                    // The article has just been opened: show what its document holds.
                    return self.session.settle(state).0;
                }
                self.session.receive(state, kind, added, removed).0
            }
            Action::Edit(edit) if self.covers(&state) => {
                if refused(role, &edit).is_some() {
                    return state; // the server would drop it: the view says why (see `refusal`)
                }
                // Opening another article, or undoing back to one, is not a change to the team's.
                let swaps = match &edit {
                    Edit::Replace(_) => true,
                    Edit::Undo => state.history.clone().undo().is_some_and(|s| s.0.iter().any(|c| matches!(c, Change::Workspace { .. }))),
                    Edit::Redo => state.history.clone().redo().is_some_and(|s| s.0.iter().any(|c| matches!(c, Change::Workspace { .. }))),
                    _ => false,
                };
                if swaps {
                    let next = state.reduce(Action::Edit(edit));
                    return if self.covers(&next) { self.session.settle(next).0 } else { next };
                }
                let (next, writes) = self.session.act(state, Action::Edit(edit));
                self.send_all(&writes);
                next
            }
            other => {
                let next = state.clone().reduce(other);
                // Back on the team article (another tab's save, or a restore): show the team's copy.
                if self.covers(&next) && !Rc::ptr_eq(&next, &state) && next.workspace.article.id != state.workspace.article.id {
                    return self.session.settle(next).0;
                }
                next
            }
        }
    }
}

/// Why a member of `role` may not make `edit` to a team article, if they may not (the server
/// would drop it).
fn refused(role: Role, edit: &Edit) -> Option<&'static str> {
    let library_edit = matches!(edit, Edit::SetLabels(_) | Edit::DeleteLabel { .. } | Edit::SetSettings(_));
    let layer_edit =
        matches!(edit, Edit::AddLayer(_) | Edit::WriteInto(_) | Edit::RemoveLayer(_) | Edit::Adjudicate { .. } | Edit::Settle(_) | Edit::Reopen(_));
    if layer_edit {
        // A team article's layers are its members' own documents, which this version does not write yet.
        Some("Layers work on articles in this browser; a team library's articles have one shared layer for now.")
    } else if !role.annotates() {
        Some("You are a viewer of this team library: you can read and follow it, not change it.")
    } else if library_edit && !role.edits_library() {
        Some("Annotators of a team library cannot change its labels or settings.")
    } else {
        None
    }
}

/// Why this member may not make `edit` to what `state` shows, if it is the open team article and
/// they may not.
pub fn refusal(state: &State, edit: &Edit) -> Option<&'static str> {
    with(|live| if live.covers(state) { refused(live.membership.role, edit) } else { None }).flatten()
}

/// The concurrent edits of an annotation of the open team article worth showing (not only of its
/// stamps): each field's winner and the other values, kept in the document.
pub fn conflicts_of(id: &str) -> Vec<FieldConflict> {
    with(|l| match l.open {
        Some(_) => {
            conflicts(&l.session.article, &format!("ann:{id}")).into_iter().filter(|c| !STAMPS.contains(&c.field.as_str()) && c.field != "deleted").collect()
        }
        None => Vec::new(),
    })
    .unwrap_or_default()
}

/// Whether an annotation of the open team article was deleted while someone edited it (and so kept).
pub fn deleted_while_edited(id: &str) -> bool {
    with(|l| l.open.is_some() && l.session.article.deleted_but_edited(&format!("ann:{id}"))).unwrap_or(false)
}

/// Settles a concurrent edit of an annotation's field on `value`; the article document's name, to
/// show the result (`Session::Received` with nothing in it settles the workspace).
pub fn settle_conflict(id: &str, field: &str, value: serde_json::Value) -> Option<String> {
    with(|l| {
        let w = l.session.resolve(DocKind::Article, &format!("ann:{id}"), field, value);
        l.send_all(&w);
        l.open.as_ref().map(|(_, doc)| doc.clone())
    })
    .flatten()
}

/// The view's reducer: through the team session when a team article is open, plain otherwise.
pub fn reduce(state: Rc<State>, action: Action) -> Rc<State> {
    LIVE.with(|cell| match cell.borrow_mut().as_mut() {
        Some(live) => live.reduce(state, action),
        None => state.reduce(action),
    })
}

/// Runs `f` on the open team library, if there is one.
pub fn with<T>(f: impl FnOnce(&mut Live) -> T) -> Option<T> {
    LIVE.with(|cell| cell.borrow_mut().as_mut().map(f))
}

pub fn install(live: Live) {
    LIVE.with(|cell| *cell.borrow_mut() = Some(live));
}
