//! The local-storage schema: what the keys of [`super::keys`] hold, encoding, decoding and
//! migration, and what is kept aside when it cannot be read. No I/O here.
//!
//! The article's text and its annotations live under separate keys, so that a change to one
//! annotation does not re-write the whole text.
//!
//! Schema 2 adds, beside the annotations, the actors, the article's details and the settings, and
//! to each annotation its links and review. Schema 1 values are schema 2 values without them.

use super::annotation::{text_order, Annotation, Article};
use super::facts::{ArticleMeta, Settings};
use super::format::annota_json::{is_default, ActorRecord, AnnotationRecord, OrphanRecord};
use super::format::layers_record::LayersRecord;
use super::format::placing::{check_labels, place_checked, CheckedItems, ImportSummary, OffsetUnit};
use super::format::ImportError;
use super::keys;
use super::labels::{default_labels, Label, LabelRepair};
use super::structure::Heading;
use super::text::TextIndex;
use super::workspace::{ActorsError, Workspace};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;
use std::rc::Rc;

pub const SCHEMA_VERSION: u32 = 2;

#[derive(Serialize, Deserialize)]
struct StoredArticle {
    schema: u32,
    id: String,
    title: String,
    text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    headings: Vec<Heading>,
}

/// `A` is a record when reading, and a record's JSON already written when saving (see
/// [`RecordCache`]).
#[derive(Serialize, Deserialize)]
struct StoredAnnotations<A, L> {
    schema: u32,
    article_id: String,
    labels: Vec<Label>,
    annotations: Vec<A>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    orphans: Vec<OrphanRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    actors: Vec<ActorRecord>,
    #[serde(default, skip_serializing_if = "is_default")]
    meta: ArticleMeta,
    #[serde(default, skip_serializing_if = "is_default")]
    settings: Settings,
    /// The other annotators' layers (left out while there are none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    layers: Option<L>,
}

pub fn encode_article(article: &Article) -> String {
    serde_json::to_string(&StoredArticle {
        schema: SCHEMA_VERSION,
        id: article.id.clone(),
        title: article.title.clone(),
        text: article.text.as_str().to_string(),
        headings: (*article.headings).clone(),
    })
    .expect("an article always serialises")
}

pub fn encode_annotations(ws: &Workspace) -> String {
    encode_annotations_with(ws, &mut RecordCache::default())
}

/// Each annotation's stored JSON as last saved, so that a save serialises only the annotations
/// that changed: records are shared (`Rc`), so an unchanged one is the same pointer, and both
/// lists are in text order, so one walk pairs them.
#[derive(Default)]
pub struct RecordCache {
    records: Vec<(Rc<Annotation>, Box<RawValue>)>,
    /// The other layers as last written: most saves change only the written one.
    layers: Option<(Rc<super::layers::Layers>, Option<Box<RawValue>>)>,
}

/// [`encode_annotations`], reusing what `cache` holds from the previous save (of any workspace).
pub fn encode_annotations_with(ws: &Workspace, cache: &mut RecordCache) -> String {
    let text = &ws.article.text;
    let record = |a: &Annotation| {
        let json = serde_json::to_string(&AnnotationRecord::of(text, a, false)).expect("a record always serialises");
        RawValue::from_string(json).expect("serde_json writes JSON")
    };
    let mut old = std::mem::take(&mut cache.records).into_iter().peekable();
    let mut records = Vec::with_capacity(ws.annotations.len());
    for a in ws.annotations.iter() {
        // Drop the old records that come before this one in text order (deleted or changed).
        while old.peek().is_some_and(|(o, _)| !Rc::ptr_eq(o, a) && text_order(o, a) != std::cmp::Ordering::Greater) {
            old.next();
        }
        let json = match old.next_if(|(o, _)| Rc::ptr_eq(o, a)) {
            Some((_, json)) => json,
            None => record(a),
        };
        records.push((a.clone(), json));
    }
    let layers = match cache.layers.take() {
        Some((shared, json)) if Rc::ptr_eq(&shared, &ws.layers) => json,
        _ => LayersRecord::of(ws, false)
            .map(|l| RawValue::from_string(serde_json::to_string(&l).expect("layers always serialise")).expect("serde_json writes JSON")),
    };
    let out = serde_json::to_string(&StoredAnnotations {
        schema: SCHEMA_VERSION,
        article_id: ws.article.id.clone(),
        labels: (*ws.labels).clone(),
        annotations: records.iter().map(|(_, json)| &**json).collect::<Vec<&RawValue>>(),
        orphans: ws.orphans.iter().map(OrphanRecord::of).collect(),
        actors: ws.actors.iter().map(ActorRecord::of).collect(),
        meta: (*ws.meta).clone(),
        settings: (*ws.settings).clone(),
        layers: layers.as_deref(),
    })
    .expect("annotations always serialise");
    cache.records = records;
    cache.layers = Some((ws.layers.clone(), layers));
    out
}

