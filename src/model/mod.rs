//! The pure core: text and offsets, labels, fact-checking data, annotations, the workspace, its
//! changes, undo and the reducer, file formats and the storage schema. Nothing here knows about
//! the DOM. Imports run one way, leaves first:
//! `text` → `labels`, `facts` → `annotation` → `workspace` → `change` → `history` →
//! `action`, `reduce` → `persist`, `format`, `library`; `keymap` (which command a key is) needs only `labels`.

pub mod action;
pub mod actors;
pub mod annotation;
pub mod change;
pub mod facts;
pub mod filter;
pub mod format;
pub mod history;
pub mod keymap;
pub mod labels;
pub mod library;
pub mod lock;
pub mod navigate;
pub mod persist;
pub mod quote;
pub mod reduce;
pub mod segment;
pub mod structure;
pub mod text;
pub mod workspace;
