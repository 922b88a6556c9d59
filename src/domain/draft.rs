//! Drafts: named sets of answers and ticked checklist items, kept on the device, never lost.
//!
//! Plain data and pure functions: nothing here touches storage or reads the clock. The UI reads
//! its store, passes the entries in, and executes the [`Op`]s it gets back through its
//! `KeyValueStore` (in order, stopping at the first failed write: [`execute`]). So every rule —
//! migration, repair, quarantine, the two-tab protocol, import merging — is tested natively.
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
//! Version 2 (current) keeps a library, one key per draft, so two tabs rarely write the same key:
//!
//! ```text
//! expat-navigator.drafts       = {"version":2}                      the layout marker
//! expat-navigator.draft.<id>   = {"version":2,"id":"<id>","name":"Aigerim S.","lang":"en",
//!                                 "answers":{"need":"work"},"ticked":["item-key"],
//!                                 "created":"2026-11-20T10:00:00","updated":"2026-11-21T09:30:00",
//!                                 "revision":7}
//! expat-navigator.quarantine.<n> = {"format":"expat-navigator-quarantine","origin":"<key>",
//!                                 "code":"corrupt-json","found":"2026-11-21T09:30:00","raw":"..."}
//! ```
//!
//! `revision` counts the writes of a draft; a tab compares it with what it last saw to detect
//! another tab's change. `<n>` is a hash of the original key and text, so two tabs quarantining
//! the same value write the same key. Timestamps are the device's local wall time, to the second.
//! Other keys (`expat-navigator.lang`, other apps' keys) are never read or written here.
//!
//! # What the UI does
//!
//! - Start: collect `(key, value)` for every key where [`is_app_key`], call [`load_library`],
//!   [`execute`] its `plan`, show `problems`, offer `quarantined` for export
//!   ([`export_quarantine`]). If storage is not persistent or a write fails: keep working in
//!   memory (seed a `MemoryStore` with [`apply_in_memory`] / [`library_ops`]) and say that drafts
//!   will not be kept. Nothing further is then written to local storage, so nothing there is
//!   overwritten.
//! - Every change (answer, tick, rename): [`save_checked`] with the value *currently* stored under
//!   [`Draft::key`], then execute the resolution's ops.
//! - A `storage` event for the open draft's key: [`merge_on_external_change`] with the value
//!   currently in storage (`store.get(key)`, not the event's `newValue`: if two tabs raced, only
//!   the tab whose write was lost then sees a conflict, so only one copy is made). For other draft
//!   keys: [`on_storage_change`] to refresh the list.
//! - Create, duplicate, rename, delete with undo: [`new_draft`], [`duplicate`], [`rename`],
//!   [`delete`] / [`undo_delete`]; the list: [`summaries`].
//! - Export and import: [`export_json`], [`import_json`], then [`ImportPlan::apply`] with the
//!   user's [`Choice`] for each conflict.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::Serialize;
use serde_json::{Map, Value};

use super::flow::{self, AnswerError, Answers, QuestionId, ServiceId, Step};
use super::lang::Lang;

/// The current schema version of a draft record, the library and the export file.
pub const VERSION: u64 = 2;
/// Version 1's single autosaved draft.
pub const V1_KEY: &str = "expat-navigator.draft";
/// Version 2's layout marker.
pub const META_KEY: &str = "expat-navigator.drafts";
/// Version 2's drafts: this prefix and the draft's id.
pub const DRAFT_KEY_PREFIX: &str = "expat-navigator.draft.";
/// Raw values kept aside: this prefix and a hash.
pub const QUARANTINE_KEY_PREFIX: &str = "expat-navigator.quarantine.";
/// The `format` of an export file.
pub const EXPORT_FORMAT: &str = "expat-navigator-drafts";
/// The `format` of a quarantine entry and of a quarantine export.
pub const QUARANTINE_FORMAT: &str = "expat-navigator-quarantine";

/// A stored draft record larger than this is not parsed (local storage holds about 5 MB in all).
pub const MAX_RECORD_BYTES: usize = 8 * 1024 * 1024;
/// An import file larger than this is refused.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;
/// At most this many drafts are imported from one file (a bound for hostile files; an import is
/// at most [`MAX_IMPORT_BYTES`]). Loading reads every draft in storage, however many.
pub const MAX_DRAFTS: usize = 100_000;
/// A record under a draft key larger than this is not copied aside: a draft is a few KB, and a
/// copy of something this big could use up the storage quota and stop saving. It is left where it
/// is, reported with its size, for the user to download and then delete.
pub const MAX_COPY_ASIDE_BYTES: usize = 64 * 1024;
/// A draft's name, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// A draft id: ASCII letters, digits, `-` and `_`.
pub const MAX_ID_CHARS: usize = 64;
/// Entries of a stored answers map read; there are 29 question ids.
pub const MAX_ANSWERS: usize = 64;
/// An answer value, in bytes; the longest valid value is about 20.
pub const MAX_VALUE_BYTES: usize = 64;
/// Ticked checklist items per draft.
pub const MAX_TICKED: usize = 2000;
/// A ticked item key, in bytes (printable ASCII).
pub const MAX_TICK_KEY_BYTES: usize = 200;
/// Typed values kept per draft, their field ids and their text, in bytes.
pub const MAX_TYPED: usize = 32;
pub const MAX_TYPED_BYTES: usize = 64;
/// Dropped answers and unknown fields listed in one problem (the total is given too).
pub const MAX_LISTED: usize = 20;
/// A key or value quoted back in a problem, in characters.
const MAX_QUOTED: usize = 40;

const V1_FIELDS: [&str; 5] = ["version", "lang", "answers", "ticked", "updated"];
const V2_FIELDS: [&str; 10] = [
    "version", "id", "name", "lang", "answers", "ticked", "typed", "created", "updated", "revision",
];

// ---------------------------------------------------------------------------------------------
// The draft

/// One application in preparation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// Stable; the storage key is [`DRAFT_KEY_PREFIX`] + id.
    pub id: String,
    /// The user's name for it (an employee's name, say); 1..=[`MAX_NAME_CHARS`] characters.
    pub name: String,
    pub lang: Lang,
    pub answers: Answers,
    /// Checklist item keys ticked off.
    pub ticked: BTreeSet<String>,
    /// What was typed that is not an answer (yet): an unfinished number, the result page's dates
    /// (passport expiry, visa end, payment date), by field id. Kept so a reload loses nothing;
    /// never shared by link.
    pub typed: BTreeMap<String, String>,
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

    /// The same name, language, answers and ticks (ids, times and revisions aside).
    pub fn same_content(&self, other: &Draft) -> bool {
        self.name == other.name
            && self.lang == other.lang
            && self.answers == other.answers
            && self.ticked == other.ticked
            && self.typed == other.typed
    }

    /// The service the answers lead to, once the wizard is done.
    pub fn service(&self) -> Option<ServiceId> {
        match flow::next(&self.answers) {
            Step::Done(outcome) => Some(outcome.service),
            Step::Ask(_) => None,
        }
    }

    pub fn summary(&self) -> DraftSummary {
        DraftSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            lang: self.lang,
            service: self.service(),
            updated: self.updated,
            answered: self.answers.len(),
            ticked: self.ticked.len(),
        }
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
    #[serde(serialize_with = "ser_time")]
    pub updated: NaiveDateTime,
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

/// Why a name was refused. `code()` is stable, for the UI to translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum NameError {
    /// Nothing left once control characters and surrounding spaces are removed.
    Empty,
    TooLong {
        max: usize,
    },
}

impl NameError {
    pub fn code(self) -> &'static str {
        match self {
            NameError::Empty => "name-empty",
            NameError::TooLong { .. } => "name-too-long",
        }
    }
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for NameError {}

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
    let now = second(now);
    let name = match check_name(name) {
        Err(NameError::Empty) => default_name(lang, now),
        other => other?,
    };
    Ok(Draft {
        id: new_id(now, entropy),
        name,
        lang,
        answers: Answers::new(),
        ticked: BTreeSet::new(),
        typed: BTreeMap::new(),
        created: now,
        updated: now,
        revision: 0,
    })
}

/// The draft renamed (not yet saved: pass it to [`save_checked`]).
pub fn rename(draft: &Draft, name: &str) -> Result<Draft, NameError> {
    let name = check_name(name)?;
    Ok(Draft {
        name,
        ..draft.clone()
    })
}

/// A copy with a new id, named "… (copy)", not yet stored (revision 0).
pub fn duplicate(draft: &Draft, now: NaiveDateTime, entropy: u64) -> Draft {
    let now = second(now);
    Draft {
        id: new_id(now, entropy),
        name: with_suffix(&draft.name, Suffix::Copy, draft.lang),
        created: now,
        updated: now,
        revision: 0,
        ..draft.clone()
    }
}

