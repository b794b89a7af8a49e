//! Same label again: spans identical to a labelled one, proposed with its label (INCEpTION's
//! string matcher), ranked by how often the user accepted such proposals.
//!
//! Identical means the same folded text (see [`fold`](super::fold): harakat, letter variants, case
//! and accents aside), of at least two letters, within one paragraph. A labelled span that starts
//! (ends) at a word's edge matches only at a word's edge: "فلسطين" is not found in "الفلسطيني"
//! nor "Gaza" in "Gazan"; one that starts inside a word ("لافروف" of "ولافروف") matches inside any. Spans overlapping an annotation of the same label are not proposed, nor two
//! overlapping spans with one label (the longer wins). An actor span's copies link to its actor.
//!
//! Score: the share of that label among the spans of that text (a text labelled twice as a claim
//! and once as a quote gives claims ⅔ of it), times `(1 + a) / (2 + a)` where `a` is how many
//! proposals of that label the user accepted: ½ at first, rising towards 1.

use super::fold::{is_word, Folded};
use super::index::{field, sort_keys, widened, Slicer, SpanSet, Trie, ROOT};
use super::mentions::{nearest, whole_graphemes};
use super::{Kind, Link, Memory, Suggestion};
use crate::model::facts::ACTOR;
use crate::model::labels::LabelId;
use crate::model::text::{CharOffset, Span};
use crate::model::workspace::Workspace;
use std::collections::HashMap;

/// How deep the trie goes: longer texts are told apart by comparing the rest.
const DEPTH: usize = 12;

struct Entry {
    folded: Vec<char>,
    /// Its label's place in `SameLabel::labels`.
    label: usize,
    /// Whether a copy must start (end) at a word's edge, as the labelled span does.
    edge_start: bool,
    edge_end: bool,
    score: f32,
    /// For an actor span: where each labelled copy starts and what it links to, by start.
    sources: Vec<(usize, Link)>,
}

/// The labelled texts of an article, ready to be looked for in any part of its text.
pub struct SameLabel {
    entries: Vec<Entry>,
    trie: Trie,
    labels: Vec<LabelId>,
    /// The spans of each label.
    labelled: Vec<SpanSet>,
    /// Some labelled span starts inside a word: every place is a possible start.
    inside_words: bool,
}

/// Whether folded `c` has a word's edge before index `i`.
fn edge(c: &[char], i: usize) -> bool {
    i == 0 || i == c.len() || !is_word(c[i - 1]) || !is_word(c[i])
}

/// A [`SameLabel`] being built, some of the annotations at a time (a pass builds a long
/// article's in a few tasks).
#[derive(Default)]
pub struct Building {
    entries: Vec<Entry>,
    /// Each folded text → the entries made of it (one per label), with how many spans each has.
    by_text: HashMap<String, Vec<(usize, u32)>>,
    labels: Vec<LabelId>,
    spans: Vec<Vec<Span>>,
    /// The first annotation not added yet.
    next: usize,
}

impl Building {
    /// Adds up to `n` more of the annotations; true once every one is in.
    pub fn add(&mut self, ws: &Workspace, n: usize) -> bool {
        let text = &ws.article.text;
        let Building { entries, by_text, labels, spans, next } = self;
        let to = next.saturating_add(n).min(ws.annotations.len());
        let mut key = String::new();
        let mut slicer = Slicer::new(text);
        for a in ws.annotations[*next..to].iter() {
            let label = match labels.iter().position(|l| l == &a.label) {
                Some(i) => i,
                None => {
                    labels.push(a.label.clone());
                    spans.push(Vec::new());
                    labels.len() - 1
                }
            };
            spans[label].push(a.span);
            // The span with a few characters either side, to tell whether it starts and ends at a word's edge.
            let wide = widened(text, a.span, 4);
            let Some(around) = slicer.slice(wide) else { continue };
            let f = Folded::at(around, wide.start.0);
            let (Some(s), Some(e)) = (f.to_original.iter().position(|&o| o >= a.span.start.0), f.to_original.iter().rposition(|&o| o < a.span.end.0)) else {
                continue;
            };
            let folded = &f.chars[s..=e];
            if folded.iter().filter(|c| is_word(**c)).count() < 2 || folded.contains(&'\n') {
                continue;
            }
            key.clear();
            key.extend(folded);
            let same_text = match by_text.get_mut(&key) {
                Some(v) => v,
                None => by_text.entry(key.clone()).or_default(),
            };
            let at = match same_text.iter_mut().find(|(at, _)| entries[*at].label == label) {
                Some((at, count)) => {
                    *count += 1;
                    *at
                }
                None => {
                    let (edge_start, edge_end) = (edge(&f.chars, s), edge(&f.chars, e + 1));
                    entries.push(Entry { folded: folded.to_vec(), label, edge_start, edge_end, score: 0.0, sources: Vec::new() });
                    same_text.push((entries.len() - 1, 1));
                    entries.len() - 1
                }
            };
            if a.label.0 == ACTOR {
                let link = match &a.facts.actor {
                    Some(id) => Link::Actor(id.clone()),
                    None => Link::Mention(a.id.clone()),
                };
                entries[at].sources.push((a.span.start.0, link));
            }
        }
        *next = to;
        to == ws.annotations.len()
    }

