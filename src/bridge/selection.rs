//! DOM selection <-> code-point offsets.
//!
//! Every paragraph and segment of the article carries the code-point offsets of its first
//! character and just past its last (read through [`super::article_dom`]). A segment holds one text
//! node, so a DOM point (text node, UTF-16 offset) maps to its segment's start plus a conversion
//! inside that one segment.

use super::article_dom::{self, end_of, start_of};
use crate::model::text::{CharOffset, Span, TextIndex, Utf16Offset};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// The offset of the first character in `node` or after it (in document order), inside the article.
fn first_offset_from(node: &Node, article: &Element) -> Option<CharOffset> {
    let mut current = Some(node.clone());
    while let Some(n) = current {
        if let Some(el) = n.dyn_ref::<Element>() {
            if let Some(o) = start_of(el) {
                return Some(o);
            }
            if let Some(o) = article_dom::first_start_within(el) {
                return Some(o);
            }
        } else if let Some(parent) = n.parent_element() {
            // A text node at the very start of its segment.
            if n.previous_sibling().is_none() {
                if let Some(o) = start_of(&parent) {
                    return Some(o);
                }
            }
        }
        if n.is_same_node(Some(article)) {
            return None;
        }
        // Go to the next sibling, or climb until there is one.
        let mut climb = n;
        current = loop {
            if let Some(next) = climb.next_sibling() {
                break Some(next);
            }
            match climb.parent_node() {
                Some(p) if !p.is_same_node(Some(article)) => climb = p,
                _ => break None,
            }
        };
    }
    None
}

/// The offset just past the last character in `node`, inside the article.
fn last_offset_in(node: &Node) -> Option<CharOffset> {
    let el = node.dyn_ref::<Element>()?;
    end_of(el).or_else(|| article_dom::last_end_within(el))
}

/// Maps a DOM boundary point to a code-point offset in the article's text.
/// A point before the article maps to 0 and one after it to the end.
pub fn point_to_offset(node: &Node, offset: u32, article: &Element, text: &TextIndex) -> Option<CharOffset> {
    let end = CharOffset(text.char_len());
    if !article.contains(Some(node)) {
        let position = article.compare_document_position(node);
        return if position & Node::DOCUMENT_POSITION_PRECEDING != 0 {
            Some(CharOffset(0))
        } else if position & Node::DOCUMENT_POSITION_FOLLOWING != 0 {
            Some(end)
        } else {
            None
        };
    }
    if node.node_type() == Node::TEXT_NODE {
        let seg_start = start_of(&article_dom::segment_of(node)?)?;
        let units = text.utf16_of(seg_start)?.0 + offset as usize;
        // A point between the halves of a surrogate pair snaps back to the pair's start.
        return text.char_of_utf16(Utf16Offset(units)).or_else(|| text.char_of_utf16(Utf16Offset(units - 1)));
    }
    let children = node.child_nodes();
    if offset < children.length() {
        let child = children.item(offset)?;
        first_offset_from(&child, article).or(Some(end))
    } else if node.is_same_node(Some(article)) {
        Some(end)
    } else {
        last_offset_in(node).or_else(|| {
            // An empty element: use whatever follows it.
            let next = node.next_sibling()?;
            first_offset_from(&next, article)
        })
    }
}

/// The current DOM selection as raw code-point offsets (anchor, focus order kept), if it is not
/// collapsed and touches the article.
pub fn selection_offsets(article: &Element, text: &TextIndex) -> Option<(CharOffset, CharOffset)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    if !range.intersects_node(article).unwrap_or(false) {
        return None;
    }
    let start = point_to_offset(&range.start_container().ok()?, range.start_offset().ok()?, article, text)?;
    let end = point_to_offset(&range.end_container().ok()?, range.end_offset().ok()?, article, text)?;
    Some((start, end))
}

/// The current selection as an annotation span: whole graphemes, no white space at the edges.
pub fn selected_span(article: &Element, text: &TextIndex) -> Option<Span> {
    let (a, b) = selection_offsets(article, text)?;
    text.span_from_selection(a, b)
}

/// Whether the user has a non-empty selection right now (a drag rather than a click).
pub fn has_selection() -> bool {
    web_sys::window().and_then(|w| w.get_selection().ok().flatten()).is_some_and(|s| !s.is_collapsed())
}

pub fn clear_selection() {
    if let Some(s) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = s.remove_all_ranges();
    }
}

/// The DOM point (text node, UTF-16 offset) of a code-point offset: the reverse of `point_to_offset`.
/// An offset on a line break maps to the end of the paragraph before it.
pub fn offset_to_point(article: &Element, text: &TextIndex, offset: CharOffset) -> Option<(Node, u32)> {
    let para = crate::model::navigate::paragraph_around(text, offset)?;
    let offset = offset.clamp(para.start, para.end);
    let p = article_dom::paragraph_element(article, text, para.start)?;
    let segments = article_dom::segments_of(&p);
    // The segment holding the offset; at a boundary, the one that starts there.
    let segment = segments.iter().find(|s| end_of(s).is_some_and(|e| offset < e)).or(segments.last())?;
    let seg_start = start_of(segment)?;
    let units = text.utf16_of(offset)?.0 - text.utf16_of(seg_start)?.0;
    Some((segment.first_child()?, units as u32))
}

/// Shows `anchor..focus` as the DOM selection (collapsed when they are equal); the focus may come
/// first, for a selection extended backwards. Returns whether it could.
pub fn select_offsets(article: &Element, text: &TextIndex, anchor: CharOffset, focus: CharOffset) -> bool {
    let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else { return false };
    let (Some((an, ao)), Some((fnode, fo))) = (offset_to_point(article, text, anchor), offset_to_point(article, text, focus)) else {
        return false;
    };
    selection.set_base_and_extent(&an, ao, &fnode, fo).is_ok()
}

/// The DOM selection's anchor and focus as code points, collapsed or not, if it lies in the article.
pub fn selection_points(article: &Element, text: &TextIndex) -> Option<(CharOffset, CharOffset)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    let (anchor, focus) = (selection.anchor_node()?, selection.focus_node()?);
    if !article.contains(Some(&anchor)) || !article.contains(Some(&focus)) {
        return None;
    }
    Some((point_to_offset(&anchor, selection.anchor_offset(), article, text)?, point_to_offset(&focus, selection.focus_offset(), article, text)?))
}
