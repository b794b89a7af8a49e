//! Focus in dialogs: it moves in when one opens, Tab and Shift+Tab stay inside, Escape closes, and
//! focus goes back where it was (or to the article) when the dialog closes.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), \
    textarea:not([disabled]), a[href], [tabindex]:not([tabindex=\"-1\"])";

fn focusables(dialog: &Element) -> Vec<HtmlElement> {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else { return vec![] };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect()
}

fn active() -> Option<Element> {
    web_sys::window()?.document()?.active_element()
}

/// Call first in a dialog component, before any effect of its own that focuses a field.
#[hook]
pub fn use_dialog_focus(dialog: NodeRef) {
    use_effect_with((), move |_| {
        let before = active();
        if let Some(el) = dialog.cast::<Element>() {
            // The dialog's own `autofocus` or effect may focus a field; otherwise its first control.
            let autofocus = el.query_selector("[autofocus]").ok().flatten().and_then(|a| a.dyn_into::<HtmlElement>().ok());
            if let Some(first) = autofocus.or_else(|| focusables(&el).into_iter().next()) {
                let _ = first.focus();
            }
        }
        move || {
            let document = web_sys::window().and_then(|w| w.document());
            let back = before.filter(|b| b.is_connected() && b.tag_name() != "BODY").or_else(|| document?.query_selector("article[tabindex]").ok().flatten());
            if let Some(el) = back.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
                crate::bridge::focus::focus_in_place(&el);
            }
        }
    });
}

/// The dialog's keydown handler: Tab wraps around its controls, Escape closes it.
pub fn dialog_keys(on_close: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
        "Escape" => {
            e.prevent_default();
            e.stop_propagation();
            on_close.emit(());
        }
        "Tab" => {
            // Yew delegates events, so `current_target` is the app's root: find the trap from the target.
            let trap = e.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.closest(".focus-trap").ok().flatten());
            let Some(dialog) = trap else { return };
            let list = focusables(&dialog);
            let (Some(first), Some(last)) = (list.first(), list.last()) else { return };
            let now = active();
            let at = |el: &HtmlElement| now.as_ref().is_some_and(|a| a.is_same_node(Some(el)));
            let wrap_to = if e.shift_key() && at(first) {
                Some(last)
            } else if !e.shift_key() && at(last) {
                Some(first)
            } else {
                None
            };
            if let Some(el) = wrap_to {
                e.prevent_default();
                let _ = el.focus();
            }
        }
        _ => {}
    })
}

#[derive(Properties, PartialEq)]
pub struct FocusTrapProps {
    pub on_close: Callback<()>,
    pub children: Html,
}

/// Wraps a dialog (without a box of its own: `display: contents`) to give it the focus rules above.
#[component]
pub fn FocusTrap(props: &FocusTrapProps) -> Html {
    let trap = use_node_ref();
    use_dialog_focus(trap.clone());
    html! {
        <div ref={trap} class="focus-trap" onkeydown={dialog_keys(props.on_close.clone())}>{ props.children.clone() }</div>
    }
}
