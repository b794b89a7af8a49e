//! The team library's meaning (docs/team-protocol.md): entries of a shared document, the change
//! sets that become writes, and the workspace the writes add up to. The JavaScript side only moves
//! entries; everything they mean is decided here, the same way on every replica.
//!
//! Inside, leaves first: `entry` → `doc` → `fields` → `writes` → `conflict` → `materialize`
//! → `session`.

pub mod conflict;
pub mod doc;
pub mod entry;
pub mod fields;
pub mod index;
pub mod materialize;
pub mod member;
pub mod session;
pub mod writes;

#[cfg(test)]
mod doc_tests;
#[cfg(test)]
mod prop_tests;
#[cfg(test)]
mod session_tests;

pub use conflict::{conflicts, edited_apart, resolve, FieldConflict, Head, STAMPS};
pub use doc::{Applied, DocKind, TeamDoc};
pub use entry::{Entry, TeamError, WriteId};
pub use materialize::{article_doc_id, article_id_matches, diff, materialize, remote_changes, remote_changes_of, Materialized, Problem};
pub use session::{TeamSession, TeamWrites};
pub use writes::{history_step_writes, writes_for, Replica, Writes};