/// A fresh id: the time and eight hex digits from `entropy`, e.g. `20261120-100000-9f3a1c2e`.
pub fn new_id(now: NaiveDateTime, entropy: u64) -> String {
    format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}-{:08x}",
        now.year().clamp(0, 9999),
        now.month(),
        now.day(),
        now.hour(),
        now.minute(),
        now.second().min(59),
        mix(entropy) >> 32
    )
}

/// ASCII letters, digits, `-` and `_`; 1..=[`MAX_ID_CHARS`].
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The storage key of a draft id.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_KEY_PREFIX}{id}")
}

/// The draft id of a version 2 draft key, if the id is valid.
pub fn id_from_key(key: &str) -> Option<&str> {
    key.strip_prefix(DRAFT_KEY_PREFIX).filter(|id| valid_id(id))
}

/// The keys [`load_library`] wants: drafts (v1 and v2), the layout marker, the quarantine.
pub fn is_app_key(key: &str) -> bool {
    key == V1_KEY
        || key == META_KEY
        || key.starts_with(DRAFT_KEY_PREFIX)
        || key.starts_with(QUARANTINE_KEY_PREFIX)
}

/// A draft as its storage key and JSON record (exactly as stored; no checks).
pub fn save(draft: &Draft) -> (String, String) {
    (draft.key(), record_json(draft))
}

// ---------------------------------------------------------------------------------------------
// Timestamps

/// Reads `YYYY-MM-DDTHH:MM[:SS[.fff]]` (a space for the `T` too). A trailing `Z` or UTC offset is
/// accepted and dropped: the wall time as written is kept. Seconds are kept, fractions dropped.
pub fn parse_timestamp(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if s.len() > 40 {
        return None;
    }
    // The form this app writes, read without chrono's format machinery (thousands of drafts
    // are read at every start); any other accepted form goes through chrono.
    if let Some(t) = parse_stored_timestamp(s) {
        return Some(t);
    }
    let body = strip_zone(s);
    [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(body, f).ok())
    .filter(|t| (1..=9999).contains(&t.year()))
    .map(second)
}

/// Exactly `YYYY-MM-DDTHH:MM:SS`, as [`format_timestamp`] writes it.
fn parse_stored_timestamp(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 19
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            _ => c.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    let n = |from: usize, to: usize| s[from..to].parse::<u32>().ok();
    let date = NaiveDate::from_ymd_opt(n(0, 4)? as i32, n(5, 7)?, n(8, 10)?)?;
    let t = date.and_hms_opt(n(11, 13)?, n(14, 16)?, n(17, 19)?)?;
    (1..=9999).contains(&t.year()).then_some(t)
}

/// `2026-11-20T10:00:00`, the form stored.
pub fn format_timestamp(t: NaiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second().min(59)
    )
}

fn strip_zone(s: &str) -> &str {
    let s = s.strip_suffix(['Z', 'z']).unwrap_or(s);
    if let Some(time) = s.get(11..)
        && let Some(i) = time.find(['+', '-'])
    {
        return &s[..11 + i];
    }
    s
}

/// To the whole second (a leap second becomes :59).
fn second(t: NaiveDateTime) -> NaiveDateTime {
    let t = t.with_nanosecond(0).unwrap_or(t);
    if t.second() > 59 {
        t.with_second(59).unwrap_or(t)
    } else {
        t
    }
}

fn ser_time<S: serde::Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_timestamp(*t))
}

fn ser_opt_time<S: serde::Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&format_timestamp(*t)),
        None => s.serialize_none(),
    }
}

// ---------------------------------------------------------------------------------------------
// Problems

/// What was wrong with a stored or imported value. `code()` is stable, for the UI to translate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Issue {
    // The value cannot be read at all: it is kept aside whole.
    /// Larger than [`MAX_RECORD_BYTES`] (or [`MAX_IMPORT_BYTES`]).
    TooLarge { bytes: usize, max: usize },
    /// Not JSON (a truncated write, say).
    CorruptJson,
    /// JSON, but not an object.
    NotAnObject,
    /// No `version`, or not a whole number this app knows.
    UnknownVersion,
    /// Written by a newer version of the app: left exactly where it is.
    FutureVersion { version: u64 },
    /// Larger than [`MAX_COPY_ASIDE_BYTES`]: left exactly where it is, for the user to download
    /// and delete.
    TooLargeToCopy { bytes: usize },

    // The draft was read, but part of it could not be: that part was dropped or repaired, and
    // the original text is kept aside.
    /// A field of the wrong type or with an impossible value (`name`, `lang`, `created`...).
    InvalidField { field: String },
    /// Fields this version does not have (listed up to [`MAX_LISTED`]).
    UnknownFields { fields: Vec<String>, total: usize },
    /// Answers that are not valid (listed up to [`MAX_LISTED`]).
    InvalidAnswers {
        dropped: Vec<DroppedAnswer>,
        total: usize,
    },
    /// Ticked item keys that were not strings, too long, or over [`MAX_TICKED`].
    InvalidTicks { dropped: usize },
    /// The key's id and the record's differed, or the key's id was invalid; the draft now has
    /// the id `id`.
    IdRepaired { found: String, id: String },
    /// A version 1 draft whose migrated copy already exists and has changed since: the old text
    /// is kept aside, the migrated draft is untouched.
    AlreadyMigrated { id: String },

    // Library and file level.
    /// Over [`MAX_DRAFTS`]: the rest were not read (and stay where they are).
    TooManyDrafts { skipped: usize },
    /// An import file had this id twice with different contents: the later one got a new id.
    DuplicateId { id: String },
}

impl Issue {
    pub fn code(&self) -> &'static str {
        match self {
            Issue::TooLarge { .. } => "too-large",
            Issue::CorruptJson => "corrupt-json",
            Issue::NotAnObject => "not-an-object",
            Issue::UnknownVersion => "unknown-version",
            Issue::FutureVersion { .. } => "future-version",
            Issue::TooLargeToCopy { .. } => "too-large-to-copy",
            Issue::InvalidField { .. } => "invalid-field",
            Issue::UnknownFields { .. } => "unknown-fields",
            Issue::InvalidAnswers { .. } => "invalid-answers",
            Issue::InvalidTicks { .. } => "invalid-ticks",
            Issue::IdRepaired { .. } => "id-repaired",
            Issue::AlreadyMigrated { .. } => "already-migrated",
            Issue::TooManyDrafts { .. } => "too-many-drafts",
            Issue::DuplicateId { .. } => "duplicate-id",
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Issue::TooLarge { bytes, max } => write!(f, "{} ({bytes} > {max} bytes)", self.code()),
            Issue::FutureVersion { version } => write!(f, "{} ({version})", self.code()),
            Issue::TooLargeToCopy { bytes } => write!(f, "{} ({bytes} bytes)", self.code()),
            Issue::InvalidField { field } => write!(f, "{}: {field}", self.code()),
            Issue::UnknownFields { fields, total } => {
                write!(f, "{} ({total}): {}", self.code(), fields.join(", "))
            }
            Issue::InvalidAnswers { dropped, total } => {
                write!(f, "{} ({total}):", self.code())?;
                for d in dropped {
                    write!(f, " {}={:?} ({})", d.question, d.value, d.reason.code())?;
                }
                Ok(())
            }
            Issue::InvalidTicks { dropped } => write!(f, "{} ({dropped})", self.code()),
            Issue::IdRepaired { found, id } => write!(f, "{}: {found:?} -> {id}", self.code()),
            Issue::AlreadyMigrated { id } | Issue::DuplicateId { id } => {
                write!(f, "{}: {id}", self.code())
            }
            Issue::TooManyDrafts { skipped } => write!(f, "{} ({skipped})", self.code()),
            _ => f.write_str(self.code()),
        }
    }
}

/// An answer dropped when reading a draft: its question and value as found (quoted, shortened).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DroppedAnswer {
    pub question: String,
    pub value: String,
    pub reason: DropReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum DropReason {
    UnknownQuestion,
    NotAString,
    /// Over [`MAX_VALUE_BYTES`].
    TooLong {
        bytes: usize,
    },
    Invalid {
        error: AnswerError,
    },
    /// Beyond [`MAX_ANSWERS`] entries.
    TooMany,
}

impl DropReason {
    pub fn code(self) -> &'static str {
        match self {
            DropReason::UnknownQuestion => "unknown-question",
            DropReason::NotAString => "not-a-string",
            DropReason::TooLong { .. } => "too-long",
            DropReason::Invalid { .. } => "invalid",
            DropReason::TooMany => "too-many",
        }
    }
}

