//! Fact-checking on top of spans: actors (people and organisations named by several spans),
//! who said each quote or made each claim, claim reviews, article metadata and the checker's
//! settings. Pure data and queries; the reducer in `state.rs` changes them.

use super::annotation::{Annotation, AnnotationId};
use super::text::{Span, TextIndex};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// The label ids that carry a fact-checking meaning.
pub const CLAIM: &str = "claim";
pub const QUOTE: &str = "quote";
pub const ACTOR: &str = "actor";

/// An actor's stable id (a UUID made at the edge).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActorId(pub String);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    #[default]
    Person,
    Organization,
}

impl ActorKind {
    pub const ALL: [ActorKind; 2] = [ActorKind::Person, ActorKind::Organization];
    /// The schema.org (and FOAF) type name.
    pub fn type_name(self) -> &'static str {
        match self {
            ActorKind::Person => "Person",
            ActorKind::Organization => "Organization",
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            ActorKind::Person => "Person",
            ActorKind::Organization => "Organisation",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A person or organisation, named by any number of actor spans (its mentions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub id: ActorId,
    /// The name shown everywhere, whatever the spans say.
    pub name: String,
    pub kind: ActorKind,
}

/// What an annotation adds for fact-checking. Which field means what depends on the label:
/// an actor span names `actor`; a quote or claim is `said_by` someone; a claim has a `review`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    pub actor: Option<ActorId>,
    pub said_by: Option<ActorId>,
    pub review: Option<Rc<Review>>,
}

impl Facts {
    pub fn is_empty(&self) -> bool {
        self.actor.is_none() && self.said_by.is_none() && self.review.is_none()
    }
    pub fn refers_to(&self, actor: &ActorId) -> bool {
        self.actor.as_ref() == Some(actor) || self.said_by.as_ref() == Some(actor)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    ToCheck,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::ToCheck, Status::InProgress, Status::Done];
    pub fn name(self) -> &'static str {
        match self {
            Status::ToCheck => "To check",
            Status::InProgress => "In progress",
            Status::Done => "Done",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Status::ToCheck => "to_check",
            Status::InProgress => "in_progress",
            Status::Done => "done",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Kinds of claim, as fact-checkers sort them (`key`, shown name).
pub const CLAIM_TYPES: [(&str, &str); 6] = [
    ("quantity", "Quantity"),
    ("prediction", "Prediction"),
    ("causation", "Causation"),
    ("law", "Law or rule"),
    ("experience", "Personal experience"),
    ("other", "Other"),
];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub url: String,
    #[serde(default)]
    pub title: String,
}

/// The review of one claim.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// A verdict's name from the scale in [`Settings`]; `None` until decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// A key of [`CLAIM_TYPES`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_type: Option<String>,
    #[serde(default)]
    pub status: Status,
    /// Where the review is published, if it is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// When the review was published (`YYYY-MM-DD`); the export uses the last edit's date if empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
}

impl Review {
    /// The parts whose change is a decision (one undo step each), not typing.
    fn decisions(&self) -> (&Option<String>, Status, &Option<String>, usize) {
        (&self.verdict, self.status, &self.claim_type, self.evidence.len())
    }
}

/// Whether going from `before` to `after` is typing in a text field (merged into one undo step).
pub fn review_edit_is_typing(before: Option<&Review>, after: Option<&Review>) -> bool {
    match (before, after) {
        (Some(b), Some(a)) => b.decisions() == a.decisions(),
        _ => false,
    }
}

/// One step of the verdict scale; `rating` is its place on a numeric scale (higher is truer),
/// `None` for verdicts off the scale such as "Unverifiable".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u32>,
}

pub fn default_verdicts() -> Vec<Verdict> {
    let rated = ["True", "Mostly true", "Half true", "Mostly false", "False"];
    let n = rated.len() as u32;
    let mut scale: Vec<Verdict> = rated.iter().enumerate().map(|(i, name)| Verdict { name: (*name).into(), rating: Some(n - i as u32) }).collect();
    scale.push(Verdict { name: "Unverifiable".into(), rating: None });
    scale
}

/// Builds a scale from names, best first; `unrated` names come after, off the numeric scale.
pub fn scale_from_names(rated: &[String], unrated: &[String]) -> Vec<Verdict> {
    let clean = |v: &[String]| v.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect::<Vec<_>>();
    let rated = clean(rated);
    let n = rated.len() as u32;
    let mut scale: Vec<Verdict> = rated.into_iter().enumerate().map(|(i, name)| Verdict { name, rating: Some(n - i as u32) }).collect();
    scale.extend(clean(unrated).into_iter().map(|name| Verdict { name, rating: None }));
    scale
}

/// Who checks: written as the `author` of every ClaimReview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    #[serde(default)]
    pub organisation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation_url: String,
    pub verdicts: Vec<Verdict>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { organisation: String::new(), organisation_url: String::new(), verdicts: default_verdicts() }
    }
}

