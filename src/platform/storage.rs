//! Local storage behind the project's own trait, so the app runs in memory where storage is
//! unavailable (private mode, disabled, full) and says so.

use std::cell::RefCell;
use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage};

/// Why a write did not reach the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser has no usable local storage (disabled, private mode, blocked).
    Unavailable,
    /// The quota is used up.
    Full,
}

/// String keys to string values, as local storage has them.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str);
    /// Every key, for finding drafts.
    fn keys(&self) -> Vec<String>;
    /// False when nothing written will outlive the page.
    fn persistent(&self) -> bool;
}

/// The browser's local storage.
pub struct LocalStore;

impl LocalStore {
    /// The local storage if it can really be written to; `None` otherwise.
    pub fn open() -> Option<LocalStore> {
        // `raw()` panics when storage is unavailable, so probe through web-sys first.
        let storage = web_sys::window()?.local_storage().ok()??;
        let probe = "expat-navigator.probe";
        storage.set_item(probe, "1").ok()?;
        storage.remove_item(probe).ok()?;
        Some(LocalStore)
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        LocalStorage::raw()
            .set_item(key, value)
            .map_err(|_| StoreError::Full)
    }

    fn remove(&self, key: &str) {
        let _ = LocalStorage::raw().remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let raw = LocalStorage::raw();
        let len = raw.length().unwrap_or(0);
        (0..len).filter_map(|i| raw.key(i).ok().flatten()).collect()
    }

    fn persistent(&self) -> bool {
        true
    }
}

/// A store that lives as long as the page: the fallback when local storage is unavailable.
#[derive(Default)]
pub struct MemoryStore(RefCell<BTreeMap<String, String>>);

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.0.borrow_mut().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.0.borrow().keys().cloned().collect()
    }

    fn persistent(&self) -> bool {
        false
    }
}

/// Local storage where it works, memory otherwise.
pub fn open() -> Box<dyn KeyValueStore> {
    match LocalStore::open() {
        Some(store) => Box::new(store),
        None => Box::new(MemoryStore::default()),
    }
}
