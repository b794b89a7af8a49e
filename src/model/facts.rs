//! Fact-checking data as plain types: actors, what an annotation adds (who it names, who said it,
//! a claim's review), the verdict scale and the checker's settings, the article's details.

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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn typing_in_a_review_is_told_apart_from_a_decision() {
        let r = Review { text: "a".into(), ..Default::default() };
        let typed = Review { text: "ab".into(), ..r.clone() };
        let decided = Review { verdict: Some("False".into()), ..r.clone() };
        assert!(review_edit_is_typing(Some(&r), Some(&typed)));
        assert!(!review_edit_is_typing(Some(&r), Some(&decided)));
        assert!(!review_edit_is_typing(None, Some(&r)));
    }
}
