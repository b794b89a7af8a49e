//! Focus and scrolling: focusing the long article must not jump to its top, and revealing a highlight
//! scrolls only when it is out of view.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// `el.focus({ preventScroll: true })`, called through JS so that web-sys needs no `FocusOptions` feature.
pub fn focus_in_place(el: &HtmlElement) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("preventScroll"), &JsValue::TRUE);
    match js_sys::Reflect::get(el, &JsValue::from_str("focus")).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        Some(focus) => drop(focus.call1(el, &options)),
        None => drop(el.focus()),
    }
}

/// Scrolls `el` to the middle of the view if it is out of view. Whether it is in view comes from
/// an `IntersectionObserver`, which answers after the next layout: asking now would force one.
/// Browsers without it scroll at once.
pub fn reveal(el: &web_sys::Element) {
    let center = |el: &web_sys::Element| {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    };
    let target = el.clone();
    let on_seen = wasm_bindgen::closure::Closure::once_into_js(move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
        observer.disconnect();
        let seen = entries.get(0).dyn_into::<web_sys::IntersectionObserverEntry>().map(|e| e.is_intersecting()).unwrap_or(false);
        if !seen {
            center(&target);
        }
    });
    match web_sys::IntersectionObserver::new(on_seen.unchecked_ref()) {
        Ok(observer) => observer.observe(el),
        Err(_) => center(el),
    }
}
