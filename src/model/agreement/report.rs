//! The agreement report: CSV (one row per label and pair) and JSON, with the article, the layers
//! compared and the version of the definitions; and the definitions themselves.

use super::{Comparison, Figures};
use serde_json::{json, Map, Value};

pub const DEFINITIONS_VERSION: &str = "annota-agreement/1";

/// Each figure's definition, as the interface, the README and the reports give it.
pub const DEFINITIONS: &[(&str, &str)] = &[
    ("exact_f1", "Exact-match F1: a span of A matches a span of B with the same label, start and end, one to one; precision is matches over A's spans, recall matches over B's, F1 their harmonic mean (2 × matches ÷ (A's spans + B's spans))."),
    ("overlap_f1", "Overlap F1: as exact, but a span of A matches one of B with the same label that shares at least one code point; exact matches pair first, then the rest one to one, greatest overlap first, ties by earliest start."),
    ("kappa", "Cohen's kappa per label over code points: every code point of the text is a unit (those inside no span count too), covered by the label or not, for A and for B; kappa = (observed − expected agreement) ÷ (1 − expected). Undefined when the label is absent from both (or covers everything in both)."),
    ("alpha", "Krippendorff's alpha (nominal) over the same units: 1 − observed ÷ expected disagreement, from the coincidences of the two annotators' values. Undefined when there is only one value."),
    ("all_labels", "Over all labels, F1 counts every label's spans together; for kappa and alpha a code point's value is the set of labels covering it (for example claim+quote), so two overlapping spans of one annotator with different labels form one combined value, and overlapping spans of one label count once."),
    ("matches", "Matches: spans with the same label, start and end."),
    ("boundary_differences", "Boundary differences: spans with the same label that overlap but start or end elsewhere (they count as agreement in overlap F1)."),
    ("label_disagreements", "Label disagreements: the same start and end with another label (paired after overlaps)."),
    ("only_a", "Only in A, only in B: spans of one annotator paired with nothing of the other."),
];

/// What the report says about the article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportMeta {
    pub article_id: String,
    pub title: String,
}

const HEADER: &[&str] = &[
    "article",
    "layer_a",
    "layer_b",
    "label",
    "exact_matched",
    "exact_precision",
    "exact_recall",
    "exact_f1",
    "overlap_matched",
    "overlap_precision",
    "overlap_recall",
    "overlap_f1",
    "kappa",
    "alpha",
    "matches",
    "label_disagreements",
    "boundary_differences",
    "only_a",
    "only_b",
];

pub const ALL_LABELS: &str = "(all labels)";

/// A CSV cell: quoted when needed (RFC 4180); a name starting with = + - @ gets a ' first, so a
/// spreadsheet does not run it as a formula.
fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(String::new, |v| format!("{v}"))
}

fn row(meta: &ReportMeta, a: &str, b: &str, label: &str, f: &Figures) -> String {
    let c = &f.counts;
    let cells: Vec<String> = vec![
        cell(&meta.article_id),
        cell(a),
        cell(b),
        cell(label),
        f.exact.matched.to_string(),
        num(f.exact.precision()),
        num(f.exact.recall()),
        num(f.exact.f1()),
        f.overlap.matched.to_string(),
        num(f.overlap.precision()),
        num(f.overlap.recall()),
        num(f.overlap.f1()),
        num(f.kappa),
        num(f.alpha),
        c.matches.to_string(),
        c.label_disagreements.to_string(),
        c.boundary_differences.to_string(),
        c.only_a.to_string(),
        c.only_b.to_string(),
    ];
    cells.join(",")
}

/// One row per label and pair, and an "(all labels)" row per pair; undefined figures are empty.
pub fn to_csv(meta: &ReportMeta, pairs: &[(&str, &str, &Comparison)]) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    for (a, b, c) in pairs {
        for (label, f) in &c.labels {
            out.push_str(&row(meta, a, b, label, f));
            out.push_str("\r\n");
        }
        out.push_str(&row(meta, a, b, ALL_LABELS, &c.all));
        out.push_str("\r\n");
    }
    out
}

fn figures_json(f: &Figures) -> Value {
    let f1 =
        |x: &super::F1| json!({ "matched": x.matched, "spans_a": x.of_a, "spans_b": x.of_b, "precision": x.precision(), "recall": x.recall(), "f1": x.f1() });
    let c = &f.counts;
    json!({
        "exact": f1(&f.exact),
        "overlap": f1(&f.overlap),
        "kappa": f.kappa,
        "alpha": f.alpha,
        "counts": { "matches": c.matches, "label_disagreements": c.label_disagreements, "boundary_differences": c.boundary_differences, "only_a": c.only_a, "only_b": c.only_b },
    })
}

/// The whole report as JSON; undefined figures are `null`.
pub fn to_json(meta: &ReportMeta, pairs: &[(&str, &str, &Comparison)]) -> String {
    let definitions: Map<String, Value> = DEFINITIONS.iter().map(|(k, v)| (k.to_string(), Value::from(*v))).collect();
    let pairs: Vec<Value> = pairs
        .iter()
        .map(|(a, b, c)| {
            let labels: Map<String, Value> = c.labels.iter().map(|(l, f)| (l.clone(), figures_json(f))).collect();
            json!({ "a": a, "b": b, "labels": labels, "all": figures_json(&c.all),
                "confusion": { "labels": c.confusion.labels, "rows_are": "a", "cells": c.confusion.cells } })
        })
        .collect();
    let doc = json!({ "version": DEFINITIONS_VERSION, "article": { "id": meta.article_id, "title": meta.title }, "definitions": definitions, "pairs": pairs });
    serde_json::to_string_pretty(&doc).expect("a report always serialises")
}
