//! Properties of any comparison: every span in exactly one item, counts that add up, figures in range, items in text order.

use super::*;
use proptest::prelude::*;

const LABELS: [&str; 3] = ["claim", "quote", "actor"];

/// Spans as (start, length, label) inside a text of `text_len`; length 0 now and then.
fn layer() -> impl Strategy<Value = Vec<(usize, usize, usize)>> {
    proptest::collection::vec((0usize..200, prop_oneof![1 => Just(0usize), 9 => 1usize..40], 0usize..3), 0..25)
}

fn units<'a>(spans: &[(usize, usize, usize)], ids: &'a [String], text_len: usize) -> Vec<Unit<'a>> {
    spans
        .iter()
        .zip(ids)
        .map(|(&(s, len, l), id)| {
            let start = s % text_len;
            Unit { id, start, end: (start + len).min(text_len), label: LABELS[l] }
        })
        .collect()
}

fn in_unit_range(x: Option<f64>) -> bool {
    x.is_none_or(|v| (0.0..=1.0).contains(&v))
}

fn check_figures(f: &Figures, what: &str) -> Result<(), TestCaseError> {
    for (name, x) in [("exact", &f.exact), ("overlap", &f.overlap)] {
        prop_assert!(in_unit_range(x.precision()) && in_unit_range(x.recall()) && in_unit_range(x.f1()), "{what} {name}: {x:?}");
        prop_assert!(x.matched <= x.of_a.min(x.of_b), "{what} {name}: {x:?}");
    }
    prop_assert!(f.exact.matched <= f.overlap.matched, "{what}");
    prop_assert!(f.kappa.is_none_or(|k| k <= 1.0 + 1e-12 && k.is_finite()), "{what} κ {:?}", f.kappa);
    prop_assert!(f.alpha.is_none_or(|a| a <= 1.0 + 1e-12 && a.is_finite()), "{what} α {:?}", f.alpha);
    Ok(())
}

proptest! {
    #[test]
    fn every_span_is_in_one_item_and_the_counts_add_up(text_len in 1usize..200, a in layer(), b in layer()) {
        let ids_a: Vec<String> = (0..a.len()).map(|i| format!("a{i}")).collect();
        let ids_b: Vec<String> = (0..b.len()).map(|i| format!("b{i}")).collect();
        let (a, b) = (units(&a, &ids_a, text_len), units(&b, &ids_b, text_len));
        let c = compare(&a, &b, text_len);
        let (mut seen_a, mut seen_b) = (vec![0; a.len()], vec![0; b.len()]);
        for item in &c.differences {
            let both = matches!(item.kind, ItemKind::Agree | ItemKind::Label | ItemKind::Boundary);
            prop_assert_eq!(item.index_a.is_some(), both || item.kind == ItemKind::OnlyA, "{:?}", item);
            prop_assert_eq!(item.index_b.is_some(), both || item.kind == ItemKind::OnlyB, "{:?}", item);
            if let Some(i) = item.index_a {
                seen_a[i] += 1;
                prop_assert_eq!(item.a.as_deref(), Some(a[i].id));
            }
            if let Some(j) = item.index_b {
                seen_b[j] += 1;
                prop_assert_eq!(item.b.as_deref(), Some(b[j].id));
            }
        }
        prop_assert!(seen_a.iter().chain(&seen_b).all(|&n| n == 1), "A {:?} B {:?}", seen_a, seen_b);
        let n = &c.all.counts;
        prop_assert_eq!(n.matches + n.label_disagreements + n.boundary_differences + n.only_a, a.len());
        prop_assert_eq!(n.matches + n.label_disagreements + n.boundary_differences + n.only_b, b.len());
        prop_assert_eq!((c.all.exact.of_a, c.all.exact.of_b), (a.len(), b.len()));
        check_figures(&c.all, "all")?;
        for (label, f) in &c.labels {
            prop_assert_eq!(f.exact.of_a, a.iter().filter(|u| u.label == label).count());
            prop_assert_eq!(f.exact.of_b, b.iter().filter(|u| u.label == label).count());
            check_figures(f, label)?;
        }
        for w in c.differences.windows(2) {
            prop_assert!((w[0].start, std::cmp::Reverse(w[0].end)) <= (w[1].start, std::cmp::Reverse(w[1].end)), "{:?} before {:?}", w[0], w[1]);
        }
    }
}
