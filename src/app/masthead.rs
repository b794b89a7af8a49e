//! The top of the page: the article's title, the library, the language, the fact-checking menu
//! and the workspace menu (open, import, export).

use super::dialogs::Dialog;
use super::notices::{Level, Notice};
use super::provider::use_workspace;
use super::workspace_menu::WorkspaceMenu;
use crate::model::format::ExportKind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    pub reporting: bool,
    pub on_dialog: Callback<Dialog>,
    pub on_report: Callback<bool>,
    pub on_shortcuts: Callback<()>,
}

#[component]
pub fn Masthead(props: &MastheadProps) -> Html {
    let ctx = use_workspace();
    let tr = ctx.tr;
    let ws = &ctx.state.workspace;
    let title = ws.title().to_string();
    let open = |which: Dialog| props.on_dialog.reform(move |_| which);
    let (other_lang, other_name) = tr.0.other();
    let on_export = {
        let ctx = ctx.clone();
        Callback::from(move |kind: ExportKind| ctx.export(kind))
    };
    let on_replace = {
        let ctx = ctx.clone();
        Callback::from(move |(ws, message)| ctx.replace(ws, message))
    };
    let on_park = {
        let shelf = ctx.shelf.clone();
        Callback::from(move |ws| shelf.park(ws))
    };
    let reporting = props.reporting;
    html! {
        <header class="masthead">
            <h1><span class="logo" aria-hidden="true">{ "✎" }</span>{ "Annota" }</h1>
            <p class="article-title" dir="auto" title={title.clone()}>{ title }</p>
            <button class="library-button" onclick={open(Dialog::Library)} title={tr.t("Every article in this browser, with its annotations")}>{ tr.t("Library") }</button>
            <button class="share-button" onclick={open(Dialog::Share)} title={tr.t("Share this library with a team through a sync server")}>{ tr.t("Share library…") }</button>
            <button class="lang-switch" lang={other_lang.code()} onclick={ctx.switch_lang.reform(|_| ())} title={tr.t("Interface language")}>{ other_name }</button>
            <div class="menu session" role="group" aria-label={tr.t("Fact-checking")}>
                <button onclick={open(Dialog::ArticleDetails)} title={tr.t("Title, URL, publisher, author and date of the article")}>{ tr.t("Article details") }</button>
                <button onclick={open(Dialog::Settings)} title={tr.t("Your organisation and the verdict scale")}>{ tr.t("Fact-check settings") }</button>
                <button aria-pressed={reporting.to_string()} onclick={props.on_report.reform(move |_| !reporting)}>{ tr.t("Session report") }</button>
                <button aria-keyshortcuts="?" title={tr.t("Every keyboard shortcut (?)")} onclick={props.on_shortcuts.reform(|_| ())}>{ tr.t("Shortcuts") }</button>
            </div>
            <WorkspaceMenu labels={ws.labels.clone()} latest={ctx.latest.clone()} {on_replace} {on_park}
                on_download={on_export.reform(|_| ExportKind::AnnotaJson)} {on_export}
                on_error={ctx.notify.reform(|m: String| Notice::new(Level::Error, m))} />
        </header>
    }
}
