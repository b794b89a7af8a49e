//! Two or three people on one article: edits of different fields merge, the same field shows a
//! conflict that one write settles, undo reverts only one's own fields, a deletion concurrent
//! with an edit keeps the annotation, remote changes stay out of the history, bad data is reported.

use super::conflict::conflicts;
use super::doc::DocKind;
use super::entry::{Entry, WriteId};
use super::materialize::Problem;
use super::session::{TeamSession, TeamWrites};
use super::writes::Replica;
use crate::model::action::{Action, Edit};
use crate::model::annotation::Orphan;
use crate::model::change::{Change, ChangeSet};
use crate::model::facts::{Actor, ActorId, ActorKind, ArticleMeta};
use crate::model::labels::LabelId;
use crate::model::reduce::State;
use crate::model::testkit::{ann, at, edited_labels, id, orphan, workspace_on};
use crate::model::workspace::{AnnotationError, Workspace};
use serde_json::json;
use std::rc::Rc;

pub(super) const TEXT: &str = "One claim here, a quote there, and an actor somewhere else in the text.";

pub(super) struct Peer {
    pub(super) team: TeamSession,
    pub(super) state: Rc<State>,
}

impl Peer {
    pub(super) fn new(name: &str) -> Peer {
        let team = TeamSession::new(name, Replica::new(format!("{name}-a")), Replica::new(format!("{name}-c")));
        Peer { team, state: Rc::new(State::new(workspace_on(TEXT, vec![]))) }
    }
    pub(super) fn act(&mut self, action: impl Into<Action>) -> TeamWrites {
        let (state, writes) = self.team.act(self.state.clone(), action);
        self.state = state;
        writes
    }
    pub(super) fn take(&mut self, w: &TeamWrites) {
        let (state, _) = self.team.receive(self.state.clone(), DocKind::Article, w.article.puts.clone(), w.article.deletes.clone());
        let (state, _) = self.team.receive(state, DocKind::Config, w.config.puts.clone(), w.config.deletes.clone());
        self.state = state;
    }
    fn ann(&self, a: &str) -> &crate::model::annotation::Annotation {
        self.state.workspace.annotation(&id(a)).expect("the annotation is shown")
    }
}

/// A and B sharing one article with annotation `x`.
fn two() -> (Peer, Peer) {
    let (mut a, mut b) = (Peer::new("A"), Peer::new("B"));
    let w = a.act(Edit::Add(ann("x", 4, 9, "claim")));
    b.take(&w);
    (a, b)
}

#[test]
fn two_people_editing_different_fields_both_keep_theirs() {
    let (mut a, mut b) = two();
    let wa = a.act(Edit::SetNote { id: id("x"), note: "from A".into(), at: at() });
    let wb = b.act(Edit::Relabel { id: id("x"), label: LabelId("quote".into()), at: at() });
    a.take(&wb);
    b.take(&wa);
    for p in [&a, &b] {
        assert_eq!((p.ann("x").note.as_str(), p.ann("x").label.0.as_str()), ("from A", "quote"));
    }
    assert_eq!(a.state.workspace, b.state.workspace);
    assert!(conflicts(&a.team.article, "ann:x").iter().all(|c| c.field == "modified"), "only the stamp differs");
    assert!(a.team.materialize(&a.state).conflicted.is_empty(), "which is not shown as a concurrent edit");
}

#[test]
fn an_edit_writes_only_the_fields_it_changed_and_compacts_its_own_old_writes() {
    let (mut a, _) = two();
    let w = a.act(Edit::SetNote { id: id("x"), note: "n".into(), at: at() });
    let fields: Vec<String> = w.article.puts.iter().map(|(k, j)| Entry::parse(k, j).unwrap().f).collect();
    assert_eq!(fields, ["modified", "note"]);
    assert_eq!(w.article.deletes.len(), 2, "A's own note and modified writes it superseded");
    assert!(w.config.is_empty());
    let w2 = a.act(Edit::SetNote { id: id("x"), note: "no".into(), at: at() });
    assert_eq!(w2.article.puts.len(), 1, "modified did not change");
}

