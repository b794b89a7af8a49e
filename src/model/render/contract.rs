//! The article DOM contract shared by the markup that writes the article and the bridge that reads
//! it: attribute and class names, the chunk layout, and the `data-ids` value.
//!
//! The article is `<article>` > one `<div class="chunk">` per [`CHUNK`] paragraphs > one `<p>` (or
//! heading) per paragraph > its segments, a `<span>` of plain text or a `<mark>` of highlights. The
//! paragraph and every segment carry their code-point range in [`START`]/[`END`]; a `<mark>` carries
//! the ids of the annotations covering it in [`IDS`], outermost first.

use crate::model::annotation::AnnotationId;
use std::ops::Range;

/// The code-point offset of an element's first character (paragraphs and segments).
pub const START: &str = "data-s";
/// The code-point offset just past an element's last character.
pub const END: &str = "data-e";
/// A `<mark>`'s annotation ids, outermost first, separated by [`IDS_SEPARATOR`].
pub const IDS: &str = "data-ids";
/// A `<mark>`'s label names, in the order of its ids.
pub const LABELS: &str = "data-labels";
/// Who said the quotes or made the claims ending at this `<mark>`, drawn by CSS after it.
pub const SAID_BY: &str = "data-said-by";
pub const IDS_SEPARATOR: &str = " ";
/// A suggestion's element (around the segments it covers): its reference, [`suggestion_ref`].
pub const SUGGESTION: &str = "data-sug";

/// The class of a chunk's `div`.
pub const CHUNK_CLASS: &str = "chunk";
/// The class of a `<mark>` of the selected annotation.
pub const SELECTED_CLASS: &str = "selected";
/// The class of a suggestion's element (a dashed outline).
pub const SUGGESTION_CLASS: &str = "sug";
/// The class of the current suggestion's element (a solid outline).
pub const CURRENT_CLASS: &str = "current";
/// The flash animation's two classes, taking turns (see [`flash_class`]).
pub const FLASH_CLASSES: [&str; 2] = ["flash-a", "flash-b"];

/// The flash animation's class for the `n`th flash: two names taking turns, so that flashing the
/// same highlight again restarts the animation.
pub fn flash_class(n: u32) -> &'static str {
    FLASH_CLASSES[(n % 2) as usize]
}

/// The article's paragraphs are grouped in chunks of this many (one `div` each).
pub const CHUNK: usize = 16;

/// Where a paragraph's element is: the article's child `chunk`, and that chunk's child `child`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub chunk: usize,
    pub child: usize,
}

/// Where paragraph `paragraph` (its index in the text) is in the article.
pub fn place_of(paragraph: usize) -> Place {
    Place { chunk: paragraph / CHUNK, child: paragraph % CHUNK }
}

/// How many chunks an article of `paragraphs` paragraphs has.
pub fn chunk_count(paragraphs: usize) -> usize {
    paragraphs.div_ceil(CHUNK)
}

/// The paragraphs (indexes) of chunk `chunk` in an article of `paragraphs` paragraphs.
pub fn chunk_paragraphs(chunk: usize, paragraphs: usize) -> Range<usize> {
    let start = (chunk * CHUNK).min(paragraphs);
    start..((chunk + 1) * CHUNK).min(paragraphs)
}

/// The ids of a `data-ids` value, outermost first: the inverse of what the markup writes.
pub fn ids(value: &str) -> impl Iterator<Item = &str> {
    value.split(IDS_SEPARATOR)
}

/// The ids of a `data-ids` value, outermost first, as annotation ids.
pub fn parse_ids(value: &str) -> Vec<AnnotationId> {
    ids(value).map(|s| AnnotationId(s.to_string())).collect()
}

/// Which of a mark's annotations (outermost first) a click selects: the innermost, and while one
/// of them is selected, the one around it (from the outermost, back to the innermost).
pub fn next_in_stack(ids: &[AnnotationId], selected: Option<&AnnotationId>) -> Option<AnnotationId> {
    match selected.and_then(|sel| ids.iter().position(|i| i == sel)) {
        Some(0) | None => ids.last().cloned(),
        Some(k) => Some(ids[k - 1].clone()),
    }
}

/// A suggestion's reference in the DOM: its span and its label's place in the label set (`u`
/// for a label not in it), so that it needs no escaping and changes only with the suggestion.
pub fn suggestion_ref(start: usize, end: usize, label: Option<usize>) -> String {
    match label {
        Some(k) => format!("{start}-{end}-{k}"),
        None => format!("{start}-{end}-u"),
    }
}

/// The span and label place of a suggestion's reference: the inverse of [`suggestion_ref`].
pub fn parse_suggestion_ref(value: &str) -> Option<(usize, usize, Option<usize>)> {
    let mut parts = value.split('-');
    let (start, end, label) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    Some((start, end, if label == "u" { None } else { Some(label.parse().ok()?) }))
}

