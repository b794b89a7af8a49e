//! The text scanned once for the rule-based kinds (quotations and reported speech): its
//! characters and tokens, the pairs of quotation marks with their nesting, and where sentences
//! end and commas fall at each level of nesting, so a clause can skip over a quotation inside it.

use super::quotes;
use super::words::{self, Token};
use crate::model::text::Span;

/// A pair of quotation marks: where the opening and the closing mark are, the pair it is nested
/// in, and whether its text is a quotation (not a name, a term or a single word).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Pair {
    pub open: usize,
    pub close: usize,
    pub parent: Option<usize>,
    pub quotation: bool,
}

/// A level of nesting: 0 is outside every pair, `k + 1` directly inside pair `k`.
pub(super) type Level = usize;

pub(super) struct Scan {
    pub chars: Vec<char>,
    pub tokens: Vec<Token>,
    /// In text order of their opening marks.
    pub pairs: Vec<Pair>,
    /// (closing mark, pair), in text order.
    closers: Vec<(usize, usize)>,
    /// Sentence ends (. ! ? ؟ ؛ …, line breaks) directly at each level, in text order.
    ends: Vec<Vec<usize>>,
    /// Commas directly at each level, in text order.
    commas: Vec<Vec<usize>>,
}

pub(super) fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2029}' | '\u{2028}' | '\u{0085}' | '\u{000B}' | '\u{000C}')
}

pub(super) fn is_comma(c: char) -> bool {
    matches!(c, ',' | '،' | '，' | '、')
}

/// Abbreviations whose point ends no sentence (lower case).
const ABBREVIATIONS: &[&str] = &["mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sen", "rep", "gov", "prof", "jr", "sr", "vs", "inc", "corp", "mt"];

/// Whether the character at `i` ends a sentence: not a decimal point (3.5) or an abbreviation's (U.S., Mr.).
fn ends_sentence(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if is_line_break(c) || matches!(c, '!' | '?' | '؟' | '؛' | ';' | '…' | '。' | '！' | '？') {
        return true;
    }
    if c != '.' {
        return false;
    }
    let prev = i.checked_sub(1).map(|k| chars[k]);
    let next = chars.get(i + 1).copied();
    if prev.is_some_and(|p| p.is_numeric()) && next.is_some_and(|n| n.is_numeric()) {
        return false;
    }
    let start = (i.saturating_sub(5)..i).rev().take_while(|k| words::is_word_char(chars[*k])).last().unwrap_or(i);
    let word: String = chars[start..i].iter().flat_map(|c| c.to_lowercase()).collect();
    let single_latin = word.chars().count() == 1 && word.chars().all(|c| c.is_ascii_alphabetic());
    !(single_latin || ABBREVIATIONS.contains(&word.as_str()) && next == Some(' '))
}

impl Scan {
    pub fn new(text: &str) -> Scan {
        let chars: Vec<char> = text.chars().collect();
        let tokens = words::tokens(&chars);
        let mut pairs: Vec<Pair> = quotes::pair_marks(&chars).into_iter().map(|(open, close)| Pair { open, close, parent: None, quotation: false }).collect();
        // Pairs nest (the pairing keeps a stack), so each one's parent is the open pair around it.
        let mut open: Vec<usize> = Vec::new();
        for k in 0..pairs.len() {
            while open.last().is_some_and(|&o| pairs[o].close < pairs[k].open) {
                open.pop();
            }
            pairs[k].parent = open.last().copied();
            open.push(k);
        }
        let mut closers: Vec<(usize, usize)> = pairs.iter().enumerate().map(|(k, p)| (p.close, k)).collect();
        super::index::sort_pairs(&mut closers);
        let mut scan = Scan { chars, tokens, pairs, closers, ends: Vec::new(), commas: Vec::new() };
        scan.mark_levels();
        for k in 0..scan.pairs.len() {
            scan.pairs[k].quotation = quotes::is_quotation(&scan, k);
        }
        scan
    }

    /// Sorts every sentence end and comma into the level it is directly at.
    fn mark_levels(&mut self) {
        let levels = self.pairs.len() + 1;
        self.ends = vec![Vec::new(); levels];
        self.commas = vec![Vec::new(); levels];
        let mut stack: Vec<usize> = Vec::new();
        let mut next_pair = 0;
        for i in 0..self.chars.len() {
            while stack.last().is_some_and(|&k| self.pairs[k].close <= i) {
                stack.pop();
            }
            let level = stack.last().map_or(0, |k| k + 1);
            if next_pair < self.pairs.len() && self.pairs[next_pair].open == i {
                stack.push(next_pair);
                next_pair += 1;
            } else if ends_sentence(&self.chars, i) {
                self.ends[level].push(i);
            } else if is_comma(self.chars[i]) {
                self.commas[level].push(i);
            }
        }
    }