#[test]
fn remote_changes_do_not_enter_the_local_history() {
    let (_, mut b) = two();
    assert_eq!(b.ann("x").span.start.0, 4);
    assert!(!b.state.history.can_undo());
    let same = b.team.receive(b.state.clone(), DocKind::Article, vec![], vec![]).0;
    assert!(Rc::ptr_eq(&same, &b.state), "an update that changes nothing keeps the state");
}

#[test]
fn undo_reverts_only_my_fields_and_keeps_a_teammates_later_edit() {
    let (mut a, mut b) = two();
    let wa = a.act(Edit::SetNote { id: id("x"), note: "mine".into(), at: at() });
    b.take(&wa);
    let wb = b.act(Edit::Relabel { id: id("x"), label: LabelId("quote".into()), at: at() });
    a.take(&wb);
    let undo = a.act(Edit::Undo);
    assert_eq!((a.ann("x").note.as_str(), a.ann("x").label.0.as_str()), ("", "quote"));
    b.take(&undo);
    assert_eq!(b.state.workspace, a.state.workspace);
    let redo = a.act(Edit::Redo);
    b.take(&redo);
    assert_eq!((b.ann("x").note.as_str(), b.ann("x").label.0.as_str()), ("mine", "quote"));
}

#[test]
fn undo_leaves_a_field_a_teammate_has_set_since() {
    let (mut a, mut b) = two();
    let wa = a.act(Edit::SetNote { id: id("x"), note: "mine".into(), at: at() });
    b.take(&wa);
    let wb = b.act(Edit::SetNote { id: id("x"), note: "B's, after mine".into(), at: at() });
    a.take(&wb);
    let undo = a.act(Edit::Undo);
    assert_eq!(a.ann("x").note, "B's, after mine");
    b.take(&undo);
    assert_eq!(a.state.workspace, b.state.workspace);
}

#[test]
fn undoing_my_deletion_does_not_lift_a_teammates() {
    let (mut a, mut b) = two();
    let wa = a.act(Edit::Delete(id("x")));
    let wb = b.act(Edit::Delete(id("x")));
    a.take(&wb);
    b.take(&wa);
    let undo = a.act(Edit::Undo);
    b.take(&undo);
    assert!(a.state.workspace.annotations.is_empty() && b.state.workspace.annotations.is_empty());
    let (mut a, _) = two();
    a.act(Edit::Delete(id("x")));
    a.act(Edit::Undo);
    assert_eq!(a.state.workspace.annotations.len(), 1, "my own deletion is lifted");
}

#[test]
fn undoing_an_add_a_teammate_has_since_edited_keeps_it_flagged() {
    let (mut a, mut b) = two();
    let wb = b.act(Edit::SetNote { id: id("x"), note: "B's".into(), at: at() });
    a.take(&wb);
    let undo = a.act(Edit::Undo);
    b.take(&undo);
    assert_eq!(a.ann("x").note, "B's");
    assert_eq!(a.team.materialize(&a.state).deleted_but_edited, ["ann:x"]);
    assert_eq!(a.state.workspace, b.state.workspace);
}

#[test]
fn the_same_field_edited_apart_has_one_winner_everywhere_and_the_other_one_click_away() {
    let (mut a, mut b) = two();
    let wa = a.act(Edit::SetNote { id: id("x"), note: "A's".into(), at: at() });
    let wb = b.act(Edit::SetNote { id: id("x"), note: "B's".into(), at: at() });
    a.take(&wb);
    b.take(&wa);
    assert_eq!(a.state.workspace, b.state.workspace);
    let c = conflicts(&a.team.article, "ann:x");
    let note = c.iter().find(|c| c.field == "note").expect("a note conflict");
    assert_eq!(note.others.len(), 1);
    let (winner, other) = (note.winner.value.clone(), note.others[0].value.clone());
    assert_eq!(json!(a.ann("x").note), winner);
    assert!(a.team.materialize(&a.state).conflicted.contains(&"ann:x".to_string()));
    let settle = b.team.resolve(DocKind::Article, "ann:x", "note", other.clone());
    a.take(&settle);
    b.take(&TeamWrites::default());
    let (b_state, _) = b.team.settle(b.state.clone());
    assert_eq!(json!(a.ann("x").note), other);
    assert_eq!(a.state.workspace, b_state.workspace);
    assert!(!conflicts(&a.team.article, "ann:x").iter().any(|c| c.field == "note"));
}