impl Settings {
    pub fn verdict(&self, name: &str) -> Option<&Verdict> {
        self.verdicts.iter().find(|v| v.name == name)
    }
    /// The best and worst ratings of the numeric scale, if it has one.
    pub fn rating_range(&self) -> Option<(u32, u32)> {
        let ratings = self.verdicts.iter().filter_map(|v| v.rating);
        Some((ratings.clone().max()?, ratings.min()?))
    }
}

/// What an article is, entered once and used by every export.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMeta {
    /// Overrides the title the article came with, when not empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date_published: String,
}

/// An actor a quote or claim can be linked to, or a mention can join: an existing actor, an actor
/// span that names no actor yet (one is made for it, named by its text), or a new actor by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActorPick {
    Actor(ActorId),
    Mention { mention: AnnotationId, new_id: ActorId },
    New(Actor),
}

/// One entry of the actor list: a known actor with its mentions, or an actor span on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorEntry {
    pub actor: Option<Actor>,
    /// The actor's name; empty for a loose span (see [`ActorEntry::display_name`]).
    name: String,
    pub kind: ActorKind,
    /// Actor spans naming it, in text order.
    pub mentions: Vec<AnnotationId>,
    /// Quotes and claims linked to it.
    pub said: Vec<AnnotationId>,
    /// The first mention's span.
    first: Option<Span>,
    spans: Vec<Span>,
}

impl ActorEntry {
    /// The actor's name, or for a loose actor span its text.
    pub fn display_name(&self, text: &TextIndex) -> String {
        match (&self.actor, self.first) {
            (Some(a), _) => a.name.clone(),
            (None, Some(span)) => text.slice(span).unwrap_or_default().to_string(),
            (None, None) => String::new(),
        }
    }

    /// How far the closest mention is from `span`, in code points (`usize::MAX` with none).
    pub fn distance(&self, span: Span) -> usize {
        self.spans
            .iter()
            .map(|m| if m.end <= span.start { span.start.0 - m.end.0 } else if m.start >= span.end { m.start.0 - span.end.0 } else { 0 })
            .min()
            .unwrap_or(usize::MAX)
    }

    /// How to pick this entry: by id, or by its only mention (which then becomes an actor).
    pub fn pick(&self, new_id: ActorId) -> ActorPick {
        match (&self.actor, self.mentions.first()) {
            (Some(a), _) => ActorPick::Actor(a.id.clone()),
            (None, Some(m)) => ActorPick::Mention { mention: m.clone(), new_id },
            (None, None) => unreachable!("an entry is an actor or a mention"),
        }
    }

    /// Where mention `id` is (mentions and their spans are kept side by side).
    pub fn mention_span(&self, id: &AnnotationId) -> Option<Span> {
        self.mentions.iter().position(|m| m == id).and_then(|i| self.spans.get(i).copied())
    }

    /// The annotation to show for it: its first mention.
    pub fn first_mention(&self) -> Option<&AnnotationId> {
        self.mentions.first()
    }
    pub fn first_span(&self) -> Option<Span> {
        self.first
    }
}

/// Whether an edit that removed `gone` and added `came` (see [`super::annotation::differing`]) can
/// change the actor entries: only actor spans and linked quotes or claims show there.
pub fn touches_actors(gone: &[Rc<Annotation>], came: &[Rc<Annotation>]) -> bool {
    gone.iter().chain(came).any(|a| a.label.0 == ACTOR || a.facts.said_by.is_some())
}

/// Every actor with its mentions and what it said, then actor spans that name no actor yet;
/// in order of first appearance in the text (actors never mentioned come last). A loose span's
/// name is its text, cut only when shown ([`ActorEntry::display_name`]): long articles have thousands.
pub fn actor_entries(actors: &[Actor], annotations: &[Rc<Annotation>]) -> Vec<ActorEntry> {
    let mut entries: Vec<ActorEntry> = actors
        .iter()
        .map(|a| ActorEntry { actor: Some(a.clone()), name: a.name.clone(), kind: a.kind, mentions: vec![], said: vec![], first: None, spans: vec![] })
        .collect();
    let index: std::collections::HashMap<&ActorId, usize> = actors.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
    let mut loose = Vec::new();
    for a in annotations {
        if let Some(i) = a.facts.said_by.as_ref().and_then(|id| index.get(id)) {
            entries[*i].said.push(a.id.clone());
        }
        if a.label.0 != ACTOR {
            continue;
        }
        match a.facts.actor.as_ref().and_then(|id| index.get(id)) {
            Some(i) => {
                let e = &mut entries[*i];
                e.mentions.push(a.id.clone());
                e.first.get_or_insert(a.span);
                e.spans.push(a.span);
            }
            None => loose.push(ActorEntry {
                actor: None,
                name: String::new(),
                kind: ActorKind::Person,
                mentions: vec![a.id.clone()],
                said: vec![],
                first: Some(a.span),
                spans: vec![a.span],
            }),
        }
    }
    entries.extend(loose);
    entries.sort_by_key(|e| e.first.map_or(usize::MAX, |s| s.start.0));
    entries
}

