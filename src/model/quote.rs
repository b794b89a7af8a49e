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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// At the position the file gave.
    Exact(Span),
    /// Elsewhere, found by its text and context.
    Moved(Span),
}

impl Placement {
    pub fn span(self) -> Span {
        match self {
            Placement::Exact(s) | Placement::Moved(s) => s,
        }
    }
}

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
        let score = common_suffix_len(text.before(span.start, CONTEXT_LEN), &quote.prefix)
            + common_prefix_len(text.after(span.end, CONTEXT_LEN), &quote.suffix);
        let distance = (start.0 as i64 - hint_start).abs();
        let better = match best {
            None => true,
            Some((s, d, _)) => score > s || (score == s && distance < d),
        };
        if better {
            best = Some((score, distance, span));
        }
    }
    best.map(|(_, _, span)| Placement::Moved(span))
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
}
