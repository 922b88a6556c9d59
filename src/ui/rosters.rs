//! The rosters controller: the open roster's text is saved as it is typed (once typing pauses,
//! at once when the page is hidden: the [`Saver`]'s one timer for drafts and rosters), other
//! tabs' changes come in through `storage` events. The
//! list, the two-tab outcomes, deletions and imports are the shared [`Library`]'s; what a roster
//! record is and how it is read and kept are the domain's (`domain::roster::saved`).

use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::domain::roster::saved::{self, RosterRecord, load_rosters, new_roster};
use crate::platform::{clock, location};
use crate::ui::library::Library;
use crate::ui::saving::{Flush, Saver};

/// The rosters state, provided as context.
#[derive(Clone, Copy)]
pub struct Rosters {
    /// The rosters kept on this device, the open one, what to tell the user.
    pub library: Library<RosterRecord>,
    /// The open roster's text as typed.
    pub text: RwSignal<String>,
    /// Counts the rosters opened here (one opened from the list, a new one started, the open
    /// one deleted), so what refers to the rows of one opening can tell it is stale.
    pub openings: RwSignal<u64>,
    lang: Signal<Lang>,
    saver: Saver,
    /// Rosters are read when a page first needs them, not at every start.
    loaded: StoredValue<bool>,
}

impl Rosters {
    /// Starts listening to other tabs; the rosters kept on this device are read on first use.
    pub fn provide(lang: Signal<Lang>) -> Rosters {
        let text = RwSignal::new(String::new());
        let saver = Saver::expect();
        let rosters = Rosters {
            library: Library::new(move |r: RosterRecord| text.set(r.text)),
            text,
            openings: RwSignal::new(0),
            lang,
            saver,
            loaded: StoredValue::new(false),
        };
        saver.add_flush(Flush::Roster, move || rosters.save_now());
        location::on_storage_change(move |key| rosters.on_other_tab(key));
        provide_context(rosters);
        rosters
    }

    /// The rosters, read from the device (migrating, repairing, keeping aside) the first time,
    /// with the latest one open.
    pub fn expect() -> Rosters {
        let rosters = expect_context::<Rosters>();
        if !rosters.loaded.get_value() {
            rosters.load();
        }
        rosters
    }

    fn load(&self) {
        self.loaded.set_value(true);
        if let Some(entries) = self.library.entries(saved::is_app_key) {
            self.library.take(load_rosters(&entries, clock::now()));
        }
    }

    /// The text changed (typed, pasted, a file chosen, a row edited): saved once typing pauses.
    pub fn set_text(&self, text: String) {
        self.text.set(text);
        self.saver.after_pause(Flush::Roster);
    }

    /// Writes the open roster as the text holds it, if it changed (creating it if needed). A
    /// text past what a roster may hold is not written: the page says so, and offers it as a
    /// download, as it is typed.
    pub fn save_now(&self) {
        let text = self.text.get_untracked();
        if matches!(saved::size(&text), saved::Size::TooLarge { .. }) {
            return;
        }
        let now = clock::now();
        let edited = match self.library.open_record() {
            Some(open) if open.text == text => return,
            Some(open) => RosterRecord {
                text,
                updated: now,
                ..open
            },
            None if text.trim().is_empty() => return,
            None => {
                let lang = self.lang.get_untracked();
                let Ok(new) = new_roster("", &text, lang, now, clock::entropy()) else {
                    return;
                };
                self.library.current.set(Some(new.id.clone()));
                new
            }
        };
        self.library.save(&edited);
    }

    fn on_other_tab(&self, key: Option<String>) {
        if !self.loaded.get_value() {
            return;
        }
        match key {
            None => self.load(),
            Some(key) if key.starts_with(saved::KEY_PREFIX) => {
                // What this tab typed goes first, so the comparison sees it.
                self.save_now();
                self.library.on_other_tab(&key);
            }
            Some(_) => {}
        }
    }

    /// Opens a roster from the list (what was typed in the open one is saved first).
    pub fn open(&self, id: &str) {
        self.save_now();
        self.openings.update(|n| *n += 1);
        self.library.open(id);
    }

    /// A new, empty roster: the first text typed creates it; the others stay as they are.
    pub fn start_new(&self) {
        self.save_now();
        self.openings.update(|n| *n += 1);
        self.library.current.set(None);
        self.text.set(String::new());
    }

    pub fn delete(&self, id: &str) {
        self.save_now();
        if self.library.delete(id) {
            self.openings.update(|n| *n += 1);
            self.library.current.set(None);
            self.text.set(String::new());
        }
    }
}
