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
