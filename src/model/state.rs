//! The workspace and the one pure function that changes it: `State::reduce(action)`.

use super::annotation::{text_order, Annotation, AnnotationId, Article, Label, LabelId, Orphan, Timestamp};
use super::factcheck::{self, Actor, ActorId, ActorPick, ArticleMeta, Review, Settings, Status};
use super::history::{Change, ChangeSet, EditKind, Field, History};
use super::text::Span;
use std::rc::Rc;

/// Everything a user made and would lose: the article, its labels, its annotations.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    pub article: Article,
    pub labels: Rc<Vec<Label>>,
    /// Always in [`text_order`]. Each record is shared, so a new state copies pointers, not records.
    pub annotations: Rc<Vec<Rc<Annotation>>>,
    /// Imported annotations whose quote could not be found in the text.
    pub orphans: Rc<Vec<Orphan>>,
    /// People and organisations; each is named by an actor span or linked from a quote or claim.
    pub actors: Rc<Vec<Actor>>,
    pub meta: Rc<ArticleMeta>,
    pub settings: Rc<Settings>,
}

impl Workspace {
    /// A workspace with annotations put in text order.
    pub fn new(article: Article, labels: Vec<Label>, annotations: Vec<Annotation>) -> Self {
        Self::with_shared(article, labels, annotations.into_iter().map(Rc::new).collect())
    }

    /// A workspace of annotation records shared with another workspace, put in text order.
    pub fn with_shared(article: Article, labels: Vec<Label>, mut annotations: Vec<Rc<Annotation>>) -> Self {
        annotations.sort_by(|a, b| text_order(a, b));
        Workspace {
            article,
            labels: Rc::new(labels),
            annotations: Rc::new(annotations),
            orphans: Rc::new(Vec::new()),
            actors: Rc::new(Vec::new()),
            meta: Rc::new(ArticleMeta::default()),
            settings: Rc::new(Settings::default()),
        }
    }

    pub fn with_facts(mut self, actors: Vec<Actor>, meta: ArticleMeta, settings: Settings) -> Self {
        self.actors = Rc::new(actors);
        self.meta = Rc::new(meta);
        self.settings = Rc::new(settings);
        self
    }

    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| &a.id == id)
    }

    /// The title to show and export: the one entered in the article's details, else the one it came with.
    pub fn title(&self) -> &str {
        if self.meta.title.trim().is_empty() { &self.article.title } else { &self.meta.title }
    }

    /// Every actor each annotation refers to exists, and no actor is left unreferenced.
    pub fn check_actors(&self) -> Result<(), String> {
        let mut used = std::collections::HashSet::new();
        for a in self.annotations.iter() {
            for id in a.facts.actor.iter().chain(a.facts.said_by.iter()) {
                if self.actor(id).is_none() {
                    return Err(format!("annotation \"{}\" refers to actor \"{}\", which is not in the file", a.id.0, id.0));
                }
                used.insert(id);
            }
        }
        let mut ids = std::collections::HashSet::new();
        for actor in self.actors.iter() {
            if !ids.insert(&actor.id) {
                return Err(format!("actor id \"{}\" appears twice", actor.id.0));
            }
        }
        Ok(())
    }

    pub fn with_orphans(mut self, orphans: Vec<Orphan>) -> Self {
        self.orphans = Rc::new(orphans);
        self
    }

    pub fn orphan(&self, id: &AnnotationId) -> Option<&Orphan> {
        self.orphans.iter().find(|o| &o.id == id)
    }

    pub fn label(&self, id: &LabelId) -> Option<&Label> {
        self.labels.iter().find(|l| &l.id == id)
    }

    pub fn annotation(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.shared_annotation(id).map(|a| &**a)
    }

    /// The annotation's shared record (a clone is a pointer copy).
    pub fn shared_annotation(&self, id: &AnnotationId) -> Option<&Rc<Annotation>> {
        self.annotations.iter().find(|a| &a.id == id)
    }

    /// Why an annotation cannot be in this workspace, if it cannot.
    pub fn check(&self, a: &Annotation) -> Result<(), String> {
        if a.span.is_empty() || a.span.end.0 > self.article.text.char_len() {
            return Err(format!("span {}..{} is outside the text", a.span.start, a.span.end));
        }
        if self.label(&a.label).is_none() {
            return Err(format!("label \"{}\" is not in the label set", a.label.0));
        }
        if let Some(id) = a.facts.actor.iter().chain(a.facts.said_by.iter()).find(|id| self.actor(id).is_none()) {
            return Err(format!("actor \"{}\" is not in the workspace", id.0));
        }
        Ok(())
    }

    /// How many annotations and orphans use the label `id`.
    pub fn label_uses(&self, id: &LabelId) -> usize {
        self.annotations.iter().filter(|a| &a.label == id).count() + self.orphans.iter().filter(|o| &o.label == id).count()
    }

    /// Why `labels` cannot replace the label set: not a valid set, or it drops a label still in use
    /// (that is [`Action::DeleteLabel`], which takes the annotations with it).
    pub fn check_new_labels(&self, labels: &[Label]) -> Result<(), String> {
        super::labels::check_label_set(labels)?;
        match self.labels.iter().find(|old| !labels.iter().any(|l| l.id == old.id) && self.label_uses(&old.id) > 0) {
            Some(old) => Err(format!("The label \"{}\" is in use; delete it with its annotations instead.", old.name)),
            None => Ok(()),
        }
    }

    fn put(&mut self, annotation: Annotation) {
        let list = Rc::make_mut(&mut self.annotations);
        list.retain(|a| a.id != annotation.id);
        let at = list.partition_point(|a| text_order(a, &annotation).is_lt());
        list.insert(at, Rc::new(annotation));
    }

    fn remove(&mut self, id: &AnnotationId) {
        Rc::make_mut(&mut self.annotations).retain(|a| &a.id != id);
    }

    fn apply(&mut self, change: &Change) {
        match change {
            Change::Annotation { before, after } => {
                if let Some(b) = before {
                    self.remove(&b.id);
                }
                if let Some(a) = after {
                    self.put(a.clone());
                }
            }
            Change::Orphan { before, after } => {
                let list = Rc::make_mut(&mut self.orphans);
                if let Some(b) = before {
                    list.retain(|o| o.id != b.id);
                }
                if let Some(a) = after {
                    list.push(a.clone());
                }
            }
            Change::Actor { before, after } => {
                let list = Rc::make_mut(&mut self.actors);
                match (before, after) {
                    (_, Some(a)) => match list.iter_mut().find(|x| x.id == a.id) {
                        Some(slot) => *slot = a.clone(),
                        None => list.push(a.clone()),
                    },
                    (Some(b), None) => list.retain(|x| x.id != b.id),
                    (None, None) => {}
                }
            }
            Change::Meta { after, .. } => self.meta = after.clone(),
            Change::Settings { after, .. } => self.settings = after.clone(),
            Change::Labels { after, .. } => self.labels = after.clone(),
            Change::Workspace { after, .. } => *self = (**after).clone(),
        }
    }

    fn apply_all(&mut self, changes: &ChangeSet) {
        for c in &changes.0 {
            self.apply(c);
        }
    }

    /// Removals of the actors that `changes` (already applied) left with no mention and no link.
    fn unused_actors_after(&self, changes: &ChangeSet) -> Vec<Change> {
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
            .filter(|id| !self.annotations.iter().any(|a| a.facts.refers_to(id)))
            .filter_map(|id| self.actor(id))
            .map(|a| Change::Actor { before: Some(a.clone()), after: None })
            .collect()
    }
}