    /// The index, with each label's score from how often the user accepted its proposals.
    pub fn finish(self, memory: &Memory) -> SameLabel {
        let Building { mut entries, by_text, labels, spans, .. } = self;
        let mut trie = Trie::default();
        for same_text in by_text.into_values() {
            let total: u32 = same_text.iter().map(|(_, count)| count).sum();
            for (at, count) in same_text {
                let entry = &mut entries[at];
                let accepted = memory.accepted.get(&labels[entry.label]).copied().unwrap_or(0) as f32;
                entry.score = count as f32 / total as f32 * (1.0 + accepted) / (2.0 + accepted);
                trie.insert(entry.folded.iter().copied().take(DEPTH), at as u32);
            }
        }
        let inside_words = entries.iter().any(|e| !e.edge_start);
        let labelled = spans.into_iter().map(SpanSet::new).collect();
        SameLabel { entries, trie, labels, labelled, inside_words }
    }
}

impl SameLabel {
    pub fn new(ws: &Workspace, memory: &Memory) -> SameLabel {
        let mut building = Building::default();
        building.add(ws, usize::MAX);
        building.finish(memory)
    }

    /// The copies within `range` of the article's text, in text order. A copy never spans a line
    /// break, so the text can be read a few paragraphs at a time.
    pub fn find(&self, ws: &Workspace, range: Span) -> Vec<Suggestion> {
        let text = &ws.article.text;
        let Some(slice) = text.slice(range).filter(|_| !self.trie.is_empty()) else { return Vec::new() };
        let base = range.start.0;
        let original: Vec<char> = slice.chars().collect();
        let f = Folded::at(slice, base);
        let c = &f.chars;
        let raw_span = |start: usize, end: usize| Span::new(f.to_original[start], f.to_original[end - 1] + 1);
        // (start, end, entry) in folded offsets.
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for p in 0..c.len() {
            let at_edge = edge(c, p);
            if !at_edge && !self.inside_words {
                continue;
            }
            let mut at = ROOT;
            for (depth, &ch) in c[p..].iter().enumerate().take(DEPTH) {
                let Some(next) = self.trie.step(at, ch) else { break };
                at = next;
                for &v in self.trie.values(at) {
                    let e = &self.entries[v as usize];
                    let end = p + e.folded.len();
                    let fits = end <= c.len() && (e.folded.len() == depth + 1 || c[p..end] == e.folded[..]);
                    if fits && (at_edge || !e.edge_start) && (edge(c, end) || !e.edge_end) && !self.labelled[e.label].overlaps(raw_span(p, end)) {
                        found.push((p, end, v as usize));
                    }
                }
            }
        }
        // Longer first, then earlier, then by label.
        let key =
            |&(s, e, v): &(usize, usize, usize)| (0xFFFF - field(e - s, 0xFFFF)) << 48 | field(s, u32::MAX as u64) << 16 | field(self.entries[v].label, 0xFFFF);
        let mut order: Vec<(u64, u32)> = found.iter().enumerate().map(|(i, x)| (key(x), i as u32)).collect();
        sort_keys(&mut order);
        let mut taken: Vec<Vec<bool>> = vec![Vec::new(); self.labels.len()];
        // In text order, and at one start longer first, then by label (the order they are chosen in).
        let mut chosen: Vec<(u64, u32)> = Vec::new();
        for (_, i) in order {
            let (s, e, v) = found[i as usize];
            let entry = &self.entries[v];
            let taken = &mut taken[entry.label];
            if taken.is_empty() {
                taken.resize(c.len(), false);
            }
            if taken[s..e].iter().any(|t| *t) {
                continue;
            }
            taken[s..e].iter_mut().for_each(|t| *t = true);
            chosen.push(((s as u64) << 32 | chosen.len() as u64, i));
        }
        sort_keys(&mut chosen);
        chosen
            .into_iter()
            .map(|(_, i)| {
                let (s, e, v) = found[i as usize];
                let entry = &self.entries[v];
                let span = whole_graphemes(text, raw_span(s, e), &original, base);
                let names = (!entry.sources.is_empty()).then(|| nearest(&entry.sources, span.start.0));
                Suggestion { span, label: self.labels[entry.label].clone(), kind: Kind::SameLabel, names, said_by: None, score: entry.score }
            })
            .collect()
    }
}

/// Every copy of a labelled span, with its label.
pub fn suggest(ws: &Workspace, memory: &Memory) -> Vec<Suggestion> {
    SameLabel::new(ws, memory).find(ws, Span { start: CharOffset(0), end: CharOffset(ws.article.text.char_len()) })
}

#[cfg(test)]
#[path = "same_label_tests.rs"]
mod tests;
