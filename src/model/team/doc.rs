//! One shared document as the core sees it: its entries by write id, with the rules that make
//! every replica read the same thing from them (heads, the winning value, deletion).

use super::entry::{Entry, TeamError, WriteId, DELETED};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Which document: an article's, or the library's configuration (labels, settings).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    Article,
    Config,
}

/// What one update did to a document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// The objects whose entries changed.
    pub objects: BTreeSet<String>,
    /// Entries that could not be read: kept out of the meaning, never out of the document.
    pub rejected: Vec<TeamError>,
}

impl Applied {
    pub fn changed(&self) -> bool {
        !self.objects.is_empty()
    }
}

/// The entries of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamDoc {
    pub kind: DocKind,
    entries: BTreeMap<WriteId, Entry>,
    /// object → field → its present writes.
    index: BTreeMap<String, BTreeMap<String, BTreeSet<WriteId>>>,
    /// Keys deleted from the map. A Yjs delete wins over the key's insert whatever order they
    /// arrive in, so a key removed before it arrived must stay out when it does.
    removed: BTreeSet<WriteId>,
    /// Entries a peer sent that do not parse, by key (reported by `materialize`).
    bad: BTreeMap<String, TeamError>,
    /// The greatest clock seen, for the next write's Lamport clock.
    max_clock: u64,
}

impl TeamDoc {
    pub fn new(kind: DocKind) -> Self {
        TeamDoc { kind, entries: BTreeMap::new(), index: BTreeMap::new(), removed: BTreeSet::new(), bad: BTreeMap::new(), max_clock: 0 }
    }

    /// Takes in what the `entries` map gained and lost. Idempotent and order-free: the same
    /// updates in any order, any number of times, give the same document.
    pub fn apply(&mut self, added: Vec<(String, String)>, removed: Vec<String>) -> Applied {
        let mut applied = Applied::default();
        for key in removed {
            match WriteId::parse(&key) {
                Ok(id) => {
                    self.bad.remove(&key);
                    if let Some(e) = self.take(&id) {
                        applied.objects.insert(e.o);
                    }
                    self.removed.insert(id);
                }
                Err(e) => {
                    self.bad.remove(&key);
                    applied.rejected.push(e);
                }
            }
        }
        for (key, json) in added {
            let parsed = WriteId::parse(&key).and_then(|id| Entry::parse(&key, &json).map(|e| (id, e)));
            match parsed {
                Ok((id, entry)) => {
                    if self.removed.contains(&id) || self.entries.get(&id) == Some(&entry) {
                        continue;
                    }
                    self.bad.remove(&key);
                    // A key is written once; if a peer rewrote it, the map's last value is what Yjs keeps.
                    if let Some(old) = self.take(&id) {
                        applied.objects.insert(old.o);
                    }
                    applied.objects.insert(entry.o.clone());
                    self.insert(id, entry);
                }
                Err(e) => {
                    if let Ok(id) = WriteId::parse(&key) {
                        if self.removed.contains(&id) {
                            continue;
                        }
                        if let Some(old) = self.take(&id) {
                            applied.objects.insert(old.o);
                        }
                    }
                    self.bad.insert(key, e.clone());
                    applied.rejected.push(e);
                }
            }
        }
        applied
    }

    fn insert(&mut self, id: WriteId, entry: Entry) {
        self.max_clock = self.max_clock.max(entry.c);
        self.index.entry(entry.o.clone()).or_default().entry(entry.f.clone()).or_default().insert(id.clone());
        self.entries.insert(id, entry);
    }

    fn take(&mut self, id: &WriteId) -> Option<Entry> {
        let e = self.entries.remove(id)?;
        if let Some(fields) = self.index.get_mut(&e.o) {
            if let Some(ids) = fields.get_mut(&e.f) {
                ids.remove(id);
                if ids.is_empty() {
                    fields.remove(&e.f);
                }
            }
            if fields.is_empty() {
                self.index.remove(&e.o);
            }
        }
        Some(e)
    }

    pub fn entry(&self, id: &WriteId) -> Option<&Entry> {
        self.entries.get(id)
    }

    pub fn entries(&self) -> impl Iterator<Item = (&WriteId, &Entry)> {
        self.entries.iter()
    }