/// Where a problem was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "at", rename_all = "kebab-case")]
pub enum Source {
    /// A storage key.
    Key { key: String },
    /// The n-th draft (0-based) of an import file.
    Import { index: usize },
    /// An import file as a whole.
    File,
}

/// A problem to tell the user about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub source: Source,
    /// The draft it concerns, when one was read (look its name up in the list).
    pub draft: Option<String>,
    pub issue: Issue,
}

impl Problem {
    pub fn code(&self) -> &'static str {
        self.issue.code()
    }

    fn at_key(key: &str, draft: Option<&str>, issue: Issue) -> Problem {
        Problem {
            source: Source::Key {
                key: key.to_owned(),
            },
            draft: draft.map(str::to_owned),
            issue,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.source {
            Source::Key { key } => write!(f, "{key}: ")?,
            Source::Import { index } => write!(f, "#{index}: ")?,
            Source::File => {}
        }
        write!(f, "{}", self.issue)
    }
}

// ---------------------------------------------------------------------------------------------
// Storage operations

/// A storage write the UI performs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    Set { key: String, value: String },
    Remove { key: String },
}

impl Op {
    pub fn key(&self) -> &str {
        match self {
            Op::Set { key, .. } | Op::Remove { key } => key,
        }
    }
}

/// The write that failed; the ops after it were not performed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failed<E> {
    pub index: usize,
    pub key: String,
    pub error: E,
}

/// Performs `ops` in order through the store, stopping at the first failed write or removal.
/// Plans put every removal after the writes it depends on (the copy in quarantine, the migrated
/// draft), so a failure never removes anything that was not safely written elsewhere first. The
/// ops from the failed one on are what is still to do: see [`pending_after`].
pub fn execute<E>(
    ops: &[Op],
    mut set: impl FnMut(&str, &str) -> Result<(), E>,
    mut remove: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), Failed<E>> {
    for (index, op) in ops.iter().enumerate() {
        let (key, done) = match op {
            Op::Set { key, value } => (key, set(key, value)),
            Op::Remove { key } => (key, remove(key)),
        };
        done.map_err(|error| Failed {
            index,
            key: key.clone(),
            error,
        })?;
    }
    Ok(())
}

/// What is left to write after a failure, to retry later: `ops` from `failed_at` on, keeping
/// only the last op for each key (it decides what the key holds) and their order otherwise, so
/// retries of a draft saved at every keystroke stay one write per key.
pub fn pending_after(ops: &[Op], failed_at: usize) -> Vec<Op> {
    let rest = &ops[failed_at.min(ops.len())..];
    let key = |op: &Op| match op {
        Op::Set { key, .. } | Op::Remove { key } => key.clone(),
    };
    rest.iter()
        .enumerate()
        .filter(|(i, op)| !rest[i + 1..].iter().any(|later| key(later) == key(op)))
        .map(|(_, op)| op.clone())
        .collect()
}

/// What the pending ops say a key holds, if they say anything: `Some(None)` for a removal.
pub fn pending_value<'a>(pending: &'a [Op], key: &str) -> Option<Option<&'a str>> {
    pending.iter().rev().find_map(|op| match op {
        Op::Set { key: k, value } if k == key => Some(Some(value.as_str())),
        Op::Remove { key: k } if k == key => Some(None),
        _ => None,
    })
}

/// Performs `ops` on an in-memory map (the memory fallback, and tests).
pub fn apply_in_memory(map: &mut BTreeMap<String, String>, ops: &[Op]) {
    for op in ops {
        match op {
            Op::Set { key, value } => {
                map.insert(key.clone(), value.clone());
            }
            Op::Remove { key } => {
                map.remove(key);
            }
        }
    }
}

/// Writes for the whole library: the layout marker and every draft (to seed a memory store).
pub fn library_ops(drafts: &[Draft]) -> Vec<Op> {
    let mut ops = vec![meta_op()];
    ops.extend(drafts.iter().map(set_op));
    ops
}

fn set_op(draft: &Draft) -> Op {
    let (key, value) = save(draft);
    Op::Set { key, value }
}

fn meta_op() -> Op {
    Op::Set {
        key: META_KEY.to_owned(),
        value: format!("{{\"version\":{VERSION}}}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Quarantine

/// A raw value kept aside, so the user can export it. Nothing is deleted unless the user
/// discards it ([`discard_quarantined`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quarantined {
    /// Where the raw text is kept (once the plan has run).
    pub key: String,
    /// Where it was found. Equal to `key` for a value left in place (a future version).
    pub origin: String,
    /// The [`Issue::code`] that put it here.
    pub code: String,
    #[serde(serialize_with = "ser_opt_time")]
    pub found: Option<NaiveDateTime>,
    pub raw: String,
}

impl Quarantined {
    /// Left where it was found (a newer version's data), rather than copied aside.
    pub fn in_place(&self) -> bool {
        self.key == self.origin
    }
}

/// Removes a quarantined value: only on the user's explicit request.
pub fn discard_quarantined(entry: &Quarantined) -> Vec<Op> {
    vec![Op::Remove {
        key: entry.key.clone(),
    }]
}

/// The quarantined values as one JSON file.
pub fn export_quarantine(entries: &[Quarantined], now: NaiveDateTime) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        format: &'static str,
        version: u64,
        #[serde(serialize_with = "ser_time")]
        exported: NaiveDateTime,
        entries: &'a [Quarantined],
    }
    to_pretty(&File {
        format: QUARANTINE_FORMAT,
        version: VERSION,
        exported: second(now),
        entries,
    })
}

#[derive(Serialize)]
struct QuarantineRecord<'a> {
    format: &'static str,
    origin: &'a str,
    code: &'a str,
    #[serde(serialize_with = "ser_time")]
    found: NaiveDateTime,
    raw: &'a str,
}

/// The entry and the write that keeps `raw` (found under `origin`) aside. `taken` holds the
/// quarantine keys in use, so a hash collision gets another key.
fn quarantine(
    origin: &str,
    raw: &str,
    issue: &Issue,
    now: NaiveDateTime,
    taken: &BTreeMap<String, Quarantined>,
) -> (Quarantined, Option<Op>) {
    let base = format!(
        "{QUARANTINE_KEY_PREFIX}{:016x}",
        fnv(&[origin.as_bytes(), raw.as_bytes()])
    );
    let mut key = base.clone();
    let mut n = 1;
    loop {
        match taken.get(&key) {
            // Already kept aside (by an earlier load, or another tab): nothing to write.
            Some(q) if q.origin == origin && q.raw == raw => return (q.clone(), None),
            Some(_) => {
                key = format!("{base}-{n}");
                n += 1;
            }
            None => break,
        }
    }
    let entry = Quarantined {
        key: key.clone(),
        origin: origin.to_owned(),
        code: issue.code().to_owned(),
        found: Some(second(now)),
        raw: raw.to_owned(),
    };
    let value = serde_json::to_string(&QuarantineRecord {
        format: QUARANTINE_FORMAT,
        origin,
        code: issue.code(),
        found: second(now),
        raw,
    })
    .unwrap_or_default();
    (entry, Some(Op::Set { key, value }))
}

fn read_quarantine_entry(key: &str, raw: &str) -> Quarantined {
    let fallback = || Quarantined {
        key: key.to_owned(),
        origin: key.to_owned(),
        code: "unknown".to_owned(),
        found: None,
        raw: raw.to_owned(),
    };
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(raw) else {
        return fallback();
    };
    let text = |f: &str| map.get(f).and_then(Value::as_str);
    match (text("format"), text("origin"), text("raw")) {
        (Some(QUARANTINE_FORMAT), Some(origin), Some(inner)) => Quarantined {
            key: key.to_owned(),
            origin: origin.to_owned(),
            code: text("code").map(quote).unwrap_or_default(),
            found: text("found").and_then(parse_timestamp),
            raw: inner.to_owned(),
        },
        _ => fallback(),
    }
}

// ---------------------------------------------------------------------------------------------
// Loading

/// A version 1 draft moved into the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Migrated {
    pub from_key: String,
    pub from_version: u64,
    /// The new draft; `None` when the old draft was empty and was simply removed.
    pub to: Option<String>,
}

/// What [`load_library`] found.
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
    /// The storage writes that make storage match `drafts` and `quarantined`: copies into
    /// quarantine first, then repaired and migrated drafts, then the layout marker, then
    /// removals. Execute with [`execute`]; loading again afterwards gives an empty plan.
    pub plan: Vec<Op>,
}

