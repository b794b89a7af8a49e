//! Other mentions of a labelled actor: the same name elsewhere, another spelling of it, the
//! surname alone; Arabic clitics attached to a name stay outside the suggestion.
//!
//! Each actor span gives names: its text (the full name); unless it names an organisation, the
//! tails of its name from the second word on ("أميرعبد اللهيان" of "حسين أميرعبد اللهيان") and its
//! last word alone (the surname: at least four letters, not a common word; a word with the Arabic
//! article only for a person and after a given name, "بشار الأسد" but not "مجلس الأمن"). Leading
//! titles ("وزير", "President") are no part of a tail. A capitalised name with a lower-case word
//! that is no particle ("the Russian minister") gives only its full text. A person's name whose
//! first word has the article gives it without too ("أمير عبد اللهيان" of "الأمير عبد اللهيان"); a
//! name with a patronymic gives what stands before it ("الأمير عبد العزيز" of "… بن سلمان"); a span
//! ending with "+" ("أوبك+") takes the "+" after a match. A match also takes the word before it
//! when that word is the given name of the person it names (see [`given`](super::given)).
//!
//! A name matches a run of the folded text (see [`fold`](super::fold)) that spells the same
//! letters, with spaces, hyphens and apostrophes between them free to differ ("أمير عبد اللهيان" =
//! "أميرعبداللهيان"), whole words only, after an optional chain of Arabic proclitics (و ف, then ب ل
//! ك, then ال; or لل) or Hebrew prefixes (ו ש, then ה ב כ ל מ) when the name has at least four
//! letters. Failing the letters, the phonetic key (g, v, p written with other letters) may match,
//! for names of at least four letters. A capitalised name does not match a lower-case word ("May"
//! is not "may").
//!
//! Score: the name's part (full 1, tail 0.85, surname 0.5) times its spelling (the same text 1,
//! the same folded 0.9, other spacing 0.8, phonetic 0.6). Overlapping matches: the longer wins,
//! then the higher score. Spans overlapping an actor span are never proposed.

use super::fold::{is_joiner, is_word, phonetic, Folded};
use super::given;
use super::index::{field, sort_keys, Slicer, SpanSet, Trie, ROOT};
use super::{Kind, Link, Suggestion};
use crate::model::facts::{ActorKind, ACTOR};
use crate::model::labels::LabelId;
use crate::model::text::{Span, TextIndex};
use crate::model::workspace::Workspace;
use std::collections::{HashMap, HashSet};

/// Words that are never a name alone nor a surname: pronouns, function words, titles.
const COMMON: &str = "هو هي هم هن انه انها انت انا نحن هذا هذه ذلك تلك الذي التي الله الدين الرحمن عبد ابو ابن بن بنت آل \
    آية السيد السيدة الشيخ الدكتور الرئيس رئيس وزير الوزير الملك الأمير السفير المتحدث الناطق نائب \
    او وی آنها این آن آقای خانم دکتر \
    הוא היא הם הן זה זאת מר גברת ראש השר שר הנשיא \
    he she him his her hers they them their it its we us i you me my the a an of and or in on at to for by with from said \
    mr mrs ms miss dr prof president minister prime foreign secretary general sir king queen prince princess senator \
    governor mayor chancellor pope sheikh jr sr ii iii \
    nations council agency ministry party group bank union office house department committee court army forces \
    police news times post organization organisation association company corporation inc ltd university institute";
/// Titles dropped from the start of a name before its tails are taken.
const TITLES: &str = "السيد السيدة الشيخ الدكتور الرئيس رئيس وزير الوزير الملك السفير المتحدث الناطق نائب آية الله آقای خانم دکتر \
    מר גברת השר שר הנשיא mr mrs ms miss dr prof president minister prime foreign secretary general sir king queen \
    prince princess senator governor mayor chancellor pope sheikh";
/// Lower-case words a capitalised name may hold ("Mohammed bin Salman", "Ursula von der Leyen").
const PARTICLES: &str = "bin ibn bint abu al el de da di du del della der den van von le la ter";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Part {
    Full,
    Tail,
    Surname,
}

impl Part {
    fn weight(self) -> f32 {
        match self {
            Part::Full => 1.0,
            Part::Tail => 0.85,
            Part::Surname => 0.5,
        }
    }
}

