//! The browser bridge: the article's DOM, DOM selection <-> code-point offsets, storage, downloads,
//! files, clock, offline, and what happens when Annota stops on an internal error.

pub mod article_dom;
pub mod clock;
pub mod crash;
pub mod download;
pub mod files;
pub mod focus;
pub mod html;
pub mod offline;
pub mod perf;
pub mod selection;
pub mod storage;
