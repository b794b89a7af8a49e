//! The actor index: each actor with the spans that name it and what it said, loose actor spans,
//! and the actors to offer when linking; queries over annotations, changed only by the reducer.

use super::annotation::{Annotation, AnnotationId};
use super::facts::{Actor, ActorId, ActorKind, ACTOR};
use super::text::{Span, TextIndex};
use std::rc::Rc;

/// An actor a quote or claim can be linked to, or a mention can join: an existing actor, an actor
/// span that names no actor yet (one is made for it, named by its text), or a new actor by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActorPick {
    Actor(ActorId),
    Mention { mention: AnnotationId, new_id: ActorId },
    New(Actor),
}

/// One entry of the actor list: a known actor with its mentions, or an actor span on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorEntry {
    pub actor: Option<Actor>,
    /// The actor's name; empty for a loose span (see [`ActorEntry::display_name`]).
    name: String,
    pub kind: ActorKind,
    /// Actor spans naming it, in text order.
    pub mentions: Vec<AnnotationId>,
    /// Quotes and claims linked to it.
    pub said: Vec<AnnotationId>,
    /// The first mention's span.
    first: Option<Span>,
    spans: Vec<Span>,
}

impl ActorEntry {
    /// The actor's name, or for a loose actor span its text.
    pub fn display_name(&self, text: &TextIndex) -> String {
        match (&self.actor, self.first) {
            (Some(a), _) => a.name.clone(),
            (None, Some(span)) => text.slice(span).unwrap_or_default().to_string(),
            (None, None) => String::new(),
        }
    }

    /// How far the closest mention is from `span`, in code points (`usize::MAX` with none).
    pub fn distance(&self, span: Span) -> usize {
        self.spans
            .iter()
            .map(|m| {
                if m.end <= span.start {
                    span.start.0 - m.end.0
                } else if m.start >= span.end {
                    m.start.0 - span.end.0
                } else {
                    0
                }
            })
            .min()
            .unwrap_or(usize::MAX)
    }

    /// How to pick this entry: by id, or by its only mention (which then becomes an actor).
    pub fn pick(&self, new_id: ActorId) -> ActorPick {
        match (&self.actor, self.mentions.first()) {
            (Some(a), _) => ActorPick::Actor(a.id.clone()),
            (None, Some(m)) => ActorPick::Mention { mention: m.clone(), new_id },
            (None, None) => unreachable!("an entry is an actor or a mention"),
        }
    }

    /// Where mention `id` is (mentions and their spans are kept side by side).
    pub fn mention_span(&self, id: &AnnotationId) -> Option<Span> {
        self.mentions.iter().position(|m| m == id).and_then(|i| self.spans.get(i).copied())
    }

    /// The annotation to show for it: its first mention.
    pub fn first_mention(&self) -> Option<&AnnotationId> {
        self.mentions.first()
    }
}

/// Whether an edit that removed `gone` and added `came` (see [`super::annotation::differing`]) can
/// change the actor entries: only actor spans and linked quotes or claims show there.
pub fn touches_actors(gone: &[Rc<Annotation>], came: &[Rc<Annotation>]) -> bool {
    gone.iter().chain(came).any(|a| a.label.0 == ACTOR || a.facts.said_by.is_some())
}

/// Every actor with its mentions and what it said, then actor spans that name no actor yet;
/// in order of first appearance in the text (actors never mentioned come last). A loose span's
/// name is its text, cut only when shown ([`ActorEntry::display_name`]): long articles have thousands.
pub fn actor_entries(actors: &[Actor], annotations: &[Rc<Annotation>]) -> Vec<ActorEntry> {
    let mut entries: Vec<ActorEntry> = actors
        .iter()
        .map(|a| ActorEntry { actor: Some(a.clone()), name: a.name.clone(), kind: a.kind, mentions: vec![], said: vec![], first: None, spans: vec![] })
        .collect();
    let index: std::collections::HashMap<&ActorId, usize> = actors.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
    let mut loose = Vec::new();
    for a in annotations {
        if let Some(i) = a.facts.said_by.as_ref().and_then(|id| index.get(id)) {
            entries[*i].said.push(a.id.clone());
        }
        if a.label.0 != ACTOR {
            continue;
        }
        match a.facts.actor.as_ref().and_then(|id| index.get(id)) {
            Some(i) => {
                let e = &mut entries[*i];
                e.mentions.push(a.id.clone());
                e.first.get_or_insert(a.span);
                e.spans.push(a.span);
            }
            None => loose.push(ActorEntry {
                actor: None,
                name: String::new(),
                kind: ActorKind::Person,
                mentions: vec![a.id.clone()],
                said: vec![],
                first: Some(a.span),
                spans: vec![a.span],
            }),
        }
    }
    entries.extend(loose);
    entries.sort_by_key(|e| e.first.map_or(usize::MAX, |s| s.start.0));
    entries
}