/// One name to look for, with the actor spans that give it.
struct Name {
    /// Its folded letters, without what stands between words.
    letters: Vec<char>,
    /// Its folded text.
    folded: Vec<char>,
    /// Its text.
    raw: Vec<char>,
    part: Part,
    /// Its first letter is upper case: a lower-case word is not it.
    capital: bool,
    /// A span giving it ends with "+" ("أوبك+"): a match takes the "+" that follows it.
    plus: bool,
    /// Where each span giving it starts, and what accepting links to; by start.
    sources: Vec<(usize, Link)>,
}

/// The names of an article's actor spans, ready to be looked for in any part of its text.
pub struct Mentions {
    names: Vec<Name>,
    /// Phonetic keys of the names' letters → names.
    trie: Trie,
    actors: SpanSet,
}

/// A match in a folded chunk: folded `start..end`, the name, its score.
#[derive(Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    name: usize,
    score: f32,
}

fn word_set(words: &str) -> HashSet<String> {
    words.split_whitespace().map(super::fold::fold).collect()
}

/// [`Mentions`] being built, some of the actor spans at a time (a pass builds a long article's
/// in a few tasks).
pub struct Building {
    words: Words,
    names: Vec<Name>,
    by_text: HashMap<(Vec<char>, Part), usize>,
    actor_spans: Vec<Span>,
    /// The first annotation not looked at yet.
    next: usize,
}

impl Default for Building {
    fn default() -> Self {
        let words = Words { common: word_set(COMMON), titles: word_set(TITLES), particles: word_set(PARTICLES) };
        Building { words, names: Vec::new(), by_text: HashMap::new(), actor_spans: Vec::new(), next: 0 }
    }
}

impl Building {
    /// Looks at up to `n` more of the annotations; true once every one is looked at.
    pub fn add(&mut self, ws: &Workspace, n: usize) -> bool {
        let Building { words, names, by_text, actor_spans, next } = self;
        let to = next.saturating_add(n).min(ws.annotations.len());
        let mut slicer = Slicer::new(&ws.article.text);
        for a in ws.annotations[*next..to].iter().filter(|a| a.label.0 == ACTOR) {
            actor_spans.push(a.span);
            let Some(text) = slicer.slice(a.span) else { continue };
            let link = match &a.facts.actor {
                Some(id) => Link::Actor(id.clone()),
                None => Link::Mention(a.id.clone()),
            };
            let kind = a.facts.actor.as_ref().and_then(|id| ws.actor(id)).map(|x| x.kind);
            for (raw, folded, part) in parts(text, kind, words) {
                let at = *by_text.entry((raw.clone(), part)).or_insert_with(|| {
                    let letters: Vec<char> = folded.iter().copied().filter(|c| is_word(*c)).collect();
                    let capital = raw.first().is_some_and(|c| c.is_uppercase());
                    names.push(Name { letters, folded, raw, part, capital, plus: false, sources: Vec::new() });
                    names.len() - 1
                });
                names[at].plus |= part == Part::Full && text.trim_end().ends_with('+');
                names[at].sources.push((a.span.start.0, link.clone()));
            }
        }
        *next = to;
        to == ws.annotations.len()
    }

    pub fn finish(self) -> Mentions {
        let Building { names, actor_spans, .. } = self;
        let mut trie = Trie::default();
        // Sources come in text order, as the annotations do.
        for (i, name) in names.iter().enumerate() {
            trie.insert(name.letters.iter().map(|c| phonetic(*c)), i as u32);
        }
        Mentions { names, trie, actors: SpanSet::new(actor_spans) }
    }
}

impl Mentions {
    pub fn new(ws: &Workspace) -> Mentions {
        let mut building = Building::default();
        building.add(ws, usize::MAX);
        building.finish()
    }

    /// Whether there is no name to look for.
    pub fn is_empty(&self) -> bool {
        self.trie.is_empty()
    }

