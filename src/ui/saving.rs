//! The one way the app writes to the device, shared by drafts and rosters. Storage that fails
//! (unavailable, full, refused mid-session) never loses anything: what could not be written
//! waits in this tab (one op per key, in order), is tried again every few seconds and at every
//! change, and is written as soon as storage works again; [`SaveStatus`] says which. Every
//! decision about what to write is the domain's (`domain::store`); this only runs the plans.

use leptos::prelude::*;

use crate::domain::store::{self, Op};
use crate::platform::storage::{self, KeyValueStore, LocalStore, StoreError};

/// Whether what the user types reaches the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything is on the device.
    Saved,
    /// This browser gives the app no storage: everything lives in this tab.
    NotSaved,
    /// The storage quota is used up: the latest changes wait in this tab.
    Full,
    /// The browser refused storage after the app started: the latest changes wait in this tab.
    Refused,
}

/// How often writes that failed are tried again.
const RETRY_EVERY: std::time::Duration = std::time::Duration::from_secs(2);
/// How long typing must pause before what was typed is saved.
const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// Whose "write what changed" a flush is: each library registers its own once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flush {
    /// The open draft.
    Draft,
    /// The open roster's text.
    Roster,
}

/// Every library's flush, by whose it is.
type Flushes = Vec<(Flush, Box<dyn Fn()>)>;

/// Every library's writes, for storage that starts working after being unavailable.
type Libraries = Vec<Box<dyn Fn() -> Vec<Op>>>;

/// The device's storage as the app writes to it, provided as context.
#[derive(Clone, Copy)]
pub struct Saver {
    pub status: RwSignal<SaveStatus>,
    /// Saving works again after a failure and everything waiting was written (until dismissed).
    pub resumed: RwSignal<bool>,
    store: StoredValue<Box<dyn KeyValueStore>, LocalStorage>,
    /// Writes that did not reach storage yet, in order, one per key.
    pending: StoredValue<Vec<Op>, LocalStorage>,
    libraries: StoredValue<Libraries, LocalStorage>,
    /// Every library's flush: run once typing pauses (those marked waiting), and all of them
    /// when the page is hidden or left.
    flushes: StoredValue<Flushes, LocalStorage>,
    waiting: StoredValue<Vec<Flush>, LocalStorage>,
    /// Bumped at every keystroke, so only the last pause's timer flushes.
    typing: StoredValue<u64, LocalStorage>,
}

impl Saver {
    /// Opens local storage (or memory, said so) and starts retrying what fails.
    pub fn provide() -> Saver {
        let (store, refused) = storage::open();
        let status = match (store.persistent(), refused) {
            (false, _) => SaveStatus::NotSaved,
            (true, None) => SaveStatus::Saved,
            (true, Some(StoreError::Full)) => SaveStatus::Full,
            (true, Some(StoreError::Unavailable)) => SaveStatus::Refused,
        };
        let saver = Saver {
            status: RwSignal::new(status),
            resumed: RwSignal::new(false),
            store: StoredValue::new_local(store),
            pending: StoredValue::new_local(Vec::new()),
            libraries: StoredValue::new_local(Vec::new()),
            flushes: StoredValue::new_local(Vec::new()),
            waiting: StoredValue::new_local(Vec::new()),
            typing: StoredValue::new_local(0),
        };
        set_interval(move || saver.retry(), RETRY_EVERY);
        window_event_listener(leptos::ev::pagehide, move |_| saver.flush_all());
        window_event_listener(leptos::ev::visibilitychange, move |_| saver.flush_all());
        // What only this tab holds (storage full or refused) would go with the page: the browser
        // asks before it is left, as for a link to the desk's pages, which load a page of their
        // own (`ui::Desk`).
        window_event_listener(leptos::ev::beforeunload, move |ev| {
            saver.flush_all();
            if saver.pending.with_value(|ops| !ops.is_empty()) {
                ev.prevent_default();
                ev.set_return_value("unsaved");
            }
        });
        provide_context(saver);
        saver
    }

    pub fn expect() -> Saver {
        expect_context::<Saver>()
    }

    /// Registers a library's flush: what it runs to write what changed (nothing if nothing did).
    pub fn add_flush(&self, which: Flush, flush: impl Fn() + 'static) {
        self.flushes
            .update_value(|f| f.push((which, Box::new(flush))));
    }

