//! A library of records kept on the device (drafts, rosters), as the pages see it: the list,
//! the open record, what another tab did, what could not be read, and the last deletion. Every
//! decision is the domain's (`domain::store`); this carries the decisions out: writes through
//! the shared [`Saver`], changes to the signals, and `show` to put a record's content on the
//! page (a draft's answers, a roster's text).

use leptos::prelude::*;

use crate::domain::store::{
    self, Applied, Change, Deleted, Loaded, NameError, Op, Problem, Quarantined, Record, Resolution,
};
use crate::platform::clock;
use crate::platform::storage::best_effort;
use crate::ui::alert;
use crate::ui::saving::Saver;

/// Something to tell the user about the open record, once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Both tabs changed the open record: ours is kept as a copy (now open), theirs under its
    /// name.
    Conflict {
        copy_name: String,
        other_name: String,
    },
    /// Another tab deleted the open record; `restore` brings it back.
    DeletedElsewhere { name: String, restore: Vec<Op> },
}

/// A new name for a record, as typed so far, and why the last attempt to save it was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renaming {
    pub name: String,
    pub error: Option<NameError>,
}

/// The names being typed in a list: in its rename forms, by record id, and for a new record.
/// The list keeps them, not its rows: a row is built again when the list changes (another tab
/// saves), and what was typed must outlive it. They are kept on the device as they are typed
/// (`domain::store::typing`), so a reload or a closed tab loses none. Not generic, so drafts
/// and rosters share one copy of the code.
#[derive(Clone, Copy)]
pub struct Renames {
    open: RwSignal<Vec<(String, Renaming)>>,
    /// The name typed for a new record, before it is created.
    pub new_name: RwSignal<String>,
    /// Where the typed names are kept on the device.
    key: &'static str,
}

impl Renames {
    /// The names typed under `key` before the page was last left.
    fn new(key: &'static str) -> Renames {
        let typed = store::typing::read(best_effort::get(key).as_deref());
        let open = typed
            .renames
            .into_iter()
            .map(|(id, name)| (id, Renaming { name, error: None }))
            .collect();
        Renames {
            open: RwSignal::new(open),
            new_name: RwSignal::new(typed.new_name),
            key,
        }
    }

    /// What is typed for `id`, when its form is open.
    pub fn get(&self, id: &str) -> Option<Renaming> {
        self.open
            .with(|open| open.iter().find(|(i, _)| i == id).map(|(_, r)| r.clone()))
    }

    pub fn is_open(&self, id: &str) -> bool {
        self.open.with(|open| open.iter().any(|(i, _)| i == id))
    }

    /// Opens the form with `name`; an open form keeps its text.
    fn open(&self, id: &str, name: &str) {
        if !self.is_open(id) {
            let typed = Renaming {
                name: name.to_owned(),
                error: None,
            };
            self.open.update(|open| open.push((id.to_owned(), typed)));
            self.keep();
        }
    }

    pub fn type_name(&self, id: &str, name: String) {
        self.edit(id, |r| r.name = name);
        self.keep();
    }

    /// The name typed for a new record changed.
    pub fn type_new_name(&self, name: String) {
        self.new_name.set(name);
        self.keep();
    }

    pub fn close(&self, id: &str) {
        self.open.update(|open| open.retain(|(i, _)| i != id));
        self.keep();
    }

    /// Forgets the forms of records that are gone (deleted while the page was away).
    fn keep_only(&self, ids: &[&str]) {
        if self
            .open
            .with_untracked(|open| open.iter().any(|(i, _)| !ids.contains(&i.as_str())))
        {
            self.open
                .update(|open| open.retain(|(i, _)| ids.contains(&i.as_str())));
            self.keep();
        }
    }

    fn refuse(&self, id: &str, error: NameError) {
        self.edit(id, |r| r.error = Some(error));
    }

    fn edit(&self, id: &str, change: impl FnOnce(&mut Renaming)) {
        self.open.update(|open| {
            if let Some((_, r)) = open.iter_mut().find(|(i, _)| i == id) {
                change(r);
            }
        });
    }

    /// Writes what is typed now to the device, at once: it is small.
    fn keep(&self) {
        let typed = store::typing::Typed {
            new_name: self.new_name.get_untracked(),
            renames: self.open.with_untracked(|open| {
                open.iter()
                    .map(|(id, r)| (id.clone(), r.name.clone()))
                    .collect()
            }),
        };
        // Outside the records' writer: a name being typed is not a record, and a full storage
        // must not hold up the records' writes.
        best_effort::set(self.key, store::typing::write(&typed).as_deref());
    }
}

