//! The Yew view: the App wires the pure reducer to the browser bridge; components only render and emit.

mod actor_picker;
mod article;
mod autosave;
mod details;
mod dialog_focus;
mod factcheck;
mod i18n;
mod keyboard;
mod label_editor;
mod legend;
mod library;
mod notices;
mod panel;
mod pattern;
mod report;
mod shortcuts;
mod tabs;
mod toolbar;
mod update;
mod workspace_menu;

use crate::bridge::{clock, download, selection, storage::{Store, WriteError}};
use crate::model::annotation::{Annotation, AnnotationId, Article, differing, sample_article};
use crate::model::labels::{default_labels, LabelId};
use crate::model::format::ExportKind;
use crate::model::actors::{actor_entries, ActorEntry, ActorPick, touches_actors};
use crate::model::facts::Actor;
use crate::model::action::{Action, Edit, View};
use crate::model::reduce::State;
use crate::model::keys::StoredText;
use crate::model::workspace::Workspace;
use factcheck::Picking;
use article::ArticleView;
use gloo_events::EventListener;
use notices::{Level, Notice, NoticeAction, NoticeList, Notices};
use panel::AnnotationsPanel;
use std::rc::Rc;
use toolbar::Toolbar;
use wasm_bindgen::JsCast;
use workspace_menu::WorkspaceMenu;
use yew::prelude::*;

/// The latest state, for callbacks that run later. Always equal to itself, so passing it as a prop
/// never causes a re-render.
#[derive(Clone)]
pub struct Latest(pub Rc<std::cell::RefCell<Rc<State>>>);

impl PartialEq for Latest {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        State::reduce(self, action)
    }
}

/// Whether changes can be written, and if not, why.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Saving {
    Ok,
    Failed(WriteError),
    /// Storage holds something we could not copy aside (this write failed): writing would destroy it.
    Paused(WriteError),
    Unavailable,
}

#[derive(Clone)]
struct Boot {
    store: Store,
    workspace: Workspace,
    notices: Vec<Notice>,
    saving: Saving,
    /// Whether the workspace was read from storage (rather than the built-in sample).
    from_storage: bool,
    library: crate::model::library::Library,
}

fn boot() -> Boot {
    let stamp = clock::now().0;
    let found = Store::boot(&stamp);
    // The notices are made once, in the language the interface starts in.
    let tr = i18n::Tr(i18n::initial_lang(&found.store));
    let mut notices = Vec::new();
    let mut saving = if found.store.is_available() { Saving::Ok } else { Saving::Unavailable };
    for (unreadable, kept) in found.kept {
        let download = Some((format!("annota-unreadable-{}.txt", unreadable.key.replace(':', "-")), unreadable.raw.clone()));
        match kept {
            Ok(key) => notices.push(Notice::new(
                Level::Warning,
                tr.f("{} It is kept unchanged in this browser under \"{}\"; you can download it.", &[&capitalise(&tr.msg(&unreadable.reason)), &key]),
            ).with_download(download)),
            Err(e) => {
                saving = Saving::Paused(e);
                notices.push(Notice::new(
                    Level::Error,
                    tr.f("{} It could not be copied aside, so Annota will not save over it: download it before anything else.", &[&capitalise(&tr.msg(&unreadable.reason))]),
                ).with_download(download));
            }
        }
    }
    notices.extend(tr.label_repairs(&found.decoded.label_repairs).map(|n| Notice::new(Level::Info, n)));
    let from_storage = found.decoded.workspace.is_some();
    let workspace = found.decoded.workspace.unwrap_or_else(|| Workspace::new(sample_article(), default_labels(), vec![]));
    let library = found.library;
    Boot { store: found.store, workspace, notices, saving, from_storage, library }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect::<String>() + ".").unwrap_or_default()
}

/// What pressing a label (button or key) does: label the text selection, else relabel the selected annotation.
fn label_action(state: &State, article: Option<web_sys::Element>, label: LabelId) -> Result<Action, String> {
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
    Err("Select some text in the article first, then choose a label.".into())
}

fn is_typing_target(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.closest("[contenteditable]").ok().flatten().is_some())
}

