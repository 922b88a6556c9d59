//! Reading the fields every record has (version, id, name, language, times, revision): what is
//! valid is kept, what is not is repaired and reported as an [`Issue`].

use chrono::NaiveDateTime;
use serde_json::{Map, Value};

use super::text::{MAX_NAME_CHARS, clean_name, fnv, quote, valid_id};
use super::time::parse_timestamp;
use super::{Issue, MAX_LISTED};
use crate::domain::lang::Lang;

/// The record's fields as an object, and its version if this app reads it (`1..=newest`).
pub fn object_and_version(value: &Value, newest: u64) -> Result<(&Map<String, Value>, u64), Issue> {
    let Value::Object(map) = value else {
        return Err(Issue::NotAnObject);
    };
    let version = map
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(Issue::UnknownVersion)?;
    match version {
        v if (1..=newest).contains(&v) => Ok((map, v)),
        v if v > newest => Err(Issue::FutureVersion { version: v }),
        _ => Err(Issue::UnknownVersion),
    }
}

/// Reports the fields that are not `known` (listed up to [`MAX_LISTED`]).
pub fn unknown_fields(map: &Map<String, Value>, known: &[&str], issues: &mut Vec<Issue>) {
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
}

pub fn invalid(field: &str) -> Issue {
    Issue::InvalidField {
        field: field.to_owned(),
    }
}

pub fn read_lang(map: &Map<String, Value>, issues: &mut Vec<Issue>) -> Lang {
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

pub fn read_time(
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

/// The key's id wins; one that differs is reported as repaired. Without either, an id derived
/// from the record, starting with `derived_prefix`.
pub fn read_id(
    map: &Map<String, Value>,
    value: &Value,
    hint: Option<&str>,
    derived_prefix: &str,
    issues: &mut Vec<Issue>,
) -> String {
    let derived = || {
        format!(
            "{derived_prefix}-{:016x}",
            fnv(&[value.to_string().as_bytes()])
        )
    };
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

pub fn read_name(map: &Map<String, Value>, issues: &mut Vec<Issue>) -> Option<String> {
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

pub fn read_revision(map: &Map<String, Value>, issues: &mut Vec<Issue>) -> u64 {
    match map.get("revision") {
        None => 1,
        Some(v) => v.as_u64().unwrap_or_else(|| {
            issues.push(invalid("revision"));
            1
        }),
    }
}
