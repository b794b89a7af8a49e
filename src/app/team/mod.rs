//! The team library in the view: joining from an invite link, sharing this library, the members,
//! where the team's copy stands and who else is here. The sync client loads only when a team
//! library opens (`bridge::team`); the meaning of what it carries is the core's (`model::team`).

mod conflicts;
mod live;
mod share;
mod status;

pub use conflicts::Conflicts;
pub use live::{reduce, refusal};
pub use share::{MemberRow, ShareDialog};
pub use status::TeamStatusBadge;

use super::notices::{Level, Notice};
use super::provider::Latest;
use crate::bridge::storage::Store;
use crate::bridge::team::{self as client, Callbacks, EntriesChange, Options, Peer, Presence, SyncState, User};
use crate::i18n::Tr;
use crate::model::action::{Action, Session};
use crate::model::annotation::{article_id_for, Article};
use crate::model::invite::Invite;
use crate::model::keys;
use crate::model::reduce::State;
use crate::model::team::index::{articles, TeamArticle};
use crate::model::team::materialize::{article_doc_id, article_id_matches};
use crate::model::team::member::{Membership, Role, TeamStatus};
use crate::model::workspace::Workspace;
use live::Live;
use std::rc::Rc;
use yew::prelude::*;

/// What the view shows of the team library.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamView {
    pub membership: Option<Membership>,
    pub status: Option<TeamStatus>,
    /// Others with the open article open.
    pub peers: Vec<Peer>,
    pub articles: Vec<TeamArticle>,
    pub busy: bool,
    pub error: Option<String>,
    pub invite: Option<(Role, String)>,
    pub members: Vec<MemberRow>,
    /// Counts the updates received: what the documents say (a concurrent edit) can change when
    /// the workspace does not.
    pub updates: u64,
}

pub enum TeamEvent {
    Updated,
    Joined(Membership),
    Status(TeamStatus),
    Peers(Vec<Peer>),
    Articles(Vec<TeamArticle>),
    Busy,
    Failed(String),
    Invited(Role, String),
    Members(Vec<MemberRow>),
}

impl Reducible for TeamView {
    type Action = TeamEvent;
    fn reduce(self: Rc<Self>, event: TeamEvent) -> Rc<Self> {
        let mut next = (*self).clone();
        match event {
            TeamEvent::Joined(m) => {
                next.membership = Some(m);
                next.busy = false;
                next.error = None;
            }
            TeamEvent::Status(s) => next.status = Some(s),
            TeamEvent::Updated => next.updates += 1,
            TeamEvent::Peers(p) => next.peers = p,
            TeamEvent::Articles(a) => next.articles = a,
            TeamEvent::Busy => {
                next.busy = true;
                next.error = None;
            }
            TeamEvent::Failed(e) => {
                next.busy = false;
                next.error = Some(e);
            }
            TeamEvent::Invited(role, link) => {
                next.busy = false;
                next.invite = Some((role, link));
            }
            TeamEvent::Members(m) => {
                next.busy = false;
                next.members = m;
            }
        }
        Rc::new(next)
    }
}

/// The team as the view uses it: what to show and what its buttons do.
#[derive(Clone, PartialEq)]
pub struct TeamLink {
    pub view: Rc<TeamView>,
    pub share: Callback<(String, String)>,
    pub invite: Callback<(Role, String)>,
    pub revoke: Callback<String>,
    pub refresh: Callback<()>,
    /// Opens an article of the team library (by its document id).
    pub open: Callback<String>,
    /// Adds the open article to the team library.
    pub add: Callback<()>,
}

/// What connecting needs from the page.
#[derive(Clone)]
struct Page {
    store: Store,
    latest: Latest,
    state: UseReducerDispatcher<State>,
    view: UseReducerDispatcher<TeamView>,
    notify: Callback<Notice>,
    tr: Tr,
}

