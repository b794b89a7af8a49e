//! The browser bridge: the article's DOM, DOM selection <-> code-point offsets, focus and scrolling,
//! storage, downloads, reading files, HTML articles through the browser's parser, times and ids,
//! offline use, the team library's sync client (loaded on demand), the benchmark's timings, and what happens when Annota stops on an internal error.

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
pub mod team;
