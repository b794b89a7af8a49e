//! The workspace: everything a user made and would lose, with its queries and the checks an
//! annotation or a label set must pass to be part of it.

use super::annotation::{text_order, Annotation, AnnotationId, Article, Orphan};
use super::facts::{Actor, ActorId, ArticleMeta, Settings};
use super::labels::{Label, LabelId, LabelRule};
use super::layers::{Layer, LayerId, Layers};
use super::text::CharOffset;
use std::fmt;
use std::rc::Rc;

/// Why an annotation cannot be part of a workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnnotationError {
    OutsideText { start: CharOffset, end: CharOffset },
    UnknownLabel { label: String },
    UnknownActor { actor: String },
}

/// Why a workspace's actors do not add up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActorsError {
    /// An annotation links to an actor the workspace does not have.
    Missing {
        annotation: String,
        actor: String,
    },
    Duplicate {
        id: String,
    },
}

/// Why a label set cannot replace the workspace's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelSetError {
    /// Not a valid label set: the rule it breaks.
    Invalid(LabelRule),
    /// It drops a label that annotations still use (by its name).
    InUse { name: String },
}

impl fmt::Display for AnnotationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnnotationError::OutsideText { start, end } => write!(f, "span {start}..{end} is outside the text"),
            AnnotationError::UnknownLabel { label } => write!(f, "label \"{label}\" is not in the label set"),
            AnnotationError::UnknownActor { actor } => write!(f, "actor \"{actor}\" is not in the workspace"),
        }
    }
}

impl fmt::Display for ActorsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActorsError::Missing { annotation, actor } => {
                write!(f, "annotation \"{annotation}\" refers to actor \"{actor}\", which is not in the file")
            }
            ActorsError::Duplicate { id } => write!(f, "actor id \"{id}\" appears twice"),
        }
    }
}

impl fmt::Display for LabelSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabelSetError::Invalid(rule) => rule.fmt(f),
            LabelSetError::InUse { name } => write!(f, "The label \"{name}\" is in use; delete it with its annotations instead."),
        }
    }
}

/// Everything a user made and would lose: the article, its labels, its annotations.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    pub article: Article,
    pub labels: Rc<Vec<Label>>,
    /// Always in [`text_order`]. Each record is shared, so a new state copies pointers, not records.
    pub annotations: Rc<Vec<Rc<Annotation>>>,
    /// Imported annotations whose quote could not be found in the text.
    pub orphans: Rc<Vec<Orphan>>,
    /// People and organisations; each is named by an actor span or linked from a quote or claim.
    pub actors: Rc<Vec<Actor>>,
    pub meta: Rc<ArticleMeta>,
    pub settings: Rc<Settings>,
    /// The layer `annotations` and `orphans` belong to, and the other annotators' layers.
    pub layers: Rc<Layers>,
}

impl Workspace {
    /// A workspace with annotations put in text order.
    pub fn new(article: Article, labels: Vec<Label>, annotations: Vec<Annotation>) -> Self {
        Self::with_shared(article, labels, annotations.into_iter().map(Rc::new).collect())
    }

    /// A workspace of annotation records shared with another workspace, put in text order.
    pub fn with_shared(article: Article, labels: Vec<Label>, mut annotations: Vec<Rc<Annotation>>) -> Self {
        annotations.sort_by(|a, b| text_order(a, b));
        Workspace {
            article,
            labels: Rc::new(labels),
            annotations: Rc::new(annotations),
            orphans: Rc::new(Vec::new()),
            actors: Rc::new(Vec::new()),
            meta: Rc::new(ArticleMeta::default()),
            settings: Rc::new(Settings::default()),
            layers: Rc::new(Layers::default()),
        }
    }

