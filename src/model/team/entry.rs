//! One entry of a document's `entries` map: its write id (the key) and the JSON it holds, parsed
//! strictly, since a peer's bad entry must be reported, never read as a default.

use serde::{Deserialize, Serialize};
use std::fmt;

/// `<replica>.<counter>`: unique because a replica never reuses a counter.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WriteId {
    pub replica: String,
    pub counter: u64,
}

/// What is wrong with an entry or a key a peer sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamError {
    /// A key (or a `sup`/`seen` item) that is not `<replica>.<counter>`.
    BadWriteId(String),
    /// The entry is not the protocol's JSON (serde's words).
    BadEntry { key: String, why: String },
}

impl fmt::Display for TeamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TeamError::BadWriteId(s) => write!(f, "\"{s}\" is not a write id"),
            TeamError::BadEntry { key, why } => write!(f, "entry {key} is not valid: {why}"),
        }
    }
}

/// Ids in the protocol match `[A-Za-z0-9_-]{1,64}`.
pub fn valid_id(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

impl WriteId {
    pub fn new(replica: impl Into<String>, counter: u64) -> Self {
        WriteId { replica: replica.into(), counter }
    }

    pub fn parse(s: &str) -> Result<Self, TeamError> {
        let bad = || TeamError::BadWriteId(s.to_string());
        let (replica, counter) = s.rsplit_once('.').ok_or_else(bad)?;
        // Digits only: "+1" or "01" would be a second spelling of the same id.
        if !valid_id(replica) || counter.is_empty() || !counter.bytes().all(|b| b.is_ascii_digit()) || (counter.len() > 1 && counter.starts_with('0')) {
            return Err(bad());
        }
        Ok(WriteId { replica: replica.to_string(), counter: counter.parse().map_err(|_| bad())? })
    }
}

impl fmt::Display for WriteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.replica, self.counter)
    }
}

impl Serialize for WriteId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for WriteId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        WriteId::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// The field that marks an object deleted.
pub const DELETED: &str = "deleted";

/// `{"o", "f", "v", "c", "by", "sup"}`, and `seen` on a deletion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub o: String,
    pub f: String,
    pub v: serde_json::Value,
    pub c: u64,
    pub by: String,
    pub sup: Vec<WriteId>,
    /// Only on `deleted`: the heads of the object's other fields the deleter saw.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seen: Vec<WriteId>,
}

impl Entry {
    /// The entry stored under `key`; `v` must be present (JSON `null` is a value, a missing `v` is not).
    pub fn parse(key: &str, json: &str) -> Result<Entry, TeamError> {
        let bad = |why: String| TeamError::BadEntry { key: key.to_string(), why };
        let raw: serde_json::Value = serde_json::from_str(json).map_err(|e| bad(e.to_string()))?;
        if raw.get("v").is_none() {
            return Err(bad("missing field `v`".into()));
        }
        let entry: Entry = serde_json::from_value(raw).map_err(|e| bad(e.to_string()))?;
        if entry.o.is_empty() || entry.f.is_empty() {
            return Err(bad("empty object or field".into()));
        }
        Ok(entry)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an entry is plain JSON")
    }

    /// Whether this write marks its object deleted (a `deleted` write of `false` restores it).
    pub fn deletes(&self) -> bool {
        self.f == DELETED && self.v == serde_json::Value::Bool(true)
    }
}