/// A colour per member, the same in every browser (for presence outlines).
pub fn colour_of(member: &str) -> String {
    const PALETTE: [&str; 8] = ["#c2410c", "#0e7490", "#7c3aed", "#15803d", "#b91c1c", "#1d4ed8", "#a16207", "#be185d"];
    let sum = member.bytes().fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize));
    PALETTE[sum % PALETTE.len()].to_string()
}

fn membership_of(invite: &Invite, title: &str) -> Result<Membership, String> {
    let claims = invite.claims().map_err(|e| e.to_string())?;
    let role = Role::from_code(&claims.role).ok_or_else(|| format!("the invite's role \"{}\" is not one Annota knows", claims.role))?;
    Ok(Membership {
        server: invite.server.clone(),
        token: invite.token.clone(),
        library: claims.lib,
        member: claims.mem,
        role,
        name: claims.name,
        title: title.to_string(),
        article: None,
    })
}

fn stored(store: &Store) -> Option<Membership> {
    store.get(keys::TEAM).and_then(|raw| serde_json::from_str(&raw).ok())
}

fn keep(store: &Store, m: &Membership) {
    if let Ok(json) = serde_json::to_string(m) {
        let _ = store.set(keys::TEAM, &json);
    }
}

fn status_of(s: &client::Status) -> TeamStatus {
    let pending = s.pending as usize;
    match s.state {
        SyncState::Synced => TeamStatus::Saved,
        SyncState::Pending => TeamStatus::Sending(pending.max(1)),
        SyncState::Offline => TeamStatus::Offline(pending),
        SyncState::Connecting => TeamStatus::Connecting,
        SyncState::Refused => TeamStatus::Refused(s.reason.clone().unwrap_or_else(|| "no reason given".into())),
    }
}

/// The Annota id of a team article, from its document id (the hash part).
fn annota_id(doc_id: &str) -> String {
    format!("urn:annota:article:{doc_id}")
}

/// Tells the others on the open article who this is and what they have selected.
fn announce(selected: Option<String>) {
    live::with(|l| {
        if let Some((_, doc)) = &l.open {
            let user = User { member: l.membership.member.clone(), name: l.membership.name.clone(), color: colour_of(&l.membership.member) };
            let _ = l.client.set_presence(doc, &Presence { user, selected });
        }
    });
}

/// Makes the team article `id` (document id `doc_id`) the open one and remembers it in the
/// membership: the client and the document's name, to open it with.
fn switch_to(page: &Page, id: String, doc_id: &str) -> Option<(client::Team, String)> {
    let (client, doc, m) = live::with(|l| {
        let doc = l.membership.article_doc(doc_id);
        l.switch(id.clone(), doc.clone());
        l.membership.article = Some(id);
        (l.client.clone(), doc, l.membership.clone())
    })?;
    keep(&page.store, &m);
    Some((client, doc))
}

/// Opens an article of the team library in this page (its text and entries follow).
fn open_article(page: &Page, doc_id: &str) {
    let Some((client, doc)) = switch_to(page, annota_id(doc_id), doc_id) else { return };
    let known = live::with(|l| l.texts.get(&doc).cloned()).flatten();
    let page = page.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = client.open_doc(&doc).await;
        // Opened before in this page: its text will not come again.
        if let Some((text, hash)) = known {
            on_text(&page, doc, text, hash);
        }
    });
}

fn on_entries(page: &Page, change: EntriesChange) {
    if !change.from_remote {
        return; // this page's own write, already taken in
    }
    let index = live::with(|l| l.membership.index_doc()).unwrap_or_default();
    let doc = change.doc.clone();
    page.state.dispatch(Action::Session(Session::Received { doc: change.doc, added: change.added, removed: change.removed }));
    page.view.dispatch(TeamEvent::Updated);
    if doc == index {
        let (listed, open) = live::with(|l| (articles(&l.index), l.open.is_some())).unwrap_or_default();
        if !open {
            if let Some(first) = listed.first() {
                open_article(page, &first.doc_id);
            }
        }
        page.view.dispatch(TeamEvent::Articles(listed));
    }
}

