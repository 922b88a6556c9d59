//! Ids, names and the small text helpers every kind of record shares.

use std::fmt;

use chrono::{Datelike, NaiveDateTime, Timelike};
use serde::Serialize;
use serde_json::Value;

use crate::domain::lang::Lang;

/// A record's name, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// A record id: ASCII letters, digits, `-` and `_`.
pub const MAX_ID_CHARS: usize = 64;
/// A key or value quoted back in a problem, in characters.
const MAX_QUOTED: usize = 40;

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

/// Control characters removed, surrounding spaces trimmed.
pub fn clean_name(name: &str) -> String {
    let cleaned: String = name.chars().filter(|c| !c.is_control()).collect();
    cleaned.trim().to_owned()
}

pub fn check_name(name: &str) -> Result<String, NameError> {
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

/// A default name: the kind's word and the date, "Draft 2026-11-20".
pub fn dated_name(word: &str, when: NaiveDateTime) -> String {
    format!(
        "{word} {:04}-{:02}-{:02}",
        when.year(),
        when.month(),
        when.day()
    )
}

/// What a derived record's name says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suffix {
    /// A user's duplicate.
    Copy,
    /// A tab's edit kept apart from another tab's.
    Conflict,
    /// An imported record kept beside the one with its id.
    Imported,
}

impl Suffix {
    /// Stored with the name, so it lives with the storage rules rather than in the locale files.
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Suffix::Copy, Lang::En) => " (copy)",
            (Suffix::Copy, Lang::Kk) => " (көшірме)",
            (Suffix::Conflict, Lang::En) => " (conflict copy)",
            (Suffix::Conflict, Lang::Kk) => " (өзгерістеріңіздің көшірмесі)",
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

/// FNV-1a over the parts (each followed by a separator), stable across builds and platforms.
pub fn fnv(parts: &[&[u8]]) -> u64 {
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
pub fn quote(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .take(MAX_QUOTED)
        .collect()
}

/// A non-string JSON value, briefly (never serialising a huge one whole).
pub fn short_json(v: &Value) -> String {
    match v {
        Value::Array(a) => format!("[{} items]", a.len()),
        Value::Object(o) => format!("{{{} fields}}", o.len()),
        other => other.to_string(),
    }
}

pub fn to_pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn hash_is_stable() {
        // Quarantine keys and derived ids must not change between releases.
        assert_eq!(fnv(&[]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv(&[b"a"]), fnv(&[b"a"]));
        assert_ne!(fnv(&[b"ab", b""]), fnv(&[b"a", b"b"]));
        assert_eq!(format!("{:016x}", fnv(&[b"expat"])), "fc7fae975cc0d556");
    }

    #[test]
    fn ids_are_valid_and_differ_by_entropy() {
        let t = NaiveDate::from_ymd_opt(2026, 11, 20)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .unwrap();
        let a = new_id(t, 1);
        let b = new_id(t, 2);
        assert!(valid_id(&a) && valid_id(&b));
        assert_ne!(a, b);
        assert!(a.starts_with("20261120-100000-"));
        for bad in ["", "a b", "a.b", "ä", &"x".repeat(65)] {
            assert!(!valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn names_are_cleaned_and_suffixes_fit() {
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
    fn quote_is_short_and_clean() {
        assert_eq!(quote(&format!("{}\u{7}", "x".repeat(100))), "x".repeat(40));
        assert_eq!(short_json(&Value::Array(vec![Value::Null; 3])), "[3 items]");
    }
}
