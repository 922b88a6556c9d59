//! Rosters are kept with the drafts' guarantees, by the same storage home: the first release's
//! text migrated, unreadable records kept aside, newer versions left alone, two tabs never
//! overwriting each other, export and import. Storage is a map here; the domain only plans.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use expat_navigator::domain::draft;
use expat_navigator::domain::lang::Lang;
use expat_navigator::domain::roster;
use expat_navigator::domain::roster::saved::{
    self, KEY_PREFIX, LEGACY_KEY, META_KEY, RosterRecord, load_rosters, new_roster,
};
use expat_navigator::domain::store::{
    self, Choice, Issue, QUARANTINE_KEY_PREFIX, Record, Resolution, apply_in_memory,
};

type Store = BTreeMap<String, String>;

const TEXT: &str = "label\tneed\twhere\nAigerim\twork\toutside\n";

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .unwrap()
}

fn entries(store: &Store) -> Vec<(String, String)> {
    store.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// Loads, runs the plan, and checks that loading again finds nothing more to do.
fn load_and_apply(store: &mut Store) -> store::Loaded<RosterRecord> {
    let loaded = load_rosters(&entries(store), at(9, 0));
    apply_in_memory(store, &loaded.plan);
    let again = load_rosters(&entries(store), at(9, 5));
    assert_eq!(again.plan, [], "a second load has nothing to do");
    assert_eq!(again.records, loaded.records);
    loaded
}

fn saved(store: &mut Store, name: &str, text: &str, entropy: u64) -> RosterRecord {
    let r = new_roster(name, text, Lang::En, at(8, 0), entropy).unwrap();
    let Resolution::Saved { record, ops } = store::save_checked(&r, None, at(8, 0)) else {
        panic!("a new roster is saved")
    };
    apply_in_memory(store, &ops);
    record
}

#[test]
fn the_first_releases_pasted_text_becomes_a_roster_once() {
    let mut store = Store::from([(LEGACY_KEY.to_owned(), TEXT.to_owned())]);
    let loaded = load_and_apply(&mut store);
    assert_eq!(loaded.records.len(), 1);
    let r = &loaded.records[0];
    assert_eq!(r.text, TEXT);
    assert_eq!(
        r.name, "Тізім 2026-11-24",
        "named in the source language, as drafts are"
    );
    assert_eq!(r.employees(), 1);
    assert!(!store.contains_key(LEGACY_KEY), "the old key is removed");
    assert!(store.contains_key(&r.key()));
    assert_eq!(
        store.get(META_KEY).map(String::as_str),
        Some("{\"version\":1}")
    );
    assert_eq!(loaded.migrated[0].from_version, 0);

    // Two tabs migrating the same text make the same roster, and a blank text makes none.
    let mut other = Store::from([(LEGACY_KEY.to_owned(), TEXT.to_owned())]);
    assert_eq!(load_and_apply(&mut other).records[0].id, r.id);
    let mut blank = Store::from([(LEGACY_KEY.to_owned(), " \n".to_owned())]);
    assert_eq!(load_and_apply(&mut blank).records, []);
    assert!(!blank.contains_key(LEGACY_KEY));
}

#[test]
fn unreadable_rosters_are_kept_aside_and_newer_ones_left_alone() {
    let mut store = Store::new();
    let good = saved(&mut store, "Spring hires", TEXT, 1);
    let corrupt_key = format!("{KEY_PREFIX}broken");
    let future_key = format!("{KEY_PREFIX}from-the-future");
    let future = r#"{"version":9,"id":"from-the-future","text":"x"}"#;
    store.insert(corrupt_key.clone(), "{\"version\":1,\"text\":".into());
    store.insert(future_key.clone(), future.into());
    let loaded = load_and_apply(&mut store);

    assert_eq!(loaded.records, [good]);
    let codes: Vec<&str> = loaded.problems.iter().map(|p| p.code()).collect();
    assert_eq!(codes, ["corrupt-json", "future-version"]);
    assert!(!store.contains_key(&corrupt_key), "moved into quarantine");
    assert_eq!(store.get(&future_key).map(String::as_str), Some(future));
    let kept: Vec<(&str, bool)> = loaded
        .quarantined
        .iter()
        .map(|q| (q.origin.as_str(), q.in_place()))
        .collect();
    assert_eq!(
        kept,
        [(corrupt_key.as_str(), false), (future_key.as_str(), true)]
    );
    let aside = store
        .iter()
        .find(|(k, _)| k.starts_with(QUARANTINE_KEY_PREFIX))
        .map(|(_, v)| v.clone())
        .unwrap();
    assert!(
        aside.contains("\\\"text\\\":"),
        "the raw text is kept whole"
    );

    // The drafts' library lists none of it, and never touches roster keys.
    let drafts = draft::load_library(&entries(&store), at(9, 0));
    assert_eq!(drafts.quarantined, []);
    assert!(
        drafts
            .plan
            .iter()
            .all(|op| !op.key().starts_with("expat-navigator.roster"))
    );
    // And the rosters list none of the drafts' quarantine next time either.
    let loaded = load_rosters(&entries(&store), at(9, 0));
    assert!(
        loaded
            .quarantined
            .iter()
            .all(|q| q.origin.starts_with(saved::KEY_STEM))
    );
}

#[test]
fn a_roster_field_that_cannot_be_read_is_repaired_and_its_text_kept_aside() {
    let key = format!("{KEY_PREFIX}r1");
    let raw = r#"{"version":1,"id":"r1","name":"Q1","lang":"xx","text":"label\nA\n","created":"2026-11-20T10:00:00","updated":"yesterday","revision":2,"colour":"red"}"#;
    let mut store = Store::from([(key.clone(), raw.to_owned())]);
    let loaded = load_and_apply(&mut store);
    let r = &loaded.records[0];
    assert_eq!(
        (r.name.as_str(), r.text.as_str(), r.lang),
        ("Q1", "label\nA\n", Lang::Kk)
    );
    let issues: Vec<String> = loaded
        .problems
        .iter()
        .map(|p| p.issue.to_string())
        .collect();
    assert_eq!(
        issues,
        [
            "unknown-fields (1): colour",
            "invalid-field: lang",
            "invalid-field: updated"
        ]
    );
    assert_eq!(loaded.quarantined[0].raw, raw);
}

#[test]
fn two_tabs_editing_one_roster_keep_both_versions() {
    let mut store = Store::new();
    let r = saved(&mut store, "Spring hires", TEXT, 1);
    // Tab A saves an edit; tab B, still on the old revision, saves another.
    let a = RosterRecord {
        text: format!("{TEXT}Bolat\twork\tinside\n"),
        ..r.clone()
    };
    let Resolution::Saved { record: a, ops } =
        store::save_checked(&a, store.get(&r.key()).map(String::as_str), at(10, 0))
    else {
        panic!()
    };
    apply_in_memory(&mut store, &ops);
    let b = RosterRecord {
        text: format!("{TEXT}Dana\twork\toutside\n"),
        ..r.clone()
    };
    let res = store::save_checked(&b, store.get(&r.key()).map(String::as_str), at(10, 1));
    let Resolution::Conflict { stored, copy, ops } = res else {
        panic!("{res:?}")
    };
    apply_in_memory(&mut store, &ops);
    assert_eq!(stored, a, "the other tab's version stays under the id");
    assert_eq!(copy.name, "Spring hires (conflict copy)");
    assert_eq!(copy.text, b.text);
    let loaded = load_and_apply(&mut store);
    assert_eq!(loaded.records.len(), 2);

    // Tab A, seeing tab B's later change to a roster it did not edit, adopts it.
    let c = RosterRecord {
        name: "Renamed".into(),
        ..a.clone()
    };
    let Resolution::Saved { record: c, ops } =
        store::save_checked(&c, store.get(&a.key()).map(String::as_str), at(10, 2))
    else {
        panic!()
    };
    apply_in_memory(&mut store, &ops);
    let seen =
        store::merge_on_external_change(&a, store.get(&a.key()).map(String::as_str), at(10, 3));
    assert_eq!(seen, Resolution::Adopt { record: c });
}

#[test]
fn deleting_a_roster_can_be_undone() {
    let mut store = Store::new();
    let r = saved(&mut store, "Q1", TEXT, 1);
    let deleted = store::delete(&r, store.get(&r.key()).map(String::as_str), at(11, 0));
    apply_in_memory(&mut store, &deleted.ops);
    assert!(!store.contains_key(&r.key()));
    let undone = store::undo_delete(&deleted, None, at(11, 1));
    apply_in_memory(&mut store, undone.ops());
    assert_eq!(load_and_apply(&mut store).records, [r]);
}

#[test]
fn rosters_export_and_import_with_a_choice_for_each_conflict() {
    let mut store = Store::new();
    let one = saved(&mut store, "Q1", TEXT, 1);
    let two = saved(&mut store, "Q2", "label\nB\n", 2);
    let file = store::export_json(&[one.clone(), two.clone()], at(12, 0));
    assert!(file.contains("\"format\": \"expat-navigator-rosters\""));
    assert!(file.contains("\"rosters\": ["));
    assert_eq!(
        store::export_file_name::<RosterRecord>(at(12, 0)),
        "expat-navigator-rosters-2026-11-24-1200.json"
    );

    // On another device, Q2 exists with other text.
    let mut other = Store::new();
    let mut changed = two.clone();
    changed.text = "label\nC\n".into();
    let plan = store::import_json(&file, std::slice::from_ref(&changed), at(13, 0)).unwrap();
    assert_eq!(plan.new, [one]);
    assert_eq!(plan.conflicts.len(), 1);
    let keep_both = plan.apply(&[Choice::KeepBoth]);
    assert_eq!(keep_both.added.len(), 2);
    assert_eq!(keep_both.added[1].name, "Q2 (imported)");
    let replace = plan.apply(&[Choice::Replace]);
    assert_eq!(replace.replaced[0].text, two.text);
    assert!(replace.replaced[0].revision > changed.revision);
    apply_in_memory(&mut other, &replace.ops);
    assert_eq!(load_and_apply(&mut other).records.len(), 2);

    // A drafts export is not a roster export.
    let drafts_file = draft::export_json(&[], at(12, 0));
    assert_eq!(
        store::import_json::<RosterRecord>(&drafts_file, &[], at(13, 0)),
        Err(store::ImportError::NotAnExport)
    );
    // A roster past the size a save keeps to (written by an earlier version) comes in whole,
    // never as an empty roster; one past what any record may hold is refused, said so.
    let big_text = format!("{TEXT}{}", "Employee\twork\toutside\n".repeat(50_000));
    assert!(matches!(
        saved::size(&big_text),
        saved::Size::TooLarge { .. }
    ));
    let big = format!(
        "{{\"version\":1,\"text\":{}}}",
        serde_json::to_string(&big_text).unwrap()
    );
    let plan = store::import_json::<RosterRecord>(&big, &[], at(13, 0)).unwrap();
    assert_eq!(plan.problems, []);
    assert_eq!(plan.new[0].text, big_text);
    assert_eq!(roster::parse(&plan.new[0].text).rows.len(), 50_001);
    let huge = format!(
        "{{\"version\":1,\"text\":\"{}\"}}",
        "x".repeat(saved::KIND.max_record_bytes + 1)
    );
    let plan = store::import_json::<RosterRecord>(&huge, &[], at(13, 0)).unwrap();
    assert_eq!(
        plan.problems[0].issue,
        Issue::InvalidField {
            field: "text".into()
        }
    );
}

#[test]
fn a_roster_is_warned_about_as_it_grows_and_refused_past_the_limit() {
    assert_eq!(saved::size(TEXT), saved::Size::Fits);
    let large = "x".repeat(saved::KIND.max_copy_aside_bytes + 1);
    assert_eq!(
        saved::size(&large),
        saved::Size::Large { bytes: large.len() }
    );
    let too_large = "x".repeat(saved::MAX_TEXT_BYTES + 1);
    assert_eq!(
        saved::size(&too_large),
        saved::Size::TooLarge {
            bytes: too_large.len()
        }
    );
}

#[test]
fn a_roster_is_stored_exactly_as_documented() {
    let r = new_roster("Spring hires", TEXT, Lang::Ru, at(8, 0), 7).unwrap();
    let json = r.to_json();
    assert!(json.starts_with(&format!(
        "{{\"version\":1,\"id\":\"{}\",\"name\":\"Spring hires\",\"lang\":\"ru\",\"text\":",
        r.id
    )));
    assert!(json.ends_with(
        ",\"created\":\"2026-11-24T08:00:00\",\"updated\":\"2026-11-24T08:00:00\",\"revision\":0}"
    ));
    assert_eq!(
        new_roster("", "", Lang::Kk, at(8, 0), 7).unwrap().name,
        "Тізім 2026-11-24"
    );
}

#[test]
fn a_long_roster_is_simply_read_and_a_long_one_needing_repair_is_left_in_place() {
    // About 6 000 employees: more than is ever copied aside, and read like any other roster.
    let long_text = format!("{TEXT}{}", "Employee\twork\toutside\n".repeat(25_000));
    let mut store = Store::new();
    let long = saved(&mut store, "Everyone", &long_text, 1);
    assert!(long.to_json().len() > saved::KIND.max_copy_aside_bytes);
    let loaded = load_and_apply(&mut store);
    assert_eq!(loaded.records, std::slice::from_ref(&long));
    assert_eq!(loaded.problems, []);

    // The same with a field this version does not know: not copied aside (the quota), left in
    // place for the user to download and delete; what can be read opens as a roster of its own.
    let raw = long.to_json().replacen('{', "{\"colour\":\"red\",", 1);
    let mut store = Store::from([(long.key(), raw.clone())]);
    let loaded = load_rosters(&entries(&store), at(9, 0));
    assert_eq!(
        loaded.problems[0].issue,
        Issue::TooLargeToCopy { bytes: raw.len() }
    );
    assert!(loaded.quarantined[0].in_place());
    assert_eq!(loaded.records.len(), 1);
    assert_ne!(loaded.records[0].id, long.id);
    assert_eq!(loaded.records[0].text, long_text);
    apply_in_memory(&mut store, &loaded.plan);
    assert_eq!(store.get(&long.key()), Some(&raw), "the original stays");
    assert_eq!(
        load_rosters(&entries(&store), at(9, 5)).plan,
        [],
        "salvaged once"
    );
}
