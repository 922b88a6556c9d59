//! The rosters controller: the open roster's text is saved as it is typed (once typing pauses,
//! at once when the page is hidden), other tabs' changes come in through `storage` events, and
//! the list of rosters kept on this device can be opened, renamed, deleted (with undo),
//! exported and imported. The rules are the shared storage home's (`domain::store`) through
//! `domain::roster::saved`; writes go through the shared [`Saver`].

use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::domain::roster::saved::{
    self, Applied, Change, Deleted, Resolution, RosterRecord, load_rosters, new_roster,
};
use crate::domain::store::{self, NameError, Op, Problem, Quarantined, Record};
use crate::platform::{clock, location};
use crate::ui::saving::Saver;

/// Something to tell the user about the open roster, once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RosterNotice {
    /// Both tabs changed the roster: this tab's text is kept as a copy (now open).
    Conflict {
        copy_name: String,
        other_name: String,
    },
    /// Another tab deleted the open roster; `restore` brings it back.
    DeletedElsewhere { name: String, restore: Vec<Op> },
}

/// How long typing must pause before the text is saved.
const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// The rosters state, provided as context.
#[derive(Clone, Copy)]
pub struct Rosters {
    /// Every roster, most recently changed first.
    pub list: RwSignal<Vec<RosterRecord>>,
    /// The open roster; `None` until something is typed into a new one.
    pub current: RwSignal<Option<String>>,
    /// The open roster's text as typed.
    pub text: RwSignal<String>,
    pub problems: RwSignal<Vec<Problem>>,
    pub quarantined: RwSignal<Vec<Quarantined>>,
    pub notice: RwSignal<Option<RosterNotice>>,
    /// The last deletion, for Undo.
    pub deleted: RwSignal<Option<Deleted>>,
    lang: Signal<Lang>,
    saver: Saver,
    typing: StoredValue<u64>,
    /// Rosters are read when a page first needs them, not at every start.
    loaded: StoredValue<bool>,
}

impl Rosters {
    /// Starts listening to other tabs; the rosters kept on this device are read on first use.
    pub fn provide(lang: Signal<Lang>) -> Rosters {
        let saver = Saver::expect();
        let rosters = Rosters {
            list: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            text: RwSignal::new(String::new()),
            problems: RwSignal::new(Vec::new()),
            quarantined: RwSignal::new(Vec::new()),
            notice: RwSignal::new(None),
            deleted: RwSignal::new(None),
            lang,
            saver,
            typing: StoredValue::new(0),
            loaded: StoredValue::new(false),
        };
        saver.add_library(move || {
            if rosters.loaded.get_value() {
                store::library_ops(&rosters.list.get_untracked())
            } else {
                Vec::new()
            }
        });
        let flush = move || rosters.save_now();
        window_event_listener(leptos::ev::pagehide, move |_| flush());
        window_event_listener(leptos::ev::visibilitychange, move |_| flush());
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
        let Ok(entries) = self.saver.entries(saved::is_app_key) else {
            return;
        };
        let loaded = load_rosters(&entries, clock::now());
        self.saver.run(&loaded.plan);
        let open = loaded.records.first();
        self.text
            .set(open.map(|r| r.text.clone()).unwrap_or_default());
        self.current.set(open.map(|r| r.id.clone()));
        self.list.set(loaded.records);
        self.problems.set(loaded.problems);
        self.quarantined.set(loaded.quarantined);
    }

    /// The text changed (typed, pasted, a file chosen, a row edited): saved once typing pauses.
    pub fn set_text(&self, text: String) {
        self.text.set(text);
        let this = *self;
        let generation = self.typing.get_value() + 1;
        self.typing.set_value(generation);
        set_timeout(
            move || {
                if this.typing.get_value() == generation {
                    this.save_now();
                }
            },
            TYPING_PAUSE,
        );
    }

