//! The workspace as a context: the provider owns the state, the notices, the language, and where
//! the work is kept (autosave, the single editing tab, the library); `use_workspace()` hands them
//! to any component below it, in the manner of Yew's `examples/contexts`.

use super::autosave::{self, Saver};
use super::boot::{boot, Saving};
use super::i18n::{self, Tr};
use super::library::Shelf;
use super::notices::{Level, Notice, NoticeAction, NoticeList};
use super::tabs::{self, TabContext};
use crate::bridge::{clock, download, selection, storage::Store};
use crate::model::action::{Action, Edit};
use crate::model::format::ExportKind;
use crate::model::keys::{self, StoredText};
use crate::model::reduce::State;
use crate::model::workspace::Workspace;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Through the team session when a team article is open (local edits are written to it).
        super::team::reduce(self, action)
    }
}

/// The latest state, for callbacks that run later. Always equal to itself, so passing it as a prop
/// never causes a re-render.
#[derive(Clone)]
pub struct Latest(pub Rc<RefCell<Rc<State>>>);

impl PartialEq for Latest {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Latest {
    /// The state as of the last render.
    pub fn now(&self) -> Rc<State> {
        self.0.borrow().clone()
    }
}

/// What `use_workspace()` gives.
#[derive(Clone)]
pub struct WorkspaceContext {
    /// The state as of this render (a reducer handle would read the newest state, which is no
    /// snapshot to tell a change by).
    pub state: Rc<State>,
    /// Changes the state without the read-only check (what is refused is refused by the reducer, silently).
    pub dispatcher: UseReducerDispatcher<State>,
    /// Does an action, or says why not: edits are refused with a notice while another tab edits.
    pub dispatch: Callback<Result<Action, String>>,
    /// `dispatch` for an action that needs no reason to fail.
    pub on_action: Callback<Action>,
    pub notify: Callback<Notice>,
    pub notices: UseReducerHandle<NoticeList>,
    pub dismiss: Callback<String>,
    pub store: Store,
    pub tr: Tr,
    pub switch_lang: Callback<()>,
    pub latest: Latest,
    pub saving: Saving,
    /// The library of articles kept in this browser, and what its buttons do.
    pub shelf: Shelf,
    /// Moves editing to this tab (from a read-only one).
    pub take_over: Callback<()>,
    /// The team library, if this library is shared.
    pub team: super::team::TeamLink,
}

impl PartialEq for WorkspaceContext {
    fn eq(&self, other: &Self) -> bool {
        // The callbacks are made once; what changes is the state (a new snapshot on every render of
        // the provider), the notices, saving, the library and the language.
        Rc::ptr_eq(&self.state, &other.state)
            && self.notices == other.notices
            && self.saving == other.saving
            && self.shelf.shown == other.shelf.shown
            && self.tr == other.tr
            && self.team == other.team
    }
}

impl WorkspaceContext {
    /// Downloads the workspace in one of the export formats, saying what the format left out.
    pub fn export(&self, kind: ExportKind) {
        let state = self.latest.now();
        let result = crate::bridge::perf::measure("annota:export", || {
            let file = kind.export(&state.workspace);
            download::download_bytes(&file.name, file.mime, &file.bytes).map(|_| file.note)
        });
        match result {
            Ok(Some(note)) => self.notify.emit(Notice::new(Level::Info, self.tr.msg(&note))),
            Ok(None) => {}
            Err(e) => self.notify.emit(Notice::new(Level::Error, self.tr.f("Could not download the file: {}.", &[&self.tr.msg(&e)]))),
        }
    }