    /// The level at `at`: inside the innermost pair whose marks are on either side of it.
    pub fn level_at(&self, at: usize) -> Level {
        let n = self.pairs.partition_point(|p| p.open < at);
        let mut k = n.checked_sub(1);
        while let Some(i) = k {
            if self.pairs[i].close > at {
                return i + 1;
            }
            k = self.pairs[i].parent;
        }
        0
    }

    /// Where the sentence holding `at` (at `level`) starts: after the last sentence end before it.
    pub fn sentence_start(&self, level: Level, at: usize) -> usize {
        let ends = &self.ends[level];
        let floor = if level == 0 { 0 } else { self.pairs[level - 1].open + 1 };
        match ends.partition_point(|&e| e < at) {
            0 => floor,
            n => (ends[n - 1] + 1).max(floor),
        }
    }

    /// Where the sentence holding `at` (at `level`) ends: its end mark, or the closing mark of its pair.
    pub fn sentence_end(&self, level: Level, at: usize) -> usize {
        let ceiling = if level == 0 { self.chars.len() } else { self.pairs[level - 1].close };
        first_from(&self.ends[level], at).unwrap_or(ceiling).min(ceiling)
    }

    /// The first comma at `level` from `at` on.
    pub fn next_comma(&self, level: Level, at: usize) -> Option<usize> {
        first_from(&self.commas[level], at)
    }

    /// The pair whose opening mark is at `at`.
    pub fn opening_at(&self, at: usize) -> Option<usize> {
        self.pairs.binary_search_by_key(&at, |p| p.open).ok()
    }

    /// The pair whose closing mark is at `at`.
    pub fn closing_at(&self, at: usize) -> Option<usize> {
        self.closers.binary_search_by_key(&at, |c| c.0).ok().map(|i| self.closers[i].1)
    }

    /// The tokens from `from` (a code point) to `to`: a range of indices into `tokens`.
    pub fn tokens_between(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let a = self.tokens.partition_point(|t| t.start < from);
        let b = self.tokens.partition_point(|t| t.start < to);
        a..b.max(a)
    }

    /// `from..to` without white space at either end, nor commas at the end; `None` if nothing is left.
    pub fn trimmed(&self, from: usize, to: usize) -> Option<Span> {
        let (mut a, mut b) = (from, to.min(self.chars.len()));
        while a < b && self.chars[a].is_whitespace() {
            a += 1;
        }
        while a < b && (self.chars[b - 1].is_whitespace() || is_comma(self.chars[b - 1])) {
            b -= 1;
        }
        (a < b).then(|| Span::new(a, b))
    }

    /// The text inside pair `k`, trimmed.
    pub fn inside(&self, k: usize) -> Option<Span> {
        self.trimmed(self.pairs[k].open + 1, self.pairs[k].close)
    }
}

fn first_from(sorted: &[usize], at: usize) -> Option<usize> {
    sorted.get(sorted.partition_point(|&e| e < at)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_skip_the_marks_inside_a_quotation() {
        let text = "He said: “The port is open. Ships wait.” Then he left. Mr. Roe paid 3.5 dollars.";
        let scan = Scan::new(text);
        let at = |s: &str| text.find(s).map(|b| text[..b].chars().count()).unwrap();
        assert_eq!(scan.pairs.len(), 1);
        let inner = scan.level_at(at("port"));
        assert_eq!(inner, 1);
        assert_eq!(scan.level_at(at("He")), 0);
        assert_eq!(scan.sentence_end(0, 0), at(" Mr.") - 1, "the points inside the quotation end nothing outside it");
        assert_eq!(scan.sentence_end(inner, at("port")), at(" Ships") - 1);
        assert_eq!(scan.sentence_end(inner, at("Ships")), scan.pairs[0].close - 1);
        assert_eq!(scan.sentence_start(0, at("Roe")), at(" Mr."), "Mr. ends no sentence");
        assert_eq!(scan.sentence_end(0, at("Roe")), text.chars().count() - 1, "nor does a decimal point");
    }

    #[test]
    fn trimming_drops_white_space_and_trailing_commas() {
        let scan = Scan::new("« نعم ، »");
        assert_eq!(scan.inside(0), Some(Span::new(2, 5)));
        assert_eq!(Scan::new("« »").inside(0), None);
    }
}
