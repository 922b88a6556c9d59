//! The statics that the build script writes from the data files (`src/data/rust.rs`) hold what
//! the files hold: each one, written back as JSON, is its file.

use serde_json::Value;

/// Without null fields and empty lists, which the data files may leave out.
fn normalized(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !(v.is_null() || v.as_array().is_some_and(Vec::is_empty)))
                .map(|(k, v)| (k, normalized(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(normalized).collect()),
        other => other,
    }
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn assert_same(file: &str, written: impl serde::Serialize, source: Value) {
    let written = normalized(serde_json::to_value(written).unwrap());
    assert!(
        written == normalized(source),
        "{file}: the static differs from the file"
    );
}

#[test]
fn the_catalogue_is_its_files() {
    let mut source = json(include_str!("../data/catalogue.json"));
    for part in [
        include_str!("../data/services/work-investor-residence.json"),
        include_str!("../data/services/trp-business-cancellation.json"),
        include_str!("../data/services/qualification-migration-tax.json"),
    ] {
        let Value::Object(mut part) = json(part) else {
            panic!("a service file is an object")
        };
        for list in ["documents", "services"] {
            let items = part.remove(list).unwrap_or(Value::Array(Vec::new()));
            let Value::Array(items) = items else {
                panic!("{list} is a list")
            };
            let all = source
                .as_object_mut()
                .unwrap()
                .entry(list)
                .or_insert(Value::Array(Vec::new()));
            all.as_array_mut().unwrap().extend(items);
        }
    }
    assert_same("catalogue", super::catalogue::catalogue(), source);
}

#[test]
fn the_words_calendar_and_mrp_are_their_files() {
    let questions = json(include_str!("../data/questions.json"));
    assert_same("questions.json", &super::flow::text::TEXTS, questions);
    let calendar = json(include_str!("../data/calendar.json"));
    assert_same("calendar.json", &super::calendar::CALENDAR_DATA, calendar);
    assert_same(
        "mrp.json",
        super::fees::mrp_table(),
        json(include_str!("../data/mrp.json")),
    );
}
