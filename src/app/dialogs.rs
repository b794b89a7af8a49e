//! The dialogs over the page that edit the workspace: article details, fact-check settings, the
//! library and the label editor. One is open at a time.

use super::details::{ArticleDetails, SettingsDialog};
use super::label_editor::LabelEditor;
use super::library::{LibraryDialog, Shelf};
use super::provider::use_workspace;
use crate::model::action::{Action, Edit};
use yew::prelude::*;

/// Which dialog is open over the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    ArticleDetails,
    Settings,
    Library,
    Labels,
    Share,
    Agreement,
}

#[derive(Properties, PartialEq)]
pub struct DialogsProps {
    pub open: Option<Dialog>,
    pub on_close: Callback<()>,
}

#[component]
pub fn Dialogs(props: &DialogsProps) -> Html {
    let ctx = use_workspace();
    let ws = &ctx.state.workspace;
    let close = props.on_close.clone();
    let on_action = ctx.on_action.clone();
    let shelf = &ctx.shelf;
    match props.open {
        None => Html::default(),
        Some(Dialog::ArticleDetails) => html! {
            <ArticleDetails meta={(*ws.meta).clone()} original_title={AttrValue::from(ws.article.title.clone())}
                on_change={on_action.reform(|m| Action::Edit(Edit::SetMeta(m)))} on_close={close} />
        },
        Some(Dialog::Library) => html! {
            <LibraryDialog entries={Shelf::entries(&shelf.shown, ws)} current={ws.article.id.clone()} usage={ctx.store.usage()}
                texts={{ let s = shelf.clone(); Callback::from(move |_| s.texts()) }}
                on_open={{ let (s, close) = (shelf.clone(), close.clone()); Callback::from(move |id: String| { s.open(&id); close.emit(()) }) }}
                on_rename={{ let s = shelf.clone(); Callback::from(move |(id, title): (String, String)| s.rename(&id, title)) }}
                on_delete={{ let s = shelf.clone(); Callback::from(move |id: String| s.delete(&id)) }}
                on_download={{ let s = shelf.clone(); Callback::from(move |_| s.download()) }}
                on_restore={{ let s = shelf.clone(); Callback::from(move |f| s.restore(f)) }}
                on_close={close} />
        },
        Some(Dialog::Settings) => html! {
            <SettingsDialog settings={(*ws.settings).clone()} on_close={close.clone()}
                on_save={Callback::from(move |s| { on_action.emit(Action::Edit(Edit::SetSettings(s))); close.emit(()) })} />
        },
        Some(Dialog::Share) => {
            let team = &ctx.team;
            let v = &team.view;
            let server = ctx.store.get(crate::model::keys::TEAM_SERVER).unwrap_or_else(|| "ws://127.0.0.1:1234".into());
            html! {
                <super::team::ShareDialog membership={v.membership.clone()} server={server} title={ws.title().to_string()} busy={v.busy}
                    error={v.error.clone().map(AttrValue::from)} invite={v.invite.clone().map(|(r, l)| (r, AttrValue::from(l)))} members={v.members.clone()}
                    on_share={team.share.clone()} on_invite={team.invite.clone()} on_revoke={team.revoke.clone()} on_refresh={team.refresh.clone()}
                    articles={v.articles.clone()} current={crate::model::team::materialize::article_doc_id(&crate::model::annotation::article_id_for(ws.article.text.as_str()))}
                    on_open={team.open.clone()} on_add={team.add.clone()} on_close={close} />
            }
        }
        Some(Dialog::Agreement) => html! { <super::layers::compare::AgreementDialog on_close={close} /> },
        Some(Dialog::Labels) => html! {
            <LabelEditor labels={ws.labels.clone()} annotations={ws.annotations.clone()} orphans={ws.orphans.clone()}
                {on_action} on_close={close} />
        },
    }
}
