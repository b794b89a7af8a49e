//! Quotations: text between paired quotation marks, nested pairs handled.
//!
//! Marks: « » ‹ › “ ” „ “ „ ” ‚ ‘ ‘ ’ 「 」 『 』 and the straight ". A pair's marks are matched on
//! a stack, so pairs nest; a closing mark with no opening one of its kind is ignored, and an
//! opening mark that is never closed proposes nothing. Pairs never cross a blank line (a
//! paragraph break), but a quotation across a single line break is kept whole.
//! - `“` closes a `„` (German) and otherwise opens; `’` between letters is an apostrophe
//!   (don’t), `‘` after a letter too; straight single quotes are never quotation marks.
//! - A straight `"` opens where a word starts after it and none ends before it, and closes the
//!   other way round; between two letters it is a Hebrew gershayim (צה"ל), unless one or two
//!   prefix letters come before it (ש"הדרך, כ"קשה"), where it opens.
//!
//! What is proposed (label QUOTE): the text inside the marks, without white space at its ends nor
//! a comma at its end (the marks and the comma belong to the sentence around it). Not every pair
//! holds a quotation: one word in marks is a name, a term or a scare quote; a pair right after a
//! naming noun (صحيفة «هآرتس», operation "X") is a name; two or three words are a quotation only when
//! something attributes them: a colon just before, a speech verb earlier in the sentence (inside the
//! outer quotation, for a nested one) or just after it («لن نتراجع»، قال). Four words or more are a
//! quotation. An outer pair and a pair inside it are each proposed when each is a quotation.

use super::scan::{is_comma, is_line_break, Scan};
use super::words::{self, lexicon};
use super::{Kind, Suggestion};
use crate::model::facts::QUOTE;
use crate::model::labels::LabelId;
use crate::model::workspace::Workspace;

pub fn suggest(ws: &Workspace) -> Vec<Suggestion> {
    suggest_within(ws, crate::model::text::Span::new(0, ws.article.text.char_len()))
}

/// The quotations inside `within` (whole paragraphs: a quotation never crosses a blank line, so
/// a range of paragraphs holds all of its own).
pub fn suggest_within(ws: &Workspace, within: crate::model::text::Span) -> Vec<Suggestion> {
    let Some(text) = ws.article.text.slice(within) else { return Vec::new() };
    from_scan(ws, &Scan::new(text), within.start.0)
}

/// The quotations of a scanned slice of the text that starts at code point `base`.
pub(super) fn from_scan(ws: &Workspace, scan: &Scan, base: usize) -> Vec<Suggestion> {
    let label = LabelId(QUOTE.into());
    if ws.label(&label).is_none() {
        return Vec::new();
    }
    quotations(scan)
        .into_iter()
        .map(|(k, span)| {
            let long = scan.tokens_between(scan.pairs[k].open, scan.pairs[k].close).len() >= LONG;
            let span = crate::model::text::Span::new(span.start.0 + base, span.end.0 + base);
            Suggestion { span, label: label.clone(), kind: Kind::Quotation, names: None, said_by: None, score: if long { 1.0 } else { 0.6 } }
        })
        .collect()
}

/// Each pair that holds a quotation, with the span to propose.
pub(super) fn quotations(scan: &Scan) -> Vec<(usize, crate::model::text::Span)> {
    (0..scan.pairs.len()).filter(|&k| scan.pairs[k].quotation).filter_map(|k| scan.inside(k).map(|s| (k, s))).collect()
}

/// Words from which a pair holds a quotation without anything attributing it.
const LONG: usize = 4;

/// The deepest nesting kept: marks opened deeper are ignored (a flood of opening marks stays linear).
const MAX_DEPTH: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Guillemet,
    SingleGuillemet,
    Curly,
    Low,
    SingleCurly,
    SingleLow,
    Corner,
    WhiteCorner,
    Straight,
}

