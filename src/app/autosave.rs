//! Saving every change: right after the frame that shows it is painted (so a long save never
//! delays what the user sees), and at once when the page is hidden or closed, or when Annota
//! stops on an internal error, so a reload right after a key press finds the change on disk.

use super::boot::Saving;
use super::notices::{Level, Notice};
use crate::bridge::storage::Store;
use crate::model::keys::StoredText;
use crate::model::library::{Entry, Library};
use crate::model::persist::Stopped;
use crate::model::workspace::Workspace;
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Clone)]
pub struct Saver {
    pub store: Store,
    /// Which text the open slot of storage holds (none yet): written only when it changes.
    pub saved_article: Rc<RefCell<Option<StoredText>>>,
    /// The latest workspace not yet written.
    pub pending: Rc<RefCell<Option<Workspace>>>,
    /// The truth about saving, readable from listeners; `shown` mirrors it for rendering.
    pub status: Rc<RefCell<Saving>>,
    pub shown: UseStateHandle<Saving>,
    pub notify: Callback<Notice>,
    /// The library index as stored; the list shows it through `on_library`.
    pub library: Rc<RefCell<Library>>,
    pub on_library: Callback<Library>,
    /// Each annotation's JSON as last saved: a save serialises only what changed.
    pub records: Rc<RefCell<crate::model::persist::RecordCache>>,
}

thread_local! {
    /// Whether a save is being written: a panic in the middle of one can neither trust it nor retry it.
    static WRITING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl Saver {
    fn set_status(&self, status: Saving) {
        *self.status.borrow_mut() = status.clone();
        self.shown.set(status);
    }

    /// Writes the pending workspace, if any.
    pub fn flush(&self) {
        let Some(ws) = self.pending.borrow_mut().take() else { return };
        let previous = self.status.borrow().clone();
        if matches!(previous, Saving::Paused(_) | Saving::Unavailable) {
            return;
        }
        let result = self.write(&ws, true);
        match (result, previous) {
            (Ok(()), Saving::Failed(_)) => {
                self.set_status(Saving::Ok);
                self.notify.emit(Notice::new(Level::Info, "Saved again: storage has room now and everything is stored."));
            }
            (Ok(()), _) => {}
            (Err(e), _) => self.set_status(Saving::Failed(e)),
        }
    }

    /// Writes a workspace to storage; `show` updates the library list shown (not once Annota stopped).
    fn write(&self, ws: &Workspace, show: bool) -> Result<(), crate::bridge::storage::WriteError> {
        WRITING.set(true);
        let text = StoredText::of(&ws.article);
        let result = crate::bridge::perf::measure("annota:save", || {
            if self.saved_article.borrow().as_ref() != Some(&text) {
                // Another article takes the open slot: the one there is parked in the library first.
                let before = self.saved_article.borrow().as_ref().map(|t| t.id.clone()).filter(|id| *id != ws.article.id);
                if let Some(before) = before {
                    self.store.park_open(&before)?;
                }
                self.store.save_article(ws)?;
                self.store.save_annotations_with(ws, &mut self.records.borrow_mut())?;
                self.store.remove_parked(&ws.article.id);
                *self.saved_article.borrow_mut() = Some(text);
            } else {
                self.store.save_annotations_with(ws, &mut self.records.borrow_mut())?;
            }
            self.index(ws, show)
        });
        WRITING.set(false);
        result
    }

    /// Keeps the library index in step with the open article; written only when what it shows changed.
    fn index(&self, ws: &Workspace, show: bool) -> Result<(), crate::bridge::storage::WriteError> {
        let mut lib = self.library.borrow().clone();
        let moved = lib.current.as_deref() != Some(ws.article.id.as_str());
        lib.current = Some(ws.article.id.clone());
        let changed = lib.upsert(Entry::of(ws, &crate::bridge::clock::now().0));
        if moved || changed {
            self.store.save_library(&lib)?;
            *self.library.borrow_mut() = lib.clone();
            if show {
                self.on_library.emit(lib);
            }
        }
        Ok(())
    }

    /// For the panic hook: writes the pending save, if any, touching nothing that is in use (a
    /// second panic would abort before the banner shows). Whether storage holds every change
    /// queued, and if not, why.
    fn save_before_stopping(&self) -> Stopped {
        if WRITING.get() {
            return Stopped::WhileSaving;
        }
        let Ok(status) = self.status.try_borrow().map(|s| s.clone()) else { return Stopped::WhileSaving };
        let Ok(pending) = self.pending.try_borrow_mut().map(|mut p| p.take()) else { return Stopped::WhileSaving };
        let free = self.saved_article.try_borrow_mut().is_ok() && self.records.try_borrow_mut().is_ok() && self.library.try_borrow_mut().is_ok();
        match (status, pending) {
            (Saving::Paused(why), _) => Stopped::Paused(why),
            (Saving::Unavailable, _) => Stopped::NotSaved(crate::bridge::storage::WriteError::Unavailable),
            (_, Some(ws)) if free => self.write(&ws, false).map_or_else(Stopped::NotSaved, |()| Stopped::Saved),
            (_, Some(_)) => Stopped::WhileSaving,
            (Saving::Failed(why), None) => Stopped::NotSaved(why),
            (Saving::Ok, None) => Stopped::Saved,
        }
    }

    /// Queues a workspace and writes it after the next frame is painted.
    pub fn queue(&self, ws: Workspace) {
        // A change to another article still waiting is written first: the queue keeps only one.
        let other = self.pending.borrow().as_ref().is_some_and(|p| p.article.id != ws.article.id);
        if other {
            self.flush();
        }
        let first = self.pending.borrow_mut().replace(ws).is_none();
        if !first {
            return; // a write is already scheduled; it will take the latest
        }
        let saver = self.clone();
        let after_paint = Closure::once_into_js(move || {
            let saver = saver.clone();
            gloo_timers::callback::Timeout::new(0, move || saver.flush()).forget();
        });
        let scheduled = web_sys::window().map(|w| w.request_animation_frame(after_paint.unchecked_ref()));
        if !matches!(scheduled, Some(Ok(_))) {
            self.flush();
        }
    }
}

/// Saves on every revision, and flushes when the page is hidden or left.
#[hook]
pub fn use_autosave(revision: u64, ws: Workspace, saver: Saver) {
    {
        let saver = saver.clone();
        use_effect_with(revision, move |revision| {
            if *revision > 0 {
                saver.queue(ws);
            }
        });
    }
    use_effect_with((), move |_| {
        let window = web_sys::window().expect("a window");
        let document = window.document().expect("a document");
        let on_hide = {
            let s = saver.clone();
            EventListener::new(&window, "pagehide", move |_| s.flush())
        };
        let on_hidden = {
            let s = saver.clone();
            let doc = document.clone();
            EventListener::new(&document, "visibilitychange", move |_| {
                if doc.hidden() {
                    s.flush();
                }
            })
        };
        let on_stop = crate::bridge::crash::on_stop(move || saver.save_before_stopping());
        move || drop((on_hide, on_hidden, on_stop))
    });
}
