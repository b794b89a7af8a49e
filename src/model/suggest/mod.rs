//! Suggestions: spans the app proposes from rules and from what the user already labelled, for
//! the user to accept or reject by key. Pure: computed from the workspace, never saved as
//! annotations; what the user rejected is remembered apart (`Memory`) so it does not come back.
//!
//! Four kinds, each in its own module: other mentions of a labelled actor (`mentions`, through
//! the letter folding of `fold` and the given names of `given`), text between paired quotation
//! marks (`quotes`), the clause a speech verb reports (`speech`), and identical spans of a
//! labelled one (`same_label`). The two rule-based kinds share `scan` (the text scanned once:
//! tokens, quotation-mark pairs, sentence ends at each level of nesting) and `words` (normalised
//! spellings and the lexicons).

pub mod fold;
mod given;
mod index;
pub mod mentions;
pub mod quotes;
pub mod same_label;
mod scan;
pub mod speech;
mod words;

use super::actors::ActorPick;
use super::annotation::AnnotationId;
use super::labels::LabelId;
use super::text::Span;
use super::workspace::Workspace;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// What a suggestion is, so that each kind can be switched off and accepted all at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Another mention of an actor already labelled (the same name, another spelling, the surname).
    ActorMention,
    /// Text between paired quotation marks.
    Quotation,
    /// The clause a speech verb reports ("قال إن …", "said that …").
    ReportedSpeech,
    /// A span identical to one already labelled, with that label.
    SameLabel,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::ActorMention, Kind::Quotation, Kind::ReportedSpeech, Kind::SameLabel];

    /// One suggestion of this kind, in the interface (English; the view translates it).
    pub fn one_name(self) -> &'static str {
        match self {
            Kind::ActorMention => "Actor mention",
            Kind::Quotation => "Quotation",
            Kind::ReportedSpeech => "Reported speech",
            Kind::SameLabel => "Same label again",
        }
    }

    /// Its name in the interface (English; the view translates it).
    pub fn name(self) -> &'static str {
        match self {
            Kind::ActorMention => "Actor mentions",
            Kind::Quotation => "Quotations",
            Kind::ReportedSpeech => "Reported speech",
            Kind::SameLabel => "Same label again",
        }
    }
}

/// Who a suggestion links to when accepted: the actor an existing actor span names (or that span
/// itself, when it names no actor yet: accepting makes one for both).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    Actor(super::facts::ActorId),
    Mention(AnnotationId),
}

/// One proposed span.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub span: Span,
    pub label: LabelId,
    pub kind: Kind,
    /// For an actor mention: the actor it names (it joins that actor when accepted).
    pub names: Option<Link>,
    /// For reported speech: who said it (the nearest actor mention).
    pub said_by: Option<Link>,
    /// Higher first among suggestions of one kind: exact repeats above other spellings.
    pub score: f32,
}

impl Suggestion {
    /// The key a rejection is remembered by.
    pub fn key(&self) -> Key {
        Key { start: self.span.start.0, end: self.span.end.0, label: self.label.clone() }
    }
}

/// A suggestion's place and label: what a rejection remembers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Key {
    pub start: usize,
    pub end: usize,
    pub label: LabelId,
}

/// What the user told the suggester about one article: what they rejected (never proposed again)
/// and how often they accepted proposals of each label (to rank "same label again").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    #[serde(default)]
    pub rejected: HashSet<Key>,
    #[serde(default)]
    pub accepted: HashMap<LabelId, u32>,
}

/// Which kinds are on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub kinds: HashSet<Kind>,
}

impl Default for Options {
    fn default() -> Self {
        Options { kinds: Kind::ALL.into_iter().collect() }
    }
}

/// Every suggestion for `ws`, in text order (by start, then longer first), without those the
/// user rejected and without spans already annotated with that label. Where two kinds propose
/// the same span and label, the first kind of [`Kind::ALL`] keeps it, with the links only a later
/// one gives (a quotation that a speech verb reports gets its speaker).
pub fn suggest(ws: &Workspace, options: &Options, memory: &Memory) -> Vec<Suggestion> {
    Suggester::new(ws, options, memory).within(ws, options, memory, Span::new(0, ws.article.text.char_len()))
}

/// What every range of one pass shares, built once from the annotations: the names to look for,
/// the labelled spans to copy, the speakers, and which spans are annotated already. Used with the
/// workspace, kinds and memory it was made from.
pub struct Suggester {
    mentions: Option<mentions::Mentions>,
    same: Option<same_label::SameLabel>,
    speakers: Option<speech::Speakers>,
    existing: HashSet<(usize, usize, LabelId)>,
    /// The names' and the labelled spans' indexes while they are being built.
    naming: Option<mentions::Building>,
    building: Option<same_label::Building>,
    /// How many of the indexes [`Suggester::build`] has built.
    built: u8,
}

/// How many annotations one call of [`Suggester::build`] adds to the names' or the labelled
/// spans' index.
const SHARE: usize = 2_500;

impl Suggester {
    pub fn new(ws: &Workspace, options: &Options, memory: &Memory) -> Suggester {
        let mut s = Suggester::empty(ws);
        while !s.build(ws, options, memory) {}
        s
    }

