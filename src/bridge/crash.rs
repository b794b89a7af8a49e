//! When Annota panics: the save still waiting for its frame is written, then a banner says
//! exactly what is kept, in the interface's language, with a plain reload link.

use crate::i18n::{Lang, Tr};
use crate::model::persist::Stopped;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

type Save = Rc<dyn Fn() -> Stopped>;

thread_local! {
    /// What writes the changes not yet saved, registered by the app's autosave.
    static SAVE: RefCell<Option<(u64, Save)>> = const { RefCell::new(None) };
    static NEXT: Cell<u64> = const { Cell::new(0) };
}

/// Keeps `save` registered until dropped.
pub struct Registration(u64);

impl Drop for Registration {
    fn drop(&mut self) {
        let _ = SAVE.try_with(|slot| {
            if let Ok(mut slot) = slot.try_borrow_mut() {
                if slot.as_ref().is_some_and(|(id, _)| *id == self.0) {
                    *slot = None;
                }
            }
        });
    }
}

/// Registers what [`stopped`] runs to save the changes not yet written: whether storage then holds
/// every change shown, and if not, why. It must not panic (a panic in the panic hook aborts before
/// the banner shows). A later registration replaces an earlier one.
pub fn on_stop(save: impl Fn() -> Stopped + 'static) -> Registration {
    let id = NEXT.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    SAVE.with(|slot| *slot.borrow_mut() = Some((id, Rc::new(save))));
    Registration(id)
}

/// After a panic the app cannot run any more code (the panic hook calls this once the error is
/// logged): write what is waiting to be saved, then say in plain DOM what is kept, in the language
/// the page is in (`<html lang>`).
pub fn stopped() {
    let save = SAVE.try_with(|slot| slot.try_borrow().ok().and_then(|s| s.as_ref().map(|(_, save)| save.clone()))).ok().flatten();
    let saved = save.map_or(Stopped::Saved, |save| save());
    let document = web_sys::window().and_then(|w| w.document());
    let lang = document.as_ref().and_then(|d| d.document_element()).and_then(|root| root.get_attribute("lang")).and_then(|code| Lang::from_code(&code));
    let tr = Tr(lang.unwrap_or(Lang::En));
    show_banner(&format!("{} ", tr.msg(&saved)), tr.t("Reload to continue"));
}

fn show_banner(text: &str, reload: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let Ok(banner) = document.create_element("div") else { return };
    banner.set_class_name("banner error crash");
    let _ = banner.set_attribute("role", "alert");
    banner.set_text_content(Some(text));
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", "");
        link.set_text_content(Some(reload));
        let _ = banner.append_child(&link);
    }
    let _ = body.prepend_with_node_1(&banner);
}