    /// The mentions within `range` of the article's text, in text order. A name never spans a line
    /// break, so the text can be read a few paragraphs at a time.
    pub fn find(&self, ws: &Workspace, range: Span) -> Vec<Suggestion> {
        let text = &ws.article.text;
        let Some(slice) = text.slice(range).filter(|_| !self.is_empty()) else { return Vec::new() };
        let base = range.start.0;
        let original: Vec<char> = slice.chars().collect();
        let f = Folded::at(slice, base);
        let c = &f.chars;
        let mut found = Vec::new();
        let mut starts = Vec::with_capacity(8);
        for p in 0..c.len() {
            if !is_word(c[p]) || (p > 0 && is_word(c[p - 1])) {
                continue;
            }
            proclitics(&c[p..], &mut starts);
            for &k in &starts {
                self.walk(&f, &original, base, p + k, k > 0, &mut found);
            }
        }
        let raw_span = |x: &Found| Span::new(f.to_original[x.start], f.to_original[x.end - 1] + 1);
        found.retain(|x| !self.actors.overlaps(raw_span(x)));
        // Longer first, then higher score, then earlier.
        let key = |x: &Found| {
            (0xFFFF - field(x.end - x.start, 0xFFFF)) << 48 | (0xFFFF - field((x.score * 10_000.0) as usize, 0xFFFF)) << 32 | field(x.start, u32::MAX as u64)
        };
        let mut order: Vec<(u64, u32)> = found.iter().enumerate().map(|(i, x)| (key(x), i as u32)).collect();
        sort_keys(&mut order);
        let mut taken = vec![false; c.len()];
        let mut chosen = Vec::new();
        for (_, i) in order {
            let x = &found[i as usize];
            if taken[x.start..x.end].iter().any(|t| *t) {
                continue;
            }
            taken[x.start..x.end].iter_mut().for_each(|t| *t = true);
            chosen.push((x.start as u64, i));
        }
        sort_keys(&mut chosen);
        chosen
            .into_iter()
            .map(|(_, i)| {
                let x = &found[i as usize];
                let link = nearest(&self.names[x.name].sources, f.to_original[x.start]);
                let x = &Found { start: self.given_before(ws, &f, &original, base, x, &link, &taken), ..*x };
                let span = whole_graphemes(text, raw_span(x), &original, base);
                Suggestion { span, label: LabelId(ACTOR.into()), kind: Kind::ActorMention, names: Some(link), said_by: None, score: x.score }
            })
            .collect()
    }

    /// Where match `x` starts once widened over the word before it, when that word is the given
    /// name of the person it names ("سيرغي" before "لافروف" of Sergey Lavrov; a proclitic stays
    /// outside) and the match does not start with it already; else `x.start`.
    #[allow(clippy::too_many_arguments)]
    fn given_before(&self, ws: &Workspace, f: &Folded, original: &[char], base: usize, x: &Found, link: &Link, taken: &[bool]) -> usize {
        let c = &f.chars;
        let Link::Actor(id) = link else { return x.start };
        let Some(actor) = ws.actor(id).filter(|a| a.kind == ActorKind::Person) else { return x.start };
        let mut words = actor.name.split_whitespace();
        let (Some(given), Some(_)) = (words.next(), words.next()) else { return x.start };
        let word_at = |from: usize| c[from..].iter().take_while(|c| is_word(**c)).collect::<String>();
        if x.start < 2 || !matches!(c[x.start - 1], ' ' | '\u{a0}') || given::is_given(&word_at(x.start), given) {
            return x.start;
        }
        let end = x.start - 1;
        let mut b = end;
        while b > 0 && is_word(c[b - 1]) {
            b -= 1;
        }
        if b == end || taken[b..end].iter().any(|t| *t) || original[f.to_original[b] - base].is_lowercase() {
            return x.start;
        }
        let word: String = c[b..end].iter().collect();
        // A proclitic that could be the given name's own first letter ("وليد" of Walid) stays in.
        let first = given.chars().next().map_or(' ', |c| c.to_ascii_lowercase());
        let clitic = match word.chars().next() {
            Some('و' | 'ו') => !"wvou".contains(first),
            Some('ف') => !"fvp".contains(first),
            _ => false,
        };
        let from = [b + usize::from(clitic), b].into_iter().find(|&s| given::is_given(&word_at(s), given));
        match from {
            Some(s) if !self.actors.overlaps(Span::new(f.to_original[s], f.to_original[end - 1] + 1)) => s,
            _ => x.start,
        }
    }

    /// Looks for names starting at folded `q` (after a clitic if `clitic`), adding the best match
    /// at each end where a word ends.
    fn walk(&self, f: &Folded, original: &[char], base: usize, q: usize, clitic: bool, found: &mut Vec<Found>) {
        let c = &f.chars;
        let mut at = ROOT;
        let mut i = q;
        while i < c.len() {
            if is_word(c[i]) {
                let Some(next) = self.trie.step(at, phonetic(c[i])) else { return };
                at = next;
                i += 1;
                let values = self.trie.values(at);
                if values.is_empty() || c.get(i).is_some_and(|n| is_word(*n)) {
                    continue;
                }
                let best = values
                    .iter()
                    .filter_map(|&v| self.score(v as usize, f, original, base, q, i, clitic).map(|s| (v as usize, s)))
                    .max_by(|a, b| a.1.total_cmp(&b.1));
                if let Some((name, score)) = best {
                    let plus = self.names[name].plus && c.get(i) == Some(&'+');
                    found.push(Found { start: q, end: i + plus as usize, name, score });
                }
            } else if is_joiner(c[i]) && i > q && c.get(i + 1).is_some_and(|n| is_word(*n)) {
                i += 1;
            } else {
                return;
            }
        }
    }

