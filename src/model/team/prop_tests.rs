//! The property: two or three replicas doing random edits, undos and actor links, their updates
//! delivered late, out of order and more than once, end with identical workspaces, and lose
//! nothing — checked against the full log of every write ever made, not against the documents.

use super::entry::{Entry, WriteId, DELETED};
use super::session::TeamWrites;
use super::session_tests::Peer;
use crate::model::action::Edit;
use crate::model::actors::ActorPick;
use crate::model::facts::{Actor, ActorId, ActorKind, ACTOR};
use crate::model::labels::LabelId;
use crate::model::testkit::{ann, at};
use crate::model::workspace::Workspace;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

#[derive(Clone, Debug)]
enum Op {
    Add {
        r: usize,
        start: usize,
        len: usize,
        label: usize,
    },
    Note {
        r: usize,
        target: usize,
        note: usize,
    },
    Relabel {
        r: usize,
        target: usize,
        label: usize,
    },
    Delete {
        r: usize,
        target: usize,
    },
    Undo {
        r: usize,
    },
    Actor {
        r: usize,
        target: usize,
    },
    Deliver {
        r: usize,
        pick: usize,
        again: bool,
    },
    /// Rename a label (the configuration document).
    Rename {
        r: usize,
        label: usize,
        name: usize,
    },
    /// Set the article's title (its `meta`).
    Title {
        r: usize,
        title: usize,
    },
}

const LABELS: [&str; 3] = ["claim", "quote", "actor"];

fn op() -> impl Strategy<Value = Op> {
    let r = 0..3usize;
    prop_oneof![
        2 => (r.clone(), 0..60usize, 1..10usize, 0..3usize).prop_map(|(r, start, len, label)| Op::Add { r, start, len, label }),
        2 => (r.clone(), 0..8usize, 0..3usize).prop_map(|(r, target, note)| Op::Note { r, target, note }),
        1 => (r.clone(), 0..8usize, 0..3usize).prop_map(|(r, target, label)| Op::Relabel { r, target, label }),
        1 => (r.clone(), 0..8usize).prop_map(|(r, target)| Op::Delete { r, target }),
        1 => r.clone().prop_map(|r| Op::Undo { r }),
        1 => (r.clone(), 0..8usize).prop_map(|(r, target)| Op::Actor { r, target }),
        1 => (r.clone(), 0..3usize, 0..3usize).prop_map(|(r, label, name)| Op::Rename { r, label, name }),
        1 => (r.clone(), 0..3usize).prop_map(|(r, title)| Op::Title { r, title }),
        4 => (r, any::<usize>(), any::<bool>()).prop_map(|(r, pick, again)| Op::Deliver { r, pick, again }),
    ]
}

/// Actors and orphans are in the order they came: compare them by id.
fn norm(ws: &Workspace) -> Workspace {
    let mut ws = ws.clone();
    Rc::make_mut(&mut ws.actors).sort_by(|a, b| a.id.cmp(&b.id));
    Rc::make_mut(&mut ws.orphans).sort_by(|a, b| a.id.cmp(&b.id));
    ws
}

struct World {
    peers: Vec<Peer>,
    inbox: Vec<Vec<TeamWrites>>,
    sent: Vec<TeamWrites>,
    made: usize,
}

impl World {
    fn send(&mut self, from: usize, w: TeamWrites) {
        if w.is_empty() {
            return;
        }
        for (i, inbox) in self.inbox.iter_mut().enumerate() {
            if i != from {
                inbox.push(w.clone());
            }
        }
        self.sent.push(w);
    }

    fn target(&self, r: usize, n: usize) -> Option<crate::model::annotation::AnnotationId> {
        let list = &self.peers[r].state.workspace.annotations;
        (!list.is_empty()).then(|| list[n % list.len()].id.clone())
    }

    fn run(&mut self, op: Op) {
        let edit = match op {
            Op::Add { r, start, len, label } => {
                self.made += 1;
                Some((r, Edit::Add(ann(&format!("r{r}n{}", self.made), start, start + len, LABELS[label]))))
            }
            Op::Note { r, target, note } => self.target(r, target).map(|id| (r, Edit::SetNote { id, note: ["", "a note", "another"][note].into(), at: at() })),
            Op::Relabel { r, target, label } => self.target(r, target).map(|id| (r, Edit::Relabel { id, label: LabelId(LABELS[label].into()), at: at() })),
            Op::Delete { r, target } => self.target(r, target).map(|id| (r, Edit::Delete(id))),
            Op::Undo { r } => Some((r, Edit::Undo)),
            Op::Actor { r, target } => self.target(r, target).map(|id| {
                self.made += 1;
                let actor = Actor { id: ActorId(format!("act{}", self.made)), name: format!("Actor {}", self.made), kind: ActorKind::Person };
                let is_mention = self.peers[r].state.workspace.annotation(&id).is_some_and(|a| a.label.0 == ACTOR);
                let edit = if is_mention {
                    Edit::SameActor { mention: id, as_: ActorPick::New(actor), at: at() }
                } else {
                    Edit::Attribute { id, to: Some(ActorPick::New(actor)), at: at() }
                };
                (r, edit)
            }),
            Op::Rename { r, label, name } => {
                let mut labels = (*self.peers[r].state.workspace.labels).clone();
                let names = ["Alpha", "Beta", "Gamma"];
                // A name no other label has, so that the set stays valid.
                if labels.iter().any(|l| l.name == names[name]) {
                    return;
                }
                let at = label % labels.len();
                labels[at].name = names[name].into();
                Some((r, Edit::SetLabels(labels)))
            }
            Op::Title { r, title } => {
                let meta = crate::model::facts::ArticleMeta { title: ["", "One", "Two"][title].into(), ..(*self.peers[r].state.workspace.meta).clone() };
                Some((r, Edit::SetMeta(meta)))
            }
            Op::Deliver { r, pick, again } => {
                if !self.inbox[r].is_empty() {
                    let k = pick % self.inbox[r].len();
                    let w = if again { self.inbox[r][k].clone() } else { self.inbox[r].remove(k) };
                    self.peers[r].take(&w);
                }
                None
            }
        };
        if let Some((r, edit)) = edit {
            let w = self.peers[r].act(edit);
            self.send(r, w);
        }
    }
}

