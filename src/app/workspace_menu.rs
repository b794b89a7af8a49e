//! Opening, pasting, importing and downloading: the controls that replace or save the whole workspace.

use super::i18n::use_tr;
use super::workspace_for_structured;
use crate::bridge::{clock, files, html};
use crate::model::format::{self, ExportKind, ImportTarget};
use crate::model::labels::Label;
use crate::model::structure;
use crate::model::structure::title_from_text;
use crate::model::workspace::Workspace;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MenuProps {
    pub labels: Rc<Vec<Label>>,
    /// The state now, whose workspace imports onto the open article add to.
    pub latest: super::Latest,
    /// A new workspace and a sentence saying what happened.
    pub on_replace: Callback<(Workspace, String)>,
    /// An article opened among several: kept in the library without opening it.
    pub on_park: Callback<Workspace>,
    pub on_download: Callback<()>,
    pub on_export: Callback<ExportKind>,
    pub on_error: Callback<String>,
}

/// The first file of a file input, which is then cleared so picking the same file again fires again.
fn take_file(e: &Event) -> Option<web_sys::File> {
    let input: HtmlInputElement = e.target_unchecked_into();
    let file = input.files().and_then(|list| list.get(0));
    input.set_value("");
    file
}

/// Pasted text that starts with a block-level tag is HTML (copied from a page's source).
fn looks_like_html_fragment(text: &str) -> bool {
    let t = text.trim_start().to_lowercase();
    ["<p", "<div", "<h1", "<h2", "<h3", "<article", "<section", "<body", "<ul", "<ol", "<table", "<blockquote"].iter().any(|tag| t.starts_with(tag))
}

fn title_from_file_name(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    if stem.trim().is_empty() {
        name.to_string()
    } else {
        stem.to_string()
    }
}

/// Opens article files (picked or dropped): each goes into the library; the last one is opened.
pub fn open_files(
    tr: super::i18n::Tr,
    picked: Vec<web_sys::File>,
    labels: Rc<Vec<Label>>,
    on_replace: Callback<(Workspace, String)>,
    on_park: Callback<Workspace>,
    on_error: Callback<String>,
) {
    if picked.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let count = picked.len();
        let mut opened = Vec::new();
        for file in picked {
            let read = files::read_text(file).await.map_err(|e| tr.msg(&e)).and_then(|f| {
                let article = if html::looks_like_html(&f.name, &f.text) {
                    html::html_to_text(&f.text).map_err(|e| tr.msg(&e))?
                } else if structure::is_markdown(&f.name) {
                    structure::markdown_to_text(&f.text)
                } else {
                    // Plain text stays exactly as it is, so offsets match the file.
                    structure::Structured { text: f.text.clone(), headings: Vec::new() }
                };
                Ok((f.name, article))
            });
            match read {
                Ok(f) => opened.push(f),
                Err(message) => on_error.emit(tr.f("Could not open the article: {}. Nothing was changed.", &[&message])),
            }
        }
        let Some((last_name, last)) = opened.pop() else { return };
        for (name, article) in opened {
            let title = article.title().unwrap_or_else(|| title_from_file_name(&name));
            on_park.emit(workspace_for_structured(title, article, &labels));
        }
        let chars = last.text.chars().count();
        let others = match count {
            1 => String::new(),
            2 => tr.t(" The other file is in the Library.").to_string(),
            n => tr.f(" The other {} files are in the Library.", &[&(n - 1)]),
        };
        let title = last.title().unwrap_or_else(|| title_from_file_name(&last_name));
        let ws = workspace_for_structured(title, last, &labels);
        on_replace
            .emit((ws, tr.f("Opened \"{}\" ({} characters).{} Undo brings back the previous article and its annotations.", &[&last_name, &chars, &others])));
    });
}