/// A stored value Annota could not use, to be kept aside and reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: &'static str,
    pub raw: String,
    pub reason: UnreadableReason,
}

/// Which stored value could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnreadableReason {
    AnnotationsWithoutArticle,
    Article(StoredError),
    /// The annotations are kept aside with their article, which could not be read.
    ArticleOfAnnotations,
    Annotations(StoredError),
    /// The library index (the list is rebuilt from the parked articles).
    Index(IndexError),
}

/// Why the library index could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexError {
    /// `detail` is the JSON parser's own words.
    Unreadable {
        detail: String,
    },
    Newer {
        schema: u32,
    },
}

/// Why one stored value could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredError {
    /// `detail` is the JSON parser's own words.
    NotJson {
        detail: String,
    },
    NoSchema,
    NewerSchema {
        found: u64,
        reads: u32,
    },
    /// Not the shape Annota writes; `detail` is the parser's own words.
    Unexpected {
        detail: String,
    },
    OtherArticle {
        id: String,
    },
    /// `n` annotations are not where the stored offsets say.
    NoLongerMatch {
        n: usize,
    },
    /// Labels, annotations or orphans that a file would be refused for.
    Invalid(ImportError),
    Actors(ActorsError),
}

/// Why a write to storage failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The browser refused: usually the quota (`QuotaExceededError`, the name it gave).
    Full(String),
    Unavailable,
    /// The key holds what Annota could not read nor copy aside: it is never written over.
    Unreadable,
}

/// What storage holds when Annota stops on an internal error, as the banner it leaves says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stopped {
    /// Every change shown before the error is saved.
    Saved,
    /// The error came while the changes were being written: that write cannot be trusted or retried.
    WhileSaving,
    /// Saving was paused: stored data could not be read or copied aside.
    Paused(WriteError),
    /// Writing the changes failed, now or before.
    NotSaved(WriteError),
}

/// Why a parked article of the library cannot be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParkedError {
    Unreadable(UnreadableReason),
    Empty,
}

impl fmt::Display for UnreadableReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnreadableReason::AnnotationsWithoutArticle => f.write_str("annotations were stored without their article"),
            UnreadableReason::Article(e) => write!(f, "the stored article could not be read: {e}"),
            UnreadableReason::ArticleOfAnnotations => f.write_str("the annotations' article could not be read"),
            UnreadableReason::Annotations(e) => write!(f, "the stored annotations could not be read: {e}"),
            UnreadableReason::Index(e) => write!(f, "the library's list was rebuilt from the articles stored in this browser: {e}"),
        }
    }
}

impl fmt::Display for StoredError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoredError::NotJson { detail } => write!(f, "not valid JSON ({detail})"),
            StoredError::NoSchema => f.write_str("no schema version"),
            StoredError::NewerSchema { found, reads } => write!(f, "schema version {found} is newer than this Annota understands ({reads})"),
            StoredError::Unexpected { detail } => write!(f, "unexpected content ({detail})"),
            StoredError::OtherArticle { id } => write!(f, "they belong to another article ({id})"),
            StoredError::NoLongerMatch { n } => write!(f, "{n} annotations no longer match the stored text"),
            StoredError::Invalid(e) => e.fmt(f),
            StoredError::Actors(e) => e.fmt(f),
        }
    }
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::Unreadable { detail } => write!(f, "the library index could not be read ({detail})"),
            IndexError::Newer { schema } => write!(f, "the library index was written by a newer Annota (schema {schema})"),
        }
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Full(name) => write!(f, "the browser refused to store it ({name}: storage is probably full)"),
            WriteError::Unavailable => f.write_str("this browser gives Annota no storage"),
            WriteError::Unreadable => f.write_str("it holds stored data Annota could not read nor copy aside, which it never writes over"),
        }
    }
}

impl fmt::Display for Stopped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self {
            Stopped::Saved => return f.write_str("Annota hit an internal error and stopped. Every change shown before the error is saved in this browser."),
            Stopped::WhileSaving => "the error happened while saving them".to_string(),
            Stopped::Paused(e) => format!("saving was paused ({e})"),
            Stopped::NotSaved(e) => e.to_string(),
        };
        write!(f, "Annota hit an internal error and stopped. Its latest changes are not saved in this browser: {why}.")
    }
}

impl fmt::Display for ParkedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParkedError::Unreadable(reason) => reason.fmt(f),
            ParkedError::Empty => f.write_str("it is empty"),
        }
    }
}

/// What storage held, as far as it could be read.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    /// `None` when nothing usable was stored: start with the sample article.
    pub workspace: Option<Workspace>,
    pub unreadable: Vec<Unreadable>,
    /// What was repaired to read it (a label set an older Annota accepted), for the user.
    pub label_repairs: Vec<LabelRepair>,
}

