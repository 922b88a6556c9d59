//! The drafts controller: the open draft is saved as it changes, other tabs' changes come in
//! through `storage` events. Writes go through the shared [`Saver`], so what storage refuses
//! waits in this tab and is written as soon as storage works again.
//! Every decision (what to write, what to keep aside, conflicts) is the domain's
//! (`domain::draft`); this module only runs its plans against the store and updates signals.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::draft::{self, Deleted, Draft, Op, Problem, Quarantined, Resolution};
use crate::domain::flow::Answers;
use crate::domain::lang::Lang;
use crate::platform::clock;
use crate::platform::location;
use crate::ui::saving::Saver;

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
    pub notice: RwSignal<Option<DraftNotice>>,
    /// The last deletion, for Undo.
    pub deleted: RwSignal<Option<Deleted>>,
    answers: RwSignal<Answers>,
    ticked: RwSignal<std::collections::BTreeSet<String>>,
    typed: RwSignal<BTreeMap<String, String>>,
    lang: Signal<Lang>,
    saver: Saver,
}

/// How long typing must pause before what was typed is saved.
const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

impl Drafts {
    /// Loads the library (migrating, repairing, keeping aside), reopens the latest draft, and
    /// starts autosaving and listening to other tabs.
    pub fn provide(
        answers: RwSignal<Answers>,
        ticked: RwSignal<std::collections::BTreeSet<String>>,
        typed: RwSignal<BTreeMap<String, String>>,
        lang: Signal<Lang>,
    ) -> Drafts {
        let saver = Saver::expect();
        let drafts = Drafts {
            list: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            problems: RwSignal::new(Vec::new()),
            quarantined: RwSignal::new(Vec::new()),
            notice: RwSignal::new(None),
            deleted: RwSignal::new(None),
            answers,
            ticked,
            typed,
            lang,
            saver,
        };
        saver.add_library(move || draft::library_ops(&drafts.list.get_untracked()));
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
        // Storage refused now: nothing can be read, so nothing is replaced.
        let Ok(entries) = self.saver.entries(draft::is_app_key) else {
            return;
        };
        let loaded = draft::load_library(&entries, clock::now());
        self.run(&loaded.plan);
        if let Some(open) = loaded
            .current
            .as_ref()
            .and_then(|id| loaded.drafts.iter().find(|d| &d.id == id))
        {
            self.answers.set(open.answers.clone());
            self.ticked.set(open.ticked.clone());
            self.typed.set(open.typed.clone());
        }
        self.current.set(loaded.current);
        self.list.set(loaded.drafts);
        self.problems.set(loaded.problems);
        self.quarantined.set(loaded.quarantined);
    }

    /// Saves the open draft whenever its answers, ticks or typed values change; the first
    /// change of a new application creates its draft. What is typed is saved once typing pauses
    /// (and at once when the page is hidden or left), answers and ticks at once.
    fn autosave(&self) {
        let this = *self;
        let typing = StoredValue::new(0u64);
        Effect::new(move |_| {
            let answers = this.answers.get();
            let ticked = this.ticked.get();
            let typed = this.typed.get();
            let only_typed = this
                .open_draft()
                .is_some_and(|open| open.answers == answers && open.ticked == ticked);
            if only_typed {
                let generation = typing.get_value() + 1;
                typing.set_value(generation);
                set_timeout(
                    move || {
                        if typing.get_value() == generation {
                            this.save_now();
                        }
                    },
                    TYPING_PAUSE,
                );
            } else if !(answers.is_empty() && ticked.is_empty() && typed.is_empty()) {
                this.save_now();
            }
        });
        let flush = move || {
            typing.update_value(|g| *g += 1);
            this.save_now();
        };
        window_event_listener(leptos::ev::pagehide, move |_| flush());
        window_event_listener(leptos::ev::visibilitychange, move |_| flush());
    }