/// The keyboard shortcuts; `None` when the key is not ours.
fn key_action(e: &KeyboardEvent, state: &State, article: Option<web_sys::Element>) -> Option<Result<Action, String>> {
    let command = e.ctrl_key() || e.meta_key();
    let key = e.key();
    if command && !e.alt_key() {
        return match key.to_lowercase().as_str() {
            "z" if e.shift_key() => Some(Ok(Action::Edit(Edit::Redo))),
            "z" => Some(Ok(Action::Edit(Edit::Undo))),
            "y" => Some(Ok(Action::Edit(Edit::Redo))),
            _ => None,
        };
    }
    if e.alt_key() {
        return None;
    }
    match key.as_str() {
        "Delete" | "Backspace" => state.selected.clone().map(|id| Ok(Action::Edit(Edit::Delete(id)))),
        "Escape" => Some(Ok(Action::View(View::Select(None)))),
        _ => {
            let label = state.workspace.labels.iter().find(|l| l.hotkey.as_deref() == Some(key.as_str()))?;
            Some(label_action(state, article, label.id.clone()))
        }
    }
}

/// L links the selected quote or claim to who said it; M says which actor an actor span names too.
fn pick_key(e: &KeyboardEvent, state: &State) -> Option<Result<Picking, String>> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return None;
    }
    let key = e.key().to_lowercase();
    if key != "l" && key != "m" {
        return None;
    }
    let Some(a) = state.selected_annotation() else {
        return Some(Err("Click a highlight first: L links a quote or claim to who said it, M merges actor spans.".into()));
    };
    let is_actor = a.label.0 == crate::model::facts::ACTOR;
    Some(match (key.as_str(), is_actor) {
        ("l", false) => Ok(Picking::Attribute { id: a.id.clone(), near: a.span }),
        ("m", true) => Ok(Picking::SameActor { mention: a.id.clone(), near: a.span }),
        ("l", true) => Err("An actor span is who speaks; select a quote or claim to link it (L), or press M to merge this actor with another.".into()),
        _ => Err("M merges actor spans; select an actor span first. To link a quote or claim to its speaker, press L.".into()),
    })
}

/// What the picker's choice does, given what it was opened for.
fn picked_action(picking: &Picking, pick: ActorPick) -> Action {
    match picking {
        Picking::Attribute { id, .. } => Action::Edit(Edit::Attribute { id: id.clone(), to: Some(pick), at: clock::now() }),
        Picking::SameActor { mention, .. } => Action::Edit(Edit::SameActor { mention: mention.clone(), as_: pick, at: clock::now() }),
    }
}

/// Which dialog is open over the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dialog {
    ArticleDetails,
    Settings,
    Library,
    Labels,
}

