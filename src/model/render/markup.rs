//! The article's chunks and paragraphs as HTML text, with their highlights.
//!
//! The view hands the browser one string per chunk of paragraphs (parsed natively, like a static
//! page) instead of building 100,000 nodes and attributes one call at a time from wasm; an edit
//! replaces one paragraph's element with its new string. Pure string building, tested natively:
//! every piece of text or attribute that comes from a file is escaped here. The names and layout it
//! writes are the contract in [`super::contract`], which the bridge reads by.

use super::contract::{self, CHUNK_CLASS, CURRENT_CLASS, END, IDS, IDS_SEPARATOR, LABELS, SAID_BY, SELECTED_CLASS, START, SUGGESTION, SUGGESTION_CLASS};
use super::segment::segments;
use crate::model::text::{Span, TextIndex};
use std::cmp::Reverse;

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

/// A suggestion touching a paragraph, drawn as a dashed outline: a `<span>` around the segments
/// it covers, with no offsets of its own (so selections still map through the segments alone)
/// and no padding, margin or border (so Arabic letters stay joined across its edges).
#[derive(Clone, Copy, Debug)]
pub struct Proposal<'a> {
    pub span: Span,
    /// Its reference in [`SUGGESTION`] (see [`contract::suggestion_ref`]).
    pub reference: &'a str,
    /// The class giving its outline its label's colour.
    pub class: &'a str,
    /// What it proposes, for the pointer (screen readers hear it from the live region).
    pub title: &'a str,
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
    /// The reference of the current suggestion, drawn solid.
    pub current: Option<&'a str>,
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

fn open_proposal(out: &mut String, p: &Proposal, look: &Look) {
    out.push_str("<span");
    let current = look.current == Some(p.reference);
    push_named(out, "class", [SUGGESTION_CLASS, p.class, if current { CURRENT_CLASS } else { "" }].join(" ").trim_end());
    push_named(out, SUGGESTION, p.reference);
    push_named(out, "title", p.title);
    out.push('>');
}

