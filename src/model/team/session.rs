//! One open team article: its document and the library's configuration, with this browser's
//! writers in each, and the one way local actions and remote updates pass through the reducer.

use super::conflict::resolve;
use super::doc::{Applied, DocKind, TeamDoc};
use super::entry::Entry;
use super::materialize::{diff, materialize, remote_changes_of, Materialized};
use super::writes::{history_step_writes, writes_for, Replica, Writes};
use crate::model::action::{Action, Edit, Session};
use crate::model::change::{Change, ChangeSet};
use crate::model::reduce::State;
use serde_json::Value;
use std::collections::BTreeSet;
use std::rc::Rc;

/// The writes of one action, per document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeamWrites {
    pub article: Writes,
    pub config: Writes,
}

impl TeamWrites {
    pub fn is_empty(&self) -> bool {
        self.article.is_empty() && self.config.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TeamSession {
    pub member: String,
    pub article: TeamDoc,
    pub config: TeamDoc,
    pub article_replica: Replica,
    pub config_replica: Replica,
}

impl TeamSession {
    /// A session on empty documents (they fill as updates arrive).
    pub fn new(member: impl Into<String>, article_replica: Replica, config_replica: Replica) -> Self {
        TeamSession { member: member.into(), article: TeamDoc::new(DocKind::Article), config: TeamDoc::new(DocKind::Config), article_replica, config_replica }
    }

    pub fn doc(&self, kind: DocKind) -> &TeamDoc {
        match kind {
            DocKind::Article => &self.article,
            DocKind::Config => &self.config,
        }
    }

    fn own(&mut self, writes: TeamWrites) -> TeamWrites {
        self.article.apply(writes.article.puts.clone(), writes.article.deletes.clone());
        self.config.apply(writes.config.puts.clone(), writes.config.deletes.clone());
        writes
    }

    /// Writes a local change set into both documents (each takes its own objects).
    pub fn local(&mut self, changes: &ChangeSet) -> TeamWrites {
        let article = writes_for(changes, &self.article, &mut self.article_replica, &self.member);
        let config = writes_for(changes, &self.config, &mut self.config_replica, &self.member);
        self.own(TeamWrites { article, config })
    }

    /// Writes an undo or redo step (what the history gave) into both documents.
    pub fn history_step(&mut self, changes: &ChangeSet) -> TeamWrites {
        let article = history_step_writes(changes, &self.article, &mut self.article_replica, &self.member);
        let config = history_step_writes(changes, &self.config, &mut self.config_replica, &self.member);
        self.own(TeamWrites { article, config })
    }

    /// Settles a concurrent edit of `(object, field)` on `value`.
    pub fn resolve(&mut self, kind: DocKind, object: &str, field: &str, value: Value) -> TeamWrites {
        let writes = match kind {
            DocKind::Article => {
                TeamWrites { article: resolve(&self.article, object, field, value, &mut self.article_replica, &self.member), ..Default::default() }
            }
            DocKind::Config => TeamWrites { config: resolve(&self.config, object, field, value, &mut self.config_replica, &self.member), ..Default::default() },
        };
        self.own(writes)
    }

    pub fn materialize(&self, state: &State) -> Materialized {
        materialize(&state.workspace.article, &self.article, &self.config)
    }

    /// Brings `state` to what the documents mean, outside the history.
    pub fn settle(&self, state: Rc<State>) -> (Rc<State>, Materialized) {
        let m = self.materialize(&state);
        let changes = diff(&state.workspace, &m.workspace);
        (state.reduce(Session::Remote(changes)), m)
    }

    /// A local action: through the reducer, then written. An undo or redo writes back only the
    /// fields its step touched, and the state then shows the documents (a teammate's later edit
    /// of another field stays).
    pub fn act(&mut self, state: Rc<State>, action: impl Into<Action>) -> (Rc<State>, TeamWrites) {
        let action = action.into();
        let step = match (&action, state.read_only) {
            (Action::Edit(Edit::Undo), false) => state.history.clone().undo(),
            (Action::Edit(Edit::Redo), false) => state.history.clone().redo(),
            _ => None,
        };
        let is_history = step.is_some();
        let next = state.clone().reduce(action);
        // Opening another article is that article's session's business, not this document's.
        if Rc::ptr_eq(&next, &state) || next.workspace == state.workspace || next.workspace.article != state.workspace.article {
            return (next, TeamWrites::default());
        }
        let changes = step.unwrap_or_else(|| diff(&state.workspace, &next.workspace));
        let writes = if is_history { self.history_step(&changes) } else { self.local(&changes) };
        (self.follow(next, &changes, &writes), writes)
    }

    /// The state after this replica's own writes: mostly what the reducer made already, but an
    /// undo or an edit of a deleted annotation may mean something else in the documents.
    /// Only the objects the change and the writes touched are read again, unless they reach the
    /// configuration or the whole article.
    fn follow(&self, state: Rc<State>, changes: &ChangeSet, writes: &TeamWrites) -> Rc<State> {
        if let (true, Some(mut objects)) = (writes.config.is_empty(), article_objects(changes)) {
            objects.extend(writes.article.puts.iter().filter_map(|(k, j)| Entry::parse(k, j).ok()).map(|e| e.o));
            if let Some((changes, _)) = remote_changes_of(&state.workspace, &self.article, &objects) {
                return state.reduce(Session::Remote(changes));
            }
        }
        self.settle(state).0
    }

    /// A remote update of one document: taken in, and the state brought to what it now means.
    pub fn receive(&mut self, state: Rc<State>, kind: DocKind, added: Vec<(String, String)>, removed: Vec<String>) -> (Rc<State>, Applied) {
        let applied = match kind {
            DocKind::Article => self.article.apply(added, removed),
            DocKind::Config => self.config.apply(added, removed),
        };
        if !applied.changed() {
            return (state, applied);
        }
        if kind == DocKind::Article {
            if let Some((changes, _)) = remote_changes_of(&state.workspace, &self.article, &applied.objects) {
                return (state.reduce(Session::Remote(changes)), applied);
            }
        }
        (self.settle(state).0, applied)
    }
}

/// The article objects a change set touches; `None` when it reaches beyond them.
fn article_objects(changes: &ChangeSet) -> Option<BTreeSet<String>> {
    use super::fields::{ACTOR, ANN, META, ORPHAN};
    let mut out = BTreeSet::new();
    for c in &changes.0 {
        let o = match c {
            Change::Annotation { before, after } => format!("{ANN}{}", before.as_ref().or(after.as_ref())?.id.0),
            Change::Orphan { before, after } => format!("{ORPHAN}{}", before.as_ref().or(after.as_ref())?.id.0),
            Change::Actor { before, after } => format!("{ACTOR}{}", before.as_ref().or(after.as_ref())?.id.0),
            Change::Meta { .. } => META.to_string(),
            Change::Settings { .. } | Change::Labels { .. } | Change::Layers { .. } | Change::Workspace { .. } => return None,
        };
        out.insert(o);
    }
    Some(out)
}
