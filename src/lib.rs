//! Annota: an article annotator that runs entirely in the browser.

pub mod i18n;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod bridge;
