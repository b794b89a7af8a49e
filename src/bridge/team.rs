//! The team library's sync client (docs/team-protocol.md): `team/team.js` (yjs, the Hocuspocus
//! provider and y-indexeddb, bundled from web/team/) is imported only when a team library opens, so
//! a local-only session never loads it. This wraps its API with typed callbacks and methods; it
//! only transports and persists entries (write id → JSON string), which the core interprets. Also
//! reading an invite link's fragment and taking it out of the address bar.

use crate::model::invite::{self, Invite, InviteError};
use serde_json::Value;
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

/// Where the documents stand, over every open one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncState {
    /// Every local change is on the server.
    Synced,
    /// Connected; changes are on their way (or the first sync is not done).
    Pending,
    /// No connection: changes wait in IndexedDB.
    Offline,
    /// Connecting for the first time since the library opened.
    Connecting,
    /// The server refused the token (`reason` says why); local data is kept.
    Refused,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub state: SyncState,
    /// Writes not yet confirmed by the server (kept across reloads).
    pub pending: u32,
    pub reason: Option<String>,
    /// The server opened the documents read-only (a viewer): writes stay pending, never applied.
    pub read_only: bool,
}

/// Who a presence is (the awareness state's `user`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub member: String,
    pub name: String,
    pub color: String,
}

/// This client's presence on a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presence {
    pub user: User,
    /// The annotation id selected, if any.
    pub selected: Option<String>,
}

/// Someone else with the document open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Peer {
    pub client_id: u64,
    pub user: User,
    pub selected: Option<String>,
}

/// Entries added to and removed from one document's `entries` map, in one transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntriesChange {
    pub doc: String,
    /// Write id and its JSON string.
    pub added: Vec<(String, String)>,
    pub removed: Vec<String>,
    /// Not written by this client's [`Team::write`] (a teammate's, or this profile's own loaded
    /// from IndexedDB): it must not enter the local undo history.
    pub from_remote: bool,
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

// Callbacks arrive as JSON, read through `serde_json::Value`, which the app parses anyway: typed
// serde parsers of their own would grow the first load's wasm.
fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key)?.as_str().map(str::to_string)
}

fn status_of(value: &Value) -> Option<Status> {
    let state = match value.get("state")?.as_str()? {
        "synced" => SyncState::Synced,
        "pending" => SyncState::Pending,
        "offline" => SyncState::Offline,
        "connecting" => SyncState::Connecting,
        "refused" => SyncState::Refused,
        _ => return None,
    };
    let pending = value.get("pending").and_then(Value::as_u64).unwrap_or(0) as u32;
    let read_only = value.get("readOnly").and_then(Value::as_bool).unwrap_or(false);
    Some(Status { state, pending, reason: text(value, "reason"), read_only })
}

fn peer_of(value: &Value) -> Option<Peer> {
    let user = value.get("user")?;
    let user = User { member: text(user, "member")?, name: text(user, "name")?, color: text(user, "color").unwrap_or_default() };
    Some(Peer { client_id: value.get("clientId")?.as_u64()?, user, selected: text(value, "selected") })
}

fn strings(value: &Value) -> Vec<String> {
    value.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

/// Runs the callback a report (`[kind, doc, ...]`) is for; an unreadable one is dropped.
fn dispatch(callbacks: &Callbacks, report: &str) -> Option<()> {
    let value: Value = serde_json::from_str(report).ok()?;
    let kind = value.get(0)?.as_str()?;
    let doc = || text_at(&value, 1);
    match kind {
        "entries" => {
            let pair = |p: &Value| Some((p.get(0)?.as_str()?.to_string(), p.get(1)?.as_str()?.to_string()));
            let added = value.get(2)?.as_array()?.iter().filter_map(pair).collect();
            let from_remote = value.get(4)?.as_bool()?;
            (callbacks.on_entries)(EntriesChange { doc: doc()?, added, removed: strings(value.get(3)?), from_remote });
        }
        "text" => (callbacks.on_text)(doc()?, text_at(&value, 2)?, text_at(&value, 3)?),
        "status" => (callbacks.on_status)(status_of(value.get(1)?)?),
        // A peer whose state is not Annota's (another app on the server) is left out.
        "presence" => (callbacks.on_presence)(doc()?, value.get(2)?.as_array()?.iter().filter_map(peer_of).collect()),
        _ => return None,
    }
    Some(())
}

fn text_at(value: &Value, at: usize) -> Option<String> {
    value.get(at)?.as_str().map(str::to_string)
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
        let user = &presence.user;
        let json = serde_json::json!({
            "user": {"member": user.member, "name": user.name, "color": user.color},
            "selected": presence.selected,
        })
        .to_string();
        let value = js_sys::JSON::parse(&json).map_err(|e| TeamError::Call(message(&e)))?;
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
