//! Local storage behind the project's own trait, so the app runs in memory where storage is
//! unavailable (private mode, disabled, full) and says so. Every call is fallible: the browser
//! may refuse storage at any moment (a setting changed, the quota used up), and nothing here
//! panics or throws.

use std::cell::RefCell;
use std::collections::BTreeMap;

use wasm_bindgen::JsCast;

/// Why storage could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser has no usable local storage (disabled, private mode, blocked).
    Unavailable,
    /// The quota is used up.
    Full,
}

/// String keys to string values, as local storage has them.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key, for finding drafts.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// False when nothing written will outlive the page.
    fn persistent(&self) -> bool;
}

/// The browser's local storage, looked up at every call (it can be taken away mid-session).
pub struct LocalStore;

impl LocalStore {
    /// The local storage if it can really be written to; `None` otherwise.
    pub fn open() -> Option<LocalStore> {
        LocalStore::probe().ok().map(|()| LocalStore)
    }

    /// Whether a write works now: full, refused, or fine.
    pub fn probe() -> Result<(), StoreError> {
        let probe = "expat-navigator.probe";
        LocalStore.set(probe, "1")?;
        LocalStore.remove(probe)
    }

    fn storage() -> Result<web_sys::Storage, StoreError> {
        web_sys::window()
            .ok_or(StoreError::Unavailable)?
            .local_storage()
            .ok()
            .flatten()
            .ok_or(StoreError::Unavailable)
    }
}

/// A failed write: the quota (a `QuotaExceededError`), or storage refused.
fn write_error(error: wasm_bindgen::JsValue) -> StoreError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => StoreError::Full,
        _ => StoreError::Unavailable,
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Self::storage()?
            .get_item(key)
            .map_err(|_| StoreError::Unavailable)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        Self::storage()?.set_item(key, value).map_err(write_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        Self::storage()?
            .remove_item(key)
            .map_err(|_| StoreError::Unavailable)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = Self::storage()?;
        let len = storage.length().map_err(|_| StoreError::Unavailable)?;
        (0..len)
            .filter_map(|i| {
                storage
                    .key(i)
                    .map_err(|_| StoreError::Unavailable)
                    .transpose()
            })
            .collect()
    }

    fn persistent(&self) -> bool {
        true
    }
}

/// A store that lives as long as the page: the fallback when local storage is unavailable.
#[derive(Default)]
pub struct MemoryStore(RefCell<BTreeMap<String, String>>);

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.0.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.0.borrow().keys().cloned().collect())
    }

    fn persistent(&self) -> bool {
        false
    }
}

/// Local storage where it can be read, memory otherwise; and why writing fails now, if it does.
/// Storage that is full (or read-only) at start is still read: its records are shown, and the
/// user can delete or export some to make room.
pub fn open() -> (Box<dyn KeyValueStore>, Option<StoreError>) {
    match LocalStore::probe() {
        Ok(()) => (Box::new(LocalStore), None),
        Err(refused) if LocalStore.keys().is_ok() => (Box::new(LocalStore), Some(refused)),
        Err(_) => (Box::new(MemoryStore::default()), None),
    }
}

/// Small values kept on the device outside the records' writer (`ui::saving`): preferences and
/// names being typed. Best effort: where storage is refused or full, nothing is kept, and
/// nothing fails.
pub mod best_effort {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn get(key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    /// Keeps `value` under `key` (written only when it changes); `None` removes the key.
    pub fn set(key: &str, value: Option<&str>) {
        let Some(storage) = storage() else {
            return;
        };
        if storage.get_item(key).ok().flatten().as_deref() == value {
            return;
        }
        let _ = match value {
            Some(value) => storage.set_item(key, value),
            None => storage.remove_item(key),
        };
    }
}
