//! Moving through the article by keyboard: words and sentences as code-point spans.
//!
//! Words and sentences never cross a line break, so each search looks at one paragraph at a time
//! and a key press costs a paragraph, not the whole article.

use super::text::{CharOffset, Span, TextIndex};
use unicode_segmentation::UnicodeSegmentation;

/// What a move steps over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Word,
    Sentence,
}

/// Punctuation outside ASCII that a word must not be made of alone (Arabic comma, quotes, dashes…).
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '«' | '»' | '¡' | '¿' | '·' | '،' | '؛' | '؟' | '٪' | '٫' | '٬' | '۔')
}

/// A word is a word-bound segment with a letter, digit or symbol (an emoji counts): not only
/// white space or punctuation.
fn is_word(segment: &str) -> bool {
    segment.chars().any(|c| c.is_alphanumeric() || !(c.is_whitespace() || c.is_control() || is_punctuation(c)))
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '؛')
}

/// Closing marks that stay with the sentence they end: `."` or `؟»`.
fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

/// The words of one paragraph, in order.
fn words(text: &TextIndex, para: Span) -> Vec<Span> {
    let s = text.slice(para).unwrap_or("");
    let mut at = para.start.0;
    let mut out = Vec::new();
    for segment in s.split_word_bounds() {
        let len = segment.chars().count();
        if is_word(segment) {
            out.push(Span::new(at, at + len));
        }
        at += len;
    }
    out
}