/// The changes of one action, built against a scratch copy so that each change's `before` is what
/// the previous one left.
struct Draft {
    ws: Workspace,
    changes: Vec<Change>,
}

impl Draft {
    fn new(ws: &Workspace) -> Self {
        Draft { ws: ws.clone(), changes: Vec::new() }
    }

    fn record(&mut self, change: Change) {
        self.ws.apply(&change);
        self.changes.push(change);
    }

    /// Edits one annotation; false when it does not exist or nothing changed.
    fn edit(&mut self, id: &AnnotationId, at: &Timestamp, f: impl FnOnce(&mut Annotation)) -> bool {
        let Some(old) = self.ws.annotation(id).cloned() else { return false };
        let mut new = old.clone();
        f(&mut new);
        if new == old {
            return false;
        }
        new.modified = at.clone();
        self.record(Change::Annotation { before: Some(old), after: Some(new) });
        true
    }

    /// The actor a pick means, making it first if needed; `None` if the pick is not valid.
    fn resolve(&mut self, pick: &ActorPick, at: &Timestamp) -> Option<ActorId> {
        match pick {
            ActorPick::Actor(id) => self.ws.actor(id).map(|a| a.id.clone()),
            ActorPick::Mention { mention, new_id } => {
                let m = self.ws.annotation(mention)?;
                if m.label.0 != factcheck::ACTOR {
                    return None;
                }
                if let Some(id) = &m.facts.actor {
                    return Some(id.clone());
                }
                if self.ws.actor(new_id).is_some() {
                    return None;
                }
                let name = self.ws.article.text.slice(m.span).unwrap_or_default().to_string();
                self.record(Change::Actor { before: None, after: Some(Actor { id: new_id.clone(), name, kind: Default::default() }) });
                self.edit(mention, at, |a| a.facts.actor = Some(new_id.clone()));
                Some(new_id.clone())
            }
            ActorPick::New(actor) => {
                if actor.name.trim().is_empty() || self.ws.actor(&actor.id).is_some() {
                    return None;
                }
                self.record(Change::Actor { before: None, after: Some(actor.clone()) });
                Some(actor.id.clone())
            }
        }
    }
}

/// Everything that can happen. Ids and times come in the action: the reducer stays pure.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Add(Annotation),
    Relabel { id: AnnotationId, label: LabelId, at: Timestamp },
    SetNote { id: AnnotationId, note: String, at: Timestamp },
    Delete(AnnotationId),
    /// Give an orphan a place in the text: it becomes an annotation again.
    PlaceOrphan { id: AnnotationId, span: Span, at: Timestamp },
    DeleteOrphan(AnnotationId),
    Undo,
    Redo,
    /// Open a new article or an imported file; undoable.
    Replace(Box<Workspace>),
    /// What storage held at start-up; not undoable.
    Restore(Box<Workspace>),
    /// Another tab is editing: refuse every change until this tab may edit again.
    SetReadOnly(bool),
    Select(Option<AnnotationId>),
    /// Select and draw the eye to an annotation (from the side panel).
    Reveal(AnnotationId),
    Filter(Filter),
    /// Link a quote or claim to who said it (`None` unlinks).
    Attribute { id: AnnotationId, to: Option<ActorPick>, at: Timestamp },
    /// An actor span names the same actor as `as_`: it joins it, and its old actor's mentions and
    /// links move over with it (a merge).
    SameActor { mention: AnnotationId, as_: ActorPick, at: Timestamp },
    /// An actor span stops naming its actor.
    LeaveActor { mention: AnnotationId, at: Timestamp },
    EditActor(Actor),
    SetReview { id: AnnotationId, review: Option<Review>, at: Timestamp },
    SetMeta(ArticleMeta),
    SetSettings(Settings),
    /// Replace the label set (rename, recolour, rekey, reorder, add, drop unused); ids stay, so
    /// annotations show a new name at once. Refused if the set is not valid.
    SetLabels(Vec<Label>),
    /// Remove a label with every annotation and orphan that uses it, as one step. `at` is when,
    /// like every edit; nothing that remains is stamped by it.
    DeleteLabel { id: LabelId, at: Timestamp },
}

