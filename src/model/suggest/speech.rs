//! Reported speech: the clause a speech verb reports, with the nearest actor mention as who said it.
//!
//! A speech verb (`words::VERBS`: Arabic with و/ف attached and its feminine, dual, plural, present
//! and participle forms; English, Persian, Hebrew) reports what comes after its introducer, found
//! within ten words (its subject may stand between: "قال وزير الخارجية الروسي سيرغي لافروف إن…"):
//! - a complementiser (أن، إن، بأن، أنه…, that, که, כי, ש; ש written onto the next word too): the
//!   clause runs from the word after it to the end of the sentence (. ! ? ؟ ؛ ; or a line break,
//!   quotations inside skipped) or to where another speech verb starts a clause: after a comma
//!   ("، مؤكدا أن"), a conjunction or an attached و ("وأضاف", "and added");
//! - a preposition of that verb (شدد على، أشار إلى، أعرب عن، حذر من; a complementiser right after it
//!   is skipped too): what it reports is a noun phrase, which ends at the first comma as well;
//! - a colon, or a quotation straight after the verb and its subject (قال: «…», told me, ‘…’).
//!
//! English "said", "insisted"… may report right after the verb ("insisted the inspections
//! were…"); a quotation or clause before a comma and a few words with the verb reports backwards
//! ("«…»، قال", "“…,” Keller told reporters"); a source ("according to X, …", وفقًا لـ، به گزارش،
//! לדברי) reports the rest of the sentence after the comma that ends it, or the part before it.
//!
//! The span leaves out the verb, the subject, the introducer (with a pronoun attached, أنه) and
//! white space or a comma at its ends. Label: QUOTE when what is reported is one quotation (its
//! text inside the marks, as `quotes` proposes it), else CLAIM. Who said it: the actor span
//! nearest the verb in its sentence (outside the clause), else the nearest one before the sentence;
//! linked by the actor it names, or by the span itself when it names none.

use super::scan::{is_comma, is_line_break, Level, Scan};
use super::words::{is_word_char, lexicon, How, Lang, Lexicon, Token, VerbAt};
use super::{Kind, Link, Suggestion};
use crate::model::facts::{ACTOR, CLAIM, QUOTE};
use crate::model::labels::LabelId;
use crate::model::text::Span;
use crate::model::workspace::Workspace;

/// How many words may stand between a verb and its introducer.
const WINDOW: usize = 14;
/// How many words may follow a verb that reports backwards ("…,” said Laura Mendes, a UN mediator.).
const TAIL: usize = 12;
/// How many words may stand between what is reported backwards and its verb ("…,” one of them wrote).
const SUBJECT: usize = 5;
/// How many words a source may take before the comma that ends it.
const SOURCE_WORDS: usize = 12;

/// Hebrew words starting with ש that are not ש + a clause (שר החוץ: the minister; שלום; names).
const SHIN_WORDS: &[&str] =
    &["שלום", "שלשום", "שבוע", "שנה", "שנים", "שנית", "שני", "שתי", "שוב", "שמעון", "שלמה", "שאול", "שרה", "שירה", "שקד", "שגריר", "שגרירות"];

pub fn suggest(ws: &Workspace) -> Vec<Suggestion> {
    suggest_within(ws, Span::new(0, ws.article.text.char_len()))
}

/// The reported clauses inside `within` (whole paragraphs), who said each found among all the
/// article's actor spans.
pub fn suggest_within(ws: &Workspace, within: Span) -> Vec<Suggestion> {
    let Some(text) = ws.article.text.slice(within) else { return Vec::new() };
    from_scan(ws, &Scan::new(text), within.start.0, &Speakers::new(ws))
}

/// The reported clauses of a scanned slice of the text that starts at code point `base`.
pub(super) fn from_scan(ws: &Workspace, scan: &Scan, base: usize, speakers: &Speakers) -> Vec<Suggestion> {
    let (claim, quote) = (LabelId(CLAIM.into()), LabelId(QUOTE.into()));
    let reader = Reader::new(scan, lexicon());
    let mut out = Vec::new();
    for &(i, verb) in &reader.verbs {
        let Some(found) = reader.clause(i, verb) else { continue };
        let label = if found.quoted { &quote } else { &claim };
        if ws.label(label).is_none() {
            continue;
        }
        let shift = |(a, b): (usize, usize)| (a + base, b + base);
        let span = Span::new(found.span.start.0 + base, found.span.end.0 + base);
        let said_by = speakers.nearest(shift(found.sentence), shift(found.verb), span);
        out.push(Suggestion { span, label: label.clone(), kind: Kind::ReportedSpeech, names: None, said_by, score: found.score });
    }
    out
}

