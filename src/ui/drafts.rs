//! The drafts controller: the open draft is saved as it changes, other tabs' changes come in
//! through `storage` events, and storage that fails turns into memory with a visible warning.
//! Every decision (what to write, what to keep aside, conflicts) is the domain's
//! (`domain::draft`); this module only runs its plans against the store and updates signals.

use leptos::prelude::*;

use crate::domain::draft::{self, Deleted, Draft, Op, Problem, Quarantined, Resolution};
use crate::domain::flow::Answers;
use crate::domain::lang::Lang;
use crate::platform::clock;
use crate::platform::location;
use crate::platform::storage::{self, KeyValueStore, MemoryStore};

/// Something to tell the user about drafts, once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftNotice {
    /// Both tabs changed the open draft: ours is kept as a copy (now open), theirs under its name.
    Conflict {
        copy_name: String,
        other_name: String,
    },
    /// Another tab deleted the open draft; `restore` brings it back.
    DeletedElsewhere { name: String, restore: Vec<Op> },
    /// A write failed: from now on drafts live in memory only.
    StorageFull,
}

/// The drafts state, provided as context.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// Every draft, most recently changed first.
    pub list: RwSignal<Vec<Draft>>,
    /// The id of the open draft; `None` until the first answer of a new application.
    pub current: RwSignal<Option<String>>,
    pub problems: RwSignal<Vec<Problem>>,
    pub quarantined: RwSignal<Vec<Quarantined>>,
    /// False when nothing will outlive this tab (storage unavailable or full).
    pub persistent: RwSignal<bool>,
    pub notice: RwSignal<Option<DraftNotice>>,
    /// The last deletion, for Undo.
    pub deleted: RwSignal<Option<Deleted>>,
    answers: RwSignal<Answers>,
    ticked: RwSignal<std::collections::BTreeSet<String>>,
    lang: Signal<Lang>,
    store: StoredValue<Box<dyn KeyValueStore>, LocalStorage>,
}

impl Drafts {
    /// Loads the library (migrating, repairing, keeping aside), reopens the latest draft, and
    /// starts autosaving and listening to other tabs.
    pub fn provide(
        answers: RwSignal<Answers>,
        ticked: RwSignal<std::collections::BTreeSet<String>>,
        lang: Signal<Lang>,
    ) -> Drafts {
        let store = storage::open();
        let drafts = Drafts {
            list: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            problems: RwSignal::new(Vec::new()),
            quarantined: RwSignal::new(Vec::new()),
            persistent: RwSignal::new(store.persistent()),
            notice: RwSignal::new(None),
            deleted: RwSignal::new(None),
            answers,
            ticked,
            lang,
            store: StoredValue::new_local(store),
        };
        drafts.load();
        drafts.autosave();
        location::on_storage_change(move |key| drafts.on_other_tab(key));
        provide_context(drafts);
        drafts
    }

    pub fn expect() -> Drafts {
        expect_context::<Drafts>()
    }

    fn load(&self) {
        let entries: Vec<(String, String)> = self.store.with_value(|s| {
            s.keys()
                .into_iter()
                .filter(|k| draft::is_app_key(k))
                .filter_map(|k| s.get(&k).map(|v| (k, v)))
                .collect()
        });
        let loaded = draft::load_library(&entries, clock::now());
        self.run(&loaded.plan);
        if let Some(open) = loaded
            .current
            .as_ref()
            .and_then(|id| loaded.drafts.iter().find(|d| &d.id == id))
        {
            self.answers.set(open.answers.clone());
            self.ticked.set(open.ticked.clone());
        }
        self.current.set(loaded.current);
        self.list.set(loaded.drafts);
        self.problems.set(loaded.problems);
        self.quarantined.set(loaded.quarantined);
    }