/// Reads the library from every app key in storage (values as stored; keys that are not
/// [`is_app_key`] are ignored): migrates version 1, repairs what it can (dropping invalid parts,
/// never a whole draft), keeps aside what it cannot read, and leaves newer versions alone.
/// Never panics, whatever the values.
pub fn load_library(entries: &[(String, String)], now: NaiveDateTime) -> Loaded {
    let now = second(now);
    let mut by_key: BTreeMap<&str, &str> = BTreeMap::new();
    for (k, v) in entries {
        if is_app_key(k) {
            by_key.entry(k.as_str()).or_insert(v.as_str());
        }
    }

    let mut loaded = Loaded::default();
    // Quarantine keys in use (earlier sessions' and this load's).
    let mut quarantine_taken: BTreeMap<String, Quarantined> = BTreeMap::new();
    for (key, raw) in by_key
        .iter()
        .filter(|(k, _)| k.starts_with(QUARANTINE_KEY_PREFIX))
    {
        let entry = read_quarantine_entry(key, raw);
        loaded.quarantined.push(entry.clone());
        quarantine_taken.insert((*key).to_owned(), entry);
    }

    let mut sets_aside = Vec::new();
    let mut sets = Vec::new();
    let mut removes = Vec::new();
    let mut drafts: BTreeMap<String, Draft> = BTreeMap::new();

    let mut keep_aside = |origin: &str,
                          raw: &str,
                          issue: &Issue,
                          loaded: &mut Loaded,
                          taken: &mut BTreeMap<String, Quarantined>| {
        let (entry, op) = quarantine(origin, raw, issue, now, taken);
        if let Some(op) = op {
            sets_aside.push(op);
            taken.insert(entry.key.clone(), entry.clone());
            loaded.quarantined.push(entry);
        }
    };

    // Version 2 drafts (and anything else under the draft prefix).
    let draft_keys: Vec<(&str, &str)> = by_key
        .iter()
        .filter(|(k, _)| k.starts_with(DRAFT_KEY_PREFIX))
        .map(|(k, v)| (*k, *v))
        .collect();
    // Ids of valid keys come first, so a repaired id never takes a stored draft's id.
    let key_ids: BTreeSet<&str> = draft_keys
        .iter()
        .filter_map(|(k, _)| id_from_key(k))
        .collect();
    for (key, raw) in draft_keys {
        let hint = id_from_key(key);
        if raw.len() > MAX_COPY_ASIDE_BYTES {
            // Left in place, like a newer version's draft: the user downloads, then deletes it.
            leave_in_place(
                &mut loaded,
                key,
                hint,
                raw,
                Issue::TooLargeToCopy { bytes: raw.len() },
                now,
            );
            // What can be read of it opens as a draft of its own (a new id: the record stays).
            // Once: after that it is a draft like any other, which later loads must not undo.
            let salvage_id =
                |read: &Read| new_id(read.draft.updated, fnv(&[key.as_bytes(), b"too-large"]));
            if let Ok(mut read) = parse_record(raw).and_then(|v| read_value(&v, now, hint))
                && !key_ids.contains(salvage_id(&read).as_str())
            {
                read.draft.id = salvage_id(&read);
                read.draft.revision = 1;
                for issue in read.issues.drain(..) {
                    loaded.problems.push(Problem {
                        source: Source::Key {
                            key: key.to_owned(),
                        },
                        draft: Some(read.draft.id.clone()),
                        issue,
                    });
                }
                let (new_key, json) = save(&read.draft);
                sets.push(Op::Set {
                    key: new_key,
                    value: json,
                });
                drafts.insert(read.draft.id.clone(), read.draft);
            }
            continue;
        }
        let read = parse_record(raw).and_then(|v| read_value(&v, now, hint));
        let mut read = match read {
            Ok(read) => read,
            Err(issue @ Issue::FutureVersion { .. }) => {
                // A newer app's draft: left exactly where it is, listed for export.
                leave_in_place(&mut loaded, key, hint, raw, issue, now);
                continue;
            }
            Err(issue) => {
                keep_aside(key, raw, &issue, &mut loaded, &mut quarantine_taken);
                removes.push(Op::Remove {
                    key: key.to_owned(),
                });
                loaded.problems.push(Problem::at_key(key, hint, issue));
                continue;
            }
        };
        if hint.is_none() {
            // An invalid key: the draft moves to a valid id of its own.
            let mut id = read.draft.id.clone();
            if drafts.contains_key(&id) || key_ids.contains(id.as_str()) {
                id = new_id(read.draft.updated, fnv(&[key.as_bytes(), raw.as_bytes()]));
            }
            read.issues.push(Issue::IdRepaired {
                found: quote(key.strip_prefix(DRAFT_KEY_PREFIX).unwrap_or(key)),
                id: id.clone(),
            });
            read.draft.id = id;
        }
        let id = read.draft.id.clone();
        // A valid record of this version under its own key is left as it is (no rewrite just to
        // reformat it); anything else is written back in the stored form.
        let valid = read.issues.is_empty() && read.version == VERSION;
        if !read.issues.is_empty() {
            keep_aside(
                key,
                raw,
                &read.issues[0],
                &mut loaded,
                &mut quarantine_taken,
            );
        }
        for issue in read.issues {
            loaded.problems.push(Problem::at_key(key, Some(&id), issue));
        }
        if read.version < VERSION {
            loaded.migrated.push(Migrated {
                from_key: key.to_owned(),
                from_version: read.version,
                to: Some(id.clone()),
            });
        }
        if valid && hint == Some(id.as_str()) {
            drafts.insert(id, read.draft);
            continue;
        }
        let (new_key, json) = save(&read.draft);
        if new_key != key {
            sets.push(Op::Set {
                key: new_key,
                value: json,
            });
            removes.push(Op::Remove {
                key: key.to_owned(),
            });
        } else if json != raw {
            sets.push(Op::Set {
                key: new_key,
                value: json,
            });
        }
        drafts.insert(id, read.draft);
    }

    // The version 1 draft.
    if let Some(raw) = by_key.get(V1_KEY).copied() {
        let key = V1_KEY;
        match parse_record(raw).and_then(|v| read_value(&v, now, None)) {
            Err(issue @ Issue::FutureVersion { .. }) => {
                leave_in_place(&mut loaded, key, None, raw, issue, now);
            }
            Err(issue) => {
                keep_aside(key, raw, &issue, &mut loaded, &mut quarantine_taken);
                removes.push(Op::Remove {
                    key: key.to_owned(),
                });
                loaded.problems.push(Problem::at_key(key, None, issue));
            }
            Ok(mut read) => {
                // Never over a key this load did not read (a newer version's, one over the
                // limit) or one it kept aside.
                if !drafts.contains_key(&read.draft.id) && key_ids.contains(read.draft.id.as_str())
                {
                    read.draft.id =
                        new_id(read.draft.updated, fnv(&[key.as_bytes(), raw.as_bytes()]));
                }
                let id = read.draft.id.clone();
                let empty = read.draft.answers.is_empty() && read.draft.ticked.is_empty();
                if let Some(existing) = drafts.get(&id) {
                    // Migrated before, but the old key was not removed then.
                    if !existing.same_content(&read.draft) || !read.issues.is_empty() {
                        let issue = Issue::AlreadyMigrated { id: id.clone() };
                        keep_aside(key, raw, &issue, &mut loaded, &mut quarantine_taken);
                        loaded.problems.push(Problem::at_key(key, Some(&id), issue));
                    }
                    loaded.migrated.push(Migrated {
                        from_key: key.to_owned(),
                        from_version: read.version,
                        to: Some(id),
                    });
                } else if empty && read.issues.is_empty() {
                    loaded.migrated.push(Migrated {
                        from_key: key.to_owned(),
                        from_version: read.version,
                        to: None,
                    });
                } else {
                    if !read.issues.is_empty() {
                        keep_aside(
                            key,
                            raw,
                            &read.issues[0],
                            &mut loaded,
                            &mut quarantine_taken,
                        );
                    }
                    for issue in read.issues {
                        loaded.problems.push(Problem::at_key(key, Some(&id), issue));
                    }
                    sets.push(set_op(&read.draft));
                    loaded.migrated.push(Migrated {
                        from_key: key.to_owned(),
                        from_version: read.version,
                        to: Some(id.clone()),
                    });
                    drafts.insert(id, read.draft);
                }
                removes.push(Op::Remove {
                    key: key.to_owned(),
                });
            }
        }
    }

    // The layout marker: written when missing or unreadable; a newer one is left alone.
    match by_key.get(META_KEY).copied() {
        None => sets.push(meta_op()),
        Some(raw) => {
            let version = serde_json::from_str::<Value>(raw)
                .ok()
                .and_then(|v| v.get("version").and_then(Value::as_u64));
            match version {
                Some(VERSION) => {}
                Some(v) if v > VERSION => {
                    let issue = Issue::FutureVersion { version: v };
                    loaded.quarantined.push(Quarantined {
                        key: META_KEY.to_owned(),
                        origin: META_KEY.to_owned(),
                        code: issue.code().to_owned(),
                        found: Some(now),
                        raw: raw.to_owned(),
                    });
                    loaded.problems.push(Problem::at_key(META_KEY, None, issue));
                }
                _ => {
                    let issue = match parse_record(raw) {
                        Err(issue) => issue,
                        Ok(_) => Issue::UnknownVersion,
                    };
                    keep_aside(META_KEY, raw, &issue, &mut loaded, &mut quarantine_taken);
                    loaded.problems.push(Problem::at_key(META_KEY, None, issue));
                    sets.push(meta_op());
                }
            }
        }
    }

    // A key the plan writes is never removed after (its old value is already kept aside).
    removes.retain(|r| !sets.iter().any(|s| s.key() == r.key()));
    loaded.plan = sets_aside;
    loaded.plan.extend(sets);
    loaded.plan.extend(removes);
    let mut drafts: Vec<Draft> = drafts.into_values().collect();
    drafts.sort_by(|a, b| {
        b.updated
            .cmp(&a.updated)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    loaded.current = drafts.first().map(|d| d.id.clone());
    loaded.drafts = drafts;
    loaded
}

/// Lists a record that stays exactly where it was found (a newer version's, or one too big to
/// copy aside), for export, with the problem that says why.
fn leave_in_place(
    loaded: &mut Loaded,
    key: &str,
    hint: Option<&str>,
    raw: &str,
    issue: Issue,
    now: NaiveDateTime,
) {
    loaded.quarantined.push(Quarantined {
        key: key.to_owned(),
        origin: key.to_owned(),
        code: issue.code().to_owned(),
        found: Some(now),
        raw: raw.to_owned(),
    });
    loaded.problems.push(Problem::at_key(key, hint, issue));
}

/// A change to one draft key seen from another tab, for refreshing the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Added or changed: put it in the list (replacing the one with its id).
    Upsert {
        draft: Draft,
    },
    Removed {
        id: String,
    },
    /// Cannot be read now; the next start will keep it aside. Show the problem.
    Unreadable {
        problem: Problem,
    },
    /// Not a draft key.
    NotADraft,
}

/// Reads the current value of a draft key after a `storage` event (pass `store.get(key)`).
pub fn on_storage_change(key: &str, raw: Option<&str>, now: NaiveDateTime) -> Change {
    let Some(id) = id_from_key(key) else {
        return Change::NotADraft;
    };
    let Some(raw) = raw else {
        return Change::Removed { id: id.to_owned() };
    };
    match parse_record(raw).and_then(|v| read_value(&v, now, Some(id))) {
        Ok(read) => Change::Upsert { draft: read.draft },
        Err(issue) => Change::Unreadable {
            problem: Problem::at_key(key, Some(id), issue),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Reading one record

struct Read {
    draft: Draft,
    issues: Vec<Issue>,
    version: u64,
}

fn parse_record(raw: &str) -> Result<Value, Issue> {
    if raw.len() > MAX_RECORD_BYTES {
        return Err(Issue::TooLarge {
            bytes: raw.len(),
            max: MAX_RECORD_BYTES,
        });
    }
    serde_json::from_str(raw).map_err(|_| Issue::CorruptJson)
}

/// A version 1 or 2 record. `id_hint`: the id of the key it was stored under, which wins.
fn read_value(value: &Value, now: NaiveDateTime, id_hint: Option<&str>) -> Result<Read, Issue> {
    let Value::Object(map) = value else {
        return Err(Issue::NotAnObject);
    };
    let version = map
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(Issue::UnknownVersion)?;
    match version {
        1 | 2 => {}
        v if v > VERSION => return Err(Issue::FutureVersion { version: v }),
        _ => return Err(Issue::UnknownVersion),
    }
    let mut issues = Vec::new();
    let known: &[&str] = if version == 1 { &V1_FIELDS } else { &V2_FIELDS };
    let unknown: Vec<&String> = map
        .keys()
        .filter(|k| !known.contains(&k.as_str()))
        .collect();
    if !unknown.is_empty() {
        issues.push(Issue::UnknownFields {
            fields: unknown.iter().take(MAX_LISTED).map(|k| quote(k)).collect(),
            total: unknown.len(),
        });
    }
    let lang = read_lang(map, &mut issues);
    let answers = read_answers(map, &mut issues);
    let ticked = read_ticked(map, &mut issues);
    let typed = read_typed(map, &mut issues);
    let updated = read_time(map, "updated", &mut issues);
    let draft = if version == 1 {
        let updated = updated.unwrap_or(now);
        Draft {
            id: id_hint
                .map(str::to_owned)
                .unwrap_or_else(|| format!("v1-{:016x}", fnv(&[value.to_string().as_bytes()]))),
            name: default_name(lang, updated),
            lang,
            answers,
            ticked,
            typed,
            created: updated,
            updated,
            revision: 1,
        }
    } else {
        let created = read_time(map, "created", &mut issues);
        let updated = updated.or(created).unwrap_or(now);
        let created = created.unwrap_or(updated);
        Draft {
            id: read_id(map, value, id_hint, &mut issues),
            name: read_name(map, &mut issues).unwrap_or_else(|| default_name(lang, updated)),
            lang,
            answers,
            ticked,
            typed,
            created,
            updated,
            revision: read_revision(map, &mut issues),
        }
    };
    Ok(Read {
        draft,
        issues,
        version,
    })
}

fn invalid(field: &str) -> Issue {
    Issue::InvalidField {
        field: field.to_owned(),
    }
}

fn read_lang(map: &Map<String, Value>, issues: &mut Vec<Issue>) -> Lang {
    match map.get("lang") {
        None => Lang::default(),
        Some(v) => match v.as_str().and_then(Lang::from_code) {
            Some(lang) => lang,
            None => {
                issues.push(invalid("lang"));
                Lang::default()
            }
        },
    }
}

fn read_answers(map: &Map<String, Value>, issues: &mut Vec<Issue>) -> Answers {
    let mut answers = Answers::new();
    let entries = match map.get("answers") {
        None => return answers,
        Some(Value::Object(entries)) => entries,
        Some(_) => {
            issues.push(invalid("answers"));
            return answers;
        }
    };
    let mut dropped = Vec::new();
    let mut total = 0;
    for (n, (q, v)) in entries.iter().enumerate() {
        let text = v.as_str();
        let reason = if n >= MAX_ANSWERS {
            Some(DropReason::TooMany)
        } else {
            match (q.parse::<QuestionId>(), text) {
                (Err(_), _) => Some(DropReason::UnknownQuestion),
                (Ok(_), None) => Some(DropReason::NotAString),
                (Ok(_), Some(t)) if t.len() > MAX_VALUE_BYTES => {
                    Some(DropReason::TooLong { bytes: t.len() })
                }
                (Ok(q), Some(t)) => match flow::validate(q, t) {
                    Ok(()) => {
                        answers.insert(q, t.to_owned());
                        None
                    }
                    Err(error) => Some(DropReason::Invalid { error }),
                },
            }
        };
        if let Some(reason) = reason {
            total += 1;
            if dropped.len() < MAX_LISTED {
                dropped.push(DroppedAnswer {
                    question: quote(q),
                    value: match text {
                        Some(t) => quote(t),
                        None => quote(&short_json(v)),
                    },
                    reason,
                });
            }
        }
    }
    if total > 0 {
        issues.push(Issue::InvalidAnswers { dropped, total });
    }
    answers
}

/// The typed values: an object of short strings; anything else in it is dropped and reported.
fn read_typed(map: &Map<String, Value>, issues: &mut Vec<Issue>) -> BTreeMap<String, String> {
    let Some(value) = map.get("typed") else {
        return BTreeMap::new();
    };
    let Some(object) = value.as_object() else {
        issues.push(invalid("typed"));
        return BTreeMap::new();
    };
    let typed: BTreeMap<String, String> = object
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
        .filter(|(k, v)| k.len() <= MAX_TYPED_BYTES && v.len() <= MAX_TYPED_BYTES)
        .take(MAX_TYPED)
        .collect();
    if typed.len() != object.len() {
        issues.push(invalid("typed"));
    }
    typed
}

fn read_ticked(map: &Map<String, Value>, issues: &mut Vec<Issue>) -> BTreeSet<String> {
    let mut ticked = BTreeSet::new();
    let items = match map.get("ticked") {
        None => return ticked,
        Some(Value::Array(items)) => items,
        Some(_) => {
            issues.push(invalid("ticked"));
            return ticked;
        }
    };
    let mut dropped = 0;
    for item in items {
        match item.as_str() {
            Some(k) if valid_tick_key(k) && ticked.len() < MAX_TICKED => {
                ticked.insert(k.to_owned());
            }
            // A repeated key is not a loss.
            Some(k) if ticked.contains(k) => {}
            _ => dropped += 1,
        }
    }
    if dropped > 0 {
        issues.push(Issue::InvalidTicks { dropped });
    }
    ticked
}

fn valid_tick_key(k: &str) -> bool {
    !k.is_empty() && k.len() <= MAX_TICK_KEY_BYTES && k.bytes().all(|b| b.is_ascii_graphic())
}

fn read_time(
    map: &Map<String, Value>,
    field: &str,
    issues: &mut Vec<Issue>,
) -> Option<NaiveDateTime> {
    let v = map.get(field)?;
    let t = v.as_str().and_then(parse_timestamp);
    if t.is_none() {
        issues.push(invalid(field));
    }
    t
}

fn read_id(
    map: &Map<String, Value>,
    value: &Value,
    hint: Option<&str>,
    issues: &mut Vec<Issue>,
) -> String {
    let derived = || format!("d-{:016x}", fnv(&[value.to_string().as_bytes()]));
    let found = match map.get("id") {
        None => None,
        Some(Value::String(s)) if valid_id(s) => Some(s.as_str()),
        Some(_) => {
            issues.push(invalid("id"));
            None
        }
    };
    match (hint, found) {
        (Some(h), Some(f)) if h != f => {
            issues.push(Issue::IdRepaired {
                found: quote(f),
                id: h.to_owned(),
            });
            h.to_owned()
        }
        (Some(h), _) => h.to_owned(),
        (None, Some(f)) => f.to_owned(),
        (None, None) => derived(),
    }
}

fn read_name(map: &Map<String, Value>, issues: &mut Vec<Issue>) -> Option<String> {
    let v = map.get("name")?;
    let Some(raw) = v.as_str() else {
        issues.push(invalid("name"));
        return None;
    };
    let cleaned = clean_name(raw);
    let name: String = cleaned.chars().take(MAX_NAME_CHARS).collect();
    let name = name.trim_end().to_owned();
    if name != raw {
        issues.push(invalid("name"));
    }
    (!name.is_empty()).then_some(name)
}

fn read_revision(map: &Map<String, Value>, issues: &mut Vec<Issue>) -> u64 {
    match map.get("revision") {
        None => 1,
        Some(v) => v.as_u64().unwrap_or_else(|| {
            issues.push(invalid("revision"));
            1
        }),
    }
}

fn record_json(d: &Draft) -> String {
    serde_json::to_string(&Record::of(d)).unwrap_or_default()
}

/// A version 2 record, in field order.
#[derive(Serialize)]
struct Record<'a> {
    version: u64,
    id: &'a str,
    name: &'a str,
    lang: Lang,
    answers: &'a Answers,
    ticked: &'a BTreeSet<String>,
    // Only when there is something: records without it stay as they were.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    typed: &'a BTreeMap<String, String>,
    #[serde(serialize_with = "ser_time")]
    created: NaiveDateTime,
    #[serde(serialize_with = "ser_time")]
    updated: NaiveDateTime,
    revision: u64,
}

impl Record<'_> {
    fn of(d: &Draft) -> Record<'_> {
        Record {
            version: VERSION,
            id: &d.id,
            name: &d.name,
            lang: d.lang,
            answers: &d.answers,
            ticked: &d.ticked,
            typed: &d.typed,
            created: d.created,
            updated: d.updated,
            revision: d.revision,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Names

/// Control characters removed, surrounding spaces trimmed.
fn clean_name(name: &str) -> String {
    let cleaned: String = name.chars().filter(|c| !c.is_control()).collect();
    cleaned.trim().to_owned()
}

fn check_name(name: &str) -> Result<String, NameError> {
    let name = clean_name(name);
    if name.is_empty() {
        Err(NameError::Empty)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(NameError::TooLong {
            max: MAX_NAME_CHARS,
        })
    } else {
        Ok(name)
    }
}

/// "Draft 2026-11-20" in the draft's language (drafts are "Жобалар" in Kazakh, "Черновики" in Russian). Stored names, so they live
/// with the draft rules rather than in the locale files.
pub fn default_name(lang: Lang, when: NaiveDateTime) -> String {
    let date = format!("{:04}-{:02}-{:02}", when.year(), when.month(), when.day());
    match lang {
        Lang::Kk => format!("Жоба {date}"),
        Lang::En => format!("Draft {date}"),
        Lang::Ru => format!("Черновик {date}"),
    }
}

/// What a derived draft's name says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suffix {
    /// A user's duplicate.
    Copy,
    /// A tab's edit kept apart from another tab's.
    Conflict,
    /// An imported draft kept beside the one with its id.
    Imported,
}

impl Suffix {
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Suffix::Copy, Lang::En) => " (copy)",
            (Suffix::Copy, Lang::Kk) => " (көшірме)",
            (Suffix::Conflict, Lang::En) => " (conflict copy)",
            (Suffix::Conflict, Lang::Kk) => " (қайшылық көшірмесі)",
            (Suffix::Imported, Lang::En) => " (imported)",
            (Suffix::Imported, Lang::Kk) => " (импортталған)",
            (Suffix::Copy, Lang::Ru) => " (копия)",
            (Suffix::Conflict, Lang::Ru) => " (копия при конфликте)",
            (Suffix::Imported, Lang::Ru) => " (импортирован)",
        }
    }
}

