//! Annota JSON, the lossless native format: the article text, its labels, every annotation and
//! every orphan. Offsets are Unicode code points, end-exclusive; UTF-16 offsets ride along, clearly named.
//! Version 2 adds the fact-checking data: actors, who said what, claim reviews, the article's
//! details and the checker's settings. Version 1 files are version 2 files without them.

use super::facts;
use super::layers_record::LayersRecord;
use super::placing::{check_labels, place_checked, CheckedItems, ImportNote, ImportSummary, Incoming, OffsetUnit};
use super::{ImportError, Owner};
use crate::model::annotation::{Annotation, AnnotationId, Article, Orphan, Timestamp};
use crate::model::facts::{Actor, ActorId, ActorKind, ArticleMeta, Facts, Review, Settings};
use crate::model::labels::{Label, LabelId, LabelRepair, LabelSet};
use crate::model::quote::Quote;
use crate::model::text::TextIndex;
use crate::model::workspace::Workspace;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::rc::Rc;

pub const FORMAT_NAME: &str = "annota";
pub const FORMAT_VERSION: u32 = 2;
pub const OFFSET_UNIT: &str = "codepoint";

#[derive(Serialize, Deserialize, Debug)]
pub struct ArticleRecord {
    pub id: String,
    pub title: String,
    /// The details entered for the article (version 2); left out while empty.
    #[serde(default, skip_serializing_if = "is_default")]
    pub meta: ArticleMeta,
    pub text: String,
    /// Paragraphs that are headings: where each starts (code points) and its level 1–6.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<crate::model::structure::Heading>,
    #[serde(default, skip_deserializing)]
    pub codepoint_length: usize,
    #[serde(default, skip_deserializing)]
    pub utf16_length: usize,
}

/// One annotation as files and storage write it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AnnotationRecord {
    pub id: String,
    pub label: String,
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utf16_start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utf16_end: Option<usize>,
    /// Always written in files; left out in storage, where the article's text sits beside it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub exact: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    #[serde(default)]
    pub note: String,
    pub created: String,
    pub modified: String,
    /// The actor an actor span names (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorId>,
    /// Who said a quote or made a claim (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_by: Option<ActorId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

pub fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// The facts of a record's three optional fields.
fn facts_of(actor: &Option<ActorId>, said_by: &Option<ActorId>, review: &Option<Review>) -> Facts {
    Facts { actor: actor.clone(), said_by: said_by.clone(), review: review.clone().map(Rc::new) }
}

impl AnnotationRecord {
    /// The record of an annotation; `with_context` adds the quote, prefix, suffix and UTF-16 offsets.
    pub fn of(text: &TextIndex, a: &Annotation, with_context: bool) -> Self {
        let quote = if with_context { Quote::of(text, a.span) } else { Quote { exact: String::new(), prefix: String::new(), suffix: String::new() } };
        let utf16 = |o| with_context.then(|| text.utf16_of(o).map(|u| u.0)).flatten();
        AnnotationRecord {
            id: a.id.0.clone(),
            label: a.label.0.clone(),
            start: a.span.start.0,
            end: a.span.end.0,
            utf16_start: utf16(a.span.start),
            utf16_end: utf16(a.span.end),
            exact: quote.exact,
            prefix: with_context.then_some(quote.prefix),
            suffix: with_context.then_some(quote.suffix),
            note: a.note.clone(),
            created: a.created.0.clone(),
            modified: a.modified.0.clone(),
            actor: a.facts.actor.clone(),
            said_by: a.facts.said_by.clone(),
            review: a.facts.review.as_deref().cloned(),
        }
    }

    pub fn facts(&self) -> Facts {
        facts_of(&self.actor, &self.said_by, &self.review)
    }

    pub fn incoming(&self) -> Incoming {
        Incoming {
            id: Some(self.id.clone()),
            label: self.label.clone(),
            start: Some(self.start),
            end: Some(self.end),
            exact: Some(self.exact.clone()).filter(|e| !e.is_empty()),
            prefix: self.prefix.clone(),
            suffix: self.suffix.clone(),
            note: self.note.clone(),
            created: Some(self.created.clone()),
            modified: Some(self.modified.clone()),
            facts: self.facts(),
        }
    }
}