/// What the side panel shows. Status and verdict apply to claims (setting one shows claims only).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub label: Option<LabelId>,
    pub status: Option<Status>,
    pub verdict: Option<VerdictFilter>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerdictFilter {
    /// Claims with no verdict yet.
    Undecided,
    Is(String),
}

impl Filter {
    pub fn by_label(label: Option<LabelId>) -> Self {
        Filter { label, ..Default::default() }
    }
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
    pub fn matches(&self, a: &Annotation) -> bool {
        if self.label.as_ref().is_some_and(|l| l != &a.label) {
            return false;
        }
        if self.status.is_none() && self.verdict.is_none() {
            return true;
        }
        if a.label.0 != factcheck::CLAIM {
            return false;
        }
        let review = a.facts.review.as_deref();
        let status = review.map(|r| r.status).unwrap_or_default();
        let verdict = review.and_then(|r| r.verdict.as_ref());
        self.status.is_none_or(|s| s == status)
            && match &self.verdict {
                None => true,
                Some(VerdictFilter::Undecided) => verdict.is_none(),
                Some(VerdictFilter::Is(v)) => verdict == Some(v),
            }
    }
}

impl Action {
    /// Whether the action changes the user's work (and so is refused while read-only).
    pub fn changes_work(&self) -> bool {
        matches!(
            self,
            Action::Add(_)
                | Action::Relabel { .. }
                | Action::SetNote { .. }
                | Action::Delete(_)
                | Action::PlaceOrphan { .. }
                | Action::DeleteOrphan(_)
                | Action::Undo
                | Action::Redo
                | Action::Replace(_)
                | Action::Attribute { .. }
                | Action::SameActor { .. }
                | Action::LeaveActor { .. }
                | Action::EditActor(_)
                | Action::SetReview { .. }
                | Action::SetMeta(_)
                | Action::SetSettings(_)
                | Action::SetLabels(_)
                | Action::DeleteLabel { .. }
        )
    }
}

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
}

impl State {
    pub fn new(workspace: Workspace) -> Self {
        State { workspace, history: History::default(), selected: None, filter: Filter::default(), flash: None, revision: 0, read_only: false }
    }

    pub fn selected_annotation(&self) -> Option<&Rc<Annotation>> {
        self.selected.as_ref().and_then(|id| self.workspace.shared_annotation(id))
    }

