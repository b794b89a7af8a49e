//! The team library's sync client (docs/team-protocol.md): `team/team.js` (yjs, the Hocuspocus
//! provider and y-indexeddb, bundled from web/team/) is imported only when a team library opens, so
//! a local-only session never loads it. This wraps its API with typed callbacks and methods; it
//! only transports and persists entries (write id → JSON string), which the core interprets. Also
//! reading an invite link's fragment and taking it out of the address bar.

use crate::model::invite::{self, Invite, InviteError};
use crate::model::team_client::{self as client, Report};
use std::fmt;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bundle, relative to the document's base URL (Trunk's pre-build hook writes it there).
pub const BUNDLE: &str = "./team/team.js";

#[wasm_bindgen(module = "/web/team/load.js")]
extern "C" {
    /// Imports the bundle (once) and calls its `openJson` with `options` (JSON): every callback
    /// comes to `report` as the JSON of `[kind, ...arguments]`. A failed import rejects with an
    /// error named `TeamLoadError`.
    #[wasm_bindgen(js_name = openTeam)]
    fn open_team(path: &str, options: &str, report: &Closure<ReportFn>) -> js_sys::Promise;
    /// Imports the bundle (once) and calls the sync server's HTTP API with it.
    #[wasm_bindgen(js_name = callTeamApi)]
    fn call_team_api(path: &str, base: &str, method: &str, route: &str, token: Option<String>, body: Option<String>) -> js_sys::Promise;
}

#[wasm_bindgen]
extern "C" {
    /// What `open` returns (web/team/team.mjs).
    type Handle;
    #[wasm_bindgen(method, catch)]
    fn write(this: &Handle, doc: &str, puts: js_sys::Array, deletes: js_sys::Array) -> Result<bool, JsValue>;
    #[wasm_bindgen(method, catch, js_name = putText)]
    fn put_text(this: &Handle, doc: &str, text: &str, hash: &str) -> Result<bool, JsValue>;
    #[wasm_bindgen(method, catch, js_name = openDoc)]
    fn open_doc(this: &Handle, doc: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(method, js_name = closeDoc)]
    fn close_doc(this: &Handle, doc: &str) -> js_sys::Promise;
    #[wasm_bindgen(method, catch, js_name = setPresence)]
    fn set_presence(this: &Handle, doc: &str, presence: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, js_name = pendingCount)]
    fn pending_count(this: &Handle) -> u32;
    #[wasm_bindgen(method)]
    fn close(this: &Handle) -> js_sys::Promise;
}

/// What goes wrong with the sync client (the network's state is a [`Status`], not an error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamError {
    /// `team/team.js` could not be loaded (offline before it was ever cached, or not built).
    Load(String),
    /// The client refused the options or a call (an unknown document, a bad server address).
    Call(String),
}

impl fmt::Display for TeamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TeamError::Load(why) => write!(f, "the team sync client could not be loaded: {why}"),
            TeamError::Call(why) => write!(f, "the team sync client refused: {why}"),
        }
    }
}

fn message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| format!("{e:?}"))
}

/// What the client reports, each as it happens.
pub struct Callbacks {
    pub on_entries: Box<dyn Fn(EntriesChange)>,
    /// An article document's text and hash (doc, text, hash), once they are there.
    pub on_text: Box<dyn Fn(String, String, String)>,
    pub on_status: Box<dyn Fn(Status)>,
    /// The others who have the document open (doc, peers).
    pub on_presence: Box<dyn Fn(String, Vec<Peer>)>,
}

pub use crate::model::team_client::{EntriesChange, Peer, Presence, Status, SyncState, User};

/// Where and as whom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// `ws://…` or `wss://…`.
    pub server: String,
    pub token: String,
    /// The member id: IndexedDB copies are kept per member and server.
    pub member: String,
    /// The documents to open at once (more with [`Team::open_doc`]).
    pub docs: Vec<String>,
}

type ReportFn = dyn FnMut(String);

struct Inner {
    handle: Handle,
    // Kept alive while the handle may call them (until it is closed).
    _report: Closure<ReportFn>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        // Closes synchronously (no callback runs after), so the closures can go; IndexedDB finishes
        // its writes on its own.
        let _ = self.handle.close();
    }
}

/// An open team library. Clones share it; it closes when the last one is dropped.
#[derive(Clone)]
pub struct Team(Rc<Inner>);