fn schema_of(raw: &str) -> Result<u32, StoredError> {
    let value: serde_json::Value = serde_json::from_str(raw).map_err(|e| StoredError::NotJson { detail: e.to_string() })?;
    let schema = value.get("schema").and_then(|s| s.as_u64()).ok_or(StoredError::NoSchema)?;
    match u32::try_from(schema) {
        Ok(v) if (1..=SCHEMA_VERSION).contains(&v) => Ok(v),
        _ => Err(StoredError::NewerSchema { found: schema, reads: SCHEMA_VERSION }),
    }
}

fn unexpected(e: serde_json::Error) -> StoredError {
    StoredError::Unexpected { detail: e.to_string() }
}

fn decode_article(raw: &str) -> Result<Article, StoredError> {
    schema_of(raw)?;
    let a: StoredArticle = serde_json::from_str(raw).map_err(unexpected)?;
    Ok(Article { id: a.id, title: a.title, text: Rc::new(TextIndex::new(a.text)), headings: Rc::new(Vec::new()) }.with_headings(a.headings))
}

/// Reads the annotations record into a workspace on `article`, with what had to be repaired.
fn decode_annotations(raw: &str, article: &Article) -> Result<(Workspace, Vec<LabelRepair>), StoredError> {
    schema_of(raw)?;
    let s: StoredAnnotations<AnnotationRecord, LayersRecord> = serde_json::from_str(raw).map_err(unexpected)?;
    if s.article_id != article.id {
        return Err(StoredError::OtherArticle { id: s.article_id });
    }
    // Older versions stored sets the label editor refuses (`#rgb`, a reserved key): repair them.
    let (labels, repairs) = check_labels(s.labels).map_err(StoredError::Invalid)?;
    let labels = labels.into_vec();
    // Stored annotations keep their ids: one that is not valid and unique sets the value aside.
    let items = CheckedItems::check(s.annotations.iter().map(AnnotationRecord::incoming).collect(), []).map_err(StoredError::Invalid)?;
    let mut summary = ImportSummary::new("storage");
    let now = super::annotation::Timestamp(String::new());
    let (annotations, lost) = place_checked(&article.text, &labels, &items, Some(OffsetUnit::CodePoint), &now, &mut summary).map_err(StoredError::Invalid)?;
    if summary.total_placed() != summary.placed_exactly || !lost.is_empty() {
        return Err(StoredError::NoLongerMatch { n: items.len() - summary.placed_exactly });
    }
    let orphans = s.orphans.iter().map(|o| o.orphan(&labels)).collect::<Result<Vec<_>, _>>().map_err(StoredError::Invalid)?;
    let actors: Vec<_> = s.actors.iter().map(ActorRecord::actor).collect();
    let layers = match s.layers {
        Some(l) => l.read(&article.text, &labels, &actors, true).map_err(StoredError::Invalid)?,
        None => Default::default(),
    };
    let ws = Workspace::new(article.clone(), labels, annotations).with_orphans(orphans).with_facts(actors, s.meta, s.settings).with_layers(layers);
    // A link to a missing actor would break the reducer's bookkeeping: set the value aside instead.
    ws.check_actors().map_err(StoredError::Actors)?;
    Ok((ws, repairs))
}

/// Reads what storage held under [`keys::ARTICLE`] and [`keys::ANNOTATIONS`]. Anything unreadable is
/// returned for safe keeping, never dropped.
pub fn decode(article: Option<&str>, annotations: Option<&str>) -> Decoded {
    let mut unreadable = Vec::new();
    let keep = |key, raw: &str, reason| Unreadable { key, raw: raw.to_string(), reason };
    let Some(article_raw) = article else {
        if let Some(raw) = annotations {
            unreadable.push(keep(keys::ANNOTATIONS, raw, UnreadableReason::AnnotationsWithoutArticle));
        }
        return Decoded { workspace: None, unreadable, label_repairs: Vec::new() };
    };
    let article = match decode_article(article_raw) {
        Ok(a) => a,
        Err(reason) => {
            unreadable.push(keep(keys::ARTICLE, article_raw, UnreadableReason::Article(reason)));
            if let Some(raw) = annotations {
                unreadable.push(keep(keys::ANNOTATIONS, raw, UnreadableReason::ArticleOfAnnotations));
            }
            return Decoded { workspace: None, unreadable, label_repairs: Vec::new() };
        }
    };
    let mut label_repairs = Vec::new();
    let workspace = match annotations.map(|raw| (raw, decode_annotations(raw, &article))) {
        None => Workspace::new(article, default_labels(), Vec::new()),
        Some((_, Ok((found, repaired)))) => {
            label_repairs = repaired;
            found
        }
        Some((raw, Err(reason))) => {
            unreadable.push(keep(keys::ANNOTATIONS, raw, UnreadableReason::Annotations(reason)));
            Workspace::new(article, default_labels(), Vec::new())
        }
    };
    Decoded { workspace: Some(workspace), unreadable, label_repairs }
}

#[cfg(test)]
#[path = "persist_tests.rs"]
mod tests;