/// An annotation that could not be placed, as files and storage keep it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OrphanRecord {
    pub id: String,
    pub label: String,
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(default)]
    pub note: String,
    pub created: String,
    pub modified: String,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_by: Option<ActorId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

impl OrphanRecord {
    pub fn of(o: &Orphan) -> Self {
        OrphanRecord {
            id: o.id.0.clone(),
            label: o.label.0.clone(),
            exact: o.quote.exact.clone(),
            prefix: o.quote.prefix.clone(),
            suffix: o.quote.suffix.clone(),
            note: o.note.clone(),
            created: o.created.0.clone(),
            modified: o.modified.0.clone(),
            reason: o.reason.clone(),
            actor: o.facts.actor.clone(),
            said_by: o.facts.said_by.clone(),
            review: o.facts.review.as_deref().cloned(),
        }
    }

    pub fn facts(&self) -> Facts {
        facts_of(&self.actor, &self.said_by, &self.review)
    }

    pub fn orphan(&self, labels: &[Label]) -> Result<Orphan, ImportError> {
        if !labels.iter().any(|l| l.id.0 == self.label) {
            return Err(ImportError::OrphanLabel { orphan: self.id.clone(), label: self.label.clone() });
        }
        Ok(Orphan {
            id: AnnotationId(self.id.clone()),
            label: LabelId(self.label.clone()),
            quote: Quote { exact: self.exact.clone(), prefix: self.prefix.clone(), suffix: self.suffix.clone() },
            note: self.note.clone(),
            created: Timestamp(self.created.clone()),
            modified: Timestamp(self.modified.clone()),
            reason: self.reason.clone(),
            facts: self.facts(),
        })
    }
}

/// An actor as files and storage keep it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ActorRecord {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub kind: ActorKind,
}

impl ActorRecord {
    pub fn of(a: &Actor) -> Self {
        ActorRecord { id: a.id.0.clone(), name: a.name.clone(), kind: a.kind }
    }
    pub fn actor(&self) -> Actor {
        Actor { id: ActorId(self.id.clone()), name: self.name.clone(), kind: self.kind }
    }
}

#[derive(Serialize, Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct AnnotaFile {
    format: String,
    version: u32,
    offset_unit: String,
    article: ArticleRecord,
    labels: Vec<Label>,
    annotations: Vec<AnnotationRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    orphans: Vec<OrphanRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    actors: Vec<ActorRecord>,
    /// Left out while it is the default scale with no organisation.
    #[serde(default, skip_serializing_if = "is_default")]
    settings: Settings,
    /// Every annotator's layer besides `annotations` (which are the layer `layers.writing`);
    /// left out while the article has only the user's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    layers: Option<LayersRecord>,
}

/// The whole workspace as an Annota JSON file.
pub fn export(ws: &Workspace) -> String {
    let text = &ws.article.text;
    let file = AnnotaFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        offset_unit: OFFSET_UNIT.into(),
        article: ArticleRecord {
            id: ws.article.id.clone(),
            title: ws.article.title.clone(),
            meta: (*ws.meta).clone(),
            text: text.as_str().to_string(),
            headings: (*ws.article.headings).clone(),
            codepoint_length: text.char_len(),
            utf16_length: text.utf16_len(),
        },
        labels: (*ws.labels).clone(),
        annotations: ws.annotations.iter().map(|a| AnnotationRecord::of(text, a, true)).collect(),
        orphans: ws.orphans.iter().map(OrphanRecord::of).collect(),
        actors: ws.actors.iter().map(ActorRecord::of).collect(),
        settings: (*ws.settings).clone(),
        layers: LayersRecord::of(ws, true),
    };
    serde_json::to_string_pretty(&file).expect("a workspace always serialises")
}

/// A parsed Annota JSON file, before its annotations are placed.
pub struct Parsed {
    pub article: Article,
    pub labels: LabelSet,
    /// What was repaired in the file's labels to fit the rules, one sentence each.
    pub label_repairs: Vec<LabelRepair>,
    /// Each with its own id, checked.
    pub items: CheckedItems,
    pub orphans: Vec<Orphan>,
    pub facts: FileFacts,
    /// The other layers, not yet placed.
    pub layers: Option<LayersRecord>,
}