impl PartialEq for Team {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Runs the callback a report is for; an unreadable one is dropped.
fn dispatch(callbacks: &Callbacks, report: &str) {
    match client::parse_report(report) {
        Some(Report::Entries(change)) => (callbacks.on_entries)(change),
        Some(Report::Text { doc, text, hash }) => (callbacks.on_text)(doc, text, hash),
        Some(Report::Status(status)) => (callbacks.on_status)(status),
        Some(Report::Presence { doc, peers }) => (callbacks.on_presence)(doc, peers),
        None => {}
    }
}

/// Calls the sync server's HTTP API (`base` is `http(s)://host:port`): the JSON answer, or the
/// server's reason for refusing.
pub async fn api(base: &str, method: &str, path: &str, token: Option<&str>, body: Option<String>) -> Result<String, TeamError> {
    let answer = JsFuture::from(call_team_api(BUNDLE, base, method, path, token.map(str::to_string), body)).await.map_err(|e| TeamError::Call(message(&e)))?;
    answer.as_string().ok_or_else(|| TeamError::Call("no answer".into()))
}

/// Loads the sync client (once per page) and opens the library: each document loads from
/// IndexedDB, then syncs. Fails only if the bundle cannot be loaded or refuses the options.
pub async fn open(options: Options, callbacks: Callbacks) -> Result<Team, TeamError> {
    let report = Closure::<ReportFn>::new(move |report: String| {
        dispatch(&callbacks, &report);
    });
    let json = serde_json::json!({
        "server": options.server,
        "token": options.token,
        "member": options.member,
        "docs": options.docs,
    })
    .to_string();
    let handle = JsFuture::from(open_team(BUNDLE, &json, &report)).await.map_err(|e| {
        // load.js names a failed import; anything else was thrown by open() itself.
        let loading = e.dyn_ref::<js_sys::Error>().is_some_and(|e| e.name() == "TeamLoadError");
        if loading {
            TeamError::Load(message(&e))
        } else {
            TeamError::Call(message(&e))
        }
    })?;
    Ok(Team(Rc::new(Inner { handle: handle.unchecked_into(), _report: report })))
}

impl Team {
    /// Writes `puts` (write id, JSON string; an id already there is left as it is) and deletes
    /// `deletes`, in one transaction. Whether anything changed.
    pub fn write(&self, doc: &str, puts: &[(String, String)], deletes: &[String]) -> Result<bool, TeamError> {
        let puts: js_sys::Array = puts.iter().map(|(k, v)| JsValue::from(js_sys::Array::of2(&k.into(), &v.into()))).collect();
        let deletes: js_sys::Array = deletes.iter().map(|k| JsValue::from_str(k)).collect();
        self.0.handle.write(doc, puts, deletes).map_err(|e| TeamError::Call(message(&e)))
    }

    /// Writes an article document's text and hash, if it has none yet; whether it did.
    pub fn put_text(&self, doc: &str, text: &str, hash: &str) -> Result<bool, TeamError> {
        self.0.handle.put_text(doc, text, hash).map_err(|e| TeamError::Call(message(&e)))
    }

    /// Opens a document (an article as it is opened); resolves once it is loaded from IndexedDB.
    pub async fn open_doc(&self, doc: &str) -> Result<(), TeamError> {
        let loaded = self.0.handle.open_doc(doc).map_err(|e| TeamError::Call(message(&e)))?;
        JsFuture::from(loaded).await.map(drop).map_err(|e| TeamError::Call(message(&e)))
    }

    /// Stops syncing a document; its local copy stays.
    pub async fn close_doc(&self, doc: &str) {
        let _ = JsFuture::from(self.0.handle.close_doc(doc)).await;
    }

    pub fn set_presence(&self, doc: &str, presence: &Presence) -> Result<(), TeamError> {
        let value = js_sys::JSON::parse(&client::presence_json(presence)).map_err(|e| TeamError::Call(message(&e)))?;
        self.0.handle.set_presence(doc, &value).map_err(|e| TeamError::Call(message(&e)))
    }

    /// Writes not yet confirmed by the server, over every open document.
    pub fn pending_count(&self) -> u32 {
        self.0.handle.pending_count()
    }

    /// Closes every document and the connection, and waits for IndexedDB to take the last writes.
    /// Other clones of this team stop working too.
    pub async fn close(&self) {
        let _ = JsFuture::from(self.0.handle.close()).await;
    }
}

/// The invite in the address bar's fragment, if there is one. Once read (even when it cannot be
/// read), it is taken out of the address bar, so the token is not left in the history, a
/// bookmark or a screenshot; other fragment parameters stay.
pub fn take_invite() -> Option<Result<Invite, InviteError>> {
    let window = web_sys::window()?;
    let location = window.location();
    let fragment = location.hash().ok()?;
    let found = invite::from_fragment(&fragment)?;
    let path = format!("{}{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default(), invite::fragment_without(&fragment));
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
    Some(found)
}