fn on_text(page: &Page, doc: String, text: String, hash: String) {
    live::with(|l| l.texts.insert(doc.clone(), (text.clone(), hash.clone())));
    let Some((open, title)) = live::with(|l| {
        let open = l.open.clone();
        let doc_id = open.as_ref().and_then(|(id, _)| article_doc_id(id)).unwrap_or_default();
        let title = articles(&l.index).into_iter().find(|a| a.doc_id == doc_id).map(|a| a.title).unwrap_or_default();
        (open, title)
    }) else {
        return;
    };
    let Some((id, open_doc)) = open else { return };
    if open_doc != doc {
        return;
    }
    let doc_id = article_doc_id(&id).unwrap_or_default();
    if !article_id_matches(&text, &hash, &doc_id) {
        page.notify.emit(Notice::new(Level::Error, page.tr.t("The team's copy of this article does not match its text, so it was not opened.")));
        return;
    }
    if page.latest.now().workspace.article.id != id {
        let labels = page.latest.now().workspace.labels.to_vec();
        let ws = Workspace::new(Article::new(title, text), labels, vec![]);
        page.state.dispatch(Action::Session(Session::Restore(Box::new(ws))));
    }
    // Show what the article's document holds, and say who is here.
    page.state.dispatch(Action::Session(Session::Received { doc, added: vec![], removed: vec![] }));
    announce(page.latest.now().selected.as_ref().map(|id| id.0.clone()));
}

/// Puts the open article (the session's open one) on the server: its text, every object, its line
/// in the library's list.
fn put_open_article(state: &State) {
    let a = &state.workspace.article;
    let Some(doc_id) = article_doc_id(&article_id_for(a.text.as_str())) else { return };
    live::with(|l| {
        let doc = l.membership.article_doc(&doc_id);
        let _ = l.client.put_text(&doc, a.text.as_str(), &article_id_for(a.text.as_str()));
        l.upload(state);
        l.list(&TeamArticle { doc_id: doc_id.clone(), title: state.workspace.title().to_string(), chars: a.text.char_len() as u64 });
    });
}

/// Adds the open (local) article to the team library and makes it the team article of this page.
fn add_open_article(page: &Page) {
    let state = page.latest.now();
    let a = &state.workspace.article;
    let Some(doc_id) = article_doc_id(&article_id_for(a.text.as_str())) else { return };
    let Some((client, doc)) = switch_to(page, a.id.clone(), &doc_id) else { return };
    let page = page.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = client.open_doc(&doc).await;
        put_open_article(&page.latest.now());
        let listed = live::with(|l| articles(&l.index)).unwrap_or_default();
        page.view.dispatch(TeamEvent::Articles(listed));
        page.state.dispatch(Action::Session(Session::Received { doc, added: vec![], removed: vec![] }));
    });
}

