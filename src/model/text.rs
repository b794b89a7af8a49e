//! The article's text and its coordinate systems: code points (what we store), UTF-16 (what the DOM
//! speaks) and bytes (what Rust slices); grapheme clusters, which a selection or a shortened text
//! never splits.

use std::fmt;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

/// An offset in Unicode code points: what Annota stores and exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct CharOffset(pub usize);

/// An offset in UTF-16 code units: what the DOM and JavaScript strings use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Utf16Offset(pub usize);

impl fmt::Display for CharOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A half-open range of code points `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: CharOffset,
    pub end: CharOffset,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start: CharOffset(start), end: CharOffset(end) }
    }
    pub fn len(&self) -> usize {
        self.end.0.saturating_sub(self.start.0)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(&self, offset: CharOffset) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// A run of text between line breaks; line-break characters belong to no paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
}

/// How often a checkpoint is kept: conversions scan at most this many code points.
const STRIDE: usize = 128;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Checkpoint {
    byte: usize,
    utf16: usize,
}

/// An immutable article text with O(log n + STRIDE) conversions between coordinate systems.
#[derive(Clone, PartialEq, Eq)]
pub struct TextIndex {
    text: String,
    char_len: usize,
    utf16_len: usize,
    /// `checkpoints[k]` is the position of code point `k * STRIDE`.
    checkpoints: Vec<Checkpoint>,
    paragraphs: Vec<Paragraph>,
}

impl fmt::Debug for TextIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TextIndex").field("char_len", &self.char_len).finish_non_exhaustive()
    }
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2029}' | '\u{2028}' | '\u{0085}' | '\u{000B}' | '\u{000C}')
}

impl TextIndex {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut paragraphs = Vec::new();
        let (mut chars, mut utf16) = (0usize, 0usize);
        let mut para_start: Option<usize> = None;
        for (byte, c) in text.char_indices() {
            if chars % STRIDE == 0 {
                checkpoints.push(Checkpoint { byte, utf16 });
            }
            if is_line_break(c) {
                if let Some(start) = para_start.take() {
                    paragraphs.push(Paragraph { span: Span::new(start, chars) });
                }
            } else if para_start.is_none() {
                para_start = Some(chars);
            }
            chars += 1;
            utf16 += c.len_utf16();
        }
        if chars % STRIDE == 0 {
            checkpoints.push(Checkpoint { byte: text.len(), utf16 });
        }
        if let Some(start) = para_start {
            paragraphs.push(Paragraph { span: Span::new(start, chars) });
        }
        TextIndex { text, char_len: chars, utf16_len: utf16, checkpoints, paragraphs }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
    pub fn char_len(&self) -> usize {
        self.char_len
    }
    pub fn utf16_len(&self) -> usize {
        self.utf16_len
    }
    /// Non-empty runs of text between line breaks, in order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// The index of the paragraph holding `offset`, or of the first paragraph after it.
    pub fn paragraph_at_or_after(&self, offset: CharOffset) -> usize {
        self.paragraphs.partition_point(|p| p.span.end <= offset)
    }

    /// Byte offset of a code-point offset; `None` past the end.
    pub fn byte_of(&self, offset: CharOffset) -> Option<usize> {
        if offset.0 > self.char_len {
            return None;
        }
        if offset.0 == self.char_len {
            return Some(self.text.len());
        }
        let cp = self.checkpoints[offset.0 / STRIDE];
        let skip = offset.0 % STRIDE;
        self.text[cp.byte..].char_indices().nth(skip).map(|(b, _)| cp.byte + b)
    }

    /// The code-point offset at a byte offset; `None` if the byte offset is inside a character or past the end.
    pub fn char_of_byte(&self, byte: usize) -> Option<CharOffset> {
        if byte > self.text.len() || !self.text.is_char_boundary(byte) {
            return None;
        }
        let k = self.checkpoints.partition_point(|c| c.byte <= byte) - 1;
        let cp = self.checkpoints[k];
        Some(CharOffset(k * STRIDE + self.text[cp.byte..byte].chars().count()))
    }

    pub fn utf16_of(&self, offset: CharOffset) -> Option<Utf16Offset> {
        if offset.0 > self.char_len {
            return None;
        }
        let cp = self.checkpoints[offset.0 / STRIDE];
        let skip = offset.0 % STRIDE;
        let extra: usize = self.text[cp.byte..].chars().take(skip).map(char::len_utf16).sum();
        Some(Utf16Offset(cp.utf16 + extra))
    }

    /// The code-point offset at a UTF-16 offset; `None` if it falls between the two halves of a surrogate pair or past the end.
    pub fn char_of_utf16(&self, offset: Utf16Offset) -> Option<CharOffset> {
        if offset.0 > self.utf16_len {
            return None;
        }
        let k = self.checkpoints.partition_point(|c| c.utf16 <= offset.0) - 1;
        let cp = self.checkpoints[k];
        let (mut units, mut chars) = (cp.utf16, k * STRIDE);
        for c in self.text[cp.byte..].chars() {
            if units >= offset.0 {
                break;
            }
            units += c.len_utf16();
            chars += 1;
        }
        (units == offset.0).then_some(CharOffset(chars))
    }

    /// The text of a span; `None` if the span is reversed or past the end.
    pub fn slice(&self, span: Span) -> Option<&str> {
        if span.start > span.end {
            return None;
        }
        let a = self.byte_of(span.start)?;
        let b = self.byte_of(span.end)?;
        Some(&self.text[a..b])
    }

    /// Up to `n` code points before `offset`.
    pub fn before(&self, offset: CharOffset, n: usize) -> &str {
        let start = CharOffset(offset.0.saturating_sub(n));
        self.slice(Span { start, end: offset }).unwrap_or("")
    }

    /// Up to `n` code points after `offset`.
    pub fn after(&self, offset: CharOffset, n: usize) -> &str {
        let end = CharOffset((offset.0 + n).min(self.char_len));
        self.slice(Span { start: offset, end }).unwrap_or("")
    }

    fn is_grapheme_boundary(&self, byte: usize) -> bool {
        GraphemeCursor::new(byte, self.text.len(), true).is_boundary(&self.text, 0).unwrap_or(true)
    }

    /// The nearest grapheme-cluster boundary at or before `offset`.
    pub fn grapheme_floor(&self, offset: CharOffset) -> CharOffset {
        let Some(byte) = self.byte_of(offset.min(CharOffset(self.char_len))) else { return offset };
        if self.is_grapheme_boundary(byte) {
            return self.char_of_byte(byte).unwrap_or(offset);
        }
        let mut cursor = GraphemeCursor::new(byte, self.text.len(), true);
        let prev = cursor.prev_boundary(&self.text, 0).ok().flatten().unwrap_or(0);
        self.char_of_byte(prev).unwrap_or(offset)
    }

    /// The nearest grapheme-cluster boundary at or after `offset`.
    pub fn grapheme_ceil(&self, offset: CharOffset) -> CharOffset {
        let Some(byte) = self.byte_of(offset.min(CharOffset(self.char_len))) else { return offset };
        if self.is_grapheme_boundary(byte) {
            return self.char_of_byte(byte).unwrap_or(offset);
        }
        let mut cursor = GraphemeCursor::new(byte, self.text.len(), true);
        let next = cursor.next_boundary(&self.text, 0).ok().flatten().unwrap_or(self.text.len());
        self.char_of_byte(next).unwrap_or(offset)
    }

    /// Turns a raw selection into an annotation span: orders its ends, widens them to whole
    /// grapheme clusters and drops white space at both edges. `None` if nothing is left.
    pub fn span_from_selection(&self, a: CharOffset, b: CharOffset) -> Option<Span> {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let lo = self.grapheme_floor(lo.min(CharOffset(self.char_len)));
        let hi = self.grapheme_ceil(hi.min(CharOffset(self.char_len)));
        let slice = self.slice(Span { start: lo, end: hi })?;
        let blank = |g: &&str| g.chars().all(char::is_whitespace);
        let lead: usize = slice.graphemes(true).take_while(blank).map(|g| g.chars().count()).sum();
        let trail: usize = slice.graphemes(true).rev().take_while(blank).map(|g| g.chars().count()).sum();
        if lead >= slice.chars().count() {
            return None;
        }
        let span = Span { start: CharOffset(lo.0 + lead), end: CharOffset(hi.0 - trail) };
        (!span.is_empty() && span.start < span.end).then_some(span)
    }
}

/// The first `max` grapheme clusters of `s` (all of it if it has no more): never half an emoji, a
/// flag or a letter with its harakat.
pub fn grapheme_prefix(s: &str, max: usize) -> &str {
    s.grapheme_indices(true).nth(max).map_or(s, |(cut, _)| &s[..cut])
}

fn is_blank(grapheme: &str) -> bool {
    grapheme.chars().all(char::is_whitespace)
}

/// At most `max` grapheme clusters of `s`, and when that cuts it short, `…` after them (and
/// after no white space): how a quote, a note or a title too long for its place is shown.
pub fn shorten(s: &str, max: usize) -> String {
    let kept = grapheme_prefix(s, max);
    if kept.len() == s.len() {
        return s.to_string();
    }
    let end = kept.grapheme_indices(true).rev().find(|(_, g)| !is_blank(g)).map_or(0, |(i, g)| i + g.len());
    format!("{}…", &kept[..end])
}

/// At most the last `max` grapheme clusters of `s`, and when that cuts it short, `…` before them
/// (and before no white space): the context before a match.
pub fn shorten_start(s: &str, max: usize) -> String {
    let cut = match max.checked_sub(1) {
        None => s.len(),
        Some(skip) => s.grapheme_indices(true).rev().nth(skip).map_or(0, |(i, _)| i),
    };
    if cut == 0 {
        return s.to_string();
    }
    let kept = &s[cut..];
    let start = kept.grapheme_indices(true).find(|(_, g)| !is_blank(g)).map_or(kept.len(), |(i, _)| i);
    format!("…{}", &kept[start..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn converts_between_units_across_astral_characters() {
        let t = TextIndex::new("a😀b");
        assert_eq!(t.utf16_of(CharOffset(2)), Some(Utf16Offset(3)));
        assert_eq!(t.char_of_utf16(Utf16Offset(3)), Some(CharOffset(2)));
        assert_eq!(t.char_of_utf16(Utf16Offset(2)), None, "inside a surrogate pair");
        assert_eq!(t.slice(Span::new(1, 2)), Some("😀"));
        assert_eq!(t.slice(Span::new(2, 4)), None);
    }

    #[test]
    fn paragraphs_exclude_line_breaks_and_blank_lines() {
        let t = TextIndex::new("ab\n\ncd\r\nef\n");
        let spans: Vec<_> = t.paragraphs().iter().map(|p| t.slice(p.span).unwrap()).collect();
        assert_eq!(spans, vec!["ab", "cd", "ef"]);
        assert_eq!(t.paragraph_at_or_after(CharOffset(2)), 1);
        assert_eq!(t.paragraph_at_or_after(CharOffset(4)), 1);
    }

    #[test]
    fn selection_snaps_to_whole_graphemes_and_trims_white_space() {
        // Arabic letter with a shadda and a fatha; a flag; a family ZWJ sequence.
        let text = " بَّ 🇮🇷 👨‍👩‍👧 ";
        let t = TextIndex::new(text);
        // Start inside the harakat run, end inside the flag.
        let span = t.span_from_selection(CharOffset(2), CharOffset(6)).unwrap();
        assert_eq!(t.slice(span), Some("بَّ 🇮🇷"));
        let fam_start = text.chars().position(|c| c == '👨').unwrap();
        let span = t.span_from_selection(CharOffset(fam_start + 2), CharOffset(fam_start + 1)).unwrap();
        assert_eq!(t.slice(span), Some("👨‍👩‍👧"));
        assert_eq!(t.span_from_selection(CharOffset(0), CharOffset(1)), None, "white space only");
    }

    #[test]
    fn long_text_uses_checkpoints_correctly() {
        let text: String = (0..1000).map(|i| if i % 7 == 0 { '𝔸' } else { 'ع' }).collect();
        let t = TextIndex::new(text.clone());
        for i in [0, 1, 127, 128, 129, 500, 999, 1000] {
            let u = t.utf16_of(CharOffset(i)).unwrap();
            let expected: usize = text.chars().take(i).map(char::len_utf16).sum();
            assert_eq!(u.0, expected);
            assert_eq!(t.char_of_utf16(u), Some(CharOffset(i)));
        }
    }

    #[test]
    fn shortening_never_cuts_inside_a_grapheme() {
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abcd", 3), "abc…");
        assert_eq!(shorten("ab cd", 3), "ab…", "no space before the ellipsis");
        assert_eq!(shorten("", 0), "");
        assert_eq!(shorten("a", 0), "…");
        // A letter with a shadda and a fatha, a flag and a family are one cluster each.
        assert_eq!(shorten("بَّتِ", 1), "بَّ…");
        assert_eq!(shorten("🇮🇷👨‍👩‍👧x", 2), "🇮🇷👨‍👩‍👧…");
        assert_eq!(grapheme_prefix("👨‍👩‍👧👨‍👩‍👧", 1), "👨‍👩‍👧");
        assert_eq!(shorten_start("abcd", 3), "…bcd");
        assert_eq!(shorten_start("ab cd", 3), "…cd");
        assert_eq!(shorten_start("abc", 3), "abc");
        assert_eq!(shorten_start("ab", 0), "…");
        assert_eq!(shorten_start("بَّتِ", 1), "…تِ");
    }

    fn any_text() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec!["a", "ب", "\u{064E}", "\u{0651}", "😀", "🇮🇷", "👩‍👩‍👦", "\n", " ", "\r\n", "e\u{0301}", "עב", "\u{200F}"]);
        prop::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn utf16_round_trips_every_code_point(text in any_text()) {
            let t = TextIndex::new(text.clone());
            for i in 0..=t.char_len() {
                let u = t.utf16_of(CharOffset(i)).unwrap();
                prop_assert_eq!(t.char_of_utf16(u), Some(CharOffset(i)));
                let b = t.byte_of(CharOffset(i)).unwrap();
                prop_assert_eq!(t.char_of_byte(b), Some(CharOffset(i)));
            }
            prop_assert_eq!(t.utf16_len(), text.encode_utf16().count());
        }

        #[test]
        fn selections_never_split_a_grapheme(text in any_text(), a in 0usize..80, b in 0usize..80) {
            let t = TextIndex::new(text.clone());
            let boundaries: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).chain([text.len()]).collect();
            if let Some(span) = t.span_from_selection(CharOffset(a), CharOffset(b)) {
                prop_assert!(boundaries.contains(&t.byte_of(span.start).unwrap()));
                prop_assert!(boundaries.contains(&t.byte_of(span.end).unwrap()));
                let s = t.slice(span).unwrap();
                let blank = |g: &str| g.chars().all(char::is_whitespace);
                prop_assert!(!blank(s.graphemes(true).next().unwrap()));
                prop_assert!(!blank(s.graphemes(true).next_back().unwrap()));
            }
        }

        #[test]
        fn paragraphs_cover_exactly_the_non_break_characters(text in any_text()) {
            let t = TextIndex::new(text.clone());
            let joined: String = t.paragraphs().iter().map(|p| t.slice(p.span).unwrap()).collect();
            let expected: String = text.chars().filter(|c| !is_line_break(*c)).collect();
            prop_assert_eq!(joined, expected);
        }

        #[test]
        fn shortened_text_is_whole_graphemes_of_the_text(text in any_text(), n in 0usize..70) {
            let boundaries: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).chain([text.len()]).collect();
            let head = shorten(&text, n);
            match head.strip_suffix('…') {
                None => prop_assert_eq!(&head, &text),
                Some(kept) => {
                    prop_assert!(text.starts_with(kept) && boundaries.contains(&kept.len()));
                    prop_assert!(kept.graphemes(true).count() <= n && text.graphemes(true).count() > n);
                    prop_assert!(text[kept.len()..].graphemes(true).take(n - kept.graphemes(true).count()).all(is_blank));
                }
            }
            let tail = shorten_start(&text, n);
            match tail.strip_prefix('…') {
                None => prop_assert_eq!(&tail, &text),
                Some(kept) => {
                    prop_assert!(text.ends_with(kept) && boundaries.contains(&(text.len() - kept.len())));
                    prop_assert!(kept.graphemes(true).count() <= n && text.graphemes(true).count() > n);
                }
            }
        }
    }
}
