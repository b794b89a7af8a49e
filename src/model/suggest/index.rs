//! Indexes for matching: a character trie (many keys looked up at once while walking a folded
//! text, one step per character; the alphabet of a text is small, so each node's children are a
//! short sorted list) and a set of spans asked whether a span overlaps one of them.

use crate::model::text::{CharOffset, Span, TextIndex};

#[derive(Clone, Debug, Default)]
struct Node {
    children: Vec<(char, u32)>,
    /// The values of the keys that end here.
    values: Vec<u32>,
}

#[derive(Clone, Debug)]
pub struct Trie {
    nodes: Vec<Node>,
}

impl Default for Trie {
    fn default() -> Self {
        Trie { nodes: vec![Node::default()] }
    }
}

/// A place in the trie: the root, or the node a walk has reached.
pub type At = u32;

pub const ROOT: At = 0;

impl Trie {
    /// Adds `value` under `key`.
    pub fn insert(&mut self, key: impl IntoIterator<Item = char>, value: u32) {
        let mut at = ROOT;
        for c in key {
            at = match self.step(at, c) {
                Some(next) => next,
                None => {
                    let next = self.nodes.len() as u32;
                    self.nodes.push(Node::default());
                    let children = &mut self.nodes[at as usize].children;
                    let i = children.partition_point(|(k, _)| *k < c);
                    children.insert(i, (c, next));
                    next
                }
            };
        }
        self.nodes[at as usize].values.push(value);
    }

    /// The node after `c` from `at`, if a key goes on that way.
    pub fn step(&self, at: At, c: char) -> Option<At> {
        let children = &self.nodes[at as usize].children;
        children.binary_search_by(|(k, _)| k.cmp(&c)).ok().map(|i| children[i].1)
    }

    /// The values of the keys that end at `at`.
    pub fn values(&self, at: At) -> &[u32] {
        &self.nodes[at as usize].values
    }

    pub fn is_empty(&self) -> bool {
        self.nodes[0].children.is_empty()
    }
}

/// Sorts `(key, index)` pairs. Every sort of the suggesters goes through this one instantiation:
/// each sort the compiler instantiates costs kilobytes of WebAssembly.
pub fn sort_keys(keys: &mut [(u64, u32)]) {
    keys.sort_unstable();
}

/// Sorts pairs of offsets through [`sort_keys`] (offsets below 2³², as any text's are).
pub fn sort_pairs(pairs: &mut [(usize, usize)]) {
    let mut keys: Vec<(u64, u32)> = pairs.iter().map(|&(a, b)| (((a as u64) << 32) | b as u64, 0)).collect();
    sort_keys(&mut keys);
    for (pair, (key, _)) in pairs.iter_mut().zip(keys) {
        *pair = ((key >> 32) as usize, (key & u32::MAX as u64) as usize);
    }
}

/// `n` if it is below `max`, else `max`, as a key field.
pub fn field(n: usize, max: u64) -> u64 {
    (n as u64).min(max)
}

/// Spans, asked in O(log n) whether a span overlaps one of them.
#[derive(Clone, Debug, Default)]
pub struct SpanSet {
    starts: Vec<usize>,
    /// `max_end[i]`: the furthest end among the first `i + 1` spans by start.
    max_end: Vec<usize>,
}

impl SpanSet {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let spans: Vec<Span> = spans.into_iter().collect();
        let mut order: Vec<(u64, u32)> = spans.iter().enumerate().map(|(i, s)| (s.start.0 as u64, i as u32)).collect();
        sort_keys(&mut order);
        let mut furthest = 0;
        let max_end = order
            .iter()
            .map(|&(_, i)| {
                furthest = furthest.max(spans[i as usize].end.0);
                furthest
            })
            .collect();
        SpanSet { starts: order.iter().map(|&(start, _)| start as usize).collect(), max_end }
    }

    /// Whether `span` shares a code point with one of the spans.
    pub fn overlaps(&self, span: Span) -> bool {
        let before_end = self.starts.partition_point(|&s| s < span.end.0);
        before_end > 0 && self.max_end[before_end - 1] > span.start.0
    }
}

/// The text of spans taken in text order: each start found from the last one when it is near,
/// else (and for a span before the last) by the text's own search.
pub struct Slicer<'a> {
    text: &'a TextIndex,
    byte: usize,
    char: usize,
}

impl<'a> Slicer<'a> {
    pub fn new(text: &'a TextIndex) -> Self {
        Slicer { text, byte: 0, char: 0 }
    }

    /// How many bytes the first `chars` code points of `s` take (fewer if `s` is shorter).
    fn bytes(s: &str, chars: usize) -> usize {
        let mut starts = 0;
        for (i, b) in s.bytes().enumerate() {
            // A code point starts at every byte that is not a continuation byte.
            if b & 0xC0 != 0x80 {
                if starts == chars {
                    return i;
                }
                starts += 1;
            }
        }
        s.len()
    }

    /// The text of `span`; `None` if it is past the end.
    pub fn slice(&mut self, span: Span) -> Option<&'a str> {
        let s = self.text.as_str();
        if span.start.0 < self.char || span.start.0 - self.char > 128 {
            self.byte = self.text.byte_of(span.start)?;
        } else {
            self.byte += Self::bytes(&s[self.byte..], span.start.0 - self.char);
        }
        self.char = span.start.0;
        if span.end.0 > self.text.char_len() || span.end < span.start {
            return None;
        }
        let len = Self::bytes(&s[self.byte..], span.len());
        Some(&s[self.byte..self.byte + len])
    }
}

/// `span` with up to `n` more code points on either side, within the text.
pub fn widened(text: &TextIndex, span: Span, n: usize) -> Span {
    Span { start: CharOffset(span.start.0.saturating_sub(n)), end: CharOffset((span.end.0 + n).min(text.char_len())) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slicer_gives_each_span_s_text_in_any_order() {
        let text = TextIndex::new("سلام 😀 world, שלום");
        let mut slicer = Slicer::new(&text);
        for span in [Span::new(0, 4), Span::new(5, 6), Span::new(7, 12), Span::new(2, 9), Span::new(14, 18), Span::new(18, 18)] {
            assert_eq!(slicer.slice(span), text.slice(span), "{span:?}");
        }
        assert_eq!(slicer.slice(Span::new(10, 19)), None);
        assert_eq!(widened(&text, Span::new(1, 16), 3), Span::new(0, 18));
    }

    #[test]
    fn a_span_set_tells_overlap_from_touching() {
        let set = SpanSet::new([Span::new(10, 20), Span::new(2, 30), Span::new(40, 45)]);
        assert!(set.overlaps(Span::new(25, 26)), "inside the long one only");
        assert!(set.overlaps(Span::new(44, 50)));
        assert!(!set.overlaps(Span::new(30, 40)), "touching both");
        assert!(!set.overlaps(Span::new(0, 2)));
        assert!(!SpanSet::default().overlaps(Span::new(0, 5)));
    }

    #[test]
    fn walks_find_every_key_that_ends_on_the_way() {
        let mut t = Trie::default();
        t.insert("لاف".chars(), 1);
        t.insert("لافروف".chars(), 2);
        t.insert("لافروف".chars(), 3);
        let mut at = ROOT;
        let mut found = Vec::new();
        for c in "لافروفي".chars() {
            match t.step(at, c) {
                Some(next) => at = next,
                None => break,
            }
            found.extend_from_slice(t.values(at));
        }
        assert_eq!(found, [1, 2, 3]);
        assert_eq!(t.step(ROOT, 'x'), None);
        assert!(Trie::default().is_empty());
    }
}