/// The element of paragraph `span`: a `<p>` (or heading) of segments, each a `<span>` of plain
/// text or a `<mark>` of the highlights covering it, all carrying their code-point offsets in
/// [`START`]/[`END`]. A segment covered by one highlight draws it with its label's class;
/// `overlap_style` gives the inline style of a segment covered by several (indexes into
/// `highlights`, outermost first). The segments a suggestion covers sit in one element of it
/// (see [`Proposal`]); where two suggestions cross, the inner one is cut in two.
pub fn paragraph(
    out: &mut String,
    text: &TextIndex,
    span: Span,
    highlights: &[Highlight],
    proposals: &[Proposal],
    look: Look,
    overlap_style: &dyn Fn(&[usize]) -> String,
) {
    let tag = match look.level {
        Some(level) => ["h2", "h3", "h4", "h5", "h6", "h6"][usize::from(level.clamp(1, 6)) - 1],
        None => "p",
    };
    out.push('<');
    out.push_str(tag);
    out.push_str(" dir=\"auto\"");
    push_offsets(out, span);
    out.push('>');
    let marks = highlights.len();
    let spans: Vec<Span> = highlights.iter().map(|h| h.span).chain(proposals.iter().map(|p| p.span)).collect();
    // The suggestions open around the segment being written, outermost first.
    let mut open: Vec<usize> = Vec::new();
    for mut seg in segments(span, &spans) {
        let mut wanted: Vec<usize> = seg.covering.iter().filter(|&&i| i >= marks).map(|&i| i - marks).collect();
        seg.covering.retain(|&i| i < marks);
        wanted.sort_by_key(|&k| (proposals[k].span.start, Reverse(proposals[k].span.end), k));
        let keep = open.iter().zip(&wanted).take_while(|(a, b)| a == b).count();
        for _ in keep..open.len() {
            out.push_str("</span>");
        }
        open.truncate(keep);
        for &k in &wanted[keep..] {
            open_proposal(out, &proposals[k], &look);
            open.push(k);
        }
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
    for _ in open {
        out.push_str("</span>");
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
        paragraph(&mut out, &index, span, highlights, &[], look, &|c| format!("overlap:{c:?}"));
        out
    }

    fn proposal<'a>(start: usize, end: usize, reference: &'a str) -> Proposal<'a> {
        Proposal { span: Span::new(start, end), reference, class: "sg-2", title: "Suggested: Actor" }
    }

    fn render_proposed(text: &str, highlights: &[Highlight], proposals: &[Proposal], look: Look) -> String {
        let index = TextIndex::new(text);
        let mut out = String::new();
        paragraph(&mut out, &index, index.paragraphs()[0].span, highlights, proposals, look, &|c| format!("overlap:{c:?}"));
        out
    }

    /// The text of some markup: tags dropped, the few entities the tests use decoded.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    }

    #[test]
    fn a_suggestion_wraps_the_segments_it_covers_without_offsets_of_its_own() {
        // "لافروف" inside a highlight that ends inside it: the outline is one element around both segments.
        let text = "قال لافروف اليوم";
        let html = render_proposed(text, &[hl(0, 6, "q", "Quote")], &[proposal(4, 10, "4-10-2")], Look { current: Some("4-10-2"), ..Look::default() });
        assert_eq!(
            html,
            "<p dir=\"auto\" data-s=\"0\" data-e=\"16\"><mark data-s=\"0\" data-e=\"4\" data-ids=\"q\" data-labels=\"Quote\" aria-describedby=\"label-desc-0\" title=\"Quote\" class=\"hl-0\">قال </mark>\
             <span class=\"sug sg-2 current\" data-sug=\"4-10-2\" title=\"Suggested: Actor\">\
             <mark data-s=\"4\" data-e=\"6\" data-ids=\"q\" data-labels=\"Quote\" aria-describedby=\"label-desc-0\" title=\"Quote\" class=\"hl-0\">لا</mark>\
             <span data-s=\"6\" data-e=\"10\">فروف</span></span><span data-s=\"10\" data-e=\"16\"> اليوم</span></p>"
        );
        assert_eq!(text_of(&html), text, "the text is the article's alone");
        let plain = render_proposed(text, &[], &[proposal(4, 10, "r")], Look::default());
        assert!(plain.contains("<span class=\"sug sg-2\" data-sug=\"r\" title=\"Suggested: Actor\"><span data-s=\"4\" data-e=\"10\">"), "{plain}");
    }

    #[test]
    fn nested_suggestions_nest_and_crossing_ones_are_cut() {
        let text = "abcdefghij";
        let nested = render_proposed(text, &[], &[proposal(2, 6, "in"), proposal(0, 10, "out")], Look::default());
        assert_eq!(nested.matches("data-sug=").count(), 2, "{nested}");
        assert!(nested.find("data-sug=\"out\"").unwrap() < nested.find("data-sug=\"in\"").unwrap(), "the outer one opens first");
        let crossing = render_proposed(text, &[], &[proposal(0, 5, "a"), proposal(3, 8, "b")], Look::default());
        assert_eq!(crossing.matches("data-sug=\"a\"").count(), 1, "{crossing}");
        assert_eq!(crossing.matches("data-sug=\"b\"").count(), 2, "{crossing}");
        for html in [&nested, &crossing] {
            assert_eq!(text_of(html), text);
            assert_eq!(html.matches("<span").count(), html.matches("</span>").count(), "balanced: {html}");
        }
    }

    proptest! {
        /// Whatever suggestions and highlights cover, the markup is balanced, its text is the
        /// paragraph's, and the segments' offsets tile it.
        #[test]
        fn suggestions_never_change_the_text_or_the_segments(
            marks in prop::collection::vec((0usize..20, 1usize..8), 0..4),
            proposed in prop::collection::vec((0usize..20, 1usize..8), 0..4),
        ) {
            let text = "قالَ لافروف 😀 إنّ abc x";
            let len = text.chars().count();
            let ids: Vec<String> = (0..marks.len()).map(|i| format!("m{i}")).collect();
            let refs: Vec<String> = (0..proposed.len()).map(|i| format!("p{i}")).collect();
            let clip = |(s, l): (usize, usize)| Span::new(s.min(len - 1), (s + l).min(len));
            let highlights: Vec<Highlight> = marks.iter().zip(&ids).map(|(&m, id)| { let s = clip(m); hl(s.start.0, s.end.0, id, "L") }).collect();
            let proposals: Vec<Proposal> = proposed.iter().zip(&refs).map(|(&p, r)| { let s = clip(p); proposal(s.start.0, s.end.0, r) }).collect();
            let html = render_proposed(text, &highlights, &proposals, Look::default());
            prop_assert_eq!(text_of(&html), text);
            prop_assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
            let mut at = 0;
            for part in html.split(" data-s=\"").skip(2) {
                let start: usize = part.split('"').next().unwrap().parse().unwrap();
                prop_assert_eq!(start, at);
                at = part.split("data-e=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
            }
            prop_assert_eq!(at, len);
        }
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
        let html = render("abcd", &[outer, hl(1, 2, evil, "Q")], Look { selected: Some("o"), flash: Some((evil, 1)), level: None, current: None });
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