    /// Something is being typed: `flush` runs once typing pauses (in any library), or when the
    /// page is hidden, whichever comes first.
    pub fn after_pause(&self, flush: Flush) {
        self.waiting.update_value(|w| {
            if !w.contains(&flush) {
                w.push(flush);
            }
        });
        let generation = self.typing.get_value() + 1;
        self.typing.set_value(generation);
        let this = *self;
        set_timeout(
            move || {
                if this.typing.get_value() == generation {
                    this.flush_waiting();
                }
            },
            TYPING_PAUSE,
        );
    }

    fn flush_waiting(&self) {
        let mut waiting = Vec::new();
        self.waiting.update_value(|w| waiting = std::mem::take(w));
        for which in waiting {
            self.run_flush(|w| w == which);
        }
    }

    /// The page is hidden or left: every library writes what changed, now.
    fn flush_all(&self) {
        self.typing.update_value(|g| *g += 1);
        self.waiting.set_value(Vec::new());
        self.run_flush(|_| true);
    }

    fn run_flush(&self, wanted: impl Fn(Flush) -> bool) {
        self.flushes.with_value(|flushes| {
            for (which, flush) in flushes {
                if wanted(*which) {
                    flush();
                }
            }
        });
    }

    /// Registers what a library would write to fill an empty storage (see [`Self::reconnect`]).
    pub fn add_library(&self, ops: impl Fn() -> Vec<Op> + 'static) {
        self.libraries.update_value(|l| l.push(Box::new(ops)));
    }

    /// Every stored `(key, value)` where `wanted(key)`; an error when storage refuses now.
    pub fn entries(&self, wanted: fn(&str) -> bool) -> Result<Vec<(String, String)>, StoreError> {
        let entries = self.store.with_value(|s| {
            let mut entries = Vec::new();
            for k in s.keys()?.into_iter().filter(|k| wanted(k)) {
                if let Some(v) = s.get(&k)? {
                    entries.push((k, v));
                }
            }
            Ok(entries)
        });
        if entries.is_err() {
            self.status.set(SaveStatus::Refused);
        }
        entries
    }

    /// Runs storage operations after those still waiting. What fails waits in this tab and the
    /// status says why; the next success writes it and says so.
    pub fn run(&self, ops: &[Op]) {
        let mut all = self.pending.get_value();
        all.extend_from_slice(ops);
        if all.is_empty() {
            return;
        }
        let result = self
            .store
            .with_value(|s| store::execute(&all, |k, v| s.set(k, v), |k| s.remove(k)));
        match result {
            Ok(()) => {
                self.pending.set_value(Vec::new());
                // Written to memory is not saved (storage unavailable from the start).
                let on_device = self.store.with_value(|s| s.persistent());
                if on_device && self.status.get_untracked() != SaveStatus::Saved {
                    self.status.set(SaveStatus::Saved);
                    self.resumed.set(true);
                }
            }
            Err(failed) => {
                self.pending
                    .set_value(store::pending_after(&all, failed.index));
                self.status.set(match failed.error {
                    StoreError::Full => SaveStatus::Full,
                    StoreError::Unavailable => SaveStatus::Refused,
                });
            }
        }
    }

    /// Tries again what is waiting (and storage that was unavailable from the start).
    fn retry(&self) {
        if self.status.get_untracked() == SaveStatus::Saved {
            return;
        }
        self.reconnect();
        let nothing_waits = self.pending.with_value(Vec::is_empty);
        let persistent = self.store.with_value(|s| s.persistent());
        // Full or refused at start, with nothing of ours waiting: saved once a write works.
        if nothing_waits && persistent && LocalStore::probe().is_ok() {
            self.status.set(SaveStatus::Saved);
            self.resumed.set(true);
        }
        self.run(&[]);
    }

    /// Storage that was unavailable when the app started and works now: everything this tab
    /// holds is written to it.
    fn reconnect(&self) {
        if self.store.with_value(|s| s.persistent()) {
            return;
        }
        let Some(local) = LocalStore::open() else {
            return;
        };
        self.store.set_value(Box::new(local));
        let mut everything: Vec<Op> = self
            .libraries
            .with_value(|l| l.iter().flat_map(|ops| ops()).collect());
        everything.extend(self.pending.get_value());
        self.pending.set_value(everything);
    }

    /// What storage holds under `key` as far as this tab knows: its own writes still waiting
    /// first, then storage, then (storage refused) `last_known`, the record as this tab has it.
    pub fn stored(&self, key: &str, last_known: impl FnOnce() -> Option<String>) -> Option<String> {
        let waiting = self
            .pending
            .with_value(|p| store::pending_value(p, key).map(|v| v.map(str::to_owned)));
        if let Some(value) = waiting {
            return value;
        }
        match self.store.with_value(|s| s.get(key)) {
            Ok(value) => value,
            Err(_) => last_known(),
        }
    }
}
