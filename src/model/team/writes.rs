//! Local change sets as writes: only the fields an edit changed, each superseding the heads this
//! replica saw, and compaction of this replica's own superseded writes.

use super::doc::{DocKind, TeamDoc};
use super::entry::{Entry, WriteId, DELETED};
use super::fields::{
    actor_fields, annotation_fields, labels_fields, meta_fields, objects_of, orphan_fields, settings_fields, Fields, ACTOR, ANN, LABELS, META, ORPHAN, SETTINGS,
};
use crate::model::change::{Change, ChangeSet};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// This browser profile's writer in one document: its id and the last counter it used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replica {
    pub id: String,
    pub counter: u64,
}

impl Replica {
    pub fn new(id: impl Into<String>) -> Self {
        Replica { id: id.into(), counter: 0 }
    }

    /// The replica `id` carrying on in `doc` after a reload: past every counter it used there,
    /// since a reused write id would overwrite a write.
    pub fn resume(id: impl Into<String>, doc: &TeamDoc) -> Self {
        let id = id.into();
        let counter = doc.last_counter(&id).unwrap_or(0);
        Replica { id, counter }
    }

    pub fn next_id(&mut self) -> WriteId {
        self.counter += 1;
        WriteId::new(self.id.clone(), self.counter)
    }
}

/// What to put into and delete from a document's `entries` map, in one transaction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Writes {
    pub puts: Vec<(String, String)>,
    pub deletes: Vec<String>,
}

impl Writes {
    pub fn is_empty(&self) -> bool {
        self.puts.is_empty() && self.deletes.is_empty()
    }
}

/// How a deletion decides what it saw.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A new edit: it saw everything the document holds.
    Edit,
    /// Undo or redo of a past step: it reverts only what that step did, so a deletion sees only
    /// the heads whose values are the step's own; a teammate's later edit keeps the object.
    History,
}

/// Builds one transaction's writes against a document.
pub(super) struct Writer<'a> {
    doc: &'a TeamDoc,
    replica: &'a mut Replica,
    member: &'a str,
    clock: u64,
    puts: Vec<(WriteId, Entry)>,
    at: BTreeMap<(String, String), usize>,
    deletes: BTreeSet<WriteId>,
}

impl<'a> Writer<'a> {
    pub(super) fn new(doc: &'a TeamDoc, replica: &'a mut Replica, member: &'a str) -> Self {
        Writer { doc, replica, member, clock: doc.max_clock(), puts: Vec::new(), at: BTreeMap::new(), deletes: BTreeSet::new() }
    }

    /// Writes `(o, f) = v`, superseding `sup` (the heads the writer saw); a second write of the same
    /// field in one transaction replaces the first, which no one has seen yet.
    pub(super) fn write_over(&mut self, o: &str, f: &str, v: Value, sup: Vec<WriteId>, seen: Vec<WriteId>) {
        let key = (o.to_string(), f.to_string());
        if let Some(&i) = self.at.get(&key) {
            self.puts[i].1.v = v;
            self.puts[i].1.seen = seen;
            return;
        }
        // Compaction: only this replica's own writes, once something supersedes them. What a
        // deleted write superseded (and is still here) this write supersedes in its place, or
        // it would be a head again once the deletion arrives.
        let mut sup = sup;
        let own: Vec<WriteId> = sup.iter().filter(|id| id.replica == self.replica.id).cloned().collect();
        for id in &own {
            let carried = self.doc.entry(id).map(|e| e.sup.clone()).unwrap_or_default();
            sup.extend(carried.into_iter().filter(|s| self.doc.entry(s).is_some()));
        }
        sup.sort();
        sup.dedup();
        self.deletes.extend(own);
        self.clock += 1;
        let id = self.replica.next_id();
        let entry = Entry { o: o.into(), f: f.into(), v, c: self.clock, by: self.member.into(), sup, seen };
        self.at.insert(key, self.puts.len());
        self.puts.push((id, entry));
    }

    fn heads(&self, o: &str, f: &str) -> Vec<WriteId> {
        self.doc.heads(o, f).into_iter().map(|(id, _)| id.clone()).collect()
    }

    pub(super) fn write(&mut self, o: &str, f: &str, v: Value) {
        let sup = self.heads(o, f);
        self.write_over(o, f, v, sup, Vec::new());
    }

    /// Marks `o` deleted, having seen `seen` and this transaction's own writes to it.
    pub(super) fn delete(&mut self, o: &str, mut seen: Vec<WriteId>) {
        seen.extend(self.at.iter().filter(|((obj, f), _)| obj == o && f != DELETED).map(|(_, &i)| self.puts[i].0.clone()));
        seen.sort();
        seen.dedup();
        let sup = self.heads(o, DELETED);
        self.write_over(o, DELETED, Value::Bool(true), sup, seen);
    }

    pub(super) fn finish(self) -> Writes {
        let put: BTreeSet<&WriteId> = self.puts.iter().map(|(id, _)| id).collect();
        Writes {
            puts: self.puts.iter().map(|(id, e)| (id.to_string(), e.to_json())).collect(),
            deletes: self.deletes.iter().filter(|id| !put.contains(id)).map(|id| id.to_string()).collect(),
        }
    }