/// The sentences of one paragraph, without the white space around them.
fn sentences(text: &TextIndex, para: Span) -> Vec<Span> {
    let chars: Vec<char> = text.slice(para).unwrap_or("").chars().collect();
    let base = para.start.0;
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        // A point between digits (3.5) is a decimal point, not the end of a sentence.
        let decimal = c == '.' && i > 0 && chars[i - 1].is_numeric() && chars.get(i + 1).is_some_and(|n| n.is_numeric());
        if ends_sentence(c) && !decimal {
            let mut end = i + 1;
            while end < chars.len() && (ends_sentence(chars[end]) || is_closing(chars[end])) {
                end += 1;
            }
            if let Some(s) = start.take() {
                out.push(Span::new(base + s, base + end));
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if let Some(s) = start {
        let trimmed = chars.iter().rposition(|c| !c.is_whitespace()).map_or(chars.len(), |k| k + 1);
        out.push(Span::new(base + s, base + trimmed));
    }
    out
}

fn units(text: &TextIndex, para: Span, unit: Unit) -> Vec<Span> {
    match unit {
        Unit::Word => words(text, para),
        Unit::Sentence => sentences(text, para),
    }
}

/// The first unit at or after `at` (in text order) that `pick` accepts.
fn first_from(text: &TextIndex, at: CharOffset, unit: Unit, pick: impl Fn(&Span) -> bool) -> Option<Span> {
    let paragraphs = text.paragraphs();
    (text.paragraph_at_or_after(at)..paragraphs.len()).find_map(|i| units(text, paragraphs[i].span, unit).into_iter().find(&pick))
}

/// The last unit before `at` (in text order) that `pick` accepts.
fn last_before(text: &TextIndex, at: CharOffset, unit: Unit, pick: impl Fn(&Span) -> bool) -> Option<Span> {
    let paragraphs = text.paragraphs();
    let upto = paragraphs.partition_point(|p| p.span.start < at);
    (0..upto).rev().find_map(|i| units(text, paragraphs[i].span, unit).into_iter().rev().find(&pick))
}

/// The first word or sentence starting at or after `at`.
pub fn next(text: &TextIndex, at: CharOffset, unit: Unit) -> Option<Span> {
    first_from(text, at, unit, |s| s.start >= at)
}

/// The last word or sentence ending at or before `at`.
pub fn previous(text: &TextIndex, at: CharOffset, unit: Unit) -> Option<Span> {
    last_before(text, at, unit, |s| s.end <= at)
}

/// The nearest end of a word or sentence after `at`: where extending a selection forwards stops.
pub fn next_end(text: &TextIndex, at: CharOffset, unit: Unit) -> Option<CharOffset> {
    first_from(text, at, unit, |s| s.end > at).map(|s| s.end)
}

/// The nearest start of a word or sentence before `at`: where extending a selection backwards stops.
pub fn previous_start(text: &TextIndex, at: CharOffset, unit: Unit) -> Option<CharOffset> {
    last_before(text, at, unit, |s| s.start < at).map(|s| s.start)
}

/// The paragraph holding `at`, or the one just before it when `at` is on a line break.
pub fn paragraph_around(text: &TextIndex, at: CharOffset) -> Option<Span> {
    let paragraphs = text.paragraphs();
    let i = text.paragraph_at_or_after(at);
    match paragraphs.get(i) {
        Some(p) if p.span.start <= at => Some(p.span),
        _ if i > 0 => Some(paragraphs[i - 1].span),
        _ => paragraphs.first().map(|p| p.span),
    }
}

/// Whether `dir="auto"` makes this text right-to-left: its first strong character is Arabic,
/// Hebrew, Syriac, Thaana or N'Ko (Unicode's rule P2, for the scripts an article is likely in).
pub fn is_rtl(s: &str) -> bool {
    s.chars().find(|c| c.is_alphabetic()).is_some_and(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(n: usize) -> CharOffset {
        CharOffset(n)
    }

    /// The text of every span, to read expectations as words.
    fn texts<'a>(t: &'a TextIndex, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| t.slice(*s).unwrap()).collect()
    }

    /// Steps forwards word by word from the start, collecting what each step selects.
    fn walk(t: &TextIndex, unit: Unit) -> Vec<Span> {
        let mut out = Vec::new();
        let mut from = at(0);
        while let Some(s) = next(t, from, unit) {
            out.push(s);
            from = s.end;
        }
        out
    }

    #[test]
    fn arabic_words_keep_their_harakat_and_skip_punctuation() {
        let t = TextIndex::new("قالَ الوزيرُ، «نعم» إنّ");
        assert_eq!(texts(&t, &walk(&t, Unit::Word)), ["قالَ", "الوزيرُ", "نعم", "إنّ"]);
    }

    #[test]
    fn emoji_are_words_and_never_split() {
        let t = TextIndex::new("hi 👋🏽 and 👨‍👩‍👧, 🇮🇷!");
        assert_eq!(texts(&t, &walk(&t, Unit::Word)), ["hi", "👋🏽", "and", "👨‍👩‍👧", "🇮🇷"]);
    }

    #[test]
    fn latin_words_with_apostrophes_and_numbers() {
        let t = TextIndex::new("Don't stop: 3.5 km.");
        assert_eq!(texts(&t, &walk(&t, Unit::Word)), ["Don't", "stop", "3.5", "km"]);
    }

    #[test]
    fn previous_word_walks_back_across_paragraphs() {
        let t = TextIndex::new("one two\n\nسطر ثانٍ");
        let end = at(t.char_len());
        let second = previous(&t, end, Unit::Word).unwrap();
        assert_eq!(t.slice(second), Some("ثانٍ"));
        let first = previous(&t, second.start, Unit::Word).unwrap();
        assert_eq!(t.slice(first), Some("سطر"));
        let back = previous(&t, first.start, Unit::Word).unwrap();
        assert_eq!(t.slice(back), Some("two"));
        assert_eq!(previous(&t, at(0), Unit::Word), None);
        assert_eq!(next(&t, end, Unit::Word), None);
    }

    #[test]
    fn next_word_from_inside_a_word_is_the_following_one() {
        let t = TextIndex::new("alpha beta");
        assert_eq!(t.slice(next(&t, at(2), Unit::Word).unwrap()), Some("beta"));
        assert_eq!(t.slice(next(&t, at(0), Unit::Word).unwrap()), Some("alpha"));
    }

    #[test]
    fn extending_stops_at_word_ends_forwards_and_starts_backwards() {
        // "قال الوزير 😀 نعم": words at 0..3, 4..10, 11..12, 13..16.
        let t = TextIndex::new("قال الوزير 😀 نعم");
        assert_eq!(next_end(&t, at(0), Unit::Word), Some(at(3)));
        assert_eq!(next_end(&t, at(3), Unit::Word), Some(at(10)));
        assert_eq!(next_end(&t, at(10), Unit::Word), Some(at(12)));
        assert_eq!(previous_start(&t, at(16), Unit::Word), Some(at(13)));
        assert_eq!(previous_start(&t, at(13), Unit::Word), Some(at(11)));
        assert_eq!(previous_start(&t, at(0), Unit::Word), None);
        assert_eq!(next_end(&t, at(16), Unit::Word), None);
    }

    #[test]
    fn sentences_end_at_arabic_and_latin_marks_and_line_breaks() {
        let t = TextIndex::new("هل قال ذلك؟ نعم؛ قالها. It costs 3.5 dollars! \"Really?\" Yes\nnew line");
        assert_eq!(texts(&t, &walk(&t, Unit::Sentence)), ["هل قال ذلك؟", "نعم؛", "قالها.", "It costs 3.5 dollars!", "\"Really?\"", "Yes", "new line"]);
    }

    #[test]
    fn sentence_bounds_for_extending() {
        let t = TextIndex::new("One. Two 😀 two. Three");
        assert_eq!(next_end(&t, at(0), Unit::Sentence), Some(at(4)));
        assert_eq!(next_end(&t, at(4), Unit::Sentence), Some(at(15)));
        assert_eq!(previous_start(&t, at(15), Unit::Sentence), Some(at(5)));
        assert_eq!(t.slice(previous(&t, at(17), Unit::Sentence).unwrap()), Some("Two 😀 two."));
    }

    #[test]
    fn paragraph_around_a_line_break_is_the_one_before() {
        let t = TextIndex::new("ab\n\ncd");
        assert_eq!(paragraph_around(&t, at(1)), Some(Span::new(0, 2)));
        assert_eq!(paragraph_around(&t, at(3)), Some(Span::new(0, 2)));
        assert_eq!(paragraph_around(&t, at(4)), Some(Span::new(4, 6)));
        assert_eq!(paragraph_around(&t, at(6)), Some(Span::new(4, 6)));
    }

    #[test]
    fn direction_follows_the_first_strong_letter() {
        assert!(is_rtl("«مرحبا» hello"));
        assert!(is_rtl("20 ديسمبر"));
        assert!(!is_rtl("Get News Fast"));
        assert!(!is_rtl("2023 — Lavrov قال"));
        assert!(!is_rtl("😀 123"));
    }
}
