//! Files dropped anywhere on the page: the browser would open them in place of Annota; they go to
//! `on_files` instead.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Listens for dropped files on the whole window; each drop calls the latest `on_files`.
#[hook]
pub fn use_file_drop(on_files: Callback<Vec<web_sys::File>>) {
    // The listener is made once; the callback it calls is the one of the last render.
    let latest = use_mut_ref(|| on_files.clone());
    *latest.borrow_mut() = on_files;
    use_effect_with((), move |_| {
        let window = web_sys::window().expect("a window");
        // Not passive: without preventing the default, the browser navigates to the file.
        let options = EventListenerOptions::enable_prevent_default();
        let over = EventListener::new_with_options(&window, "dragover", options, |e| e.prevent_default());
        let drop = EventListener::new_with_options(&window, "drop", options, move |e| {
            e.prevent_default();
            let Some(files) = e.dyn_ref::<web_sys::DragEvent>().and_then(|d| d.data_transfer()).and_then(|t| t.files()) else {
                return;
            };
            let dropped: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
            let on_files = latest.borrow().clone();
            on_files.emit(dropped);
        });
        move || std::mem::drop((over, drop))
    });
}
