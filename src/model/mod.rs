//! The pure core: text and offsets, labels, fact-checking data, annotations, the workspace, its
//! changes, undo and the reducer, file formats and the storage schema, and what the article view
//! draws (`render`: markup as strings, the names the bridge reads it by). Nothing here touches the
//! DOM. Imports run one way, leaves first:
//! `text` → `labels`, `facts` → `annotation` → `workspace` → `change` → `history` →
//! `action`, `reduce` → `persist`, `format`, `library`; `render` needs only `text` and
//! `annotation`; `keymap` (which command a key is) needs only `labels`.

pub mod action;
pub mod actors;
pub mod annotation;
pub mod change;
pub mod facts;
pub mod filter;
pub mod format;
pub mod history;
pub mod keymap;
pub mod keys;
pub mod labels;
pub mod library;
pub mod lock;
pub mod navigate;
pub mod persist;
pub mod quote;
pub mod reduce;
pub mod render;
pub mod structure;
#[cfg(test)]
pub(crate) mod testkit;
pub mod text;
pub mod workspace;
