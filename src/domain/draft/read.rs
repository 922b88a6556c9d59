//! Reading one draft record, field by field: what is valid is kept, what is not is dropped and
//! reported, never the whole draft. Every version reads into the same [`Draft`]: version 1 and 2
//! records are migrated as they are read (their `typed` values become the application's
//! [`Pending`] values), and written back in version 3's form.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct, Serializer};
use serde_json::{Map, Value};

use super::{
    Draft, DropReason, DroppedAnswer, Issue, MAX_ANSWERS, MAX_LISTED, MAX_TICK_KEY_BYTES,
    MAX_TICKED, MAX_TYPED, MAX_TYPED_BYTES, MAX_VALUE_BYTES, VERSION, default_name,
};
use crate::domain::application::{Application, DateBoxes, DateField, Pending};
use crate::domain::checklist;
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
const V3_FIELDS: [&str; 10] = [
    "version", "id", "name", "lang", "answers", "ticked", "pending", "created", "updated",
    "revision",
];

/// Version 2's `typed` keys for the result page's dates (the page's field ids then), and the
/// date each one is. Frozen: version 2 records keep these keys whatever the page's ids become.
const V2_TYPED_DATES: [(&str, DateField); 4] = [
    ("dates-submitted", DateField::Submitted),
    ("fees-payment", DateField::Payment),
    ("dates-passport", DateField::PassportExpiry),
    ("dates-visa-end", DateField::PlannedVisaEnd),
];

