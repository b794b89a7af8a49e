//! File formats: each module reads and/or writes one, with explicit errors. This module parses
//! JSON, picks the format of a file to import and says where its annotations go, and names each
//! export (its file name, type and bytes).

pub mod annota_json;
pub mod claimreview;
pub mod error;
pub mod facts;
pub mod layers_record;
pub mod placing;
pub mod tabular;
pub mod w3c;
pub mod zip;

use crate::model::annotation::{Annotation, Article, Orphan, Timestamp};
use crate::model::layers::{Layer, LayerInfo, LayerKind};
use crate::model::workspace::Workspace;
use placing::{place_all, ImportNote, ImportSummary, Incoming, NewIds, OffsetUnit};
use serde_json::Value;
use std::collections::HashSet;
use std::rc::Rc;

pub use error::{DownloadError, Field, FileError, IdOf, ImportError, LineProblem, Owner};

/// Parses JSON, naming the line and column of a syntax error. serde_json stops at 128 levels
/// of nesting, so hostile input cannot overflow the stack.
pub fn parse_json(json: &str) -> Result<Value, ImportError> {
    serde_json::from_str(json).map_err(|e| {
        let (line, column, detail) = (e.line(), e.column(), describe(&e));
        if detail == "recursion limit exceeded" {
            ImportError::TooDeep { line, column }
        } else {
            ImportError::NotJson { line, column, detail }
        }
    })
}

fn describe(e: &serde_json::Error) -> String {
    // serde_json's message ends with its own " at line N column M"; we already said where.
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// A file name made from an article title: letters of any script kept, the rest turned into dashes.
pub fn file_stem(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
        if stem.chars().count() >= 60 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "article".to_string()
    } else {
        stem.to_string()
    }
}

/// The formats Annota writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    AnnotaJson,
    W3c,
    Doccano,
    LabelStudio,
    Brat,
    Csv,
    ClaimReview,
}

/// A file ready to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
    /// What to tell the user after the download, for exports that leave something out
    /// (ClaimReview: claims without a verdict); `None` for the others.
    pub note: Option<claimreview::Note>,
}

impl ExportKind {
    pub const ALL: [ExportKind; 7] =
        [ExportKind::AnnotaJson, ExportKind::W3c, ExportKind::Doccano, ExportKind::LabelStudio, ExportKind::Brat, ExportKind::Csv, ExportKind::ClaimReview];

    /// The name of its entry in the Export menu.
    pub fn menu_name(self) -> &'static str {
        match self {
            ExportKind::AnnotaJson => "Annota JSON",
            ExportKind::W3c => "W3C Web Annotation (JSON-LD)",
            ExportKind::Doccano => "doccano / spaCy (JSONL)",
            ExportKind::LabelStudio => "Label Studio (JSON)",
            ExportKind::Brat => "brat standoff (zip)",
            ExportKind::Csv => "CSV (spreadsheet)",
            ExportKind::ClaimReview => "ClaimReview (JSON-LD)",
        }
    }

    pub fn export(self, ws: &Workspace) -> ExportFile {
        let stem = file_stem(ws.title());
        if self == ExportKind::ClaimReview {
            let (json, note) = claimreview::export(ws);
            return ExportFile { name: format!("{stem}.claimreview.jsonld"), mime: "application/ld+json", bytes: json.into_bytes(), note: Some(note) };
        }
        let (suffix, mime, bytes) = match self {
            ExportKind::AnnotaJson => ("annota.json", "application/json", annota_json::export(ws).into_bytes()),
            ExportKind::W3c => ("w3c.jsonld", "application/ld+json", w3c::export(ws).into_bytes()),
            ExportKind::Doccano => ("doccano.jsonl", "application/jsonl", tabular::doccano_export(ws).into_bytes()),
            ExportKind::LabelStudio => ("label-studio.json", "application/json", tabular::label_studio_export(ws).into_bytes()),
            ExportKind::Brat => ("brat.zip", "application/zip", tabular::brat_zip(ws, &stem)),
            ExportKind::Csv => ("csv", "text/csv;charset=utf-8", tabular::csv_export(ws).into_bytes()),
            ExportKind::ClaimReview => unreachable!("returned above, with its note"),
        };
        ExportFile { name: format!("{stem}.{suffix}"), mime, bytes, note: None }
    }
}

/// Where an import's annotations go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    /// A file that carries its text opens that text as the article (Web Annotation files, which
    /// carry none, still go onto the open article).
    OwnText,
    /// Every annotation is found again in the open article's text and added to its annotations.
    OpenArticle,
}

/// A new workspace and what happened on the way.
#[derive(Debug)]
pub struct Imported {
    pub workspace: Workspace,
    pub summary: ImportSummary,
}

/// A file's own label set, with what was repaired in it.
type OwnLabels = (Vec<crate::model::labels::Label>, Vec<crate::model::labels::LabelRepair>);

