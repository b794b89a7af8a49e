//! What the toolbar's, the panel's and the keyboard's commands do with the state and the article's
//! text selection: an action to dispatch, or why there is none.

use super::factcheck::Picking;
use super::i18n::Tr;
use crate::bridge::{clock, selection};
use crate::model::action::{Action, Edit, View};
use crate::model::actors::ActorPick;
use crate::model::annotation::{Annotation, AnnotationId};
use crate::model::labels::LabelId;
use crate::model::reduce::State;

/// What pressing a label (button or key) does: label the text selection, else relabel the selected annotation.
pub fn label_action(state: &State, tr: Tr, article: Option<web_sys::Element>, label: LabelId) -> Result<Action, String> {
    let text = &state.workspace.article.text;
    if let Some(span) = article.as_ref().and_then(|el| selection::selected_span(el, text)) {
        if let Some(existing) = state.workspace.annotations.iter().find(|a| a.span == span && a.label == label) {
            return Ok(Action::View(View::Select(Some(existing.id.clone()))));
        }
        let now = clock::now();
        return Ok(Action::Edit(Edit::Add(Annotation {
            id: clock::new_annotation_id(),
            span,
            label,
            note: String::new(),
            created: now.clone(),
            modified: now,
            facts: Default::default(),
        })));
    }
    if let Some(a) = state.selected_annotation() {
        return Ok(Action::Edit(Edit::Relabel { id: a.id.clone(), label, at: clock::now() }));
    }
    Err(tr.t("Select some text in the article first, then choose a label.").into())
}

/// Place at selection: the orphan `id` takes the selected text.
pub fn place_orphan_action(state: &State, tr: Tr, article: Option<web_sys::Element>, id: AnnotationId) -> Result<Action, String> {
    let span = article.and_then(|el| selection::selected_span(&el, &state.workspace.article.text));
    span.map(|span| Action::Edit(Edit::PlaceOrphan { id, span, at: clock::now() }))
        .ok_or_else(|| tr.t("Select the text where this orphan belongs, then press Place at selection.").to_string())
}

/// L links the selected quote or claim to who said it; M (`merge`) says which actor an actor span names too.
pub fn picking_for(state: &State, tr: Tr, merge: bool) -> Result<Picking, String> {
    let Some(a) = state.selected_annotation() else {
        return Err(tr.t("Click a highlight first: L links a quote or claim to who said it, M merges actor spans.").into());
    };
    let is_actor = a.label.0 == crate::model::facts::ACTOR;
    match (merge, is_actor) {
        (false, false) => Ok(Picking::Attribute { id: a.id.clone(), near: a.span }),
        (true, true) => Ok(Picking::SameActor { mention: a.id.clone(), near: a.span }),
        (false, true) => Err(tr.t("An actor span is who speaks; select a quote or claim to link it (L), or press M to merge this actor with another.").into()),
        (true, false) => Err(tr.t("M merges actor spans; select an actor span first. To link a quote or claim to its speaker, press L.").into()),
    }
}

/// What the actor picker's choice does, given what it was opened for.
pub fn picked_action(picking: &Picking, pick: ActorPick) -> Action {
    match picking {
        Picking::Attribute { id, .. } => Action::Edit(Edit::Attribute { id: id.clone(), to: Some(pick), at: clock::now() }),
        Picking::SameActor { mention, .. } => Action::Edit(Edit::SameActor { mention: mention.clone(), as_: pick, at: clock::now() }),
    }
}
