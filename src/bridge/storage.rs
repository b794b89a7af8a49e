//! Local storage with every failure reported: unavailable, full, or holding what we cannot read.

use crate::model::keys::{self, ANNOTATIONS, ARTICLE, LIBRARY};
use crate::model::labels::LabelRepair;
use crate::model::library::{Entry, Library};
use crate::model::persist::{self, Decoded, Unreadable};
use crate::model::workspace::Workspace;
use wasm_bindgen::JsCast;

pub use crate::model::persist::{ParkedError, WriteError};

#[derive(Clone)]
pub struct Store {
    storage: Option<web_sys::Storage>,
    /// Keys whose unreadable values could not be copied aside: shared by every copy of the store.
    untouchable: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        self.storage.is_some() == other.storage.is_some()
    }
}

/// What start-up found in storage.
pub struct Boot {
    pub store: Store,
    pub decoded: Decoded,
    /// Unreadable values and the backup key each was copied to (or why it could not be).
    pub kept: Vec<(Unreadable, Result<String, WriteError>)>,
    /// The library index, rebuilt from the parked articles if it could not be read (see `kept`).
    pub library: Library,
}

impl Store {
    /// Local storage, if the browser gives it (it can throw in private modes or when disabled).
    pub fn open() -> Store {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        // Some browsers give a storage object whose writes always fail: probe once.
        let storage = storage.filter(|s| {
            let probe = keys::PROBE;
            let ok = s.set_item(probe, "1").is_ok();
            let _ = s.remove_item(probe);
            ok || s.length().is_ok_and(|n| n > 0)
        });
        Store { storage, untouchable: Default::default() }
    }

    pub fn is_available(&self) -> bool {
        self.storage.is_some()
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        let storage = self.storage.as_ref().ok_or(WriteError::Unavailable)?;
        self.touchable(key)?;
        storage.set_item(key, value).map_err(|e| {
            let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_else(|| "error".into());
            WriteError::Full(name)
        })
    }

    fn touchable(&self, key: &str) -> Result<(), WriteError> {
        if self.untouchable.borrow().iter().any(|k| k == key) {
            Err(WriteError::Unreadable)
        } else {
            Ok(())
        }
    }

    /// Reads the workspace and the library index, copying anything unreadable aside before
    /// anything can overwrite it; what cannot be copied is never written over.
    pub fn boot(stamp: &str) -> Boot {
        let store = Store::open();
        let decoded = persist::decode(store.get(ARTICLE).as_deref(), store.get(ANNOTATIONS).as_deref());
        let (library, index) = store.library();
        let kept = decoded.unreadable.iter().chain(index.iter()).map(|u| (u.clone(), store.keep_aside(u.key, &u.raw, stamp))).collect();
        Boot { store, decoded, kept, library }
    }

    /// Copies the unreadable value `raw` of `key` to a backup key before anything can overwrite
    /// it, and returns that key; if it cannot be copied, `key` is never written in this tab.
    pub fn keep_aside(&self, key: &str, raw: &str, stamp: &str) -> Result<String, WriteError> {
        let backup = keys::backup(key, stamp);
        let copied = self.set(&backup, raw).map(|_| backup);
        if copied.is_err() {
            self.untouchable.borrow_mut().push(key.to_string());
        }
        copied
    }

    pub fn remove(&self, key: &str) -> Result<(), WriteError> {
        let storage = self.storage.as_ref().ok_or(WriteError::Unavailable)?;
        self.touchable(key)?;
        storage.remove_item(key).map_err(|_| WriteError::Unavailable)
    }

    pub fn save_article(&self, ws: &Workspace) -> Result<(), WriteError> {
        self.set(ARTICLE, &persist::encode_article(&ws.article))
    }

    pub fn save_annotations(&self, ws: &Workspace) -> Result<(), WriteError> {
        self.set(ANNOTATIONS, &persist::encode_annotations(ws))
    }

