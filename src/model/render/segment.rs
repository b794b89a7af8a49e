//! Overlapping and nested annotation spans cut into non-overlapping render segments.

use crate::model::text::{CharOffset, Span};

/// A run of text covered by the same set of annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    /// Indexes into the `spans` given to [`segments`], outermost (longest) first.
    pub covering: Vec<usize>,
}

/// Cuts `range` at every edge of `spans` that falls inside it. Every code point of `range`
/// is in exactly one segment; segments come in text order; uncovered text has `covering` empty.
pub fn segments(range: Span, spans: &[Span]) -> Vec<Segment> {
    let mut cuts: Vec<CharOffset> = vec![range.start, range.end];
    for s in spans {
        for edge in [s.start, s.end] {
            if range.start < edge && edge < range.end {
                cuts.push(edge);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Longest first, so nesting reads outside-in; ties keep the caller's order.
    let mut by_length: Vec<usize> = (0..spans.len()).collect();
    by_length.sort_by(|&a, &b| spans[b].len().cmp(&spans[a].len()).then(a.cmp(&b)));
    cuts.windows(2)
        .map(|w| {
            let span = Span { start: w[0], end: w[1] };
            let covering = by_length.iter().copied().filter(|&i| spans[i].overlaps(&span)).collect();
            Segment { span, covering }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn nested_and_overlapping_spans() {
        let segs = segments(Span::new(0, 10), &[Span::new(2, 8), Span::new(4, 6), Span::new(7, 12)]);
        let got: Vec<_> = segs.iter().map(|s| (s.span.start.0, s.span.end.0, s.covering.clone())).collect();
        assert_eq!(got, vec![(0, 2, vec![]), (2, 4, vec![0]), (4, 6, vec![0, 1]), (6, 7, vec![0]), (7, 8, vec![0, 2]), (8, 10, vec![2]),]);
    }

    #[test]
    fn empty_range_has_no_segments() {
        assert!(segments(Span::new(3, 3), &[Span::new(0, 5)]).is_empty());
    }

    proptest! {
        #[test]
        fn segments_tile_the_range_and_cover_exactly(spans in prop::collection::vec((0usize..40, 1usize..15), 0..12), start in 0usize..20, len in 0usize..30) {
            let range = Span::new(start, start + len);
            let spans: Vec<Span> = spans.into_iter().map(|(s, l)| Span::new(s, s + l)).collect();
            let segs = segments(range, &spans);
            let mut at = range.start;
            for seg in &segs {
                prop_assert_eq!(seg.span.start, at);
                prop_assert!(seg.span.start < seg.span.end);
                at = seg.span.end;
                for p in seg.span.start.0..seg.span.end.0 {
                    let expected: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].contains(CharOffset(p))).collect();
                    let mut got = seg.covering.clone();
                    got.sort_unstable();
                    prop_assert_eq!(got, expected);
                }
            }
            prop_assert_eq!(at, range.end);
        }
    }
}