    pub fn with_facts(mut self, actors: Vec<Actor>, meta: ArticleMeta, settings: Settings) -> Self {
        self.actors = Rc::new(actors);
        self.meta = Rc::new(meta);
        self.settings = Rc::new(settings);
        self
    }

    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| &a.id == id)
    }

    /// The title to show and export: the one entered in the article's details, else the one it came with.
    pub fn title(&self) -> &str {
        if self.meta.title.trim().is_empty() {
            &self.article.title
        } else {
            &self.meta.title
        }
    }

    /// Every actor each annotation refers to exists, and no actor is left unreferenced.
    pub fn check_actors(&self) -> Result<(), ActorsError> {
        let mut used = std::collections::HashSet::new();
        for a in self.annotations.iter() {
            for id in a.facts.actor.iter().chain(a.facts.said_by.iter()) {
                if self.actor(id).is_none() {
                    return Err(ActorsError::Missing { annotation: a.id.0.clone(), actor: id.0.clone() });
                }
                used.insert(id);
            }
        }
        let mut ids = std::collections::HashSet::new();
        for actor in self.actors.iter() {
            if !ids.insert(&actor.id) {
                return Err(ActorsError::Duplicate { id: actor.id.0.clone() });
            }
        }
        Ok(())
    }

    pub fn with_layers(mut self, layers: Layers) -> Self {
        self.layers = Rc::new(layers);
        self
    }

    /// A layer's annotations: the workspace's own for the layer being written.
    pub fn layer_annotations(&self, id: &LayerId) -> Option<&Rc<Vec<Rc<Annotation>>>> {
        if &self.layers.writing.id == id {
            return Some(&self.annotations);
        }
        self.layers.aside(id).map(|l| &l.annotations)
    }

    /// This workspace writing into layer `id` instead: the written layer goes aside where `id` was.
    pub fn writing_into(&self, id: &LayerId) -> Option<Workspace> {
        let at = self.layers.aside.iter().position(|l| &l.info.id == id)?;
        let mut next = self.clone();
        let layers = Rc::make_mut(&mut next.layers);
        let current = Layer { info: layers.writing.clone(), annotations: next.annotations.clone(), orphans: next.orphans.clone() };
        let target = std::mem::replace(&mut layers.aside[at], current);
        layers.writing = target.info;
        next.annotations = target.annotations;
        next.orphans = target.orphans;
        Some(next)
    }

    /// Whether any annotation of any layer names or links to actor `id`.
    pub fn refers_anywhere(&self, id: &ActorId) -> bool {
        self.annotations.iter().chain(self.layers.aside.iter().flat_map(|l| l.annotations.iter())).any(|a| a.facts.refers_to(id))
    }

    pub fn with_orphans(mut self, orphans: Vec<Orphan>) -> Self {
        self.orphans = Rc::new(orphans);
        self
    }

    pub fn orphan(&self, id: &AnnotationId) -> Option<&Orphan> {
        self.orphans.iter().find(|o| &o.id == id)
    }

    pub fn label(&self, id: &LabelId) -> Option<&Label> {
        self.labels.iter().find(|l| &l.id == id)
    }

    pub fn annotation(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.shared_annotation(id).map(|a| &**a)
    }

    /// The annotation's shared record (a clone is a pointer copy).
    pub fn shared_annotation(&self, id: &AnnotationId) -> Option<&Rc<Annotation>> {
        self.annotations.iter().find(|a| &a.id == id)
    }

    /// Why an annotation cannot be in this workspace, if it cannot.
    pub fn check(&self, a: &Annotation) -> Result<(), AnnotationError> {
        if a.span.is_empty() || a.span.end.0 > self.article.text.char_len() {
            return Err(AnnotationError::OutsideText { start: a.span.start, end: a.span.end });
        }
        if self.label(&a.label).is_none() {
            return Err(AnnotationError::UnknownLabel { label: a.label.0.clone() });
        }
        if let Some(id) = a.facts.actor.iter().chain(a.facts.said_by.iter()).find(|id| self.actor(id).is_none()) {
            return Err(AnnotationError::UnknownActor { actor: id.0.clone() });
        }
        Ok(())
    }

    /// How many annotations and orphans use the label `id`, in every layer.
    pub fn label_uses(&self, id: &LabelId) -> usize {
        let aside =
            self.layers.aside.iter().map(|l| l.annotations.iter().filter(|a| &a.label == id).count() + l.orphans.iter().filter(|o| &o.label == id).count());
        self.annotations.iter().filter(|a| &a.label == id).count() + self.orphans.iter().filter(|o| &o.label == id).count() + aside.sum::<usize>()
    }

    /// Why `labels` cannot replace the label set: not a valid set, or it drops a label still in use
    /// (that is the `DeleteLabel` edit, which takes the annotations with it).
    pub fn check_new_labels(&self, labels: &[Label]) -> Result<(), LabelSetError> {
        super::labels::check_label_set(labels).map_err(LabelSetError::Invalid)?;
        match self.labels.iter().find(|old| !labels.iter().any(|l| l.id == old.id) && self.label_uses(&old.id) > 0) {
            Some(old) => Err(LabelSetError::InUse { name: old.name.clone() }),
            None => Ok(()),
        }
    }

    pub(super) fn put(&mut self, annotation: Annotation) {
        let list = Rc::make_mut(&mut self.annotations);
        list.retain(|a| a.id != annotation.id);
        let at = list.partition_point(|a| text_order(a, &annotation).is_lt());
        list.insert(at, Rc::new(annotation));
    }

    pub(super) fn remove(&mut self, id: &AnnotationId) {
        Rc::make_mut(&mut self.annotations).retain(|a| &a.id != id);
    }
}
