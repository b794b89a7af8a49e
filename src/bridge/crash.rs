//! When Annota panics: the banner that says so, with a plain reload link.

/// After a panic the app cannot run any more code: say so in plain DOM (the panic hook calls this).
pub fn stopped() {
    show_banner("Annota hit an internal error and stopped. Everything up to your last change is saved in this browser. ");
}

fn show_banner(text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let Ok(banner) = document.create_element("div") else { return };
    banner.set_class_name("banner error crash");
    let _ = banner.set_attribute("role", "alert");
    banner.set_text_content(Some(text));
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", "");
        link.set_text_content(Some("Reload to continue"));
        let _ = banner.append_child(&link);
    }
    let _ = body.prepend_with_node_1(&banner);
}