/// What a verb reports.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Found {
    span: Span,
    quoted: bool,
    /// The verb's sentence and the verb itself, to find who said it.
    sentence: (usize, usize),
    verb: (usize, usize),
    score: f32,
}

/// Where a verb's clause starts, and whether it is a noun phrase (which a comma ends too).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Intro {
    from: usize,
    nominal: bool,
}

struct Reader<'a> {
    scan: &'a Scan,
    lex: &'a Lexicon,
    /// Every speech verb: its first token and what it is.
    verbs: Vec<(usize, VerbAt)>,
    /// Tokens that start a speech verb.
    is_verb: Vec<bool>,
    /// Where another speech verb starts a clause, at each level, in text order.
    bounds: Vec<Vec<usize>>,
}

impl<'a> Reader<'a> {
    fn new(scan: &'a Scan, lex: &'a Lexicon) -> Self {
        let mut verbs = Vec::new();
        let mut i = 0;
        while i < scan.tokens.len() {
            match lex.verb_at(&scan.chars, &scan.tokens, i) {
                Some(v) => {
                    verbs.push((i, v));
                    i += v.len;
                }
                None => i += 1,
            }
        }
        let mut is_verb = vec![false; scan.tokens.len()];
        let mut bounds = vec![Vec::new(); scan.pairs.len() + 1];
        for &(i, v) in &verbs {
            is_verb[i] = true;
            if let (false, Some(at)) = (v.how.source, boundary(scan, lex, i, v)) {
                bounds[scan.level_at(at)].push(at);
            }
        }
        Reader { scan, lex, verbs, is_verb, bounds }
    }

    /// Where the clause starting at `from` (at `level`) ends.
    fn clause_end(&self, level: Level, from: usize, nominal: bool) -> usize {
        let mut end = self.scan.sentence_end(level, from);
        // ", but …", "، لكن …": what follows is the writer's.
        let mut comma = self.scan.next_comma(level, from);
        while let Some(c) = comma.filter(|&c| c < end) {
            let next = self.scan.tokens.get(self.scan.tokens_between(c, end).start).filter(|t| t.start < end);
            if next.is_some_and(|t| self.lex.is_contrast(&t.norm)) {
                end = c;
                break;
            }
            comma = self.scan.next_comma(level, c + 1);
        }
        let bounds = &self.bounds[level];
        if let Some(&b) = bounds.get(bounds.partition_point(|&b| b < from)) {
            end = end.min(b);
        }
        if nominal {
            end = end.min(self.scan.next_comma(level, from).unwrap_or(end));
        }
        end
    }

    fn clause(&self, i: usize, verb: VerbAt) -> Option<Found> {
        let scan = self.scan;
        let start = scan.tokens[i].start;
        let end = scan.tokens[i + verb.len - 1].end;
        let level = scan.level_at(start);
        let sentence = (scan.sentence_start(level, start), scan.sentence_end(level, end));
        let how = verb.how;
        let (span, quoted, score) = if how.source {
            self.sourced(level, i, how, end, sentence)?
        } else if let Some(intro) = self.introducer(i, verb, sentence.1) {
            let (span, quoted) = self.content(level, intro.from, intro.nominal)?;
            (span, quoted, 1.0)
        } else if let Some(from) = how.direct.then(|| self.direct_start(level, i, end, sentence.1)).flatten() {
            // Before reporting backwards: "The company, Red Hill Resources, said it would appeal."
            let (span, quoted) = self.content(level, from, false)?;
            (span, quoted, 0.6)
        } else {
            how.trailing.then(|| self.backwards(level, i, end, sentence)).flatten()?
        };
        Some(Found { span, quoted, sentence, verb: (start, end), score })
    }

