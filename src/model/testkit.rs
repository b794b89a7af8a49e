//! Builders for the core's unit tests: annotations (with facts or not), orphans, timestamps, label
//! sets and workspaces on the sample article, made one way here so that each test says only what
//! matters to it (and overrides a field with `..ann(…)` where it matters).

use super::annotation::{sample_article, Annotation, AnnotationId, Article, Orphan, Timestamp};
use super::facts::{ActorId, Facts, Review};
use super::labels::{default_labels, Label, LabelId};
use super::quote::Quote;
use super::reduce::State;
use super::text::Span;
use super::workspace::Workspace;
use std::rc::Rc;

/// The time every built annotation is created and last modified at.
pub const CREATED: &str = "2026-01-01T00:00:00.000Z";

/// The time of an edit made after that.
pub const EDITED: &str = "2026-02-02T00:00:00.000Z";

/// When an edit is made: [`EDITED`].
pub fn at() -> Timestamp {
    ts(EDITED)
}

pub fn ts(at: &str) -> Timestamp {
    Timestamp(at.into())
}

pub fn id(s: &str) -> AnnotationId {
    AnnotationId(s.into())
}

/// An annotation of `start..end` (code points) with no note and no facts, made at [`CREATED`].
pub fn ann(id: &str, start: usize, end: usize, label: &str) -> Annotation {
    ann_with(id, start, end, label, Facts::default())
}

/// [`ann`] with these facts.
pub fn ann_with(id: &str, start: usize, end: usize, label: &str, facts: Facts) -> Annotation {
    Annotation {
        id: AnnotationId(id.into()),
        span: Span::new(start, end),
        label: LabelId(label.into()),
        note: String::new(),
        created: ts(CREATED),
        modified: ts(CREATED),
        facts,
    }
}

/// Where the first `needle` is in `text`, in code points.
pub fn span_of(text: &str, needle: &str) -> Span {
    let start = text[..text.find(needle).expect("the needle is in the text")].chars().count();
    Span::new(start, start + needle.chars().count())
}

/// [`ann`] over the first `needle` in `text`.
pub fn ann_over(id: &str, text: &str, needle: &str, label: &str) -> Annotation {
    let span = span_of(text, needle);
    ann(id, span.start.0, span.end.0, label)
}

/// What an annotation adds: the actor it names, who said it, its review (ids as strings).
pub fn facts(actor: Option<&str>, said_by: Option<&str>, review: Option<Review>) -> Facts {
    Facts { actor: actor.map(|a| ActorId(a.into())), said_by: said_by.map(|a| ActorId(a.into())), review: review.map(Rc::new) }
}

/// An orphan of `label` whose quote, `exact` with no context, was not found, made at [`CREATED`].
pub fn orphan(id: &str, label: &str, exact: &str) -> Orphan {
    Orphan {
        id: AnnotationId(id.into()),
        label: LabelId(label.into()),
        quote: Quote { exact: exact.into(), prefix: String::new(), suffix: String::new() },
        note: String::new(),
        created: ts(CREATED),
        modified: ts(CREATED),
        reason: "its quote was not found in the text".into(),
        facts: Facts::default(),
    }
}

/// The sample article with the default labels and these annotations.
pub fn sample_workspace(annotations: Vec<Annotation>) -> Workspace {
    Workspace::new(sample_article(), default_labels(), annotations)
}

/// An article titled "t" of `text`, with the default labels and these annotations.
pub fn workspace_on(text: &str, annotations: Vec<Annotation>) -> Workspace {
    Workspace::new(Article::new("t", text), default_labels(), annotations)
}

/// A fresh state on the sample article, with no annotations.
pub fn sample_state() -> Rc<State> {
    Rc::new(State::new(sample_workspace(vec![])))
}

/// A label set edited in the app: renamed, reordered, recoloured, a new label without a key.
pub fn edited_labels() -> Vec<Label> {
    let mut labels = default_labels();
    labels[0].name = "Assertion".into();
    labels.swap(1, 2);
    labels[1].color = "#aa3377".into();
    let id = super::labels::new_label_id("رقم", &labels);
    labels.push(Label { id, name: "رقم".into(), color: "#997700".into(), hotkey: None });
    labels
}