    /// Writes the open draft as the signals hold it, if it changed (creating it if needed).
    fn save_now(&self) {
        let (answers, ticked, typed) = (
            self.answers.get_untracked(),
            self.ticked.get_untracked(),
            self.typed.get_untracked(),
        );
        let now = clock::now();
        let edited = match self.open_draft() {
            Some(open)
                if open.answers == answers && open.ticked == ticked && open.typed == typed =>
            {
                return;
            }
            Some(open) => Draft {
                answers,
                ticked,
                typed,
                updated: now,
                ..open
            },
            None if answers.is_empty() && ticked.is_empty() && typed.is_empty() => return,
            None => {
                let lang = self.lang.get_untracked();
                let Ok(new) = draft::new_draft("", lang, now, clock::entropy()) else {
                    return;
                };
                self.current.set(Some(new.id.clone()));
                Draft {
                    answers,
                    ticked,
                    typed,
                    ..new
                }
            }
        };
        let stored = self.stored(&edited.key());
        self.resolve(draft::save_checked(&edited, stored.as_deref(), now));
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
                draft::Change::Upsert { record: draft } => self.put(draft),
                draft::Change::Removed { id } => self.list.update(|l| l.retain(|d| d.id != id)),
                draft::Change::Unreadable { problem } => self.problems.update(|p| p.push(problem)),
                draft::Change::NotThisKind => {}
            },
        }
    }

    /// Carries out what the domain decided.
    fn resolve(&self, resolution: Resolution) {
        self.run(resolution.ops());
        match resolution {
            Resolution::UpToDate => {}
            Resolution::Saved { record, .. } | Resolution::Restored { record, .. } => {
                self.put(record)
            }
            Resolution::Adopt { record } => {
                self.answers.set(record.answers.clone());
                self.ticked.set(record.ticked.clone());
                self.typed.set(record.typed.clone());
                self.put(record);
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

    /// Runs storage operations (see [`Saver::run`]).
    pub fn run(&self, ops: &[Op]) {
        self.saver.run(ops);
    }

    /// What storage holds under `key` as far as this tab knows (storage refused: the draft as
    /// this tab last had it).
    fn stored(&self, key: &str) -> Option<String> {
        self.saver.stored(key, || {
            self.list
                .with_untracked(|l| l.iter().find(|d| d.key() == key).map(|d| draft::save(d).1))
        })
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
        self.typed.set(d.typed);
    }

    /// A new application: the next answer starts a new draft; the others stay as they are.
    pub fn start_new(&self) {
        self.current.set(None);
        self.answers.set(Answers::new());
        self.ticked.set(Default::default());
        self.typed.set(Default::default());
    }

    /// Creates a named, empty draft and opens it.
    pub fn create(&self, name: &str) -> Result<(), draft::NameError> {
        self.create_with(name, Answers::new(), BTreeMap::new())
    }

    /// Creates a draft holding these answers and typed values (a roster's row, say) and opens
    /// it.
    pub fn create_with(
        &self,
        name: &str,
        answers: Answers,
        typed: BTreeMap<String, String>,
    ) -> Result<(), draft::NameError> {
        let new = Draft {
            answers,
            typed,
            ..draft::new_draft(
                name,
                self.lang.get_untracked(),
                clock::now(),
                clock::entropy(),
            )?
        };
        let stored = self.stored(&new.key());
        self.current.set(Some(new.id.clone()));
        self.answers.set(new.answers.clone());
        self.ticked.set(Default::default());
        self.typed.set(new.typed.clone());
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
        let stored = self.stored(&deleted.record.key());
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
                self.typed.set(d.typed.clone());
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

    /// Deletes a record left in place because it was too big to copy aside, at the user's
    /// explicit request (after downloading it).
    pub fn delete_in_place(&self, key: &str) {
        self.run(&[Op::Remove {
            key: key.to_owned(),
        }]);
        self.quarantined.update(|q| q.retain(|e| e.key != key));
        self.problems.update(|p| {
            p.retain(
                |problem| !matches!(&problem.source, draft::Source::Key { key: k } if k == key),
            )
        });
    }

    fn find(&self, id: &str) -> Option<Draft> {
        self.list
            .with_untracked(|l| l.iter().find(|d| d.id == id).cloned())
    }
}