#[test]
fn a_deletion_concurrent_with_an_edit_keeps_the_annotation_and_flags_it() {
    let (mut a, mut b) = two();
    let wa = a.act(Edit::Delete(id("x")));
    let wb = b.act(Edit::SetNote { id: id("x"), note: "still needed".into(), at: at() });
    a.take(&wb);
    b.take(&wa);
    for p in [&a, &b] {
        assert_eq!(p.ann("x").note, "still needed");
        assert_eq!(p.team.materialize(&p.state).deleted_but_edited, ["ann:x"]);
    }
    let again = a.act(Edit::Delete(id("x")));
    b.take(&again);
    assert!(a.state.workspace.annotations.is_empty() && b.state.workspace.annotations.is_empty());
}

#[test]
fn a_deletion_against_an_edit_is_settled_either_way() {
    let (mut a, mut b) = two();
    let wa = a.act(Edit::Delete(id("x")));
    let wb = b.act(Edit::SetNote { id: id("x"), note: "keep?".into(), at: at() });
    a.take(&wb);
    b.take(&wa);
    let mut keep = a.team.clone();
    let w = keep.resolve(DocKind::Article, "ann:x", "deleted", json!(false));
    assert!(!keep.article.marked_deleted("ann:x") && !keep.article.deleted_but_edited("ann:x"));
    b.take(&w);
    assert_eq!(b.ann("x").note, "keep?");
    let w = b.team.resolve(DocKind::Article, "ann:x", "deleted", json!(true));
    assert!(b.team.article.is_deleted("ann:x"), "deleting again sees every edit");
    a.take(&w);
    assert!(a.state.workspace.annotations.is_empty());
}

#[test]
fn opening_another_article_writes_nothing_into_this_ones_document() {
    let (mut a, _) = two();
    let other = workspace_on("another text", vec![]);
    let w = a.act(Edit::Replace(Box::new(other.clone())));
    assert!(w.is_empty());
    assert_eq!(a.state.workspace, other);
}

#[test]
fn invalid_remote_data_is_reported_kept_in_the_document_and_never_shown() {
    let (mut a, _) = two();
    let entry = |o: &str, f: &str, v: serde_json::Value, n: u64| {
        (WriteId::new("evil", n).to_string(), Entry { o: o.into(), f: f.into(), v, c: 99, by: "e".into(), sup: vec![], seen: vec![] }.to_json())
    };
    let mut puts = Vec::new();
    for (n, (o, span, label)) in [("ann:far", json!([5, 99_999]), "claim"), ("ann:odd", json!([1, 3]), "nope")].into_iter().enumerate() {
        let n = n as u64 * 10;
        puts.extend([
            entry(o, "span", span, n + 1),
            entry(o, "label", json!(label), n + 2),
            entry(o, "created", json!("t"), n + 3),
            entry(o, "modified", json!("t"), n + 4),
        ]);
    }
    puts.push(entry("ann:bad", "span", json!("not a span"), 30));
    puts.push(("evil.40".into(), "{oops".into()));
    a.take(&TeamWrites { article: super::writes::Writes { puts, deletes: vec![] }, ..Default::default() });
    assert_eq!(a.state.workspace.annotations.len(), 1, "only x is shown");
    let problems = a.team.materialize(&a.state).problems;
    assert!(problems.iter().any(|p| matches!(p, Problem::Annotation { id, error: AnnotationError::OutsideText { .. } } if id.0 == "far")));
    assert!(problems.iter().any(|p| matches!(p, Problem::Annotation { id, error: AnnotationError::UnknownLabel { .. } } if id.0 == "odd")));
    assert!(problems.iter().any(|p| matches!(p, Problem::Object { object, .. } if object == "ann:bad")));
    assert!(problems.iter().any(|p| matches!(p, Problem::Entry(_))));
    assert!(a.team.article.value("ann:far", "span").is_some(), "kept in the document");
}