/// The name with the suffix, the name shortened to fit [`MAX_NAME_CHARS`].
pub fn with_suffix(name: &str, suffix: Suffix, lang: Lang) -> String {
    let suffix = suffix.text(lang);
    let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
    let base: String = name.chars().take(room).collect();
    format!("{}{suffix}", base.trim_end())
}

fn copy_of(d: &Draft, suffix: Suffix, now: NaiveDateTime, purpose: &str) -> Draft {
    let now = second(now);
    let seed = fnv(&[
        purpose.as_bytes(),
        d.id.as_bytes(),
        record_json(d).as_bytes(),
        format_timestamp(now).as_bytes(),
    ]);
    Draft {
        id: new_id(now, seed),
        name: with_suffix(&d.name, suffix, d.lang),
        created: now,
        updated: now,
        revision: 1,
        ..d.clone()
    }
}

// ---------------------------------------------------------------------------------------------
// Two tabs

/// What to do about the stored version of the open draft. `code()` names the case for the UI.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)]
pub enum Resolution {
    /// Storage already holds this content: nothing to write.
    UpToDate,
    /// Write `ops`; `draft` (revision bumped) is now the open draft.
    Saved { draft: Draft, ops: Vec<Op> },
    /// Another tab changed the draft and this tab had no unsaved edit: show `draft`.
    Adopt { draft: Draft },
    /// Both tabs changed it. The other tab's version stays under the id (`stored`); this tab's
    /// is kept as a new draft `copy` ("… (conflict copy)"), written by `ops`. Say so; the UI
    /// opens `copy` (the user's own edit) and lists both.
    Conflict {
        stored: Draft,
        copy: Draft,
        ops: Vec<Op>,
    },
    /// Deleted in another tab. This tab's copy is unchanged; `restore` re-creates it if the user
    /// wants to keep it.
    DeletedElsewhere { restore: Vec<Op> },
    /// Deleted in another tab while this tab was editing: the edit brings it back (`ops`).
    Restored { draft: Draft, ops: Vec<Op> },
    /// The stored value could not be read: `ops` keep it aside in quarantine, then write
    /// `draft`.
    Repaired {
        draft: Draft,
        ops: Vec<Op>,
        problem: Problem,
        quarantined: Quarantined,
    },
    /// The stored value is from a newer version of the app: left alone. This tab's version is
    /// kept as a new draft `copy`, written by `ops`.
    KeptAside {
        copy: Draft,
        ops: Vec<Op>,
        problem: Problem,
    },
}

