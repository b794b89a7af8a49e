//! The label toolbar (label buttons, Edit labels, undo, redo) and the editor of the selected annotation.

use super::pattern::chip_style;
use crate::model::annotation::Annotation;
use crate::model::labels::{label_look, Label, LabelId};
use crate::model::labels::{pattern_of, Pattern};
use crate::model::text::{shorten, TextIndex};
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub labels: Rc<Vec<Label>>,
    pub text: Rc<TextIndex>,
    pub selected: Option<Rc<Annotation>>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub on_label: Callback<LabelId>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    pub on_note: Callback<String>,
    pub on_delete: Callback<()>,
    pub on_edit_labels: Callback<MouseEvent>,
    /// How many suggestions are open; the button goes to the next one.
    pub suggestions: usize,
    pub on_suggestions: Callback<()>,
    /// With several layers: the one new annotations go into, and its colour (kept in sight while scrolling).
    #[prop_or_default]
    pub writing: Option<(AttrValue, AttrValue)>,
}

/// Keeps the text selection when a toolbar button is pressed with the mouse.
fn keep_selection() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| e.prevent_default())
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let tr = super::i18n::use_tr();
    let selected_label = props.selected.as_ref().map(|a| a.label.clone());
    html! {
        // A landmark around the toolbar, so that every part of the page is in one (it has no box of its own).
        <section class="toolbar-landmark" aria-label={tr.t("Annotate")}>
        <div class="toolbar" role="toolbar" aria-label={tr.t("Label and edit")}>
            <div class="labels">
                { for props.labels.iter().enumerate().map(|(i, l)| {
                    let onclick = { let cb = props.on_label.clone(); let id = l.id.clone(); Callback::from(move |_| cb.emit(id.clone())) };
                    let key = l.hotkey.clone().unwrap_or_default();
                    let pressed = selected_label.as_ref().map(|s| (s == &l.id).to_string());
                    html! {
                        <button class="label-button" style={chip_style("label", Pattern::at(i), &l.color)} {onclick}
                            onmousedown={keep_selection()} aria-pressed={pressed}
                            aria-keyshortcuts={(!key.is_empty()).then(|| key.clone())}
                            title={tr.f("Label the selection as {} ({}{})", &[&l.name, &tr.t(Pattern::at(i).name()),
                                &if key.is_empty() { String::new() } else { tr.f(", key {}", &[&key]) }])}>
                            { l.name.clone() }
                            if !key.is_empty() { <kbd aria-hidden="true">{ key }</kbd> }
                        </button>
                    }
                }) }
                <button class="edit-labels" onclick={props.on_edit_labels.clone()}
                    title={tr.t("Rename, recolour, reorder, add or delete labels")}>
                    <span class="icon" aria-hidden="true">{ "✎" }</span><span class="text">{ tr.t("Edit labels") }</span>
                </button>
            </div>
            <div class="history">
                <button onclick={props.on_undo.reform(|_| ())} onmousedown={keep_selection()} disabled={!props.can_undo}
                    aria-keyshortcuts="Control+Z" title={tr.t("Undo (Ctrl+Z)")}>{ tr.t("Undo") }</button>
                <button onclick={props.on_redo.reform(|_| ())} onmousedown={keep_selection()} disabled={!props.can_redo}
                    aria-keyshortcuts="Control+Shift+Z Control+Y" title={tr.t("Redo (Ctrl+Shift+Z or Ctrl+Y)")}>{ tr.t("Redo") }</button>
            </div>
            if let Some((name, colour)) = &props.writing {
                <span class="writing-layer" title={tr.t("New annotations go into this layer")}>
                    <span class="ring-swatch" aria-hidden="true" style={format!("border-color:{colour}")}></span>
                    <span class="visually-hidden">{ tr.t("New annotations go into ") }</span><span dir="auto">{ name.clone() }</span>
                </span>
            }
            // Always present, so selecting or deselecting never moves the article under the pointer.
            if let Some(a) = &props.selected {
                <SelectedEditor annotation={a.clone()} text={props.text.clone()} labels={props.labels.clone()}
                    on_note={props.on_note.clone()} on_delete={props.on_delete.clone()} />
            } else {
                <p class="editor hint">{ tr.t("Select text and press a label, or click a highlight to edit it.") }</p>
            }
            // After the editor, so that on a phone it shares the editor's line, as a number alone.
            if props.suggestions > 0 {
                <button class="suggestion-count" onclick={props.on_suggestions.reform(|_| ())} onmousedown={keep_selection()} aria-keyshortcuts="s"
                    title={tr.t("Go to the next suggestion (s)")}>
                    <span class="swatch" aria-hidden="true"></span>
                    <span class="text">{ tr.plural(props.suggestions, "{} suggestion", "{} suggestions", &[&props.suggestions]) }</span>
                    <span class="number" aria-hidden="true">{ props.suggestions }</span>
                </button>
            }
        </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    annotation: Rc<Annotation>,
    text: Rc<TextIndex>,
    labels: Rc<Vec<Label>>,
    on_note: Callback<String>,
    on_delete: Callback<()>,
}

#[component]
fn SelectedEditor(props: &EditorProps) -> Html {
    let tr = super::i18n::use_tr();
    let a = &props.annotation;
    let (name, color) = label_look(&props.labels, &a.label);
    let oninput = props.on_note.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    html! {
        <div class="editor" role="group" aria-label={tr.t("Selected annotation")}>
            <span class="chip" style={chip_style("chip", pattern_of(&props.labels, &a.label), &color)}>{ name }</span>
            <q dir="auto" class="selected-quote">{ shorten(props.text.slice(a.span).unwrap_or(""), 80) }</q>
            <textarea id={super::keyboard::NOTE_FIELD_ID} aria-label={tr.t("Note")} placeholder={tr.t("Note")} dir="auto" rows="1" value={a.note.clone()} {oninput} />
            <button class="danger" onclick={props.on_delete.reform(|_| ())} aria-keyshortcuts="Delete Backspace"
                title={tr.t("Delete this annotation (Delete)")}>{ tr.t("Delete annotation") }</button>
        </div>
    }
}