#[component]
pub fn WorkspaceMenu(props: &MenuProps) -> Html {
    let tr = use_tr();
    let pasting = use_state(|| false);
    let paste_ref = use_node_ref();

    let on_open = {
        let (labels, on_replace, on_park, on_error) = (props.labels.clone(), props.on_replace.clone(), props.on_park.clone(), props.on_error.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let picked: Vec<web_sys::File> = input.files().map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default();
            input.set_value("");
            open_files(tr, picked, labels.clone(), on_replace.clone(), on_park.clone(), on_error.clone());
        })
    };

    let import_with = |target: ImportTarget| {
        let on_replace = props.on_replace.clone();
        let on_error = props.on_error.clone();
        let latest = props.latest.clone();
        Callback::from(move |e: Event| {
            let Some(file) = take_file(&e) else { return };
            let (on_replace, on_error, latest) = (on_replace.clone(), on_error.clone(), latest.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = files::read_text(file).await;
                let current = latest.0.borrow().workspace.clone();
                let result = read.map_err(|e| tr.msg(&e)).and_then(|f| {
                    let mut new_id = || clock::new_annotation_id().0;
                    crate::bridge::perf::measure("annota:import", || format::import(&f.text, &current, target, &clock::now(), &mut new_id))
                        .map(|r| (f.name, r))
                        .map_err(|e| tr.msg(&e))
                });
                match result {
                    Ok((name, imported)) => {
                        let onto = if target == ImportTarget::OpenArticle { tr.t(" onto the open article") } else { "" };
                        let summary = tr.msg(&imported.summary);
                        let message = tr.f("Imported \"{}\"{}. {} Undo brings back what was open before.", &[&name, &onto, &summary]);
                        on_replace.emit((imported.workspace, message));
                    }
                    Err(message) => on_error.emit(tr.f("Could not import: {}. Nothing was changed.", &[&message])),
                }
            });
        })
    };
    let on_import = import_with(ImportTarget::OwnText);
    let on_import_onto = import_with(ImportTarget::OpenArticle);
    let exporting = use_state(|| false);

    let open_paste = {
        let pasting = pasting.clone();
        Callback::from(move |_| pasting.set(true))
    };
    let close_paste = {
        let pasting = pasting.clone();
        Callback::from(move |_| pasting.set(false))
    };
    let use_paste = {
        let pasting = pasting.clone();
        let paste_ref = paste_ref.clone();
        let labels = props.labels.clone();
        let on_replace = props.on_replace.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(area) = paste_ref.cast::<HtmlTextAreaElement>() else { return };
            let text = area.value();
            if text.trim().is_empty() {
                on_error.emit(tr.t("The pasted text is empty. Nothing was changed.").into());
                return;
            }
            let article = if html::looks_like_html("", &text) || looks_like_html_fragment(&text) {
                match html::html_to_text(&text) {
                    Ok(a) => a,
                    Err(e) => return on_error.emit(tr.f("Could not read the pasted HTML: {}. Nothing was changed.", &[&tr.msg(&e)])),
                }
            } else {
                structure::Structured { text, headings: Vec::new() }
            };
            let chars = article.text.chars().count();
            let title = article.title().unwrap_or_else(|| title_from_text(&article.text));
            let ws = workspace_for_structured(title, article, &labels);
            on_replace.emit((ws, tr.f("Opened the pasted text ({} characters). Undo brings back the previous article.", &[&chars])));
            pasting.set(false);
        })
    };

    html! {
        <nav class="menu" aria-label={tr.t("Workspace")}>
            <label class="button file-button">
                { tr.t("Open article") }
                <input type="file" multiple=true accept=".txt,.md,.html,.htm,text/plain,text/html" onchange={on_open} class="visually-hidden" />
            </label>
            <button onclick={open_paste}>{ tr.t("Paste text") }</button>
            <label class="button file-button" title={tr.t("Open a file with its own text and annotations: Annota JSON, doccano JSONL, Label Studio JSON (W3C Web Annotation goes onto the open article)")}>
                { tr.t("Import") }
                <input type="file" accept=".json,.jsonl,.jsonld,application/json" onchange={on_import} class="visually-hidden" />
            </label>
            <label class="button file-button" title={tr.t("Find each annotation of a file again in the open article's text, and add them to it")}>
                { tr.t("Import onto this article") }
                <input type="file" accept=".json,.jsonl,.jsonld,application/json" onchange={on_import_onto} class="visually-hidden" />
            </label>
            <div class="export"
                onkeydown={{ let exporting = exporting.clone(); Callback::from(move |e: KeyboardEvent| if e.key() == "Escape" { exporting.set(false) }) }}
                onfocusout={{ let exporting = exporting.clone(); Callback::from(move |e: FocusEvent| {
                    // Close when focus leaves the menu, not when it moves inside it.
                    let inside = e.related_target()
                        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
                        .zip(e.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok()))
                        .is_some_and(|(to, menu)| menu.contains(Some(&to)));
                    if !inside { exporting.set(false) }
                }) }}>
                <button aria-haspopup="menu" aria-expanded={exporting.to_string()}
                    onclick={{ let exporting = exporting.clone(); Callback::from(move |_| exporting.set(!*exporting)) }}>{ tr.t("Export") }</button>
                if *exporting {
                    <ul class="export-menu" role="menu" aria-label={tr.t("Export")}>
                        { for ExportKind::ALL.iter().map(|kind| {
                            let kind = *kind;
                            let onclick = { let cb = props.on_export.clone(); let exporting = exporting.clone(); Callback::from(move |_| { exporting.set(false); cb.emit(kind) }) };
                            // Safari does not focus a clicked button: keep focus where it is so the menu stays open for the click.
                            html! { <li role="none"><button role="menuitem" {onclick} onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}>{ kind.menu_name() }</button></li> }
                        }) }
                    </ul>
                }
            </div>
            <button class="primary" onclick={props.on_download.reform(|_| ())}>{ tr.t("Download JSON") }</button>
            if *pasting {
                <div class="dialog-backdrop">
                    <super::dialog_focus::FocusTrap on_close={{ let pasting = pasting.clone(); Callback::from(move |_| pasting.set(false)) }}>
                    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="paste-title"><form class="dialog-form" onsubmit={use_paste}>
                        <h2 id="paste-title">{ tr.t("Paste an article") }</h2>
                        <textarea ref={paste_ref} aria-label={tr.t("Article text")} dir="auto" rows="12" autofocus=true
                            placeholder={tr.t("Paste or type the article's text here")} />
                        <div class="dialog-actions">
                            <button type="button" onclick={close_paste}>{ tr.t("Cancel") }</button>
                            <button type="submit" class="primary">{ tr.t("Open pasted text") }</button>
                        </div>
                    </form></div>
                    </super::dialog_focus::FocusTrap>
                </div>
            }
        </nav>
    }
}
