//! Two dialogs: the article's details (title, URL, publisher, author, date), used by every export,
//! and the fact-checker's settings (organisation, verdict scale).

use super::i18n::use_tr;
use crate::model::facts::{scale_from_names, ArticleMeta, Settings};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MetaProps {
    pub meta: ArticleMeta,
    /// The title the article came with, shown as the placeholder.
    pub original_title: AttrValue,
    pub on_change: Callback<ArticleMeta>,
    pub on_close: Callback<()>,
}

/// Every keystroke is saved (and typing in one field is one undo step).
#[component]
pub fn ArticleDetails(props: &MetaProps) -> Html {
    let tr = use_tr();
    let field = |label: &'static str, kind: &'static str, value: &str, set: fn(&mut ArticleMeta, String), placeholder: String| {
        let (cb, base) = (props.on_change.clone(), props.meta.clone());
        let oninput = Callback::from(move |e: InputEvent| {
            let mut meta = base.clone();
            set(&mut meta, e.target_unchecked_into::<HtmlInputElement>().value());
            cb.emit(meta);
        });
        html! {
            <label class="field wide">{ label }
                <input type={kind} aria-label={label} value={value.to_string()} {placeholder} dir="auto" {oninput} />
            </label>
        }
    };
    let m = &props.meta;
    let close = props.on_close.clone();
    html! {
        <div class="dialog-backdrop">
            <super::dialog_focus::FocusTrap on_close={props.on_close.clone()}>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="details-title"><form class="dialog-form"
                onsubmit={Callback::from(move |e: SubmitEvent| { e.prevent_default(); close.emit(()) })}>
                <h2 id="details-title">{ tr.t("Article details") }</h2>
                <p class="hint">{ tr.t("Entered once for this article; every export uses them (ClaimReview needs the URL and date).") }</p>
                { field(tr.t("Title"), "text", &m.title, |m, v| m.title = v, props.original_title.to_string()) }
                { field(tr.t("URL"), "url", &m.url, |m, v| m.url = v, "https://…".into()) }
                { field(tr.t("Publisher"), "text", &m.publisher, |m, v| m.publisher = v, String::new()) }
                { field(tr.t("Author"), "text", &m.author, |m, v| m.author = v, String::new()) }
                { field(tr.t("Date published"), "date", &m.date_published, |m, v| m.date_published = v, String::new()) }
                <div class="dialog-actions">
                    <button type="submit" class="primary">{ tr.t("Done") }</button>
                </div>
            </form></div>
            </super::dialog_focus::FocusTrap>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub settings: Settings,
    pub on_save: Callback<Settings>,
    pub on_close: Callback<()>,
}

/// Settings change as a whole on Save: a verdict scale half typed is not a scale.
#[component]
pub fn SettingsDialog(props: &SettingsProps) -> Html {
    let tr = use_tr();
    let (org, url, rated, unrated) = (use_node_ref(), use_node_ref(), use_node_ref(), use_node_ref());
    let s = &props.settings;
    let rated_text: String = s.verdicts.iter().filter(|v| v.rating.is_some()).map(|v| v.name.clone()).collect::<Vec<_>>().join("\n");
    let unrated_text: String = s.verdicts.iter().filter(|v| v.rating.is_none()).map(|v| v.name.clone()).collect::<Vec<_>>().join("\n");
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let (org, url, rated, unrated, on_save, error) = (org.clone(), url.clone(), rated.clone(), unrated.clone(), props.on_save.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let lines = |r: &NodeRef| r.cast::<HtmlTextAreaElement>().map(|t| t.value().lines().map(str::to_string).collect::<Vec<_>>()).unwrap_or_default();
            let verdicts = scale_from_names(&lines(&rated), &lines(&unrated));
            if verdicts.is_empty() {
                error.set(Some(tr.t("The verdict scale needs at least one verdict.").into()));
                return;
            }
            let mut names: Vec<&str> = verdicts.iter().map(|v| v.name.as_str()).collect();
            names.sort_unstable();
            if names.windows(2).any(|w| w[0] == w[1]) {
                error.set(Some(tr.t("Each verdict can appear only once.").into()));
                return;
            }
            on_save.emit(Settings { organisation: input(&org).trim().to_string(), organisation_url: input(&url).trim().to_string(), verdicts });
        })
    };
    html! {
        <div class="dialog-backdrop">
            <super::dialog_focus::FocusTrap on_close={props.on_close.clone()}>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="settings-title"><form class="dialog-form" {onsubmit}>
                <h2 id="settings-title">{ tr.t("Fact-check settings") }</h2>
                <label class="field wide">{ tr.t("Fact-checking organisation") }
                    <input ref={org} aria-label={tr.t("Fact-checking organisation")} value={s.organisation.clone()} dir="auto" />
                </label>
                <label class="field wide">{ tr.t("Organisation URL") }
                    <input ref={url} type="url" aria-label={tr.t("Organisation URL")} value={s.organisation_url.clone()} placeholder="https://…" />
                </label>
                <label class="field wide">{ tr.t("Verdict scale, truest first, one per line") }
                    <textarea ref={rated} aria-label={tr.t("Verdict scale")} rows="6" dir="auto" value={rated_text} />
                </label>
                <label class="field wide">{ tr.t("Verdicts off the scale (no numeric rating), one per line") }
                    <textarea ref={unrated} aria-label={tr.t("Verdicts off the scale")} rows="2" dir="auto" value={unrated_text} />
                </label>
                if let Some(e) = &*error {
                    <p class="form-error" role="alert">{ e.clone() }</p>
                }
                <div class="dialog-actions">
                    <button type="button" onclick={props.on_close.reform(|_| ())}>{ tr.t("Cancel") }</button>
                    <button type="submit" class="primary">{ tr.t("Save settings") }</button>
                </div>
            </form></div>
            </super::dialog_focus::FocusTrap>
        </div>
    }
}
