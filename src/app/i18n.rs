//! The interface's language in the view: the translator from its context (`use_tr`), the language
//! to start in, and `<html lang dir>`.

pub use crate::i18n::{Lang, Tr};
use yew::prelude::*;

/// The translator of the interface's language (English outside a provider).
#[hook]
pub fn use_tr() -> Tr {
    use_context::<Tr>().unwrap_or(Tr(Lang::En))
}

/// The language chosen before, else the browser's (Arabic for any `ar-*`), else English.
pub fn initial_lang(store: &crate::bridge::storage::Store) -> Lang {
    let chosen = store.get(crate::model::keys::LANG).and_then(|c| Lang::from_code(&c));
    let browser = || web_sys::window().and_then(|w| w.navigator().language()).and_then(|c| Lang::from_code(&c));
    chosen.or_else(browser).unwrap_or(Lang::En)
}

/// `<html lang dir>`: screen readers pick the voice, and the whole layout mirrors for Arabic.
pub fn apply_to_document(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", lang.dir());
    }
}
