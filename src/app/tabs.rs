//! Two tabs on one workspace: one edits, the others follow its changes read-only, so no tab ever
//! writes a stale copy over another's work. The editing tab renews a lease in storage.

use super::notices::{Level, Notice};
use crate::bridge::storage::Store;
use crate::model::action::{Action, Session};
use crate::model::keys::{self, ANNOTATIONS, ARTICLE, LOCK};
use crate::model::lock::{may_edit, Lease, LEASE_MS};
use crate::model::persist;
use crate::model::reduce::State;
use crate::model::workspace::Workspace;
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the tab coordination needs from the app.
#[derive(Clone)]
pub struct TabContext {
    pub tab: Rc<str>,
    pub store: Store,
    pub latest: Rc<RefCell<Rc<State>>>,
    pub dispatcher: UseReducerDispatcher<State>,
    pub notify: Callback<Notice>,
    /// Called with the workspace storage holds whenever this tab takes it from storage.
    pub on_follow: Callback<Workspace>,
}

impl TabContext {
    fn now() -> f64 {
        js_sys::Date::now()
    }

    fn lease(&self) -> Option<Lease> {
        Lease::decode(self.store.get(LOCK).as_deref())
    }

    fn write_lease(&self) {
        // A full storage cannot hold the lease either; then this tab simply edits.
        let _ = self.store.set(LOCK, &Lease::new(&self.tab, Self::now()).encode());
    }

    /// Takes what storage holds now, as the editing tab left it.
    fn follow(&self) {
        let decoded = persist::decode(self.store.get(ARTICLE).as_deref(), self.store.get(ANNOTATIONS).as_deref());
        if let Some(ws) = decoded.workspace {
            self.on_follow.emit(ws.clone());
            self.dispatcher.dispatch(Action::Session(Session::Restore(Box::new(ws))));
        }
    }

    /// Moves editing to this tab.
    pub fn take_over(&self) {
        self.follow();
        self.write_lease();
        self.dispatcher.dispatch(Action::Session(Session::SetReadOnly(false)));
    }

    fn become_reader(&self) {
        self.dispatcher.dispatch(Action::Session(Session::SetReadOnly(true)));
        self.notify
            .emit(Notice::new(Level::Warning, "Editing moved to another tab. This tab now follows its changes; press Edit here instead to edit here again."));
    }

    fn on_storage(&self, e: &web_sys::StorageEvent) {
        let read_only = self.latest.borrow().read_only;
        match e.key().as_deref() {
            Some(LOCK) => match Lease::decode(e.new_value().as_deref()) {
                Some(lease) if lease.tab != *self.tab && !read_only => self.become_reader(),
                // The editing tab closed: this one may edit.
                None if read_only => {
                    self.take_over();
                    self.notify.emit(Notice::new(Level::Info, "The other tab closed: you can edit here now."));
                }
                _ => {}
            },
            Some(ARTICLE | ANNOTATIONS) if read_only => self.follow(),
            // A browser clearing all storage sends a null key: nothing to follow.
            _ => {}
        }
    }
}

/// Starts the coordination once: claims or follows the lease, renews it, listens to other tabs.
#[hook]
pub fn use_single_editor(ctx: TabContext) {
    use_effect_with((), move |_| {
        if !ctx.store.is_available() {
            return Box::new(|| ()) as Box<dyn FnOnce()>;
        }
        if may_edit(ctx.lease().as_ref(), &ctx.tab, TabContext::now()) {
            ctx.write_lease();
        } else {
            ctx.dispatcher.dispatch(Action::Session(Session::SetReadOnly(true)));
        }
        let renew = {
            let ctx = ctx.clone();
            gloo_timers::callback::Interval::new((LEASE_MS / 3.0) as u32, move || {
                if ctx.latest.borrow().read_only {
                    return;
                }
                if may_edit(ctx.lease().as_ref(), &ctx.tab, TabContext::now()) {
                    ctx.write_lease();
                } else {
                    ctx.become_reader();
                }
            })
        };
        let window = web_sys::window().expect("a window");
        let storage = {
            let ctx = ctx.clone();
            EventListener::new(&window, "storage", move |event| {
                if let Some(e) = event.dyn_ref::<web_sys::StorageEvent>() {
                    ctx.on_storage(e);
                }
            })
        };
        // Let another tab edit as soon as this one goes away.
        let release = {
            let ctx = ctx.clone();
            EventListener::new(&window, "pagehide", move |_| {
                if ctx.lease().is_some_and(|l| l.tab == *ctx.tab) {
                    let _ = ctx.store.remove(keys::LOCK);
                }
            })
        };
        Box::new(move || drop((renew, storage, release)))
    });
}
