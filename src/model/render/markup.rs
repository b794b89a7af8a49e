//! The article's chunks and paragraphs as HTML text, with their highlights.
//!
//! The view hands the browser one string per chunk of paragraphs (parsed natively, like a static
//! page) instead of building 100,000 nodes and attributes one call at a time from wasm; an edit
//! replaces one paragraph's element with its new string. Pure string building, tested natively:
//! every piece of text or attribute that comes from a file is escaped here. The names and layout it
//! writes are the contract in [`super::contract`], which the bridge reads by.

use super::contract::{self, CHUNK_CLASS, END, IDS, IDS_SEPARATOR, LABELS, SAID_BY, SELECTED_CLASS, START};
use super::segment::segments;
use crate::model::text::{Span, TextIndex};

/// One annotation touching a paragraph, as its markup needs it.
#[derive(Clone, Copy, Debug)]
pub struct Highlight<'a> {
    pub span: Span,
    pub id: &'a str,
    pub label: &'a str,
    /// The class that draws this label alone (its tint and underline).
    pub class: &'a str,
    /// The id of the hidden element naming the label, for `aria-describedby`.
    pub described_by: &'a str,
    /// Who said this quote or made this claim, drawn by CSS after its last segment.
    pub said_by: Option<&'a str>,
}

/// How a paragraph is shown besides its highlights.
#[derive(Clone, Copy, Debug, Default)]
pub struct Look<'a> {
    /// A heading's level in the article (1–6); headings start at `h2`, under the page's `h1`.
    pub level: Option<u8>,
    /// The selected annotation, outlined.
    pub selected: Option<&'a str>,
    /// An annotation to flash, and how many flashes came before (see [`contract::flash_class`]).
    pub flash: Option<(&'a str, u32)>,
}

/// Text content, escaped. The parser drops U+0000 from text, so it becomes U+FFFD (one UTF-16
/// unit either way, so offsets in the DOM still match the article's).
pub fn push_text(out: &mut String, s: &str) {
    push_escaped(out, s, &['&', '<', '>', '\0', '\r']);
}

/// A double-quoted attribute value, escaped.
pub fn push_attr(out: &mut String, s: &str) {
    push_escaped(out, s, &['&', '"', '<', '>', '\0', '\r', '\n']);
}

fn push_escaped(out: &mut String, s: &str, special: &[char]) {
    let mut rest = s;
    while let Some(i) = rest.find(special) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'"' => "&quot;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\r' => "&#13;",
            b'\n' => "&#10;",
            _ => "\u{FFFD}",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

fn push_named(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    push_attr(out, value);
    out.push('"');
}

fn push_offsets(out: &mut String, span: Span) {
    use std::fmt::Write;
    let _ = write!(out, " {START}=\"{}\" {END}=\"{}\"", span.start.0, span.end.0);
}

/// A chunk's element around its paragraphs' markup; `estimate_em` is its height until it is first
/// laid out (chunks off screen skip layout).
pub fn chunk<'a>(estimate_em: usize, paragraphs: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = format!("<div class=\"{CHUNK_CLASS}\" style=\"contain-intrinsic-size:auto none auto {estimate_em}em\">");
    for p in paragraphs {
        out.push_str(p);
    }
    out.push_str("</div>");
    out
}

