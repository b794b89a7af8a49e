//! Properties of any comparison: every span in exactly one item, the counts adding up, figures in
//! range, items in text order.

use super::*;
use proptest::prelude::*;

fn spans() -> impl Strategy<Value = Vec<(usize, usize, usize)>> {
    prop::collection::vec((0usize..60, 1usize..20, 0usize..3), 0..25).prop_map(|v| v.into_iter().map(|(s, l, k)| (s, (s + l).min(70), k)).collect())
}

const LABELS: [&str; 3] = ["claim", "quote", "actor"];

proptest! {
    #[test]
    fn every_span_is_in_one_item_and_the_counts_add_up(a in spans(), b in spans()) {
        let ids_a: Vec<String> = (0..a.len()).map(|i| format!("a{i}")).collect();
        let ids_b: Vec<String> = (0..b.len()).map(|i| format!("b{i}")).collect();
        let ua: Vec<Unit> = a.iter().zip(&ids_a).map(|(&(start, end, k), id)| Unit { id, start, end, label: LABELS[k] }).collect();
        let ub: Vec<Unit> = b.iter().zip(&ids_b).map(|(&(start, end, k), id)| Unit { id, start, end, label: LABELS[k] }).collect();
        let c = compare(&ua, &ub, 70);
        let mut seen_a = vec![0; a.len()];
        let mut seen_b = vec![0; b.len()];
        for i in &c.differences {
            if let Some(k) = i.index_a { seen_a[k] += 1; }
            if let Some(k) = i.index_b { seen_b[k] += 1; }
        }
        prop_assert!(seen_a.iter().all(|&n| n == 1) && seen_b.iter().all(|&n| n == 1));
        let n = &c.all.counts;
        prop_assert_eq!(n.matches + n.label_disagreements + n.boundary_differences + n.only_a, a.len());
        prop_assert_eq!(n.matches + n.label_disagreements + n.boundary_differences + n.only_b, b.len());
        for f in c.labels.iter().map(|(_, f)| f).chain([&c.all]) {
            for x in [f.exact.f1(), f.overlap.f1(), f.exact.precision(), f.overlap.recall()].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&x));
            }
            prop_assert!(f.exact.matched <= f.overlap.matched);
            for x in [f.kappa, f.alpha].into_iter().flatten() {
                prop_assert!(x <= 1.0 + 1e-12);
            }
        }
        prop_assert!(c.differences.windows(2).all(|w| (w[0].start, std::cmp::Reverse(w[0].end)) <= (w[1].start, std::cmp::Reverse(w[1].end))));
        // The confusion table counts every item once.
        let cells: usize = c.confusion.cells.iter().flatten().sum();
        prop_assert_eq!(cells, c.differences.len());
    }
}
