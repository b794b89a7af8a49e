//! Quote selectors (exact text with some context) and finding a quote again in a text.

use super::text::{CharOffset, Span, TextIndex};

/// How much context a quote carries on each side, in code points.
pub const CONTEXT_LEN: usize = 32;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

impl Quote {
    pub fn of(text: &TextIndex, span: Span) -> Quote {
        Quote {
            exact: text.slice(span).unwrap_or_default().to_string(),
            prefix: text.before(span.start, CONTEXT_LEN).to_string(),
            suffix: text.after(span.end, CONTEXT_LEN).to_string(),
        }
    }
}

/// Where a quote was found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Placement {
    /// At the position the file gave.
    Exact(Span),
    /// Elsewhere, found by its text and context.
    Moved(Span),
    /// Found by an approximate match: the text there differs a little from the quote.
    Fuzzy { span: Span, confidence: f32 },
}

impl Placement {
    pub fn span(self) -> Span {
        match self {
            Placement::Exact(s) | Placement::Moved(s) | Placement::Fuzzy { span: s, .. } => s,
        }
    }
}

/// The lowest similarity (1 - edits / quote length) a fuzzy match may have.
pub const MIN_CONFIDENCE: f32 = 0.75;
/// Fuzzy search costs text length × quote length; beyond this it searches only near the hint.
const FUZZY_BUDGET: usize = 30_000_000;