/// Connects this page to a team library; `upload` shares the open article into it first.
async fn connect(page: Page, m: Membership, upload: bool) -> Result<(), String> {
    let mut docs = vec![m.index_doc(), m.config_doc()];
    let article = if upload { Some(page.latest.now().workspace.article.clone()) } else { None };
    let open = match &article {
        Some(a) => article_doc_id(&article_id_for(a.text.as_str())),
        None => m.article.as_deref().and_then(article_doc_id),
    };
    if let Some(doc_id) = &open {
        docs.push(m.article_doc(doc_id));
    }
    let callbacks = Callbacks {
        on_entries: Box::new({
            let page = page.clone();
            move |c| on_entries(&page, c)
        }),
        on_text: Box::new({
            let page = page.clone();
            move |doc, text, hash| on_text(&page, doc, text, hash)
        }),
        on_status: Box::new({
            let view = page.view.clone();
            move |s| view.dispatch(TeamEvent::Status(status_of(&s)))
        }),
        on_presence: Box::new({
            let view = page.view.clone();
            let me = m.member.clone();
            move |_doc, peers: Vec<Peer>| view.dispatch(TeamEvent::Peers(peers.into_iter().filter(|p| p.user.member != me).collect()))
        }),
    };
    let options = Options { server: m.server.clone(), token: m.token.clone(), member: m.member.clone(), docs };
    let team = client::open(options, callbacks).await.map_err(|e| e.to_string())?;
    live::install(Live::new(m.clone(), team));
    let mut m = m;
    if let Some(doc_id) = &open {
        let doc = m.article_doc(doc_id);
        let id = article.as_ref().map(|a| a.id.clone()).unwrap_or_else(|| annota_id(doc_id));
        live::with(|l| l.open = Some((id.clone(), doc.clone())));
        m.article = Some(id);
    }
    if article.is_some() {
        put_open_article(&page.latest.now());
        page.view.dispatch(TeamEvent::Articles(live::with(|l| articles(&l.index)).unwrap_or_default()));
    }
    live::with(|l| l.membership = m.clone());
    keep(&page.store, &m);
    page.view.dispatch(TeamEvent::Joined(m));
    announce(page.latest.now().selected.as_ref().map(|id| id.0.clone()));
    Ok(())
}

fn start(page: Page, m: Membership, upload: bool) {
    page.view.dispatch(TeamEvent::Busy);
    wasm_bindgen_futures::spawn_local(async move {
        let (view, notify, tr) = (page.view.clone(), page.notify.clone(), page.tr);
        if let Err(e) = connect(page, m, upload).await {
            notify.emit(Notice::new(Level::Error, tr.f("The team library could not be opened: {}.", &[&e])));
            view.dispatch(TeamEvent::Failed(e));
        }
    });
}

#[derive(serde::Deserialize)]
struct Created {
    library: String,
    token: String,
}

#[derive(serde::Deserialize)]
struct Invited {
    token: String,
}

#[derive(serde::Deserialize)]
struct Listed {
    member: String,
    role: String,
    #[serde(default)]
    name: String,
    /// When the member was revoked (unix seconds), or null.
    #[serde(default)]
    revoked: Option<u64>,
}

async fn call(m: &Membership, method: &str, path: &str, body: Option<serde_json::Value>) -> Result<String, String> {
    client::api(&m.http_base(), method, path, Some(&m.token), body.map(|b| b.to_string())).await.map_err(|e| e.to_string())
}

async fn members(m: &Membership) -> Result<Vec<MemberRow>, String> {
    let raw = call(m, "GET", &format!("/api/libraries/{}/members", m.library), None).await?;
    let listed: Vec<Listed> = serde_json::from_str(&raw).map_err(|e| e.to_string())?;
    Ok(listed
        .into_iter()
        .filter_map(|l| Some(MemberRow { member: l.member, name: l.name, role: Role::from_code(&l.role)?, revoked: l.revoked.is_some() }))
        .collect())
}

/// The page's link for an invite: this app's address with the invite in the fragment.
fn link_for(server: &str, token: &str) -> String {
    let here = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let base = here.split('#').next().unwrap_or_default().to_string();
    format!("{base}{}", Invite { server: server.to_string(), token: token.to_string() }.fragment())
}

