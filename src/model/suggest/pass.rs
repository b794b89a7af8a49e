//! Computing suggestions a few paragraphs at a time, so that a long article never blocks typing:
//! each step takes a range of paragraphs sized to fit a slice of a frame, and the list shown in
//! the meantime is what this pass found so far followed by what the previous list had further on
//! that still holds (so suggestions do not blink out and back after every edit).

use super::Suggestion;
use crate::model::text::TextIndex;
use std::ops::Range;

/// How long one step should take (ms): well inside a frame, with room for drawing what it found.
pub const BUDGET_MS: f64 = 8.0;

/// The most suggestions one pass finds (the first in text order): far more than anyone reviews,
/// and few enough that showing the list as it grows stays well inside a frame.
pub const MAX_FOUND: usize = 5_000;

/// How many paragraphs the first step takes: an article of this many or fewer is computed in
/// one step (after the indexes, each in a step of its own).
const FIRST_STEP: usize = 16;

/// The code points a range of paragraphs covers, `from..to`: from the first one's start (the
/// article's start for the first paragraph) to the next one's start (the article's end after the
/// last), so that consecutive ranges cover the whole text without a gap.
pub fn bounds(text: &TextIndex, paragraphs: &Range<usize>) -> (usize, usize) {
    let all = text.paragraphs();
    let start_of = |i: usize| if i == 0 { 0 } else { all.get(i).map_or(text.char_len(), |p| p.span.start.0) };
    (start_of(paragraphs.start), start_of(paragraphs.end.max(paragraphs.start)))
}

/// One computation of every suggestion, step by step through the paragraphs.
#[derive(Clone, Debug)]
pub struct Pass {
    paragraphs: usize,
    /// The first paragraph not computed yet.
    next: usize,
    /// How many paragraphs the next step takes.
    step: usize,
    /// The size and time (ms) of the last step, to tell a cost that grows with the paragraphs
    /// from one that does not.
    last: Option<(usize, f64)>,
    found: Vec<Suggestion>,
}

impl Pass {
    /// A pass over an article of `paragraphs` paragraphs.
    pub fn new(paragraphs: usize) -> Pass {
        Pass { paragraphs, next: 0, step: FIRST_STEP, last: None, found: Vec::new() }
    }

    /// The paragraphs the next step computes; `None` when the pass is done.
    pub fn next_range(&self) -> Option<Range<usize>> {
        (self.next < self.paragraphs).then(|| self.next..(self.next + self.step).min(self.paragraphs))
    }

    /// Takes what a step found in `range` and how long it took, and sizes the next step to the
    /// budget. From two steps of different sizes the cost is told apart into a part per
    /// paragraph and a part per step: steps get as many paragraphs as the budget pays for (a
    /// part per step that seems to fill the budget, as a slow machine's noise can make it, is
    /// not believed: the step is then sized from its own time alone). From one step alone: twice
    /// as many after a quick step, fewer after a slow one. Once [`MAX_FOUND`] suggestions are
    /// found, the pass is done: no one reviews more, and a longer list only costs.
    pub fn record(&mut self, range: Range<usize>, found: Vec<Suggestion>, elapsed_ms: f64) {
        self.found.extend(found);
        self.next = range.end.max(self.next);
        if self.found.len() >= MAX_FOUND {
            self.found.truncate(MAX_FOUND);
            self.next = self.paragraphs;
        }
        let (n, t) = (range.len().max(1), elapsed_ms.max(0.0));
        let rest = self.paragraphs.saturating_sub(self.next).max(1);
        let alone = || if t < BUDGET_MS / 2.0 { n.saturating_mul(2) } else { (n as f64 * BUDGET_MS / t) as usize };
        let step = match self.last.replace((n, t)) {
            Some((n0, t0)) if n0 != n => {
                let per = (t - t0) / (n as f64 - n0 as f64);
                let fixed = (t - per.max(0.0) * n as f64).max(0.0);
                if fixed >= BUDGET_MS / 2.0 {
                    alone()
                } else if per <= 0.0 {
                    n.saturating_mul(2)
                } else {
                    ((BUDGET_MS - fixed) / per) as usize
                }
            }
            _ => alone(),
        };
        // Never more than twice the last step: one quick step on a busy machine says little.
        self.step = step.min(n.saturating_mul(2)).clamp(1, rest);
    }

    pub fn is_done(&self) -> bool {
        self.next >= self.paragraphs
    }

    /// What the pass found so far, in text order.
    pub fn found(&self) -> &[Suggestion] {
        &self.found
    }

    /// How far it has got, in paragraphs, as a share of the article (0 to 1).
    pub fn progress(&self) -> f64 {
        if self.paragraphs == 0 {
            1.0
        } else {
            self.next.min(self.paragraphs) as f64 / self.paragraphs as f64
        }
    }

