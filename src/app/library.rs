//! The library dialog: every article with its annotation count; open, rename, delete (asking
//! first), search across all of them, see how much storage they use, download or restore them all.

use super::i18n::{use_tr, Tr};
use crate::model::library::{find_in, Entry};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the list needs to search an article: its id, title and text.
pub type Searchable = (String, String, String);

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    /// Most recently changed first; the open article included.
    pub entries: Vec<Entry>,
    pub current: String,
    /// Bytes Annota uses in this browser's storage.
    pub usage: usize,
    /// Loads every article's text, for a search.
    pub texts: Callback<(), Vec<Searchable>>,
    pub on_open: Callback<String>,
    pub on_rename: Callback<(String, String)>,
    pub on_delete: Callback<String>,
    pub on_download: Callback<()>,
    pub on_restore: Callback<web_sys::File>,
    pub on_close: Callback<()>,
}

/// Browsers give each site about 5 MB of local storage.
const QUOTA_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

fn size(tr: Tr, bytes: usize) -> String {
    if bytes < 100 * 1024 {
        tr.f("{} KB", &[&bytes.div_ceil(1024)])
    } else {
        tr.f("{} MB", &[&format!("{:.1}", bytes as f64 / 1_048_576.0)])
    }
}

#[component]
pub fn LibraryDialog(props: &LibraryProps) -> Html {
    let tr = use_tr();
    let query = use_state(String::new);
    let renaming = use_state(|| None::<String>);
    let confirming = use_state(|| None::<String>);
    let title_ref = use_node_ref();
    // Every article's text, read from storage once per opening of the list, on the first search.
    let texts = use_mut_ref(|| None::<Vec<Searchable>>);
    let results: Vec<(String, String, Vec<String>)> = if query.trim().is_empty() {
        Vec::new()
    } else {
        if texts.borrow().is_none() {
            *texts.borrow_mut() = Some(props.texts.emit(()));
        }
        let all = texts.borrow();
        all.iter()
            .flatten()
            .filter_map(|(id, title, text)| {
                let mut hits = find_in(title, &query, 1);
                hits.extend(find_in(text, &query, 3));
                (!hits.is_empty()).then(|| (id.clone(), title.clone(), hits))
            })
            .collect()
    };
    let share = (props.usage as f64 / QUOTA_BYTES * 100.0).min(100.0);
    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_restore = {
        let cb = props.on_restore.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|l| l.get(0)) {
                cb.emit(file);
            }
            input.set_value("");
        })
    };
    let close = props.on_close.clone();
    html! {
        <div class="dialog-backdrop">
            <super::dialog_focus::FocusTrap on_close={close}>
            <div class="dialog library" role="dialog" aria-modal="true" aria-labelledby="library-title">
                <h2 id="library-title">{ tr.f("Library ({})", &[&tr.plural(props.entries.len(), "{} article", "{} articles", &[&props.entries.len()])]) }</h2>
                <p class="hint">
                    { tr.f("Annota uses {} of the about 5 MB this browser keeps for it ({} %). ", &[&size(tr, props.usage), &format!("{share:.0}")]) }
                    <meter min="0" max="100" value={share.to_string()} aria-label={tr.t("Storage used")} />
                </p>
                <input type="search" aria-label={tr.t("Search all articles")} placeholder={tr.t("Search all articles")} dir="auto"
                    value={(*query).clone()} oninput={on_search} />
                if !query.trim().is_empty() {
                    <section class="search-results" aria-label={tr.t("Search results")}>
                        if results.is_empty() { <p class="hint">{ tr.t("Found in no article.") }</p> }
                        <ul class="entries">
                            { for results.iter().map(|(id, title, hits)| {
                                let open = { let cb = props.on_open.clone(); let id = id.clone(); Callback::from(move |_| cb.emit(id.clone())) };
                                html! {
                                    <li key={id.clone()} class="library-hit">
                                        <button class="link-end" dir="auto" onclick={open}>{ title.clone() }</button>
                                        { for hits.iter().map(|h| html! { <p class="hint" dir="auto">{ h.clone() }</p> }) }
                                    </li>
                                }
                            }) }
                        </ul>
                    </section>
                }
                <ul class="entries library-list" aria-label={tr.t("Articles")}>
                    { for props.entries.iter().map(|e| {
                        let is_open = e.id == props.current;
                        let id = e.id.clone();
                        let open = { let cb = props.on_open.clone(); let id = id.clone(); Callback::from(move |_| cb.emit(id.clone())) };
                        let start_rename = { let r = renaming.clone(); let id = id.clone(); Callback::from(move |_| r.set(Some(id.clone()))) };
                        let ask_delete = { let c = confirming.clone(); let id = id.clone(); Callback::from(move |_| c.set(Some(id.clone()))) };
                        html! {
                            <li key={id.clone()} class={classes!("library-entry", is_open.then_some("current"))}>
                                if renaming.as_deref() == Some(id.as_str()) {
                                    <form class="row" onsubmit={{
                                        let (cb, r, id, title_ref) = (props.on_rename.clone(), renaming.clone(), id.clone(), title_ref.clone());
                                        Callback::from(move |ev: SubmitEvent| {
                                            ev.prevent_default();
                                            if let Some(input) = title_ref.cast::<HtmlInputElement>() { cb.emit((id.clone(), input.value())); }
                                            r.set(None);
                                        })
                                    }}>
                                        <input ref={title_ref.clone()} aria-label={tr.t("New title")} value={e.title.clone()} dir="auto" />
                                        <button type="submit">{ tr.t("Save title") }</button>
                                    </form>
                                } else {
                                    <strong dir="auto">{ e.title.clone() }</strong>
                                }
                                <span class="hint">{ tr.plural(e.annotations, "{} characters · {} annotation", "{} characters · {} annotations", &[&e.chars, &e.annotations]) }{ if is_open { tr.t(" · open now") } else { "" } }</span>
                                <span class="row">
                                    <button onclick={open} disabled={is_open} aria-label={tr.f("Open {}", &[&e.title])}>{ tr.t("Open") }</button>
                                    <button onclick={start_rename} aria-label={tr.f("Rename {}", &[&e.title])}>{ tr.t("Rename") }</button>
                                    <button class="danger" onclick={ask_delete} aria-label={tr.f("Delete {}", &[&e.title])}>{ tr.t("Delete") }</button>
                                </span>
                                if confirming.as_deref() == Some(id.as_str()) {
                                    <div class="confirm" role="alert">
                                        <span>{ tr.plural(e.annotations, "Delete \"{}\" and its {} annotation from this browser? Download the library first to keep a copy.", "Delete \"{}\" and its {} annotations from this browser? Download the library first to keep a copy.", &[&e.title, &e.annotations]) }</span>
                                        <button class="danger" onclick={{ let (cb, c, id) = (props.on_delete.clone(), confirming.clone(), id.clone()); Callback::from(move |_| { c.set(None); cb.emit(id.clone()) }) }}>{ tr.t("Delete for good") }</button>
                                        <button onclick={{ let c = confirming.clone(); Callback::from(move |_| c.set(None)) }}>{ tr.t("Keep it") }</button>
                                    </div>
                                }
                            </li>
                        }
                    }) }
                </ul>
                <div class="dialog-actions">
                    <button onclick={props.on_download.reform(|_| ())}>{ tr.t("Download library") }</button>
                    <label class="button file-button">
                        { tr.t("Restore library") }
                        <input type="file" accept=".json,application/json" onchange={on_restore} class="visually-hidden" />
                    </label>
                    <button class="primary" onclick={props.on_close.reform(|_| ())}>{ tr.t("Close") }</button>
                </div>
            </div>
            </super::dialog_focus::FocusTrap>
        </div>
    }
}