/// A record of any version up to [`VERSION`]. `id_hint`: the id of the key it was stored under,
/// which wins.
pub(super) fn read_value(
    value: &Value,
    now: NaiveDateTime,
    id_hint: Option<&str>,
) -> Result<Read<Draft>, Issue> {
    let (map, version) = object_and_version(value, VERSION)?;
    let mut issues = Vec::new();
    let known: &[&str] = match version {
        1 => &V1_FIELDS,
        2 => &V2_FIELDS,
        _ => &V3_FIELDS,
    };
    unknown_fields(map, known, &mut issues);
    let lang = read_lang(map, &mut issues);
    let answers = read_answers(map, &mut issues);
    let ticked = read_ticked(map, &mut issues);
    // Version 1 never wrote `typed`, but one found there is read as version 2's (reported as
    // unknown all the same): nothing typed is lost.
    let pending = if version < 3 {
        read_typed(map, &mut issues)
    } else {
        read_pending(map, &mut issues)
    };
    let application = Application {
        ticked,
        pending,
        ..Application::from_answers(&answers)
    };
    let updated = read_time(map, "updated", &mut issues);
    let draft = if version == 1 {
        let updated = updated.unwrap_or(now);
        Draft {
            id: id_hint
                .map(str::to_owned)
                .unwrap_or_else(|| format!("v1-{:016x}", fnv(&[value.to_string().as_bytes()]))),
            name: default_name(lang, updated),
            lang,
            application,
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
            application,
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

/// Every answer as a code, details included (as every version stores them): each entry
/// validated, the invalid ones dropped and listed.
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

/// Version 2's typed values (an object of short strings, by the page's field ids), moved to
/// where version 3 keeps them: a date's `"d/m/y"` to its [`DateField`], a question's text to
/// [`Pending::answers`]. Anything else (not a string, too long, an unknown key, a date not in
/// three parts) is dropped and reported once, as `typed`.
fn read_typed(map: &Map<String, Value>, issues: &mut Vec<Issue>) -> Pending {
    let mut pending = Pending::default();
    let Some(value) = map.get("typed") else {
        return pending;
    };
    let Some(object) = value.as_object() else {
        issues.push(invalid("typed"));
        return pending;
    };
    let mut kept = 0;
    let mut dropped = false;
    for (key, value) in object {
        let text = value
            .as_str()
            .filter(|t| key.len() <= MAX_TYPED_BYTES && t.len() <= MAX_TYPED_BYTES);
        if kept < MAX_TYPED && text.is_some_and(|t| move_typed(&mut pending, key, t)) {
            kept += 1;
        } else {
            dropped = true;
        }
    }
    if dropped {
        issues.push(invalid("typed"));
    }
    pending
}

/// Puts one version 2 typed value where version 3 keeps it; false if it has no place.
fn move_typed(pending: &mut Pending, key: &str, text: &str) -> bool {
    if let Some((_, field)) = V2_TYPED_DATES.iter().find(|(k, _)| *k == key) {
        let Some(boxes) = split_date(text) else {
            return false;
        };
        pending.dates.insert(*field, boxes);
    } else if let Ok(q) = key.parse::<QuestionId>() {
        pending.answers.insert(q, text.to_owned());
    } else {
        return false;
    }
    true
}

/// `"d/m/y"` as typed (any box may be empty: `"//"` is a cleared date) in exactly three parts.
fn split_date(text: &str) -> Option<DateBoxes> {
    let mut parts = text.split('/');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(day), Some(month), Some(year), None) => Some(DateBoxes {
            day: day.to_owned(),
            month: month.to_owned(),
            year: year.to_owned(),
        }),
        _ => None,
    }
}

/// Version 3's `pending`: `{"answers":{"<question id>":"<text>"},"dates":{"<date field code>":
/// {"day":"..","month":"..","year":".."}}}`, either part optional. Each text is at most
/// [`MAX_TYPED_BYTES`]; the keys' types bound how many entries are kept (every question id,
/// every [`DateField`], once). Anything else is dropped and reported once, as `pending`.
fn read_pending(map: &Map<String, Value>, issues: &mut Vec<Issue>) -> Pending {
    let mut pending = Pending::default();
    let Some(value) = map.get("pending") else {
        return pending;
    };
    let Some(object) = value.as_object() else {
        issues.push(invalid("pending"));
        return pending;
    };
    let mut dropped = false;
    for (part, value) in object {
        match (part.as_str(), value) {
            ("answers", Value::Object(entries)) => {
                for (q, v) in entries {
                    let text = v.as_str().filter(|t| t.len() <= MAX_TYPED_BYTES);
                    match (q.parse::<QuestionId>(), text) {
                        (Ok(q), Some(text)) => {
                            pending.answers.insert(q, text.to_owned());
                        }
                        _ => dropped = true,
                    }
                }
            }
            ("dates", Value::Object(entries)) => {
                for (code, v) in entries {
                    match (DateField::from_code(code), read_boxes(v)) {
                        (Some(field), Some(boxes)) => {
                            pending.dates.insert(field, boxes);
                        }
                        _ => dropped = true,
                    }
                }
            }
            _ => dropped = true,
        }
    }
    if dropped {
        issues.push(invalid("pending"));
    }
    pending
}

/// A date's boxes: an object of exactly `day`, `month` and `year`, short strings.
fn read_boxes(value: &Value) -> Option<DateBoxes> {
    let object = value.as_object()?;
    let text = |name: &str| {
        object
            .get(name)?
            .as_str()
            .filter(|t| t.len() <= MAX_TYPED_BYTES)
            .map(str::to_owned)
    };
    let boxes = DateBoxes {
        day: text("day")?,
        month: text("month")?,
        year: text("year")?,
    };
    (object.len() == 3).then_some(boxes)
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
            // Under the document's id today (a renamed document keeps its tick).
            Some(k) if valid_tick_key(k) && ticked.len() < MAX_TICKED => {
                ticked.insert(checklist::current_tick_key(k));
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

/// A version 3 record, in field order.
#[derive(Serialize)]
pub(super) struct StoredDraft<'a> {
    version: u64,
    id: &'a str,
    name: &'a str,
    lang: Lang,
    /// Routing answers and details, as codes.
    answers: Answers,
    ticked: &'a BTreeSet<String>,
    // Only when there is something: records without it stay as they were.
    #[serde(skip_serializing_if = "StoredPending::is_empty")]
    pending: StoredPending<'a>,
    #[serde(serialize_with = "ser_time")]
    created: NaiveDateTime,
    #[serde(serialize_with = "ser_time")]
    updated: NaiveDateTime,
    revision: u64,
}

impl StoredDraft<'_> {
    pub(super) fn of(d: &Draft) -> StoredDraft<'_> {
        let app = &d.application;
        StoredDraft {
            version: VERSION,
            id: &d.id,
            name: &d.name,
            lang: d.lang,
            answers: app.all_answers(),
            ticked: &app.ticked,
            pending: StoredPending(&app.pending),
            created: d.created,
            updated: d.updated,
            revision: d.revision,
        }
    }
}

/// `pending` as stored: each part only when it has something.
struct StoredPending<'a>(&'a Pending);

impl StoredPending<'_> {
    fn is_empty(&self) -> bool {
        self.0.answers.is_empty() && self.0.dates.is_empty()
    }
}

