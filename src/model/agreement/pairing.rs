//! How the spans of A and B pair up: exact matches first, then same-label overlaps one-to-one
//! (greatest overlap first, ties by earliest start), then same span with another label; what is
//! left is only in A or only in B.

use super::Unit;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// Same label, start and end.
    Agree,
    /// Same start and end, another label.
    Label,
    /// Same label, overlapping, other boundaries.
    Boundary,
    OnlyA,
    OnlyB,
}

impl ItemKind {
    pub const ALL: [ItemKind; 5] = [ItemKind::Agree, ItemKind::Label, ItemKind::Boundary, ItemKind::OnlyA, ItemKind::OnlyB];

    /// Its name in the interface.
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Agree => "Agreement",
            ItemKind::Label => "Label disagreement",
            ItemKind::Boundary => "Boundary difference",
            ItemKind::OnlyA => "Only in A",
            ItemKind::OnlyB => "Only in B",
        }
    }
}

/// One pairing: a span of A, of B, or one of each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub kind: ItemKind,
    pub a: Option<String>,
    pub b: Option<String>,
    /// Where A's and B's spans are in the input slices.
    pub index_a: Option<usize>,
    pub index_b: Option<usize>,
    /// From the earlier start to the later end of the two.
    pub start: usize,
    pub end: usize,
}

fn overlap(x: &Unit, y: &Unit) -> usize {
    x.end.min(y.end).saturating_sub(x.start.max(y.start))
}

/// Every span of `a` and of `b` in exactly one item, in text order (by start, longer first).
pub fn pair(a: &[Unit], b: &[Unit]) -> Vec<Item> {
    let mut with_a: Vec<Option<usize>> = vec![None; a.len()];
    let mut with_b: Vec<Option<usize>> = vec![None; b.len()];
    let mut kinds: HashMap<usize, ItemKind> = HashMap::new();
    // 1. Exact: the same label, start and end; duplicates of one annotator match at most once.
    let mut exact: HashMap<(usize, usize, &str), Vec<usize>> = HashMap::new();
    for (j, u) in b.iter().enumerate().rev() {
        exact.entry((u.start, u.end, u.label)).or_default().push(j);
    }
    for (i, u) in a.iter().enumerate() {
        if let Some(j) = exact.get_mut(&(u.start, u.end, u.label)).and_then(Vec::pop) {
            with_a[i] = Some(j);
            with_b[j] = Some(i);
            kinds.insert(i, ItemKind::Agree);
        }
    }
    // 2. Overlap, per label, among what is left: every overlapping candidate, greatest overlap
    // first, then A's start, B's start, A's index, B's index.
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    let mut events: Vec<(usize, bool, usize)> = Vec::new();
    events.extend(a.iter().enumerate().filter(|(i, _)| with_a[*i].is_none()).map(|(i, u)| (u.start, true, i)));
    events.extend(b.iter().enumerate().filter(|(j, _)| with_b[*j].is_none()).map(|(j, u)| (u.start, false, j)));
    events.sort_unstable();
    // Per label, the spans of each side still open at the sweep's position.
    let mut open_a: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut open_b: HashMap<&str, Vec<usize>> = HashMap::new();
    for (start, is_a, k) in events {
        let (unit, mine, theirs) = if is_a { (&a[k], &mut open_a, &mut open_b) } else { (&b[k], &mut open_b, &mut open_a) };
        if let Some(list) = theirs.get_mut(unit.label) {
            let other = if is_a { b } else { a };
            list.retain(|&o| other[o].end > start);
            for &o in list.iter() {
                let (i, j) = if is_a { (k, o) } else { (o, k) };
                // At least one code point in common (an empty span shares none).
                let common = overlap(&a[i], &b[j]);
                if common > 0 {
                    candidates.push((common, i, j));
                }
            }
        }
        mine.entry(unit.label).or_default().push(k);
    }
    candidates.sort_unstable_by(|x, y| {
        y.0.cmp(&x.0).then(a[x.1].start.cmp(&a[y.1].start)).then(b[x.2].start.cmp(&b[y.2].start)).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
    });
    for (_, i, j) in candidates {
        if with_a[i].is_none() && with_b[j].is_none() {
            with_a[i] = Some(j);
            with_b[j] = Some(i);
            kinds.insert(i, ItemKind::Boundary);
        }
    }
    // 3. The same span with another label.
    let mut spans: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (j, u) in b.iter().enumerate().rev().filter(|(j, _)| with_b[*j].is_none()) {
        spans.entry((u.start, u.end)).or_default().push(j);
    }
    let left: Vec<usize> = (0..a.len()).filter(|&i| with_a[i].is_none()).collect();
    for i in left {
        let u = &a[i];
        if let Some(j) = spans.get_mut(&(u.start, u.end)).and_then(Vec::pop) {
            with_a[i] = Some(j);
            with_b[j] = Some(i);
            kinds.insert(i, ItemKind::Label);
        }
    }
    let mut items: Vec<Item> = Vec::with_capacity(a.len() + b.len());
    for (i, u) in a.iter().enumerate() {
        let j = with_a[i];
        let (start, end) = j.map_or((u.start, u.end), |j| (u.start.min(b[j].start), u.end.max(b[j].end)));
        let kind = if j.is_some() { kinds[&i] } else { ItemKind::OnlyA };
        items.push(Item { kind, a: Some(u.id.to_string()), b: j.map(|j| b[j].id.to_string()), index_a: Some(i), index_b: j, start, end });
    }
    for (j, u) in b.iter().enumerate().filter(|(j, _)| with_b[*j].is_none()) {
        items.push(Item { kind: ItemKind::OnlyB, a: None, b: Some(u.id.to_string()), index_a: None, index_b: Some(j), start: u.start, end: u.end });
    }
    items.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)).then(x.index_a.cmp(&y.index_a)).then(x.index_b.cmp(&y.index_b)));
    items
}
