//! Agreement figures on cases worked out by hand: exact against overlap, ties, duplicates,
//! nesting, empty layers and undefined κ.

use super::*;

fn u<'a>(id: &'a str, start: usize, end: usize, label: &'a str) -> Unit<'a> {
    Unit { id, start, end, label }
}

fn kinds(c: &Comparison) -> Vec<(ItemKind, Option<&str>, Option<&str>)> {
    c.differences.iter().map(|i| (i.kind, i.a.as_deref(), i.b.as_deref())).collect()
}

#[test]
fn exact_then_overlap_then_label_then_leftovers() {
    let a = [u("a1", 0, 10, "claim"), u("a2", 20, 30, "claim"), u("a3", 40, 50, "quote"), u("a4", 60, 70, "actor")];
    let b = [u("b1", 0, 10, "claim"), u("b2", 22, 35, "claim"), u("b3", 40, 50, "claim"), u("b4", 80, 90, "actor")];
    let c = compare(&a, &b, 100);
    assert_eq!(
        kinds(&c),
        [
            (ItemKind::Agree, Some("a1"), Some("b1")),
            (ItemKind::Boundary, Some("a2"), Some("b2")),
            (ItemKind::Label, Some("a3"), Some("b3")),
            (ItemKind::OnlyA, Some("a4"), None),
            (ItemKind::OnlyB, None, Some("b4")),
        ]
    );
    assert_eq!(c.all.exact, F1 { matched: 1, of_a: 4, of_b: 4 });
    assert_eq!(c.all.overlap, F1 { matched: 2, of_a: 4, of_b: 4 });
    assert_eq!(c.all.exact.f1(), Some(0.25));
    let claim = &c.labels.iter().find(|(l, _)| l == "claim").unwrap().1;
    assert_eq!(claim.exact, F1 { matched: 1, of_a: 2, of_b: 3 });
    assert_eq!(claim.overlap.f1(), Some(4.0 / 5.0));
    assert_eq!(c.all.counts, Counts { matches: 1, label_disagreements: 1, boundary_differences: 1, only_a: 1, only_b: 1 });
    // Confusion: rows A, columns B over actor, claim, quote, (none).
    assert_eq!(c.confusion.labels, ["actor", "claim", "quote", NONE]);
    assert_eq!(c.confusion.cells[2][1], 1, "A's quote where B said claim");
    assert_eq!(c.confusion.cells[1][1], 2, "a match and a boundary difference");
    assert_eq!(c.confusion.cells[0][3], 1);
    assert_eq!(c.confusion.cells[3][0], 1);
}

#[test]
fn overlap_pairs_the_greatest_overlap_first_and_ties_by_earliest_start() {
    // b1 overlaps a1 by 5 and a2 by 8: a2 takes it; a1 is left alone.
    let a = [u("a1", 0, 10, "claim"), u("a2", 5, 13, "claim")];
    let b = [u("b1", 5, 15, "claim")];
    let c = compare(&a, &b, 20);
    assert_eq!(kinds(&c), [(ItemKind::OnlyA, Some("a1"), None), (ItemKind::Boundary, Some("a2"), Some("b1"))]);
    // Equal overlaps: the earlier start wins.
    let a = [u("a1", 0, 4, "claim"), u("a2", 6, 10, "claim")];
    let b = [u("b1", 2, 8, "claim")];
    let c = compare(&a, &b, 20);
    assert_eq!(c.differences.iter().find(|i| i.kind == ItemKind::Boundary).unwrap().a.as_deref(), Some("a1"));
}

#[test]
fn duplicates_match_once_and_an_exact_partner_is_never_stolen_by_overlap() {
    let a = [u("a1", 0, 10, "claim"), u("a2", 0, 10, "claim")];
    let b = [u("b1", 0, 10, "claim"), u("b2", 0, 20, "claim")];
    let c = compare(&a, &b, 30);
    assert_eq!(c.all.counts.matches, 1);
    assert_eq!(c.all.counts.boundary_differences, 1);
    assert_eq!(c.differences.len(), 2);
}