pub struct Library<R: Send + Sync + 'static> {
    /// Every record, most recently changed first.
    pub list: RwSignal<Vec<R>>,
    /// The id of the open record; `None` until something is typed into a new one.
    pub current: RwSignal<Option<String>>,
    pub problems: RwSignal<Vec<Problem>>,
    pub quarantined: RwSignal<Vec<Quarantined>>,
    pub notice: RwSignal<Option<Notice>>,
    /// The last deletion, for Undo.
    pub deleted: RwSignal<Option<Deleted<R>>>,
    /// The rename forms open in the list, with what is typed in them.
    pub renaming: Renames,
    saver: Saver,
    /// Puts a record's content on the page (when opened, adopted from another tab, imported).
    show: Callback<R>,
}

impl<R: Send + Sync + 'static> Clone for Library<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Send + Sync + 'static> Copy for Library<R> {}

impl<R: Record + Send + Sync + 'static> Library<R> {
    /// An empty library; `show` puts a record's content on the page.
    pub fn new(show: impl Fn(R) + Send + Sync + 'static) -> Library<R> {
        let typed_names_key = R::KIND.typed_names_key;
        let saver = Saver::expect();
        let library = Library {
            list: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            problems: RwSignal::new(Vec::new()),
            quarantined: RwSignal::new(Vec::new()),
            notice: RwSignal::new(None),
            deleted: RwSignal::new(None),
            renaming: Renames::new(typed_names_key),
            saver,
            show: Callback::new(show),
        };
        saver.add_library(move || store::library_ops(&library.list.get_untracked()));
        library
    }

    /// Every stored `(key, value)` where `wanted(key)`; `None` when storage refuses now.
    pub fn entries(&self, wanted: fn(&str) -> bool) -> Option<Vec<(String, String)>> {
        self.saver.entries(wanted).ok()
    }

    /// Takes what was read: runs its plan, lists it, and opens the latest record.
    pub fn take(&self, loaded: Loaded<R>) {
        self.saver.run(&loaded.plan);
        match loaded.records.first() {
            Some(latest) => self.show_record(latest.clone()),
            None => self.current.set(None),
        }
        self.renaming
            .keep_only(&loaded.records.iter().map(Record::id).collect::<Vec<_>>());
        self.list.set(loaded.records);
        self.problems.set(loaded.problems);
        self.quarantined.set(loaded.quarantined);
    }

    /// Runs storage operations (see [`Saver::run`]).
    pub fn run(&self, ops: &[Op]) {
        self.saver.run(ops);
    }

    /// What storage holds under `key` as far as this tab knows (storage refused: the record as
    /// this tab last had it).
    pub fn stored(&self, key: &str) -> Option<String> {
        self.saver.stored(key, || {
            self.list
                .with_untracked(|l| l.iter().find(|r| r.key() == key).map(Record::to_json))
        })
    }

    /// Downloads every record as an export file.
    pub fn export_all(&self) {
        self.list.with_untracked(|list| download_export(list));
    }

    /// Downloads one record as an export file.
    pub fn export(&self, id: &str) {
        if let Some(r) = self.find(id) {
            download_export(std::slice::from_ref(&r));
        }
    }

    pub fn find(&self, id: &str) -> Option<R> {
        self.list
            .with_untracked(|l| l.iter().find(|r| r.id() == id).cloned())
    }

    pub fn open_record(&self) -> Option<R> {
        self.find(&self.current.get_untracked()?)
    }

    fn show_record(&self, record: R) {
        self.current.set(Some(record.id().to_owned()));
        self.show.run(record);
    }

    /// Opens a record from the list.
    pub fn open(&self, id: &str) {
        if let Some(r) = self.find(id) {
            self.show_record(r);
        }
    }

    /// Adds or replaces a record in the list, keeping the latest change first.
    pub fn put(&self, record: R) {
        self.list.update(|list| {
            list.retain(|r| r.id() != record.id());
            list.push(record);
            store::sort_latest_first(list);
        });
    }

    /// Saves an edited (or new) record without overwriting another tab's change.
    pub fn save(&self, edited: &R) {
        let stored = self.stored(&edited.key());
        let now = clock::now();
        self.resolve(match self.find(edited.id()) {
            Some(last_seen) => store::save_over(edited, &last_seen, stored.as_deref(), now),
            None => store::save_checked(edited, stored.as_deref(), now),
        });
    }

    /// A `storage` event for `key` (a key of this kind): the open record is merged, others
    /// refresh the list.
    pub fn on_other_tab(&self, key: &str) {
        let now = clock::now();
        let raw = self.stored(key);
        match self.open_record() {
            Some(open) if open.key() == key => {
                self.resolve(store::merge_on_external_change(&open, raw.as_deref(), now));
            }
            _ => match store::on_storage_change::<R>(key, raw.as_deref(), now) {
                Change::Upsert { record } => self.put(record),
                Change::Removed { id } => self.list.update(|l| l.retain(|r| r.id() != id)),
                Change::Unreadable { problem } => self.problems.update(|p| p.push(problem)),
                Change::NotThisKind => {}
            },
        }
    }

    /// Carries out what the domain decided.
    pub fn resolve(&self, resolution: Resolution<R>) {
        self.saver.run(resolution.ops());
        match resolution {
            Resolution::UpToDate => {}
            Resolution::Saved { record, .. } | Resolution::Restored { record, .. } => {
                self.put(record)
            }
            Resolution::Adopt { record } => {
                if self.current.get_untracked().as_deref() == Some(record.id()) {
                    self.show.run(record.clone());
                }
                self.put(record);
            }
            Resolution::Conflict { stored, copy, .. } => {
                self.notice.set(Some(Notice::Conflict {
                    copy_name: copy.name().to_owned(),
                    other_name: stored.name().to_owned(),
                }));
                self.put(stored);
                self.current.set(Some(copy.id().to_owned()));
                self.put(copy);
            }
            Resolution::DeletedElsewhere { restore } => {
                let name = self
                    .open_record()
                    .map(|r| r.name().to_owned())
                    .unwrap_or_default();
                self.notice
                    .set(Some(Notice::DeletedElsewhere { name, restore }));
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
                self.current.set(Some(copy.id().to_owned()));
                self.put(copy);
            }
        }
    }

    /// Opens the rename form of a record with its current name (an open form keeps its text).
    pub fn start_renaming(&self, id: &str) {
        if let Some(r) = self.find(id) {
            self.renaming.open(id, r.name());
        }
    }

    /// Saves the typed name; a refused name stays in the form with the reason.
    pub fn finish_renaming(&self, id: &str) {
        let Some(typed) = self.renaming.get(id) else {
            return;
        };
        match self.rename(id, &typed.name) {
            Ok(()) => self.renaming.close(id),
            Err(e) => self.renaming.refuse(id, e),
        }
    }

    /// Renames a record (saved at once).
    fn rename(&self, id: &str, name: &str) -> Result<(), NameError> {
        let Some(mut r) = self.find(id) else {
            return Ok(());
        };
        *r.header_mut().name = store::check_name(name)?;
        self.save(&r);
        Ok(())
    }

    /// Deletes a record (Undo brings it back). Returns whether it was the open one.
    pub fn delete(&self, id: &str) -> bool {
        let Some(r) = self.find(id) else {
            return false;
        };
        let deleted = store::delete(&r, self.stored(&r.key()).as_deref(), clock::now());
        self.saver.run(&deleted.ops);
        if let Some(q) = deleted.quarantined.clone() {
            self.quarantined.update(|list| list.push(q));
        }
        self.list.update(|l| l.retain(|x| x.id() != id));
        self.deleted.set(Some(deleted));
        self.current.get_untracked().as_deref() == Some(id)
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

    /// Adds imported records (the plan already holds the user's choices).
    pub fn import(&self, applied: Applied<R>) {
        self.saver.run(&applied.ops);
        for r in applied.added.into_iter().chain(applied.replaced) {
            if self.current.get_untracked().as_deref() == Some(r.id()) {
                self.show.run(r.clone());
            }
            self.put(r);
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
            self.saver.run(&store::discard_quarantined(q));
        }
        self.quarantined
            .update(|list| list.retain(Quarantined::in_place));
        self.problems.set(Vec::new());
    }

    /// Deletes a record left in place because it was too big to copy aside, at the user's
    /// explicit request (after downloading it).
    pub fn delete_in_place(&self, key: &str) {
        self.saver.run(&[Op::Remove {
            key: key.to_owned(),
        }]);
        self.quarantined.update(|q| q.retain(|e| e.key != key));
        self.problems.update(|p| {
            p.retain(
                |problem| !matches!(&problem.source, store::Source::Key { key: k } if k == key),
            )
        });
    }
}

/// Downloads `records` as an export file, named after their kind and the time.
fn download_export<R: Record>(records: &[R]) {
    let now = clock::now();
    alert::download(
        &store::export_file_name::<R>(now),
        "application/json",
        &store::export_json(records, now),
    );
}
