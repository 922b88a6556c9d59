//! Drafts: named applications in preparation (answers, ticked checklist items, what is being
//! typed), kept on the device, never lost.
//!
//! A draft is one kind of [`store`] record: the storage home gives it versioned keys,
//! quarantine, the two-tab protocol, export and import. This module says what a draft holds (a
//! header and an [`Application`]), how each of its fields is read, repaired and migrated from
//! earlier versions (`read`), and how the first release's single draft moves into the library
//! ([`read_library`]).
//!
//! # Storage layout
//!
//! Version 1 (the first wizard release) kept one autosaved draft:
//!
//! ```text
//! expat-navigator.draft = {"version":1,"lang":"en","answers":{"need":"work"},
//!                          "ticked":["item-key"],"updated":"2026-11-20T10:00:00"}
//! ```
//!
//! Version 2 keeps a library, one key per draft, so two tabs rarely write the same key. What is
//! typed and not an answer yet is kept by the page's field id, dates as `"day/month/year"`:
//!
//! ```text
//! expat-navigator.drafts       = {"version":2}                      the layout marker
//! expat-navigator.draft.<id>   = {"version":2,"id":"<id>","name":"Aigerim S.","lang":"en",
//!                                 "answers":{"need":"work"},"ticked":["item-key"],
//!                                 "typed":{"family":"1","dates-passport":"12/3/20"},
//!                                 "created":"2026-11-20T10:00:00","updated":"2026-11-21T09:30:00",
//!                                 "revision":7}
//! ```
//!
//! Version 3 (current) has the same keys. `answers` still holds every answer as a code, the
//! result page's details included; `typed` becomes `pending`, by question id and by named date
//! ([`DateField::code`](crate::domain::application::DateField::code)), each date's boxes as typed:
//!
//! ```text
//! expat-navigator.drafts       = {"version":3}
//! expat-navigator.draft.<id>   = {"version":3,"id":"<id>","name":"Aigerim S.","lang":"en",
//!                                 "answers":{"need":"work"},"ticked":["item-key"],
//!                                 "pending":{"answers":{"family":"1"},"dates":{"passport-expiry":
//!                                   {"day":"12","month":"3","year":"20"}}},
//!                                 "created":"2026-11-20T10:00:00","updated":"2026-11-21T09:30:00",
//!                                 "revision":7}
//! ```
//!
//! `typed` and `pending` (and each part of `pending`) are written only when they hold something.
//! Loading migrates every older record as it reads it: version 1's key becomes a library draft
//! and is removed; a version 2 record is written back as version 3 under its key (its `typed`
//! dates to their named fields, `dates-submitted`, `fees-payment`, `dates-passport` and
//! `dates-visa-end`, question ids to `pending.answers`); a typed value with no place in
//! version 3 is dropped and reported, the original text kept aside. Version 2's layout marker
//! is replaced by this version's. Export files of any version up to this one import.
//!
//! Other keys (`expat-navigator.lang`, rosters, other apps' keys) are never read or written here.
//!
//! # Who uses what
//!
//! The UI keeps drafts in the shared library of records (`ui::library::Library<Draft>`, its page
//! parts in `ui::components::library`), which calls the storage home's generic functions
//! directly: saving, other tabs' changes, delete and undo, export and import. The drafts
//! controller (`ui::drafts`) reads the library at start ([`is_app_key`], [`read_library`]), saves
//! the open draft as its [`Application`] changes, and makes drafts with [`new_draft`] and
//! [`duplicate`]. What is stored is this module's: [`Draft`], [`KIND`], and how a record is read,
//! migrated and written. The draft-shaped wrappers here ([`load_library`], [`summaries`],
//! [`rename`], [`export_json`], [`import_json`], [`on_storage_change`]...) state the same rules
//! for drafts; the tests use them.

mod read;

use chrono::NaiveDateTime;
use serde::Serialize;

use super::application::Application;
use super::flow::ServiceId;
use super::lang::Lang;
use super::store::{self, Kind, Loader, Record};