/// The team library of this page: joined from an invite link in the address, or kept from before.
#[hook]
pub fn use_team(store: Store, latest: Latest, state: UseReducerDispatcher<State>, notify: Callback<Notice>, tr: Tr) -> TeamLink {
    let view = use_reducer(TeamView::default);
    let page = Page { store: store.clone(), latest: latest.clone(), state, view: view.dispatcher(), notify: notify.clone(), tr };
    {
        let page = page.clone();
        use_effect_with((), move |_| match client::take_invite() {
            Some(Ok(invite)) => match membership_of(&invite, "") {
                Ok(m) => start(page, m, false),
                Err(e) => page.notify.emit(Notice::new(Level::Error, page.tr.f("This invite link cannot be used: {}.", &[&e]))),
            },
            Some(Err(e)) => page.notify.emit(Notice::new(Level::Error, page.tr.f("This invite link cannot be used: {}.", &[&e]))),
            None => {
                if let Some(m) = stored(&page.store) {
                    start(page, m, false);
                }
            }
        });
    }
    // Presence: who this is and what they have selected, on the open article.
    let selected = latest.now().selected.clone();
    use_effect_with(selected, move |selected| announce(selected.as_ref().map(|id| id.0.clone())));
    let share = {
        let page = page.clone();
        Callback::from(move |(server, name): (String, String)| {
            let page = page.clone();
            let _ = page.store.set(keys::TEAM_SERVER, &server);
            page.view.dispatch(TeamEvent::Busy);
            wasm_bindgen_futures::spawn_local(async move {
                let base = crate::model::team::member::http_base(&server);
                let body = serde_json::json!({ "name": name }).to_string();
                let made = client::api(&base, "POST", "/api/libraries", None, Some(body)).await.map_err(|e| e.to_string());
                let m = made.and_then(|raw| serde_json::from_str::<Created>(&raw).map_err(|e| e.to_string())).and_then(|c| {
                    let mut m = membership_of(&Invite { server: server.clone(), token: c.token }, &name)?;
                    m.library = c.library;
                    Ok(m)
                });
                match m {
                    Ok(m) => start(page, m, true),
                    Err(e) => page.view.dispatch(TeamEvent::Failed(page.tr.f("The library could not be shared: {}.", &[&e]))),
                }
            });
        })
    };
    let refresh = {
        let page = page.clone();
        Callback::from(move |_| {
            let page = page.clone();
            let Some(m) = live::with(|l| l.membership.clone()) else { return };
            wasm_bindgen_futures::spawn_local(async move {
                match members(&m).await {
                    Ok(list) => page.view.dispatch(TeamEvent::Members(list)),
                    Err(e) => page.view.dispatch(TeamEvent::Failed(e)),
                }
            });
        })
    };
    let invite = {
        let (page, refresh) = (page.clone(), refresh.clone());
        Callback::from(move |(role, name): (Role, String)| {
            let (page, refresh) = (page.clone(), refresh.clone());
            let Some(m) = live::with(|l| l.membership.clone()) else { return };
            page.view.dispatch(TeamEvent::Busy);
            wasm_bindgen_futures::spawn_local(async move {
                let body = serde_json::json!({ "role": role.code(), "name": name });
                let made = call(&m, "POST", &format!("/api/libraries/{}/invites", m.library), Some(body)).await;
                match made.and_then(|raw| serde_json::from_str::<Invited>(&raw).map_err(|e| e.to_string())) {
                    Ok(i) => {
                        page.view.dispatch(TeamEvent::Invited(role, link_for(&m.server, &i.token)));
                        refresh.emit(());
                    }
                    Err(e) => page.view.dispatch(TeamEvent::Failed(e)),
                }
            });
        })
    };
    let revoke = {
        let (page, refresh) = (page.clone(), refresh.clone());
        Callback::from(move |member: String| {
            let (page, refresh) = (page.clone(), refresh.clone());
            let Some(m) = live::with(|l| l.membership.clone()) else { return };
            wasm_bindgen_futures::spawn_local(async move {
                match call(&m, "POST", &format!("/api/libraries/{}/members/{member}/revoke", m.library), None).await {
                    Ok(_) => refresh.emit(()),
                    Err(e) => page.view.dispatch(TeamEvent::Failed(e)),
                }
            });
        })
    };
    let open = {
        let page = page.clone();
        Callback::from(move |doc_id: String| open_article(&page, &doc_id))
    };
    let add = {
        let page = page.clone();
        Callback::from(move |_| add_open_article(&page))
    };
    TeamLink { view: Rc::new((*view).clone()), share, invite, revoke, refresh, open, add }
}