impl Resolution {
    pub fn code(&self) -> &'static str {
        match self {
            Resolution::UpToDate => "up-to-date",
            Resolution::Saved { .. } => "saved",
            Resolution::Adopt { .. } => "adopted",
            Resolution::Conflict { .. } => "conflict",
            Resolution::DeletedElsewhere { .. } => "deleted-elsewhere",
            Resolution::Restored { .. } => "restored",
            Resolution::Repaired { .. } => "repaired",
            Resolution::KeptAside { .. } => "kept-aside",
        }
    }

    /// The writes to perform (none for the cases that only change what the tab shows;
    /// `DeletedElsewhere`'s restore only when the user asks).
    pub fn ops(&self) -> &[Op] {
        match self {
            Resolution::Saved { ops, .. }
            | Resolution::Conflict { ops, .. }
            | Resolution::Restored { ops, .. }
            | Resolution::Repaired { ops, .. }
            | Resolution::KeptAside { ops, .. } => ops,
            Resolution::UpToDate
            | Resolution::Adopt { .. }
            | Resolution::DeletedElsewhere { .. } => &[],
        }
    }
}

/// Saves an edit: `edited` is the open draft with the user's change, its `revision` still the
/// one last stored or seen; `stored_raw` is what storage holds under its key right now.
/// Writes only if storage still holds that revision; otherwise nothing is overwritten: a
/// conflicting edit is kept as a copy.
pub fn save_checked(edited: &Draft, stored_raw: Option<&str>, now: NaiveDateTime) -> Resolution {
    reconcile(edited, stored_raw, now, true)
}