#[test]
fn kappa_and_alpha_over_code_points() {
    // Text of 10: A covers 0..4, B covers 2..6 with one label.
    let a = [u("a", 0, 4, "claim")];
    let b = [u("b", 2, 6, "claim")];
    let c = compare(&a, &b, 10);
    // n11 = 2, n10 = 2, n01 = 2, n00 = 4: po = .6, pe = .4·.4 + .6·.6 = .52, κ = .08 / .48.
    let k = c.all.kappa.unwrap();
    assert!((k - 0.08 / 0.48).abs() < 1e-12, "{k}");
    // α: coincidences o11 = 4, o00 = 8, o10 = o01 = 4; n1 = 8, n0 = 12, n = 20:
    // α = 1 − 19 · 8 / (2 · 8 · 12).
    let alpha = c.all.alpha.unwrap();
    assert!((alpha - (1.0 - 19.0 * 8.0 / 192.0)).abs() < 1e-12, "{alpha}");
    assert_eq!(c.labels[0].1.kappa, c.all.kappa, "one label: the same figures");
}

#[test]
fn undefined_figures_are_none_never_a_division_by_zero() {
    let c = compare(&[], &[], 50);
    assert_eq!(c.all.exact.f1(), None);
    assert_eq!(c.all.kappa, None);
    assert_eq!(c.all.alpha, None);
    assert!(c.differences.is_empty());
    // A label only A used: F1 is 0, κ is defined (B never covers it), recall undefined.
    let c = compare(&[u("a", 0, 5, "quote")], &[], 10);
    assert_eq!(c.all.exact.f1(), Some(0.0));
    assert_eq!(c.all.exact.recall(), None);
    assert_eq!(c.all.kappa, Some(0.0));
    // No text at all.
    assert_eq!(compare(&[], &[], 0).all.alpha, None);
}

#[test]
fn alpha_on_a_single_code_point_is_defined_when_the_two_values_differ() {
    // One unit, A "claim", B none: n = 2 values, D_o = 2, D_e = 2, α = 1 − 1·2/2 = 0 (the
    // krippendorff package agrees); κ is 0 too. Both the same: one value, undefined.
    let c = compare(&[u("a", 0, 1, "claim")], &[], 1);
    assert_eq!(c.all.alpha, Some(0.0));
    assert_eq!(c.labels[0].1.alpha, Some(0.0));
    assert_eq!(c.all.kappa, Some(0.0));
    let c = compare(&[u("a", 0, 1, "claim")], &[u("b", 0, 1, "claim")], 1);
    assert_eq!((c.all.alpha, c.all.kappa), (None, None));
}

#[test]
fn an_empty_span_overlaps_nothing() {
    // (5, 5) lies inside (3, 8) but shares no code point with it: no boundary difference.
    let c = compare(&[u("a1", 5, 5, "claim")], &[u("b1", 3, 8, "claim")], 10);
    assert_eq!(c.all.counts, Counts { only_a: 1, only_b: 1, ..Counts::default() });
    assert_eq!(c.all.overlap.matched, 0);
}

#[test]
fn overlapping_spans_of_one_annotator_make_a_combined_value() {
    let a = [u("a1", 0, 6, "claim"), u("a2", 3, 9, "quote")];
    let b = [u("b1", 0, 6, "claim"), u("b2", 3, 9, "quote")];
    let c = compare(&a, &b, 12);
    assert_eq!(c.all.kappa, Some(1.0));
    assert_eq!(c.all.alpha, Some(1.0));
    // B drops the quote: code points 3..6 are claim+quote in A, claim in B; 6..9 quote against none.
    let c = compare(&a, &b[..1], 12);
    assert!(c.all.kappa.unwrap() < 1.0);
    assert_eq!(c.labels.iter().find(|(l, _)| l == "claim").unwrap().1.kappa, Some(1.0));
}

#[test]
fn the_reports_carry_every_label_and_pair() {
    let a = [u("a1", 0, 10, "claim")];
    let b = [u("b1", 0, 12, "claim"), u("b2", 20, 25, "=cmd")];
    let c = compare(&a, &b, 30);
    let meta = report::ReportMeta { article_id: "art".into(), title: "T".into() };
    let csv = report::to_csv(&meta, &[("rana", "omar, jr", &c)]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + 2 + 1);
    assert!(lines[0].starts_with("article,layer_a,layer_b,label,exact_matched"));
    assert!(csv.contains("\"omar, jr\""));
    assert!(csv.contains(",'=cmd,"), "a formula is neutralised: {csv}");
    let json: serde_json::Value = serde_json::from_str(&report::to_json(&meta, &[("rana", "omar", &c)])).unwrap();
    assert_eq!(json["version"], report::DEFINITIONS_VERSION);
    assert_eq!(json["pairs"][0]["all"]["overlap"]["matched"], 1);
    assert!(json["pairs"][0]["labels"]["=cmd"]["exact"]["precision"].is_null());
    assert_eq!(json["definitions"].as_object().unwrap().len(), report::DEFINITIONS.len());
}