pub use super::store::Migrated;
// The two-tab protocol, delete and undo, export and import: the storage home's, for drafts.
pub use super::store::{
    Choice, DropReason, DroppedAnswer, Failed, ImportError, Issue, MAX_ID_CHARS, MAX_LISTED,
    MAX_NAME_CHARS, NameError, Op, Problem, QUARANTINE_FORMAT, QUARANTINE_KEY_PREFIX, Quarantined,
    Source, Suffix, apply_in_memory, discard_quarantined, execute, export_quarantine,
    format_timestamp, new_id, parse_timestamp, pending_after, pending_value, valid_id, with_suffix,
};
pub use super::store::{delete, merge_on_external_change, save_checked, save_over, undo_delete};

/// The current schema version of a draft record, the library and the export file.
pub const VERSION: u64 = 3;
/// Version 1's single autosaved draft.
pub const V1_KEY: &str = "expat-navigator.draft";
/// The layout marker (since version 2), `{"version":N}`.
pub const META_KEY: &str = "expat-navigator.drafts";
/// The drafts (since version 2): this prefix and the draft's id.
pub const DRAFT_KEY_PREFIX: &str = "expat-navigator.draft.";
/// The `format` of an export file.
pub const EXPORT_FORMAT: &str = "expat-navigator-drafts";
/// A stored draft record larger than this is not parsed (local storage holds about 5 MB in all).
pub const MAX_RECORD_BYTES: usize = 8 * 1024 * 1024;
/// An import file larger than this is refused.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;
/// At most this many drafts are imported from one file (a bound for hostile files; an import is
/// at most [`MAX_IMPORT_BYTES`]). Loading reads every draft in storage, however many.
pub const MAX_DRAFTS: usize = 100_000;
/// A record under a draft key larger than this is not copied aside: a draft is a few KB, and a
/// copy of something this big could use up the storage quota and stop saving.
pub const MAX_COPY_ASIDE_BYTES: usize = 64 * 1024;
/// Entries of a stored answers map read; there are 30 question ids.
pub const MAX_ANSWERS: usize = 64;
/// An answer value, in bytes; the longest valid value is about 20.
pub const MAX_VALUE_BYTES: usize = 64;
/// Ticked checklist items per draft.
pub const MAX_TICKED: usize = 2000;
/// A ticked item key, in bytes (printable ASCII).
pub const MAX_TICK_KEY_BYTES: usize = 200;
/// Version 2's typed values read per draft (what is migrated into the application's
/// [`Pending`](crate::domain::application::Pending) values). Version 3's pending values need no
/// count: their keys are question ids and date fields, each once.
pub const MAX_TYPED: usize = 32;
/// A typed value, in bytes: version 2's field ids and their text, version 3's pending answers
/// and each of a pending date's boxes.
pub const MAX_TYPED_BYTES: usize = 64;

/// Where drafts live and how big they may be.
pub static KIND: Kind = Kind {
    key_prefix: DRAFT_KEY_PREFIX,
    meta_key: META_KEY,
    version: VERSION,
    first_marker_version: 2,
    typed_names_key: "expat-navigator.typing.drafts",
    export_format: EXPORT_FORMAT,
    export_field: "drafts",
    // Everything kept aside that is not a roster's, including entries whose origin is unknown.
    owns_origin: |origin| !origin.starts_with(super::roster::saved::KEY_STEM),
    max_record_bytes: MAX_RECORD_BYTES,
    max_copy_aside_bytes: MAX_COPY_ASIDE_BYTES,
    max_import_bytes: MAX_IMPORT_BYTES,
    max_import_records: MAX_DRAFTS,
};

/// The two-tab outcomes, deletions, imports and library changes, for drafts.
pub type Resolution = store::Resolution<Draft>;
pub type Deleted = store::Deleted<Draft>;
pub type ImportPlan = store::ImportPlan<Draft>;
pub type ImportConflict = store::ImportConflict<Draft>;
pub type Applied = store::Applied<Draft>;
pub type Change = store::Change<Draft>;

/// One application in preparation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// Stable; the storage key is [`DRAFT_KEY_PREFIX`] + id.
    pub id: String,
    /// The user's name for it (an employee's name, say); 1..=[`MAX_NAME_CHARS`] characters.
    pub name: String,
    pub lang: Lang,
    /// Its content: answers, details, ticked items, and what is being typed.
    pub application: Application,
    pub created: NaiveDateTime,
    /// The last change.
    pub updated: NaiveDateTime,
    /// The revision stored under the key, as this copy last saw it; 0: never stored.
    pub revision: u64,
}

