//! The team library's sync client (docs/team-protocol.md): `team/team.js` (yjs, the Hocuspocus
//! provider and y-indexeddb, bundled from web/team/) is imported only when a team library opens, so
//! a local-only session never loads it. This wraps its API with typed callbacks and methods; it
//! only transports and persists entries (write id → JSON string), which the core interprets. Also
//! reading an invite link's fragment and taking it out of the address bar.

use crate::model::invite::{self, Invite, InviteError};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bundle, relative to the document's base URL (Trunk's pre-build hook writes it there).
pub const BUNDLE: &str = "./team/team.js";

#[wasm_bindgen(module = "/web/team/load.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadTeam)]
    fn load_team(path: &str) -> js_sys::Promise;
}

#[wasm_bindgen]
extern "C" {
    /// The bundle's module namespace.
    type Module;
    #[wasm_bindgen(method, catch)]
    fn open(this: &Module, options: &js_sys::Object) -> Result<Handle, JsValue>;
    #[wasm_bindgen(method)]
    fn api(this: &Module, base: &str, method: &str, path: &str, token: Option<String>, body: Option<String>) -> js_sys::Promise;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
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

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Status {
    pub state: SyncState,
    /// Writes not yet confirmed by the server (kept across reloads).
    pub pending: u32,
    pub reason: Option<String>,
    /// The server opened the documents read-only (a viewer): writes stay pending, never applied.
    #[serde(rename = "readOnly", default)]
    pub read_only: bool,
}

/// Who a presence is (the awareness state's `user`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub member: String,
    pub name: String,
    pub color: String,
}

/// This client's presence on a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Presence {
    pub user: User,
    /// The annotation id selected, if any.
    pub selected: Option<String>,
}

/// Someone else with the document open.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Peer {
    #[serde(rename = "clientId")]
    pub client_id: u64,
    pub user: User,
    #[serde(default)]
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

type EntriesFn = dyn FnMut(String, js_sys::Array, js_sys::Array, bool);
type TextFn = dyn FnMut(String, String, String);
type JsonFn = dyn FnMut(JsValue);
type PresenceFn = dyn FnMut(String, JsValue);

struct Inner {
    handle: Handle,
    // Kept alive while the handle may call them (until it is closed).
    _closures: (Closure<EntriesFn>, Closure<TextFn>, Closure<JsonFn>, Closure<PresenceFn>),
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

/// Parses a JSON-shaped JS value into `T` (through JSON.stringify, as serde is there anyway).
fn from_js<T: for<'de> Deserialize<'de>>(value: &JsValue) -> Option<T> {
    let json = js_sys::JSON::stringify(value).ok()?.as_string()?;
    serde_json::from_str(&json).ok()
}

fn strings(array: &js_sys::Array) -> Vec<String> {
    array.iter().filter_map(|v| v.as_string()).collect()
}

fn set(target: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

/// Calls the sync server's HTTP API (`base` is `http(s)://host:port`): the JSON answer, or the
/// server's reason for refusing.
pub async fn api(base: &str, method: &str, path: &str, token: Option<&str>, body: Option<String>) -> Result<String, TeamError> {
    let module = JsFuture::from(load_team(BUNDLE)).await.map_err(|e| TeamError::Load(message(&e)))?;
    let module: Module = module.unchecked_into();
    let answer = JsFuture::from(module.api(base, method, path, token.map(str::to_string), body)).await.map_err(|e| TeamError::Call(message(&e)))?;
    answer.as_string().ok_or_else(|| TeamError::Call("no answer".into()))
}

/// Loads the sync client (once per page) and opens the library: each document loads from
/// IndexedDB, then syncs. Fails only if the bundle cannot be loaded or refuses the options.
pub async fn open(options: Options, callbacks: Callbacks) -> Result<Team, TeamError> {
    let module = JsFuture::from(load_team(BUNDLE)).await.map_err(|e| TeamError::Load(message(&e)))?;
    let module: Module = module.unchecked_into();
    let Callbacks { on_entries, on_text, on_status, on_presence } = callbacks;
    let entries = Closure::<EntriesFn>::new(move |doc, added: js_sys::Array, removed: js_sys::Array, from_remote| {
        let added = added
            .iter()
            .filter_map(|pair| {
                let pair: js_sys::Array = pair.dyn_into().ok()?;
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })
            .collect();
        on_entries(EntriesChange { doc, added, removed: strings(&removed), from_remote });
    });
    let text = Closure::<TextFn>::new(on_text);
    let status = Closure::<JsonFn>::new(move |value: JsValue| {
        if let Some(status) = from_js::<Status>(&value) {
            on_status(status);
        }
    });
    let presence = Closure::<PresenceFn>::new(move |doc, peers: JsValue| {
        // A peer whose state is not Annota's (another app on the server) is left out.
        let peers: Vec<Peer> = js_sys::Array::from(&peers).iter().filter_map(|p| from_js(&p)).collect();
        on_presence(doc, peers);
    });
    let object = js_sys::Object::new();
    set(&object, "server", &JsValue::from_str(&options.server));
    set(&object, "token", &JsValue::from_str(&options.token));
    set(&object, "member", &JsValue::from_str(&options.member));
    let docs: js_sys::Array = options.docs.iter().map(|d| JsValue::from_str(d)).collect();
    set(&object, "docs", &docs);
    set(&object, "onEntries", entries.as_ref());
    set(&object, "onText", text.as_ref());
    set(&object, "onStatus", status.as_ref());
    set(&object, "onPresence", presence.as_ref());
    let handle = module.open(&object).map_err(|e| TeamError::Call(message(&e)))?;
    Ok(Team(Rc::new(Inner { handle, _closures: (entries, text, status, presence) })))
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
        let json = serde_json::to_string(presence).expect("strings serialise");
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