/// The entries to offer when linking something at `near` whose name contains `query` (any case):
/// closest mention first, then in text order.
pub fn suggestions(mut entries: Vec<ActorEntry>, near: Span, query: &str, text: &TextIndex) -> Vec<ActorEntry> {
    let q = query.trim().to_lowercase();
    if !q.is_empty() {
        entries.retain(|e| e.display_name(text).to_lowercase().contains(&q));
    }
    entries.sort_by_cached_key(|e| (e.distance(near), e.first.map_or(usize::MAX, |s| s.start.0)));
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{LabelId, Timestamp};

    fn ann(id: &str, start: usize, end: usize, label: &str, facts: Facts) -> Annotation {
        Annotation {
            id: AnnotationId(id.into()),
            span: Span::new(start, end),
            label: LabelId(label.into()),
            note: String::new(),
            created: Timestamp("t".into()),
            modified: Timestamp("t".into()),
            facts,
        }
    }

    #[test]
    fn the_default_scale_runs_from_true_to_false_with_unverifiable_off_it() {
        let s = Settings::default();
        assert_eq!(s.verdict("True").unwrap().rating, Some(5));
        assert_eq!(s.verdict("False").unwrap().rating, Some(1));
        assert_eq!(s.verdict("Unverifiable").unwrap().rating, None);
        assert_eq!(s.rating_range(), Some((5, 1)));
        let custom = scale_from_names(&["Correct".into(), " ".into(), "Wrong".into()], &["Satire".into()]);
        assert_eq!(custom.iter().map(|v| (v.name.as_str(), v.rating)).collect::<Vec<_>>(), [("Correct", Some(2)), ("Wrong", Some(1)), ("Satire", None)]);
    }

    #[test]
    fn actors_list_their_mentions_and_loose_spans_stand_alone() {
        let minister = Actor { id: ActorId("m".into()), name: "Amir-Abdollahian".into(), kind: ActorKind::Person };
        let said = Facts { said_by: Some(minister.id.clone()), ..Default::default() };
        let named = Facts { actor: Some(minister.id.clone()), ..Default::default() };
        let anns: Vec<Rc<Annotation>> = vec![
            ann("a", 0, 5, ACTOR, named.clone()),
            ann("q", 10, 20, QUOTE, said),
            ann("b", 30, 35, ACTOR, Facts::default()),
            ann("c", 50, 55, ACTOR, named),
        ]
        .into_iter()
        .map(Rc::new)
        .collect();
        let text = TextIndex::new("0123456789".repeat(6));
        let entries = actor_entries(&[minister], &anns);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].display_name(&text), "Amir-Abdollahian");
        assert_eq!(entries[0].mentions, [AnnotationId("a".into()), AnnotationId("c".into())]);
        assert_eq!(entries[0].said, [AnnotationId("q".into())]);
        assert_eq!(entries[1].display_name(&text), "01234");
        let near_b = suggestions(entries.clone(), Span::new(36, 40), "", &text);
        assert_eq!(near_b[0].display_name(&text), "01234", "the closest mention comes first");
        assert_eq!(suggestions(entries.clone(), Span::new(36, 40), "AMIR", &text).len(), 1);
        assert_eq!(suggestions(entries, Span::new(36, 40), "123", &text).len(), 1, "loose spans are found by their text");
    }

    #[test]
    fn only_edits_of_actor_spans_and_links_change_the_actor_list() {
        use crate::model::annotation::differing;
        let minister = Actor { id: ActorId("m".into()), name: "Lavrov".into(), kind: ActorKind::Person };
        let actors = [minister.clone()];
        let named = Facts { actor: Some(minister.id.clone()), ..Default::default() };
        let said = Facts { said_by: Some(minister.id.clone()), ..Default::default() };
        let base: Vec<Rc<Annotation>> = vec![Rc::new(ann("a", 0, 5, ACTOR, named)), Rc::new(ann("c", 10, 15, CLAIM, Facts::default()))];
        let with = |extra: Annotation| {
            let mut v = base.clone();
            v.push(Rc::new(extra));
            v.sort_by(|x, y| crate::model::annotation::text_order(x, y));
            v
        };
        for (edit, changes) in [
            (with(ann("d", 20, 25, CLAIM, Facts::default())), false),
            (with(ann("q", 20, 25, QUOTE, Facts::default())), false),
            (with(ann("q", 20, 25, QUOTE, said)), true),
            (with(ann("b", 20, 25, ACTOR, Facts::default())), true),
        ] {
            let (gone, came) = differing(&base, &edit);
            assert_eq!(touches_actors(&gone, &came), changes);
            if !changes {
                assert_eq!(actor_entries(&actors, &base), actor_entries(&actors, &edit), "an edit said not to matter left the list as it was");
            }
        }
    }

    #[test]
    fn typing_in_a_review_is_told_apart_from_a_decision() {
        let r = Review { text: "a".into(), ..Default::default() };
        let typed = Review { text: "ab".into(), ..r.clone() };
        let decided = Review { verdict: Some("False".into()), ..r.clone() };
        assert!(review_edit_is_typing(Some(&r), Some(&typed)));
        assert!(!review_edit_is_typing(Some(&r), Some(&decided)));
        assert!(!review_edit_is_typing(None, Some(&r)));
    }
}