    /// The score of name `v` for folded `q..end`, if it may match there.
    #[allow(clippy::too_many_arguments)]
    fn score(&self, v: usize, f: &Folded, original: &[char], base: usize, q: usize, end: usize, clitic: bool) -> Option<f32> {
        let name = &self.names[v];
        let long = name.letters.len() >= 4;
        if clitic && !long {
            return None;
        }
        let first = original[f.to_original[q] - base];
        if name.capital && first.is_lowercase() {
            return None;
        }
        let run = &f.chars[q..end];
        let same_letters = run.iter().filter(|c| is_word(**c)).eq(name.letters.iter());
        let spelling = if !same_letters {
            if !long {
                return None;
            }
            0.6
        } else if run != name.folded.as_slice() {
            0.8
        } else if original[f.to_original[q] - base..=f.to_original[end - 1] - base] == name.raw[..] {
            1.0
        } else {
            0.9
        };
        Some(name.part.weight() * spelling)
    }
}

/// `span` widened to whole grapheme clusters (a name's last letter keeps its harakat); the text's
/// grapheme search runs only where the neighbours leave a doubt. `original` is the text from `base`.
pub(super) fn whole_graphemes(text: &TextIndex, span: Span, original: &[char], base: usize) -> Span {
    let plain = |c: Option<&char>| c.is_none_or(|c| c.is_ascii() || c.is_whitespace() || matches!(c, '،' | '؛' | '؟'));
    let before = span.start.0.checked_sub(base + 1).and_then(|i| original.get(i));
    let start = if plain(before) || before.is_some_and(|c| ('\u{0620}'..='\u{064A}').contains(c) || ('\u{05D0}'..='\u{05EA}').contains(c)) {
        span.start
    } else {
        text.grapheme_floor(span.start)
    };
    let end = if plain(original.get(span.end.0 - base)) { span.end } else { text.grapheme_ceil(span.end) };
    Span { start, end }
}

/// The link of the source nearest to `at`.
pub(super) fn nearest(sources: &[(usize, Link)], at: usize) -> Link {
    let i = sources.partition_point(|s| s.0 < at);
    let before = i.checked_sub(1).map(|j| (at - sources[j].0, j));
    let after = sources.get(i).map(|s| (s.0 - at, i));
    let j = match (before, after) {
        (Some(b), Some(a)) => {
            if a.0 < b.0 {
                a.1
            } else {
                b.1
            }
        }
        (Some(b), None) => b.1,
        (None, Some(a)) => a.1,
        (None, None) => unreachable!("a name has a source"),
    };
    sources[j].1.clone()
}

/// Where a name may start in `w` (a word onwards): at once, or after an Arabic proclitic chain
/// ((و|ف)? (ب|ل|ك)? (ال)?, or (و|ف)? لل) or a Hebrew one ((ו)? (ש)? (ה|ב|כ|ל|מ)?). Fills `out`.
fn proclitics(w: &[char], out: &mut Vec<usize>) {
    out.clear();
    out.push(0);
    let is = |i: usize, set: &[char]| w.get(i).is_some_and(|c| set.contains(c));
    let add = |k: usize, out: &mut Vec<usize>| {
        if !out.contains(&k) {
            out.push(k);
        }
    };
    if !is(0, &['و', 'ف', 'ب', 'ل', 'ك', 'ا', 'ו', 'ש', 'ה', 'ב', 'כ', 'ל', 'מ']) {
        return;
    }
    for i in [0, 1].into_iter().filter(|&i| i == 0 || is(0, &['و', 'ف'])) {
        for j in [i, i + 1].into_iter().filter(|&j| j == i || is(i, &['ب', 'ل', 'ك'])) {
            add(j, out);
            if is(j, &['ا']) && is(j + 1, &['ل']) {
                add(j + 2, out);
            }
        }
        if is(i, &['ل']) && is(i + 1, &['ل']) {
            add(i + 2, out);
        }
    }
    for i in [0, 1].into_iter().filter(|&i| i == 0 || is(0, &['ו'])) {
        for j in [i, i + 1].into_iter().filter(|&j| j == i || is(i, &['ש'])) {
            add(j, out);
            if is(j, &['ה', 'ב', 'כ', 'ל', 'מ']) {
                add(j + 1, out);
            }
        }
    }
}