    /// Saves the open draft whenever its answers or ticks change; the first answer of a new
    /// application creates its draft.
    fn autosave(&self) {
        let this = *self;
        Effect::new(move |_| {
            let answers = this.answers.get();
            let ticked = this.ticked.get();
            let now = clock::now();
            let edited = match this.open_draft() {
                Some(open) if open.answers == answers && open.ticked == ticked => return,
                Some(open) => Draft {
                    answers,
                    ticked,
                    updated: now,
                    ..open
                },
                None if answers.is_empty() && ticked.is_empty() => return,
                None => {
                    let lang = this.lang.get_untracked();
                    let Ok(new) = draft::new_draft("", lang, now, clock::entropy()) else {
                        return;
                    };
                    this.current.set(Some(new.id.clone()));
                    Draft {
                        answers,
                        ticked,
                        ..new
                    }
                }
            };
            let stored = this.stored(&edited.key());
            this.resolve(draft::save_checked(&edited, stored.as_deref(), now));
        });
    }

    fn on_other_tab(&self, key: Option<String>) {
        let Some(key) = key else {
            // Storage was cleared elsewhere: reload what is left.
            self.load();
            return;
        };
        if !draft::is_app_key(&key) {
            return;
        }
        let now = clock::now();
        let raw = self.stored(&key);
        match self.open_draft() {
            Some(open) if open.key() == key => {
                self.resolve(draft::merge_on_external_change(&open, raw.as_deref(), now));
            }
            _ => match draft::on_storage_change(&key, raw.as_deref(), now) {
                draft::Change::Upsert { draft } => self.put(draft),
                draft::Change::Removed { id } => self.list.update(|l| l.retain(|d| d.id != id)),
                draft::Change::Unreadable { problem } => self.problems.update(|p| p.push(problem)),
                draft::Change::NotADraft => {}
            },
        }
    }

    /// Carries out what the domain decided.
    fn resolve(&self, resolution: Resolution) {
        self.run(resolution.ops());
        match resolution {
            Resolution::UpToDate => {}
            Resolution::Saved { draft, .. } | Resolution::Restored { draft, .. } => self.put(draft),
            Resolution::Adopt { draft } => {
                self.answers.set(draft.answers.clone());
                self.ticked.set(draft.ticked.clone());
                self.put(draft);
            }
            Resolution::Conflict { stored, copy, .. } => {
                self.notice.set(Some(DraftNotice::Conflict {
                    copy_name: copy.name.clone(),
                    other_name: stored.name.clone(),
                }));
                self.put(stored);
                self.current.set(Some(copy.id.clone()));
                self.put(copy);
            }
            Resolution::DeletedElsewhere { restore } => {
                let name = self.open_draft().map(|d| d.name).unwrap_or_default();
                self.notice
                    .set(Some(DraftNotice::DeletedElsewhere { name, restore }));
            }
            Resolution::Repaired {
                draft,
                problem,
                quarantined,
                ..
            } => {
                self.problems.update(|p| p.push(problem));
                self.quarantined.update(|q| q.push(quarantined));
                self.put(draft);
            }
            Resolution::KeptAside { copy, problem, .. } => {
                self.problems.update(|p| p.push(problem));
                self.current.set(Some(copy.id.clone()));
                self.put(copy);
            }
        }
    }

    /// Runs storage operations; a failed write moves everything into memory and says so, so
    /// the user keeps working and is told that drafts will not be kept.
    pub fn run(&self, ops: &[Op]) {
        if ops.is_empty() {
            return;
        }
        let failed = self
            .store
            .with_value(|s| draft::execute(ops, |k, v| s.set(k, v), |k| s.remove(k)).is_err());
        if failed {
            let mut memory = std::collections::BTreeMap::new();
            draft::apply_in_memory(&mut memory, &draft::library_ops(&self.list.get_untracked()));
            draft::apply_in_memory(&mut memory, ops);
            let fallback = MemoryStore::default();
            for (k, v) in &memory {
                let _ = fallback.set(k, v);
            }
            self.store.set_value(Box::new(fallback));
            self.persistent.set(false);
            self.notice.set(Some(DraftNotice::StorageFull));
        }
    }

    fn stored(&self, key: &str) -> Option<String> {
        self.store.with_value(|s| s.get(key))
    }