    fn object(&mut self, o: &str, before: Option<Fields>, after: Option<Fields>, mode: Mode) {
        let in_doc = !self.doc.field_heads(o).is_empty();
        match (before, after) {
            (_, None) if !in_doc => {}
            (None, None) => {}
            (before, None) => {
                let seen = match mode {
                    Mode::Edit => self.doc.field_heads(o),
                    Mode::History => {
                        let before = before.unwrap_or_default();
                        let fields: Vec<String> = self.doc.fields(o).filter(|f| *f != DELETED).cloned().collect();
                        fields
                            .iter()
                            .flat_map(|f| {
                                self.doc.heads(o, f).into_iter().filter(|(_, e)| before.get(f) == Some(&e.v)).map(|(id, _)| id.clone()).collect::<Vec<_>>()
                            })
                            .collect()
                    }
                };
                self.delete(o, seen);
            }
            (None, Some(after)) => {
                for (f, v) in after {
                    let write = match (mode, self.doc.value(o, &f)) {
                        (_, None) => true,
                        // Undoing a deletion brings back the object as the document has it.
                        (Mode::History, Some(_)) => false,
                        (Mode::Edit, Some(now)) => *now != v || !self.doc.others(o, &f).is_empty(),
                    };
                    if write {
                        self.write(o, &f, v);
                    }
                }
                // Undoing my deletion lifts it, but not a teammate's (made since, or apart).
                let replica = &self.replica.id;
                let theirs = mode == Mode::History && self.doc.heads(o, DELETED).iter().any(|(id, e)| e.deletes() && &id.replica != replica);
                if !theirs && !self.doc.heads(o, DELETED).is_empty() && (self.doc.marked_deleted(o) || !self.doc.others(o, DELETED).is_empty()) {
                    self.write(o, DELETED, Value::Bool(false));
                }
            }
            (Some(before), Some(after)) => {
                for (f, v) in after {
                    let was = before.get(&f);
                    // An undo or redo leaves a field a teammate has set since: that is theirs now.
                    let theirs = mode == Mode::History && self.doc.value(o, &f).is_some_and(|now| Some(now) != was);
                    if was != Some(&v) && !theirs {
                        self.write(o, &f, v);
                    }
                }
            }
        }
    }
}

/// Each object a change set touches, with its fields before the first change and after the last.
type Touched = Vec<(String, Option<Fields>, Option<Fields>)>;

fn touched(changes: &ChangeSet, doc: &TeamDoc) -> Touched {
    let mut out: Touched = Vec::new();
    let mut at: BTreeMap<String, usize> = BTreeMap::new();
    let mut add = |o: String, b: Option<Fields>, a: Option<Fields>| match at.get(&o) {
        Some(&i) => out[i].2 = a,
        None => {
            at.insert(o.clone(), out.len());
            out.push((o, b, a));
        }
    };
    let article = doc.kind == DocKind::Article;
    for c in &changes.0 {
        match c {
            Change::Annotation { before, after } if article => {
                let id = before.as_ref().or(after.as_ref()).map(|a| a.id.0.clone()).unwrap_or_default();
                add(format!("{ANN}{id}"), before.as_ref().map(annotation_fields), after.as_ref().map(annotation_fields));
            }
            Change::Orphan { before, after } if article => {
                let id = before.as_ref().or(after.as_ref()).map(|a| a.id.0.clone()).unwrap_or_default();
                add(format!("{ORPHAN}{id}"), before.as_ref().map(orphan_fields), after.as_ref().map(orphan_fields));
            }
            Change::Actor { before, after } if article => {
                let id = before.as_ref().or(after.as_ref()).map(|a| a.id.0.clone()).unwrap_or_default();
                add(format!("{ACTOR}{id}"), before.as_ref().map(actor_fields), after.as_ref().map(actor_fields));
            }
            Change::Meta { before, after } if article => add(META.into(), Some(meta_fields(before)), Some(meta_fields(after))),
            Change::Settings { before, after } if !article => add(SETTINGS.into(), Some(settings_fields(before)), Some(settings_fields(after))),
            Change::Labels { before, after } if !article => add(LABELS.into(), Some(labels_fields(before)), Some(labels_fields(after))),
            // A new article or an import: every object, against what the document holds now.
            Change::Workspace { after, .. } => {
                let new = objects_of(after, doc.kind);
                let visible = |o: &str| !doc.is_deleted(o) && !doc.field_heads(o).is_empty();
                let prefixes: &[&str] = if article { &[ANN, ORPHAN, ACTOR, META] } else { &[LABELS, SETTINGS] };
                let old: Vec<String> = doc.objects().filter(|o| prefixes.iter().any(|p| o.starts_with(p)) && visible(o)).cloned().collect();
                for o in &old {
                    if !new.contains_key(o) {
                        add(o.clone(), Some(doc.values(o)), None);
                    }
                }
                for (o, fields) in new {
                    let before = visible(&o).then(|| doc.values(&o));
                    add(o, before, Some(fields));
                }
            }
            _ => {}
        }
    }
    out
}

fn writes_in(mode: Mode, changes: &ChangeSet, doc: &TeamDoc, replica: &mut Replica, member: &str) -> Writes {
    let mut w = Writer::new(doc, replica, member);
    for (o, before, after) in touched(changes, doc) {
        w.object(&o, before, after, mode);
    }
    w.finish()
}

/// The writes that make a local change set in `doc` (the objects of `doc`'s kind only): the
/// fields that differ between before and after, a deletion that saw every head. The caller
/// applies them to its own `doc` too, before the next call.
pub fn writes_for(changes: &ChangeSet, doc: &TeamDoc, replica: &mut Replica, member: &str) -> Writes {
    writes_in(Mode::Edit, changes, doc, replica, member)
}

/// The writes of an undo or a redo: `changes` is what the history gives (the inverse of the step
/// for an undo). Only the fields the step touched are written back, so a teammate's later edit of
/// another field stays; undoing a deletion only lifts the mark.
pub fn history_step_writes(changes: &ChangeSet, doc: &TeamDoc, replica: &mut Replica, member: &str) -> Writes {
    writes_in(Mode::History, changes, doc, replica, member)
}