/// The entries to offer when linking something at `near` whose name contains `query` (any case):
/// closest mention first, then in text order.
pub fn suggestions(mut entries: Vec<ActorEntry>, near: Span, query: &str, text: &TextIndex) -> Vec<ActorEntry> {
    let q = query.trim().to_lowercase();
    if !q.is_empty() {
        entries.retain(|e| e.display_name(text).to_lowercase().contains(&q));
    }
    entries.sort_by_cached_key(|e| (e.distance(near), e.first.map_or(usize::MAX, |s| s.start.0)));
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::facts::{CLAIM, QUOTE};
    use crate::model::testkit::{ann, ann_with, facts, id};

    #[test]
    fn actors_list_their_mentions_and_loose_spans_stand_alone() {
        let minister = Actor { id: ActorId("m".into()), name: "Amir-Abdollahian".into(), kind: ActorKind::Person };
        let said = facts(None, Some("m"), None);
        let named = facts(Some("m"), None, None);
        let anns: Vec<Rc<Annotation>> =
            vec![ann_with("a", 0, 5, ACTOR, named.clone()), ann_with("q", 10, 20, QUOTE, said), ann("b", 30, 35, ACTOR), ann_with("c", 50, 55, ACTOR, named)]
                .into_iter()
                .map(Rc::new)
                .collect();
        let text = TextIndex::new("0123456789".repeat(6));
        let entries = actor_entries(&[minister], &anns);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].display_name(&text), "Amir-Abdollahian");
        assert_eq!(entries[0].mentions, [id("a"), id("c")]);
        assert_eq!(entries[0].said, [id("q")]);
        assert_eq!(entries[1].display_name(&text), "01234");
        let near_b = suggestions(entries.clone(), Span::new(36, 40), "", &text);
        assert_eq!(near_b[0].display_name(&text), "01234", "the closest mention comes first");
        assert_eq!(suggestions(entries.clone(), Span::new(36, 40), "AMIR", &text).len(), 1);
        assert_eq!(suggestions(entries, Span::new(36, 40), "123", &text).len(), 1, "loose spans are found by their text");
    }

    #[test]
    fn only_edits_of_actor_spans_and_links_change_the_actor_list() {
        use crate::model::annotation::differing;
        let minister = Actor { id: ActorId("m".into()), name: "Lavrov".into(), kind: ActorKind::Person };
        let actors = [minister.clone()];
        let named = facts(Some("m"), None, None);
        let said = facts(None, Some("m"), None);
        let base: Vec<Rc<Annotation>> = vec![Rc::new(ann_with("a", 0, 5, ACTOR, named)), Rc::new(ann("c", 10, 15, CLAIM))];
        let with = |extra: Annotation| {
            let mut v = base.clone();
            v.push(Rc::new(extra));
            v.sort_by(|x, y| crate::model::annotation::text_order(x, y));
            v
        };
        for (edit, changes) in [
            (with(ann("d", 20, 25, CLAIM)), false),
            (with(ann("q", 20, 25, QUOTE)), false),
            (with(ann_with("q", 20, 25, QUOTE, said)), true),
            (with(ann("b", 20, 25, ACTOR)), true),
        ] {
            let (gone, came) = differing(&base, &edit);
            assert_eq!(touches_actors(&gone, &came), changes);
            if !changes {
                assert_eq!(actor_entries(&actors, &base), actor_entries(&actors, &edit), "an edit said not to matter left the list as it was");
            }
        }
    }
}
