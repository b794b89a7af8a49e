//! Annota JSON, the lossless native format: the article text, its labels and every annotation.
//! Offsets are Unicode code points, end-exclusive; UTF-16 offsets ride along, clearly named.

use super::ImportError;
use crate::model::annotation::{Annotation, AnnotationId, Article, Label, LabelId, Timestamp};
use crate::model::quote::{anchor, Placement, Quote};
use crate::model::state::Workspace;
use crate::model::text::{Span, TextIndex};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

pub const FORMAT_NAME: &str = "annota";
pub const FORMAT_VERSION: u32 = 1;
pub const OFFSET_UNIT: &str = "codepoint";

#[derive(Serialize, Deserialize, Debug)]
pub struct ArticleRecord {
    pub id: String,
    pub title: String,
    pub text: String,
    #[serde(default, skip_deserializing)]
    pub codepoint_length: usize,
    #[serde(default, skip_deserializing)]
    pub utf16_length: usize,
}

/// One annotation as files and storage write it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct AnnotationRecord {
    pub id: String,
    pub label: String,
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utf16_start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utf16_end: Option<usize>,
    pub exact: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    #[serde(default)]
    pub note: String,
    pub created: String,
    pub modified: String,
}

impl AnnotationRecord {
    /// The record of an annotation; `with_context` adds prefix, suffix and UTF-16 offsets.
    pub fn of(text: &TextIndex, a: &Annotation, with_context: bool) -> Self {
        let quote = Quote::of(text, a.span);
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
        }
    }

    /// The annotation this record describes in `text`, found again by its quote if its offsets are off.
    pub fn place(&self, text: &TextIndex) -> Result<(Annotation, Placement), String> {
        let quote = Quote {
            exact: self.exact.clone(),
            prefix: self.prefix.clone().unwrap_or_default(),
            suffix: self.suffix.clone().unwrap_or_default(),
        };
        let hint = (self.start < self.end).then(|| Span::new(self.start, self.end));
        let placement = anchor(text, &quote, hint).ok_or_else(|| {
            format!("annotation \"{}\": its quote \"{}\" is not in the text", self.id, short(&self.exact))
        })?;
        let annotation = Annotation {
            id: AnnotationId(self.id.clone()),
            span: placement.span(),
            label: LabelId(self.label.clone()),
            note: self.note.clone(),
            created: Timestamp(self.created.clone()),
            modified: Timestamp(self.modified.clone()),
        };
        Ok((annotation, placement))
    }
}

fn short(s: &str) -> String {
    let head: String = s.chars().take(40).collect();
    if head.len() < s.len() { format!("{head}…") } else { head }
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
            text: text.as_str().to_string(),
            codepoint_length: text.char_len(),
            utf16_length: text.utf16_len(),
        },
        labels: (*ws.labels).clone(),
        annotations: ws.annotations.iter().map(|a| AnnotationRecord::of(text, a, true)).collect(),
    };
    serde_json::to_string_pretty(&file).expect("a workspace always serialises")
}

/// What an import did besides succeeding.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub placed_exactly: usize,
    pub moved: usize,
}

/// Reads an Annota JSON file; any problem rejects the whole file.
pub fn import(json: &str) -> Result<(Workspace, ImportReport), ImportError> {
    let value: serde_json::Value = super::parse_json(json)?;
    let header = (value.get("format").and_then(|f| f.as_str()), value.get("version").and_then(|v| v.as_u64()));
    match header {
        (Some(FORMAT_NAME), Some(v)) if v <= u64::from(FORMAT_VERSION) && v >= 1 => {}
        (Some(FORMAT_NAME), Some(v)) => {
            return Err(ImportError::new(format!(
                "this file is Annota JSON version {v}, made by a newer Annota; this one reads up to version {FORMAT_VERSION}"
            )))
        }
        _ => return Err(ImportError::new("unknown format: not an Annota JSON file (no \"format\": \"annota\" with a version)")),
    }
    let file: AnnotaFile =
        serde_json::from_value(value).map_err(|e| ImportError::new(format!("not a valid Annota JSON file: {e}")))?;
    if file.offset_unit != OFFSET_UNIT {
        return Err(ImportError::new(format!(
            "offset unit \"{}\" is not supported; Annota JSON uses \"{OFFSET_UNIT}\"",
            file.offset_unit
        )));
    }
    let labels = check_labels(file.labels)?;
    let article = Article {
        id: file.article.id,
        title: file.article.title,
        text: std::rc::Rc::new(TextIndex::new(file.article.text)),
    };
    let (annotations, report) = place_all(&article.text, &labels, &file.annotations)?;
    Ok((Workspace::new(article, labels, annotations), report))
}

/// Places every record, or says why one cannot be.
pub fn place_all(
    text: &TextIndex,
    labels: &[Label],
    records: &[AnnotationRecord],
) -> Result<(Vec<Annotation>, ImportReport), ImportError> {
    let mut report = ImportReport::default();
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        if !seen.insert(r.id.as_str()) {
            return Err(ImportError::new(format!("annotation id \"{}\" appears twice", r.id)));
        }
        if r.id.is_empty() || r.id.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(ImportError::new(format!("annotation id \"{}\" is empty or contains white space", r.id.escape_debug())));
        }
        if !labels.iter().any(|l| l.id.0 == r.label) {
            return Err(ImportError::new(format!("annotation \"{}\": label \"{}\" is not in the label set", r.id, r.label)));
        }
        let (a, placement) = r.place(text).map_err(ImportError::new)?;
        match placement {
            Placement::Exact(_) => report.placed_exactly += 1,
            Placement::Moved(_) => report.moved += 1,
        }
        out.push(a);
    }
    Ok((out, report))
}

