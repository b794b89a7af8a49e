//! "A new version of Annota is ready": shown when the service worker has installed a new build
//! while this page runs an older one. Reloading is safe because work is saved as it goes.

use crate::bridge::offline;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Update {
    None,
    Ready,
    Applying,
    Dismissed,
}

/// Registers the service worker once and returns the notice to show (empty until an update waits).
#[hook]
pub fn use_update_notice() -> Html {
    let tr = super::i18n::use_tr();
    let update = use_state(|| Update::None);
    {
        let set = update.setter();
        use_effect_with((), move |_| offline::register(move || set.set(Update::Ready)));
    }
    let show = matches!(*update, Update::Ready | Update::Applying);
    if !show {
        return Html::default();
    }
    let apply = {
        let u = update.clone();
        Callback::from(move |_| {
            u.set(Update::Applying);
            offline::apply_update()
        })
    };
    let dismiss = {
        let u = update.clone();
        Callback::from(move |_| u.set(Update::Dismissed))
    };
    let applying = *update == Update::Applying;
    html! {
        <div class="banner info update" role="status">
            <span>{ tr.t("A new version of Annota is ready.") }</span>
            <button class="primary" onclick={apply} disabled={applying}>{ tr.t(if applying { "Updating…" } else { "Reload to update" }) }</button>
            <button class="dismiss" onclick={dismiss} aria-label={tr.t("Dismiss")}>{ "×" }</button>
        </div>
    }
}