    /// The new state after `action`; the same `Rc` when nothing changed, so nothing re-renders.
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if self.read_only && action.changes_work() {
            return self;
        }
        let change = match &action {
            Action::Add(a) => {
                if self.workspace.check(a).is_err() || self.workspace.annotation(&a.id).is_some() {
                    return self;
                }
                Some((Change::Annotation { before: None, after: Some(a.clone()) }, EditKind::Other))
            }
            Action::Relabel { id, label, at } => {
                let Some(old) = self.workspace.annotation(id) else { return self };
                if &old.label == label || self.workspace.label(label).is_none() {
                    return self;
                }
                let mut new = Annotation { label: label.clone(), modified: at.clone(), ..old.clone() };
                if label.0 != factcheck::ACTOR {
                    // Only an actor span names an actor.
                    new.facts.actor = None;
                }
                Some((Change::Annotation { before: Some(old.clone()), after: Some(new) }, EditKind::Other))
            }
            Action::SetNote { id, note, at } => {
                let Some(old) = self.workspace.annotation(id) else { return self };
                if &old.note == note {
                    return self;
                }
                let new = Annotation { note: note.clone(), modified: at.clone(), ..old.clone() };
                Some((Change::Annotation { before: Some(old.clone()), after: Some(new) }, EditKind::Typing(Field::Note)))
            }
            Action::Delete(id) => {
                let Some(old) = self.workspace.annotation(id) else { return self };
                Some((Change::Annotation { before: Some(old.clone()), after: None }, EditKind::Other))
            }
            Action::PlaceOrphan { id, span, at } => {
                let Some(orphan) = self.workspace.orphan(id) else { return self };
                let placed = Annotation {
                    id: orphan.id.clone(),
                    span: *span,
                    label: orphan.label.clone(),
                    note: orphan.note.clone(),
                    created: orphan.created.clone(),
                    modified: at.clone(),
                    facts: orphan.facts.clone(),
                };
                if self.workspace.check(&placed).is_err() || self.workspace.annotation(id).is_some() {
                    return self;
                }
                return self.clone().commit(
                    ChangeSet(vec![
                        Change::Orphan { before: Some(orphan.clone()), after: None },
                        Change::Annotation { before: None, after: Some(placed) },
                    ]),
                    EditKind::Other,
                );
            }
            Action::DeleteOrphan(id) => {
                let Some(orphan) = self.workspace.orphan(id) else { return self };
                Some((Change::Orphan { before: Some(orphan.clone()), after: None }, EditKind::Other))
            }
            Action::Replace(ws) => Some((
                Change::Workspace { before: Rc::new(self.workspace.clone()), after: Rc::new((**ws).clone()) },
                EditKind::Other,
            )),
            Action::SetMeta(meta) => {
                if *self.workspace.meta == *meta {
                    return self;
                }
                let change = Change::Meta { before: self.workspace.meta.clone(), after: Rc::new(meta.clone()) };
                Some((change, EditKind::Typing(Field::Meta)))
            }
            Action::SetSettings(settings) => {
                if *self.workspace.settings == *settings || settings.verdicts.is_empty() {
                    return self;
                }
                Some((Change::Settings { before: self.workspace.settings.clone(), after: Rc::new(settings.clone()) }, EditKind::Other))
            }
            Action::SetLabels(labels) => {
                if *self.workspace.labels == *labels || self.workspace.check_new_labels(labels).is_err() {
                    return self;
                }
                Some((Change::Labels { before: self.workspace.labels.clone(), after: Rc::new(labels.clone()) }, EditKind::Other))
            }
            Action::DeleteLabel { id, .. } => {
                let ws = &self.workspace;
                if ws.label(id).is_none() || ws.labels.len() == 1 {
                    return self;
                }
                let mut changes: Vec<Change> = ws.annotations.iter().filter(|a| &a.label == id)
                    .map(|a| Change::Annotation { before: Some((**a).clone()), after: None }).collect();
                // Backwards, so that undo puts them back in their order.
                changes.extend(ws.orphans.iter().rev().filter(|o| &o.label == id).map(|o| Change::Orphan { before: Some(o.clone()), after: None }));
                let rest: Vec<Label> = ws.labels.iter().filter(|l| &l.id != id).cloned().collect();
                // Last, so that undo brings the label back before the annotations that use it.
                changes.push(Change::Labels { before: ws.labels.clone(), after: Rc::new(rest) });
                return self.clone().commit(ChangeSet(changes), EditKind::Other);
            }
            Action::EditActor(actor) => {
                let Some(old) = self.workspace.actor(&actor.id) else { return self };
                if old == actor || actor.name.trim().is_empty() {
                    return self;
                }
                let kind = if old.kind == actor.kind { EditKind::Typing(Field::Actor) } else { EditKind::Other };
                Some((Change::Actor { before: Some(old.clone()), after: Some(actor.clone()) }, kind))
            }
            Action::SetReview { id, review, at } => {
                let Some(old) = self.workspace.annotation(id) else { return self };
                if old.facts.review.as_deref() == review.as_ref() {
                    return self;
                }
                let typing = factcheck::review_edit_is_typing(old.facts.review.as_deref(), review.as_ref());
                let mut new = Annotation { modified: at.clone(), ..old.clone() };
                new.facts.review = review.clone().map(Rc::new);
                let kind = if typing { EditKind::Typing(Field::Review) } else { EditKind::Other };
                Some((Change::Annotation { before: Some(old.clone()), after: Some(new) }, kind))
            }
            Action::Attribute { id, to, at } => {
                let mut draft = Draft::new(&self.workspace);
                let Some(target) = draft.ws.annotation(id) else { return self };
                if target.label.0 == factcheck::ACTOR {
                    return self;
                }
                let actor = match to {
                    None => None,
                    Some(pick) => match draft.resolve(pick, at) {
                        Some(actor) => Some(actor),
                        None => return self,
                    },
                };
                if !draft.edit(id, at, |a| a.facts.said_by = actor) {
                    return self;
                }
                return self.clone().commit(ChangeSet(draft.changes), EditKind::Other);
            }
            Action::SameActor { mention, as_, at } => {
                let mut draft = Draft::new(&self.workspace);
                let Some(m) = draft.ws.annotation(mention) else { return self };
                if m.label.0 != factcheck::ACTOR || matches!(as_, ActorPick::Mention { mention: other, .. } if other == mention) {
                    return self;
                }
                let old = m.facts.actor.clone();
                let Some(target) = draft.resolve(as_, at) else { return self };
                match old {
                    Some(old) if old == target => return self,
                    // A merge: everything that named or quoted the old actor now means the target.
                    Some(old) => {
                        let affected: Vec<AnnotationId> = draft.ws.annotations.iter().filter(|a| a.facts.refers_to(&old)).map(|a| a.id.clone()).collect();
                        for a in affected {
                            draft.edit(&a, at, |a| {
                                if a.facts.actor.as_ref() == Some(&old) {
                                    a.facts.actor = Some(target.clone());
                                }
                                if a.facts.said_by.as_ref() == Some(&old) {
                                    a.facts.said_by = Some(target.clone());
                                }
                            });
                        }
                    }
                    None => {
                        draft.edit(mention, at, |a| a.facts.actor = Some(target));
                    }
                }
                return self.clone().commit(ChangeSet(draft.changes), EditKind::Other);
            }
            Action::LeaveActor { mention, at } => {
                let Some(m) = self.workspace.annotation(mention) else { return self };
                if m.facts.actor.is_none() {
                    return self;
                }
                let mut new = Annotation { modified: at.clone(), ..m.clone() };
                new.facts.actor = None;
                Some((Change::Annotation { before: Some(m.clone()), after: Some(new) }, EditKind::Other))
            }
            _ => None,
        };