    /// Opens a new workspace (an article or an imported file) as one undoable step, saying what happened.
    pub fn replace(&self, ws: Workspace, message: String) {
        self.shelf.keep_open_if_unsaved();
        self.on_action.emit(Action::Edit(Edit::Replace(Box::new(ws))));
        self.notify.emit(Notice::new(Level::Info, message));
    }
}

/// The workspace context; panics outside a `WorkspaceProvider`.
#[hook]
pub fn use_workspace() -> WorkspaceContext {
    use_context::<WorkspaceContext>().expect("use_workspace inside a WorkspaceProvider")
}

#[derive(Properties, PartialEq)]
pub struct ProviderProps {
    #[prop_or_default]
    pub children: Html,
}

/// The callbacks of the context, made once: they read the state through `latest`.
struct Wiring {
    notify: Callback<Notice>,
    dispatch: Callback<Result<Action, String>>,
    on_action: Callback<Action>,
    dismiss: Callback<String>,
}

fn wiring(state: UseReducerDispatcher<State>, notices: UseReducerDispatcher<NoticeList>, latest: Rc<RefCell<Rc<State>>>) -> Wiring {
    let notify = {
        let notices = notices.clone();
        Callback::from(move |n: Notice| {
            if n.level == Level::Info {
                let (notices, text) = (notices.clone(), n.text.clone());
                gloo_timers::callback::Timeout::new(super::notices::INFO_SECONDS * 1000, move || notices.dispatch(NoticeAction::Dismiss(text))).forget();
            }
            notices.dispatch(NoticeAction::Push(n));
        })
    };
    let dispatch = {
        let notify = notify.clone();
        Callback::from(move |r: Result<Action, String>| match r {
            Ok(action) if latest.borrow().read_only && action.changes_work() => {
                notify.emit(Notice::new(Level::Info, "This workspace is being edited in another tab. Press Edit here instead to edit here."));
            }
            Ok(Action::Edit(edit)) if super::team::refusal(&latest.borrow(), &edit).is_some() => {
                notify.emit(Notice::new(Level::Info, super::team::refusal(&latest.borrow(), &edit).unwrap_or_default()));
            }
            Ok(action) => {
                if matches!(action, Action::Edit(Edit::Add(_)) | Action::Edit(Edit::PlaceOrphan { .. })) {
                    selection::clear_selection();
                }
                state.dispatch(action)
            }
            Err(message) => notify.emit(Notice::new(Level::Info, message)),
        })
    };
    let on_action = dispatch.reform(Ok);
    let dismiss = Callback::from(move |text| notices.dispatch(NoticeAction::Dismiss(text)));
    Wiring { notify, dispatch, on_action, dismiss }
}

#[component]
pub fn WorkspaceProvider(props: &ProviderProps) -> Html {
    let initial = use_memo((), |_| boot());
    let state = use_reducer({
        let ws = initial.workspace.clone();
        move || State::new(ws)
    });
    let latest = use_mut_ref(|| Rc::new(State::new(initial.workspace.clone())));
    let now = Rc::new((*state).clone());
    *latest.borrow_mut() = now.clone();
    let notices = use_reducer(|| NoticeList(initial.notices.clone()));
    let wired = use_memo((), {
        let (state, notices, latest) = (state.dispatcher(), notices.dispatcher(), latest.clone());
        move |_| wiring(state, notices, latest)
    });
    let store = &initial.store;

    let lang = use_state(|| i18n::initial_lang(store));
    use_effect_with(*lang, |lang| i18n::apply_to_document(*lang));
    let tr = Tr(*lang);
    let switch_lang = {
        let store = store.clone();
        use_callback(lang.clone(), move |_, lang| {
            let (next, _) = lang.other();
            let _ = store.set(keys::LANG, next.code());
            lang.set(next);
        })
    };

    // Save every change as it happens; the article only when it changed. What storage holds of the
    // article now: nothing until it is first written, unless it came from storage.
    let saving = use_state(|| initial.saving.clone());
    let library = use_mut_ref(|| initial.library.clone());
    let library_shown = use_state(|| initial.library.clone());
    let saved_article = use_mut_ref(|| initial.from_storage.then(|| StoredText::of(&initial.workspace.article)));
    let saver = Saver {
        store: store.clone(),
        saved_article: saved_article.clone(),
        pending: use_mut_ref(|| None),
        status: use_mut_ref(|| initial.saving.clone()),
        shown: saving.clone(),
        notify: wired.notify.clone(),
        library: library.clone(),
        on_library: {
            let shown = library_shown.clone();
            Callback::from(move |lib| shown.set(lib))
        },
        records: use_mut_ref(Default::default),
    };
    autosave::use_autosave(state.revision, state.workspace.clone(), saver);

    // One tab edits; others follow it read-only.
    let tab = use_memo((), |_| Rc::<str>::from(clock::new_annotation_id().0));
    let tabs = TabContext {
        tab: (*tab).clone(),
        store: store.clone(),
        latest: latest.clone(),
        dispatcher: state.dispatcher(),
        notify: wired.notify.clone(),
        on_follow: {
            let saved = saved_article.clone();
            Callback::from(move |ws: Workspace| *saved.borrow_mut() = Some(StoredText::of(&ws.article)))
        },
    };
    tabs::use_single_editor(tabs.clone());

    let shelf = Shelf {
        store: store.clone(),
        library,
        shown: library_shown,
        latest: latest.clone(),
        dispatcher: state.dispatcher(),
        notify: wired.notify.clone(),
        saved_article,
        tr,
    };
    let team = super::team::use_team(store.clone(), Latest(latest.clone()), state.dispatcher(), wired.notify.clone(), tr);
    let context = WorkspaceContext {
        state: now,
        dispatcher: state.dispatcher(),
        dispatch: wired.dispatch.clone(),
        on_action: wired.on_action.clone(),
        notify: wired.notify.clone(),
        notices,
        dismiss: wired.dismiss.clone(),
        store: store.clone(),
        tr,
        switch_lang,
        latest: Latest(latest),
        saving: (*saving).clone(),
        shelf,
        take_over: Callback::from(move |_| tabs.take_over()),
        team,
    };
    html! {
        <ContextProvider<Tr> context={tr}>
            <ContextProvider<WorkspaceContext> {context}>
                { props.children.clone() }
            </ContextProvider<WorkspaceContext>>
        </ContextProvider<Tr>>
    }
}