impl Draft {
    /// Its storage key.
    pub fn key(&self) -> String {
        draft_key(&self.id)
    }

    /// The same name, language and application (ids, times and revisions aside).
    pub fn same_content(&self, other: &Draft) -> bool {
        self.name == other.name && self.lang == other.lang && self.application == other.application
    }

    /// The service the answers lead to, once the wizard is done.
    pub fn service(&self) -> Option<ServiceId> {
        self.application.outcome().map(|outcome| outcome.service)
    }

    pub fn summary(&self) -> DraftSummary {
        DraftSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            lang: self.lang,
            service: self.service(),
            updated: self.updated,
            answered: self.application.answered(),
            ticked: self.application.ticked.len(),
        }
    }
}

impl Record for Draft {
    const KIND: &'static Kind = &KIND;

    store::record_header!();
    fn same_content(&self, other: &Self) -> bool {
        Draft::same_content(self, other)
    }
    fn read(
        value: &serde_json::Value,
        now: NaiveDateTime,
        id_hint: Option<&str>,
    ) -> Result<store::Read<Self>, Issue> {
        read::read_value(value, now, id_hint)
    }
    fn stored_form(&self) -> impl Serialize + '_ {
        read::StoredDraft::of(self)
    }
}

/// A line of the drafts list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    pub lang: Lang,
    /// `None` while the wizard has questions left.
    pub service: Option<ServiceId>,
    #[serde(serialize_with = "store::ser_time")]
    pub updated: NaiveDateTime,
    /// Answers given, details included.
    pub answered: usize,
    pub ticked: usize,
}