    /// The verb's introducer within `WINDOW` words after it, before the sentence ends.
    fn introducer(&self, i: usize, verb: VerbAt, until: usize) -> Option<Intro> {
        let scan = self.scan;
        let how: How = verb.how;
        let mut at = scan.tokens[i + verb.len - 1].end;
        let mut words = 0;
        while at < until && words <= WINDOW {
            if let Some(k) = scan.opening_at(at) {
                // A quotation after the verb and its subject or object (told me, ‘…’; قال لنا “…”); after
                // English words that may begin the clause itself ("saying the talks had "…""), only past a comma.
                let after_comma = scan.chars[..at].iter().rev().find(|c| !c.is_whitespace()).is_some_and(|c| is_comma(*c));
                if how.colon && scan.pairs[k].quotation && (words == 0 || verb.lang != Lang::English || after_comma) {
                    return Some(Intro { from: at, nominal: false });
                }
                at = scan.pairs[k].close + 1;
                words += 1;
                continue;
            }
            let c = scan.chars[at];
            if how.colon && matches!(c, ':' | '：') {
                return Some(Intro { from: at + 1, nominal: false });
            }
            let j = scan.tokens_between(at, at + 1).start;
            if !is_word_char(c) || scan.tokens.get(j).is_none_or(|t| t.start != at) {
                at += 1;
                continue;
            }
            let token = &scan.tokens[j];
            if self.is_verb[j] {
                return None;
            }
            if how.compl && self.lex.is_complementiser(verb.lang, &token.norm) {
                return Some(Intro { from: token.end, nominal: false });
            }
            if how.preps.contains(&token.norm.as_str()) {
                // شدد على أن: the complementiser after the preposition starts a clause.
                let next = scan
                    .tokens
                    .get(j + 1)
                    .filter(|n| scan.chars[token.end..n.start].iter().all(|c| *c == ' ') && self.lex.is_complementiser(verb.lang, &n.norm));
                return Some(match next {
                    Some(n) => Intro { from: n.end, nominal: false },
                    None => Intro { from: token.end, nominal: true },
                });
            }
            if words == 0 && how.compl && verb.lang == Lang::Hebrew && shin_clause(&token.norm) {
                return Some(Intro { from: token.start + 1, nominal: false });
            }
            // يذكّر بضرورة…: the preposition written onto the noun.
            if words == 0 && verb.lang == Lang::Arabic && ["بضرورة", "باهمية"].contains(&token.norm.as_str()) {
                return Some(Intro { from: token.start + 1, nominal: true });
            }
            words += 1;
            at = token.end;
        }
        None
    }

    /// What a clause starting at `from` reports: one quotation, or the text to the clause's end.
    fn content(&self, level: Level, from: usize, nominal: bool) -> Option<(Span, bool)> {
        let scan = self.scan;
        let mut at = from;
        while at < scan.chars.len() && scan.chars[at].is_whitespace() && !is_line_break(scan.chars[at]) {
            at += 1;
        }
        // "وفقا لمصادر، فإن …", "according to X, that …": the complementiser stays out.
        if let Some(t) = scan.tokens.get(scan.tokens_between(at, at + 1).start).filter(|t| t.start == at && self.lex.is_any_complementiser(&t.norm)) {
            at = t.end;
            while at < scan.chars.len() && scan.chars[at].is_whitespace() && !is_line_break(scan.chars[at]) {
                at += 1;
            }
        }
        if let Some(k) = scan.opening_at(at).filter(|&k| scan.pairs[k].quotation && self.reports_whole(level, k)) {
            return Some((scan.inside(k)?, true));
        }
        let end = self.clause_end(level, at, nominal);
        let span = scan.trimmed(at, end)?;
        (scan.tokens_between(span.start.0, span.end.0).len() >= 2).then_some((span, false))
    }

    /// Whether quotation `k`, opening a clause, is all the clause reports: nothing follows it to the
    /// clause's end (or a comma), or a conjunction starts what follows ("‘…,’ and I believe him"),
    /// or it ends a sentence of its own («….» وی تأکید کرد).
    fn reports_whole(&self, level: Level, k: usize) -> bool {
        let scan = self.scan;
        let after = scan.pairs[k].close + 1;
        let end = self.clause_end(level, after, true).max(after);
        let next = scan.tokens_between(after, end).start;
        let last = scan.chars[scan.pairs[k].open + 1..scan.pairs[k].close].iter().rev().find(|c| !c.is_whitespace());
        scan.chars[after..end].iter().all(|c| !is_word_char(*c))
            || scan.tokens.get(next).is_some_and(|t| self.lex.is_conjunction(&t.norm))
            || last.is_some_and(|c| matches!(c, '.' | '!' | '?' | '؟' | '…' | '。'))
    }

