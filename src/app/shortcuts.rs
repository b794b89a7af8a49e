//! The "Keyboard shortcuts" dialog (key `?`): every key Annota answers to, in one table.

use super::dialog_focus::FocusTrap;
use yew::prelude::*;

/// (keys, what they do), in the order a person meets them; README.md has the same table.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Tab", "Move between controls; the article takes focus like a control (Skip to article jumps there)"),
    ("← →", "In the article: select the next or previous word, in the direction the paragraph reads (← is forwards in Arabic)"),
    ("Shift+← Shift+→", "Extend the selection by a word"),
    ("Ctrl+↓ Ctrl+↑", "Select the next or previous sentence"),
    ("Shift+Ctrl+↓ Shift+Ctrl+↑", "Extend the selection by a sentence"),
    ("Home End", "Select the paragraph's first or last word; with Shift, extend to its start or end"),
    ("1 2 3", "Label the selection as Claim, Quote, Actor; with no text selected, relabel the selected annotation"),
    ("n or j, p or k", "Select the next or previous annotation in text order (and scroll to it)"),
    ("a b t x e, j k, r", "In the adjudication panel: accept A, accept B, both, neither, the span selected in the article; next or previous difference; reopen a settled one"),
    ("Enter", "In the article, with an annotation selected: edit its note"),
    ("Escape", "In a field: back to the article; in the article: deselect; in a dialog: close it"),
    ("Delete or Backspace", "Delete the selected annotation"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
    ("L", "Link the selected quote or claim to who said it (opens the actor list)"),
    ("M", "Say which actor the selected actor span names too (merge)"),
    ("↑ ↓ Enter", "In the actor list: move, pick; typing filters"),
    ("s, Shift+S", "Go to the next or previous suggestion (a dashed outline) and hear what it proposes"),
    ("a", "Accept the current suggestion: it becomes an annotation, joined to its actor (one undo step)"),
    ("x", "Reject the current suggestion: it is not suggested again for this article"),
    ("Shift+A", "Accept every suggestion of the current one's kind (actor mentions, quotations, reported speech or same label again), after a confirmation (one undo step)"),
    ("?", "Show this list"),
];

#[derive(Properties, PartialEq)]
pub struct ShortcutsProps {
    pub on_close: Callback<()>,
}

#[component]
pub fn Shortcuts(props: &ShortcutsProps) -> Html {
    let tr = super::i18n::use_tr();
    let close = props.on_close.clone();
    html! {
        <div class="dialog-backdrop" onclick={Callback::from(move |e: MouseEvent| {
            // A click on the backdrop itself, outside the dialog, closes it.
            if e.target_dyn_into::<web_sys::Element>().is_some_and(|t| t.class_name() == "dialog-backdrop") { close.emit(()) }
        })}>
            <FocusTrap on_close={props.on_close.clone()}>
            <div class="dialog shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
                <h2 id="shortcuts-title">{ tr.t("Keyboard shortcuts") }</h2>
                <table>
                    <thead><tr><th scope="col">{ tr.t("Key") }</th><th scope="col">{ tr.t("Action") }</th></tr></thead>
                    <tbody>
                        { for SHORTCUTS.iter().map(|(keys, what)| html! {
                            <tr><th scope="row"><kbd>{ keys.replace(" or ", tr.t(" or ")) }</kbd></th><td>{ tr.t(what) }</td></tr>
                        }) }
                    </tbody>
                </table>
                <p class="hint">{ tr.t("Shortcuts are off while you type in a field.") }</p>
                <div class="dialog-actions">
                    <button type="button" class="primary" onclick={props.on_close.reform(|_| ())}>{ tr.t("Close") }</button>
                </div>
            </div>
            </FocusTrap>
        </div>
    }
}
