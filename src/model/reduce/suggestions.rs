//! Accepting suggestions: each becomes an annotation, joins the actor it names or links to who
//! said it; one or many, as one undo step.

use super::actors::Draft;
use super::Plan;
use crate::model::action::Accepted;
use crate::model::change::Change;
use crate::model::facts::ACTOR;
use crate::model::workspace::Workspace;

/// The changes that accept `items`; an item that no longer fits (its label gone, its span
/// outside the text, its id taken) is left out, and its links with it.
pub(super) fn accept(ws: &Workspace, items: Vec<Accepted>) -> Option<Plan> {
    let mut draft = Draft::new(ws);
    for Accepted { annotation, names, said_by } in items {
        if draft.ws.check(&annotation).is_err() || draft.ws.annotation(&annotation.id).is_some() {
            continue;
        }
        let (id, at, is_actor) = (annotation.id.clone(), annotation.modified.clone(), annotation.label.0 == ACTOR);
        draft.record(Change::Annotation { before: None, after: Some(annotation) });
        // Only an actor span names an actor; only a quote or claim is said by one.
        if let Some(actor) = names.filter(|_| is_actor).and_then(|pick| draft.resolve(&pick, &at)) {
            draft.edit(&id, &at, |a| a.facts.actor = Some(actor));
        }
        if let Some(actor) = said_by.filter(|_| !is_actor).and_then(|pick| draft.resolve(&pick, &at)) {
            draft.edit(&id, &at, |a| a.facts.said_by = Some(actor));
        }
    }
    if draft.changes.is_empty() {
        return None;
    }
    Plan::all(draft.changes)
}

#[cfg(test)]
mod tests {
    use crate::model::action::{Accepted, Edit};
    use crate::model::actors::ActorPick;
    use crate::model::annotation::Annotation;
    use crate::model::facts::ActorId;
    use crate::model::testkit::{ann, at, id, sample_state};

    fn accepted(a: Annotation, names: Option<ActorPick>, said_by: Option<ActorPick>) -> Accepted {
        Accepted { annotation: Annotation { modified: at(), ..a }, names, said_by }
    }

    #[test]
    fn accepting_mentions_of_a_loose_actor_span_makes_one_actor_for_all_in_one_undo_step() {
        let s0 = sample_state().reduce(Edit::Add(ann("m1", 20, 30, "actor")));
        let pick = || Some(ActorPick::Mention { mention: id("m1"), new_id: ActorId("A".into()) });
        let items = vec![accepted(ann("m2", 40, 45, "actor"), pick(), None), accepted(ann("m3", 50, 55, "actor"), pick(), None)];
        let s1 = s0.clone().reduce(Edit::Accept(items));
        assert_eq!(s1.workspace.actors.len(), 1, "one actor, made once");
        for m in ["m1", "m2", "m3"] {
            assert_eq!(s1.workspace.annotation(&id(m)).unwrap().facts.actor, Some(ActorId("A".into())), "{m} names it");
        }
        let back = s1.clone().reduce(Edit::Undo);
        assert_eq!(back.workspace, s0.workspace, "one undo takes the whole accept back");
        assert_eq!(back.reduce(Edit::Redo).workspace, s1.workspace);
    }

    #[test]
    fn a_reported_claim_is_linked_to_who_said_it_and_what_no_longer_fits_is_left_out() {
        let s0 = sample_state().reduce(Edit::Add(ann("m1", 20, 30, "actor")));
        let said = Some(ActorPick::Mention { mention: id("m1"), new_id: ActorId("A".into()) });
        let items = vec![
            accepted(ann("c1", 60, 90, "claim"), None, said.clone()),
            // Taken id, unknown label, outside the text: each left out.
            accepted(ann("m1", 100, 110, "actor"), None, None),
            accepted(ann("x", 100, 110, "gone"), None, None),
            accepted(ann("y", 1_000_000, 1_000_010, "claim"), None, said),
        ];
        let s1 = s0.clone().reduce(Edit::Accept(items));
        assert_eq!(s1.workspace.annotations.len(), 2);
        assert_eq!(s1.workspace.annotation(&id("c1")).unwrap().facts.said_by, Some(ActorId("A".into())));
        assert!(std::rc::Rc::ptr_eq(&s1.clone().reduce(Edit::Accept(vec![])), &s1), "nothing to accept changes nothing");
    }
}