fn common_suffix_len(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

fn common_prefix_len(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Finds a quote: at `hint` if the text there is the quote, otherwise at the occurrence of the
/// exact text whose surroundings best match the prefix and suffix (ties go to the one nearest the hint).
pub fn anchor(text: &TextIndex, quote: &Quote, hint: Option<Span>) -> Option<Placement> {
    if quote.exact.is_empty() {
        return None;
    }
    if let Some(span) = hint {
        if text.slice(span) == Some(quote.exact.as_str()) {
            return Some(Placement::Exact(span));
        }
    }
    let len = quote.exact.chars().count();
    let hint_start = hint.map_or(0, |h| h.start.0) as i64;
    let haystack = text.as_str();
    let mut best: Option<(usize, i64, Span)> = None;
    for (byte, _) in haystack.match_indices(quote.exact.as_str()) {
        let Some(start) = text.char_of_byte(byte) else { continue };
        let span = Span { start, end: CharOffset(start.0 + len) };
        let score =
            common_suffix_len(text.before(span.start, CONTEXT_LEN), &quote.prefix) + common_prefix_len(text.after(span.end, CONTEXT_LEN), &quote.suffix);
        let distance = (start.0 as i64 - hint_start).abs();
        let better = match best {
            None => true,
            Some((s, d, _)) => score > s || (score == s && distance < d),
        };
        if better {
            best = Some((score, distance, span));
        }
    }
    if let Some((_, _, span)) = best {
        return Some(Placement::Moved(span));
    }
    fuzzy(text, &quote.exact, hint)
}

/// The best approximate occurrence of `quote`: near the hint first, then anywhere if affordable.
fn fuzzy(text: &TextIndex, quote: &str, hint: Option<Span>) -> Option<Placement> {
    let pattern: Vec<char> = quote.chars().collect();
    let m = pattern.len();
    let max_edits = ((m as f32) * (1.0 - MIN_CONFIDENCE)).floor() as usize;
    if max_edits == 0 {
        return None;
    }
    let n = text.char_len();
    let mut windows = Vec::new();
    if let Some(h) = hint {
        let reach = (4 * m).max(2_000);
        windows.push(Span::new(h.start.0.saturating_sub(reach), (h.end.0 + reach).min(n)));
    }
    if n.saturating_mul(m) <= FUZZY_BUDGET {
        windows.push(Span::new(0, n));
    }
    for window in windows {
        let Some(chunk) = text.slice(window) else { continue };
        let chars: Vec<char> = chunk.chars().collect();
        if let Some((start, end, edits)) = best_approximate(&chars, &pattern, max_edits) {
            let (start, end) = widen_to_words(&chars, &pattern, start, end);
            let span = Span::new(window.start.0 + start, window.start.0 + end);
            let span = Span { start: text.grapheme_floor(span.start), end: text.grapheme_ceil(span.end) };
            if span.is_empty() {
                continue;
            }
            return Some(Placement::Fuzzy { span, confidence: 1.0 - edits as f32 / m as f32 });
        }
    }
    None
}

/// An approximate match may stop a letter or two short of a word's edge when the quote itself
/// begins or ends with a whole word: take in up to three more letters to reach the edge.
fn widen_to_words(text: &[char], pattern: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    const MAX: usize = 3;
    let word = |c: &char| c.is_alphanumeric() || is_mark(*c);
    if pattern.last().is_some_and(word) {
        let extra = text[end..].iter().take(MAX + 1).take_while(|c| word(c)).count();
        if extra <= MAX {
            end += extra;
        }
    }
    if pattern.first().is_some_and(word) {
        let extra = text[..start].iter().rev().take(MAX + 1).take_while(|c| word(c)).count();
        if extra <= MAX {
            start -= extra;
        }
    }
    (start, end)
}

/// Combining marks (Arabic harakat among them) belong to the word they sit on.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x200C | 0x200D)
}

/// Sellers' algorithm: the substring of `text` with the fewest edits from `pattern` (at most
/// `max_edits`), as (start, end, edits). Ties go to the earliest end.
fn best_approximate(text: &[char], pattern: &[char], max_edits: usize) -> Option<(usize, usize, usize)> {
    let m = pattern.len();
    // cost[i] = edits to match pattern[..i] ending at the current text position; from[i] = where that match starts.
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut from: Vec<usize> = vec![0; m + 1];
    let mut best: Option<(usize, usize, usize)> = None;
    for (j, &c) in text.iter().enumerate() {
        let (mut diag_cost, mut diag_from) = (cost[0], from[0]);
        cost[0] = 0;
        from[0] = j + 1;
        for i in 1..=m {
            let (up_cost, up_from) = (cost[i], from[i]);
            let substitute = (diag_cost + usize::from(pattern[i - 1] != c), diag_from);
            let skip_text = (up_cost + 1, up_from);
            let skip_pattern = (cost[i - 1] + 1, from[i - 1]);
            let pick = [substitute, skip_text, skip_pattern].into_iter().min_by_key(|x| x.0).unwrap();
            cost[i] = pick.0;
            from[i] = pick.1;
            diag_cost = up_cost;
            diag_from = up_from;
        }
        if cost[m] <= max_edits && best.is_none_or(|b| cost[m] < b.2) {
            best = Some((from[m], j + 1, cost[m]));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_is_found_where_it_was_or_by_its_context() {
        let text = TextIndex::new("قال زيد: نعم. قال عمرو: نعم.");
        let second = Span::new(24, 27);
        let q = Quote::of(&text, second);
        assert_eq!(q.exact, "نعم");
        assert_eq!(anchor(&text, &q, Some(second)), Some(Placement::Exact(second)));
        // The position is wrong: the context picks the second "نعم", not the first.
        assert_eq!(anchor(&text, &q, Some(Span::new(0, 3))), Some(Placement::Moved(second)));
        assert_eq!(anchor(&text, &q, None), Some(Placement::Moved(second)));
        let missing = Quote { exact: "لا".into(), prefix: String::new(), suffix: String::new() };
        assert_eq!(anchor(&text, &missing, None), None);
    }

    #[test]
    fn a_slightly_edited_quote_is_found_fuzzily_with_a_confidence() {
        let text = TextIndex::new("وشدد لافروف على ضرورة مواصلة الجهود الدولية من أجل تحقيق وقف إطلاق النار.");
        // The file's quote had a typo and a missing letter.
        let q = Quote { exact: "ضرورة مواصله الجهود الدوليه".into(), prefix: String::new(), suffix: String::new() };
        match anchor(&text, &q, Some(Span::new(3, 10))) {
            Some(Placement::Fuzzy { span, confidence }) => {
                assert_eq!(text.slice(span), Some("ضرورة مواصلة الجهود الدولية"));
                assert!(confidence > 0.9 && confidence < 1.0, "{confidence}");
            }
            other => panic!("expected a fuzzy placement, got {other:?}"),
        }
        let far = Quote { exact: "شيء مختلف تماما هنا".into(), prefix: String::new(), suffix: String::new() };
        assert_eq!(anchor(&text, &far, None), None);
    }

    #[test]
    fn approximate_search_finds_the_cheapest_substring() {
        let t: Vec<char> = "the quick brown fox".chars().collect();
        let p: Vec<char> = "quikc".chars().collect();
        let (s, e, d) = best_approximate(&t, &p, 2).unwrap();
        // "quic" is one deletion away, "quick" two substitutions: the algorithm takes the cheaper...
        assert_eq!((t[s..e].iter().collect::<String>().as_str(), d), ("quic", 1));
        // ...and widening to the word's edge gives back the whole word.
        let (s, e) = widen_to_words(&t, &p, s, e);
        assert_eq!(t[s..e].iter().collect::<String>(), "quick");
    }
}
