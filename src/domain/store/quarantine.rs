//! Values that could not be read, kept aside whole so the user can export them. Nothing is
//! deleted unless the user discards it.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::Value;

use super::text::{fnv, quote, to_pretty};
use super::time::{parse_timestamp, second, ser_opt_time, ser_time};
use super::{Issue, Op};

/// Raw values kept aside: this prefix and a hash. Shared by every kind of record.
pub const QUARANTINE_KEY_PREFIX: &str = "expat-navigator.quarantine.";
/// The `format` of a quarantine entry and of a quarantine export.
pub const QUARANTINE_FORMAT: &str = "expat-navigator-quarantine";
/// The version of a quarantine export file.
const QUARANTINE_VERSION: u64 = 2;

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

    /// Listed where it was found, left exactly there (a newer version's, or one too big to copy).
    pub(crate) fn left_in_place(key: &str, raw: &str, issue: &Issue, now: NaiveDateTime) -> Self {
        Quarantined {
            key: key.to_owned(),
            origin: key.to_owned(),
            code: issue.code().to_owned(),
            found: Some(now),
            raw: raw.to_owned(),
        }
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
        version: QUARANTINE_VERSION,
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
pub(crate) fn quarantine(
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

pub(crate) fn read_quarantine_entry(key: &str, raw: &str) -> Quarantined {
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