/// What a file says beyond its annotations: its actors, the article's details, the settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileFacts {
    pub actors: Vec<Actor>,
    pub meta: ArticleMeta,
    pub settings: Settings,
}

/// Whether a JSON value claims to be Annota JSON.
pub fn is_annota(value: &serde_json::Value) -> bool {
    value.get("format").and_then(|f| f.as_str()) == Some(FORMAT_NAME)
}

/// Reads an Annota JSON value: format, version, unit, labels, ids, actors and the links to them.
/// Placement comes after.
pub fn parse(value: serde_json::Value) -> Result<Parsed, ImportError> {
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v >= 1 && v <= u64::from(FORMAT_VERSION) => {}
        Some(v) => return Err(ImportError::NewerVersion { version: v, reads: FORMAT_VERSION }),
        None => return Err(ImportError::NoVersion),
    }
    let file: AnnotaFile = serde_json::from_value(value).map_err(|e| ImportError::NotAnnota { detail: e.to_string() })?;
    if file.offset_unit != OFFSET_UNIT {
        return Err(ImportError::OffsetUnit { found: file.offset_unit });
    }
    let (labels, label_repairs) = check_labels(file.labels)?;
    let items = CheckedItems::check(file.annotations.iter().map(AnnotationRecord::incoming).collect(), file.orphans.iter().map(|o| o.id.as_str()))?;
    let actors: Vec<Actor> = file.actors.iter().map(ActorRecord::actor).collect();
    let mut actor_ids = HashSet::new();
    for a in &actors {
        facts::check_actor(a)?;
        if !actor_ids.insert(&a.id) {
            return Err(ImportError::DuplicateActor { id: a.id.0.clone() });
        }
    }
    for a in &file.annotations {
        facts::check_facts(&Owner::Annotation(a.id.clone()), &a.facts(), &actor_ids)?;
    }
    for o in &file.orphans {
        facts::check_facts(&Owner::Orphan(o.id.clone()), &o.facts(), &actor_ids)?;
    }
    facts::check_meta(&file.article.meta)?;
    facts::check_settings(&file.settings)?;
    let orphans = file.orphans.iter().map(|o| o.orphan(labels.labels())).collect::<Result<Vec<_>, _>>()?;
    let heading_count = file.article.headings.len();
    let article = Article { id: file.article.id, title: file.article.title, text: Rc::new(TextIndex::new(file.article.text)), headings: Rc::new(Vec::new()) }
        .with_headings(file.article.headings);
    if article.headings.len() != heading_count {
        return Err(ImportError::BadHeading);
    }
    let facts = FileFacts { actors, meta: file.article.meta, settings: file.settings };
    Ok(Parsed { article, labels, label_repairs, items, orphans, facts, layers: file.layers })
}

/// Reads an Annota JSON file as its own workspace (its text, labels, annotations, orphans and facts).
pub fn import(json: &str) -> Result<(Workspace, ImportSummary), ImportError> {
    let value = super::parse_json(json)?;
    if !is_annota(&value) {
        return Err(ImportError::NotAnnotaFormat);
    }
    let parsed = parse(value)?;
    let mut summary = ImportSummary::new("Annota JSON");
    let (annotations, mut orphans) =
        place_checked(&parsed.article.text, parsed.labels.labels(), &parsed.items, Some(OffsetUnit::CodePoint), &Timestamp(String::new()), &mut summary)?;
    orphans.extend(parsed.orphans);
    let f = parsed.facts;
    summary.notes.extend(parsed.label_repairs.into_iter().map(ImportNote::LabelRepaired));
    let layers = match parsed.layers {
        Some(l) => l.read(&parsed.article.text, parsed.labels.labels(), &f.actors, false)?,
        None => Default::default(),
    };
    let ws = Workspace::new(parsed.article, parsed.labels.into_vec(), annotations)
        .with_orphans(orphans)
        .with_facts(f.actors, f.meta, f.settings)
        .with_layers(layers);
    ws.check_actors().map_err(ImportError::InvalidActors)?;
    Ok((ws, summary))
}

#[cfg(test)]
#[path = "annota_json_tests.rs"]
mod tests;