/// What the library's buttons do, with what they need from the App.
#[derive(Clone)]
pub struct Shelf {
    pub store: crate::bridge::storage::Store,
    pub library: std::rc::Rc<std::cell::RefCell<crate::model::library::Library>>,
    pub shown: UseStateHandle<crate::model::library::Library>,
    pub latest: std::rc::Rc<std::cell::RefCell<std::rc::Rc<crate::model::reduce::State>>>,
    pub dispatcher: UseReducerDispatcher<crate::model::reduce::State>,
    pub notify: Callback<super::notices::Notice>,
    /// What the open-article slot of storage holds (see autosave).
    pub saved_article: std::rc::Rc<std::cell::RefCell<Option<keys::StoredText>>>,
    pub tr: super::i18n::Tr,
}

use super::notices::{Level, Notice};
use crate::model::action::{Action, Edit};
use crate::model::keys;
use crate::model::library::{back_up, export_bundle, import_bundle, Library, RestoreReport};
use crate::model::workspace::Workspace;

impl Shelf {
    fn info(&self, text: String) {
        self.notify.emit(Notice::new(Level::Info, text));
    }
    fn error(&self, text: String) {
        self.notify.emit(Notice::new(Level::Error, text));
    }

    fn commit(&self, lib: Library) {
        if let Err(e) = self.store.save_library(&lib) {
            self.error(self.tr.f("The library list could not be saved: {}.", &[&self.tr.msg(&e)]));
        }
        *self.library.borrow_mut() = lib.clone();
        self.shown.set(lib);
    }