    /// What a verb reports backwards: a quotation or clause, then a comma, then a few words with the verb.
    fn backwards(&self, level: Level, i: usize, end: usize, sentence: (usize, usize)) -> Option<(Span, bool, f32)> {
        let scan = self.scan;
        if scan.tokens_between(end, sentence.1).len() > TAIL {
            return None;
        }
        let mut t = i;
        for _ in 0..=SUBJECT {
            let at = self.skip_space_back(scan.tokens[t].start, sentence.0);
            if let Some(b) = at.checked_sub(1).filter(|&b| b >= sentence.0) {
                if is_comma(scan.chars[b]) || scan.closing_at(b).is_some() {
                    let (span, quoted) = self.before_comma(level, sentence.0, b)?;
                    return Some((span, quoted, 0.8));
                }
            }
            // The subject's words are joined by spaces, apostrophes or hyphens only (Keller's spokesman);
            // a conjunction joins the verb to one before it ("…" and told investors), which reports nothing backwards.
            let prev = t.checked_sub(1).filter(|&p| scan.tokens[p].end >= sentence.0)?;
            if !scan.chars[scan.tokens[prev].end..scan.tokens[t].start].iter().all(|c| matches!(c, ' ' | '\'' | '’' | '-' | '‐'))
                || self.lex.is_conjunction(&scan.tokens[prev].norm)
            {
                return None;
            }
            t = prev;
        }
        None
    }

    fn skip_space_back(&self, mut at: usize, floor: usize) -> usize {
        while at > floor && self.scan.chars[at - 1].is_whitespace() && !is_line_break(self.scan.chars[at - 1]) {
            at -= 1;
        }
        at
    }

    /// What stands from `start` to the mark at `mark` (a comma, or a closing quotation mark, with
    /// or without a comma after it): the quotation that opens the sentence, or the clause.
    fn before_comma(&self, level: Level, start: usize, mark: usize) -> Option<(Span, bool)> {
        let scan = self.scan;
        let comma = is_comma(scan.chars[mark]);
        let closer = if comma { self.skip_space_back(mark, start).checked_sub(1) } else { Some(mark) };
        let pair = closer.and_then(|c| scan.closing_at(c)).filter(|&k| scan.pairs[k].parent.map_or(0, |p| p + 1) == level);
        if let Some(k) = pair {
            let opens_sentence = scan.chars[start..scan.pairs[k].open].iter().all(|c| !is_word_char(*c));
            if opens_sentence {
                return scan.pairs[k].quotation.then(|| scan.inside(k).map(|s| (s, true))).flatten();
            }
        }
        // A clause reported backwards ends at a comma: «…» said alone is a quotation or nothing.
        if !comma {
            return None;
        }
        let span = scan.trimmed(start, mark)?;
        (scan.tokens_between(span.start.0, span.end.0).len() >= 2).then_some((span, false))
    }

    /// Where an English verb's clause starts right after it ("insisted the inspections were…");
    /// not after an auxiliary ("we've been saying this").
    fn direct_start(&self, level: Level, i: usize, end: usize, until: usize) -> Option<usize> {
        let scan = self.scan;
        if i.checked_sub(1).is_some_and(|p| self.lex.is_auxiliary(&scan.tokens[p].norm)) {
            return None;
        }
        let mut j = scan.tokens_between(end, until).start;
        let next = scan.tokens.get(j).filter(|t| t.start < until)?;
        if !scan.chars[end..next.start].iter().all(|c| *c == ' ') {
            return None;
        }
        while j + 1 < scan.tokens.len() && j < scan.tokens_between(end, until).start + 2 && self.lex.skipped_before_direct(&scan.tokens[j].norm) {
            j += 1;
        }
        let first = scan.tokens.get(j).filter(|t| t.start < until && scan.level_at(t.start) == level)?;
        let capital = |t: Option<&Token>| t.is_some_and(|t| scan.chars[t.start].is_uppercase());
        // "said Laura Mendes": a name after the verb is its subject, not its clause.
        let name = capital(Some(first)) && capital(scan.tokens.get(j + 1));
        (!self.lex.stops_direct(&first.norm) && !name).then_some(first.start)
    }

