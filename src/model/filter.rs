//! What the side panel shows: a label, and for claims a status and a verdict.

use super::annotation::Annotation;
use super::facts::{Status, CLAIM};
use super::labels::LabelId;

/// What the side panel shows. Status and verdict apply to claims (setting one shows claims only).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub label: Option<LabelId>,
    pub status: Option<Status>,
    pub verdict: Option<VerdictFilter>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerdictFilter {
    /// Claims with no verdict yet.
    Undecided,
    Is(String),
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
    pub fn matches(&self, a: &Annotation) -> bool {
        if self.label.as_ref().is_some_and(|l| l != &a.label) {
            return false;
        }
        if self.status.is_none() && self.verdict.is_none() {
            return true;
        }
        if a.label.0 != CLAIM {
            return false;
        }
        let review = a.facts.review.as_deref();
        let status = review.map(|r| r.status).unwrap_or_default();
        let verdict = review.and_then(|r| r.verdict.as_ref());
        self.status.is_none_or(|s| s == status)
            && match &self.verdict {
                None => true,
                Some(VerdictFilter::Undecided) => verdict.is_none(),
                Some(VerdictFilter::Is(v)) => verdict == Some(v),
            }
    }
}