    /// Writes the open roster as the text holds it, if it changed (creating it if needed).
    pub fn save_now(&self) {
        self.typing.update_value(|g| *g += 1);
        let text = self.text.get_untracked();
        let now = clock::now();
        let edited = match self.open_roster() {
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
                self.current.set(Some(new.id.clone()));
                new
            }
        };
        let stored = self.stored(&edited.key());
        self.resolve(store::save_checked(&edited, stored.as_deref(), now));
    }

    fn on_other_tab(&self, key: Option<String>) {
        if !self.loaded.get_value() {
            return;
        }
        let Some(key) = key else {
            self.load();
            return;
        };
        if !key.starts_with(saved::KEY_PREFIX) {
            return;
        }
        // What this tab typed goes first, so the comparison sees it.
        self.save_now();
        let now = clock::now();
        let raw = self.stored(&key);
        match self.open_roster() {
            Some(open) if open.key() == key => {
                self.resolve(store::merge_on_external_change(&open, raw.as_deref(), now));
            }
            _ => match store::on_storage_change(&key, raw.as_deref(), now) {
                Change::Upsert { record } => self.put(record),
                Change::Removed { id } => self.list.update(|l| l.retain(|r| r.id != id)),
                Change::Unreadable { problem } => self.problems.update(|p| p.push(problem)),
                Change::NotThisKind => {}
            },
        }
    }

    /// Carries out what the domain decided.
    fn resolve(&self, resolution: Resolution) {
        self.saver.run(resolution.ops());
        match resolution {
            Resolution::UpToDate => {}
            Resolution::Saved { record, .. } | Resolution::Restored { record, .. } => {
                self.put(record)
            }
            Resolution::Adopt { record } => {
                self.text.set(record.text.clone());
                self.put(record);
            }
            Resolution::Conflict { stored, copy, .. } => {
                self.notice.set(Some(RosterNotice::Conflict {
                    copy_name: copy.name.clone(),
                    other_name: stored.name.clone(),
                }));
                self.put(stored);
                self.current.set(Some(copy.id.clone()));
                self.put(copy);
            }
            Resolution::DeletedElsewhere { restore } => {
                let name = self.open_roster().map(|r| r.name).unwrap_or_default();
                self.notice
                    .set(Some(RosterNotice::DeletedElsewhere { name, restore }));
            }
            Resolution::Repaired {
                record,
                problem,
                quarantined,
                ..
            } => {
                self.problems.update(|p| p.push(problem));
                self.quarantined.update(|q| q.push(quarantined));
                self.put(record);
            }
            Resolution::KeptAside { copy, problem, .. } => {
                self.problems.update(|p| p.push(problem));
                self.current.set(Some(copy.id.clone()));
                self.put(copy);
            }
        }
    }

    /// Runs storage operations (a restore the user asked for, say).
    pub fn run(&self, ops: &[Op]) {
        self.saver.run(ops);
    }

    fn stored(&self, key: &str) -> Option<String> {
        self.saver.stored(key, || {
            self.list
                .with_untracked(|l| l.iter().find(|r| r.key() == key).map(Record::to_json))
        })
    }

    fn put(&self, record: RosterRecord) {
        self.list.update(|list| {
            list.retain(|r| r.id != record.id);
            list.push(record);
            store::sort_latest_first(list);
        });
    }

    pub fn open_roster(&self) -> Option<RosterRecord> {
        let id = self.current.get_untracked()?;
        self.find(&id)
    }

    fn find(&self, id: &str) -> Option<RosterRecord> {
        self.list
            .with_untracked(|l| l.iter().find(|r| r.id == id).cloned())
    }

    /// Opens a roster from the list (what was typed in the open one is saved first).
    pub fn open(&self, id: &str) {
        self.save_now();
        let Some(r) = self.find(id) else { return };
        self.current.set(Some(r.id));
        self.text.set(r.text);
    }

    /// A new, empty roster: the first text typed creates it; the others stay as they are.
    pub fn start_new(&self) {
        self.save_now();
        self.current.set(None);
        self.text.set(String::new());
    }

    pub fn rename(&self, id: &str, name: &str) -> Result<(), NameError> {
        self.save_now();
        let Some(r) = self.find(id) else {
            return Ok(());
        };
        let renamed = RosterRecord {
            name: store::check_name(name)?,
            ..r
        };
        let stored = self.stored(&renamed.key());
        self.resolve(store::save_checked(
            &renamed,
            stored.as_deref(),
            clock::now(),
        ));
        Ok(())
    }

    pub fn delete(&self, id: &str) {
        self.save_now();
        let Some(r) = self.find(id) else { return };
        let deleted = store::delete(&r, self.stored(&r.key()).as_deref(), clock::now());
        self.saver.run(&deleted.ops);
        if let Some(q) = deleted.quarantined.clone() {
            self.quarantined.update(|list| list.push(q));
        }
        self.list.update(|l| l.retain(|x| x.id != id));
        if self.current.get_untracked().as_deref() == Some(id) {
            self.current.set(None);
            self.text.set(String::new());
        }
        self.deleted.set(Some(deleted));
    }

    pub fn undo_delete(&self) {
        let Some(deleted) = self.deleted.get_untracked() else {
            return;
        };
        let stored = self.stored(&deleted.record.key());
        let resolution = store::undo_delete(&deleted, stored.as_deref(), clock::now());
        self.deleted.set(None);
        self.resolve(resolution);
    }

    /// Adds imported rosters (the plan already holds the user's choices).
    pub fn import(&self, applied: Applied) {
        self.saver.run(&applied.ops);
        for r in applied.added.into_iter().chain(applied.replaced) {
            if self.current.get_untracked().as_deref() == Some(r.id.as_str()) {
                self.text.set(r.text.clone());
            }
            self.put(r);
        }
    }

    /// Forgets rosters' data kept aside, after the user has exported it. A newer version's
    /// data, left where it was found, is never removed from here.
    pub fn discard_quarantined(&self) {
        for q in self
            .quarantined
            .get_untracked()
            .iter()
            .filter(|q| !q.in_place())
        {
            self.saver.run(&store::discard_quarantined(q));
        }
        self.quarantined
            .update(|list| list.retain(Quarantined::in_place));
        self.problems.set(Vec::new());
    }
}