/// Whether a `data-ids` value holds `id`.
pub fn has_id(value: &str, id: &str) -> bool {
    ids(value).any(|s| s == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicks_walk_outwards_through_nested_highlights_and_back_in() {
        let ids = parse_ids("outer middle inner");
        let id = |s: &str| AnnotationId(s.into());
        assert_eq!(next_in_stack(&ids, None), Some(id("inner")));
        assert_eq!(next_in_stack(&ids, Some(&id("inner"))), Some(id("middle")));
        assert_eq!(next_in_stack(&ids, Some(&id("middle"))), Some(id("outer")));
        assert_eq!(next_in_stack(&ids, Some(&id("outer"))), Some(id("inner")));
        assert_eq!(next_in_stack(&ids, Some(&id("elsewhere"))), Some(id("inner")));
        assert_eq!(next_in_stack(&[], None), None);
    }
    use crate::model::render::markup::{paragraph, Highlight, Look};
    use crate::model::text::{Span, TextIndex};

    #[test]
    fn paragraphs_fill_chunks_of_sixteen_in_order() {
        assert_eq!(place_of(0), Place { chunk: 0, child: 0 });
        assert_eq!(place_of(15), Place { chunk: 0, child: 15 });
        assert_eq!(place_of(16), Place { chunk: 1, child: 0 });
        assert_eq!(place_of(40), Place { chunk: 2, child: 8 });
        assert_eq!(chunk_count(0), 0);
        assert_eq!(chunk_count(1), 1);
        assert_eq!(chunk_count(16), 1);
        assert_eq!(chunk_count(17), 2);
        assert_eq!(chunk_paragraphs(0, 40), 0..16);
        assert_eq!(chunk_paragraphs(2, 40), 32..40);
        assert_eq!(chunk_paragraphs(3, 40), 40..40);
    }

    #[test]
    fn every_paragraph_is_in_the_chunk_its_place_names() {
        for count in [1, 15, 16, 17, 33, 100] {
            let mut seen = 0;
            for c in 0..chunk_count(count) {
                let range = chunk_paragraphs(c, count);
                assert!(!range.is_empty(), "chunk {c} of {count} paragraphs is empty");
                for (k, i) in range.enumerate() {
                    assert_eq!(place_of(i), Place { chunk: c, child: k });
                    assert_eq!(i, seen);
                    seen += 1;
                }
            }
            assert_eq!(seen, count);
        }
    }

    #[test]
    fn a_suggestion_reference_reads_back() {
        assert_eq!(suggestion_ref(3, 17, Some(2)), "3-17-2");
        assert_eq!(parse_suggestion_ref("3-17-2"), Some((3, 17, Some(2))));
        assert_eq!(parse_suggestion_ref(&suggestion_ref(0, 1, None)), Some((0, 1, None)));
        for bad in ["", "3", "3-17", "3-17-x", "3-17-2-1", "a-1-2"] {
            assert_eq!(parse_suggestion_ref(bad), None, "{bad}");
        }
    }

    #[test]
    fn flash_classes_take_turns() {
        assert_eq!(flash_class(0), "flash-a");
        assert_eq!(flash_class(1), "flash-b");
        assert_eq!(flash_class(u32::MAX), "flash-b");
    }

    /// The `data-ids` values in a paragraph's markup, unescaped (the ids below need no escaping).
    fn written_ids(html: &str) -> Vec<&str> {
        let key = format!("{IDS}=\"");
        html.split(key.as_str()).skip(1).map(|rest| rest.split('"').next().unwrap()).collect()
    }

    #[test]
    fn ids_read_back_as_the_markup_wrote_them_outermost_first() {
        let text = TextIndex::new("abcdefghij");
        let hl = |start, end, id| Highlight { span: Span::new(start, end), id, label: "L", class: "hl-0", described_by: "d", said_by: None };
        let highlights = [hl(2, 5, "inner"), hl(0, 10, "outer-1"), hl(4, 8, "c3")];
        let mut html = String::new();
        paragraph(&mut html, &text, text.paragraphs()[0].span, &highlights, &[], Look::default(), &|_| String::new());
        let got: Vec<Vec<AnnotationId>> = written_ids(&html).into_iter().map(parse_ids).collect();
        let ids = |v: &[&str]| v.iter().map(|s| AnnotationId(s.to_string())).collect::<Vec<_>>();
        assert_eq!(got, vec![ids(&["outer-1"]), ids(&["outer-1", "inner"]), ids(&["outer-1", "c3", "inner"]), ids(&["outer-1", "c3"]), ids(&["outer-1"])]);
        assert!(has_id("outer-1 inner", "inner"));
        assert!(!has_id("outer-1 inner", "inn"));
    }
}
