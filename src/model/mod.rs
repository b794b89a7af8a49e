//! The pure core: text and offsets, labels, fact-checking data, annotations, the workspace, its
//! changes, undo and the reducer, file formats and the storage schema, and what the article view
//! draws (`render`: markup as strings, the names the bridge reads it by). Nothing here touches the
//! DOM. Imports run one way, leaves first (`tests/structure.rs` checks it):
//! `text` → `labels`, `facts`, `layers` (beside `annotation`), `quote`, `structure`, `navigate` → `annotation` → `workspace`,
//! `actors`, `filter`, `keys` → `change` → `history` → `action`, `reduce`; above `workspace`,
//! `format` → `persist` → `library`; `render` needs only `text` and `annotation`; `keymap` (which
//! command a key is) only `labels`; `lock`, `invite` (team invite links) and
//! `team_client` (what the team sync client reports) nothing; `team` (the team library's documents) sits
//! on top, beside nothing. `testkit` builds what the unit tests need.

pub mod action;
pub mod actors;
pub mod adjudication;
pub mod agreement;
pub mod annotation;
pub mod change;
pub mod facts;
pub mod filter;
pub mod format;
pub mod history;
pub mod invite;
pub mod keymap;
pub mod keys;
pub mod labels;
pub mod layers;
pub mod library;
pub mod lock;
pub mod navigate;
pub mod persist;
pub mod quote;
pub mod reduce;
pub mod render;
pub mod structure;
pub mod suggest;
pub mod team;
pub mod team_client;
#[cfg(test)]
pub(crate) mod testkit;
pub mod text;
pub mod workspace;
