//! Offline use: registers the service worker (`sw.js`, which keeps the app's files), tells the app
//! when a new version has been installed and is waiting, and switches to it on request. Where there
//! are no service workers (an insecure origin, some private modes) it does nothing.

use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration};

const SCRIPT: &str = "./sw.js";
/// What the worker's `message` handler takes as "activate now".
const SKIP_WAITING: &str = "skip-waiting";
/// If activation never reports back (another tab already did it), reload anyway after this long.
const RELOAD_FALLBACK_MS: u32 = 4000;

/// `navigator.serviceWorker`, if this page has one. web-sys would assume it exists; on an insecure
/// origin it is `undefined`, so it is read as a plain property first.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?.dyn_into().ok()
}

/// Registers the worker. `on_update` runs when a new version is installed and waiting while an
/// older one serves this page (with no older one, it is the first install: nothing to announce).
pub fn register(on_update: impl Fn() + 'static) {
    let Some(sw) = container() else { return };
    spawn_local(async move {
        // A failed registration (no sw.js, storage blocked) only means no offline use.
        let Ok(registration) = JsFuture::from(sw.register(SCRIPT)).await else { return };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // A new version waits while an older one serves this page (no controller: a first install).
        let check = {
            let registration = registration.clone();
            Rc::new(move || {
                if registration.waiting().is_some() && sw.controller().is_some() {
                    on_update();
                }
            })
        };
        check(); // installed on an earlier visit and still waiting
                 // Installed while this page is open (the browser checks sw.js on navigation and `update()`).
        let found = registration.clone();
        EventListener::new(&registration, "updatefound", move |_| {
            let Some(worker) = found.installing() else { return check() };
            let check = check.clone();
            EventListener::new(&worker, "statechange", move |_| check()).forget();
            // one per new version
        })
        .forget(); // for the page's lifetime
    });
}

/// Activates the waiting version and reloads once it controls the page. The app saves as it goes,
/// so a reload loses nothing. With no waiting version, it just reloads.
pub fn apply_update() {
    let Some(sw) = container() else { return reload() };
    spawn_local(async move {
        let registration = JsFuture::from(sw.get_registration()).await.ok().filter(|r| !r.is_undefined());
        let waiting = registration.and_then(|r| r.unchecked_into::<ServiceWorkerRegistration>().waiting());
        let Some(worker) = waiting else { return reload() };
        EventListener::once(&sw, "controllerchange", |_| reload()).forget();
        gloo_timers::callback::Timeout::new(RELOAD_FALLBACK_MS, reload).forget();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str("type"), &JsValue::from_str(SKIP_WAITING));
        if worker.post_message(&message).is_err() {
            reload();
        }
    });
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