#[component]
pub fn App() -> Html {
    let initial = use_memo((), |_| boot());
    let Boot { workspace: initial_ws, notices: initial_notices, saving: initial_saving, store, from_storage, library: initial_library } = &*initial;
    let state = use_reducer({
        let ws = initial_ws.clone();
        move || State::new(ws)
    });
    let notices = use_reducer(|| NoticeList(initial_notices.clone()));
    let update_notice = update::use_update_notice();
    let saving = use_state(|| initial_saving.clone());
    let article_ref = use_node_ref();
    let picking = use_state(|| None::<Picking>);
    let lang = use_state(|| i18n::initial_lang(store));
    {
        let lang = *lang;
        use_effect_with(lang, move |lang| i18n::apply_to_document(*lang));
    }
    let tr = i18n::Tr(*lang);
    let dialog = use_state(|| None::<Dialog>);
    let reporting = use_state(|| false);
    let showing_keys = use_state(|| false);
    let announced = use_state(AttrValue::default);
    let keys = keyboard::Keys {
        article: article_ref.clone(),
        caret: use_mut_ref(keyboard::Caret::default),
        dispatch: { let d = state.dispatcher(); Callback::from(move |a| d.dispatch(a)) },
        show_shortcuts: { let s = showing_keys.setter(); Callback::from(move |_| s.set(true)) },
        announce: { let s = announced.setter(); Callback::from(move |t: String| s.set(t.into())) },
    };
    let latest = use_mut_ref(|| Rc::new(State::new(initial_ws.clone())));
    *latest.borrow_mut() = Rc::new((*state).clone());

    let notify = {
        let notices = notices.dispatcher();
        Callback::from(move |n: Notice| {
            if n.level == Level::Info {
                let (notices, text) = (notices.clone(), n.text.clone());
                gloo_timers::callback::Timeout::new(notices::INFO_SECONDS * 1000, move || notices.dispatch(NoticeAction::Dismiss(text))).forget();
            }
            notices.dispatch(NoticeAction::Push(n));
        })
    };
    let dispatch_result = {
        let dispatcher = state.dispatcher();
        let notify = notify.clone();
        let latest = latest.clone();
        Callback::from(move |r: Result<Action, String>| match r {
            Ok(action) if latest.borrow().read_only && action.changes_work() => {
                notify.emit(Notice::new(Level::Info, "This workspace is being edited in another tab. Press Edit here instead to edit here."));
            }
            Ok(action) => {
                if matches!(action, Action::Edit(Edit::Add(_)) | Action::Edit(Edit::PlaceOrphan { .. })) {
                    selection::clear_selection();
                }
                dispatcher.dispatch(action)
            }
            Err(message) => notify.emit(Notice::new(Level::Info, message)),
        })
    };

    // Save every change as it happens; the article only when it changed.
    // What storage holds of the article now: nothing until it is first written, unless it came from storage.
    let library_ref = use_mut_ref(|| initial_library.clone());
    let library_shown = use_state(|| initial_library.clone());
    let saved_article: Rc<std::cell::RefCell<Option<StoredText>>> = use_mut_ref(|| from_storage.then(|| StoredText::of(&initial_ws.article)));
    let saver = autosave::Saver {
        store: store.clone(),
        saved_article: saved_article.clone(),
        pending: use_mut_ref(|| None),
        status: use_mut_ref(|| initial_saving.clone()),
        shown: saving.clone(),
        notify: notify.clone(),
        library: library_ref.clone(),
        on_library: { let shown = library_shown.clone(); Callback::from(move |lib| shown.set(lib)) },
        records: use_mut_ref(Default::default),
    };
    autosave::use_autosave(state.revision, state.workspace.clone(), saver);

    // One tab edits; others follow it read-only.
    let tab = use_memo((), |_| Rc::<str>::from(clock::new_annotation_id().0));
    let tab_ctx = tabs::TabContext {
        tab: (*tab).clone(),
        store: store.clone(),
        latest: latest.clone(),
        dispatcher: state.dispatcher(),
        notify: notify.clone(),
        on_follow: { let saved = saved_article.clone(); Callback::from(move |ws: Workspace| *saved.borrow_mut() = Some(StoredText::of(&ws.article))) },
    };
    tabs::use_single_editor(tab_ctx.clone());

    // Keyboard shortcuts, registered once; they read the latest state through `latest`.
    {
        let latest = latest.clone();
        let article_ref = article_ref.clone();
        let dispatch_result = dispatch_result.clone();
        let open_picker = { let picking = picking.setter(); Callback::from(move |p: Picking| picking.set(Some(p))) };
        let notify = notify.clone();
        let keys = keys.clone();
        use_effect_with((), move |_| {
            let document = gloo_utils_document();
            // Not passive: shortcuts must be able to prevent the browser's own action (Ctrl+Z, Backspace).
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(&document, "keydown", options, move |event| {
                let e = event.dyn_ref::<KeyboardEvent>().expect("keydown is a KeyboardEvent");
                if keys.intercept(e) || is_typing_target(e) || e.default_prevented() {
                    return;
                }
                let state = latest.borrow().clone();
                if keys.handle(e, &state) {
                    e.prevent_default();
                    return;
                }
                if let Some(result) = pick_key(e, &state) {
                    e.prevent_default();
                    match result {
                        Ok(p) if state.read_only => drop(p),
                        Ok(p) => open_picker.emit(p),
                        Err(message) => notify.emit(Notice::new(Level::Info, message)),
                    }
                    return;
                }
                if let Some(result) = key_action(e, &state, article_ref.cast::<web_sys::Element>()) {
                    e.prevent_default();
                    dispatch_result.emit(result);
                }
            });
            move || drop(listener)
        });
    }

    // Scroll to an annotation revealed from the panel; the flash itself is a CSS animation.
    {
        let (article_ref, latest) = (article_ref.clone(), latest.clone());
        use_effect_with(state.flash.clone(), move |flash| {
            if let (Some((id, _)), Some(article)) = (flash, article_ref.cast::<web_sys::Element>()) {
                let state = latest.borrow().clone();
                if let Some(a) = state.workspace.annotation(id) {
                    scroll_to_annotation(&article, &state.workspace.article.text, a);
                }
            }
        });
    }

    let on_article_click = {
        let latest = latest.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |e: MouseEvent| {
            if selection::has_selection() {
                return;
            }
            let state = latest.borrow().clone();
            let mark = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("mark[data-ids]").ok().flatten());
            let Some(mark) = mark else {
                dispatcher.dispatch(Action::View(View::Select(None)));
                return;
            };
            let ids: Vec<AnnotationId> =
                mark.get_attribute("data-ids").unwrap_or_default().split(' ').map(|s| AnnotationId(s.to_string())).collect();
            // Innermost first; clicking again walks outwards through the stack.
            let next = match state.selected.as_ref().and_then(|sel| ids.iter().position(|i| i == sel)) {
                Some(0) => ids.last().cloned(),
                Some(k) => Some(ids[k - 1].clone()),
                None => ids.last().cloned(),
            };
            dispatcher.dispatch(Action::View(View::Select(next)));
        })
    };

    let on_export = {
        let latest = latest.clone();
        let notify = notify.clone();
        Callback::from(move |kind: ExportKind| {
            let state = latest.borrow().clone();
            let result = crate::bridge::perf::measure("annota:export", || {
                let file = kind.export(&state.workspace);
                download::download_bytes(&file.name, file.mime, &file.bytes).map(|_| file.note)
            });
            match result {
                Ok(Some(note)) => notify.emit(Notice::new(Level::Info, tr.msg(&note))),
                Ok(None) => {}
                Err(e) => notify.emit(Notice::new(Level::Error, e)),
            }
        })
    };
    let on_download = on_export.reform(|_| ExportKind::AnnotaJson);

    let shelf = library::Shelf {
        store: store.clone(),
        library: library_ref.clone(),
        shown: library_shown.clone(),
        latest: latest.clone(),
        dispatcher: state.dispatcher(),
        notify: notify.clone(),
        saved_article: saved_article.clone(),
        tr,
    };
    let on_park = { let shelf = shelf.clone(); Callback::from(move |ws| shelf.park(ws)) };
    let on_replace = {
        let (dispatcher, notify, shelf) = (state.dispatcher(), notify.clone(), shelf.clone());
        Callback::from(move |(ws, message): (Workspace, String)| {
            shelf.keep_open_if_unsaved();
            dispatcher.dispatch(Action::Edit(Edit::Replace(Box::new(ws))));
            notify.emit(Notice::new(Level::Info, message));
        })
    };
    // Article files dropped anywhere on the page open as they do from Open article.
    {
        let (latest, on_replace, on_park, notify) = (latest.clone(), on_replace.clone(), on_park.clone(), notify.clone());
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            let over = EventListener::new_with_options(&window, "dragover", options, |e| e.prevent_default());
            let on_drop = EventListener::new_with_options(&window, "drop", options, move |e| {
                e.prevent_default();
                let Some(files) = e.dyn_ref::<web_sys::DragEvent>().and_then(|d| d.data_transfer()).and_then(|t| t.files()) else { return };
                let picked: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
                if latest.borrow().read_only {
                    return;
                }
                let labels = latest.borrow().workspace.labels.clone();
                workspace_menu::open_files(tr, picked, labels, on_replace.clone(), on_park.clone(), notify.reform(|m: String| Notice::new(Level::Error, m)));
            });
            move || drop((over, on_drop))
        });
    }
    let ws = &state.workspace;
    // The actor list and the links are rebuilt only when an edit touched actor spans or links
    // (most edits at L add or change a claim: then their pointers stay, and their panels do not
    // re-render).
    let actors_made = use_mut_ref(|| None::<(Rc<Vec<Actor>>, Rc<Vec<Rc<Annotation>>>, Rc<Vec<ActorEntry>>, Rc<Vec<Rc<Annotation>>>)>);
    let (entries, links) = {
        let mut made = actors_made.borrow_mut();
        let still = made.as_ref().filter(|(actors, annotations, ..)| {
            Rc::ptr_eq(actors, &ws.actors) && {
                let (gone, came) = differing(annotations, &ws.annotations);
                !touches_actors(&gone, &came)
            }
        });
        let (entries, links) = match still {
            Some((.., entries, links)) => (entries.clone(), links.clone()),
            None => (
                Rc::new(actor_entries(&ws.actors, &ws.annotations)),
                Rc::new(ws.annotations.iter().filter(|a| a.facts.said_by.is_some()).cloned().collect::<Vec<_>>()),
            ),
        };
        *made = Some((ws.actors.clone(), ws.annotations.clone(), entries.clone(), links.clone()));
        (entries, links)
    };
    let on_action = { let dr = dispatch_result.clone(); Callback::from(move |a: Action| dr.emit(Ok(a))) };
    // Callbacks handed to lists are made once: a new one each render would re-render every entry.
    let on_reveal = use_callback(state.dispatcher(), |id, d| d.dispatch(Action::View(View::Reveal(id))));
    let on_filter = use_callback(state.dispatcher(), |f, d| d.dispatch(Action::View(View::Filter(f))));
    let on_delete_orphan = use_callback(state.dispatcher(), |id, d| d.dispatch(Action::Edit(Edit::DeleteOrphan(id))));
    let open_picker = { let picking = picking.clone(); Callback::from(move |p: Picking| picking.set(Some(p))) };
    let close_picker = { let picking = picking.clone(); Callback::from(move |_| picking.set(None)) };
    let on_picked = {
        let (picking, dr) = (picking.clone(), dispatch_result.clone());
        Callback::from(move |pick: ActorPick| {
            if let Some(p) = &*picking {
                dr.emit(Ok(picked_action(p, pick)));
            }
            picking.set(None);
        })
    };
    let open_dialog = |which: Dialog| { let dialog = dialog.clone(); Callback::from(move |_| dialog.set(Some(which))) };
    let close_dialog = { let dialog = dialog.clone(); Callback::from(move |_| dialog.set(None)) };
    let selected = state.selected_annotation().cloned();
    let d = state.dispatcher();
    let saving_banner = match &*saving {
        Saving::Ok => None,
        Saving::Failed(e) => Some(tr.f(
            "Your last changes are not saved in this browser: {}. They are kept in this tab; use Download JSON to keep a copy. Annota retries on every change.",
            &[&tr.msg(e)],
        )),
        Saving::Paused(e) => Some(tr.f(
            "Saving is paused: stored data could not be read or copied aside ({}). Your work is kept in this tab; use Download JSON to keep a copy.",
            &[&tr.msg(e)],
        )),
        Saving::Unavailable => Some(tr.t("This browser gives Annota no storage (private mode or blocked): nothing will be kept after you close the tab. Use Download JSON to keep your work.").into()),
    };
    let dismiss = use_callback(notices.dispatcher(), |text, n| n.dispatch(NoticeAction::Dismiss(text)));
    let title = ws.title().to_string();
    let switch_lang = {
        let (lang, store) = (lang.clone(), store.clone());
        Callback::from(move |_| {
            let (next, _) = lang.other();
            let _ = store.set(crate::model::keys::LANG, next.code());
            lang.set(next);
        })
    };
    let (other_lang, other_name) = lang.other();
    html! {
        <ContextProvider<i18n::Tr> context={tr}>
        <div class={classes!("app", reporting.then_some("reporting"))}>
            if !*reporting { <a class="skip-link" href="#article">{ tr.t("Skip to article") }</a> }
            <header class="masthead">
                <h1><span class="logo" aria-hidden="true">{ "✎" }</span>{ "Annota" }</h1>
                <p class="article-title" dir="auto" title={title.clone()}>{ title }</p>
                <button class="library-button" onclick={open_dialog(Dialog::Library)} title="Every article in this browser, with its annotations">{ tr.t("Library") }</button>
                <button class="lang-switch" lang={other_lang.code()} onclick={switch_lang} title={tr.t("Interface language")}>{ other_name }</button>
                <div class="menu session" role="group" aria-label={tr.t("Fact-checking")}>
                    <button onclick={open_dialog(Dialog::ArticleDetails)} title="Title, URL, publisher, author and date of the article">{ tr.t("Article details") }</button>
                    <button onclick={open_dialog(Dialog::Settings)} title="Your organisation and the verdict scale">{ tr.t("Fact-check settings") }</button>
                    <button aria-pressed={reporting.to_string()} onclick={{ let r = reporting.clone(); Callback::from(move |_| r.set(!*r)) }}>{ tr.t("Session report") }</button>
                    <button aria-keyshortcuts="?" title="Every keyboard shortcut (?)" onclick={{ let s = showing_keys.clone(); Callback::from(move |_| s.set(true)) }}>{ tr.t("Shortcuts") }</button>
                </div>
                <WorkspaceMenu labels={ws.labels.clone()} latest={Latest(latest.clone())} on_replace={on_replace} on_park={on_park} on_download={on_download} on_export={on_export} on_error={notify.reform(|m: String| Notice::new(Level::Error, m))} />
            </header>
            if let Some(text) = saving_banner {
                <div class="banner warning" role="alert">{ text }</div>
            }
            if state.read_only {
                <div class="banner warning read-only" role="alert">
                    <span>{ tr.t("This workspace is open for editing in another tab. This tab shows its changes as they happen, read-only, so neither tab overwrites the other.") }</span>
                    <button onclick={{ let ctx = tab_ctx.clone(); Callback::from(move |_| ctx.take_over()) }}>{ tr.t("Edit here instead") }</button>
                </div>
            }
            <Notices notices={notices.0.clone()} on_dismiss={dismiss} />
            { update_notice }
            if *reporting {
                <report::Report workspace={ws.clone()} on_close={{ let r = reporting.clone(); Callback::from(move |_| r.set(false)) }} />
            } else {
            <Toolbar labels={ws.labels.clone()} text={ws.article.text.clone()} selected={selected.clone()}
                can_undo={state.history.can_undo()} can_redo={state.history.can_redo()}
                on_label={{ let latest = latest.clone(); let r = article_ref.clone(); let dr = dispatch_result.clone();
                    Callback::from(move |label: LabelId| dr.emit(label_action(&latest.borrow(), r.cast::<web_sys::Element>(), label))) }}
                on_undo={{ let d = d.clone(); Callback::from(move |_| d.dispatch(Action::Edit(Edit::Undo))) }}
                on_redo={{ let d = d.clone(); Callback::from(move |_| d.dispatch(Action::Edit(Edit::Redo))) }}
                on_note={{ let d = d.clone(); let id = selected.as_ref().map(|a| a.id.clone());
                    Callback::from(move |note: String| if let Some(id) = id.clone() { d.dispatch(Action::Edit(Edit::SetNote { id, note, at: clock::now() })) }) }}
                on_delete={{ let d = d.clone(); let id = selected.as_ref().map(|a| a.id.clone());
                    Callback::from(move |_| if let Some(id) = id.clone() { d.dispatch(Action::Edit(Edit::Delete(id))) }) }}
                on_edit_labels={open_dialog(Dialog::Labels)} />
            <main class="workspace">
                <ArticleView text={ws.article.text.clone()} labels={ws.labels.clone()} annotations={ws.annotations.clone()} actors={ws.actors.clone()} headings={ws.article.headings.clone()}
                    selected={selected.clone()} flash={state.flash.clone()} article_ref={article_ref.clone()} onclick={on_article_click} focusable=true />
                <aside class="side">
                    if let Some(a) = &selected {
                        <factcheck::FactCheckEditor key={a.id.0.clone()} annotation={a.clone()} text={ws.article.text.clone()} actors={ws.actors.clone()}
                            settings={ws.settings.clone()} entries={entries.clone()} on_action={on_action.clone()} on_pick={open_picker.clone()} on_reveal={on_reveal.clone()} />
                    }
                    <legend::Legend labels={ws.labels.clone()} />
                    <AnnotationsPanel text={ws.article.text.clone()} labels={ws.labels.clone()} annotations={ws.annotations.clone()}
                        filter={state.filter.clone()} settings={ws.settings.clone()} selected={selected.clone()}
                        on_reveal={on_reveal.clone()}
                        {on_filter}
                        orphans={ws.orphans.clone()}
                        on_place_orphan={{ let latest = latest.clone(); let r = article_ref.clone(); let dr = dispatch_result.clone();
                            Callback::from(move |id: AnnotationId| {
                                let state = latest.borrow().clone();
                                let span = r.cast::<web_sys::Element>().and_then(|el| selection::selected_span(&el, &state.workspace.article.text));
                                dr.emit(span.map(|span| Action::Edit(Edit::PlaceOrphan { id, span, at: clock::now() }))
                                    .ok_or_else(|| "Select the text where this orphan belongs, then press Place at selection.".to_string()));
                            }) }}
                        {on_delete_orphan} />
                    <factcheck::ActorsList entries={entries.clone()} text={ws.article.text.clone()} on_reveal={on_reveal.clone()} />
                    <factcheck::LinksList {links} actors={ws.actors.clone()} entries={entries.clone()}
                        text={ws.article.text.clone()} on_reveal={on_reveal.clone()} />
                </aside>
            </main>
            }
            <keyboard::Announcer text={(*announced).clone()} />
            if *showing_keys {
                <shortcuts::Shortcuts on_close={{ let s = showing_keys.clone(); Callback::from(move |_| s.set(false)) }} />
            }
            if let Some(p) = &*picking {
                <actor_picker::ActorPicker picking={p.clone()} entries={entries.clone()} text={ws.article.text.clone()} on_pick={on_picked} on_close={close_picker} />
            }
            if *dialog == Some(Dialog::ArticleDetails) {
                <details::ArticleDetails meta={(*ws.meta).clone()} original_title={AttrValue::from(ws.article.title.clone())}
                    on_change={on_action.reform(|m| Action::Edit(Edit::SetMeta(m)))} on_close={close_dialog.clone()} />
            }
            if *dialog == Some(Dialog::Library) {
                <library::LibraryDialog entries={library::Shelf::entries(&library_shown, ws)} current={ws.article.id.clone()} usage={store.usage()}
                    texts={{ let s = shelf.clone(); Callback::from(move |_| s.texts()) }}
                    on_open={{ let (s, close) = (shelf.clone(), close_dialog.clone()); Callback::from(move |id: String| { s.open(&id); close.emit(()) }) }}
                    on_rename={{ let s = shelf.clone(); Callback::from(move |(id, title): (String, String)| s.rename(&id, title)) }}
                    on_delete={{ let s = shelf.clone(); Callback::from(move |id: String| s.delete(&id)) }}
                    on_download={{ let s = shelf.clone(); Callback::from(move |_| s.download()) }}
                    on_restore={{ let s = shelf.clone(); Callback::from(move |f| s.restore(f)) }}
                    on_close={close_dialog.clone()} />
            }
            if *dialog == Some(Dialog::Settings) {
                <details::SettingsDialog settings={(*ws.settings).clone()} on_close={close_dialog.clone()}
                    on_save={{ let (a, close) = (on_action.clone(), close_dialog.clone()); Callback::from(move |s| { a.emit(Action::Edit(Edit::SetSettings(s))); close.emit(()) }) }} />
            }
            if *dialog == Some(Dialog::Labels) {
                <label_editor::LabelEditor labels={ws.labels.clone()} annotations={ws.annotations.clone()} orphans={ws.orphans.clone()}
                    on_action={on_action.clone()} on_close={close_dialog.clone()} />
            }
        </div>
        </ContextProvider<i18n::Tr>>
    }
}

fn gloo_utils_document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a browser document")
}

fn scroll_to_annotation(article: &web_sys::Element, text: &crate::model::text::TextIndex, annotation: &Annotation) {
    // Its first segment starts where it starts, in the paragraph holding its start.
    let start = annotation.span.start;
    let para = crate::model::navigate::paragraph_around(text, start).map(|p| p.start);
    let mark = para
        .and_then(|p| selection::paragraph_element(article, text, p))
        .and_then(|p| p.query_selector(&format!("mark[data-s=\"{}\"]", start.0)).ok().flatten());
    // Only when it is not already in view: the text does not jump under the reader's eyes.
    if let Some(el) = mark {
        crate::bridge::focus::reveal(&el);
    }
}

/// Builds a workspace for a newly opened article, keeping the current label set.
pub fn workspace_for_structured(title: String, article: crate::model::structure::Structured, labels: &[crate::model::labels::Label]) -> Workspace {
    Workspace::new(Article::new(title, article.text).with_headings(article.headings), labels.to_vec(), vec![])
}
