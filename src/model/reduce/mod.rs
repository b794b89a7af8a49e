//! The one pure function that changes the state: `State::reduce(action)`. An edit is planned as a
//! change set by its family's module (annotations, actors and links, labels, articles), then
//! committed with its undo step (suggestions accepted are one family too); a view or session action only changes what is shown.

mod actors;
mod annotations;
mod articles;
mod labels;
mod layers;
#[cfg(test)]
mod layers_tests;
mod suggestions;
#[cfg(test)]
mod tests;

use super::action::{Action, Edit, Session, View};
use super::annotation::{Annotation, AnnotationId};
use super::change::{Change, ChangeSet};
use super::facts::ActorId;
use super::filter::Filter;
use super::history::{EditKind, History};
use super::layers::LayerView;
use super::workspace::Workspace;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub workspace: Workspace,
    pub history: History,
    pub selected: Option<AnnotationId>,
    pub filter: Filter,
    /// The annotation to flash and a counter that changes on every reveal, to restart the animation.
    pub flash: Option<(AnnotationId, u32)>,
    /// Goes up by one on every change to the workspace: persistence watches it.
    pub revision: u64,
    /// Set while another tab edits this workspace.
    pub read_only: bool,
    /// Which other layers are drawn.
    pub layer_view: LayerView,
}

/// What an edit would do: its changes, and whether it is typing (merged into one undo step).
pub(crate) struct Plan {
    changes: ChangeSet,
    kind: EditKind,
}

impl Plan {
    fn one(change: Change, kind: EditKind) -> Option<Plan> {
        Some(Plan { changes: ChangeSet::one(change), kind })
    }
    fn all(changes: Vec<Change>) -> Option<Plan> {
        Some(Plan { changes: ChangeSet(changes), kind: EditKind::Other })
    }
}

impl State {
    pub fn new(workspace: Workspace) -> Self {
        State {
            workspace,
            history: History::default(),
            selected: None,
            filter: Filter::default(),
            flash: None,
            revision: 0,
            read_only: false,
            layer_view: LayerView::default(),
        }
    }

    pub fn selected_annotation(&self) -> Option<&Rc<Annotation>> {
        self.selected.as_ref().and_then(|id| self.workspace.shared_annotation(id))
    }

    /// The new state after `action`; the same `Rc` when nothing changed, so nothing re-renders.
    pub fn reduce(self: Rc<Self>, action: impl Into<Action>) -> Rc<Self> {
        match action.into() {
            Action::Edit(_) if self.read_only => self,
            Action::Edit(Edit::Undo) => self.step(History::undo),
            Action::Edit(Edit::Redo) => self.step(History::redo),
            Action::Edit(edit) => match plan(&self.workspace, edit) {
                Some(plan) => self.commit(plan),
                None => self,
            },
            Action::View(view) => self.view(view),
            Action::Session(session) => self.session(session),
        }
    }

    fn step(self: Rc<Self>, take: fn(&mut History) -> Option<ChangeSet>) -> Rc<Self> {
        let mut next = (*self).clone();
        let Some(changes) = take(&mut next.history) else { return self };
        changes.apply_to(&mut next.workspace);
        next.after_change(&changes);
        Rc::new(next)
    }

    fn view(self: Rc<Self>, view: View) -> Rc<Self> {
        let mut next = (*self).clone();
        match view {
            View::Select(id) => {
                if next.selected == id {
                    return self;
                }
                next.selected = id.filter(|id| next.workspace.annotation(id).is_some());
            }
            View::Reveal(id) => {
                if next.workspace.annotation(&id).is_none() {
                    return self;
                }
                let count = next.flash.as_ref().map_or(0, |(_, n)| n.wrapping_add(1));
                next.selected = Some(id.clone());
                next.flash = Some((id, count));
            }
            View::Layers(view) => {
                if next.layer_view == view {
                    return self;
                }
                next.layer_view = view;
            }
            View::Filter(filter) => {
                if next.filter == filter {
                    return self;
                }
                next.filter = filter;
            }
        }
        Rc::new(next)
    }

    fn session(self: Rc<Self>, session: Session) -> Rc<Self> {
        match session {
            Session::Restore(ws) => Rc::new(State { read_only: self.read_only, ..State::new(*ws) }),
            Session::SetReadOnly(flag) if flag == self.read_only => self,
            Session::SetReadOnly(flag) => Rc::new(State { read_only: flag, ..(*self).clone() }),
            Session::Remote(changes) if changes.0.is_empty() => self,
            Session::Received { .. } => self,
            Session::Remote(changes) => {
                let mut next = (*self).clone();
                changes.apply_to(&mut next.workspace);
                next.after_remote();
                Rc::new(next)
            }
        }
    }