    /// A suggester with no index built yet: [`Suggester::build`] builds them one at a time, so that
    /// a pass over a long article builds each in a task of its own.
    pub fn empty(ws: &Workspace) -> Suggester {
        let existing = ws.annotations.iter().map(|a| (a.span.start.0, a.span.end.0, a.label.clone())).collect();
        Suggester { mentions: None, same: None, speakers: None, existing, naming: None, building: None, built: 0 }
    }

    /// Builds the next index, or part of it (the names and the labelled spans, a few thousand
    /// annotations at a time each; the speakers; a kind that is off builds nothing); true once every
    /// one is built.
    pub fn build(&mut self, ws: &Workspace, options: &Options, memory: &Memory) -> bool {
        let on = |k| options.kinds.contains(&k);
        match self.built {
            0 if on(Kind::ActorMention) => {
                let building = self.naming.get_or_insert_with(Default::default);
                if building.add(ws, SHARE) {
                    self.mentions = self.naming.take().map(mentions::Building::finish);
                    self.built = 1;
                }
            }
            0 => self.built = 1,
            1 if on(Kind::SameLabel) => {
                let building = self.building.get_or_insert_with(Default::default);
                if building.add(ws, SHARE) {
                    self.same = self.building.take().map(|b| b.finish(memory));
                    self.built = 2;
                }
            }
            1 => self.built = 2,
            2 => {
                self.speakers = on(Kind::ReportedSpeech).then(|| speech::Speakers::new(ws));
                self.built = 3;
            }
            _ => {}
        }
        self.is_built()
    }

    pub fn is_built(&self) -> bool {
        self.built >= 3
    }

    /// [`suggest`] for the suggestions inside `range` (whole paragraphs), each kind scanning only
    /// that part of the text (quotations and reported speech through one [`scan::Scan`]).
    fn within(&self, ws: &Workspace, options: &Options, memory: &Memory, range: Span) -> Vec<Suggestion> {
        let mut all = Vec::new();
        if let Some(m) = &self.mentions {
            all.extend(m.find(ws, range));
        }
        let (quotes_on, speakers) = (options.kinds.contains(&Kind::Quotation), self.speakers.as_ref());
        if let Some(text) = ws.article.text.slice(range).filter(|_| quotes_on || speakers.is_some()) {
            let scan = scan::Scan::new(text);
            if quotes_on {
                all.extend(quotes::from_scan(ws, &scan, range.start.0));
            }
            if let Some(speakers) = speakers {
                all.extend(speech::from_scan(ws, &scan, range.start.0, speakers));
            }
        }
        if let Some(same) = &self.same {
            all.extend(same.find(ws, range));
        }
        let mut first: HashMap<Key, usize> = HashMap::new();
        let mut kept: Vec<Suggestion> = Vec::new();
        for s in all
            .into_iter()
            .filter(|s| !self.existing.contains(&(s.span.start.0, s.span.end.0, s.label.clone())))
            .filter(|s| !memory.rejected.contains(&s.key()))
        {
            match first.get(&s.key()) {
                Some(&i) => {
                    let k = &mut kept[i];
                    k.said_by = k.said_by.take().or(s.said_by);
                    k.names = k.names.take().or(s.names);
                }
                None => {
                    first.insert(s.key(), kept.len());
                    kept.push(s);
                }
            }
        }
        // By start, then longer first, then kind, and in the order found (through the one sort
        // instantiation of `index::sort_keys`).
        let mut order: Vec<(u64, u32)> = kept
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (index::field(s.span.start.0, (1 << 31) - 1) << 33 | ((1 << 31) - 1 - index::field(s.span.end.0, (1 << 31) - 1)) << 2 | s.kind as u64, i as u32)
            })
            .collect();
        index::sort_keys(&mut order);
        let mut kept: Vec<Option<Suggestion>> = kept.into_iter().map(Some).collect();
        order.into_iter().filter_map(|(_, i)| kept[i as usize].take()).collect()
    }

    /// The suggestions of [`suggest`] that start in `paragraphs` (indexes into the article's
    /// paragraphs; a suggestion starting in the line breaks after the last belongs to it), in the
    /// same order, so that a long article is computed a few paragraphs at a time ([`pass::Pass`])
    /// and the lists of consecutive ranges, joined, are the whole list.
    pub fn suggest_in(&self, ws: &Workspace, options: &Options, memory: &Memory, paragraphs: std::ops::Range<usize>) -> Vec<Suggestion> {
        let (from, to) = pass::bounds(&ws.article.text, &paragraphs);
        self.within(ws, options, memory, Span::new(from, to)).into_iter().filter(|s| from <= s.span.start.0 && s.span.start.0 < to).collect()
    }
}

/// The pick that links an accepted suggestion to its actor (see [`Link`]).
pub fn pick(link: &Link, new_id: super::facts::ActorId) -> ActorPick {
    match link {
        Link::Actor(id) => ActorPick::Actor(id.clone()),
        Link::Mention(m) => ActorPick::Mention { mention: m.clone(), new_id },
    }
}

// Reviewing suggestions (moving between them, accepting, rejecting, what is remembered) and
// computing them a few paragraphs at a time, for the app.
pub mod pass;
pub mod review;
pub mod stored;

/// [`Suggester::suggest_in`] with a suggester made for this one range (a pass makes one for all
/// of its ranges).
pub fn suggest_in(ws: &Workspace, options: &Options, memory: &Memory, paragraphs: std::ops::Range<usize>) -> Vec<Suggestion> {
    Suggester::new(ws, options, memory).suggest_in(ws, options, memory, paragraphs)
}
