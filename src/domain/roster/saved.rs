//! Rosters kept on the device: the pasted text and its name, one record per roster, with the
//! drafts' guarantees (the shared [`store`](crate::domain::store): versioned records, data that
//! cannot be read kept aside, the two-tab protocol, export and import).
//!
//! ```text
//! expat-navigator.rosters         = {"version":1}                    the layout marker
//! expat-navigator.roster.<id>     = {"version":1,"id":"<id>","name":"Spring hires","lang":"en",
//!                                    "text":"label\tneed…","created":"…","updated":"…",
//!                                    "revision":3}
//! ```
//!
//! The first roster release kept the pasted text alone, unversioned, under
//! `expat-navigator.roster`; [`load_rosters`] moves it into the library.

use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::Value;

use crate::domain::lang::Lang;
use crate::domain::store::{
    self, Issue, Kind, Loaded, Loader, NameError, QUARANTINE_KEY_PREFIX, Read, Record, fnv,
    invalid, object_and_version, read_id, read_lang, read_name, read_revision, read_time, ser_time,
    unknown_fields,
};

/// Every roster key starts with this (and nothing else of the app's does).
pub const KEY_STEM: &str = "expat-navigator.roster";
/// The first roster release's pasted text, unversioned.
pub const LEGACY_KEY: &str = "expat-navigator.roster";
/// The layout marker.
pub const META_KEY: &str = "expat-navigator.rosters";
/// A roster: this prefix and its id.
pub const KEY_PREFIX: &str = "expat-navigator.roster.";
pub const VERSION: u64 = 1;
/// The pasted text of one roster, in bytes: about 10 000 employees.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// How a roster's text stands against what a roster kept on this device may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    Fits,
    /// Past the size a damaged record could be copied aside at: saved, with a warning.
    Large {
        bytes: usize,
    },
    /// Past [`MAX_TEXT_BYTES`]: not saved (its record might not be read back), with a warning
    /// and the text offered as a download.
    TooLarge {
        bytes: usize,
    },
}

/// Where `text` stands, said as it is typed, before it is saved.
pub fn size(text: &str) -> Size {
    let bytes = text.len();
    if bytes > MAX_TEXT_BYTES {
        Size::TooLarge { bytes }
    } else if bytes > KIND.max_copy_aside_bytes {
        Size::Large { bytes }
    } else {
        Size::Fits
    }
}

pub static KIND: Kind = Kind {
    key_prefix: KEY_PREFIX,
    meta_key: META_KEY,
    version: VERSION,
    first_marker_version: 1,
    typed_names_key: "expat-navigator.typing.rosters",
    export_format: "expat-navigator-rosters",
    export_field: "rosters",
    owns_origin: |origin| origin.starts_with(KEY_STEM),
    max_record_bytes: 2 * MAX_TEXT_BYTES,
    // A roster is a few KB to a few hundred; a copy of a bigger record could fill the quota.
    max_copy_aside_bytes: 512 * 1024,
    max_import_bytes: 32 * 1024 * 1024,
    max_import_records: 10_000,
};

const FIELDS: [&str; 8] = [
    "version", "id", "name", "lang", "text", "created", "updated", "revision",
];

/// One roster as kept: its name and the text as pasted or edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterRecord {
    pub id: String,
    pub name: String,
    /// The language its default and derived names are written in.
    pub lang: Lang,
    /// The roster as text (tab- or comma-separated, a header row): what was pasted, chosen
    /// or edited, exactly.
    pub text: String,
    pub created: NaiveDateTime,
    pub updated: NaiveDateTime,
    pub revision: u64,
}

pub type Resolution = store::Resolution<RosterRecord>;
pub type Deleted = store::Deleted<RosterRecord>;
pub type ImportPlan = store::ImportPlan<RosterRecord>;
pub type Applied = store::Applied<RosterRecord>;
pub type Change = store::Change<RosterRecord>;

impl RosterRecord {
    /// The employees in it: lines after the header that are not blank.
    pub fn employees(&self) -> usize {
        self.text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count()
            .saturating_sub(1)
    }
}

impl Record for RosterRecord {
    const KIND: &'static Kind = &KIND;

    store::record_header!();
    fn same_content(&self, other: &Self) -> bool {
        self.name == other.name && self.lang == other.lang && self.text == other.text
    }
    fn read(value: &Value, now: NaiveDateTime, id_hint: Option<&str>) -> Result<Read<Self>, Issue> {
        read_value(value, now, id_hint)
    }
    fn stored_form(&self) -> impl Serialize + '_ {
        StoredRoster {
            version: VERSION,
            id: &self.id,
            name: &self.name,
            lang: self.lang,
            text: &self.text,
            created: self.created,
            updated: self.updated,
            revision: self.revision,
        }
    }
}

