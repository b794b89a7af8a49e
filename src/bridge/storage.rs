//! Local storage with every failure reported: unavailable, full, or holding what we cannot read.

use crate::model::persist::{self, Decoded, Unreadable, ANNOTATIONS_KEY, ARTICLE_KEY};
use crate::model::state::Workspace;
use wasm_bindgen::JsCast;

/// Why a write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The browser refused: usually the quota (`QuotaExceededError`).
    Full(String),
    Unavailable,
}

impl WriteError {
    pub fn describe(&self) -> String {
        match self {
            WriteError::Full(name) => format!("the browser refused to store it ({name}: storage is probably full)"),
            WriteError::Unavailable => "this browser gives Annota no storage".into(),
        }
    }
}

#[derive(Clone)]
pub struct Store {
    storage: Option<web_sys::Storage>,
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
}

impl Store {
    /// Local storage, if the browser gives it (it can throw in private modes or when disabled).
    pub fn open() -> Store {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        // Some browsers give a storage object whose writes always fail: probe once.
        let storage = storage.filter(|s| {
            let probe = "annota:probe";
            let ok = s.set_item(probe, "1").is_ok();
            let _ = s.remove_item(probe);
            ok || s.length().map_or(false, |n| n > 0)
        });
        Store { storage }
    }

    pub fn is_available(&self) -> bool {
        self.storage.is_some()
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        let storage = self.storage.as_ref().ok_or(WriteError::Unavailable)?;
        storage.set_item(key, value).map_err(|e| {
            let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_else(|| "error".into());
            WriteError::Full(name)
        })
    }

    /// Reads the workspace, copying anything unreadable aside before anything can overwrite it.
    pub fn boot(stamp: &str) -> Boot {
        let store = Store::open();
        let decoded = persist::decode(store.get(ARTICLE_KEY).as_deref(), store.get(ANNOTATIONS_KEY).as_deref());
        let kept = decoded
            .unreadable
            .iter()
            .map(|u| {
                let key = persist::backup_key(u.key, stamp);
                (u.clone(), store.set(&key, &u.raw).map(|_| key))
            })
            .collect();
        Boot { store, decoded, kept }
    }

    pub fn remove(&self, key: &str) -> Result<(), WriteError> {
        let storage = self.storage.as_ref().ok_or(WriteError::Unavailable)?;
        storage.remove_item(key).map_err(|_| WriteError::Unavailable)
    }

    pub fn save_article(&self, ws: &Workspace) -> Result<(), WriteError> {
        self.set(ARTICLE_KEY, &persist::encode_article(&ws.article))
    }

    pub fn save_annotations(&self, ws: &Workspace) -> Result<(), WriteError> {
        self.set(ANNOTATIONS_KEY, &persist::encode_annotations(ws))
    }
}
