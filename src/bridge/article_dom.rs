//! The article in the DOM: every read and write of its chunks, paragraphs and marks, by the
//! contract the markup writes (`model::render::contract`). Nothing else names its attributes.

use crate::model::annotation::{Annotation, AnnotationId};
use crate::model::render::contract::{self, CURRENT_CLASS, END, FLASH_CLASSES, IDS, SELECTED_CLASS, START, SUGGESTION};
use crate::model::text::{CharOffset, TextIndex};
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, Node};

fn offset_attr(el: &Element, name: &str) -> Option<CharOffset> {
    el.get_attribute(name)?.parse().ok().map(CharOffset)
}

/// Where a paragraph or segment element starts, in code points.
pub fn start_of(el: &Element) -> Option<CharOffset> {
    offset_attr(el, START)
}

/// Where a paragraph or segment element ends (just past its last character), in code points.
pub fn end_of(el: &Element) -> Option<CharOffset> {
    offset_attr(el, END)
}

/// The start of the first paragraph or segment inside `el` (in document order).
pub fn first_start_within(el: &Element) -> Option<CharOffset> {
    start_of(&el.query_selector(&format!("[{START}]")).ok()??)
}

/// The end of the last paragraph or segment inside `el` (in document order).
pub fn last_end_within(el: &Element) -> Option<CharOffset> {
    let all = el.query_selector_all(&format!("[{END}]")).ok()?;
    end_of(all.item(all.length().checked_sub(1)?)?.dyn_ref::<Element>()?)
}

/// The segment holding a text node of the article.
pub fn segment_of(text: &Node) -> Option<Element> {
    text.parent_element()?.closest(&format!("[{START}]")).ok()?
}

/// The segments of a paragraph element, in text order (some sit inside a suggestion's element,
/// which carries no offsets).
pub fn segments_of(paragraph: &Element) -> Vec<Element> {
    let Ok(nodes) = paragraph.query_selector_all(&format!("[{START}]")) else { return Vec::new() };
    (0..nodes.length()).filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// The element of chunk `chunk` (the article's child at that index).
pub fn chunk_element(article: &Element, chunk: usize) -> Option<Element> {
    article.children().item(chunk as u32)
}

/// The element of a chunk's `child`th paragraph.
pub fn paragraph_in_chunk(chunk: &Element, child: usize) -> Option<Element> {
    chunk.children().item(child as u32)
}

/// The element of the paragraph that starts at `start`: found through the article's chunks
/// without a search (see [`contract::place_of`]), or by its offset if the layout differs.
pub fn paragraph_element(article: &Element, text: &TextIndex, start: CharOffset) -> Option<Element> {
    let place = contract::place_of(text.paragraph_at_or_after(start));
    let direct = chunk_element(article, place.chunk).and_then(|c| paragraph_in_chunk(&c, place.child));
    direct
        .filter(|p| start_of(p) == Some(start))
        .or_else(|| article.query_selector(&format!(":is(p, h2, h3, h4, h5, h6)[{START}=\"{}\"]", start.0)).ok().flatten())
}

/// Replaces a chunk's `child`th paragraph element with the element of `html` (its new markup).
pub fn patch_paragraph(chunk: &Element, child: usize, html: &str) {
    if let Some(p) = paragraph_in_chunk(chunk, child) {
        p.set_outer_html(html);
    }
}

/// Sets the selected and flashing classes on a paragraph's marks in place, as its markup would
/// (so the nodes under the pointer stay: a double click selects a word in a highlight).
pub fn restyle_marks(paragraph: &Element, selected: Option<&AnnotationId>, flash: Option<&(AnnotationId, u32)>) {
    let marks = paragraph.get_elements_by_tag_name("mark");
    for j in 0..marks.length() {
        let Some(mark) = marks.item(j) else { continue };
        let ids = mark.get_attribute(IDS).unwrap_or_default();
        let has = |id: &AnnotationId| contract::has_id(&ids, id.as_str());
        let classes = mark.class_list();
        let _ = classes.toggle_with_force(SELECTED_CLASS, selected.is_some_and(has));
        let _ = classes.remove_2(FLASH_CLASSES[0], FLASH_CLASSES[1]);
        if let Some((_, n)) = flash.filter(|(id, _)| has(id)) {
            let _ = classes.add_1(contract::flash_class(*n));
        }
    }
}

/// Sets the current suggestion's class on a paragraph's suggestions in place, as its markup would.
pub fn restyle_suggestions(paragraph: &Element, current: Option<&str>) {
    let Ok(all) = paragraph.query_selector_all(&format!("[{SUGGESTION}]")) else { return };
    for j in 0..all.length() {
        if let Some(el) = all.item(j).and_then(|n| n.dyn_into::<Element>().ok()) {
            let is = current.is_some_and(|c| el.get_attribute(SUGGESTION).as_deref() == Some(c));
            let _ = el.class_list().toggle_with_force(CURRENT_CLASS, is);
        }
    }
}

/// The (first) element of the suggestion `reference` that starts at `start`.
pub fn suggestion_element(article: &Element, text: &TextIndex, start: CharOffset, reference: &str) -> Option<Element> {
    let para = crate::model::navigate::paragraph_around(text, start)?;
    paragraph_element(article, text, para.start)?.query_selector(&format!("[{SUGGESTION}=\"{reference}\"]")).ok()?
}

/// The reference of the innermost suggestion under an event's target, if it is on one.
pub fn suggestion_under(target: Option<EventTarget>) -> Option<String> {
    let el = target?.dyn_into::<Element>().ok()?;
    el.closest(&format!("[{SUGGESTION}]")).ok()??.get_attribute(SUGGESTION)
}

/// The first mark of `annotation`: the segment starting where it starts, in the paragraph holding
/// its start.
pub fn first_mark(article: &Element, text: &TextIndex, annotation: &Annotation) -> Option<Element> {
    let start = annotation.span.start;
    let para = crate::model::navigate::paragraph_around(text, start)?;
    paragraph_element(article, text, para.start)?.query_selector(&format!("mark[{START}=\"{}\"]", start.0)).ok()?
}

/// Scrolls `annotation`'s first mark into view, only when it is not already in view (the text
/// does not jump under the reader's eyes).
pub fn scroll_to_annotation(article: &Element, text: &TextIndex, annotation: &Annotation) {
    if let Some(mark) = first_mark(article, text, annotation) {
        crate::bridge::focus::reveal(&mark);
    }
}

/// Scrolls the segment starting at `offset` into view when it is not in view already.
pub fn scroll_to_offset(article: &Element, text: &TextIndex, offset: CharOffset) {
    let Some(para) = crate::model::navigate::paragraph_around(text, offset) else { return };
    let found = paragraph_element(article, text, para.start).and_then(|p| p.query_selector(&format!("[{START}=\"{}\"]", offset.0)).ok().flatten());
    if let Some(el) = found {
        crate::bridge::focus::reveal(&el);
    }
}

/// The ids of the annotations drawn by the mark under an event's target, outermost first; empty
/// when it is not on a highlight.
pub fn ids_under(target: Option<EventTarget>) -> Vec<AnnotationId> {
    target
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest(&format!("mark[{IDS}]")).ok().flatten())
        .and_then(|mark| mark.get_attribute(IDS))
        .map(|ids| contract::parse_ids(&ids))
        .unwrap_or_default()
}
