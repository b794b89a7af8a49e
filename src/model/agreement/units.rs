//! Cohen's κ and Krippendorff's α over code points. Each code point of the text is a unit; per
//! label its value is "covered by that label" or not, for each annotator; over all labels it is
//! the set of labels covering it (one category, such as "claim+quote", or none). The tables are
//! built by sweeping the span boundaries, so cost follows the spans, not the text's length.

use super::Unit;
use std::collections::HashMap;

/// How many code points each pair of values (A's, B's) has.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub cells: HashMap<(String, String), usize>,
}

impl Table {
    fn add(&mut self, x: &str, y: &str, n: usize) {
        if n > 0 {
            *self.cells.entry((x.to_string(), y.to_string())).or_default() += n;
        }
    }
}

pub struct Tables {
    pub per_label: Vec<Table>,
    pub all: Table,
}

/// The tables per label (values "1"/"0") and over all labels (label sets joined by "+").
pub fn tables(a: &[Unit], b: &[Unit], text_len: usize, names: &[&str]) -> Tables {
    let at = |l: &str| names.binary_search(&l).expect("every label is listed");
    // Boundaries where some label's count changes, for A (side 0) and B (side 1).
    let mut events: Vec<(usize, usize, usize, i64)> = Vec::new();
    for (side, list) in [a, b].into_iter().enumerate() {
        for u in list {
            let (s, e) = (u.start.min(text_len), u.end.min(text_len));
            if s < e {
                events.push((s, side, at(u.label), 1));
                events.push((e, side, at(u.label), -1));
            }
        }
    }
    events.sort_unstable();
    let mut counts = vec![vec![0i64; names.len()]; 2];
    let mut per: Vec<[usize; 4]> = vec![[0; 4]; names.len()]; // n11, n10, n01, n00
    let mut all = Table::default();
    let mut at_pos = 0usize;
    let mut k = 0;
    let segment = |from: usize, to: usize, counts: &Vec<Vec<i64>>, per: &mut Vec<[usize; 4]>, all: &mut Table| {
        let len = to - from;
        if len == 0 {
            return;
        }
        let set = |side: usize| names.iter().enumerate().filter(|(l, _)| counts[side][*l] > 0).map(|(_, n)| *n).collect::<Vec<_>>().join("+");
        all.add(&set(0), &set(1), len);
        for (l, cell) in per.iter_mut().enumerate() {
            let (x, y) = (counts[0][l] > 0, counts[1][l] > 0);
            cell[match (x, y) {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (false, false) => 3,
            }] += len;
        }
    };
    while k < events.len() {
        let pos = events[k].0;
        segment(at_pos, pos, &counts, &mut per, &mut all);
        while k < events.len() && events[k].0 == pos {
            let (_, side, l, d) = events[k];
            counts[side][l] += d;
            k += 1;
        }
        at_pos = pos;
    }
    segment(at_pos, text_len, &counts, &mut per, &mut all);
    let per_label = per
        .into_iter()
        .map(|[n11, n10, n01, n00]| {
            let mut t = Table::default();
            t.add("1", "1", n11);
            t.add("1", "0", n10);
            t.add("0", "1", n01);
            t.add("0", "0", n00);
            t
        })
        .collect();
    Tables { per_label, all }
}

/// The values each annotator gave, with how many units each.
fn margins(t: &Table) -> (HashMap<&str, f64>, HashMap<&str, f64>, f64) {
    let (mut ma, mut mb, mut n) = (HashMap::new(), HashMap::new(), 0.0);
    for ((x, y), &c) in &t.cells {
        *ma.entry(x.as_str()).or_insert(0.0) += c as f64;
        *mb.entry(y.as_str()).or_insert(0.0) += c as f64;
        n += c as f64;
    }
    (ma, mb, n)
}

/// Cohen's κ = (p_o − p_e) / (1 − p_e); undefined when p_e is 1 (both gave one and the same value
/// to every unit) or there are no units.
pub fn kappa(t: &Table) -> Option<f64> {
    let (ma, mb, n) = margins(t);
    if n == 0.0 || (ma.len() == 1 && mb.len() == 1 && ma.keys().next() == mb.keys().next()) {
        return None;
    }
    let agree: f64 = t.cells.iter().filter(|((x, y), _)| x == y).map(|(_, &c)| c as f64).sum();
    let po = agree / n;
    let pe: f64 = ma.iter().map(|(v, ca)| (ca / n) * (mb.get(v).copied().unwrap_or(0.0) / n)).sum();
    Some((po - pe) / (1.0 - pe))
}

/// Krippendorff's α (nominal, two coders, no missing values) = 1 − D_o / D_e from the coincidence
/// matrix; undefined when one value is all there is (D_e = 0, which covers no units at all). A
/// single unit with two different values is defined: n = 2, D_e = 2, α = 1 − 1·2/2 = 0 (as the
/// krippendorff package has it).
pub fn alpha(t: &Table) -> Option<f64> {
    let (ma, mb, n_units) = margins(t);
    // Each unit adds (x, y) and (y, x) to the coincidences: n_c is how often value c occurs.
    let mut nc: HashMap<&str, f64> = HashMap::new();
    for (v, c) in ma.iter().chain(mb.iter()) {
        *nc.entry(v).or_insert(0.0) += c;
    }
    let n = 2.0 * n_units;
    let disagree: f64 = t.cells.iter().filter(|((x, y), _)| x != y).map(|(_, &c)| 2.0 * c as f64).sum();
    let total: f64 = nc.values().sum();
    let expected: f64 = nc.values().map(|c| c * (total - c)).sum();
    if expected == 0.0 {
        return None;
    }
    Some(1.0 - (n - 1.0) * disagree / expected)
}