/// Everything a workspace holds, made apart from the app's edits.
fn full_workspace() -> Workspace {
    let mut labels = edited_labels();
    labels.retain(|l| l.id.0 != "quote");
    let speaker = Actor { id: ActorId("p".into()), name: "Speaker".into(), kind: ActorKind::Organization };
    let mut said = ann("s", 4, 9, "claim");
    said.facts.said_by = Some(speaker.id.clone());
    said.facts.review = Some(Rc::new(crate::model::facts::Review { verdict: Some("False".into()), text: "why".into(), ..Default::default() }));
    said.note = "a note".into();
    let lost: Orphan = orphan("o", "claim", "gone");
    let meta = ArticleMeta { title: "T".into(), url: "https://example.org".into(), ..Default::default() };
    let settings = crate::model::facts::Settings { organisation: "Desk".into(), ..Default::default() };
    let mut ws = workspace_on(TEXT, vec![said, ann("t", 20, 25, "actor")]).with_facts(vec![speaker], meta, settings).with_orphans(vec![lost]);
    ws.labels = Rc::new(labels);
    ws
}

#[test]
fn a_new_article_is_written_whole_and_read_back_the_same() {
    let mut a = Peer::new("A");
    let ws = full_workspace();
    let w = a.team.local(&ChangeSet::one(Change::Workspace { before: Rc::new(workspace_on(TEXT, vec![])), after: Rc::new(ws.clone()) }));
    let mut b = Peer::new("B");
    b.take(&w);
    assert_eq!(b.state.workspace, ws);
    assert!(b.team.materialize(&b.state).problems.is_empty());
    // Importing over it writes only what differs, and deletes what the import no longer has.
    let mut next = ws.clone();
    next.orphans = Rc::new(vec![]);
    let w2 = a.team.local(&ChangeSet::one(Change::Workspace { before: Rc::new(ws), after: Rc::new(next.clone()) }));
    let fields: Vec<String> = w2.article.puts.iter().map(|(k, j)| Entry::parse(k, j).unwrap().f).collect();
    assert_eq!(fields, ["deleted"]);
    b.take(&w2);
    assert_eq!(b.state.workspace, next);
}

#[test]
fn a_reloaded_replica_carries_on_past_its_counters() {
    let (a, _) = two();
    let resumed = Replica::resume("A-a", &a.team.article);
    assert_eq!(resumed.counter, a.team.article_replica.counter);
    assert_eq!(Replica::resume("new", &a.team.article).counter, 0);
}

/// How long an L article (10,000 annotations) takes to write whole and read back; run with
/// `cargo test --release --lib large_article -- --ignored --nocapture`.
#[test]
#[ignore]
fn large_article_timing() {
    let text = "word ".repeat(200_000);
    let anns: Vec<_> = (0..10_000).map(|i| ann(&format!("a{i}"), i * 50, i * 50 + 4, "claim")).collect();
    let ws = workspace_on(&text, anns);
    let mut a = Peer::new("A");
    let t = std::time::Instant::now();
    let w = a.team.local(&ChangeSet::one(Change::Workspace { before: Rc::new(workspace_on(&text, vec![])), after: Rc::new(ws.clone()) }));
    let written = t.elapsed();
    let t = std::time::Instant::now();
    let m = super::materialize::materialize(&ws.article, &a.team.article, &a.team.config);
    let read = t.elapsed();
    assert_eq!(m.workspace.annotations.len(), 10_000);
    let bytes: usize = w.article.puts.iter().map(|(k, v)| k.len() + v.len()).sum();
    println!("write whole: {written:?} ({} entries, {bytes} bytes); materialize: {read:?}", w.article.puts.len());
    let mut b = Peer { state: Rc::new(State::new(workspace_on(&text, vec![]))), ..Peer::new("B") };
    b.take(&w);
    a.state = Rc::new(State::new(ws));
    let edit = a.act(Edit::SetNote { id: id("a5000"), note: "n".into(), at: at() });
    let t = std::time::Instant::now();
    b.take(&edit);
    println!("one remote note edit taken in: {:?}", t.elapsed());
    assert_eq!(b.ann("a5000").note, "n");
}