/// A `storage` event for the open draft's key: `local` is the open draft (already saved, as
/// every change is), `stored_raw` the value storage holds now.
pub fn merge_on_external_change(
    local: &Draft,
    stored_raw: Option<&str>,
    now: NaiveDateTime,
) -> Resolution {
    reconcile(local, stored_raw, now, false)
}

enum Stored {
    Clean(Draft),
    Future(Issue),
    Bad(Issue),
}

fn read_stored(raw: &str, now: NaiveDateTime, id: &str) -> Stored {
    match parse_record(raw).and_then(|v| read_value(&v, now, Some(id))) {
        Ok(read) => match read.issues.into_iter().next() {
            None => Stored::Clean(read.draft),
            Some(issue) => Stored::Bad(issue),
        },
        Err(issue @ Issue::FutureVersion { .. }) => Stored::Future(issue),
        Err(issue) => Stored::Bad(issue),
    }
}

fn reconcile(
    local: &Draft,
    stored_raw: Option<&str>,
    now: NaiveDateTime,
    dirty: bool,
) -> Resolution {
    let now = second(now);
    let bumped = |d: &Draft| Draft {
        revision: d.revision.saturating_add(1),
        updated: if dirty { now } else { d.updated },
        ..d.clone()
    };
    let Some(raw) = stored_raw else {
        if !dirty {
            return Resolution::DeletedElsewhere {
                restore: vec![set_op(local)],
            };
        }
        let draft = bumped(local);
        let ops = vec![set_op(&draft)];
        return if local.revision == 0 {
            Resolution::Saved { draft, ops }
        } else {
            Resolution::Restored { draft, ops }
        };
    };
    let key = local.key();
    match read_stored(raw, now, &local.id) {
        Stored::Future(issue) => kept_aside(local, &key, issue, now),
        Stored::Bad(issue) => repaired(bumped(local), &key, raw, issue, now),
        Stored::Clean(stored) => {
            if stored.same_content(local) {
                if stored.revision == local.revision {
                    Resolution::UpToDate
                } else {
                    Resolution::Adopt { draft: stored }
                }
            } else if dirty && stored.revision == local.revision {
                let draft = bumped(local);
                Resolution::Saved {
                    ops: vec![set_op(&draft)],
                    draft,
                }
            } else if !dirty && stored.revision > local.revision {
                Resolution::Adopt { draft: stored }
            } else {
                conflict(local, stored, now)
            }
        }
    }
}

fn conflict(local: &Draft, stored: Draft, now: NaiveDateTime) -> Resolution {
    let copy = copy_of(local, Suffix::Conflict, now, "conflict");
    Resolution::Conflict {
        ops: vec![set_op(&copy)],
        stored,
        copy,
    }
}

fn kept_aside(local: &Draft, key: &str, issue: Issue, now: NaiveDateTime) -> Resolution {
    let copy = copy_of(local, Suffix::Conflict, now, "kept-aside");
    Resolution::KeptAside {
        ops: vec![set_op(&copy)],
        copy,
        problem: Problem::at_key(key, Some(&local.id), issue),
    }
}

fn repaired(draft: Draft, key: &str, raw: &str, issue: Issue, now: NaiveDateTime) -> Resolution {
    let (quarantined, op) = quarantine(key, raw, &issue, now, &BTreeMap::new());
    let mut ops: Vec<Op> = op.into_iter().collect();
    ops.push(set_op(&draft));
    Resolution::Repaired {
        problem: Problem::at_key(key, Some(&draft.id), issue),
        draft,
        ops,
        quarantined,
    }
}

// ---------------------------------------------------------------------------------------------
// Delete and undo

/// A deletion: perform `ops`, keep this in memory for undo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    /// The freshest version (the stored one if another tab changed it meanwhile).
    pub draft: Draft,
    pub ops: Vec<Op>,
    /// The stored value, if it could not be read: kept aside before the key is removed.
    pub quarantined: Option<Quarantined>,
}

/// Deletes `local`; `stored_raw` is what storage holds under its key now.
pub fn delete(local: &Draft, stored_raw: Option<&str>, now: NaiveDateTime) -> Deleted {
    let key = local.key();
    let mut ops = Vec::new();
    let mut quarantined = None;
    let mut draft = local.clone();
    if let Some(raw) = stored_raw {
        match read_stored(raw, now, &local.id) {
            Stored::Clean(stored) => {
                if stored.revision >= local.revision {
                    draft = stored;
                }
            }
            Stored::Future(issue) | Stored::Bad(issue) => {
                let (entry, op) = quarantine(&key, raw, &issue, now, &BTreeMap::new());
                ops.extend(op);
                quarantined = Some(entry);
            }
        }
    }
    ops.push(Op::Remove { key });
    Deleted {
        draft,
        ops,
        quarantined,
    }
}

/// Undoes a deletion; `stored_raw` is what storage holds under the key now. Never overwrites
/// what another tab may have put there meanwhile: a different draft there means a copy.
pub fn undo_delete(deleted: &Deleted, stored_raw: Option<&str>, now: NaiveDateTime) -> Resolution {
    let draft = &deleted.draft;
    let Some(raw) = stored_raw else {
        return Resolution::Restored {
            draft: draft.clone(),
            ops: vec![set_op(draft)],
        };
    };
    let key = draft.key();
    match read_stored(raw, now, &draft.id) {
        Stored::Clean(stored) if stored.same_content(draft) => Resolution::Adopt { draft: stored },
        Stored::Clean(stored) => conflict(draft, stored, now),
        Stored::Future(issue) => kept_aside(draft, &key, issue, now),
        Stored::Bad(issue) => repaired(draft.clone(), &key, raw, issue, now),
    }
}

// ---------------------------------------------------------------------------------------------
// Export and import

/// One draft or many as a self-describing JSON file:
/// `{"format":"expat-navigator-drafts","version":2,"exported":"…","drafts":[record…]}`, each
/// record exactly as stored.
pub fn export_json(drafts: &[Draft], now: NaiveDateTime) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        format: &'static str,
        version: u64,
        #[serde(serialize_with = "ser_time")]
        exported: NaiveDateTime,
        drafts: Vec<Record<'a>>,
    }
    to_pretty(&File {
        format: EXPORT_FORMAT,
        version: VERSION,
        exported: second(now),
        drafts: drafts.iter().map(Record::of).collect(),
    })
}

/// A file name for an export: `expat-navigator-drafts-2026-11-20-1000.json`.
pub fn export_file_name(now: NaiveDateTime) -> String {
    format!(
        "{EXPORT_FORMAT}-{:04}-{:02}-{:02}-{:02}{:02}.json",
        now.year(),
        now.month(),
        now.day(),
        now.hour(),
        now.minute()
    )
}

/// Why a file could not be imported at all. `code()` is stable, for the UI to translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    CorruptJson,
    /// Valid JSON, but neither an export file nor a draft.
    NotAnExport,
    /// An export from a newer version of the app.
    FutureVersion {
        version: u64,
    },
    UnknownVersion,
}

impl ImportError {
    pub fn code(self) -> &'static str {
        match self {
            ImportError::TooLarge { .. } => "too-large",
            ImportError::CorruptJson => "corrupt-json",
            ImportError::NotAnExport => "not-an-export",
            ImportError::FutureVersion { .. } => "future-version",
            ImportError::UnknownVersion => "unknown-version",
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for ImportError {}

/// An imported draft whose id exists with other content: the user chooses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportConflict {
    pub existing: Draft,
    pub incoming: Draft,
    /// The incoming draft under a new id, named "… (imported)": for keeping both.
    pub copy: Draft,
}

impl ImportConflict {
    /// The incoming content under the existing id, with a revision above the existing one (so
    /// other tabs take it as a change).
    pub fn replacement(&self) -> Draft {
        Draft {
            revision: self
                .existing
                .revision
                .max(self.incoming.revision)
                .saturating_add(1),
            ..self.incoming.clone()
        }
    }
}

/// The user's answer to an [`ImportConflict`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    KeepExisting,
    /// Overwrite the existing draft: only on the user's explicit choice.
    Replace,
    KeepBoth,
}