    /// The list to show now: what this pass found, then the suggestions of `before` (the last
    /// list) beyond where it has got that `holds` keeps (not rejected or accepted since).
    pub fn shown(&self, text: &TextIndex, before: &[Suggestion], holds: impl Fn(&Suggestion) -> bool) -> Vec<Suggestion> {
        let mut out = self.found.clone();
        if !self.is_done() {
            let (reached, _) = bounds(text, &(self.next..self.paragraphs));
            let rest = before.partition_point(|s| s.span.start.0 < reached);
            out.extend(before[rest..].iter().filter(|s| holds(s)).cloned());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::labels::LabelId;
    use crate::model::suggest::Kind;
    use crate::model::text::Span;

    fn at(start: usize, end: usize) -> Suggestion {
        Suggestion { span: Span::new(start, end), label: LabelId("actor".into()), kind: Kind::ActorMention, names: None, said_by: None, score: 1.0 }
    }

    #[test]
    fn consecutive_ranges_cover_the_text_without_a_gap() {
        let text = TextIndex::new("one\n\ntwo\nthree\n");
        assert_eq!(text.paragraphs().len(), 3);
        assert_eq!(bounds(&text, &(0..1)), (0, 5));
        assert_eq!(bounds(&text, &(1..2)), (5, 9));
        assert_eq!(bounds(&text, &(2..3)), (9, 15));
        assert_eq!(bounds(&text, &(0..3)), (0, 15));
        assert_eq!(bounds(&text, &(3..3)), (15, 15));
    }

    #[test]
    fn a_small_article_is_one_step() {
        let mut pass = Pass::new(12);
        assert_eq!(pass.next_range(), Some(0..12));
        pass.record(0..12, vec![at(1, 2)], 3.0);
        assert!(pass.is_done());
        assert_eq!(pass.next_range(), None);
        assert_eq!(pass.found().len(), 1);
        assert_eq!(pass.progress(), 1.0);
    }

    #[test]
    fn steps_grow_when_quick_and_shrink_to_the_budget_when_slow() {
        let mut pass = Pass::new(10_000);
        let first = pass.next_range().unwrap();
        assert_eq!(first, 0..16);
        pass.record(first, vec![], 1.0);
        let second = pass.next_range().unwrap();
        assert_eq!(second, 16..48, "twice as many after a quick step");
        // 16 paragraphs took 1 ms, 32 took 9: 0.5 ms a paragraph, 16 fit in 8 ms.
        pass.record(second, vec![], 9.0);
        let third = pass.next_range().unwrap();
        assert_eq!(third.len(), 16);
        pass.record(third, vec![], 9.0);
        assert!(!pass.is_done());
        assert!(pass.progress() > 0.0 && pass.progress() < 1.0);
        // Paragraphs that cost more than the budget each: one at a time.
        let mut pass = Pass::new(100);
        for _ in 0..3 {
            let range = pass.next_range().unwrap();
            let t = 20.0 * range.len() as f64;
            pass.record(range, vec![], t);
            assert_eq!(pass.next_range().unwrap().len(), 1, "never fewer than one paragraph");
        }
    }

    #[test]
    fn a_step_that_seemed_to_cost_the_budget_whatever_its_size_does_not_make_the_next_one_huge() {
        // The first step was slow (a busy machine), the second quick: the next keeps to the budget.
        let mut pass = Pass::new(3_000);
        pass.record(0..16, vec![], 40.0);
        let second = pass.next_range().unwrap();
        pass.record(second.clone(), vec![], 40.0 * second.len() as f64 / 16.0 + 30.0);
        assert!(pass.next_range().unwrap().len() < 16, "{:?}", pass.next_range());
        // And a cost that grows with the paragraphs keeps to the budget, however long the article.
        let mut pass = Pass::new(3_000);
        let mut longest: f64 = 0.0;
        while let Some(range) = pass.next_range() {
            let t = 0.2 * range.len() as f64 + 0.5;
            longest = longest.max(t);
            pass.record(range, vec![], t);
        }
        assert!(longest <= 2.0 * BUDGET_MS, "the first steps measure; then each keeps to the budget: {longest}");
    }

    #[test]
    fn a_pass_stops_at_the_most_suggestions_it_keeps() {
        let mut pass = Pass::new(100);
        pass.record(0..10, (0..MAX_FOUND + 5).map(|i| at(i, i + 1)).collect(), 1.0);
        assert!(pass.is_done());
        assert_eq!(pass.found().len(), MAX_FOUND);
    }

    #[test]
    fn an_empty_article_is_done_at_once() {
        let pass = Pass::new(0);
        assert!(pass.is_done());
        assert_eq!(pass.next_range(), None);
    }

    #[test]
    fn the_list_shown_meanwhile_keeps_what_still_holds_beyond_the_pass() {
        let text = TextIndex::new("aaaa\nbbbb\ncccc\ndddd");
        let mut pass = Pass::new(4);
        pass.step = 2;
        let range = pass.next_range().unwrap();
        assert_eq!(range, 0..2);
        pass.record(range, vec![at(1, 2)], 1.0);
        // The last list had one in each paragraph; the first two paragraphs are computed again.
        let before = vec![at(0, 1), at(6, 7), at(11, 12), at(16, 17)];
        let shown = pass.shown(&text, &before, |s| s.span.start.0 != 16);
        let starts: Vec<usize> = shown.iter().map(|s| s.span.start.0).collect();
        assert_eq!(starts, vec![1, 11], "what this pass found, then what holds of the rest");
        pass.record(2..4, vec![], 1.0);
        assert_eq!(pass.shown(&text, &before, |_| true).len(), 1, "once done, only what it found");
    }
}
