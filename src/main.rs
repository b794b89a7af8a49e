//! Starts the Annota single-page app.

#[cfg(target_arch = "wasm32")]
fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_banner();
    }));
    yew::Renderer::<annota::app::App>::new().render();
}

/// After a panic the app cannot run any more code: say so in plain DOM, with a plain reload link.
/// Every change up to the last one was saved synchronously, so reloading loses nothing.
#[cfg(target_arch = "wasm32")]
fn show_crash_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let Ok(banner) = document.create_element("div") else { return };
    banner.set_class_name("banner error crash");
    let _ = banner.set_attribute("role", "alert");
    banner.set_text_content(Some(
        "Annota hit an internal error and stopped. Everything up to your last change is saved in this browser. ",
    ));
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", "");
        link.set_text_content(Some("Reload to continue"));
        let _ = banner.append_child(&link);
    }
    let _ = body.prepend_with_node_1(&banner);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Annota runs in the browser: build it with `make serve` (Trunk).");
}