    /// What a source reports: "according to X, <clause>" or "<clause>, according to X".
    fn sourced(&self, level: Level, i: usize, how: How, end: usize, sentence: (usize, usize)) -> Option<(Span, bool, f32)> {
        let scan = self.scan;
        let start = scan.tokens[i].start;
        if how.direct {
            // לדבריו, "…": what follows the source, past a comma.
            let from = scan.next_comma(level, end).filter(|&c| scan.chars[end..c].iter().all(|c| c.is_whitespace())).map_or(end, |c| c + 1);
            let (span, quoted) = self.content(level, from, false)?;
            return Some((span, quoted, 0.8));
        }
        let leading = scan.tokens_between(sentence.0, start).filter(|&t| !self.lex.is_conjunction(&scan.tokens[t].norm)).count();
        if leading == 0 {
            let comma = scan.next_comma(level, end).filter(|&c| c < sentence.1)?;
            if scan.tokens_between(end, comma).len() > SOURCE_WORDS {
                return None;
            }
            let (span, quoted) = self.content(level, comma + 1, false)?;
            return Some((span, quoted, 0.8));
        }
        let mut at = start;
        if i > 0 && self.lex.is_conjunction(&scan.tokens[i - 1].norm) && scan.tokens[i - 1].start >= sentence.0 {
            at = scan.tokens[i - 1].start;
        }
        let before = self.skip_space_back(at, sentence.0).checked_sub(1).filter(|&b| b >= sentence.0 && is_comma(scan.chars[b]))?;
        let (span, quoted) = self.before_comma(level, sentence.0, before)?;
        Some((span, quoted, 0.8))
    }
}

/// A Hebrew word that is ש + the first word of a clause (שצרפת), not a word of its own (שר, שלום).
fn shin_clause(word: &str) -> bool {
    word.starts_with('ש') && word.chars().count() >= 4 && !SHIN_WORDS.contains(&word)
}

/// Where the verb at `tokens[i]` starts a new clause of its own, cutting short the one before it:
/// at a comma before it, a conjunction before it, or a conjunction attached to it.
fn boundary(scan: &Scan, lex: &Lexicon, i: usize, verb: VerbAt) -> Option<usize> {
    let start = scan.tokens[i].start;
    let comma_before = |at: usize| {
        let k = scan.chars[..at].iter().rposition(|c| !c.is_whitespace())?;
        is_comma(scan.chars[k]).then_some(k)
    };
    if let Some(k) = comma_before(start) {
        return Some(k);
    }
    if verb.prefixed {
        return Some(start);
    }
    let prev = scan.tokens.get(i.checked_sub(1)?)?;
    let joined = scan.chars[prev.end..start].iter().all(|c| *c == ' ');
    (joined && lex.is_conjunction(&prev.norm)).then(|| comma_before(prev.start).unwrap_or(prev.start))
}

/// The actor spans, in text order, with what each links to.
/// The actor spans, in text order, each with who it names.
pub(super) struct Speakers {
    spans: Vec<(Span, Link)>,
}

impl Speakers {
    pub(super) fn new(ws: &Workspace) -> Self {
        let actor = LabelId(ACTOR.into());
        let spans = ws
            .annotations
            .iter()
            .filter(|a| a.label == actor)
            .map(|a| (a.span, a.facts.actor.clone().map_or_else(|| Link::Mention(a.id.clone()), Link::Actor)))
            .collect();
        Speakers { spans }
    }

    /// The actor span nearest the verb in its sentence and outside what it reports, else the
    /// nearest one before the sentence.
    fn nearest(&self, sentence: (usize, usize), verb: (usize, usize), reported: Span) -> Option<Link> {
        let from = self.spans.partition_point(|(s, _)| s.start.0 < sentence.0);
        let to = self.spans.partition_point(|(s, _)| s.start.0 < sentence.1);
        let distance = |s: &Span| if s.end.0 <= verb.0 { verb.0 - s.end.0 } else { s.start.0.saturating_sub(verb.1) };
        let inside = self.spans[from..to].iter().filter(|(s, _)| s.end.0 <= sentence.1 && !s.overlaps(&reported)).min_by_key(|(s, _)| distance(s));
        let before = || self.spans[from.saturating_sub(64)..from].iter().filter(|(s, _)| s.end.0 <= sentence.0).max_by_key(|(s, _)| s.end.0);
        inside.or_else(before).map(|(_, link)| link.clone())
    }
}

#[cfg(test)]
#[path = "speech_tests.rs"]
mod tests;