/// The folded word lists.
struct Words {
    common: HashSet<String>,
    titles: HashSet<String>,
    particles: HashSet<String>,
}

/// The names an actor span's text gives: (text, folded text, part). `kind`: of the actor it names.
fn parts(text: &str, kind: Option<ActorKind>, lists: &Words) -> Vec<(Vec<char>, Vec<char>, Part)> {
    let Words { common, titles, particles } = lists;
    let original: Vec<char> = text.chars().collect();
    let f = Folded::new(text);
    let c = &f.chars;
    let (Some(first), Some(last)) = (c.iter().position(|c| is_word(*c)), c.iter().rposition(|c| is_word(*c))) else { return Vec::new() };
    if c[first..=last].iter().any(|c| !is_word(*c) && !is_joiner(*c)) {
        return Vec::new();
    }
    // Words as folded ranges.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = first;
    while i <= last {
        let start = i;
        while i <= last && is_word(c[i]) {
            i += 1;
        }
        words.push((start, i));
        while i <= last && !is_word(c[i]) {
            i += 1;
        }
    }
    let word = |w: usize| c[words[w].0..words[w].1].iter().collect::<String>();
    let from = |w: usize, part: Part| (original[f.to_original[words[w].0]..=f.to_original[last]].to_vec(), c[words[w].0..=last].to_vec(), part);
    let mut out = Vec::new();
    let letters = c[first..=last].iter().filter(|c| is_word(**c)).count();
    if letters < 2 || (words.len() == 1 && common.contains(&word(0))) {
        return out;
    }
    out.push(from(0, Part::Full));
    let n = words.len();
    let cased_word = |w: usize| original[f.to_original[words[w].0]];
    let lower_word = (0..n).any(|w| cased_word(w).is_lowercase() && !particles.contains(&word(w)));
    let capitalised = (0..n).any(|w| cased_word(w).is_uppercase());
    if kind == Some(ActorKind::Organization) || n < 2 || (capitalised && lower_word) {
        return out;
    }
    let core = (0..n).find(|&w| !titles.contains(&word(w))).unwrap_or(n);
    let article = |w: usize| word(w).starts_with("ال");
    // The article on a person's first word, written or not ("الأمير عبد اللهيان", "أمير عبد …").
    if article(0) && word(0).chars().count() >= 5 && core == 0 && !article(1) {
        let at = words[0].0 + 2;
        out.push((original[f.to_original[at]..=f.to_original[last]].to_vec(), c[at..=last].to_vec(), Part::Full));
    }
    // What comes before a patronymic ("الأمير عبد العزيز" of "الأمير عبد العزيز بن سلمان").
    let patronymic = ["بن", "ابن", "bin", "ibn", "בן"].map(super::fold::fold);
    if let Some(w) = (2..n - 1).find(|&w| patronymic.contains(&word(w))).filter(|&w| !common.contains(&word(w - 1))) {
        let end = words[w - 1].1 - 1;
        out.push((original[f.to_original[words[0].0]..=f.to_original[end]].to_vec(), c[words[0].0..=end].to_vec(), Part::Tail));
    }
    for w in core.max(1)..n - 1 {
        if !common.contains(&word(w)) && !(w..n).all(article) {
            out.push(from(w, Part::Tail));
        }
    }
    let surname = word(n - 1);
    // An Arabic word with the article is a surname only of a person and after a given name ("بشار
    // الأسد"), not after a title or another such word ("وزير الخارجية", "مجلس الأمن").
    let described = article(n - 1) && (kind != Some(ActorKind::Person) || n - 2 < core || article(n - 2));
    if core < n && surname.chars().count() >= 4 && !common.contains(&surname) && !particles.contains(&surname) && !described {
        out.push(from(n - 1, Part::Surname));
    }
    out
}

/// Every other mention of the actors the article's actor spans name.
pub fn suggest(ws: &Workspace) -> Vec<Suggestion> {
    let mentions = Mentions::new(ws);
    mentions.find(ws, Span::new(0, ws.article.text.char_len()))
}

#[cfg(test)]
#[path = "mentions_tests.rs"]
pub(crate) mod tests;