/// What a file holds, before placement.
struct Source {
    /// The file's own article and label set, with what was repaired in the labels, if it has them.
    article: Option<(Article, Option<OwnLabels>)>,
    items: Vec<Incoming>,
    orphans: Vec<crate::model::annotation::Orphan>,
    unit: Option<OffsetUnit>,
    /// Actors, details and settings, from the formats that carry them (Annota JSON).
    facts: Option<annota_json::FileFacts>,
    /// Other annotators' layers (Annota JSON).
    layers: Option<layers_record::LayersRecord>,
}

fn read_source(content: &str, summary: &mut ImportSummary) -> Result<Source, ImportError> {
    let value = match parse_json(content) {
        Ok(v) => v,
        Err(json_error) => {
            // Perhaps JSON Lines (doccano): every non-empty line a JSON object.
            let lines: Vec<&str> = content.lines().filter(|l| !l.trim().is_empty()).collect();
            if lines.len() > 1 {
                let parsed: Vec<Value> = lines
                    .iter()
                    .enumerate()
                    .map(|(i, l)| serde_json::from_str(l).map_err(|e| ImportError::NotJsonLines { line: i + 1, detail: describe(&e) }))
                    .collect::<Result<_, _>>()
                    .map_err(|e| if lines.first().is_some_and(|l| serde_json::from_str::<Value>(l).is_ok()) { e } else { json_error.clone() })?;
                if tabular::is_doccano_line(&parsed[0]) {
                    summary.format = "doccano JSONL";
                    let doc = tabular::doccano_parse(&parsed, summary)?;
                    return Ok(document_source(doc, None));
                }
            }
            return Err(json_error);
        }
    };
    if annota_json::is_annota(&value) {
        summary.format = "Annota JSON";
        let parsed = annota_json::parse(value)?;
        return Ok(Source {
            article: Some((parsed.article, Some((parsed.labels.into_vec(), parsed.label_repairs)))),
            items: parsed.items.into_items(),
            orphans: parsed.orphans,
            unit: Some(OffsetUnit::CodePoint),
            facts: Some(parsed.facts),
            layers: parsed.layers,
        });
    }
    if w3c::looks_like(&value) {
        summary.format = "W3C Web Annotation";
        return Ok(Source { article: None, items: w3c::parse(&value, summary)?, orphans: vec![], unit: None, facts: None, layers: None });
    }
    if tabular::is_doccano_line(&value) {
        summary.format = "doccano JSONL";
        return Ok(document_source(tabular::doccano_parse(&[value], summary)?, None));
    }
    if tabular::is_label_studio(&value) {
        summary.format = "Label Studio";
        return Ok(document_source(tabular::label_studio_parse(&value, summary)?, None));
    }
    Err(ImportError::UnknownFormat)
}

fn document_source(doc: tabular::Document, unit: Option<OffsetUnit>) -> Source {
    let title = doc.title.clone().unwrap_or_else(|| crate::model::structure::title_from_text(&doc.text));
    Source { article: Some((Article::new(title, doc.text), None)), items: doc.items, orphans: vec![], unit, facts: None, layers: None }
}

/// Reads any supported file and places its annotations. `new_id` makes ids where a file has none.
pub fn import(content: &str, current: &Workspace, target: ImportTarget, now: &Timestamp, new_id: &mut dyn FnMut() -> String) -> Result<Imported, ImportError> {
    let mut summary = ImportSummary::new("file");
    let source = read_source(content, &mut summary)?;
    match (target, source.article) {
        (ImportTarget::OwnText, Some((article, labels))) => {
            let labels = match labels {
                Some((labels, repairs)) => {
                    summary.notes.extend(repairs.into_iter().map(placing::ImportNote::LabelRepaired));
                    labels
                }
                None => (*current.labels).clone(),
            };
            let (annotations, mut orphans) = place_all(&article.text, &labels, &source.items, source.unit, now, NewIds::fresh(new_id), &mut summary)?;
            orphans.extend(source.orphans);
            // A new article: its own details; the checker's settings stay unless the file has its own.
            let f = source.facts.unwrap_or_else(|| annota_json::FileFacts { settings: (*current.settings).clone(), ..Default::default() });
            let layers = match source.layers {
                Some(l) => l.read(&article.text, &labels, &f.actors, false)?,
                None => Default::default(),
            };
            let ws = Workspace::new(article, labels, annotations).with_orphans(orphans).with_facts(f.actors, f.meta, f.settings).with_layers(layers);
            ws.check_actors().map_err(ImportError::ActorsDoNotAddUp)?;
            Ok(Imported { workspace: ws, summary })
        }
        (_, file_article) => {
            if let Some((article, _)) = &file_article {
                if article.text.as_str() != current.article.text.as_str() {
                    summary.notes.push(ImportNote::TextDiffers);
                }
            }
            let taken: HashSet<String> = current.annotations.iter().map(|a| a.id.0.clone()).chain(current.orphans.iter().map(|o| o.id.0.clone())).collect();
            // Items with offsets but no quote (doccano) get their quote from the file's own text,
            // so that they can be found again in the open article's.
            let items: Vec<Incoming> = match &file_article {
                Some((article, _)) => source.items.into_iter().map(|it| with_quote_from(&article.text, it, source.unit)).collect(),
                None => source.items,
            };
            let (mut added, mut orphans) =
                place_all(&current.article.text, &current.labels, &items, source.unit, now, NewIds { taken: taken.clone(), make: new_id }, &mut summary)?;
            orphans.extend(source.orphans.into_iter().filter(|o| !taken.contains(&o.id.0)));
            // The open article keeps its details and settings; the actors the new annotations name come along.
            let mut actors = (*current.actors).clone();
            if let Some(f) = &source.facts {
                let linked = added.iter_mut().map(|a| &mut a.facts).chain(orphans.iter_mut().map(|o| &mut o.facts)).collect();
                facts::bring_actors(&mut actors, &f.actors, linked, new_id);
            }
            let mut annotations = (*current.annotations).clone();
            annotations.extend(added.into_iter().map(Rc::new));
            let mut all_orphans = (*current.orphans).clone();
            all_orphans.extend(orphans);
            let ws = Workspace::with_shared(current.article.clone(), (*current.labels).clone(), annotations).with_orphans(all_orphans).with_facts(
                actors,
                (*current.meta).clone(),
                (*current.settings).clone(),
            );
            Ok(Imported { workspace: ws, summary })
        }
    }
}