    /// A tab following another one's edits changes nothing in the library either.
    fn editable(&self) -> bool {
        let ok = !self.latest.borrow().read_only;
        if !ok {
            self.info(self.tr.t("This workspace is being edited in another tab. Press Edit here instead to edit here.").into());
        }
        ok
    }

    fn open_now(&self) -> Workspace {
        self.latest.borrow().workspace.clone()
    }

    /// Every article, the open one first, for the list.
    pub fn entries(lib: &Library, open: &Workspace) -> Vec<Entry> {
        let mut list: Vec<Entry> = lib.listed().into_iter().filter(|e| e.id != open.article.id).cloned().collect();
        list.insert(0, Entry::of(open, ""));
        list
    }

    pub fn texts(&self) -> Vec<Searchable> {
        let open = self.open_now();
        let mut all = vec![(open.article.id.clone(), open.title().to_string(), open.article.text.as_str().to_string())];
        for e in self.library.borrow().entries.iter().filter(|e| e.id != open.article.id) {
            if let Some(text) = self.store.parked_text(&e.id) {
                all.push((e.id.clone(), e.title.clone(), text));
            }
        }
        all
    }

    /// Keeps a workspace in the library without opening it.
    pub fn park(&self, ws: Workspace) {
        if !self.editable() {
            return;
        }
        if ws.article.id == self.open_now().article.id {
            return;
        }
        self.store_parked(&ws);
    }

    fn store_parked(&self, ws: &Workspace) {
        if let Err(e) = self.try_store_parked(ws) {
            self.error(self.tr.f("\"{}\" could not be kept in the library: {}.", &[&ws.title(), &self.tr.msg(&e)]));
        }
    }

    fn try_store_parked(&self, ws: &Workspace) -> Result<(), crate::bridge::storage::WriteError> {
        self.store.park(ws)?;
        let mut lib = self.library.borrow().clone();
        lib.upsert(Entry::of(ws, &crate::bridge::clock::now().0));
        self.commit(lib);
        Ok(())
    }

    /// The open article was never written (the built-in sample, untouched): keep it in the library
    /// before another article takes its place, so it can be opened again.
    pub fn keep_open_if_unsaved(&self) {
        if self.saved_article.borrow().is_none() && self.store.is_available() && !self.latest.borrow().read_only {
            self.store_parked(&self.open_now());
        }
    }

    pub fn open(&self, id: &str) {
        if !self.editable() {
            return;
        }
        if id == self.open_now().article.id {
            return;
        }
        match self.store.load_parked_noting(id) {
            Some(Ok((ws, repaired))) => {
                let title = ws.title().to_string();
                self.keep_open_if_unsaved();
                self.dispatcher.dispatch(Action::Edit(Edit::Replace(Box::new(ws))));
                let opened = self.tr.f("Opened \"{}\" from the library. Undo goes back to the article you had open.", &[&title]);
                self.info(std::iter::once(opened).chain(self.tr.label_repairs(&repaired)).collect::<Vec<_>>().join(" "));
            }
            Some(Err(reason)) => self.error(self.tr.f("That article could not be read: {}. It is left as it is.", &[&self.tr.msg(&reason)])),
            None => self.error(self.tr.t("That article is no longer in this browser's storage.").into()),
        }
    }

    pub fn rename(&self, id: &str, title: String) {
        if !self.editable() {
            return;
        }
        let title = title.trim().to_string();
        if title.is_empty() {
            return;
        }
        let open = self.open_now();
        if id == open.article.id {
            let meta = crate::model::facts::ArticleMeta { title, ..(*open.meta).clone() };
            self.dispatcher.dispatch(Action::Edit(Edit::SetMeta(meta)));
            return;
        }
        match self.store.load_parked(id) {
            Some(Ok(mut ws)) => {
                ws.meta = std::rc::Rc::new(crate::model::facts::ArticleMeta { title, ..(*ws.meta).clone() });
                self.park(ws);
            }
            _ => self.error(self.tr.t("That article could not be renamed: it cannot be read.").into()),
        }
    }

