//! The agreement figures on ~200 random pairs of layers against independent references (scikit-learn's κ, the krippendorff package's α, a plain Python pairing): tests/agreement/reference.py.

use annota::model::agreement::{compare, Figures, Unit, F1};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

mod common;
use common::{Rng, LABELS};
const CASES: usize = 200;

type Span = (usize, usize, String);

/// A span inside 0..text_len, at least one code point long, sometimes running to the end.
fn random_span(r: &mut Rng, text_len: usize, labels: &[&str], max_len: usize) -> Span {
    let start = r.range(0, text_len - 1);
    let len = r.range(1, max_len.min(text_len - start).max(1));
    let end = if r.chance(10) { text_len } else { start + len };
    (start, end, labels[r.range(0, labels.len() - 1)].to_string())
}

fn layer(r: &mut Rng, text_len: usize, labels: &[&str], n: usize) -> Vec<Span> {
    let max_len = (text_len / 4).clamp(1, 200);
    let mut spans: Vec<Span> = Vec::new();
    for _ in 0..n {
        let s = match spans.last().cloned() {
            // The same span and label twice in one layer.
            Some(p) if r.chance(8) => p,
            // Nested inside the previous one.
            Some((s, e, _)) if r.chance(15) => {
                let start = r.range(s, e - 1);
                (start, r.range(start + 1, e), labels[r.range(0, labels.len() - 1)].to_string())
            }
            _ => random_span(r, text_len, labels, max_len),
        };
        spans.push(s);
    }
    spans
}

/// B from A: boundaries moved, relabelled, dropped, and some spans of its own.
fn other_layer(r: &mut Rng, a: &[Span], text_len: usize, labels: &[&str]) -> Vec<Span> {
    let mut b = Vec::new();
    for (s, e, l) in a {
        if r.chance(15) {
            continue;
        }
        let (mut s, mut e, mut l) = (*s, *e, l.clone());
        if r.chance(30) {
            s = (s + r.range(0, 6)).saturating_sub(3).min(text_len - 1);
            e = (e + r.range(0, 6)).saturating_sub(3).clamp(s + 1, text_len);
        }
        if r.chance(15) {
            l = labels[r.range(0, labels.len() - 1)].to_string();
        }
        b.push((s, e, l));
    }
    let extra = r.range(0, 1 + a.len() / 4);
    b.extend(layer(r, text_len, labels, extra));
    // Shuffle, so that B's order is not A's.
    for i in (1..b.len()).rev() {
        b.swap(i, r.range(0, i));
    }
    b
}

fn case(r: &mut Rng, k: usize) -> (usize, Vec<Span>, Vec<Span>) {
    let text_len = match k % 5 {
        0 => r.range(1, 3),
        1 => r.range(1, 30),
        2 => r.range(30, 300),
        _ => r.range(1, 3000),
    };
    let labels = &LABELS[..r.range(1, 4)];
    let n = r.range(0, (text_len / 3).clamp(1, 40));
    let a = layer(r, text_len, labels, n);
    let b = match k % 11 {
        0 => Vec::new(),
        1 => a.clone(),
        2 => {
            let n = r.range(0, 10);
            layer(r, text_len, labels, n)
        }
        _ => other_layer(r, &a, text_len, labels),
    };
    match k % 13 {
        0 => (text_len, Vec::new(), Vec::new()),
        1 => (text_len, Vec::new(), b),
        2 => (text_len, b, Vec::new()),
        _ => (text_len, a, b),
    }
}

fn units<'a>(spans: &'a [Span], ids: &'a [String]) -> Vec<Unit<'a>> {
    spans.iter().zip(ids).map(|((s, e, l), id)| Unit { id, start: *s, end: *e, label: l }).collect()
}

fn f1_json(f: &F1) -> Value {
    json!({ "matched": f.matched, "of_a": f.of_a, "of_b": f.of_b,
            "precision": f.precision(), "recall": f.recall(), "f1": f.f1() })
}

fn figures_json(f: &Figures) -> Value {
    let c = &f.counts;
    json!({
        "exact": f1_json(&f.exact), "overlap": f1_json(&f.overlap), "kappa": f.kappa, "alpha": f.alpha,
        "counts": { "matches": c.matches, "label_disagreements": c.label_disagreements,
                    "boundary_differences": c.boundary_differences, "only_a": c.only_a, "only_b": c.only_b },
    })
}

/// Every leaf equal: numbers within 1e-9, null (undefined) only with null (the reference turns NaN into null).
fn same(ours: &Value, theirs: &Value, at: &str, wrong: &mut Vec<String>) {
    match (ours, theirs) {
        (Value::Object(x), Value::Object(y)) => {
            let (mut kx, mut ky): (Vec<_>, Vec<_>) = (x.keys().collect(), y.keys().collect());
            kx.sort();
            ky.sort();
            if kx != ky {
                wrong.push(format!("{at}: keys {kx:?} against {ky:?}"));
                return;
            }
            for k in kx {
                same(&x[k], &y[k], &format!("{at}.{k}"), wrong);
            }
        }
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            if (x - y).abs() > 1e-9 {
                wrong.push(format!("{at}: ours {x}, reference {y}"));
            }
        }
        (Value::Null, Value::Null) => {}
        _ => wrong.push(format!("{at}: ours {ours}, reference {theirs}")),
    }
}

#[test]
fn figures_agree_with_scikit_learn_krippendorff_and_a_plain_pairing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = root.join(".venv/bin/python");
    assert!(python.exists(), "{} is missing: run scripts/setup.sh test (it installs scikit-learn and krippendorff)", python.display());
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for k in 0..CASES {
        let (text_len, a, b) = case(&mut r, k);
        let ids_a: Vec<String> = (0..a.len()).map(|i| format!("a{i}")).collect();
        let ids_b: Vec<String> = (0..b.len()).map(|i| format!("b{i}")).collect();
        let c = compare(&units(&a, &ids_a), &units(&b, &ids_b), text_len);
        let labels: serde_json::Map<String, Value> = c.labels.iter().map(|(l, f)| (l.clone(), figures_json(f))).collect();
        let figures = json!({ "labels": labels, "all": figures_json(&c.all) });
        cases.push(json!({ "text_len": text_len, "a": a, "b": b, "ours": figures }));
        ours.push(figures);
    }
    let file = std::env::temp_dir().join(format!("annota-agreement-{}.json", std::process::id()));
    std::fs::write(&file, serde_json::to_vec(&cases).unwrap()).unwrap();
    let out = Command::new(&python).arg(root.join("tests/agreement/reference.py")).arg(&file).output().expect("runs .venv/bin/python");
    let _ = std::fs::remove_file(&file);
    assert!(
        out.status.success(),
        "tests/agreement/reference.py failed (run scripts/setup.sh test for scikit-learn and krippendorff):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs: Vec<Value> = serde_json::from_slice(&out.stdout).expect("the reference prints JSON");
    assert_eq!(theirs.len(), CASES);
    let mut wrong = Vec::new();
    for (k, (o, t)) in ours.iter().zip(&theirs).enumerate() {
        let before = wrong.len();
        same(o, t, &format!("case {k}"), &mut wrong);
        if wrong.len() > before {
            wrong.push(format!("case {k} was {}", cases[k]));
        }
    }
    let defined = |key: &str| ours.iter().filter(|f| !f["all"][key].is_null()).count();
    println!("agreement reference: {CASES} pairs, κ defined in {}, α in {}", defined("kappa"), defined("alpha"));
    assert!(wrong.is_empty(), "{} differences from the references:\n{}", wrong.len(), wrong.join("\n"));
}