/// The element of paragraph `span`: a `<p>` (or heading) of segments, each a `<span>` of plain
/// text or a `<mark>` of the highlights covering it, all carrying their code-point offsets in
/// [`START`]/[`END`]. A segment covered by one highlight draws it with its label's class;
/// `overlap_style` gives the inline style of a segment covered by several (indexes into
/// `highlights`, outermost first).
pub fn paragraph(out: &mut String, text: &TextIndex, span: Span, highlights: &[Highlight], look: Look, overlap_style: &dyn Fn(&[usize]) -> String) {
    let tag = match look.level {
        Some(level) => ["h2", "h3", "h4", "h5", "h6", "h6"][usize::from(level.clamp(1, 6)) - 1],
        None => "p",
    };
    out.push('<');
    out.push_str(tag);
    out.push_str(" dir=\"auto\"");
    push_offsets(out, span);
    out.push('>');
    let spans: Vec<Span> = highlights.iter().map(|h| h.span).collect();
    for seg in segments(span, &spans) {
        let content = text.slice(seg.span).unwrap_or("");
        if seg.covering.is_empty() {
            out.push_str("<span");
            push_offsets(out, seg.span);
            out.push('>');
            push_text(out, content);
            out.push_str("</span>");
            continue;
        }
        let covering: Vec<&Highlight> = seg.covering.iter().map(|&i| &highlights[i]).collect();
        let ids: Vec<&str> = covering.iter().map(|h| h.id).collect();
        let labels: Vec<&str> = covering.iter().map(|h| h.label).collect();
        out.push_str("<mark");
        push_offsets(out, seg.span);
        push_named(out, IDS, &ids.join(IDS_SEPARATOR));
        push_named(out, LABELS, &labels.join(" "));
        let said: Vec<&str> = covering.iter().filter(|h| h.span.end == seg.span.end).filter_map(|h| h.said_by).collect();
        if !said.is_empty() {
            push_named(out, SAID_BY, &said.join(" · "));
        }
        let mut described: Vec<&str> = covering.iter().map(|h| h.described_by).collect();
        described.sort_unstable();
        described.dedup();
        push_named(out, "aria-describedby", &described.join(" "));
        push_named(out, "title", &labels.join(" + "));
        let mut classes: Vec<&str> = Vec::new();
        if let [only] = covering.as_slice() {
            classes.push(only.class);
        } else {
            push_named(out, "style", &overlap_style(&seg.covering));
        }
        if look.selected.is_some_and(|id| covering.iter().any(|h| h.id == id)) {
            classes.push(SELECTED_CLASS);
        }
        if let Some((_, n)) = look.flash.filter(|(id, _)| covering.iter().any(|h| h.id == *id)) {
            classes.push(contract::flash_class(n));
        }
        if !classes.is_empty() {
            push_named(out, "class", &classes.join(" "));
        }
        out.push('>');
        push_text(out, content);
        out.push_str("</mark>");
    }
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hl<'a>(start: usize, end: usize, id: &'a str, label: &'a str) -> Highlight<'a> {
        Highlight { span: Span::new(start, end), id, label, class: "hl-0", described_by: "label-desc-0", said_by: None }
    }

    fn render(text: &str, highlights: &[Highlight], look: Look) -> String {
        let index = TextIndex::new(text);
        let mut out = String::new();
        let span = index.paragraphs()[0].span;
        paragraph(&mut out, &index, span, highlights, look, &|c| format!("overlap:{c:?}"));
        out
    }

    #[test]
    fn plain_and_highlighted_segments_carry_their_offsets() {
        let html = render("قال 😀 <b>", &[hl(4, 5, "a", "Claim")], Look::default());
        assert_eq!(
            html,
            "<p dir=\"auto\" data-s=\"0\" data-e=\"9\"><span data-s=\"0\" data-e=\"4\">قال </span>\
             <mark data-s=\"4\" data-e=\"5\" data-ids=\"a\" data-labels=\"Claim\" aria-describedby=\"label-desc-0\" title=\"Claim\" class=\"hl-0\">😀</mark>\
             <span data-s=\"5\" data-e=\"9\"> &lt;b&gt;</span></p>"
        );
    }

    #[test]
    fn overlaps_get_an_inline_style_and_names_from_files_are_escaped() {
        let evil = "x\" onclick=\"alert(1)";
        let mut outer = hl(0, 4, "o", "A&B");
        outer.said_by = Some("<Lavrov>");
        let html = render("abcd", &[outer, hl(1, 2, evil, "Q")], Look { selected: Some("o"), flash: Some((evil, 1)), level: None });
        assert!(html.contains("data-ids=\"o x&quot; onclick=&quot;alert(1)\""), "{html}");
        assert!(
            html.contains(
                "data-labels=\"A&amp;B Q\" aria-describedby=\"label-desc-0\" title=\"A&amp;B + Q\" style=\"overlap:[0, 1]\" class=\"selected flash-b\""
            ),
            "{html}"
        );
        assert!(html.contains("data-said-by=\"&lt;Lavrov&gt;\""), "{html}");
        assert_eq!(html.matches("data-said-by").count(), 1, "the name goes after the highlight's last segment only");
        assert!(!html.contains("onclick=\"alert"));
    }

    #[test]
    fn a_chunk_wraps_its_paragraphs_with_a_size_estimate() {
        assert_eq!(chunk(3, ["<p>a</p>", "<p>b</p>"]), "<div class=\"chunk\" style=\"contain-intrinsic-size:auto none auto 3em\"><p>a</p><p>b</p></div>");
    }

    #[test]
    fn headings_are_h2_to_h6() {
        assert!(render("Title", &[], Look { level: Some(1), ..Look::default() }).starts_with("<h2 dir=\"auto\""));
        assert!(render("Title", &[], Look { level: Some(6), ..Look::default() }).ends_with("</h6>"));
    }

    proptest! {
        /// Whatever a file holds, the markup's text (tags removed, entities decoded) is the
        /// paragraph's text, U+0000 shown as U+FFFD, and no tag comes from the text.
        #[test]
        fn text_survives_escaping(s in "[a-z<>&\"'\\x00\u{0600}-\u{06FF} ]{1,40}") {
            let html = render(&s, &[], Look::default());
            prop_assert_eq!(html.matches('<').count(), 4);
            let inner = html.split_once('>').unwrap().1.split_once('>').map_or("", |p| p.1).rsplit_once("</span>").map_or("", |p| p.0);
            let decoded = inner.replace("&lt;", "<").replace("&gt;", ">").replace("&#13;", "\r").replace("&amp;", "&");
            prop_assert_eq!(decoded, s.replace('\0', "\u{FFFD}"));
        }
    }
}
