//! The storage home shared by every kind of record the app keeps on the device (drafts,
//! rosters): versioned records under one key each, data that cannot be read kept aside and never
//! dropped, the two-tab protocol, export and import.
//!
//! Plain data and pure functions: nothing here touches storage or reads the clock. The UI reads
//! its store, passes the entries in, and executes the [`Op`]s it gets back (in order, stopping at
//! the first failed write: [`execute`]). So every rule is tested natively, once for all kinds.
//!
//! # Storage layout
//!
//! ```text
//! <kind.meta_key>          = {"version":N}                        the layout marker
//! <kind.key_prefix><id>    = {"version":N,"id":"<id>","name":"…",…,"created":"…",
//!                             "updated":"…","revision":7}         one record
//! expat-navigator.quarantine.<n> = {"format":"expat-navigator-quarantine","origin":"<key>",
//!                             "code":"corrupt-json","found":"2026-11-21T09:30:00","raw":"…"}
//! ```
//!
//! `revision` counts the writes of a record; a tab compares it with what it last saw to detect
//! another tab's change. `<n>` is a hash of the original key and text, so two tabs quarantining
//! the same value write the same key. Timestamps are the device's local wall time, to the second.
//!
//! A kind implements [`Record`]: its keys and limits ([`Kind`]), how one record is read (repairing
//! what it can, reporting [`Issue`]s) and written. The rest is here: [`Loader`] reads a library,
//! [`save_checked`] / [`merge_on_external_change`] / [`delete`] / [`undo_delete`] keep two tabs
//! from overwriting each other, [`export_json`] / [`import_json`] move records between devices.

mod fields;
mod load;
mod ops;
mod problem;
mod quarantine;
mod sync;
mod text;
mod time;
mod transfer;
pub mod typing;

use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::Value;

use crate::domain::lang::Lang;

pub use fields::{
    invalid, object_and_version, read_id, read_lang, read_name, read_revision, read_time,
    unknown_fields,
};
pub use load::{Change, Loaded, Loader, Migrated, on_storage_change};
pub use ops::{Failed, Op, apply_in_memory, execute, pending_after, pending_value};
pub use problem::{DropReason, DroppedAnswer, Issue, Problem, Source};
pub use quarantine::{
    QUARANTINE_FORMAT, QUARANTINE_KEY_PREFIX, Quarantined, discard_quarantined, export_quarantine,
};
pub use sync::{
    Deleted, Resolution, delete, merge_on_external_change, save_checked, save_over, undo_delete,
};
pub use text::{
    MAX_ID_CHARS, MAX_NAME_CHARS, NameError, Suffix, check_name, clean_name, dated_name, fnv,
    new_id, quote, short_json, valid_id, with_suffix,
};
pub use time::{format_timestamp, parse_timestamp, second, ser_opt_time, ser_time};
pub use transfer::{
    Applied, Choice, ImportConflict, ImportError, ImportPlan, export_file_name, export_json,
    import_json,
};

/// Problems list at most this many dropped items or unknown fields (the total is given too).
pub const MAX_LISTED: usize = 20;

/// Where a kind of record lives and how big it may be.
#[derive(Debug)]
pub struct Kind {
    /// A record's key: this prefix and its id.
    pub key_prefix: &'static str,
    /// The layout marker, `{"version":N}`.
    pub meta_key: &'static str,
    /// The schema version of a record, the marker and the export file.
    pub version: u64,
    /// The first version that wrote the layout marker: an earlier version's marker (from this one
    /// on) is replaced quietly, its records being migrated as they are read.
    pub first_marker_version: u64,
    /// Where the names being typed in the list (new, renamed) are kept (see [`typing`]).
    pub typed_names_key: &'static str,
    /// The `format` of an export file, and the start of its name.
    pub export_format: &'static str,
    /// The export file's list of records.
    pub export_field: &'static str,
    /// Whether a key written by an earlier version belongs to this kind (its quarantine entries
    /// are listed with it).
    pub owns_origin: fn(&str) -> bool,
    /// A stored record larger than this is not parsed (local storage holds about 5 MB in all).
    pub max_record_bytes: usize,
    /// A record larger than this is not copied aside: a copy could use up the storage quota and
    /// stop saving. It is left where it is, reported with its size, for the user to download
    /// and then delete.
    pub max_copy_aside_bytes: usize,
    /// An import file larger than this is refused.
    pub max_import_bytes: usize,
    /// At most this many records are imported from one file (a bound for hostile files).
    pub max_import_records: usize,
}

impl Kind {
    /// The storage key of an id.
    pub fn key(&self, id: &str) -> String {
        format!("{}{id}", self.key_prefix)
    }

    /// The id of a record key, if the id is valid.
    pub fn id_from_key<'a>(&self, key: &'a str) -> Option<&'a str> {
        key.strip_prefix(self.key_prefix).filter(|id| valid_id(id))
    }

    fn meta_op(&self) -> Op {
        Op::Set {
            key: self.meta_key.to_owned(),
            value: format!("{{\"version\":{}}}", self.version),
        }
    }
}