/// Every write ever made, from the messages (compaction cannot hide one from this log).
fn log(sent: &[TeamWrites]) -> BTreeMap<WriteId, Entry> {
    sent.iter()
        .flat_map(|w| w.article.puts.iter().chain(w.config.puts.iter()))
        .map(|(k, j)| (WriteId::parse(k).unwrap(), Entry::parse(k, j).unwrap()))
        .collect()
}

/// The writes of `(o, f)` that no write in the log supersedes.
fn log_heads<'a>(log: &'a BTreeMap<WriteId, Entry>, o: &str, f: &str) -> Vec<(&'a WriteId, &'a Entry)> {
    let sup: BTreeSet<&WriteId> = log.values().filter(|e| e.o == o && e.f == f).flat_map(|e| e.sup.iter()).collect();
    log.iter().filter(|(id, e)| e.o == o && e.f == f && !sup.contains(id)).collect()
}

/// Whether the log says `o` is gone: its winning `deleted` write deletes, and every edit of its
/// other fields was seen by a deletion or superseded by one that was.
fn deleted_by_log(log: &BTreeMap<WriteId, Entry>, o: &str) -> bool {
    let mut heads = log_heads(log, o, DELETED);
    heads.sort_by(|a, b| (b.1.c, b.0).cmp(&(a.1.c, a.0)));
    if !heads.first().is_some_and(|(_, e)| e.deletes()) {
        return false;
    }
    let mut covered: BTreeSet<WriteId> = heads.iter().filter(|(_, e)| e.deletes()).flat_map(|(_, e)| e.seen.iter().cloned()).collect();
    loop {
        let more: Vec<WriteId> = covered.iter().filter_map(|id| log.get(id)).flat_map(|e| e.sup.iter().cloned()).filter(|id| !covered.contains(id)).collect();
        if more.is_empty() {
            break;
        }
        covered.extend(more);
    }
    log.iter().filter(|(_, e)| e.o == o && e.f != DELETED).all(|(id, _)| covered.contains(id))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]
    #[test]
    fn replicas_converge_and_lose_no_annotation(n in 2..=3usize, ops in prop::collection::vec(op(), 1..60), order in prop::collection::vec(any::<usize>(), 0..200)) {
        let mut world = World { peers: (0..n).map(|i| Peer::new(&format!("p{i}"))).collect(), inbox: vec![Vec::new(); n], sent: Vec::new(), made: 0 };
        for op in ops {
            let fits = match &op {
                Op::Add { r, .. }
                | Op::Note { r, .. }
                | Op::Relabel { r, .. }
                | Op::Delete { r, .. }
                | Op::Undo { r }
                | Op::Actor { r, .. }
                | Op::Deliver { r, .. }
                | Op::Rename { r, .. }
                | Op::Title { r, .. } => *r < n,
            };
            if fits {
                world.run(op);
            }
        }
        // What is still in flight arrives in some order, then everything once more.
        let mut picks = order.into_iter();
        for r in 0..n {
            while !world.inbox[r].is_empty() {
                let k = picks.next().unwrap_or(0) % world.inbox[r].len();
                let w = world.inbox[r].remove(k);
                world.peers[r].take(&w);
            }
        }
        let all = world.sent.clone();
        for p in world.peers.iter_mut() {
            for w in all.iter().rev() {
                p.take(w);
            }
        }
        let first = &world.peers[0];
        let shown = norm(&first.team.materialize(&first.state).workspace);
        for p in &world.peers {
            prop_assert_eq!(&p.team.article, &first.team.article);
            prop_assert_eq!(&p.team.config, &first.team.config);
            prop_assert_eq!(&norm(&p.team.materialize(&p.state).workspace), &shown);
            prop_assert_eq!(&norm(&p.state.workspace), &shown, "the state shows what the documents mean");
        }
        let log = log(&world.sent);
        let objects: BTreeSet<&String> = log.values().map(|e| &e.o).collect();
        for o in objects {
            if let Some(id) = o.strip_prefix("ann:") {
                let present = shown.annotation(&crate::model::annotation::AnnotationId(id.into())).is_some();
                prop_assert_eq!(present, !deleted_by_log(&log, o), "{} is shown exactly when no deletion saw all its edits", o);
            }
            let doc = if o == "labels" || o == "settings" { &first.team.config } else { &first.team.article };
            let fields: BTreeSet<&String> = log.values().filter(|e| &e.o == o).map(|e| &e.f).collect();
            for f in fields {
                let heads: BTreeSet<&WriteId> = log_heads(&log, o, f).into_iter().map(|(id, _)| id).collect();
                let in_doc: BTreeSet<&WriteId> = doc.heads(o, f).into_iter().map(|(id, _)| id).collect();
                prop_assert_eq!(&heads, &in_doc, "compaction removed no head of {}.{}", o, f);
                let winner = doc.value(o, f).cloned();
                let conflict = super::conflict::conflicts(doc, o).into_iter().find(|c| &c.field == f);
                for id in heads {
                    let v = &log[id].v;
                    let kept = winner.as_ref() == Some(v) || conflict.as_ref().is_some_and(|c| c.others.iter().any(|h| &h.value == v));
                    prop_assert!(kept, "{}.{} lost the value {}", o, f, v);
                }
            }
        }
    }
}
