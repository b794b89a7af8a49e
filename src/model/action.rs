//! Everything that can happen, sorted by what it touches: an `Edit` changes the user's work (and is
//! refused while another tab edits), a `View` changes only what is shown, a `Session` event comes
//! from the browser (what storage held, whether this tab may edit). Ids and times come in the
//! action, so the reducer stays pure.

use super::actors::ActorPick;
use super::annotation::{Annotation, AnnotationId, Timestamp};
use super::change::ChangeSet;
use super::facts::{Actor, ArticleMeta, Review, Settings};
use super::filter::Filter;
use super::labels::{Label, LabelId};
use super::layers::{Decision, Layer, LayerId, LayerView};
use super::text::Span;
use super::workspace::Workspace;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(Edit),
    View(View),
    Session(Session),
}

/// A change to the user's work: undoable (or undo itself), saved, refused while read-only.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Add(Annotation),
    Relabel {
        id: AnnotationId,
        label: LabelId,
        at: Timestamp,
    },
    SetNote {
        id: AnnotationId,
        note: String,
        at: Timestamp,
    },
    Delete(AnnotationId),
    /// Give an orphan a place in the text: it becomes an annotation again.
    PlaceOrphan {
        id: AnnotationId,
        span: Span,
        at: Timestamp,
    },
    DeleteOrphan(AnnotationId),
    Undo,
    Redo,
    /// Open a new article or an imported file; undoable.
    Replace(Box<Workspace>),
    /// Link a quote or claim to who said it (`None` unlinks).
    Attribute {
        id: AnnotationId,
        to: Option<ActorPick>,
        at: Timestamp,
    },
    /// An actor span names the same actor as `as_`: it joins it, and its old actor's mentions and
    /// links move over with it (a merge).
    SameActor {
        mention: AnnotationId,
        as_: ActorPick,
        at: Timestamp,
    },
    /// An actor span stops naming its actor.
    LeaveActor {
        mention: AnnotationId,
        at: Timestamp,
    },
    EditActor(Actor),
    SetReview {
        id: AnnotationId,
        review: Option<Review>,
        at: Timestamp,
    },
    SetMeta(ArticleMeta),
    SetSettings(Settings),
    /// Replace the label set (rename, recolour, rekey, reorder, add, drop unused); ids stay, so
    /// annotations show a new name at once. Refused if the set is not valid.
    SetLabels(Vec<Label>),
    /// Accept suggestions: each becomes an annotation, joined to its actor or linked to who said
    /// it; all of them one undo step.
    Accept(Vec<Accepted>),
    /// Remove a label with every annotation and orphan that uses it, as one step. `at` is when,
    /// like every edit; nothing that remains is stamped by it.
    DeleteLabel {
        id: LabelId,
        at: Timestamp,
    },
    /// Add another annotator's layer (imported from their file); refused if its id is taken.
    AddLayer(Box<Layer>),
    /// Write into another layer: its annotations become the ones shown, edited and exported.
    WriteInto(LayerId),
    /// Remove a layer that is not being written, with its annotations.
    RemoveLayer(LayerId),
    /// Settle the differences of layers `a` and `b` into the gold layer (made if missing), and
    /// write into it.
    Adjudicate {
        a: LayerId,
        b: LayerId,
    },
    /// Settle differences into the gold layer being written, as one undo step: each by its key,
    /// how, and the annotations it puts in.
    Settle(Vec<Settled>),
    /// Take back how a difference was settled (by its key): its decision and what it put into gold.
    Reopen(String),
}

/// One difference settled: its key (see [`crate::model::layers::difference_key`]), the decision
/// and what goes into the gold layer.
#[derive(Clone, Debug, PartialEq)]
pub struct Settled {
    pub key: String,
    pub decision: Decision,
    pub add: Vec<Annotation>,
}

/// An accepted suggestion: the annotation it becomes, the actor it names (an actor span) and who
/// said it (a quote or claim).
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted {
    pub annotation: Annotation,
    pub names: Option<ActorPick>,
    pub said_by: Option<ActorPick>,
}

/// What is shown: never saved, never undone, allowed while read-only.
#[derive(Clone, Debug, PartialEq)]
pub enum View {
    Select(Option<AnnotationId>),
    /// Select and draw the eye to an annotation (from the side panel).
    Reveal(AnnotationId),
    Filter(Filter),
    /// Which other layers are drawn beside the written one, and whether only differences are.
    Layers(LayerView),
}

/// What the browser tells the app about its work.
#[derive(Clone, Debug, PartialEq)]
pub enum Session {
    /// What storage held at start-up, or what the editing tab saved; not undoable.
    Restore(Box<Workspace>),
    /// Another tab is editing: refuse every edit until this tab may edit again.
    SetReadOnly(bool),
    /// A teammate's edits, arrived through the team library: applied as they are, even while
    /// read-only, and never undone by this tab's undo (the history holds only local steps).
    Remote(ChangeSet),
    /// What a team document's entries gained and lost, for the team session, which takes it in
    /// and settles the workspace with `Remote` (on its own, with no team open, it changes nothing).
    Received { doc: String, added: Vec<(String, String)>, removed: Vec<String> },
}

impl From<Edit> for Action {
    fn from(e: Edit) -> Self {
        Action::Edit(e)
    }
}

impl From<View> for Action {
    fn from(v: View) -> Self {
        Action::View(v)
    }
}

impl From<Session> for Action {
    fn from(s: Session) -> Self {
        Action::Session(s)
    }
}

impl Action {
    /// Whether the action changes the user's work (and so is refused while read-only).
    pub fn changes_work(&self) -> bool {
        matches!(self, Action::Edit(_))
    }
}
