//! The Share library dialog: turn this library into a team library on a sync server, then (as its
//! owner) make invite links per role, list the members and revoke them.

use super::super::i18n::use_tr;
use crate::model::team::index::TeamArticle;
use crate::model::team::member::{Membership, Role};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// One member as the server lists them.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberRow {
    pub member: String,
    pub name: String,
    pub role: Role,
    pub revoked: bool,
}

/// What the dialog shows and asks for; the team hook does the talking to the server.
#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// This browser's membership once the library is shared (or joined).
    pub membership: Option<Membership>,
    /// The server address to offer when sharing.
    pub server: AttrValue,
    pub title: AttrValue,
    /// A request to the server is under way.
    pub busy: bool,
    pub error: Option<AttrValue>,
    /// The link made last, with its role.
    pub invite: Option<(Role, AttrValue)>,
    pub members: Vec<MemberRow>,
    /// Server address and library name.
    pub on_share: Callback<(String, String)>,
    /// Role and the invitee's name.
    pub on_invite: Callback<(Role, String)>,
    pub on_revoke: Callback<String>,
    pub on_refresh: Callback<()>,
    /// The team library's articles, and the document id of the one open here.
    pub articles: Vec<TeamArticle>,
    pub current: Option<String>,
    pub on_open: Callback<String>,
    pub on_add: Callback<()>,
    pub on_close: Callback<()>,
}

#[component]
pub fn ShareDialog(props: &ShareProps) -> Html {
    let tr = use_tr();
    let (server_ref, name_ref, role_ref, invitee_ref) = (use_node_ref(), use_node_ref(), use_node_ref(), use_node_ref());
    let value = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
    let on_share = {
        let (server_ref, name_ref, cb) = (server_ref.clone(), name_ref.clone(), props.on_share.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit((value(&server_ref).trim().to_string(), value(&name_ref).trim().to_string()));
        })
    };
    let on_invite = {
        let (role_ref, invitee_ref, cb) = (role_ref.clone(), invitee_ref.clone(), props.on_invite.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let role = role_ref.cast::<HtmlSelectElement>().and_then(|s| Role::from_code(&s.value())).unwrap_or(Role::Annotator);
            cb.emit((role, value(&invitee_ref).trim().to_string()));
        })
    };
    let body = match &props.membership {
        None => html! {
            <form class="dialog-form" onsubmit={on_share}>
                <p class="hint">{ tr.t("A team library lives on a sync server: everyone invited sees every change within a second, and works on offline. Nothing is shared until you press Share.") }</p>
                <label class="field wide">{ tr.t("Sync server") }
                    <input ref={server_ref} aria-label={tr.t("Sync server")} value={props.server.clone()} dir="ltr" spellcheck="false" />
                </label>
                <label class="field wide">{ tr.t("Library name") }
                    <input ref={name_ref} aria-label={tr.t("Library name")} value={props.title.clone()} dir="auto" />
                </label>
                <div class="dialog-actions">
                    <button type="button" onclick={props.on_close.reform(|_| ())}>{ tr.t("Cancel") }</button>
                    <button type="submit" class="primary" disabled={props.busy}>{ tr.t("Share") }</button>
                </div>
            </form>
        },
        Some(m) => html! {
            <div class="dialog-form">
                <p>{ tr.f("Team library \"{}\" on {}. You are: {}.", &[&m.title, &m.server, &tr.t(m.role.name())]) }</p>
                <h3>{ tr.t("Articles") }</h3>
                <ul class="members team-articles">
                    { for props.articles.iter().map(|a| {
                        let here = props.current.as_deref() == Some(a.doc_id.as_str());
                        let (id, open, close) = (a.doc_id.clone(), props.on_open.clone(), props.on_close.clone());
                        html! {
                            <li>
                                <span dir="auto">{ a.title.clone() }</span>
                                if here {
                                    { " · " }{ tr.t("open here") }
                                } else {
                                    <button type="button" aria-label={tr.f("Open {}", &[&a.title])}
                                        onclick={Callback::from(move |_| { open.emit(id.clone()); close.emit(()) })}>{ tr.t("Open") }</button>
                                }
                            </li>
                        }
                    }) }
                </ul>
                if m.role.edits_library() && !props.articles.iter().any(|a| props.current.as_deref() == Some(a.doc_id.as_str())) {
                    <button type="button" onclick={props.on_add.reform(|_| ())}>{ tr.t("Add this article to the team library") }</button>
                }
                if m.role.manages_members() {
                    <form class="invite" onsubmit={on_invite}>
                        <h3>{ tr.t("Invite") }</h3>
                        <label class="field">{ tr.t("Role") }
                            <select ref={role_ref} aria-label={tr.t("Role")}>
                                { for Role::ALL.into_iter().map(|r| html! { <option value={r.code()} selected={r == Role::Annotator}>{ tr.t(r.name()) }</option> }) }
                            </select>
                        </label>
                        <label class="field">{ tr.t("Their name") }
                            <input ref={invitee_ref} aria-label={tr.t("Their name")} dir="auto" />
                        </label>
                        <button type="submit" disabled={props.busy}>{ tr.t("Make invite link") }</button>
                    </form>
                    if let Some((role, link)) = &props.invite {
                        <label class="field wide">{ tr.f("Invite link ({})", &[&tr.t(role.name())]) }
                            <input readonly=true aria-label={tr.t("Invite link")} value={link.clone()} dir="ltr"
                                onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select())} />
                        </label>
                        <p class="hint">{ tr.t("Send it privately: whoever opens it joins with this role, until you revoke it.") }</p>
                    }
                    <h3>{ tr.t("Members") }</h3>
                    <ul class="members">
                        { for props.members.iter().map(|row| member_row(tr, row, &props.on_revoke)) }
                    </ul>
                    <button type="button" onclick={props.on_refresh.reform(|_| ())}>{ tr.t("Refresh the list") }</button>
                }
                <div class="dialog-actions">
                    <button type="button" class="primary" onclick={props.on_close.reform(|_| ())}>{ tr.t("Done") }</button>
                </div>
            </div>
        },
    };
    html! {
        <div class="dialog-backdrop">
            <super::super::dialog_focus::FocusTrap on_close={props.on_close.clone()}>
            <div class="dialog share" role="dialog" aria-modal="true" aria-labelledby="share-title">
                <h2 id="share-title">{ tr.t("Share library") }</h2>
                if let Some(e) = &props.error {
                    <p class="form-error" role="alert">{ e.clone() }</p>
                }
                { body }
            </div>
            </super::super::dialog_focus::FocusTrap>
        </div>
    }
}

fn member_row(tr: crate::i18n::Tr, row: &MemberRow, on_revoke: &Callback<String>) -> Html {
    let id = row.member.clone();
    let name = if row.name.is_empty() { row.member.clone() } else { row.name.clone() };
    html! {
        <li class={classes!(row.revoked.then_some("revoked"))}>
            <span dir="auto">{ name.clone() }</span>{ " · " }{ tr.t(row.role.name()) }
            if row.revoked {
                { " · " }{ tr.t("revoked") }
            } else if row.role != Role::Owner {
                <button type="button" aria-label={tr.f("Revoke {}", &[&name])} onclick={on_revoke.reform(move |_| id.clone())}>{ tr.t("Revoke") }</button>
            }
        </li>
    }
}
