//! Reading one draft record, field by field: what is valid is kept, what is not is dropped and
//! reported, never the whole draft.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::{Map, Value};

use super::{
    Draft, DropReason, DroppedAnswer, Issue, MAX_ANSWERS, MAX_LISTED, MAX_TICK_KEY_BYTES,
    MAX_TICKED, MAX_TYPED, MAX_TYPED_BYTES, MAX_VALUE_BYTES, VERSION, default_name,
};
use crate::domain::flow::{self, Answers, QuestionId};
use crate::domain::lang::Lang;
use crate::domain::store::{
    Read, fnv, invalid, object_and_version, quote, read_id, read_lang, read_name, read_revision,
    read_time, ser_time, short_json, unknown_fields,
};

const V1_FIELDS: [&str; 5] = ["version", "lang", "answers", "ticked", "updated"];
const V2_FIELDS: [&str; 10] = [
    "version", "id", "name", "lang", "answers", "ticked", "typed", "created", "updated", "revision",
];

/// A version 1 or 2 record. `id_hint`: the id of the key it was stored under, which wins.
pub(super) fn read_value(
    value: &Value,
    now: NaiveDateTime,
    id_hint: Option<&str>,
) -> Result<Read<Draft>, Issue> {
    let (map, version) = object_and_version(value, VERSION)?;
    let mut issues = Vec::new();
    let known: &[&str] = if version == 1 { &V1_FIELDS } else { &V2_FIELDS };
    unknown_fields(map, known, &mut issues);
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
            id: read_id(map, value, id_hint, "d", &mut issues),
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
        record: draft,
        issues,
        version,
    })
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

/// A version 2 record, in field order.
#[derive(Serialize)]
pub(super) struct StoredDraft<'a> {
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

impl StoredDraft<'_> {
    pub(super) fn of(d: &Draft) -> StoredDraft<'_> {
        StoredDraft {
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