    /// Every key removed so far (kept so that a late insert of one stays out).
    pub fn removed(&self) -> &BTreeSet<WriteId> {
        &self.removed
    }

    /// The entries that did not parse, with why.
    pub fn bad_entries(&self) -> impl Iterator<Item = (&String, &TeamError)> {
        self.bad.iter()
    }

    pub fn max_clock(&self) -> u64 {
        self.max_clock
    }

    /// Every object with at least one present write.
    pub fn objects(&self) -> impl Iterator<Item = &String> {
        self.index.keys()
    }

    /// The object's fields that have writes (`deleted` among them, if it has one).
    pub fn fields(&self, object: &str) -> impl Iterator<Item = &String> {
        self.index.get(object).into_iter().flat_map(|f| f.keys())
    }

    /// The writes of `(object, field)` that no present write of it supersedes, best first.
    pub fn heads(&self, object: &str, field: &str) -> Vec<(&WriteId, &Entry)> {
        let Some(ids) = self.index.get(object).and_then(|f| f.get(field)) else { return Vec::new() };
        let superseded: BTreeSet<&WriteId> = ids.iter().flat_map(|id| self.entries[id].sup.iter()).collect();
        let mut heads: Vec<(&WriteId, &Entry)> = ids.iter().filter(|id| !superseded.contains(id)).map(|id| (id, &self.entries[id])).collect();
        // The greatest (clock, write id) wins on every replica.
        heads.sort_by(|a, b| (b.1.c, b.0).cmp(&(a.1.c, a.0)));
        heads
    }

    /// The value of `(object, field)`: its winning head's.
    pub fn value(&self, object: &str, field: &str) -> Option<&Value> {
        self.heads(object, field).first().map(|(_, e)| &e.v)
    }

    /// The values of the other heads that differ from the winner's (a concurrent edit).
    pub fn others(&self, object: &str, field: &str) -> Vec<&Value> {
        let heads = self.heads(object, field);
        let Some((_, winner)) = heads.first() else { return Vec::new() };
        let mut others: Vec<&Value> = Vec::new();
        for (_, e) in &heads[1..] {
            if e.v != winner.v && !others.contains(&&e.v) {
                others.push(&e.v);
            }
        }
        others
    }

    /// The winning value of each field but `deleted`.
    pub fn values(&self, object: &str) -> BTreeMap<String, Value> {
        self.fields(object).filter(|f| *f != DELETED).filter_map(|f| Some((f.clone(), self.value(object, f)?.clone()))).collect()
    }

    /// Whether the winning `deleted` write says deleted, whatever else was edited.
    pub fn marked_deleted(&self, object: &str) -> bool {
        self.heads(object, DELETED).first().is_some_and(|(_, e)| e.deletes())
    }

    /// Deleted: marked so, and every head of every other field was seen by a deletion. An edit
    /// no deletion saw keeps the object.
    pub fn is_deleted(&self, object: &str) -> bool {
        if !self.marked_deleted(object) {
            return false;
        }
        let seen: BTreeSet<&WriteId> = self.heads(object, DELETED).into_iter().filter(|(_, e)| e.deletes()).flat_map(|(_, e)| e.seen.iter()).collect();
        self.fields(object).filter(|f| *f != DELETED).all(|f| self.heads(object, f).iter().all(|(id, _)| seen.contains(id)))
    }

    /// Marked deleted, but kept because someone edited it concurrently: shown, and flagged.
    pub fn deleted_but_edited(&self, object: &str) -> bool {
        self.marked_deleted(object) && !self.is_deleted(object)
    }

    /// The heads of every field of `object` but `deleted` (what a deletion now would see).
    pub fn field_heads(&self, object: &str) -> Vec<WriteId> {
        self.fields(object).filter(|f| *f != DELETED).flat_map(|f| self.heads(object, f).into_iter().map(|(id, _)| id.clone())).collect()
    }

    /// The greatest counter `replica` has used here, so a reloaded replica never reuses one.
    pub fn last_counter(&self, replica: &str) -> Option<u64> {
        self.entries.keys().chain(self.removed.iter()).filter(|id| id.replica == replica).map(|id| id.counter).max()
    }
}