    /// After a teammate's change: saved like any change, but the selection stays where this user
    /// put it (unless what it held is gone), and nothing enters the history.
    fn after_remote(&mut self) {
        self.revision += 1;
        if self.selected.as_ref().is_some_and(|id| self.workspace.annotation(id).is_none()) {
            self.selected = None;
        }
        if self.flash.as_ref().is_some_and(|(id, _)| self.workspace.annotation(id).is_none()) {
            self.flash = None;
        }
        if self.filter.label.as_ref().is_some_and(|f| self.workspace.label(f).is_none()) {
            self.filter.label = None;
        }
    }

    fn commit(self: Rc<Self>, plan: Plan) -> Rc<Self> {
        let Plan { mut changes, kind } = plan;
        let mut next = (*self).clone();
        changes.apply_to(&mut next.workspace);
        // An actor no span names and nothing quotes goes with the change that left it alone.
        for removal in unused_actors_after(&next.workspace, &changes) {
            removal.apply_to(&mut next.workspace);
            changes.0.push(removal);
        }
        next.after_change(&changes);
        next.history.record(changes, kind);
        Rc::new(next)
    }

    fn after_change(&mut self, changes: &ChangeSet) {
        self.revision += 1;
        if self.selected.as_ref().is_some_and(|id| self.workspace.annotation(id).is_none()) {
            self.selected = None;
        }
        let Some(change) = changes.0.last() else { return };
        match change {
            // Follow the annotation that changed, so that Delete right after labelling removes it.
            Change::Annotation { after: Some(a), .. } => self.selected = Some(a.id.clone()),
            Change::Annotation { after: None, .. } => self.selected = None,
            Change::Orphan { .. } | Change::Actor { .. } | Change::Meta { .. } | Change::Settings { .. } | Change::Layers { .. } => {}
            Change::Labels { .. } => {
                if self.filter.label.as_ref().is_some_and(|f| self.workspace.label(f).is_none()) {
                    self.filter.label = None;
                }
            }
            Change::Workspace { .. } => {
                self.selected = None;
                self.flash = None;
                if self.filter.label.as_ref().is_some_and(|f| self.workspace.label(f).is_none()) {
                    self.filter.label = None;
                }
            }
        }
    }
}

/// What `edit` would change in `ws`; `None` when it is not valid or changes nothing. Every edit
/// but undo and redo is planned here, by its family.
fn plan(ws: &Workspace, edit: Edit) -> Option<Plan> {
    match edit {
        Edit::Add(a) => annotations::add(ws, a),
        Edit::Relabel { id, label, at } => annotations::relabel(ws, &id, label, at),
        Edit::SetNote { id, note, at } => annotations::set_note(ws, &id, note, at),
        Edit::Delete(id) => annotations::delete(ws, &id),
        Edit::PlaceOrphan { id, span, at } => annotations::place_orphan(ws, &id, span, at),
        Edit::DeleteOrphan(id) => annotations::delete_orphan(ws, &id),
        Edit::SetReview { id, review, at } => annotations::set_review(ws, &id, review, at),
        Edit::Attribute { id, to, at } => actors::attribute(ws, &id, to.as_ref(), &at),
        Edit::SameActor { mention, as_, at } => actors::same_actor(ws, &mention, &as_, &at),
        Edit::LeaveActor { mention, at } => actors::leave_actor(ws, &mention, at),
        Edit::EditActor(actor) => actors::edit_actor(ws, actor),
        Edit::Accept(items) => suggestions::accept(ws, items),
        Edit::SetLabels(labels) => labels::set_labels(ws, labels),
        Edit::DeleteLabel { id, .. } => labels::delete_label(ws, &id),
        Edit::Replace(new) => articles::replace(ws, *new),
        Edit::SetMeta(meta) => articles::set_meta(ws, meta),
        Edit::SetSettings(settings) => articles::set_settings(ws, settings),
        Edit::AddLayer(layer) => layers::add_layer(ws, *layer),
        Edit::WriteInto(id) => layers::write_into(ws, &id),
        Edit::RemoveLayer(id) => layers::remove_layer(ws, &id),
        Edit::Adjudicate { a, b } => layers::adjudicate(ws, &a, &b),
        Edit::Settle(settled) => layers::settle(ws, settled),
        Edit::Reopen(key) => layers::reopen(ws, &key),
        Edit::Undo | Edit::Redo => None,
    }
}

/// Removals of the actors that `changes` (already applied) left with no mention and no link.
fn unused_actors_after(ws: &Workspace, changes: &ChangeSet) -> Vec<Change> {
    let mut candidates: Vec<&ActorId> = Vec::new();
    for c in &changes.0 {
        if let Change::Annotation { before: Some(b), .. } = c {
            candidates.extend(b.facts.actor.iter().chain(b.facts.said_by.iter()));
        }
    }
    candidates.sort();
    candidates.dedup();
    candidates
        .into_iter()
        .filter(|id| !ws.refers_anywhere(id))
        .filter_map(|id| ws.actor(id))
        .map(|a| Change::Actor { before: Some(a.clone()), after: None })
        .collect()
}