/// What every record has besides its content, borrowed for changing.
pub struct HeaderMut<'a> {
    pub id: &'a mut String,
    pub name: &'a mut String,
    pub created: &'a mut NaiveDateTime,
    pub updated: &'a mut NaiveDateTime,
    /// The revision stored under the key, as this copy last saw it; 0: never stored.
    pub revision: &'a mut u64,
}

/// The header accessors of [`Record`], for a struct with the fields every record has: `id`,
/// `name`, `lang`, `created`, `updated` and `revision`. Written inside `impl Record for …`.
macro_rules! record_header {
    () => {
        fn id(&self) -> &str {
            &self.id
        }
        fn name(&self) -> &str {
            &self.name
        }
        fn updated(&self) -> ::chrono::NaiveDateTime {
            self.updated
        }
        fn revision(&self) -> u64 {
            self.revision
        }
        fn lang(&self) -> $crate::domain::lang::Lang {
            self.lang
        }
        fn header_mut(&mut self) -> $crate::domain::store::HeaderMut<'_> {
            $crate::domain::store::HeaderMut {
                id: &mut self.id,
                name: &mut self.name,
                created: &mut self.created,
                updated: &mut self.updated,
                revision: &mut self.revision,
            }
        }
    };
}
pub(crate) use record_header;

/// One record read from storage or a file: what could be read, what was wrong, its version.
pub struct Read<R> {
    pub record: R,
    pub issues: Vec<Issue>,
    pub version: u64,
}

/// A kind of record kept on the device.
pub trait Record: Clone + PartialEq + std::fmt::Debug {
    const KIND: &'static Kind;

    fn id(&self) -> &str;
    fn name(&self) -> &str;
    fn updated(&self) -> NaiveDateTime;
    fn revision(&self) -> u64;
    /// The language its derived names ("… (copy)") are written in.
    fn lang(&self) -> Lang;
    fn header_mut(&mut self) -> HeaderMut<'_>;
    /// The same content (ids, times and revisions aside).
    fn same_content(&self, other: &Self) -> bool;
    /// Reads a record of any version this app knows. `id_hint`: the id of the key it was
    /// stored under, which wins. Errors are for values that cannot be read at all;
    /// [`Issue::FutureVersion`] for a newer version's record.
    fn read(value: &Value, now: NaiveDateTime, id_hint: Option<&str>) -> Result<Read<Self>, Issue>;
    /// The record in its stored form, fields in order.
    fn stored_form(&self) -> impl Serialize + '_;

    /// Its storage key.
    fn key(&self) -> String {
        Self::KIND.key(self.id())
    }

    /// The record as stored (no checks).
    fn to_json(&self) -> String {
        serde_json::to_string(&self.stored_form()).unwrap_or_default()
    }
}

/// The write that stores a record.
pub fn set_op<R: Record>(record: &R) -> Op {
    Op::Set {
        key: record.key(),
        value: record.to_json(),
    }
}

/// Writes for a whole library: the layout marker and every record (to seed a memory store, or
/// storage that works again after being unavailable from the start).
pub fn library_ops<R: Record>(records: &[R]) -> Vec<Op> {
    let mut ops = vec![R::KIND.meta_op()];
    ops.extend(records.iter().map(set_op));
    ops
}

/// Most recently changed first, then by name and id, so every list has one order.
pub fn sort_latest_first<R: Record>(records: &mut [R]) {
    records.sort_by(|a, b| {
        b.updated()
            .cmp(&a.updated())
            .then_with(|| a.name().cmp(b.name()))
            .then_with(|| a.id().cmp(b.id()))
    });
}

/// Reads a stored value as JSON, refusing one too large to parse.
pub(crate) fn parse_record(raw: &str, max_bytes: usize) -> Result<Value, Issue> {
    if raw.len() > max_bytes {
        return Err(Issue::TooLarge {
            bytes: raw.len(),
            max: max_bytes,
        });
    }
    serde_json::from_str(raw).map_err(|_| Issue::CorruptJson)
}

/// Reads one stored record of kind `R`.
pub(crate) fn read_raw<R: Record>(
    raw: &str,
    now: NaiveDateTime,
    id_hint: Option<&str>,
) -> Result<Read<R>, Issue> {
    parse_record(raw, R::KIND.max_record_bytes).and_then(|v| R::read(&v, now, id_hint))
}

/// A copy under a new id, named with `suffix`, stored as revision 1. The id is derived from
/// the record and `purpose`, so two tabs making the same copy make it once.
pub(crate) fn copy_of<R: Record>(r: &R, suffix: Suffix, now: NaiveDateTime, purpose: &str) -> R {
    let now = second(now);
    let seed = fnv(&[
        purpose.as_bytes(),
        r.id().as_bytes(),
        r.to_json().as_bytes(),
        format_timestamp(now).as_bytes(),
    ]);
    let mut copy = r.clone();
    let h = copy.header_mut();
    *h.id = new_id(now, seed);
    *h.name = with_suffix(r.name(), suffix, r.lang());
    *h.created = now;
    *h.updated = now;
    *h.revision = 1;
    copy
}