    /// Deletes an article (after the list asked). The open one is replaced by the next article (or
    /// the sample), and Undo brings it back; a parked one is gone for good.
    pub fn delete(&self, id: &str) {
        if !self.editable() {
            return;
        }
        let open = self.open_now();
        let mut lib = self.library.borrow().clone();
        if id != open.article.id {
            self.store.remove_parked(id);
            // Its suggestions' memory goes with it (the open article's stays, for Undo).
            let _ = self.store.remove(&keys::suggest_memory(id));
            let title = lib.entry(id).map(|e| e.title.clone()).unwrap_or_default();
            lib.remove(id);
            self.commit(lib);
            self.info(self.tr.f("Deleted \"{}\" from the library.", &[&title]));
            return;
        }
        let next = lib.listed().into_iter().find(|e| e.id != id).and_then(|e| self.store.load_parked(&e.id)?.ok());
        let next = next.unwrap_or_else(|| Workspace::new(crate::model::annotation::sample_article(), (*open.labels).clone(), vec![]));
        // Put the next article in the open slot now, so that saving does not park the deleted one.
        let written = self.store.save_article(&next).and_then(|_| self.store.save_annotations(&next));
        if let Err(e) = written {
            self.error(self.tr.f("The article could not be deleted: {}. Nothing was changed.", &[&self.tr.msg(&e)]));
            return;
        }
        self.store.remove_parked(&next.article.id);
        *self.saved_article.borrow_mut() = Some(keys::StoredText::of(&next.article));
        lib.remove(id);
        lib.current = Some(next.article.id.clone());
        lib.upsert(Entry::of(&next, &crate::bridge::clock::now().0));
        self.commit(lib);
        let title = open.title().to_string();
        self.dispatcher.dispatch(Action::Edit(Edit::Replace(Box::new(next))));
        self.info(self.tr.f("Deleted \"{}\". Undo brings it back.", &[&title]));
    }

    pub fn download(&self) {
        let open = self.open_now();
        let mut all = vec![open.clone()];
        for e in self.library.borrow().listed() {
            if e.id != open.article.id {
                if let Some(Ok(ws)) = self.store.load_parked(&e.id) {
                    all.push(ws);
                }
            }
        }
        let day: String = crate::bridge::clock::now().0.chars().take(10).collect();
        let file = export_bundle(&all);
        if let Err(e) = crate::bridge::download::download_bytes(&format!("annota-library-{day}.json"), "application/json", file.as_bytes()) {
            self.error(self.tr.f("Could not download the library: {}.", &[&self.tr.msg(&e)]));
        } else {
            self.info(self.tr.plural(all.len(), "Downloaded the library: {} article.", "Downloaded the library: {} articles.", &[&all.len()]));
        }
    }

    /// Brings back every article of a library file. A stored version it replaces is kept as a
    /// backup first; one that cannot be is left as it was. The notice says which.
    pub fn restore(&self, file: web_sys::File) {
        if !self.editable() {
            return;
        }
        let shelf = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let tr = shelf.tr;
            let read = crate::bridge::files::read_text(file).await.map_err(|e| tr.msg(&e)).and_then(|f| import_bundle(&f.text).map_err(|e| tr.msg(&e)));
            let restored = match read {
                Ok(all) => all,
                Err(message) => return shelf.error(shelf.tr.f("Could not restore the library: {}. Nothing was changed.", &[&message])),
            };
            // Reading took a while: another tab may have taken over editing meanwhile.
            if !shelf.editable() {
                return;
            }
            let open = shelf.open_now();
            let stamp = crate::bridge::clock::now().0;
            let mut report = RestoreReport::default();
            let mut reopen = None;
            for ws in restored {
                if ws.article.id == open.article.id {
                    reopen = Some(ws);
                    continue;
                }
                let id = &ws.article.id;
                let stored = [keys::parked_article(id), keys::parked_annotations(id)];
                let title = ws.title().to_string();
                match back_up(&stored, &stamp, |k| shelf.store.get(k), |k, v| shelf.store.set(k, v)) {
                    Err(e) => report.left_as_it_was(title, e),
                    Ok(backups) => match shelf.try_store_parked(&ws) {
                        Ok(()) => {
                            report.restored += 1;
                            report.backed_up += usize::from(!backups.is_empty());
                        }
                        Err(e) => report.not_stored(title, e),
                    },
                }
            }
            if let Some(ws) = reopen {
                report.restored += 1;
                shelf.dispatcher.dispatch(Action::Edit(Edit::Replace(Box::new(ws))));
            }
            let level = if report.is_complete() { Level::Info } else { Level::Error };
            shelf.notify.emit(Notice::new(level, shelf.tr.msg(&report)));
        });
    }
}
