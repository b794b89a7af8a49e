//! The session report: a page to read or print to PDF. Every claim with its claimant, verdict,
//! review and evidence, every quote with its speaker, then the article with its highlights.

use super::article::ArticleView;
use super::i18n::use_tr;
use crate::model::annotation::{Annotation, AnnotationId};
use crate::model::facts::{self, CLAIM_TYPES};
use crate::model::workspace::Workspace;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub workspace: Workspace,
    pub on_close: Callback<()>,
}

/// "1 claim", "2 claims".
fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

#[component]
pub fn Report(props: &ReportProps) -> Html {
    let tr = use_tr();
    let ws = &props.workspace;
    let text = &ws.article.text;
    let quote = |a: &Annotation| text.slice(a.span).unwrap_or_default().to_string();
    let who = |a: &Annotation| a.facts.said_by.as_ref().and_then(|id| ws.actor(id)).map(|x| x.name.clone());
    let claims: Vec<&Annotation> = ws.annotations.iter().filter(|a| a.label.0 == facts::CLAIM).map(|a| &**a).collect();
    let quotes: Vec<&Annotation> = ws.annotations.iter().filter(|a| a.label.0 == facts::QUOTE).map(|a| &**a).collect();
    let reviewed = claims.iter().filter(|a| a.facts.review.as_ref().is_some_and(|r| r.verdict.is_some())).count();
    let meta = &ws.meta;
    let byline: Vec<String> = [&meta.publisher, &meta.author, &meta.date_published].into_iter().filter(|s| !s.is_empty()).cloned().collect();
    let article_ref = use_node_ref();
    html! {
        <main class="report" aria-label={tr.t("Session report")}>
            <div class="report-actions">
                <button class="primary" onclick={Callback::from(|_| print())}>{ tr.t("Print report") }</button>
                <button onclick={props.on_close.reform(|_| ())}>{ tr.t("Back to annotating") }</button>
            </div>
            <header>
                <p class="hint">{ tr.t("Fact-checking session report") }
                    if !ws.settings.organisation.is_empty() { { format!(" · {}", ws.settings.organisation) } }
                </p>
                <h1 dir="auto">{ ws.title().to_string() }</h1>
                if !byline.is_empty() { <p dir="auto">{ byline.join(" · ") }</p> }
                if !meta.url.is_empty() { <p class="url">{ meta.url.clone() }</p> }
                <p>{ match tr.0 {
                    crate::i18n::Lang::En => format!("{}, {reviewed} with a verdict; {}; {}.", count(claims.len(), "claim"), count(quotes.len(), "quote"), count(ws.actors.len(), "actor")),
                    _ => tr.f("Claims: {}, {} with a verdict; quotes: {}; actors: {}.", &[&claims.len(), &reviewed, &quotes.len(), &ws.actors.len()]),
                } }</p>
            </header>
            <section aria-labelledby="report-claims">
                <h2 id="report-claims">{ tr.t("Claims") }</h2>
                if claims.is_empty() { <p class="hint">{ tr.t("No claims labelled.") }</p> }
                <ol class="report-list">
                    { for claims.iter().map(|a| {
                        let review = a.facts.review.as_deref().cloned().unwrap_or_default();
                        let kind = review.claim_type.as_deref().and_then(|k| CLAIM_TYPES.iter().find(|(key, _)| *key == k)).map(|(_, n)| *n);
                        html! {
                            <li key={a.id.0.clone()}>
                                <blockquote dir="auto">{ quote(a) }</blockquote>
                                <dl>
                                    <dt>{ tr.t("Claimed by") }</dt><dd dir="auto">{ who(a).unwrap_or_else(|| tr.t("Not linked").into()) }</dd>
                                    <dt>{ tr.t("Verdict") }</dt><dd class="verdict">{ review.verdict.clone().unwrap_or_else(|| tr.t("Not decided").into()) }</dd>
                                    <dt>{ tr.t("Status") }</dt><dd>{ tr.t(review.status.name()) }</dd>
                                    if let Some(kind) = kind { <dt>{ tr.t("Claim type") }</dt><dd>{ tr.t(kind) }</dd> }
                                    if !review.text.is_empty() { <dt>{ tr.t("Review") }</dt><dd dir="auto" class="review-text">{ review.text.clone() }</dd> }
                                    if !review.url.is_empty() { <dt>{ tr.t("Published at") }</dt><dd class="url">{ review.url.clone() }</dd> }
                                    if !review.evidence.is_empty() {
                                        <dt>{ tr.t("Evidence") }</dt>
                                        <dd><ul>{ for review.evidence.iter().map(|e| html! {
                                            <li dir="auto">
                                                if !e.title.is_empty() { { format!("{} — ", e.title) } }
                                                <span class="url">{ e.url.clone() }</span>
                                            </li>
                                        }) }</ul></dd>
                                    }
                                    if !a.note.is_empty() { <dt>{ tr.t("Note") }</dt><dd dir="auto">{ a.note.clone() }</dd> }
                                </dl>
                            </li>
                        }
                    }) }
                </ol>
            </section>
            <section aria-labelledby="report-quotes">
                <h2 id="report-quotes">{ tr.t("Quotes") }</h2>
                if quotes.is_empty() { <p class="hint">{ tr.t("No quotes labelled.") }</p> }
                <ol class="report-list">
                    { for quotes.iter().map(|a| html! {
                        <li key={a.id.0.clone()}>
                            <blockquote dir="auto">{ quote(a) }</blockquote>
                            <dl><dt>{ tr.t("Said by") }</dt><dd dir="auto">{ who(a).unwrap_or_else(|| tr.t("Not linked").into()) }</dd></dl>
                        </li>
                    }) }
                </ol>
            </section>
            <section aria-labelledby="report-article" class="report-article">
                <h2 id="report-article">{ tr.t("The article, with its highlights") }</h2>
                <ArticleView text={text.clone()} labels={ws.labels.clone()} annotations={ws.annotations.clone()} actors={ws.actors.clone()} headings={ws.article.headings.clone()}
                    selected={None::<std::rc::Rc<crate::model::annotation::Annotation>>} flash={None::<(AnnotationId, u32)>} article_ref={article_ref} onclick={Callback::noop()} />
            </section>
        </main>
    }
}
