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

use chrono::{Datelike, NaiveDateTime};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::domain::lang::Lang;
use crate::domain::store::{
    self, HeaderMut, Issue, Kind, Loaded, Loader, MAX_LISTED, MAX_NAME_CHARS, NameError,
    QUARANTINE_KEY_PREFIX, Read, Record, clean_name, fnv, parse_timestamp, quote, ser_time,
    valid_id,
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

pub static KIND: Kind = Kind {
    key_prefix: KEY_PREFIX,
    meta_key: META_KEY,
    version: VERSION,
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

    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn updated(&self) -> NaiveDateTime {
        self.updated
    }
    fn revision(&self) -> u64 {
        self.revision
    }
    fn lang(&self) -> Lang {
        self.lang
    }
    fn header_mut(&mut self) -> HeaderMut<'_> {
        HeaderMut {
            id: &mut self.id,
            name: &mut self.name,
            created: &mut self.created,
            updated: &mut self.updated,
            revision: &mut self.revision,
        }
    }
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
    let date = format!("{:04}-{:02}-{:02}", when.year(), when.month(), when.day());
    match lang {
        Lang::Kk => format!("Тізім {date}"),
        Lang::En => format!("Roster {date}"),
        Lang::Ru => format!("Список {date}"),
    }
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
    let Value::Object(map) = value else {
        return Err(Issue::NotAnObject);
    };
    let version = map
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(Issue::UnknownVersion)?;
    match version {
        VERSION => {}
        v if v > VERSION => return Err(Issue::FutureVersion { version: v }),
        _ => return Err(Issue::UnknownVersion),
    }
    let mut issues = Vec::new();
    let unknown: Vec<&String> = map
        .keys()
        .filter(|k| !FIELDS.contains(&k.as_str()))
        .collect();
    if !unknown.is_empty() {
        issues.push(Issue::UnknownFields {
            fields: unknown.iter().take(MAX_LISTED).map(|k| quote(k)).collect(),
            total: unknown.len(),
        });
    }
    let mut invalid = |field: &str| {
        issues.push(Issue::InvalidField {
            field: field.to_owned(),
        })
    };
    let lang = match map
        .get("lang")
        .map(|v| v.as_str().and_then(Lang::from_code))
    {
        None => Lang::default(),
        Some(Some(lang)) => lang,
        Some(None) => {
            invalid("lang");
            Lang::default()
        }
    };
    let text = match map.get("text") {
        Some(Value::String(t)) if t.len() <= MAX_TEXT_BYTES => t.clone(),
        _ => {
            invalid("text");
            String::new()
        }
    };
    let mut time = |field: &str| {
        let v = map.get(field)?;
        let t = v.as_str().and_then(parse_timestamp);
        if t.is_none() {
            invalid(field);
        }
        t
    };
    let created = time("created");
    let updated = time("updated").or(created).unwrap_or(now);
    let created = created.unwrap_or(updated);
    let id = read_id(map, value, id_hint, &mut invalid);
    let name = read_name(map, &mut invalid).unwrap_or_else(|| default_name(lang, updated));
    let revision = match map.get("revision") {
        None => 1,
        Some(v) => v.as_u64().unwrap_or_else(|| {
            invalid("revision");
            1
        }),
    };
    let record = RosterRecord {
        id,
        name,
        lang,
        text,
        created,
        updated,
        revision,
    };
    Ok(Read {
        record,
        issues,
        version,
    })
}

/// The key's id wins; a record id that differs is reported as repaired.
fn read_id(
    map: &Map<String, Value>,
    value: &Value,
    hint: Option<&str>,
    invalid: &mut impl FnMut(&str),
) -> String {
    let found = match map.get("id") {
        None => None,
        Some(Value::String(s)) if valid_id(s) => Some(s.as_str()),
        Some(_) => {
            invalid("id");
            None
        }
    };
    match (hint, found) {
        (Some(h), Some(f)) if h != f => {
            invalid("id");
            h.to_owned()
        }
        (Some(h), _) => h.to_owned(),
        (None, Some(f)) => f.to_owned(),
        (None, None) => format!("r-{:016x}", fnv(&[value.to_string().as_bytes()])),
    }
}

fn read_name(map: &Map<String, Value>, invalid: &mut impl FnMut(&str)) -> Option<String> {
    let raw = map.get("name")?;
    let Some(raw) = raw.as_str() else {
        invalid("name");
        return None;
    };
    let name: String = clean_name(raw).chars().take(MAX_NAME_CHARS).collect();
    let name = name.trim_end().to_owned();
    if name != raw {
        invalid("name");
    }
    (!name.is_empty()).then_some(name)
}
