//! Reviewing suggestions: moving from one to the next, what accepting them adds (one edit), what
//! rejecting and accepting teach the memory, and which suggestions of an older list still hold.

use super::{pick, Key, Kind, Memory, Options, Suggestion};
use crate::model::action::Accepted;
use crate::model::annotation::{Annotation, AnnotationId, Timestamp};
use crate::model::facts::ActorId;
use crate::model::labels::LabelId;
use crate::model::text::CharOffset;
use crate::model::workspace::Workspace;
use std::cmp::Reverse;
use std::collections::HashSet;

/// Where a suggestion sorts in a list (text order: by start, longer first).
fn place(start: usize, end: usize) -> (usize, Reverse<usize>) {
    (start, Reverse(end))
}

fn place_of(s: &Suggestion) -> (usize, Reverse<usize>) {
    place(s.span.start.0, s.span.end.0)
}

/// Where `key` is in `list`, if it is there.
pub fn position(list: &[Suggestion], key: &Key) -> Option<usize> {
    let from = list.partition_point(|s| place_of(s) < place(key.start, key.end));
    list[from..].iter().take_while(|s| s.span.start.0 == key.start && s.span.end.0 == key.end).position(|s| s.label == key.label).map(|i| from + i)
}

/// The suggestion `s` (forwards) or `Shift+S` reaches: the next or previous one after the
/// current one; if that one has gone (accepted or rejected), the first after or the last before
/// where it was; with none current, the first starting at `from` or after it (the caret), or the
/// last starting before it. `None` past either end.
pub fn step(list: &[Suggestion], current: Option<&Key>, from: CharOffset, forwards: bool) -> Option<usize> {
    if let Some(i) = current.and_then(|k| position(list, k)) {
        return if forwards { (i + 1 < list.len()).then_some(i + 1) } else { i.checked_sub(1) };
    }
    let cut = match current {
        Some(k) => list.partition_point(|s| place_of(s) < place(k.start, k.end)),
        None => list.partition_point(|s| s.span.start < from),
    };
    if forwards {
        (cut < list.len()).then_some(cut)
    } else {
        cut.checked_sub(1)
    }
}

/// The suggestion to make current once the one at `i` is accepted or rejected: the next one,
/// else the one before.
pub fn after_removing(list: &[Suggestion], i: usize) -> Option<Key> {
    list.get(i + 1).or_else(|| i.checked_sub(1).and_then(|j| list.get(j))).map(Suggestion::key)
}

/// How many suggestions of each kind `list` holds, in the order of [`Kind::ALL`].
pub fn counts(list: &[Suggestion]) -> [(Kind, usize); 4] {
    Kind::ALL.map(|k| (k, list.iter().filter(|s| s.kind == k).count()))
}

/// What accepting `chosen` adds, as one edit: each becomes an annotation made `at`, joined to the
/// actor it names and linked to who said it, with its ids from `new_id`. A suggestion whose span
/// already has an annotation of its label is left out (it was accepted already, or labelled by hand).
pub fn accepted<'a>(ws: &Workspace, chosen: impl IntoIterator<Item = &'a Suggestion>, at: &Timestamp, new_id: &mut dyn FnMut() -> String) -> Vec<Accepted> {
    let mut taken: HashSet<(usize, usize, LabelId)> = HashSet::new();
    let mut out = Vec::new();
    for s in chosen {
        let exists = |k: &(usize, usize, LabelId)| {
            let from = ws.annotations.partition_point(|a| a.span.start.0 < k.0);
            ws.annotations[from..].iter().take_while(|a| a.span.start.0 == k.0).any(|a| a.span.end.0 == k.1 && a.label == k.2)
        };
        let key = (s.span.start.0, s.span.end.0, s.label.clone());
        if exists(&key) || !taken.insert(key) {
            continue;
        }
        let annotation = Annotation {
            id: AnnotationId(new_id()),
            span: s.span,
            label: s.label.clone(),
            note: String::new(),
            created: at.clone(),
            modified: at.clone(),
            facts: Default::default(),
        };
        let names = s.names.as_ref().map(|link| pick(link, ActorId(new_id())));
        let said_by = s.said_by.as_ref().map(|link| pick(link, ActorId(new_id())));
        out.push(Accepted { annotation, names, said_by });
    }
    out
}

impl Memory {
    /// The memory after `accepted` were accepted: each counts for its label.
    pub fn with_accepted<'a>(&self, accepted: impl IntoIterator<Item = &'a Suggestion>) -> Memory {
        let mut next = self.clone();
        for s in accepted {
            *next.accepted.entry(s.label.clone()).or_default() += 1;
        }
        next
    }

    /// The memory after `key` was rejected: never proposed again.
    pub fn with_rejected(&self, key: Key) -> Memory {
        let mut next = self.clone();
        next.rejected.insert(key);
        next
    }

    /// The memory with every rejection forgotten (they may be proposed again).
    pub fn without_rejections(&self) -> Memory {
        Memory { rejected: Default::default(), accepted: self.accepted.clone() }
    }
}

