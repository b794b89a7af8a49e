//! Concurrent edits of one field: the winner every replica shows, the other values kept one
//! click away, and the write that settles it by superseding every head.

use super::doc::TeamDoc;
use super::entry::{WriteId, DELETED};
use super::writes::{Replica, Writer, Writes};
use serde_json::Value;

/// One head of a field: who wrote which value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub id: WriteId,
    pub by: String,
    pub value: Value,
}

/// A field edited concurrently to different values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldConflict {
    pub field: String,
    pub winner: Head,
    /// The other heads, one per value different from the winner's.
    pub others: Vec<Head>,
}

/// Fields no one decides: stamped by every edit, so edits of two other fields made apart differ
/// here too. Their conflicts are kept but not shown as a concurrent edit.
pub const STAMPS: [&str; 2] = ["created", "modified"];

/// Every field of `object` whose heads hold more than one value (`deleted` too: a deletion and a
/// restore made apart).
pub fn conflicts(doc: &TeamDoc, object: &str) -> Vec<FieldConflict> {
    let mut out = Vec::new();
    for field in doc.fields(object) {
        let heads = doc.heads(object, field);
        let Some(((id, e), rest)) = heads.split_first() else { continue };
        let winner = Head { id: (*id).clone(), by: e.by.clone(), value: e.v.clone() };
        let mut others: Vec<Head> = Vec::new();
        for (id, e) in rest {
            if e.v != winner.value && !others.iter().any(|h| h.value == e.v) {
                others.push(Head { id: (*id).clone(), by: e.by.clone(), value: e.v.clone() });
            }
        }
        if !others.is_empty() {
            out.push(FieldConflict { field: field.clone(), winner, others });
        }
    }
    out
}

/// Whether `object` has a concurrent edit worth showing (one not only of its stamps).
pub fn edited_apart(doc: &TeamDoc, object: &str) -> bool {
    conflicts(doc, object).iter().any(|c| !STAMPS.contains(&c.field.as_str()))
}

/// Settles `(object, field)` on `value` (usually one of its heads'): one write superseding every
/// head. Settling `deleted` on `true` deletes the object having seen every edit; on `false` keeps it.
pub fn resolve(doc: &TeamDoc, object: &str, field: &str, value: Value, replica: &mut Replica, member: &str) -> Writes {
    let mut w = Writer::new(doc, replica, member);
    if field == DELETED && value == Value::Bool(true) {
        w.delete(object, doc.field_heads(object));
    } else {
        w.write(object, field, value);
    }
    w.finish()
}
