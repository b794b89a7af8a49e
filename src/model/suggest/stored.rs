//! What is kept in storage about suggestions: an article's memory (what the user rejected, how
//! often they accepted each label) and which kinds are switched off. Each value carries a schema
//! version; one that cannot be read is an error to keep aside, never a default.

use super::{Key, Kind, Memory, Options};
use crate::model::labels::LabelId;
use crate::model::persist::StoredError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of both values that this Annota writes and reads.
pub const SCHEMA: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredMemory {
    schema: u32,
    #[serde(default)]
    rejected: Vec<Key>,
    #[serde(default)]
    accepted: BTreeMap<LabelId, u32>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredKinds {
    schema: u32,
    #[serde(default)]
    off: Vec<Kind>,
}

/// The schema version of a stored value, if this Annota reads it.
fn schema_of(raw: &str) -> Result<(), StoredError> {
    let value: serde_json::Value = serde_json::from_str(raw).map_err(|e| StoredError::NotJson { detail: e.to_string() })?;
    let schema = value.get("schema").and_then(|s| s.as_u64()).ok_or(StoredError::NoSchema)?;
    if (1..=u64::from(SCHEMA)).contains(&schema) {
        Ok(())
    } else {
        Err(StoredError::NewerSchema { found: schema, reads: SCHEMA })
    }
}

fn unexpected(e: serde_json::Error) -> StoredError {
    StoredError::Unexpected { detail: e.to_string() }
}

/// An article's memory as stored: rejections in text order, so equal memories are equal strings.
pub fn encode_memory(memory: &Memory) -> String {
    // Sorted by place through the one sort instantiation of `index::sort_keys`, then by label
    // where two share a place (a short run: insertion).
    let keys: Vec<&Key> = memory.rejected.iter().collect();
    let mut order: Vec<(u64, u32)> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| ((super::index::field(k.start, u32::MAX as u64) << 32) | super::index::field(k.end, u32::MAX as u64), i as u32))
        .collect();
    super::index::sort_keys(&mut order);
    let mut rejected: Vec<Key> = order.iter().map(|&(_, i)| keys[i as usize].clone()).collect();
    for i in 1..rejected.len() {
        let mut j = i;
        while j > 0 && rejected[j - 1] > rejected[j] {
            rejected.swap(j - 1, j);
            j -= 1;
        }
    }
    // Inserted one by one: collecting into a map sorts through a stable sort of its own (kilobytes).
    let mut accepted = BTreeMap::new();
    for (k, v) in &memory.accepted {
        accepted.insert(k.clone(), *v);
    }
    serde_json::to_string(&StoredMemory { schema: SCHEMA, rejected, accepted }).expect("a memory serialises")
}

pub fn decode_memory(raw: &str) -> Result<Memory, StoredError> {
    schema_of(raw)?;
    let stored: StoredMemory = serde_json::from_str(raw).map_err(unexpected)?;
    Ok(Memory { rejected: stored.rejected.into_iter().collect(), accepted: stored.accepted.into_iter().collect() })
}

/// Which kinds are on, as stored: the kinds switched off (a kind added later starts on).
pub fn encode_kinds(options: &Options) -> String {
    let off = Kind::ALL.into_iter().filter(|k| !options.kinds.contains(k)).collect();
    serde_json::to_string(&StoredKinds { schema: SCHEMA, off }).expect("kinds serialise")
}

pub fn decode_kinds(raw: &str) -> Result<Options, StoredError> {
    schema_of(raw)?;
    let stored: StoredKinds = serde_json::from_str(raw).map_err(unexpected)?;
    Ok(Options { kinds: Kind::ALL.into_iter().filter(|k| !stored.off.contains(k)).collect() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memory_reads_back_as_it_was_written() {
        let memory = Memory::default().with_rejected(Key { start: 30, end: 36, label: LabelId("actor".into()) }).with_rejected(Key {
            start: 3,
            end: 9,
            label: LabelId("quote".into()),
        });
        let mut memory = memory;
        memory.accepted.insert(LabelId("actor".into()), 4);
        let raw = encode_memory(&memory);
        assert_eq!(raw, r#"{"schema":1,"rejected":[{"start":3,"end":9,"label":"quote"},{"start":30,"end":36,"label":"actor"}],"accepted":{"actor":4}}"#);
        assert_eq!(decode_memory(&raw), Ok(memory));
        assert_eq!(decode_memory(r#"{"schema":1}"#), Ok(Memory::default()));
    }

    #[test]
    fn an_unreadable_memory_is_an_error_never_a_default() {
        assert!(matches!(decode_memory("{"), Err(StoredError::NotJson { .. })));
        assert_eq!(decode_memory(r#"{"rejected":[]}"#), Err(StoredError::NoSchema));
        assert_eq!(decode_memory(r#"{"schema":2}"#), Err(StoredError::NewerSchema { found: 2, reads: 1 }));
        assert!(matches!(decode_memory(r#"{"schema":1,"rejected":[{"start":"x"}]}"#), Err(StoredError::Unexpected { .. })));
        assert!(matches!(decode_memory(r#"{"schema":1,"accepted":{"actor":-1}}"#), Err(StoredError::Unexpected { .. })));
        assert!(matches!(decode_memory(r#"{"schema":1,"surprise":true}"#), Err(StoredError::Unexpected { .. })));
        assert!(matches!(decode_memory("[]"), Err(StoredError::NoSchema)));
    }

    #[test]
    fn kinds_switched_off_read_back_and_unknown_ones_are_an_error() {
        let off = Options { kinds: [Kind::ActorMention, Kind::SameLabel].into_iter().collect() };
        let raw = encode_kinds(&off);
        assert_eq!(raw, r#"{"schema":1,"off":["quotation","reported_speech"]}"#);
        assert_eq!(decode_kinds(&raw), Ok(off));
        assert_eq!(decode_kinds(&encode_kinds(&Options::default())), Ok(Options::default()));
        assert!(matches!(decode_kinds(r#"{"schema":1,"off":["telepathy"]}"#), Err(StoredError::Unexpected { .. })));
        assert!(matches!(decode_kinds("nope"), Err(StoredError::NotJson { .. })));
    }
}