/// Whether a suggestion of an older list still holds in `ws`: its kind is on, its label exists,
/// it was not rejected, and its span has no annotation of its label. Made once per list.
pub fn still_holds<'a>(ws: &'a Workspace, options: &'a Options, memory: &'a Memory) -> impl Fn(&Suggestion) -> bool + 'a {
    let annotated: HashSet<(usize, usize, &LabelId)> = ws.annotations.iter().map(|a| (a.span.start.0, a.span.end.0, &a.label)).collect();
    move |s: &Suggestion| {
        options.kinds.contains(&s.kind)
            && ws.label(&s.label).is_some()
            && !memory.rejected.contains(&s.key())
            && !annotated.contains(&(s.span.start.0, s.span.end.0, &s.label))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::actors::ActorPick;
    use crate::model::annotation::Article;
    use crate::model::labels::default_labels;
    use crate::model::suggest::Link;
    use crate::model::text::Span;

    fn sug(start: usize, end: usize, label: &str, kind: Kind) -> Suggestion {
        Suggestion { span: Span::new(start, end), label: LabelId(label.into()), kind, names: None, said_by: None, score: 1.0 }
    }

    fn key(start: usize, end: usize, label: &str) -> Key {
        Key { start, end, label: LabelId(label.into()) }
    }

    /// Three suggestions in text order: two at 10 (the longer first), one at 30.
    fn list() -> Vec<Suggestion> {
        vec![sug(10, 20, "quote", Kind::Quotation), sug(10, 14, "actor", Kind::ActorMention), sug(30, 35, "actor", Kind::ActorMention)]
    }

    #[test]
    fn a_key_is_found_by_span_and_label() {
        let list = list();
        assert_eq!(position(&list, &key(10, 14, "actor")), Some(1));
        assert_eq!(position(&list, &key(30, 35, "actor")), Some(2));
        assert_eq!(position(&list, &key(10, 14, "quote")), None);
        assert_eq!(position(&list, &key(11, 14, "actor")), None);
        assert_eq!(position(&[], &key(1, 2, "actor")), None);
    }

    #[test]
    fn stepping_goes_from_the_current_one_or_from_the_caret_and_stops_at_the_ends() {
        let list = list();
        let (forwards, backwards) = (true, false);
        // None current: from the caret.
        assert_eq!(step(&list, None, CharOffset(0), forwards), Some(0));
        assert_eq!(step(&list, None, CharOffset(11), forwards), Some(2));
        assert_eq!(step(&list, None, CharOffset(40), forwards), None);
        assert_eq!(step(&list, None, CharOffset(30), backwards), Some(1));
        assert_eq!(step(&list, None, CharOffset(10), backwards), None);
        // From the current one.
        assert_eq!(step(&list, Some(&key(10, 20, "quote")), CharOffset(0), forwards), Some(1));
        assert_eq!(step(&list, Some(&key(10, 14, "actor")), CharOffset(0), backwards), Some(0));
        assert_eq!(step(&list, Some(&key(30, 35, "actor")), CharOffset(0), forwards), None);
        assert_eq!(step(&list, Some(&key(10, 20, "quote")), CharOffset(0), backwards), None);
        // The current one has gone (accepted): the next after where it was, or the one before;
        // one on the same span with another label comes next.
        assert_eq!(step(&list, Some(&key(10, 14, "claim")), CharOffset(99), forwards), Some(1));
        assert_eq!(step(&list, Some(&key(10, 12, "actor")), CharOffset(99), forwards), Some(2));
        assert_eq!(step(&list, Some(&key(12, 13, "actor")), CharOffset(0), backwards), Some(1));
        assert_eq!(step(&list, Some(&key(5, 6, "actor")), CharOffset(0), backwards), None);
    }

    #[test]
    fn after_one_goes_the_next_becomes_current_else_the_one_before() {
        let list = list();
        assert_eq!(after_removing(&list, 0), Some(key(10, 14, "actor")));
        assert_eq!(after_removing(&list, 2), Some(key(10, 14, "actor")));
        assert_eq!(after_removing(&list[..1], 0), None);
    }

    #[test]
    fn counts_by_kind() {
        let c = counts(&list());
        assert_eq!(c[0], (Kind::ActorMention, 2));
        assert_eq!(c[1], (Kind::Quotation, 1));
        assert_eq!(c[2], (Kind::ReportedSpeech, 0));
    }

    fn workspace() -> Workspace {
        let text = "Lavrov met Amir. Lavrov said: «yes». Lavrov left.";
        let a = Annotation {
            id: AnnotationId("lavrov-1".into()),
            span: Span::new(0, 6),
            label: LabelId("actor".into()),
            note: String::new(),
            created: Timestamp("t0".into()),
            modified: Timestamp("t0".into()),
            facts: Default::default(),
        };
        Workspace::new(Article::new("t", text), default_labels(), vec![a])
    }

    #[test]
    fn accepting_makes_annotations_with_fresh_ids_and_their_links() {
        let ws = workspace();
        let mut mention = sug(17, 23, "actor", Kind::ActorMention);
        mention.names = Some(Link::Mention(AnnotationId("lavrov-1".into())));
        let mut quote = sug(30, 35, "quote", Kind::Quotation);
        quote.said_by = Some(Link::Actor(ActorId("p".into())));
        // Its span is labelled already: left out.
        let labelled = sug(0, 6, "actor", Kind::ActorMention);
        let mut n = 0;
        let at = Timestamp("2026-12-01T00:00:00.000Z".into());
        let items = accepted(&ws, [&mention, &quote, &labelled, &mention], &at, &mut || {
            n += 1;
            format!("id{n}")
        });
        assert_eq!(items.len(), 2, "the labelled span and the repeat are left out");
        assert_eq!(items[0].annotation.id, AnnotationId("id1".into()));
        assert_eq!(items[0].annotation.span, Span::new(17, 23));
        assert_eq!(items[0].annotation.label, LabelId("actor".into()));
        assert_eq!(items[0].annotation.created, at);
        assert_eq!(items[0].names, Some(ActorPick::Mention { mention: AnnotationId("lavrov-1".into()), new_id: ActorId("id2".into()) }));
        assert_eq!(items[0].said_by, None);
        assert_eq!(items[1].names, None);
        assert_eq!(items[1].said_by, Some(ActorPick::Actor(ActorId("p".into()))));
        assert_ne!(items[0].annotation.id, items[1].annotation.id);
    }

    #[test]
    fn accepted_suggestions_become_one_undo_step_joined_to_one_actor() {
        use crate::model::action::{Action, Edit};
        use crate::model::reduce::State;
        let ws = workspace();
        let state = std::rc::Rc::new(State::new(ws));
        let link = Some(Link::Mention(AnnotationId("lavrov-1".into())));
        let (mut a, mut b) = (sug(17, 23, "actor", Kind::ActorMention), sug(37, 43, "actor", Kind::ActorMention));
        a.names = link.clone();
        b.names = link;
        let mut n = 0;
        let items = accepted(&state.workspace, [&a, &b], &Timestamp("t1".into()), &mut || {
            n += 1;
            format!("id{n}")
        });
        let after = state.clone().reduce(Action::Edit(Edit::Accept(items)));
        assert_eq!(after.workspace.annotations.len(), 3);
        assert_eq!(after.workspace.actors.len(), 1, "both join the actor made for the labelled mention");
        let actor = &after.workspace.actors[0].id;
        assert!(after.workspace.annotations.iter().all(|m| m.facts.actor.as_ref() == Some(actor)));
        let undone = after.reduce(Action::Edit(Edit::Undo));
        assert_eq!(undone.workspace.annotations.len(), 1, "one undo takes both back");
        assert!(undone.workspace.actors.is_empty());
    }

    #[test]
    fn the_memory_learns_from_accepting_and_rejecting() {
        let list = list();
        let m = Memory::default().with_accepted(&list).with_rejected(key(1, 2, "claim"));
        assert_eq!(m.accepted.get(&LabelId("actor".into())), Some(&2));
        assert_eq!(m.accepted.get(&LabelId("quote".into())), Some(&1));
        assert!(m.rejected.contains(&key(1, 2, "claim")));
        let forgot = m.without_rejections();
        assert!(forgot.rejected.is_empty());
        assert_eq!(forgot.accepted, m.accepted);
    }

    #[test]
    fn an_older_suggestion_holds_until_it_is_annotated_rejected_or_switched_off() {
        let ws = workspace();
        let options = Options::default();
        let memory = Memory::default().with_rejected(key(37, 43, "actor"));
        let holds = still_holds(&ws, &options, &memory);
        assert!(holds(&sug(17, 23, "actor", Kind::ActorMention)));
        assert!(!holds(&sug(0, 6, "actor", Kind::ActorMention)), "annotated with its label");
        assert!(holds(&sug(0, 6, "claim", Kind::SameLabel)), "another label on the same span");
        assert!(!holds(&sug(37, 43, "actor", Kind::ActorMention)), "rejected");
        assert!(!holds(&sug(17, 23, "verdict", Kind::SameLabel)), "a label that is gone");
        let off = Options { kinds: [Kind::Quotation].into_iter().collect() };
        assert!(!still_holds(&ws, &off, &memory)(&sug(17, 23, "actor", Kind::ActorMention)), "its kind is off");
    }
}