impl Serialize for StoredPending<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Pending { answers, dates } = self.0;
        let parts = usize::from(!answers.is_empty()) + usize::from(!dates.is_empty());
        let mut map = s.serialize_map(Some(parts))?;
        if !answers.is_empty() {
            map.serialize_entry("answers", answers)?;
        }
        if !dates.is_empty() {
            map.serialize_entry("dates", &StoredDates(dates))?;
        }
        map.end()
    }
}

/// The dates being typed, by [`DateField::code`], in [`DateField`] order.
struct StoredDates<'a>(&'a std::collections::BTreeMap<DateField, DateBoxes>);

impl Serialize for StoredDates<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (field, boxes) in self.0 {
            map.serialize_entry(field.code(), &StoredBoxes(boxes))?;
        }
        map.end()
    }
}

struct StoredBoxes<'a>(&'a DateBoxes);

impl Serialize for StoredBoxes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut boxes = s.serialize_struct("DateBoxes", 3)?;
        boxes.serialize_field("day", &self.0.day)?;
        boxes.serialize_field("month", &self.0.month)?;
        boxes.serialize_field("year", &self.0.year)?;
        boxes.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(day: &str, month: &str, year: &str) -> DateBoxes {
        DateBoxes {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    #[test]
    fn a_typed_date_is_three_parts_exactly() {
        assert_eq!(split_date("12/3/20"), Some(boxes("12", "3", "20")));
        assert_eq!(split_date("//"), Some(boxes("", "", "")));
        assert_eq!(split_date("/3/"), Some(boxes("", "3", "")));
        for bad in ["", "12", "12/3", "1/2/3/4", "///"] {
            assert_eq!(split_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_typed_key_of_version_2_has_one_place() {
        let mut pending = Pending::default();
        for (key, field) in V2_TYPED_DATES {
            assert!(move_typed(&mut pending, key, "1/2/3"));
            assert_eq!(pending.dates.get(&field), Some(&boxes("1", "2", "3")));
        }
        assert_eq!(pending.dates.len(), V2_TYPED_DATES.len());
        assert!(move_typed(&mut pending, "member3", "spo"));
        assert_eq!(pending.answers[&QuestionId::Member(3)], "spo");
        // Not a date in three parts, not a key version 2 wrote: no place.
        assert!(!move_typed(&mut pending, "dates-passport", "1/2"));
        for key in [
            "dates-entry",
            "dates-visa-expiry",
            "submitted",
            "member0",
            "",
        ] {
            assert!(!move_typed(&mut pending, key, "1/2/3"), "{key}");
        }
        assert_eq!(pending.dates.len(), V2_TYPED_DATES.len());
        assert_eq!(pending.answers.len(), 1);
    }

    #[test]
    fn pending_is_written_part_by_part_and_reads_back() {
        let json = |p: &Pending| serde_json::to_value(StoredPending(p)).unwrap();
        let mut pending = Pending::default();
        assert!(StoredPending(&pending).is_empty());
        pending.answers.insert(QuestionId::Family, "1".into());
        assert_eq!(
            json(&pending),
            serde_json::json!({"answers": {"family": "1"}})
        );
        pending.answers.clear();
        pending
            .dates
            .insert(DateField::VisaExpiry, boxes("", "", "2"));
        pending
            .dates
            .insert(DateField::Submitted, boxes("1", "", ""));
        let text = serde_json::to_string(&StoredPending(&pending)).unwrap();
        // In the order of the fields, not of their names.
        assert_eq!(
            text,
            r#"{"dates":{"submitted":{"day":"1","month":"","year":""},"visa-expiry":{"day":"","month":"","year":"2"}}}"#
        );
        let mut map = Map::new();
        map.insert("pending".into(), json(&pending));
        let mut issues = Vec::new();
        assert_eq!(read_pending(&map, &mut issues), pending);
        assert_eq!(issues, []);
    }

    #[test]
    fn date_boxes_are_exactly_day_month_and_year() {
        let read = |text: &str| read_boxes(&serde_json::from_str(text).unwrap());
        assert_eq!(
            read(r#"{"year":"3","month":"2","day":"1"}"#),
            Some(boxes("1", "2", "3"))
        );
        for bad in [
            r#"{"day":"1","month":"2"}"#,
            r#"{"day":"1","month":"2","year":3}"#,
            r#"{"day":"1","month":"2","year":"3","hour":"4"}"#,
            r#"["1","2","3"]"#,
            r#""1/2/3""#,
        ] {
            assert_eq!(read(bad), None, "{bad}");
        }
    }
}