    /// Adds or replaces a draft in the list, keeping the latest change first.
    fn put(&self, draft: Draft) {
        self.list.update(|list| {
            list.retain(|d| d.id != draft.id);
            list.push(draft);
            list.sort_by_key(|d| std::cmp::Reverse(d.updated));
        });
    }

    pub fn open_draft(&self) -> Option<Draft> {
        let id = self.current.get_untracked()?;
        self.list
            .with_untracked(|l| l.iter().find(|d| d.id == id).cloned())
    }

    /// Opens a draft from the list.
    pub fn open(&self, id: &str) {
        let Some(d) = self
            .list
            .with_untracked(|l| l.iter().find(|d| d.id == id).cloned())
        else {
            return;
        };
        self.current.set(Some(d.id));
        self.answers.set(d.answers);
        self.ticked.set(d.ticked);
    }

    /// A new application: the next answer starts a new draft; the others stay as they are.
    pub fn start_new(&self) {
        self.current.set(None);
        self.answers.set(Answers::new());
        self.ticked.set(Default::default());
    }

    /// Creates a named, empty draft and opens it.
    pub fn create(&self, name: &str) -> Result<(), draft::NameError> {
        let new = draft::new_draft(
            name,
            self.lang.get_untracked(),
            clock::now(),
            clock::entropy(),
        )?;
        let stored = self.stored(&new.key());
        self.current.set(Some(new.id.clone()));
        self.answers.set(Answers::new());
        self.ticked.set(Default::default());
        self.resolve(draft::save_checked(&new, stored.as_deref(), clock::now()));
        Ok(())
    }

    pub fn rename(&self, id: &str, name: &str) -> Result<(), draft::NameError> {
        let Some(d) = self.find(id) else {
            return Ok(());
        };
        let renamed = draft::rename(&d, name)?;
        let stored = self.stored(&renamed.key());
        self.resolve(draft::save_checked(
            &renamed,
            stored.as_deref(),
            clock::now(),
        ));
        Ok(())
    }

    pub fn duplicate(&self, id: &str) {
        let Some(d) = self.find(id) else { return };
        let copy = draft::duplicate(&d, clock::now(), clock::entropy());
        self.resolve(draft::save_checked(&copy, None, clock::now()));
    }

    pub fn delete(&self, id: &str) {
        let Some(d) = self.find(id) else { return };
        let deleted = draft::delete(&d, self.stored(&d.key()).as_deref(), clock::now());
        self.run(&deleted.ops);
        if let Some(q) = deleted.quarantined.clone() {
            self.quarantined.update(|list| list.push(q));
        }
        self.list.update(|l| l.retain(|x| x.id != id));
        if self.current.get_untracked().as_deref() == Some(id) {
            self.start_new();
        }
        self.deleted.set(Some(deleted));
    }

    pub fn undo_delete(&self) {
        let Some(deleted) = self.deleted.get_untracked() else {
            return;
        };
        let stored = self.stored(&deleted.draft.key());
        self.resolve(draft::undo_delete(
            &deleted,
            stored.as_deref(),
            clock::now(),
        ));
        self.deleted.set(None);
    }

    /// Adds imported drafts (the plan already holds the user's choices).
    pub fn import(&self, applied: draft::Applied) {
        self.run(&applied.ops);
        for d in applied.added.into_iter().chain(applied.replaced) {
            if self.current.get_untracked().as_deref() == Some(d.id.as_str()) {
                self.answers.set(d.answers.clone());
                self.ticked.set(d.ticked.clone());
            }
            self.put(d);
        }
    }

    /// Forgets data kept aside, after the user has exported it or said so. A newer version's
    /// data, left where it was found, is never removed from here.
    pub fn discard_quarantined(&self) {
        for q in self
            .quarantined
            .get_untracked()
            .iter()
            .filter(|q| !q.in_place())
        {
            self.run(&draft::discard_quarantined(q));
        }
        self.quarantined
            .update(|list| list.retain(Quarantined::in_place));
        self.problems.set(Vec::new());
    }

    fn find(&self, id: &str) -> Option<Draft> {
        self.list
            .with_untracked(|l| l.iter().find(|d| d.id == id).cloned())
    }
}