        if let Some((change, kind)) = change {
            return self.commit(ChangeSet::one(change), kind);
        }
        let mut next = (*self).clone();
        match action {
            Action::Undo | Action::Redo => {
                let step = if action == Action::Undo { next.history.undo() } else { next.history.redo() };
                let Some(changes) = step else { return self };
                next.workspace.apply_all(&changes);
                next.after_change(&changes);
            }
            Action::Restore(ws) => next = State { read_only: self.read_only, ..State::new(*ws) },
            Action::SetReadOnly(flag) => {
                if next.read_only == flag {
                    return self;
                }
                next.read_only = flag;
            }
            Action::Select(id) => {
                if next.selected == id {
                    return self;
                }
                next.selected = id.filter(|id| next.workspace.annotation(id).is_some());
            }
            Action::Reveal(id) => {
                if next.workspace.annotation(&id).is_none() {
                    return self;
                }
                let count = next.flash.as_ref().map_or(0, |(_, n)| n.wrapping_add(1));
                next.selected = Some(id.clone());
                next.flash = Some((id, count));
            }
            Action::Filter(label) => {
                if next.filter == label {
                    return self;
                }
                next.filter = label;
            }
            _ => return self,
        }
        Rc::new(next)
    }

    fn commit(self: Rc<Self>, mut changes: ChangeSet, kind: EditKind) -> Rc<Self> {
        let mut next = (*self).clone();
        next.workspace.apply_all(&changes);
        // An actor no span names and nothing quotes goes with the change that left it alone.
        for removal in next.workspace.unused_actors_after(&changes) {
            next.workspace.apply(&removal);
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
            Change::Orphan { .. } | Change::Actor { .. } | Change::Meta { .. } | Change::Settings { .. } => {}
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{default_labels, sample_article};
    use crate::model::text::Span;
    use proptest::prelude::*;

    fn ann(id: &str, start: usize, end: usize, label: &str) -> Annotation {
        Annotation {
            id: AnnotationId(id.into()),
            span: Span::new(start, end),
            label: LabelId(label.into()),
            note: String::new(),
            created: Timestamp("2026-01-01T00:00:00.000Z".into()),
            modified: Timestamp("2026-01-01T00:00:00.000Z".into()),
            facts: Default::default(),
        }
    }

    fn state() -> Rc<State> {
        Rc::new(State::new(Workspace::new(sample_article(), default_labels(), vec![])))
    }

    fn at() -> Timestamp {
        Timestamp("2026-02-02T00:00:00.000Z".into())
    }

    #[test]
    fn add_relabel_note_delete_and_undo_all_the_way_back() {
        let s0 = state();
        let s1 = s0.clone().reduce(Action::Add(ann("a", 20, 30, "claim")));
        assert_eq!(s1.workspace.annotations.len(), 1);
        assert_eq!(s1.selected, Some(AnnotationId("a".into())));
        let s2 = s1.clone().reduce(Action::Relabel { id: AnnotationId("a".into()), label: LabelId("quote".into()), at: at() });
        assert_eq!(s2.workspace.annotations[0].label.0, "quote");
        assert_eq!(s2.workspace.annotations[0].modified, at());
        let s3 = s2.clone().reduce(Action::SetNote { id: AnnotationId("a".into()), note: "n".into(), at: at() });
        let s4 = s3.clone().reduce(Action::SetNote { id: AnnotationId("a".into()), note: "no".into(), at: at() });
        let s5 = s4.clone().reduce(Action::Delete(AnnotationId("a".into())));
        assert!(s5.workspace.annotations.is_empty());
        assert_eq!(s5.selected, None);

        let u1 = s5.clone().reduce(Action::Undo);
        assert_eq!(u1.workspace, s4.workspace);
        let u2 = u1.reduce(Action::Undo);
        assert_eq!(u2.workspace, s2.workspace, "typing a note is one undo step");
        let u3 = u2.reduce(Action::Undo).reduce(Action::Undo);
        assert_eq!(u3.workspace, s0.workspace);
        assert!(!u3.history.can_undo());
        let r = u3.reduce(Action::Redo).reduce(Action::Redo).reduce(Action::Redo).reduce(Action::Redo);
        assert_eq!(r.workspace, s5.workspace);
        assert!(!r.history.can_redo());
    }

    #[test]
    fn invalid_actions_change_nothing_and_keep_the_same_rc() {
        let s = state().reduce(Action::Add(ann("a", 1, 5, "claim")));
        for action in [
            Action::Add(ann("b", 5, 5, "claim")),
            Action::Add(ann("c", 1, 999_999, "claim")),
            Action::Add(ann("d", 1, 5, "nope")),
            Action::Add(ann("a", 7, 9, "claim")),
            Action::Relabel { id: AnnotationId("a".into()), label: LabelId("nope".into()), at: at() },
            Action::Delete(AnnotationId("zz".into())),
            Action::Redo,
        ] {
            let next = s.clone().reduce(action.clone());
            assert!(Rc::ptr_eq(&s, &next), "{action:?} changed the state");
        }
    }

    #[test]
    fn replace_is_undoable_and_keeps_the_old_annotations() {
        let s = state().reduce(Action::Add(ann("a", 1, 5, "claim")));
        let other = Workspace::new(crate::model::annotation::Article::new("t", "hello"), default_labels(), vec![]);
        let replaced = s.clone().reduce(Action::Replace(Box::new(other.clone())));
        assert_eq!(replaced.workspace, other);
        let back = replaced.reduce(Action::Undo);
        assert_eq!(back.workspace, s.workspace);
    }

    #[test]
    fn a_read_only_state_refuses_changes_but_follows_restores() {
        let s = state().reduce(Action::SetReadOnly(true));
        let same = s.clone().reduce(Action::Add(ann("a", 1, 5, "claim")));
        assert!(Rc::ptr_eq(&s, &same));
        let other = Workspace::new(sample_article(), default_labels(), vec![ann("b", 2, 6, "quote")]);
        let followed = s.reduce(Action::Restore(Box::new(other.clone())));
        assert_eq!(followed.workspace, other);
        assert!(followed.read_only, "a restore keeps the tab read-only");
        let editing = followed.reduce(Action::SetReadOnly(false)).reduce(Action::Delete(AnnotationId("b".into())));
        assert!(editing.workspace.annotations.is_empty());
    }

    #[test]
    fn annotations_stay_in_text_order() {
        let s = state()
            .reduce(Action::Add(ann("x", 10, 12, "claim")))
            .reduce(Action::Add(ann("y", 2, 4, "actor")))
            .reduce(Action::Add(ann("z", 2, 9, "quote")));
        let ids: Vec<_> = s.workspace.annotations.iter().map(|a| a.id.0.as_str()).collect();
        assert_eq!(ids, ["z", "y", "x"]);
    }

    fn id(s: &str) -> AnnotationId {
        AnnotationId(s.into())
    }

    fn actor_of(s: &State, ann: &str) -> Option<String> {
        let a = s.workspace.annotation(&id(ann)).unwrap();
        a.facts.actor.as_ref().and_then(|x| s.workspace.actor(x)).map(|x| x.name.clone())
    }

    fn speaker_of(s: &State, ann: &str) -> Option<String> {
        let a = s.workspace.annotation(&id(ann)).unwrap();
        a.facts.said_by.as_ref().and_then(|x| s.workspace.actor(x)).map(|x| x.name.clone())
    }

    fn mention(m: &str, new: &str) -> ActorPick {
        ActorPick::Mention { mention: id(m), new_id: ActorId(new.into()) }
    }

    #[test]
    fn mentions_merge_into_one_actor_and_links_follow_the_merge() {
        let s0 = state()
            .reduce(Action::Add(ann("m1", 10, 20, "actor")))
            .reduce(Action::Add(ann("m2", 40, 50, "actor")))
            .reduce(Action::Add(ann("q", 60, 80, "quote")));
        // Linking the quote to the second mention makes an actor for it, named by its text.
        let s1 = s0.clone().reduce(Action::Attribute { id: id("q"), to: Some(mention("m2", "A2")), at: at() });
        let m2_text = s1.workspace.article.text.slice(Span::new(40, 50)).unwrap().to_string();
        assert_eq!(speaker_of(&s1, "q"), Some(m2_text.clone()));
        assert_eq!(s1.workspace.actors.len(), 1);
        // The first mention is the same actor as the second: a merge keeps one actor.
        let s2 = s1.clone().reduce(Action::SameActor { mention: id("m1"), as_: mention("m2", "unused"), at: at() });
        assert_eq!(actor_of(&s2, "m1"), Some(m2_text.clone()));
        assert_eq!(s2.workspace.actors.len(), 1);
        let s3 = s2.clone().reduce(Action::EditActor(Actor { id: ActorId("A2".into()), name: "Amir-Abdollahian".into(), kind: Default::default() }));
        assert_eq!(speaker_of(&s3, "q").as_deref(), Some("Amir-Abdollahian"));
        assert_eq!(actor_of(&s3, "m1").as_deref(), Some("Amir-Abdollahian"));

        // Merging the other way round: m2's actor (with the quote) moves into a new actor of m1's.
        let s4 = s1.clone().reduce(Action::SameActor { mention: id("m1"), as_: ActorPick::New(Actor { id: ActorId("P".into()), name: "Lavrov".into(), kind: Default::default() }), at: at() });
        let s5 = s4.reduce(Action::SameActor { mention: id("m2"), as_: mention("m1", "x"), at: at() });
        assert_eq!(s5.workspace.actors.len(), 1, "the emptied actor is gone");
        assert_eq!(speaker_of(&s5, "q").as_deref(), Some("Lavrov"), "the link followed the merge");
        assert!(s5.workspace.check_actors().is_ok());

        // Undo walks back through every step, redo forward again.
        let mut back = s3.clone();
        while back.history.can_undo() {
            back = back.reduce(Action::Undo);
        }
        assert_eq!(back.workspace, state().workspace);
        let mut forward = back;
        while forward.history.can_redo() {
            forward = forward.reduce(Action::Redo);
        }
        assert_eq!(forward.workspace, s3.workspace);
    }

    #[test]
    fn an_actor_nobody_names_or_quotes_goes_with_its_last_reference_and_comes_back_on_undo() {
        let s = state()
            .reduce(Action::Add(ann("m", 10, 20, "actor")))
            .reduce(Action::Add(ann("q", 60, 80, "quote")))
            .reduce(Action::Attribute { id: id("q"), to: Some(mention("m", "A")), at: at() });
        let deleted = s.clone().reduce(Action::Delete(id("m")));
        assert_eq!(deleted.workspace.actors.len(), 1, "still quoted, so still there");
        let unlinked = deleted.clone().reduce(Action::Attribute { id: id("q"), to: None, at: at() });
        assert!(unlinked.workspace.actors.is_empty());
        assert_eq!(unlinked.clone().reduce(Action::Undo).workspace, deleted.workspace);
        let relabelled = s.clone().reduce(Action::Relabel { id: id("m"), label: LabelId("claim".into()), at: at() });
        assert_eq!(relabelled.workspace.annotation(&id("m")).unwrap().facts.actor, None, "only actor spans name actors");
        assert_eq!(relabelled.workspace.actors.len(), 1);
        let left = s.clone().reduce(Action::LeaveActor { mention: id("m"), at: at() });
        assert_eq!(left.workspace.actors.len(), 1);
        assert_eq!(actor_of(&left, "m"), None);
    }

    #[test]
    fn links_that_make_no_sense_are_refused() {
        let s = state().reduce(Action::Add(ann("m", 10, 20, "actor"))).reduce(Action::Add(ann("q", 60, 80, "quote")));
        for action in [
            Action::Attribute { id: id("m"), to: Some(mention("m", "A")), at: at() },
            Action::Attribute { id: id("q"), to: Some(ActorPick::Actor(ActorId("nobody".into()))), at: at() },
            Action::Attribute { id: id("q"), to: Some(mention("q", "A")), at: at() },
            Action::Attribute { id: id("q"), to: None, at: at() },
            Action::SameActor { mention: id("q"), as_: mention("m", "A"), at: at() },
            Action::SameActor { mention: id("m"), as_: mention("m", "A"), at: at() },
            Action::EditActor(Actor { id: ActorId("nobody".into()), name: "x".into(), kind: Default::default() }),
        ] {
            let next = s.clone().reduce(action.clone());
            assert!(Rc::ptr_eq(&s, &next), "{action:?} changed the state");
        }
    }

    #[test]
    fn a_review_is_undone_decision_by_decision_and_typing_is_one_step() {
        let s = state().reduce(Action::Add(ann("c", 10, 20, "claim")));
        let mut review = Review { verdict: Some("False".into()), ..Default::default() };
        let decided = s.clone().reduce(Action::SetReview { id: id("c"), review: Some(review.clone()), at: at() });
        let mut typed = decided.clone();
        for text in ["T", "Th", "The"] {
            review.text = text.into();
            typed = typed.reduce(Action::SetReview { id: id("c"), review: Some(review.clone()), at: at() });
        }
        review.status = Status::Done;
        let done = typed.clone().reduce(Action::SetReview { id: id("c"), review: Some(review.clone()), at: at() });
        let stored = done.workspace.annotation(&id("c")).unwrap().facts.review.clone().unwrap();
        assert_eq!((stored.text.as_str(), stored.status), ("The", Status::Done));
        let u1 = done.reduce(Action::Undo);
        assert_eq!(u1.workspace, typed.workspace);
        let u2 = u1.reduce(Action::Undo);
        assert_eq!(u2.workspace, decided.workspace, "typing the review is one step");
        let u3 = u2.reduce(Action::Undo);
        assert_eq!(u3.workspace, s.workspace);
    }

    #[test]
    fn metadata_typing_is_one_step_and_settings_need_a_scale() {
        let s = state();
        let mut meta = ArticleMeta::default();
        let mut typed = s.clone();
        for url in ["h", "ht", "https://farsnews.ir/x"] {
            meta.url = url.into();
            typed = typed.reduce(Action::SetMeta(meta.clone()));
        }
        assert_eq!(typed.workspace.meta.url, "https://farsnews.ir/x");
        assert_eq!(typed.clone().reduce(Action::Undo).workspace, s.workspace);
        meta.title = "عنوان".into();
        assert_eq!(typed.reduce(Action::SetMeta(meta)).workspace.title(), "عنوان");
        let empty = Settings { verdicts: vec![], ..Settings::default() };
        assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::SetSettings(empty))));
    }

    #[test]
    fn claims_filter_by_status_and_verdict() {
        let mut c = ann("c", 1, 5, "claim");
        c.facts.review = Some(Rc::new(Review { verdict: Some("False".into()), status: Status::Done, ..Default::default() }));
        let open = ann("o", 6, 9, "claim");
        let quote = ann("q", 10, 12, "quote");
        let by = |status, verdict| Filter { label: None, status, verdict };
        assert!(by(Some(Status::Done), None).matches(&c));
        assert!(!by(Some(Status::Done), None).matches(&open));
        assert!(by(Some(Status::ToCheck), None).matches(&open), "a claim with no review is still to check");
        assert!(by(None, Some(VerdictFilter::Undecided)).matches(&open));
        assert!(by(None, Some(VerdictFilter::Is("False".into()))).matches(&c));
        assert!(!by(None, Some(VerdictFilter::Is("True".into()))).matches(&c));
        assert!(!by(Some(Status::ToCheck), None).matches(&quote), "status filters show claims only");
        assert!(Filter::default().matches(&quote));
    }

    fn renamed(labels: &[Label], id: &str, name: &str) -> Vec<Label> {
        labels.iter().map(|l| if l.id.0 == id { Label { name: name.into(), ..l.clone() } } else { l.clone() }).collect()
    }

    #[test]
    fn renaming_a_label_keeps_its_id_so_annotations_show_the_new_name_and_undo_restores_it() {
        let s = state().reduce(Action::Add(ann("a", 20, 30, "claim")));
        let labels = renamed(&s.workspace.labels, "claim", "Assertion");
        let r = s.clone().reduce(Action::SetLabels(labels.clone()));
        assert_eq!(*r.workspace.labels, labels);
        let a = r.workspace.annotation(&id("a")).unwrap();
        assert_eq!(crate::model::annotation::label_look(&r.workspace.labels, &a.label).0, "Assertion");
        let u = r.clone().reduce(Action::Undo);
        assert_eq!(u.workspace, s.workspace);
        assert_eq!(u.reduce(Action::Redo).workspace, r.workspace);
        assert!(Rc::ptr_eq(&r, &r.clone().reduce(Action::SetLabels(labels))), "the same set changes nothing");
    }

    #[test]
    fn reordering_and_adding_labels_is_one_step_each() {
        let s = state();
        let mut labels = (*s.workspace.labels).clone();
        labels.swap(0, 2);
        let reordered = s.clone().reduce(Action::SetLabels(labels.clone()));
        assert_eq!(reordered.workspace.labels.iter().map(|l| l.id.0.as_str()).collect::<Vec<_>>(), ["actor", "quote", "claim"]);
        labels.push(Label { id: crate::model::labels::new_label_id("Number", &labels), name: "Number".into(), color: "#aa3377".into(), hotkey: Some("4".into()) });
        let added = reordered.clone().reduce(Action::SetLabels(labels));
        let added = added.reduce(Action::Add(ann("n", 5, 9, "number")));
        assert_eq!(added.workspace.annotations.len(), 1, "the new label can be used");
        let back = added.reduce(Action::Undo).reduce(Action::Undo);
        assert_eq!(back.workspace, reordered.workspace);
        assert_eq!(back.reduce(Action::Undo).workspace, s.workspace);
    }

    #[test]
    fn deleting_a_label_in_use_takes_its_annotations_orphans_and_lonely_actors_in_one_undoable_step() {
        let orphan = Orphan {
            id: id("o"), label: LabelId("actor".into()), quote: crate::model::quote::Quote { exact: "x".into(), prefix: String::new(), suffix: String::new() },
            note: String::new(), created: at(), modified: at(), reason: "not found".into(), facts: Default::default(),
        };
        let mut s = Rc::new(State::new(Workspace::new(sample_article(), default_labels(), vec![]).with_orphans(vec![orphan])));
        s = s.reduce(Action::Add(ann("m", 10, 20, "actor"))).reduce(Action::Add(ann("q", 60, 80, "quote"))).reduce(Action::Add(ann("c", 90, 99, "claim")));
        s = s.reduce(Action::SameActor { mention: id("m"), as_: ActorPick::Mention { mention: id("m"), new_id: ActorId("A".into()) }, at: at() });
        s = s.reduce(Action::Filter(Filter::by_label(Some(LabelId("actor".into()))))).reduce(Action::Select(Some(id("m"))));
        assert_eq!(s.workspace.label_uses(&LabelId("actor".into())), 2);
        let d = s.clone().reduce(Action::DeleteLabel { id: LabelId("actor".into()), at: at() });
        assert_eq!(d.workspace.labels.len(), 2);
        assert_eq!(d.workspace.annotations.iter().map(|a| a.id.0.as_str()).collect::<Vec<_>>(), ["q", "c"]);
        assert!(d.workspace.orphans.is_empty() && d.workspace.actors.is_empty());
        assert_eq!((d.selected.clone(), d.filter.label.clone()), (None, None));
        let u = d.clone().reduce(Action::Undo);
        assert_eq!(u.workspace, s.workspace, "one undo brings the label, its annotations, orphan and actor back");
        assert_eq!(u.reduce(Action::Redo).workspace, d.workspace);
    }

    #[test]
    fn label_sets_that_would_break_the_work_are_refused() {
        let s = state().reduce(Action::Add(ann("a", 20, 30, "quote")));
        let labels = (*s.workspace.labels).clone();
        let without_quote: Vec<Label> = labels.iter().filter(|l| l.id.0 != "quote").cloned().collect();
        let without_actor: Vec<Label> = labels.iter().filter(|l| l.id.0 != "actor").cloned().collect();
        let mut reserved = labels.clone();
        reserved[0].hotkey = Some("m".into());
        for action in [
            Action::SetLabels(vec![]),
            Action::SetLabels(renamed(&labels, "quote", "Claim")),
            Action::SetLabels(reserved),
            Action::SetLabels(without_quote),
            Action::DeleteLabel { id: LabelId("gone".into()), at: at() },
        ] {
            assert!(Rc::ptr_eq(&s, &s.clone().reduce(action.clone())), "{action:?} changed the state");
        }
        assert_eq!(s.clone().reduce(Action::SetLabels(without_actor)).workspace.labels.len(), 2, "an unused label can simply go");
        let mut one = state();
        for l in ["quote", "actor"] {
            one = one.reduce(Action::DeleteLabel { id: LabelId(l.into()), at: at() });
        }
        assert!(Rc::ptr_eq(&one, &one.clone().reduce(Action::DeleteLabel { id: LabelId("claim".into()), at: at() })), "the last label stays");
        let mut ro = (*s).clone();
        ro.read_only = true;
        let ro = Rc::new(ro);
        assert!(Rc::ptr_eq(&ro, &ro.clone().reduce(Action::DeleteLabel { id: LabelId("quote".into()), at: at() })));
    }

    #[derive(Clone, Debug)]
    enum Op {
        Add(usize, usize, usize),
        Relabel(usize, usize),
        Note(usize, u8),
        Delete(usize),
        Undo,
        Redo,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0usize..200, 1usize..30, 0usize..3).prop_map(|(s, l, k)| Op::Add(s, l, k)),
            (0usize..8, 0usize..3).prop_map(|(i, k)| Op::Relabel(i, k)),
            (0usize..8, any::<u8>()).prop_map(|(i, n)| Op::Note(i, n)),
            (0usize..8).prop_map(Op::Delete),
            Just(Op::Undo),
            Just(Op::Redo),
        ]
    }

    proptest! {
        #[test]
        fn undoing_everything_restores_the_start_and_redoing_restores_the_end(ops in prop::collection::vec(op(), 1..40)) {
            let labels = ["claim", "quote", "actor"];
            let start = state();
            let mut s = start.clone();
            for (n, op) in ops.iter().enumerate() {
                let nth = |s: &State, i: usize| s.workspace.annotations.get(i % s.workspace.annotations.len().max(1)).map(|a| a.id.clone());
                let action = match op {
                    Op::Add(st, l, k) => Action::Add(ann(&format!("id{n}"), *st, st + l, labels[*k])),
                    Op::Relabel(i, k) => match nth(&s, *i) { Some(id) => Action::Relabel { id, label: LabelId(labels[*k].into()), at: at() }, None => continue },
                    Op::Note(i, c) => match nth(&s, *i) { Some(id) => Action::SetNote { id, note: format!("{c}"), at: at() }, None => continue },
                    Op::Delete(i) => match nth(&s, *i) { Some(id) => Action::Delete(id), None => continue },
                    Op::Undo => Action::Undo,
                    Op::Redo => Action::Redo,
                };
                s = s.reduce(action);
                let mut sorted = (*s.workspace.annotations).clone();
                sorted.sort_by(|a, b| text_order(a, b));
                prop_assert_eq!(&sorted, &*s.workspace.annotations);
            }
            let end = s.workspace.clone();
            let mut back = s;
            let mut steps = 0;
            while back.history.can_undo() { back = back.reduce(Action::Undo); steps += 1; }
            prop_assert_eq!(&back.workspace, &start.workspace);
            for _ in 0..steps { back = back.reduce(Action::Redo); }
            prop_assert_eq!(back.workspace.clone(), end);
        }
    }
}
