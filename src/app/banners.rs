//! What stays on screen above the work: saving problems, the read-only tab, the notices, and a
//! new version waiting.

use super::boot::Saving;
use super::i18n::Tr;
use super::notices::Notices;
use super::provider::use_workspace;
use yew::prelude::*;

/// Why changes are not being saved, in the interface's language.
fn saving_text(saving: &Saving, tr: Tr) -> Option<String> {
    match saving {
        Saving::Ok => None,
        Saving::Failed(e) => Some(tr.f(
            "Your last changes are not saved in this browser: {}. They are kept in this tab; use Download JSON to keep a copy. Annota retries on every change.",
            &[&tr.msg(e)],
        )),
        Saving::Paused(e) => Some(tr.f(
            "Saving is paused: stored data could not be read or copied aside ({}). Your work is kept in this tab; use Download JSON to keep a copy.",
            &[&tr.msg(e)],
        )),
        Saving::Unavailable => Some(tr.t("This browser gives Annota no storage (private mode or blocked): nothing will be kept after you close the tab. Use Download JSON to keep your work.").into()),
    }
}

#[component]
pub fn Banners() -> Html {
    let ctx = use_workspace();
    let tr = ctx.tr;
    let update_notice = super::update::use_update_notice();
    html! {
        <>
            if let Some(text) = saving_text(&ctx.saving, tr) {
                <div class="banner warning" role="alert">{ text }</div>
            }
            if ctx.state.read_only {
                <div class="banner warning read-only" role="alert">
                    <span>{ tr.t("This workspace is open for editing in another tab. This tab shows its changes as they happen, read-only, so neither tab overwrites the other.") }</span>
                    <button onclick={ctx.take_over.reform(|_| ())}>{ tr.t("Edit here instead") }</button>
                </div>
            }
            <Notices notices={ctx.notices.0.clone()} on_dismiss={ctx.dismiss.clone()} />
            { update_notice }
        </>
    }
}