/// What importing would do: nothing is written until [`ImportPlan::apply`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Ids not in the library: added as they are.
    pub new: Vec<Draft>,
    /// Already in the library with the same content: skipped.
    pub identical: Vec<Draft>,
    /// Same id, other content: ask.
    pub conflicts: Vec<ImportConflict>,
    /// Parts of the file that could not be read or were repaired (the file itself is unchanged).
    pub problems: Vec<Problem>,
}

/// What [`ImportPlan::apply`] does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Drafts to add to the list.
    pub added: Vec<Draft>,
    /// Drafts that replace the list's draft with their id.
    pub replaced: Vec<Draft>,
    pub ops: Vec<Op>,
}

impl ImportPlan {
    /// The writes for the new drafts and the user's choices, one per conflict in order; a
    /// conflict without a choice keeps both (nothing is overwritten without asking).
    pub fn apply(&self, choices: &[Choice]) -> Applied {
        let mut applied = Applied::default();
        applied.added.extend(self.new.iter().cloned());
        for (i, c) in self.conflicts.iter().enumerate() {
            match choices.get(i).copied().unwrap_or(Choice::KeepBoth) {
                Choice::KeepExisting => {}
                Choice::Replace => applied.replaced.push(c.replacement()),
                Choice::KeepBoth => applied.added.push(c.copy.clone()),
            }
        }
        applied.ops = applied
            .added
            .iter()
            .chain(&applied.replaced)
            .map(set_op)
            .collect();
        applied
    }
}

/// Reads an export file (any version up to this one), a list of draft records, or a single
/// draft record (version 1 or 2), and sorts its drafts against the library's `existing` ones.
pub fn import_json(
    text: &str,
    existing: &[Draft],
    now: NaiveDateTime,
) -> Result<ImportPlan, ImportError> {
    let now = second(now);
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            max: MAX_IMPORT_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|_| ImportError::CorruptJson)?;
    let single;
    let items: &[Value] = match &value {
        Value::Array(items) => items,
        Value::Object(map) => match map.get("format") {
            Some(Value::String(f)) if f == EXPORT_FORMAT => {
                match map.get("version").and_then(Value::as_u64) {
                    Some(1..=VERSION) => {}
                    Some(v) if v > VERSION => {
                        return Err(ImportError::FutureVersion { version: v });
                    }
                    _ => return Err(ImportError::UnknownVersion),
                }
                match map.get("drafts") {
                    Some(Value::Array(items)) => items,
                    _ => return Err(ImportError::NotAnExport),
                }
            }
            Some(_) => return Err(ImportError::NotAnExport),
            None if map.contains_key("version") => {
                single = [value.clone()];
                &single
            }
            None => return Err(ImportError::NotAnExport),
        },
        _ => return Err(ImportError::NotAnExport),
    };

    let mut plan = ImportPlan::default();
    if items.len() > MAX_DRAFTS {
        plan.problems.push(Problem {
            source: Source::File,
            draft: None,
            issue: Issue::TooManyDrafts {
                skipped: items.len() - MAX_DRAFTS,
            },
        });
    }
    let existing: BTreeMap<&str, &Draft> = existing.iter().map(|d| (d.id.as_str(), d)).collect();
    // Ids taken by this file so far, with their content.
    let mut seen: BTreeMap<String, Draft> = BTreeMap::new();
    for (index, item) in items.iter().enumerate().take(MAX_DRAFTS) {
        let problem = |draft: Option<&str>, issue| Problem {
            source: Source::Import { index },
            draft: draft.map(str::to_owned),
            issue,
        };
        let read = match read_value(item, now, None) {
            Ok(read) => read,
            Err(issue) => {
                plan.problems.push(problem(None, issue));
                continue;
            }
        };
        let mut draft = read.draft;
        for issue in read.issues {
            plan.problems.push(problem(Some(&draft.id), issue));
        }
        if let Some(earlier) = seen.get(&draft.id) {
            if earlier.same_content(&draft) {
                continue;
            }
            plan.problems.push(problem(
                Some(&draft.id),
                Issue::DuplicateId {
                    id: draft.id.clone(),
                },
            ));
            draft = copy_of(&draft, Suffix::Imported, now, "duplicate");
        }
        seen.insert(draft.id.clone(), draft.clone());
        match existing.get(draft.id.as_str()) {
            None => plan.new.push(draft),
            Some(e) if e.same_content(&draft) => plan.identical.push(draft),
            Some(e) => plan.conflicts.push(ImportConflict {
                existing: (*e).clone(),
                copy: copy_of(&draft, Suffix::Imported, now, "import"),
                incoming: draft,
            }),
        }
    }
    Ok(plan)
}

// ---------------------------------------------------------------------------------------------
// Helpers

fn to_pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// FNV-1a over the parts (each followed by a separator), stable across builds and platforms.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.iter().chain(&[0xff]) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// SplitMix64's finaliser: every bit of the input moves the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A key or value quoted back: control characters dropped, at most [`MAX_QUOTED`] characters.
fn quote(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .take(MAX_QUOTED)
        .collect()
}

/// A non-string JSON value, briefly (never serialising a huge one whole).
fn short_json(v: &Value) -> String {
    match v {
        Value::Array(a) => format!("[{} items]", a.len()),
        Value::Object(o) => format!("{{{} fields}}", o.len()),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn t(h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 20)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .unwrap()
    }

    #[test]
    fn draft_hash_is_stable() {
        // Quarantine keys and derived ids must not change between releases.
        assert_eq!(fnv(&[]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv(&[b"a"]), fnv(&[b"a"]));
        assert_ne!(fnv(&[b"ab", b""]), fnv(&[b"a", b"b"]));
        assert_eq!(format!("{:016x}", fnv(&[b"expat"])), "fc7fae975cc0d556");
    }

    #[test]
    fn draft_timestamps_parse_leniently_and_print_one_way() {
        let ten = t(10);
        for s in [
            "2026-11-20T10:00:00",
            "2026-11-20T10:00",
            "2026-11-20 10:00:00.123",
            "2026-11-20T10:00:00.000Z",
            "2026-11-20T10:00:00+05:00",
            " 2026-11-20T10:00:00-03:30 ",
        ] {
            assert_eq!(parse_timestamp(s), Some(ten), "{s}");
        }
        for s in [
            "",
            "2026-11-20",
            "+12026-11-20T10:00:00",
            "2026-13-01T00:00",
            "жоба",
        ] {
            assert_eq!(parse_timestamp(s), None, "{s}");
        }
        assert_eq!(format_timestamp(ten), "2026-11-20T10:00:00");
        assert_eq!(
            parse_timestamp("2026-11-20T23:59:60").map(format_timestamp),
            Some("2026-11-20T23:59:59".to_owned())
        );
    }

    #[test]
    fn draft_ids_are_valid_and_differ_by_entropy() {
        let a = new_id(t(10), 1);
        let b = new_id(t(10), 2);
        assert!(valid_id(&a) && valid_id(&b));
        assert_ne!(a, b);
        assert!(a.starts_with("20261120-100000-"));
        for bad in ["", "a b", "a.b", "ä", &"x".repeat(65)] {
            assert!(!valid_id(bad), "{bad}");
        }
        assert_eq!(id_from_key("expat-navigator.draft.abc"), Some("abc"));
        assert_eq!(id_from_key("expat-navigator.draft.a b"), None);
        assert_eq!(id_from_key("expat-navigator.drafts"), None);
    }

    #[test]
    fn draft_names_are_cleaned_and_suffixes_fit() {
        assert_eq!(check_name("  Aigerim\n S. "), Ok("Aigerim S.".to_owned()));
        assert_eq!(check_name(" \t "), Err(NameError::Empty));
        assert_eq!(
            check_name(&"ж".repeat(101)),
            Err(NameError::TooLong { max: 100 })
        );
        let long = with_suffix(&"ж".repeat(100), Suffix::Conflict, Lang::En);
        assert_eq!(long.chars().count(), MAX_NAME_CHARS);
        assert!(long.ends_with(" (conflict copy)"));
        assert_eq!(with_suffix("A", Suffix::Copy, Lang::Kk), "A (көшірме)");
    }

    #[test]
    fn draft_quote_is_short_and_clean() {
        assert_eq!(quote(&format!("{}\u{7}", "x".repeat(100))), "x".repeat(40));
        assert_eq!(short_json(&Value::Array(vec![Value::Null; 3])), "[3 items]");
    }
}