#[derive(Serialize)]
struct StoredRoster<'a> {
    version: u64,
    id: &'a str,
    name: &'a str,
    lang: Lang,
    text: &'a str,
    #[serde(serialize_with = "ser_time")]
    created: NaiveDateTime,
    #[serde(serialize_with = "ser_time")]
    updated: NaiveDateTime,
    revision: u64,
}

/// "Roster 2026-11-20" in the roster's language (stored with it, like a draft's default name).
pub fn default_name(lang: Lang, when: NaiveDateTime) -> String {
    let word = match lang {
        Lang::Kk => "Тізім",
        Lang::En => "Roster",
        Lang::Ru => "Список",
    };
    store::dated_name(word, when)
}

/// A new roster holding `text`, not yet stored (revision 0): save it with
/// [`store::save_checked`]. An empty name gets the default.
pub fn new_roster(
    name: &str,
    text: &str,
    lang: Lang,
    now: NaiveDateTime,
    entropy: u64,
) -> Result<RosterRecord, NameError> {
    let now = store::second(now);
    let name = match store::check_name(name) {
        Err(NameError::Empty) => default_name(lang, now),
        other => other?,
    };
    Ok(RosterRecord {
        id: store::new_id(now, entropy),
        name,
        lang,
        text: text.to_owned(),
        created: now,
        updated: now,
        revision: 0,
    })
}

/// The keys [`load_rosters`] wants: rosters, their layout marker, the first release's text, and
/// the quarantine (whose roster entries are listed with them).
pub fn is_app_key(key: &str) -> bool {
    key.starts_with(KEY_STEM) || key.starts_with(QUARANTINE_KEY_PREFIX)
}

/// Reads every roster (see [`Loader`]) and moves the first release's text into the library.
pub fn load_rosters(entries: &[(String, String)], now: NaiveDateTime) -> Loaded<RosterRecord> {
    let mut loader = Loader::<RosterRecord>::read(entries, now, is_app_key);
    if let Some(text) = loader.raw(LEGACY_KEY) {
        migrate_legacy(&mut loader, text);
    }
    loader.finish()
}

/// The unversioned text becomes a roster whose id comes from the text, so two tabs migrating it
/// at once make one roster; blank text is simply removed.
fn migrate_legacy(loader: &mut Loader<RosterRecord>, text: &str) {
    let key = LEGACY_KEY;
    if text.trim().is_empty() {
        loader.migrated(key, 0, None);
        loader.remove(key);
        return;
    }
    if text.len() > MAX_TEXT_BYTES {
        loader.leave_in_place(key, None, text, Issue::TooLargeToCopy { bytes: text.len() });
        return;
    }
    let id = format!("pasted-{:016x}", fnv(&[text.as_bytes()]));
    if loader.get(&id).is_none_or(|r| r.text != text) && !loader.key_exists(&id) {
        let now = loader.now();
        let lang = Lang::default();
        loader.add(RosterRecord {
            id: id.clone(),
            name: default_name(lang, now),
            lang,
            text: text.to_owned(),
            created: now,
            updated: now,
            revision: 1,
        });
    }
    loader.migrated(key, 0, Some(id));
    loader.remove(key);
}

fn read_value(
    value: &Value,
    now: NaiveDateTime,
    id_hint: Option<&str>,
) -> Result<Read<RosterRecord>, Issue> {
    let (map, version) = object_and_version(value, VERSION)?;
    let mut issues = Vec::new();
    unknown_fields(map, &FIELDS, &mut issues);
    let lang = read_lang(map, &mut issues);
    let text = match map.get("text") {
        // Up to what a stored record may hold, not the limit a save keeps to: a roster saved
        // past that limit (by an earlier version) is read with every employee, never emptied.
        Some(Value::String(t)) if t.len() <= KIND.max_record_bytes => t.clone(),
        _ => {
            issues.push(invalid("text"));
            String::new()
        }
    };
    let created = read_time(map, "created", &mut issues);
    let updated = read_time(map, "updated", &mut issues)
        .or(created)
        .unwrap_or(now);
    let record = RosterRecord {
        id: read_id(map, value, id_hint, "r", &mut issues),
        name: read_name(map, &mut issues).unwrap_or_else(|| default_name(lang, updated)),
        lang,
        text,
        created: created.unwrap_or(updated),
        updated,
        revision: read_revision(map, &mut issues),
    };
    Ok(Read {
        record,
        issues,
        version,
    })
}
