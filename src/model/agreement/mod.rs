//! Agreement between two annotators' spans: exact-match and overlap F1, Cohen's κ and
//! Krippendorff's α over code points, the counts of each kind of difference, a label confusion
//! table, and the differences themselves in text order (what adjudication walks).
//!
//! Pure and independent of the rest of the model: spans come in as plain [`Unit`]s.

mod pairing;
#[cfg(test)]
mod prop_tests;
pub mod report;
#[cfg(test)]
mod tests;
mod units;

pub use pairing::{Item, ItemKind};

/// One span of one annotator: code-point offsets, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit<'a> {
    pub id: &'a str,
    pub start: usize,
    pub end: usize,
    pub label: &'a str,
}

/// Matched spans out of A's and B's: precision against A, recall against B.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct F1 {
    pub matched: usize,
    pub of_a: usize,
    pub of_b: usize,
}

fn ratio(n: usize, d: usize) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

impl F1 {
    pub fn precision(&self) -> Option<f64> {
        ratio(self.matched, self.of_a)
    }
    pub fn recall(&self) -> Option<f64> {
        ratio(self.matched, self.of_b)
    }
    /// The harmonic mean of precision and recall: 2m / (|A| + |B|); undefined when both are empty.
    pub fn f1(&self) -> Option<f64> {
        ratio(2 * self.matched, self.of_a + self.of_b)
    }
    fn add(&mut self, o: &F1) {
        self.matched += o.matched;
        self.of_a += o.of_a;
        self.of_b += o.of_b;
    }
}

/// How many spans fell into each kind of pairing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub matches: usize,
    pub label_disagreements: usize,
    pub boundary_differences: usize,
    pub only_a: usize,
    pub only_b: usize,
}

/// The figures for one label, or for all labels together.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    pub exact: F1,
    pub overlap: F1,
    /// `None` where it is undefined (the label absent from both, or everywhere in both).
    pub kappa: Option<f64>,
    pub alpha: Option<f64>,
    pub counts: Counts,
}

/// Rows are A's labels, columns B's, both in `labels` order; the last row and column are "(none)".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Confusion {
    pub labels: Vec<String>,
    pub cells: Vec<Vec<usize>>,
}

pub const NONE: &str = "(none)";

/// Two annotators compared.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// Every label either used, sorted, with its figures.
    pub labels: Vec<(String, Figures)>,
    pub all: Figures,
    pub confusion: Confusion,
    /// Every span of A and of B in exactly one item, in text order.
    pub differences: Vec<Item>,
}

/// Compares A's spans with B's on a text of `text_len` code points.
pub fn compare(a: &[Unit], b: &[Unit], text_len: usize) -> Comparison {
    let items = pairing::pair(a, b);
    let mut names: Vec<&str> = a.iter().chain(b).map(|u| u.label).collect();
    names.sort_unstable();
    names.dedup();
    let at = |l: &str| names.binary_search(&l).expect("every label is listed");
    let mut per: Vec<Figures> = vec![Figures::default(); names.len()];
    for u in a {
        let f = &mut per[at(u.label)];
        f.exact.of_a += 1;
        f.overlap.of_a += 1;
    }
    for u in b {
        let f = &mut per[at(u.label)];
        f.exact.of_b += 1;
        f.overlap.of_b += 1;
    }
    let n = names.len();
    let mut cells = vec![vec![0usize; n + 1]; n + 1];
    let label_a = |i: &Item| i.index_a.map(|k| a[k].label);
    let label_b = |i: &Item| i.index_b.map(|k| b[k].label);
    for item in &items {
        let (la, lb) = (label_a(item), label_b(item));
        let (ra, cb) = (la.map_or(n, at), lb.map_or(n, at));
        cells[ra][cb] += 1;
        match item.kind {
            ItemKind::Agree => {
                let f = &mut per[ra];
                f.exact.matched += 1;
                f.overlap.matched += 1;
                f.counts.matches += 1;
            }
            ItemKind::Boundary => {
                per[ra].overlap.matched += 1;
                per[ra].counts.boundary_differences += 1;
            }
            ItemKind::Label => {
                per[ra].counts.label_disagreements += 1;
                per[cb].counts.label_disagreements += 1;
            }
            ItemKind::OnlyA => per[ra].counts.only_a += 1,
            ItemKind::OnlyB => per[cb].counts.only_b += 1,
        }
    }
    let mut all = Figures::default();
    for f in &per {
        all.exact.add(&f.exact);
        all.overlap.add(&f.overlap);
        let c = &f.counts;
        all.counts.matches += c.matches;
        all.counts.boundary_differences += c.boundary_differences;
        all.counts.only_a += c.only_a;
        all.counts.only_b += c.only_b;
    }
    all.counts.label_disagreements = items.iter().filter(|i| i.kind == ItemKind::Label).count();
    let tables = units::tables(a, b, text_len, &names);
    for (f, t) in per.iter_mut().zip(&tables.per_label) {
        f.kappa = units::kappa(t);
        f.alpha = units::alpha(t);
    }
    all.kappa = units::kappa(&tables.all);
    all.alpha = units::alpha(&tables.all);
    let mut labels: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let confusion_labels = {
        labels.push(NONE.to_string());
        std::mem::take(&mut labels)
    };
    let labels = names.iter().map(|s| s.to_string()).zip(per).collect();
    Comparison { labels, all, confusion: Confusion { labels: confusion_labels, cells }, differences: items }
}