    /// [`Store::save_annotations`], serialising only the annotations changed since `cache` was filled.
    pub fn save_annotations_with(&self, ws: &Workspace, cache: &mut persist::RecordCache) -> Result<(), WriteError> {
        self.set(ANNOTATIONS, &persist::encode_annotations_with(ws, cache))
    }
}

/// The library: parked articles and the index (see `model::library`).
impl Store {
    /// The library index with every parked article it misses (a write of the index that failed);
    /// an unreadable one comes back to be kept aside, the list rebuilt ([`Library::read`]).
    fn library(&self) -> (Library, Option<Unreadable>) {
        let keys = self.keys();
        let entry_of = |id: &str| match self.load_parked(id) {
            Some(Ok(ws)) => Some(Entry::of(&ws, "")),
            _ => None,
        };
        Library::read(self.get(LIBRARY).as_deref(), keys.iter().map(String::as_str), entry_of)
    }

    pub fn save_library(&self, lib: &Library) -> Result<(), WriteError> {
        self.set(LIBRARY, &lib.encode())
    }

    /// Every key in this origin's local storage.
    pub fn keys(&self) -> Vec<String> {
        let Some(s) = self.storage.as_ref() else { return Vec::new() };
        (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).collect()
    }

    /// Bytes Annota's values take (browsers count two per UTF-16 unit, key included).
    pub fn usage(&self) -> usize {
        self.keys()
            .iter()
            .filter(|k| k.starts_with(keys::PREFIX))
            .map(|k| 2 * (k.encode_utf16().count() + self.get(k).map_or(0, |v| v.encode_utf16().count())))
            .sum()
    }

    /// Moves the open article (as stored) aside under its own keys, before another takes its place.
    pub fn park_open(&self, id: &str) -> Result<(), WriteError> {
        if let (Some(article), Some(annotations)) = (self.get(ARTICLE), self.get(ANNOTATIONS)) {
            self.set(&keys::parked_article(id), &article)?;
            self.set(&keys::parked_annotations(id), &annotations)?;
        } else if let Some(article) = self.get(ARTICLE) {
            self.set(&keys::parked_article(id), &article)?;
        }
        Ok(())
    }

    /// Stores a workspace as a parked article (opened later from the library).
    pub fn park(&self, ws: &Workspace) -> Result<(), WriteError> {
        self.set(&keys::parked_article(&ws.article.id), &persist::encode_article(&ws.article))?;
        self.set(&keys::parked_annotations(&ws.article.id), &persist::encode_annotations(ws))
    }

    /// A parked article, if there is one under `id`; an error says why it cannot be read.
    pub fn load_parked(&self, id: &str) -> Option<Result<Workspace, ParkedError>> {
        self.load_parked_noting(id).map(|read| read.map(|(ws, _)| ws))
    }

    /// [`Store::load_parked`], with what had to be repaired to read it (see `persist::Decoded`).
    pub fn load_parked_noting(&self, id: &str) -> Option<Result<(Workspace, Vec<LabelRepair>), ParkedError>> {
        let article = self.get(&keys::parked_article(id))?;
        let decoded = persist::decode(Some(&article), self.get(&keys::parked_annotations(id)).as_deref());
        Some(match (decoded.workspace, decoded.unreadable.first()) {
            (Some(ws), None) => Ok((ws, decoded.label_repairs)),
            (_, Some(u)) => Err(ParkedError::Unreadable(u.reason.clone())),
            (None, None) => Err(ParkedError::Empty),
        })
    }

    /// The text of an article, open or parked, for searching.
    pub fn parked_text(&self, id: &str) -> Option<String> {
        let raw = self.get(&keys::parked_article(id))?;
        serde_json::from_str::<serde_json::Value>(&raw).ok()?.get("text")?.as_str().map(str::to_string)
    }

    pub fn remove_parked(&self, id: &str) {
        let _ = self.remove(&keys::parked_article(id));
        let _ = self.remove(&keys::parked_annotations(id));
    }
}
