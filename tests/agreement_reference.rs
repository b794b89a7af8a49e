//! The agreement figures against reference implementations: ~200 generated pairs of layers (overlaps,
//! nesting, duplicates, empty layers, spans at the text's end) compared by `tests/agreement/reference.py`
//! with scikit-learn's Cohen's kappa, the `krippendorff` package and brute-force F1.
#![cfg(not(target_arch = "wasm32"))]

use annota::model::agreement::{compare, Figures, Unit};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const LABELS: [&str; 4] = ["claim", "quote", "actor", "event"];

/// A layer of spans on a text of `len`: some nested in or overlapping another, some repeated.
fn layer(rng: &mut Rng, len: usize, labels: usize, count: usize) -> Vec<(usize, usize, &'static str)> {
    let mut out: Vec<(usize, usize, &'static str)> = Vec::new();
    for _ in 0..count {
        let label = LABELS[rng.below(labels)];
        let span = match (rng.below(5), out.last().copied()) {
            // Inside or across the previous span.
            (0, Some((s, e, _))) if e - s > 1 => {
                let start = s + rng.below(e - s - 1);
                (start, (start + 1 + rng.below(len - start)).min(len))
            }
            // The same span again (a duplicate of one annotator), perhaps with another label.
            (1, Some((s, e, _))) => (s, e),
            // Reaching the text's end.
            (2, _) => {
                let start = rng.below(len);
                (start, len)
            }
            _ => {
                let start = rng.below(len);
                (start, (start + 1 + rng.below(40)).min(len))
            }
        };
        out.push((span.0, span.1, label));
    }
    out
}

/// The other annotator: most of `a`, with boundaries moved, labels changed, spans dropped and added.
fn variant(rng: &mut Rng, a: &[(usize, usize, &'static str)], len: usize, labels: usize) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    for &(s, e, l) in a {
        match rng.below(6) {
            0 => continue,
            1 => out.push((s, (e + rng.below(5)).min(len).max(s + 1), l)),
            2 => out.push((s, e, LABELS[rng.below(labels)])),
            _ => out.push((s, e, l)),
        }
    }
    let extra = rng.below(4);
    out.extend(layer(rng, len, labels, extra));
    out
}

fn figures(f: &Figures) -> Value {
    let f1 = |x: &annota::model::agreement::F1| json!({ "precision": x.precision(), "recall": x.recall(), "f1": x.f1() });
    json!({ "exact": f1(&f.exact), "overlap": f1(&f.overlap), "kappa": f.kappa, "alpha": f.alpha })
}

#[test]
fn figures_match_scikit_learn_krippendorff_and_brute_force() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = root.join(".venv/bin/python");
    assert!(python.exists(), "{} is missing: run `scripts/setup.sh test` (it installs scikit-learn and krippendorff)", python.display());
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut cases = Vec::new();
    for k in 0..200 {
        let len = 1 + rng.below(if k % 10 == 0 { 3000 } else { 300 });
        let labels = 1 + rng.below(4);
        let count = rng.below(25);
        let a = if k % 17 == 0 { Vec::new() } else { layer(&mut rng, len, labels, count) };
        let b = if k % 23 == 0 { Vec::new() } else { variant(&mut rng, &a, len, labels) };
        let ids_a: Vec<String> = (0..a.len()).map(|i| format!("a{i}")).collect();
        let ids_b: Vec<String> = (0..b.len()).map(|i| format!("b{i}")).collect();
        let ra: Vec<Unit> = a.iter().zip(&ids_a).map(|(&(start, end, label), id)| Unit { id, start, end, label }).collect();
        let rb: Vec<Unit> = b.iter().zip(&ids_b).map(|(&(start, end, label), id)| Unit { id, start, end, label }).collect();
        let c = compare(&ra, &rb, len);
        // Every span of each annotator is in exactly one item.
        assert_eq!(c.differences.iter().filter(|i| i.a.is_some()).count(), a.len());
        assert_eq!(c.differences.iter().filter(|i| i.b.is_some()).count(), b.len());
        let mut ours = serde_json::Map::new();
        for (label, f) in &c.labels {
            ours.insert(label.clone(), figures(f));
        }
        ours.insert("(all labels)".into(), figures(&c.all));
        let spans = |l: &[(usize, usize, &'static str)]| l.iter().map(|&(s, e, x)| json!([s, e, x])).collect::<Vec<_>>();
        cases.push(json!({ "text_len": len, "a": spans(&a), "b": spans(&b), "ours": ours }));
    }
    let file = std::env::temp_dir().join(format!("annota-agreement-cases-{}.json", std::process::id()));
    std::fs::write(&file, serde_json::to_string(&cases).unwrap()).unwrap();
    let out = Command::new(&python).arg(root.join("tests/agreement/reference.py")).arg(&file).output().expect("the reference script runs");
    let _ = std::fs::remove_file(&file);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "the figures differ from the references:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.trim_end().ends_with("200 cases, 0 failed"), "{stdout}");
}
