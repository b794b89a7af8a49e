//! The agreement benchmark line: `compare` on two realistic layers (10,000 spans each on 1,000,000 code points in release), against sorting the same spans.

use annota::model::agreement::{compare, Unit};
use std::time::Instant;

#[cfg(not(debug_assertions))]
const SIZE: (usize, usize) = (10_000, 1_000_000);
#[cfg(debug_assertions)]
const SIZE: (usize, usize) = (1_000, 100_000);

mod common;
use common::{Rng, LABELS};

type Span = (usize, usize, &'static str);

/// `n` spans spread over the text, 10 to `longest` code points long.
fn layer(r: &mut Rng, n: usize, text_len: usize, longest: usize) -> Vec<Span> {
    let step = text_len / n;
    (0..n)
        .map(|i| {
            let start = i * step + r.range(0, step / 2);
            let end = (start + r.range(10, longest)).min(text_len);
            (start, end, LABELS[r.range(0, 3)])
        })
        .collect()
}

/// B: 20% of the boundaries moved, 5% relabelled, 10% dropped, 10% added.
fn other(r: &mut Rng, a: &[Span], text_len: usize) -> Vec<Span> {
    let mut b = Vec::with_capacity(a.len());
    for &(s, e, l) in a {
        if r.chance(10) {
            continue;
        }
        let (mut s, mut e, mut l) = (s, e, l);
        if r.chance(20) {
            s = (s + r.range(0, 20)).saturating_sub(10);
            e = (e + r.range(0, 20)).saturating_sub(10).clamp(s + 1, text_len);
        }
        if r.chance(5) {
            l = LABELS[r.range(0, 3)];
        }
        b.push((s, e, l));
    }
    b.extend(layer(r, a.len() / 10, text_len, 120));
    b
}

fn units<'a>(spans: &[Span], ids: &'a [String]) -> Vec<Unit<'a>> {
    spans.iter().zip(ids).map(|(&(start, end, label), id)| Unit { id, start, end, label }).collect()
}

fn median_ms(mut f: impl FnMut() -> f64) -> f64 {
    let mut runs: Vec<f64> = (0..5).map(|_| f()).collect();
    runs.sort_by(f64::total_cmp);
    runs[2]
}

#[test]
fn agreement_bench() {
    let (n, text_len) = SIZE;
    let mut r = Rng(0x2545_F491_4F6C_DD1D);
    // Spans 10 to 120 code points long every 100 or so: most apart, some overlapping their neighbour.
    let a = layer(&mut r, n, text_len, 120);
    let b = other(&mut r, &a, text_len);
    let ids_a: Vec<String> = (0..a.len()).map(|i| format!("a{i}")).collect();
    let ids_b: Vec<String> = (0..b.len()).map(|i| format!("b{i}")).collect();
    let (ua, ub) = (units(&a, &ids_a), units(&b, &ids_b));
    let mut c = None;
    let compare_ms = median_ms(|| {
        let t = Instant::now();
        c = Some(compare(&ua, &ub, text_len));
        t.elapsed().as_secs_f64() * 1e3
    });
    // The baseline: sorting both layers' spans together, shuffled, into text order.
    let mut all: Vec<Unit> = ua.iter().chain(&ub).copied().collect();
    for i in (1..all.len()).rev() {
        all.swap(i, r.range(0, i));
    }
    let sort_ms = median_ms(|| {
        let mut v = all.clone();
        let t = Instant::now();
        v.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)).then(x.label.cmp(y.label)));
        let ms = t.elapsed().as_secs_f64() * 1e3;
        assert!(v.windows(2).all(|w| w[0].start <= w[1].start));
        ms
    });
    println!(
        "agreement: {} × {} spans on {text_len} code points: compare {compare_ms:.1} ms (baseline: sorting {} spans {sort_ms:.2} ms; {:.0} ×), target ≤ 200 ms",
        ua.len(),
        ub.len(),
        all.len(),
        compare_ms / sort_ms
    );
    let c = c.unwrap();
    let k = &c.all.counts;
    assert_eq!(k.matches + k.label_disagreements + k.boundary_differences + k.only_a, ua.len());
    assert_eq!(k.matches + k.label_disagreements + k.boundary_differences + k.only_b, ub.len());
    let (exact, overlap) = (c.all.exact.f1().unwrap(), c.all.overlap.f1().unwrap());
    assert!((0.5..0.85).contains(&exact), "exact F1 {exact}");
    assert!(exact < overlap && overlap < 0.95, "overlap F1 {overlap}");
    let (kappa, alpha) = (c.all.kappa.unwrap(), c.all.alpha.unwrap());
    println!("agreement: exact F1 {exact:.3}, overlap F1 {overlap:.3}, κ {kappa:.3}, α {alpha:.3}, {k:?}");
    assert!((0.5..0.95).contains(&kappa) && (0.5..0.95).contains(&alpha), "κ {kappa}, α {alpha}");
    assert_eq!(c.labels.len(), LABELS.len());
}