/// Reads a colleague's file as layers of the open article: its annotations found again in the
/// open text as Import annotations finds them, in a layer named after the file's annotator (an
/// Annota JSON file's own layer name) or else `file_name`. A Label Studio task with several
/// annotators' annotations gives one layer each, named after each annotator. Links to actors stay
/// with the file: a layer compares spans and labels.
pub fn import_layers(
    content: &str,
    current: &Workspace,
    file_name: &str,
    now: &Timestamp,
    new_id: &mut dyn FnMut() -> String,
) -> Result<Vec<(Layer, ImportSummary)>, ImportError> {
    let stem = file_name.split('.').next().unwrap_or(file_name);
    let value = parse_json(content).ok();
    if let Some(each) = value.as_ref().and_then(tabular::label_studio_annotators) {
        let mut layers = (*current.layers).clone();
        let mut out = Vec::new();
        for (k, (who, task)) in each.into_iter().enumerate() {
            let name = format!("{stem} ({})", who.unwrap_or_else(|| format!("{}", k + 1)));
            let (layer, summary) = one_layer(&task.to_string(), current, &layers, stem, name, now, new_id)?;
            layers.aside.push(layer.clone());
            out.push((layer, summary));
        }
        return Ok(out);
    }
    let annotator = value.and_then(|v| v.pointer("/layers/writing/name").and_then(|n| n.as_str()).map(str::to_string)).filter(|n| !n.trim().is_empty());
    let name = annotator.unwrap_or_else(|| stem.to_string());
    Ok(vec![one_layer(content, current, &current.layers, stem, name, now, new_id)?])
}

fn one_layer(
    content: &str,
    current: &Workspace,
    layers: &crate::model::layers::Layers,
    stem: &str,
    name: String,
    now: &Timestamp,
    new_id: &mut dyn FnMut() -> String,
) -> Result<(Layer, ImportSummary), ImportError> {
    let mut bare = current.clone();
    bare.annotations = Rc::new(Vec::new());
    bare.orphans = Rc::new(Vec::new());
    let Imported { workspace, summary } = import(content, &bare, ImportTarget::OpenArticle, now, new_id)?;
    let unlinked = |f: &crate::model::facts::Facts| crate::model::facts::Facts { actor: None, said_by: None, review: f.review.clone() };
    let annotations = workspace.annotations.iter().map(|a| Rc::new(Annotation { facts: unlinked(&a.facts), ..(**a).clone() })).collect();
    let orphans = workspace.orphans.iter().map(|o| Orphan { facts: unlinked(&o.facts), ..o.clone() }).collect();
    let info = LayerInfo { id: layers.fresh_id(stem), name, kind: LayerKind::File, compares: None, ..Default::default() };
    Ok((Layer { info, annotations: Rc::new(annotations), orphans: Rc::new(orphans) }, summary))
}

fn with_quote_from(text: &crate::model::text::TextIndex, it: Incoming, unit: Option<OffsetUnit>) -> Incoming {
    if it.exact.is_some() || unit == Some(OffsetUnit::Utf16) {
        return it;
    }
    let (Some(s), Some(e)) = (it.start, it.end) else { return it };
    let span = crate::model::text::Span::new(s, e);
    match text.slice(span) {
        Some(exact) if s < e => {
            let q = crate::model::quote::Quote::of(text, span);
            Incoming { exact: Some(exact.to_string()), prefix: Some(q.prefix), suffix: Some(q.suffix), ..it }
        }
        _ => it,
    }
}

#[cfg(test)]
mod tests;
