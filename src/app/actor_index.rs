//! The actor index for the side panel and the picker: each actor with its mentions, and every
//! quote or claim linked to who said it, rebuilt only when an edit touched actors or links.

use crate::model::actors::{actor_entries, touches_actors, ActorEntry};
use crate::model::annotation::{differing, Annotation};
use crate::model::facts::Actor;
use crate::model::workspace::Workspace;
use std::rc::Rc;
use yew::prelude::*;

/// The actors with their mentions (`entries`) and the linked annotations (`links`).
#[derive(Clone)]
pub struct ActorIndex {
    pub entries: Rc<Vec<ActorEntry>>,
    pub links: Rc<Vec<Rc<Annotation>>>,
}

/// What the index was made from, to tell whether it still holds.
struct Made {
    actors: Rc<Vec<Actor>>,
    annotations: Rc<Vec<Rc<Annotation>>>,
    index: ActorIndex,
}

/// The index of `ws`. Most edits at L add or change a claim: then the index keeps its pointers,
/// and the panels that show it do not re-render.
#[hook]
pub fn use_actor_index(ws: &Workspace) -> ActorIndex {
    let made = use_mut_ref(|| None::<Made>);
    let mut made = made.borrow_mut();
    let still = made.as_ref().filter(|m| {
        Rc::ptr_eq(&m.actors, &ws.actors) && {
            let (gone, came) = differing(&m.annotations, &ws.annotations);
            !touches_actors(&gone, &came)
        }
    });
    let index = match still {
        Some(m) => m.index.clone(),
        None => ActorIndex {
            entries: Rc::new(actor_entries(&ws.actors, &ws.annotations)),
            links: Rc::new(ws.annotations.iter().filter(|a| a.facts.said_by.is_some()).cloned().collect()),
        },
    };
    *made = Some(Made { actors: ws.actors.clone(), annotations: ws.annotations.clone(), index: index.clone() });
    index
}
