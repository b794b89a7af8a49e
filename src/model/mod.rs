//! The pure core: text and offsets, annotations, render segments, the reducer with undo,
//! file formats and the storage schema. Nothing here knows about the DOM.

pub mod annotation;
pub mod factcheck;
pub mod format;
pub mod history;
pub mod labels;
pub mod library;
pub mod lock;
pub mod navigate;
pub mod persist;
pub mod quote;
pub mod segment;
pub mod state;
pub mod structure;
pub mod text;