enum Role {
    Open(Mark),
    Close(&'static [Mark]),
}

fn nearer(stack: &[(Mark, usize)], a: Mark, b: Mark) -> bool {
    stack.iter().rev().map(|e| e.0).find(|m| *m == a || *m == b) == Some(a)
}

/// Letters of the word running from `i` in direction `step` (+1 or -1), up to 4.
fn letters(chars: &[char], i: usize, forward: bool) -> Vec<char> {
    let mut out = Vec::new();
    let mut k = i;
    while out.len() < 4 {
        let next = if forward { k.checked_add(1) } else { k.checked_sub(1) };
        match next.and_then(|n| chars.get(n).map(|c| (n, *c))) {
            Some((n, c)) if words::is_word_char(c) => {
                if !words::is_mark(c) {
                    out.push(c);
                }
                k = n;
            }
            _ => break,
        }
    }
    out
}

/// What a straight `"` at `i` can do: (open, close).
fn straight(chars: &[char], i: usize) -> (bool, bool) {
    let prev = i.checked_sub(1).map(|k| chars[k]);
    let next = chars.get(i + 1).copied();
    let wordy = |c: Option<char>| c.is_some_and(words::is_word_char);
    if wordy(prev) && wordy(next) {
        let (before, after) = (letters(chars, i, false), letters(chars, i, true));
        let hebrew = before.first().is_some_and(|c| words::is_hebrew_letter(*c)) && after.first().is_some_and(|c| words::is_hebrew_letter(*c));
        let prefix = (1..=2).contains(&before.len()) && before.iter().all(|c| "ושהכלבמ".contains(*c));
        // A gershayim stands before an acronym's last letter (צה"ל, ארה"ב); a prefix letter before a quotation (ש"…).
        return (hebrew && after.len() > 1 && prefix, false);
    }
    let open = next.is_some_and(|c| !c.is_whitespace()) && !wordy(prev);
    let close = prev.is_some_and(|c| !c.is_whitespace()) && !wordy(next);
    (open, close)
}

fn role(chars: &[char], i: usize, stack: &[(Mark, usize)]) -> Option<Role> {
    let prev = i.checked_sub(1).map(|k| chars[k]);
    let next = chars.get(i + 1).copied();
    let letter = |c: Option<char>| c.is_some_and(words::is_word_char);
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    Some(match chars[i] {
        '«' => Role::Open(Mark::Guillemet),
        '»' => Role::Close(&[Mark::Guillemet]),
        '‹' => Role::Open(Mark::SingleGuillemet),
        '›' => Role::Close(&[Mark::SingleGuillemet]),
        '„' => Role::Open(Mark::Low),
        '“' if nearer(stack, Mark::Low, Mark::Curly) => Role::Close(&[Mark::Low]),
        '“' => Role::Open(Mark::Curly),
        '”' => Role::Close(&[Mark::Curly, Mark::Low]),
        '‚' if !space(next) => Role::Open(Mark::SingleLow),
        '‘' if nearer(stack, Mark::SingleLow, Mark::SingleCurly) => Role::Close(&[Mark::SingleLow]),
        '‘' if !letter(prev) && !space(next) => Role::Open(Mark::SingleCurly),
        '’' if !(space(prev) || letter(prev) && letter(next)) => Role::Close(&[Mark::SingleCurly]),
        '「' => Role::Open(Mark::Corner),
        '」' => Role::Close(&[Mark::Corner]),
        '『' => Role::Open(Mark::WhiteCorner),
        '』' => Role::Close(&[Mark::WhiteCorner]),
        '"' => match straight(chars, i) {
            (_, true) if stack.iter().any(|e| e.0 == Mark::Straight) => Role::Close(&[Mark::Straight]),
            (true, _) => Role::Open(Mark::Straight),
            _ => return None,
        },
        _ => return None,
    })
}

/// Every pair of quotation marks in `chars`, as (opening mark, closing mark), in text order.
pub(super) fn pair_marks(chars: &[char]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut stack: Vec<(Mark, usize)> = Vec::new();
    let mut breaks = 0;
    for i in 0..chars.len() {
        let c = chars[i];
        if is_line_break(c) {
            if !(c == '\n' && i > 0 && chars[i - 1] == '\r') {
                breaks += 1;
            }
            if breaks >= 2 || c == '\u{2029}' {
                stack.clear();
            }
            continue;
        }
        if !c.is_whitespace() {
            breaks = 0;
        }
        match role(chars, i, &stack) {
            Some(Role::Open(mark)) if stack.len() < MAX_DEPTH => stack.push((mark, i)),
            Some(Role::Close(marks)) => {
                if let Some(at) = stack.iter().rposition(|e| marks.contains(&e.0)) {
                    pairs.push((stack[at].1, i));
                    stack.truncate(at);
                }
            }
            _ => {}
        }
    }
    super::index::sort_pairs(&mut pairs);
    pairs
}

/// Whether pair `k` holds a quotation (see the module's rules).
pub(super) fn is_quotation(scan: &Scan, k: usize) -> bool {
    let pair = &scan.pairs[k];
    let chars = &scan.chars;
    let inside = scan.tokens_between(pair.open + 1, pair.close);
    let words = inside.len();
    if words <= 1 {
        return false;
    }
    let before = scan.tokens_between(0, pair.open).end.checked_sub(1);
    let touching = |t: usize| chars[scan.tokens[t].end..pair.open].iter().all(|c| c.is_whitespace() && !is_line_break(*c));
    if before.is_some_and(|t| touching(t) && lexicon().is_naming_noun(&scan.tokens[t].norm)) {
        return false;
    }
    if words >= LONG {
        return true;
    }
    let colon = chars[..pair.open].iter().rev().find(|c| !c.is_whitespace()).is_some_and(|c| matches!(c, ':' | '：'));
    colon || cue_before(scan, k) || cue_after(scan, k)
}

/// A speech verb earlier in the sentence of pair `k`, at its level (not inside another pair).
fn cue_before(scan: &Scan, k: usize) -> bool {
    let pair = &scan.pairs[k];
    let level = scan.pairs[k].parent.map_or(0, |p| p + 1);
    let start = scan.sentence_start(level, pair.open);
    let range = scan.tokens_between(start, pair.open);
    let from = range.start.max(range.end.saturating_sub(60));
    (from..range.end).any(|t| scan.level_at(scan.tokens[t].start) == level && lexicon().is_cue(&scan.chars, &scan.tokens, t))
}

/// A speech verb among the few words right after pair `k` (past a comma): «…»، قال الوزير.
fn cue_after(scan: &Scan, k: usize) -> bool {
    let close = scan.pairs[k].close;
    let mut at = close + 1;
    while at < scan.chars.len() && (scan.chars[at].is_whitespace() && !is_line_break(scan.chars[at]) || is_comma(scan.chars[at])) {
        at += 1;
    }
    let range = scan.tokens_between(at, scan.chars.len());
    let end = scan.sentence_end(scan.level_at(at), at);
    (range.start..range.end.min(range.start + 5)).take_while(|&t| scan.tokens[t].start < end).any(|t| lexicon().is_cue(&scan.chars, &scan.tokens, t))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of each quotation found in `text`.
    fn found(text: &str) -> Vec<String> {
        let scan = Scan::new(text);
        quotations(&scan).into_iter().map(|(_, s)| scan.chars[s.start.0..s.end.0].iter().collect()).collect()
    }

    #[test]
    fn guillemets_and_curly_quotes_pair_and_nest() {
        assert_eq!(
            found("قال: «نحن على تواصل، وقد قال لنا “إن الرد سيصل خلال أيام”، لكننا ننتظر»."),
            ["نحن على تواصل، وقد قال لنا “إن الرد سيصل خلال أيام”، لكننا ننتظر", "إن الرد سيصل خلال أيام"]
        );
        assert_eq!(found("Er sagte: „Wir bleiben an der Seite der Ukraine.“"), ["Wir bleiben an der Seite der Ukraine."]);
        assert_eq!(
            found("Polish „one two three four”, CJK 「日本は平和国家」 and 『もう一度交渉する』"),
            ["one two three four", "日本は平和国家", "もう一度交渉する"]
        );
        assert_eq!(found("« Nous ne céderons pas. » ‹ein Spiel mit dem Feuer›"), ["Nous ne céderons pas.", "ein Spiel mit dem Feuer"]);
    }

    #[test]
    fn the_trailing_comma_and_white_space_stay_outside() {
        assert_eq!(found("\"We have the guarantees we asked for,\" Keller told reporters."), ["We have the guarantees we asked for"]);
    }

    #[test]
    fn a_quotation_across_a_line_break_is_kept_whole_but_not_across_a_blank_line() {
        assert_eq!(found("“This is the third time\nthey have announced it,” one wrote."), ["This is the third time\nthey have announced it"]);
        assert!(found("“This is the third time\n\nthey have announced it,” one wrote.").is_empty());
        assert!(found("«أوقفوا الحرب الآن يا عالم\n\nفي الفقرة التالية» نص").is_empty());
    }

    #[test]
    fn unpaired_marks_propose_nothing_and_do_not_steal_a_later_pair() {
        assert!(found("A banner read \"No grain, no peace for anyone here").is_empty());
        assert_eq!(found("A banner read \"No grain, no peace\nKeller insisted it was \"a technical matter\"."), ["a technical matter"]);
        assert!(found("Closing only» and ” and 」 here, four words").is_empty());
    }

    #[test]
    fn apostrophes_gershayim_and_inch_marks_are_not_quotes() {
        assert!(found("Don’t say the ministers’ aides weren't told; a 12\" pipe and 5' board").is_empty());
        assert!(found("צה\"ל ו-ארה\"ב ומו\"מ ודו\"ח, ארה״ב ו-ג׳ו").is_empty());
        assert_eq!(found("בארו אמר ש\"הדרך היחידה היא מו\"מ ישיר\"."), ["הדרך היחידה היא מו\"מ ישיר"]);
        assert_eq!(found("דובר צה\"ל מסר כי \"הפעילות הצבאית תימשך כמתוכנן\"."), ["הפעילות הצבאית תימשך כמתוכנן"]);
    }

    #[test]
    fn names_single_words_and_unattributed_short_phrases_are_not_quotations() {
        assert!(found("وذكرت صحيفة «هآرتس الإسرائيلية» أن الاجتماع أرجئ، وأكدت حركة «حماس» ذلك.").is_empty());
        assert!(found("The deal, nicknamed a \"paper tiger\", covers 40 ships; the talk was \"constructive\".").is_empty());
        assert_eq!(found("According to Sorin, the guarantees \"exist only on paper\"."), ["exist only on paper"]);
        assert_eq!(found("« C’est inacceptable », a-t-il ajouté."), ["C’est inacceptable"]);
        assert_eq!(found("She said: “He told me ‘not now’ and left.”"), ["He told me ‘not now’ and left.", "not now"]);
        assert_eq!(found("Er zitierte „den ‚Geist von Helsinki‘ und die Charta“ heute."), ["den ‚Geist von Helsinki‘ und die Charta"]);
        assert_eq!(found("به گفته لاوروف، دیدار اخیر «بسیار مهم» بود."), ["بسیار مهم"]);
        assert_eq!(
            found("افزود: «ما با «راه‌حل دو دولتی» موافقیم و تلاش می‌کنیم.»"),
            ["ما با «راه‌حل دو دولتی» موافقیم و تلاش می‌کنیم."],
            "a term inside a quotation"
        );
    }
}
