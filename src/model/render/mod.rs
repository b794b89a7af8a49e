//! What the article view draws, as pure code: overlapping spans cut into segments, the HTML text of
//! chunks and paragraphs, and the DOM contract (names and layout) the bridge reads the article by.

pub mod contract;
pub mod markup;
pub mod segment;