/// Labels must have unique, non-empty ids and colours that are plain hex (they end up in CSS).
pub fn check_labels(labels: Vec<Label>) -> Result<Vec<Label>, ImportError> {
    if labels.is_empty() {
        return Err(ImportError::new("the file has no labels"));
    }
    let mut seen = HashSet::new();
    for l in &labels {
        if l.id.0.trim().is_empty() || !seen.insert(l.id.0.clone()) {
            return Err(ImportError::new(format!("label id \"{}\" is empty or appears twice", l.id.0)));
        }
        if !is_hex_colour(&l.color) {
            return Err(ImportError::new(format!("label \"{}\": colour \"{}\" is not a #rrggbb colour", l.id.0, l.color)));
        }
    }
    Ok(labels)
}

pub fn is_hex_colour(s: &str) -> bool {
    let hex = s.strip_prefix('#').unwrap_or("");
    matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{default_labels, sample_article};
    use crate::model::text::CharOffset;
    use proptest::prelude::*;

    fn ann(id: &str, start: usize, end: usize, label: &str) -> Annotation {
        Annotation {
            id: AnnotationId(id.into()),
            span: Span::new(start, end),
            label: LabelId(label.into()),
            note: "ملاحظة <b>\"x\"</b>".into(),
            created: Timestamp("2026-01-01T00:00:00.000Z".into()),
            modified: Timestamp("2026-01-02T00:00:00.000Z".into()),
        }
    }

    fn sample_workspace() -> Workspace {
        Workspace::new(
            sample_article(),
            default_labels(),
            vec![ann("a", 15, 40, "claim"), ann("b", 20, 30, "quote"), ann("c", 35, 60, "actor")],
        )
    }

    #[test]
    fn export_then_import_gives_the_same_workspace() {
        let ws = sample_workspace();
        let json = export(&ws);
        let (back, report) = import(&json).unwrap();
        assert_eq!(back, ws);
        assert_eq!(report, ImportReport { placed_exactly: 3, moved: 0 });
    }

    #[test]
    fn export_says_its_unit_and_slices_match_in_code_points() {
        let ws = sample_workspace();
        let v: serde_json::Value = serde_json::from_str(&export(&ws)).unwrap();
        assert_eq!(v["offset_unit"], "codepoint");
        assert_eq!(v["format"], "annota");
        assert_eq!(v["version"], 1);
        let text: Vec<char> = v["article"]["text"].as_str().unwrap().chars().collect();
        for a in v["annotations"].as_array().unwrap() {
            let (s, e) = (a["start"].as_u64().unwrap() as usize, a["end"].as_u64().unwrap() as usize);
            let exact: String = text[s..e].iter().collect();
            assert_eq!(a["exact"].as_str().unwrap(), exact);
            let u16s: Vec<u16> = v["article"]["text"].as_str().unwrap().encode_utf16().collect();
            let (us, ue) = (a["utf16_start"].as_u64().unwrap() as usize, a["utf16_end"].as_u64().unwrap() as usize);
            assert_eq!(String::from_utf16(&u16s[us..ue]).unwrap(), exact);
        }
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let good = export(&sample_workspace());
        let cases: Vec<(String, &str)> = vec![
            ("{ not json".into(), "line 1"),
            ("[1,2]".into(), "unknown format"),
            (good.replace("\"version\": 1", "\"version\": 9"), "newer Annota"),
            (good.replace("\"label\": \"claim\"", "\"label\": \"nope\""), "not in the label set"),
            (good.replace("\"codepoint\"", "\"utf16\""), "offset unit"),
            (good.replace("\"id\": \"b\"", "\"id\": \"a\""), "appears twice"),
            (good.replace("#f6b73c", "red;background:url(x)"), "colour"),
            (good.replace("\"id\": \"b\"", "\"id\": \"b c\""), "white space"),
        ];
        for (json, reason) in cases {
            let err = import(&json).unwrap_err();
            assert!(err.message.contains(reason), "{:?} should mention {reason:?}", err.message);
        }
    }

    #[test]
    fn a_quote_whose_offsets_moved_is_found_again() {
        let ws = sample_workspace();
        let json = export(&ws).replace("\"start\": 20,", "\"start\": 21,");
        let (back, report) = import(&json).unwrap();
        assert_eq!(back.annotations, ws.annotations);
        assert_eq!(report.moved, 1);
    }

    proptest! {
        #[test]
        fn round_trip_on_random_texts(chunks in prop::collection::vec(prop::sample::select(vec!["ب", "\u{064E}", "😀", "🇮🇷", "a", " ", "\n", "👩‍👩‍👦"]), 1..80), spans in prop::collection::vec((0usize..80, 0usize..80, 0usize..3), 0..10)) {
            let text = chunks.concat();
            let article = Article::new("t", text);
            let idx = article.text.clone();
            let labels = default_labels();
            let anns: Vec<Annotation> = spans.iter().enumerate().filter_map(|(i, (a, b, k))| {
                let span = idx.span_from_selection(CharOffset(*a), CharOffset(*b))?;
                Some(ann(&format!("id{i}"), span.start.0, span.end.0, ["claim", "quote", "actor"][*k]))
            }).collect();
            let ws = Workspace::new(article, labels, anns);
            let (back, _) = import(&export(&ws)).unwrap();
            prop_assert_eq!(back, ws);
        }
    }
}
