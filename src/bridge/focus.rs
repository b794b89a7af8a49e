//! Moving keyboard focus without scrolling: focusing the long article must not jump to its top.

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