/// The list, most recently changed first.
pub fn summaries(drafts: &[Draft]) -> Vec<DraftSummary> {
    let mut list: Vec<DraftSummary> = drafts.iter().map(Draft::summary).collect();
    list.sort_by(|a, b| {
        b.updated
            .cmp(&a.updated)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    list
}

/// A new, empty draft, not yet stored (revision 0): save it with [`save_checked`].
///
/// An empty `name` gets the default ("Draft 2026-11-20"). `entropy` is any random number (the UI
/// passes `Math.random()` bits), so two tabs creating a draft in the same second get two ids.
pub fn new_draft(
    name: &str,
    lang: Lang,
    now: NaiveDateTime,
    entropy: u64,
) -> Result<Draft, NameError> {
    let now = store::second(now);
    let name = match store::check_name(name) {
        Err(NameError::Empty) => default_name(lang, now),
        other => other?,
    };
    Ok(Draft {
        id: new_id(now, entropy),
        name,
        lang,
        application: Application::default(),
        created: now,
        updated: now,
        revision: 0,
    })
}

/// The draft renamed (not yet saved: pass it to [`save_checked`]).
pub fn rename(draft: &Draft, name: &str) -> Result<Draft, NameError> {
    let name = store::check_name(name)?;
    Ok(Draft {
        name,
        ..draft.clone()
    })
}

/// A copy with a new id, named "… (copy)", not yet stored (revision 0).
pub fn duplicate(draft: &Draft, now: NaiveDateTime, entropy: u64) -> Draft {
    let now = store::second(now);
    Draft {
        id: new_id(now, entropy),
        name: with_suffix(&draft.name, Suffix::Copy, draft.lang),
        created: now,
        updated: now,
        revision: 0,
        ..draft.clone()
    }
}

/// "Draft 2026-11-20" in the draft's language. Stored names, so they live with the draft rules
/// rather than in the locale files.
pub fn default_name(lang: Lang, when: NaiveDateTime) -> String {
    let word = match lang {
        Lang::Kk => "Жоба",
        Lang::En => "Draft",
        Lang::Ru => "Черновик",
    };
    store::dated_name(word, when)
}

/// The storage key of a draft id.
pub fn draft_key(id: &str) -> String {
    KIND.key(id)
}

/// The draft id of a draft key, if the id is valid.
pub fn id_from_key(key: &str) -> Option<&str> {
    KIND.id_from_key(key)
}

/// The keys [`load_library`] wants: drafts (version 1's key and the library's), the layout
/// marker, the quarantine.
pub fn is_app_key(key: &str) -> bool {
    key == V1_KEY
        || key == META_KEY
        || key.starts_with(DRAFT_KEY_PREFIX)
        || key.starts_with(QUARANTINE_KEY_PREFIX)
}

/// A draft as its storage key and JSON record (exactly as stored; no checks).
pub fn save(draft: &Draft) -> (String, String) {
    (draft.key(), draft.to_json())
}

// ---------------------------------------------------------------------------------------------
// Loading

/// The library as read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    /// Most recently changed first.
    pub drafts: Vec<Draft>,
    /// The draft to reopen: the most recently changed one.
    pub current: Option<String>,
    /// What to tell the user.
    pub problems: Vec<Problem>,
    /// Everything kept aside: found now, and by earlier sessions.
    pub quarantined: Vec<Quarantined>,
    pub migrated: Vec<Migrated>,
    /// The storage writes that make storage match `drafts` and `quarantined`. Execute with
    /// [`execute`]; loading again afterwards gives an empty plan.
    pub plan: Vec<Op>,
}

/// Reads the library from every app key in storage (values as stored; keys that are not
/// [`is_app_key`] are ignored): migrates versions 1 and 2, repairs what it can (dropping invalid
/// parts, never a whole draft), keeps aside what it cannot read, and leaves newer versions alone.
/// Never panics, whatever the values.
pub fn load_library(entries: &[(String, String)], now: NaiveDateTime) -> Loaded {
    let loaded = read_library(entries, now);
    Loaded {
        current: loaded.records.first().map(|d| d.id.clone()),
        drafts: loaded.records,
        problems: loaded.problems,
        quarantined: loaded.quarantined,
        migrated: loaded.migrated,
        plan: loaded.plan,
    }
}

/// [`load_library`] in the storage home's form, as the browser takes it.
pub fn read_library(entries: &[(String, String)], now: NaiveDateTime) -> store::Loaded<Draft> {
    let mut loader = Loader::<Draft>::read(entries, now, is_app_key);
    if let Some(raw) = loader.raw(V1_KEY) {
        migrate_v1(&mut loader, raw);
    }
    loader.finish()
}

/// Moves the first release's single draft into the library, then removes its key.
fn migrate_v1(loader: &mut Loader<Draft>, raw: &str) {
    let key = V1_KEY;
    let mut read = match store::read_raw::<Draft>(raw, loader.now(), None) {
        Ok(read) => read,
        Err(issue) => return loader.unreadable(key, None, raw, issue),
    };
    // Never over a key this load did not read (a newer version's, one over the limit) or one
    // it kept aside.
    if loader.get(&read.record.id).is_none() && loader.key_exists(&read.record.id) {
        read.record.id = new_id(
            read.record.updated,
            store::fnv(&[key.as_bytes(), raw.as_bytes()]),
        );
    }
    let id = read.record.id.clone();
    let empty = read.record.application.is_empty();
    if let Some(existing) = loader.get(&id) {
        // Migrated before, but the old key was not removed then.
        if !existing.same_content(&read.record) || !read.issues.is_empty() {
            let issue = Issue::AlreadyMigrated { id: id.clone() };
            loader.keep_aside(key, raw, &issue);
            loader.problem(key, Some(&id), issue);
        }
        loader.migrated(key, read.version, Some(id));
    } else if empty && read.issues.is_empty() {
        loader.migrated(key, read.version, None);
    } else {
        loader.repaired(key, raw, &id, read.issues);
        loader.migrated(key, read.version, Some(id));
        loader.add(read.record);
    }
    loader.remove(key);
}

/// Drafts as one JSON file: `{"format":"expat-navigator-drafts","version":3,…,"drafts":[…]}`.
pub fn export_json(drafts: &[Draft], now: NaiveDateTime) -> String {
    store::export_json(drafts, now)
}

/// Reads the current value of a draft key after a `storage` event (pass `store.get(key)`).
pub fn on_storage_change(key: &str, raw: Option<&str>, now: NaiveDateTime) -> Change {
    store::on_storage_change(key, raw, now)
}

/// Reads an export file (any version up to this one), a list of draft records, or a single
/// draft record (any version up to this one), and sorts its drafts against the library's
/// `existing` ones.
pub fn import_json(
    text: &str,
    existing: &[Draft],
    now: NaiveDateTime,
) -> Result<ImportPlan, ImportError> {
    store::import_json(text, existing, now)
}
