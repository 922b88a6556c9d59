//! Drafts are never lost: migration from version 1, repair and quarantine of bad data, the
//! two-tab protocol, export and import. Storage is a map here; the domain only plans writes.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveDateTime};
use expat_navigator::domain::application::{Application, DateBoxes, DateField, Pending};
use expat_navigator::domain::draft::{
    self, Change, Choice, DRAFT_KEY_PREFIX, Draft, ImportError, Issue, Loaded, MAX_IMPORT_BYTES,
    MAX_LISTED, MAX_NAME_CHARS, MAX_RECORD_BYTES, MAX_TICKED, MAX_TYPED_BYTES, META_KEY, Migrated,
    NameError, Op, QUARANTINE_KEY_PREFIX, Resolution, Source, V1_KEY, delete, duplicate,
    export_json, export_quarantine, import_json, load_library, merge_on_external_change, new_draft,
    on_storage_change, rename, save, save_checked, save_over, summaries, undo_delete,
};
use expat_navigator::domain::flow::{Answers, QuestionId, ServiceId};
use expat_navigator::domain::lang::Lang;
use serde_json::Value;

type Store = BTreeMap<String, String>;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/drafts/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn at(day: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .unwrap()
}

fn now() -> NaiveDateTime {
    at(24, 9, 0)
}

fn entries(store: &Store) -> Vec<(String, String)> {
    store.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

fn load(store: &Store) -> Loaded {
    load_library(&entries(store), now())
}

fn apply(store: &mut Store, ops: &[Op]) {
    draft::apply_in_memory(store, ops);
}

/// Loads, runs the plan, and checks that loading again finds nothing more to do.
fn load_and_apply(store: &mut Store) -> Loaded {
    let loaded = load(store);
    apply(store, &loaded.plan);
    let again = load(store);
    assert_eq!(again.plan, [], "a second load has nothing to do");
    assert_eq!(
        again.drafts, loaded.drafts,
        "a second load reads the same drafts"
    );
    assert_eq!(
        again.quarantined.len(),
        loaded.quarantined.len(),
        "nothing is kept aside twice"
    );
    loaded
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(q, v)| (q.parse::<QuestionId>().unwrap(), v.to_string()))
        .collect()
}

fn boxes(day: &str, month: &str, year: &str) -> DateBoxes {
    DateBoxes {
        day: day.into(),
        month: month.into(),
        year: year.into(),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn invalid(field: &str) -> Issue {
    Issue::InvalidField {
        field: field.into(),
    }
}

fn stored_draft(store: &Store, id: &str) -> Option<Draft> {
    let key = draft::draft_key(id);
    match on_storage_change(&key, store.get(&key).map(String::as_str), now()) {
        Change::Upsert { record: draft } => Some(draft),
        _ => None,
    }
}

fn v2_store() -> (Store, Draft) {
    let raw = fixture("v2.json");
    let mut store = Store::new();
    store.insert(
        format!("{DRAFT_KEY_PREFIX}20261121-093000-5a1c9e02"),
        raw.trim().to_owned(),
    );
    let loaded = load_and_apply(&mut store);
    let d = loaded.drafts[0].clone();
    (store, d)
}

fn sample(id_entropy: u64, name: &str, pairs: &[(&str, &str)]) -> Draft {
    let mut d = new_draft(name, Lang::En, at(20, 10, 0), id_entropy).unwrap();
    d.application = Application::from_answers(&answers(pairs));
    d.application.ticked.insert(format!("item-{id_entropy}"));
    d.revision = 1;
    d
}

// ---------------------------------------------------------------------------------------------
// Schema history

#[test]
fn the_v1_fixture_migrates_to_v3_with_its_answers_and_ticks() {
    let raw = fixture("v1.json");
    let mut store = Store::from([
        (V1_KEY.to_owned(), raw.clone()),
        ("expat-navigator.lang".to_owned(), "en".to_owned()),
    ]);
    let loaded = load(&store);
    assert_eq!(loaded.problems, []);
    assert_eq!(loaded.drafts.len(), 1);
    let d = &loaded.drafts[0];
    assert_eq!(
        d.application.all_answers(),
        answers(&[
            ("need", "work"),
            ("where", "outside"),
            ("citizenship", "other"),
            ("submitter", "employer"),
            ("branch", "no"),
            ("family", "1"),
            ("member1", "spouse"),
            ("years", "2"),
        ])
    );
    let ticked: BTreeSet<String> = [
        "work-visa-invitation:passport-copy:0",
        "work-visa-invitation:contract:0",
        "work-visa-invitation:marriage:1",
    ]
    .map(str::to_owned)
    .into();
    assert_eq!(d.application.ticked, ticked);
    assert_eq!(d.application.details.years, Some(2));
    assert_eq!(d.lang, Lang::En);
    assert_eq!(d.updated, at(20, 10, 0));
    assert_eq!(d.created, at(20, 10, 0));
    assert_eq!(d.name, "Draft 2026-11-20");
    assert_eq!(d.revision, 1);
    assert!(d.id.starts_with("v1-"));
    assert_eq!(d.service(), Some(ServiceId::WorkVisaInvitation));
    assert_eq!(loaded.current.as_deref(), Some(d.id.as_str()));
    assert_eq!(loaded.migrated.len(), 1);
    assert_eq!(loaded.migrated[0].from_version, 1);
    assert_eq!(loaded.migrated[0].to.as_deref(), Some(d.id.as_str()));

    // The new record is written before the old key is removed, and the removal comes last.
    let draft_key = d.key();
    let write = loaded.plan.iter().position(|op| op.key() == draft_key);
    let removal = loaded
        .plan
        .iter()
        .position(|op| *op == Op::Remove { key: V1_KEY.into() });
    assert!(write.unwrap() < removal.unwrap());
    assert_eq!(removal, Some(loaded.plan.len() - 1));

    let migrated = load_and_apply(&mut store);
    assert!(!store.contains_key(V1_KEY));
    assert_eq!(
        store["expat-navigator.lang"], "en",
        "other keys are untouched"
    );
    assert_eq!(store[META_KEY], r#"{"version":3}"#);
    let record: Value = serde_json::from_str(&store[&draft_key]).unwrap();
    assert_eq!(record["version"], 3);
    assert_eq!(record["answers"]["member1"], "spouse");
    assert_eq!(migrated.drafts, loaded.drafts);
}

#[test]
fn two_tabs_migrating_the_same_v1_draft_make_one_draft() {
    let store = Store::from([(V1_KEY.to_owned(), fixture("v1.json"))]);
    let a = load(&store);
    let b = load(&store);
    assert_eq!(a.plan, b.plan, "the migration is deterministic");
    let mut store = store;
    apply(&mut store, &a.plan);
    apply(&mut store, &b.plan);
    assert_eq!(load(&store).drafts.len(), 1);
}

#[test]
fn an_empty_v1_draft_is_removed_without_making_a_draft() {
    let mut store = Store::from([(
        V1_KEY.to_owned(),
        r#"{"version":1,"lang":"kk","answers":{},"ticked":[],"updated":"2026-11-20T10:00:00"}"#
            .to_owned(),
    )]);
    let loaded = load_and_apply(&mut store);
    assert_eq!(loaded.drafts, []);
    assert_eq!(loaded.migrated[0].to, None);
    assert!(!store.contains_key(V1_KEY));
}

#[test]
fn a_v1_key_left_behind_after_migration_is_not_migrated_twice() {
    let mut store = Store::from([(V1_KEY.to_owned(), fixture("v1.json"))]);
    let loaded = load(&store);
    // The migrated draft was written, but the old key survived (the removal never ran).
    let writes: Vec<Op> = loaded
        .plan
        .iter()
        .filter(|op| matches!(op, Op::Set { .. }))
        .cloned()
        .collect();
    apply(&mut store, &writes);
    assert!(store.contains_key(V1_KEY));
    let again = load_and_apply(&mut store);
    assert_eq!(again.drafts.len(), 1);
    assert_eq!(again.problems, []);

    // Left behind and the migrated draft edited since: the old text is kept aside.
    let mut store = Store::from([(V1_KEY.to_owned(), fixture("v1.json"))]);
    apply(&mut store, &writes);
    let mut edited = loaded.drafts[0].clone();
    edited.application.details.years = Some(5);
    apply(
        &mut store,
        &[Op::Set {
            key: edited.key(),
            value: save(&edited).1,
        }],
    );
    let again = load_and_apply(&mut store);
    assert_eq!(again.drafts, [edited]);
    assert_eq!(again.problems[0].code(), "already-migrated");
    assert_eq!(again.quarantined[0].raw, fixture("v1.json"));
}

#[test]
fn the_v2_fixture_migrates_to_v3_and_its_marker_is_renewed_quietly() {
    let raw = fixture("v2.json");
    let key = format!("{DRAFT_KEY_PREFIX}20261121-093000-5a1c9e02");
    let mut store = Store::from([
        (key.clone(), raw.clone()),
        (META_KEY.to_owned(), r#"{"version":2}"#.to_owned()),
    ]);
    let loaded = load_and_apply(&mut store);
    // Version 2's marker is no problem: it is simply replaced.
    assert_eq!(loaded.problems, []);
    assert_eq!(loaded.quarantined, []);
    let d = &loaded.drafts[0];
    assert_eq!(d.name, "Aigerim Sadykova");
    assert_eq!(d.lang, Lang::Kk);
    assert_eq!(d.revision, 7);
    assert_eq!(d.created, at(21, 9, 30));
    assert_eq!(d.service(), Some(ServiceId::TemporaryResidencePermit));
    assert_eq!(d.application.pending, Default::default());
    // Nothing was typed: the record is written again as it was, but for its version.
    let v3 = raw.replacen(r#"{"version":2,"#, r#"{"version":3,"#, 1);
    assert_eq!(
        loaded.plan,
        [
            Op::Set {
                key: key.clone(),
                value: v3.clone()
            },
            Op::Set {
                key: META_KEY.into(),
                value: r#"{"version":3}"#.into()
            }
        ]
    );
    assert_eq!(
        loaded.migrated,
        [Migrated {
            from_key: key.clone(),
            from_version: 2,
            to: Some(d.id.clone())
        }]
    );
    assert_eq!(save(d), (key, v3));
}

/// The drafts of the version 2 export file `v2-typed.json`: one with every kind of typed value
/// that has a place in version 3 (the four dates, question ids) and one that does not (an
/// unknown key), one with malformed ones.
fn v2_typed_records() -> Vec<Value> {
    let file: Value = serde_json::from_str(&fixture("v2-typed.json")).unwrap();
    file["drafts"].as_array().unwrap().clone()
}

#[test]
fn typed_values_of_v2_move_to_their_named_fields_and_nothing_is_lost() {
    let mut store: Store = v2_typed_records()
        .iter()
        .map(|r| (draft::draft_key(r["id"].as_str().unwrap()), r.to_string()))
        .collect();
    store.insert(META_KEY.into(), r#"{"version":2}"#.into());
    let before = store.clone();
    let loaded = load_and_apply(&mut store);

    let dana = loaded.drafts.iter().find(|d| d.name == "Dana K.").unwrap();
    let app = &dana.application;
    assert_eq!(
        app.pending.dates,
        BTreeMap::from([
            (DateField::Submitted, boxes("12", "3", "2027")),
            (DateField::Payment, boxes("", "", "")),
            (DateField::PassportExpiry, boxes("1", "6", "20")),
            (DateField::PlannedVisaEnd, boxes("15", "1", "2029")),
        ])
    );
    assert_eq!(
        app.pending.answers,
        BTreeMap::from([
            (QuestionId::Family, "3".to_owned()),
            (QuestionId::Member(2), "chi".to_owned()),
        ])
    );
    // The answers (details among them) and the ticks are as they were.
    assert_eq!(
        app.all_answers(),
        answers(&[
            ("need", "work"),
            ("where", "outside"),
            ("citizenship", "other"),
            ("submitter", "employer"),
            ("branch", "no"),
            ("family", "2"),
            ("member1", "spouse"),
            ("years", "2"),
            ("priority", "yes"),
            ("entry-date", "2027-01-15"),
        ])
    );
    assert_eq!(app.details.years, Some(2));
    assert!(app.details.priority);
    assert_eq!(
        app.ticked,
        BTreeSet::from(["work-visa-invitation:passport-copy:0".to_owned()])
    );
    // The second family member is still being typed.
    assert_eq!(dana.service(), None);
    assert_eq!(
        (dana.lang, dana.revision, dana.updated),
        (Lang::Ru, 6, at(22, 15, 30))
    );
    // The page reads them as they were typed: a cleared date stays cleared, a date that is an
    // answer shows the answer.
    assert_eq!(app.date(DateField::Submitted), Ok(Some(date(2027, 3, 12))));
    assert_eq!(app.date(DateField::Payment), Ok(None));
    assert!(app.date(DateField::PassportExpiry).is_err());
    assert_eq!(
        app.date(DateField::PlannedVisaEnd),
        Ok(Some(date(2029, 1, 15)))
    );
    assert_eq!(app.date(DateField::EntryDate), Ok(Some(date(2027, 1, 15))));

    // Malformed dates ("1/2", "1/2/3/4", "", not a string) and unknown keys have no place.
    let timur = loaded.drafts.iter().find(|d| d.name == "Timur B.").unwrap();
    assert_eq!(timur.application.pending.dates, BTreeMap::new());
    assert_eq!(
        timur.application.pending.answers,
        BTreeMap::from([(QuestionId::Need, "regi".to_owned())])
    );
    assert_eq!(timur.service(), Some(ServiceId::Iin));

    // What had no place is reported once per draft, and each original record is kept aside
    // whole.
    let mut reported: Vec<(Option<&str>, &Issue)> = loaded
        .problems
        .iter()
        .map(|p| (p.record.as_deref(), &p.issue))
        .collect();
    reported.sort_by_key(|(record, _)| *record);
    let typed = invalid("typed");
    assert_eq!(
        reported,
        [
            (Some(dana.id.as_str()), &typed),
            (Some(timur.id.as_str()), &typed)
        ]
    );
    for (key, raw) in before.iter().filter(|(k, _)| *k != META_KEY) {
        assert!(
            loaded
                .quarantined
                .iter()
                .any(|q| q.origin == *key && q.raw == *raw),
            "{key} kept aside"
        );
    }
    // Both are stored as version 3, the marker too.
    assert_eq!(loaded.migrated.len(), 2);
    for d in &loaded.drafts {
        let record: Value = serde_json::from_str(&store[&d.key()]).unwrap();
        assert_eq!(record["version"], 3);
        assert_eq!(record.get("typed"), None);
    }
    let record: Value = serde_json::from_str(&store[&dana.key()]).unwrap();
    assert_eq!(
        record["pending"]["dates"]["passport-expiry"],
        serde_json::json!({"day": "1", "month": "6", "year": "20"})
    );
    assert_eq!(record["pending"]["answers"]["member2"], "chi");
    assert_eq!(store[META_KEY], r#"{"version":3}"#);

    // The version 2 export file imports as the same drafts, with the same problems.
    let plan = import_json(&fixture("v2-typed.json"), &[], now()).unwrap();
    assert_eq!(plan.new.len(), 2);
    assert!(plan.new.iter().all(|d| loaded.drafts.contains(d)));
    assert_eq!(plan.problems.len(), 2);
    assert!(plan.problems.iter().all(|p| p.issue == typed));
    let plan = import_json(&fixture("v2-typed.json"), &loaded.drafts, now()).unwrap();
    assert_eq!(plan.identical.len(), 2);
}

/// A store holding `raw` as the v3 fixture's draft, under its key, with the v3 layout marker.
fn v3_store(raw: String) -> (String, Store) {
    let key = format!("{DRAFT_KEY_PREFIX}20261123-101500-3d9e7b20");
    let store = Store::from([
        (key.clone(), raw),
        (META_KEY.to_owned(), r#"{"version":3}"#.to_owned()),
    ]);
    (key, store)
}

#[test]
fn a_tick_under_a_document_renamed_for_its_service_is_kept_under_the_new_id() {
    let raw = fixture("v3.json").replacen(
        "\"work-visa-invitation:contract:0\"",
        "\"fingerprinting:arrival-notification:0\"",
        1,
    );
    let (_, mut store) = v3_store(raw);
    let loaded = load_and_apply(&mut store);
    assert_eq!(loaded.problems, []);
    let ticked = &loaded.drafts[0].application.ticked;
    assert!(
        ticked.contains("fingerprinting:notification-of-arrival:0"),
        "{ticked:?}"
    );
    assert!(!ticked.contains("fingerprinting:arrival-notification:0"));
    assert!(ticked.contains("work-visa-invitation:passport-copy:0"));
}

#[test]
fn the_v3_fixture_round_trips_exactly() {
    let raw = fixture("v3.json");
    let (key, mut store) = v3_store(raw.clone());
    let loaded = load_and_apply(&mut store);
    assert_eq!(loaded.problems, []);
    assert_eq!(loaded.quarantined, []);
    assert_eq!(loaded.migrated, []);
    assert_eq!(loaded.plan, [], "a valid record is not written again");
    assert_eq!(store[&key], raw);

    let d = &loaded.drafts[0];
    let app = &d.application;
    assert_eq!(d.name, "Aigerim Sadykova");
    assert_eq!(d.revision, 5);
    assert_eq!(
        d.service(),
        None,
        "the second family member is still being typed"
    );
    assert_eq!(app.details.entry_date, Some(date(2027, 1, 15)));
    assert_eq!(app.ticked.len(), 2);
    assert_eq!(
        app.pending.answers,
        BTreeMap::from([
            (QuestionId::Family, "3".to_owned()),
            (QuestionId::Member(2), "chi".to_owned()),
        ])
    );
    assert_eq!(
        app.pending.dates,
        BTreeMap::from([
            (DateField::Submitted, boxes("12", "3", "2027")),
            (DateField::Payment, boxes("", "", "")),
            (DateField::PassportExpiry, boxes("1", "6", "20")),
            (DateField::PlannedVisaEnd, boxes("15", "1", "2029")),
            (DateField::EntryDate, boxes("15", "1", "2027")),
            (DateField::VisaExpiry, boxes("3", "", "")),
        ])
    );
    assert_eq!(d.summary().answered, 10);

    // Read, stored, read again: the same draft, the same text.
    assert_eq!(save(d), (key.clone(), raw.clone()));
    assert_eq!(
        on_storage_change(&key, Some(&save(d).1), now()),
        Change::Upsert { record: d.clone() }
    );
    assert_eq!(
        import_json(&raw, &[], now()).unwrap().new,
        std::slice::from_ref(d)
    );

    // Valid but spelled otherwise (another order, spaces): read the same, and not rewritten.
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<Value>(&raw).unwrap()).unwrap();
    let mut store = Store::from([
        (key.clone(), pretty.clone()),
        (META_KEY.to_owned(), r#"{"version":3}"#.to_owned()),
    ]);
    let again = load_and_apply(&mut store);
    assert_eq!(again.plan, []);
    assert_eq!(again.drafts, loaded.drafts);
    assert_eq!(store[&key], pretty);

    // An export now is version 3, with the pending values, and imports as it was.
    let file = export_json(&loaded.drafts, now());
    let header: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(header["version"], 3);
    assert_eq!(
        header["drafts"][0]["pending"]["dates"]["visa-expiry"]["day"],
        "3"
    );
    let plan = import_json(&file, &[], now()).unwrap();
    assert_eq!((plan.new, plan.problems), (loaded.drafts.clone(), vec![]));
}

#[test]
fn garbage_in_pending_is_dropped_and_reported_and_the_rest_kept() {
    let long = "x".repeat(MAX_TYPED_BYTES + 1);
    let nothing = Pending::default;
    let family = || Pending {
        answers: BTreeMap::from([(QuestionId::Family, "2".to_owned())]),
        ..Pending::default()
    };
    let payment = || Pending {
        dates: BTreeMap::from([(DateField::Payment, boxes("1", "2", "3"))]),
        ..Pending::default()
    };
    let cases: Vec<(String, Pending)> = vec![
        ("7".into(), nothing()),
        ("[]".into(), nothing()),
        ("null".into(), nothing()),
        (r#""answers""#.into(), nothing()),
        (r#"{"answers":null}"#.into(), nothing()),
        (
            r#"{"answers":{"family":"2"},"dates":5}"#.into(), family(),
        ),
        (
            format!(
                r#"{{"answers":{{"family":"2","nope":"x","need":7,"member0":"a","where":"{long}"}}}}"#
            ), family(),
        ),
        (
            r#"{"answers":{"family":"2"},"extra":{}}"#.into(), family(),
        ),
        (
            r#"{"answers":{"family":"2"},"dates":{"tomorrow":{"day":"1","month":"2","year":"3"}}}"#
                .into(), family(),
        ),
        (
            r#"{"dates":{"submitted":{"day":"1","month":"2"},"payment":{"day":"1","month":"2","year":"3"}}}"#
                .into(), payment(),
        ),
        (
            r#"{"dates":{"submitted":{"day":1,"month":"2","year":"3"},"payment":{"day":"1","month":"2","year":"3"}}}"#
                .into(), payment(),
        ),
        (
            r#"{"dates":{"submitted":"1/2/3","payment":{"day":"1","month":"2","year":"3"}}}"#
                .into(), payment(),
        ),
        (
            r#"{"dates":{"submitted":{"day":"1","month":"2","year":"3","hour":"4"}}}"#.into(), nothing(),
        ),
        (
            format!(r#"{{"dates":{{"submitted":{{"day":"{long}","month":"2","year":"3"}}}}}}"#), nothing(),
        ),
        (
            r#"{"dates":{"submitted":[1,2,3]}}"#.into(), nothing(),
        ),
    ];
    for (pending, kept) in cases {
        let raw = format!(
            r#"{{"version":3,"id":"p","name":"P","lang":"en","answers":{{"need":"work"}},"ticked":["k"],"pending":{pending},"created":"2026-11-20T10:00:00","updated":"2026-11-20T10:00:00","revision":3}}"#
        );
        let key = draft::draft_key("p");
        let mut store = Store::from([(key.clone(), raw.clone())]);
        let loaded = load_and_apply(&mut store);
        assert_eq!(
            loaded.problems.iter().map(|p| &p.issue).collect::<Vec<_>>(),
            [&invalid("pending")],
            "{pending}"
        );
        let d = &loaded.drafts[0];
        assert_eq!(
            (d.name.as_str(), d.revision, d.application.ticked.len()),
            ("P", 3, 1),
            "{pending}"
        );
        assert_eq!(
            d.application.all_answers(),
            answers(&[("need", "work")]),
            "{pending}"
        );
        assert_eq!(d.application.pending, kept, "{pending}");
        assert_eq!(loaded.quarantined[0].raw, raw, "{pending}");
        assert!(import_json(&raw, &[], now()).unwrap().problems.len() == 1);
    }

    // Nothing pending, written out or not, is no problem; each version reads only its own
    // field (the other is an unknown one, kept aside).
    for pending in [
        r#""pending":{},"#,
        r#""pending":{"answers":{},"dates":{}},"#,
        "",
    ] {
        let raw = format!(r#"{{"version":3,"id":"p","name":"P",{pending}"revision":3}}"#);
        let loaded = load(&Store::from([(draft::draft_key("p"), raw)]));
        assert_eq!(loaded.problems, [], "{pending}");
        assert_eq!(loaded.drafts[0].application.pending, Default::default());
    }
    for (version, field) in [(3, "typed"), (2, "pending")] {
        let raw = format!(
            r#"{{"version":{version},"id":"p","name":"P","typed":{{"family":"1"}},"pending":{{"answers":{{"family":"1"}}}}}}"#
        );
        let loaded = load(&Store::from([(draft::draft_key("p"), raw)]));
        assert_eq!(
            loaded.problems[0].issue,
            Issue::UnknownFields {
                fields: vec![field.into()],
                total: 1
            }
        );
        assert_eq!(
            loaded.drafts[0].application.pending.answers,
            BTreeMap::from([(QuestionId::Family, "1".to_owned())]),
            "the field of its own version is read"
        );
    }
}

#[test]
fn every_draft_saved_reads_back_equal() {
    let mut d = new_draft("  Ербол \u{7}Нұрланұлы ", Lang::Kk, at(20, 10, 0), 7).unwrap();
    assert_eq!(d.name, "Ербол Нұрланұлы");
    d.application =
        Application::from_answers(&answers(&[("need", "work"), ("entry-date", "2026-12-01")]));
    d.application
        .ticked
        .insert("work-visa-invitation:step2:passport-copy~2:0".into());
    d.application
        .pending
        .answers
        .insert(QuestionId::Family, "1".into());
    d.application
        .set_date(DateField::PassportExpiry, boxes("", "3", "20"));
    d.application
        .set_date(DateField::VisaExpiry, boxes("", "", ""));
    let Resolution::Saved { record: saved, ops } = save_checked(&d, None, at(20, 10, 5)) else {
        panic!()
    };
    assert_eq!(saved.revision, 1);
    assert_eq!(saved.updated, at(20, 10, 5));
    let mut store = Store::new();
    apply(&mut store, &ops);
    assert_eq!(load_and_apply(&mut store).drafts, [saved]);
}

// ---------------------------------------------------------------------------------------------
// Bad data

struct Case {
    file: &'static str,
    code: &'static str,
    /// The answers that survive, when the draft can be read at all.
    kept: Option<&'static [(&'static str, &'static str)]>,
}

const CASES: &[Case] = &[
    Case {
        file: "truncated.json",
        code: "corrupt-json",
        kept: None,
    },
    Case {
        file: "not-an-object.json",
        code: "not-an-object",
        kept: None,
    },
    Case {
        file: "future-v99.json",
        code: "future-version",
        kept: None,
    },
    Case {
        file: "wrong-types.json",
        code: "invalid-field",
        kept: Some(&[
            ("need", "work"),
            ("where", "outside"),
            ("citizenship", "other"),
        ]),
    },
    // Too big to copy aside: left in place; its readable part opens as a draft of its own.
    Case {
        file: "huge-value.json",
        code: "too-large-to-copy",
        kept: Some(&[("need", "work")]),
    },
    Case {
        file: "unknown-keys.json",
        code: "unknown-fields",
        kept: Some(&[("need", "qualification")]),
    },
    Case {
        file: "invalid-answers.json",
        code: "invalid-answers",
        kept: Some(&[("need", "work"), ("where", "outside"), ("years", "3")]),
    },
];

#[test]
fn every_corrupt_fixture_is_reported_kept_aside_and_loses_nothing_else() {
    let (good_store, good) = v2_store();
    for case in CASES {
        let raw = fixture(case.file);
        let key = format!("{DRAFT_KEY_PREFIX}{}", case.file.trim_end_matches(".json"));
        let mut store = good_store.clone();
        store.insert(key.clone(), raw.clone());

        // The app starts: loading returns, and says what happened.
        let loaded = load(&store);
        let problem = loaded
            .problems
            .iter()
            .find(|p| p.code() == case.code)
            .unwrap_or_else(|| panic!("{}: {:?}", case.file, loaded.problems));
        assert_eq!(
            problem.source,
            Source::Key { key: key.clone() },
            "{}",
            case.file
        );
        assert!(!problem.to_string().is_empty());

        // The raw text is kept where the user can export it.
        let kept = loaded
            .quarantined
            .iter()
            .find(|q| q.origin == key)
            .unwrap_or_else(|| panic!("{}: not kept aside", case.file));
        assert_eq!(kept.raw, raw, "{}", case.file);
        assert_eq!(kept.code, case.code, "{}", case.file);

        // The good draft is untouched, and the readable part of the bad one is kept.
        assert!(loaded.drafts.contains(&good), "{}", case.file);
        let id = case.file.trim_end_matches(".json");
        let salvaged = loaded
            .drafts
            .iter()
            .find(|d| d.id == id || (case.code == "too-large-to-copy" && d.id != good.id));
        match case.kept {
            Some(pairs) => assert_eq!(
                salvaged.unwrap().application.all_answers(),
                answers(pairs),
                "{}",
                case.file
            ),
            None => assert_eq!(salvaged, None, "{}", case.file),
        }

        // After the plan: the raw text is still in storage, under a quarantine key or (a newer
        // version's data) exactly where it was; the good draft's record is unchanged.
        let before = store.clone();
        let again = load_and_apply(&mut store);
        assert_eq!(again.drafts, loaded.drafts);
        assert_eq!(store[&good.key()], before[&good.key()], "{}", case.file);
        let still_there = store.iter().any(|(k, v)| {
            (k == &key && *v == raw)
                || (k.starts_with(QUARANTINE_KEY_PREFIX)
                    && serde_json::from_str::<Value>(v).unwrap()["raw"] == raw.as_str())
        });
        assert!(still_there, "{}: raw text lost", case.file);

        // And it can be exported, raw text included.
        let export: Value =
            serde_json::from_str(&export_quarantine(&again.quarantined, now())).unwrap();
        assert_eq!(export["format"], "expat-navigator-quarantine");
        assert_eq!(export["entries"][0]["raw"], Value::from(raw.as_str()));
    }
}

#[test]
fn the_salvaged_parts_are_listed() {
    let store = Store::from([(
        format!("{DRAFT_KEY_PREFIX}invalid-answers"),
        fixture("invalid-answers.json"),
    )]);
    let loaded = load(&store);
    let Issue::InvalidAnswers { dropped, total } = &loaded.problems[0].issue else {
        panic!("{:?}", loaded.problems)
    };
    assert_eq!(*total, 6);
    let listed: Vec<(&str, &str, &str)> = dropped
        .iter()
        .map(|d| (d.question.as_str(), d.value.as_str(), d.reason.code()))
        .collect();
    assert_eq!(
        listed,
        [
            ("citizenship", "martian", "invalid"),
            ("entry-date", "2026-02-30", "invalid"),
            ("family", "07", "invalid"),
            ("member0", "spouse", "unknown-question"),
            ("nationality", "kz", "unknown-question"),
            ("stay", "5", "not-a-string"),
        ]
    );
    assert_eq!(
        loaded.problems[0].record.as_deref(),
        Some("invalid-answers")
    );
    // The rest of the draft is intact.
    let d = &loaded.drafts[0];
    assert_eq!(d.name, "Olga P.");
    assert_eq!(d.revision, 4);
    assert_eq!(d.application.ticked.len(), 1);

    let store = Store::from([(
        format!("{DRAFT_KEY_PREFIX}wrong-types"),
        fixture("wrong-types.json"),
    )]);
    let loaded = load(&store);
    let fields: BTreeSet<String> = loaded
        .problems
        .iter()
        .filter_map(|p| match &p.issue {
            Issue::InvalidField { field } => Some(field.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        fields,
        ["created", "lang", "name", "revision", "ticked", "updated"]
            .map(str::to_owned)
            .into()
    );
    let d = &loaded.drafts[0];
    assert_eq!(
        d.name, "Жоба 2026-11-24",
        "a default name in the default language"
    );
    assert_eq!(d.revision, 1);

    let store = Store::from([(
        format!("{DRAFT_KEY_PREFIX}huge-value"),
        fixture("huge-value.json"),
    )]);
    let loaded = load(&store);
    assert_eq!(loaded.problems[0].code(), "too-large-to-copy");
    let Some(Issue::InvalidAnswers { dropped, .. }) = loaded.problems.get(1).map(|p| &p.issue)
    else {
        panic!("{:?}", loaded.problems)
    };
    assert_eq!(dropped[0].question, "where");
    assert_eq!(dropped[0].value, "x".repeat(40), "quoted short");
    assert_eq!(dropped[0].reason.code(), "too-long");
}

#[test]
fn a_future_version_is_left_exactly_where_it_is() {
    let raw = fixture("future-v99.json");
    let key = format!("{DRAFT_KEY_PREFIX}future");
    let mut store = Store::from([(key.clone(), raw.clone())]);
    let loaded = load_and_apply(&mut store);
    assert!(loaded.plan.iter().all(|op| op.key() != key));
    assert_eq!(store[&key], raw);
    assert_eq!(
        loaded.problems[0].issue,
        Issue::FutureVersion { version: 99 }
    );
    assert!(loaded.quarantined[0].in_place());
    // Reported again on every start, until the user exports and discards it.
    assert_eq!(load(&store).problems.len(), 1);
    let ops = draft::discard_quarantined(&loaded.quarantined[0]);
    assert_eq!(ops, [Op::Remove { key: key.clone() }]);

    // Also at the version 1 key, and for the layout marker.
    let mut store = Store::from([
        (V1_KEY.to_owned(), raw.clone()),
        (META_KEY.to_owned(), r#"{"version":4}"#.to_owned()),
    ]);
    let loaded = load_and_apply(&mut store);
    assert_eq!(loaded.plan, []);
    assert_eq!(loaded.problems.len(), 2);
    assert_eq!(store[V1_KEY], raw);
    assert_eq!(store[META_KEY], r#"{"version":4}"#);
}

#[test]
fn the_v1_key_and_the_marker_are_kept_aside_too_when_unreadable() {
    let mut store = Store::from([
        (V1_KEY.to_owned(), "{\"version\":1,\"answ".to_owned()),
        (META_KEY.to_owned(), "garbage".to_owned()),
    ]);
    let loaded = load_and_apply(&mut store);
    assert_eq!(loaded.problems.len(), 2);
    assert_eq!(loaded.quarantined.len(), 2);
    assert!(!store.contains_key(V1_KEY));
    assert_eq!(store[META_KEY], r#"{"version":3}"#);
    let raws: BTreeSet<&str> = loaded.quarantined.iter().map(|q| q.raw.as_str()).collect();
    assert_eq!(raws, BTreeSet::from(["{\"version\":1,\"answ", "garbage"]));
}

#[test]
fn an_earlier_layout_marker_is_replaced_and_others_are_kept_aside() {
    let marker = |raw: &str| Store::from([(META_KEY.to_owned(), raw.to_owned())]);
    let v3 = Op::Set {
        key: META_KEY.into(),
        value: r#"{"version":3}"#.into(),
    };
    // Version 2's, however spelled: replaced, nothing to report or keep.
    for raw in [r#"{"version":2}"#, r#"{ "version": 2 }"#] {
        let mut store = marker(raw);
        let loaded = load_and_apply(&mut store);
        assert_eq!(loaded.plan, std::slice::from_ref(&v3), "{raw}");
        assert_eq!((loaded.problems, loaded.quarantined), (vec![], vec![]));
    }
    // This version's: nothing to do.
    assert_eq!(load(&marker(r#"{"version":3}"#)).plan, []);
    // Version 1 had none: one is not an earlier version's, so it is kept aside as before.
    for raw in [r#"{"version":1}"#, r#"{"version":0}"#, r#"{"version":"2"}"#] {
        let mut store = marker(raw);
        let loaded = load_and_apply(&mut store);
        assert_eq!(loaded.problems[0].code(), "unknown-version", "{raw}");
        assert_eq!(loaded.quarantined[0].raw, raw);
        assert_eq!(store[META_KEY], r#"{"version":3}"#);
    }
}

#[test]
fn a_draft_under_an_invalid_key_moves_to_a_valid_one() {
    let (mut store, good) = v2_store();
    let bad_key = format!("{DRAFT_KEY_PREFIX}not valid!");
    // Its record claims the good draft's id: it must not take it.
    let mut twin = good.clone();
    twin.name = "Twin".into();
    store.insert(bad_key.clone(), save(&twin).1);
    let loaded = load_and_apply(&mut store);
    assert_eq!(loaded.drafts.len(), 2);
    assert!(loaded.drafts.contains(&good));
    let moved = loaded.drafts.iter().find(|d| d.name == "Twin").unwrap();
    assert_ne!(moved.id, good.id);
    assert!(!store.contains_key(&bad_key));
    assert_eq!(loaded.problems[0].code(), "id-repaired");
    assert_eq!(loaded.quarantined.len(), 1);
}

#[test]
fn a_record_whose_id_differs_from_its_key_takes_the_keys_id() {
    let (_, good) = v2_store();
    let mut store = Store::from([(format!("{DRAFT_KEY_PREFIX}other-id"), save(&good).1)]);
    let loaded = load_and_apply(&mut store);
    assert_eq!(loaded.drafts[0].id, "other-id");
    assert_eq!(
        loaded.problems[0].issue,
        Issue::IdRepaired {
            found: good.id.clone(),
            id: "other-id".into()
        }
    );
}

#[test]
fn a_v1_key_holding_a_record_never_writes_over_another_key() {
    let (_, good) = v2_store();
    let future = fixture("future-v99.json");
    for (occupant, kept_aside) in [(future.as_str(), false), ("{", true)] {
        let mut store = Store::from([
            (good.key(), occupant.to_owned()),
            (V1_KEY.to_owned(), save(&good).1),
        ]);
        let loaded = load_and_apply(&mut store);
        assert_eq!(loaded.drafts.len(), 1);
        assert_eq!(loaded.drafts[0].application, good.application);
        assert_ne!(
            loaded.drafts[0].id, good.id,
            "a new id: the key is someone else's"
        );
        if kept_aside {
            assert!(loaded.quarantined.iter().any(|q| q.raw == occupant));
        } else {
            assert_eq!(store[&good.key()], occupant);
        }
    }
}

#[test]
fn keys_that_are_not_drafts_are_never_touched() {
    let (mut store, _) = v2_store();
    for (k, v) in [
        ("expat-navigator.lang", "kk"),
        ("expat-navigator.probe", "1"),
        ("other-app.draft", "{"),
        ("expat-navigator.draftx", "{"),
    ] {
        store.insert(k.into(), v.into());
    }
    let loaded = load(&store);
    assert_eq!(loaded.plan, []);
    assert_eq!(loaded.problems, []);
}

#[test]
fn a_failed_write_stops_the_plan_before_anything_is_removed() {
    let (mut store, good) = v2_store();
    store.insert(V1_KEY.into(), fixture("v1.json"));
    store.insert(
        format!("{DRAFT_KEY_PREFIX}truncated"),
        fixture("truncated.json"),
    );
    let loaded = load(&store);
    assert!(loaded.plan.iter().any(|op| matches!(op, Op::Remove { .. })));
    // Every write after the first fails: storage is full.
    let before = store.clone();
    let cell = std::cell::RefCell::new(store);
    let mut writes = 0;
    let result = draft::execute(
        &loaded.plan,
        |k, v| {
            writes += 1;
            if writes > 1 {
                return Err("full");
            }
            cell.borrow_mut().insert(k.into(), v.into());
            Ok(())
        },
        |k| {
            cell.borrow_mut().remove(k);
            Ok(())
        },
    );
    let store = cell.into_inner();
    let failed = result.unwrap_err();
    assert_eq!((failed.index, failed.error), (1, "full"));
    for (k, v) in &before {
        assert_eq!(store.get(k), Some(v), "{k} survives");
    }
    // The app runs in memory with everything it read.
    assert_eq!(loaded.drafts.len(), 2);
    assert!(loaded.drafts.contains(&good));
    // And the next start finds the same.
    assert_eq!(load(&store).drafts.len(), 2);
}

#[test]
fn the_same_raw_text_is_kept_aside_once() {
    let key = format!("{DRAFT_KEY_PREFIX}truncated");
    let raw = fixture("truncated.json");
    let mut store = Store::from([(key.clone(), raw.clone())]);
    load_and_apply(&mut store);
    // The same text comes back under the same key (an old tab wrote it again).
    store.insert(key.clone(), raw);
    let loaded = load(&store);
    assert_eq!(loaded.plan, [Op::Remove { key }]);
    assert_eq!(loaded.quarantined.len(), 1);
}

#[test]
fn limits() {
    // Too many answer entries: at most MAX_LISTED listed, all counted.
    let many: Vec<String> = (0..100).map(|i| format!("\"q{i}\":\"x\"")).collect();
    let raw = format!(
        r#"{{"version":2,"id":"many","name":"M","answers":{{{}}},"ticked":[]}}"#,
        many.join(",")
    );
    let loaded = load(&Store::from([(draft::draft_key("many"), raw)]));
    let Issue::InvalidAnswers { dropped, total } = &loaded.problems[0].issue else {
        panic!()
    };
    assert_eq!((dropped.len(), *total), (MAX_LISTED, 100));

    // Too many ticks.
    let ticks: Vec<String> = (0..MAX_TICKED + 500).map(|i| format!("\"k{i}\"")).collect();
    let raw = format!(
        r#"{{"version":2,"id":"ticks","name":"T","ticked":[{}]}}"#,
        ticks.join(",")
    );
    let loaded = load(&Store::from([(draft::draft_key("ticks"), raw)]));
    assert_eq!(loaded.drafts[0].application.ticked.len(), MAX_TICKED);
    assert_eq!(
        loaded.problems[0].issue,
        Issue::InvalidTicks { dropped: 500 }
    );

    // A name too long is shortened, never dropped.
    let raw = format!(
        r#"{{"version":2,"id":"long","name":"{}","answers":{{"need":"work"}}}}"#,
        "ж".repeat(300)
    );
    let loaded = load(&Store::from([(draft::draft_key("long"), raw)]));
    assert_eq!(loaded.drafts[0].name, "ж".repeat(MAX_NAME_CHARS));
    assert_eq!(loaded.problems[0].code(), "invalid-field");

    // A record over the limit is not parsed but kept aside whole.
    let raw = format!(
        r#"{{"version":2,"id":"big","name":"{}"}}"#,
        "x".repeat(MAX_RECORD_BYTES)
    );
    // Too big to copy aside without using up the quota: left in place, reported with its size,
    // and nothing is written (so saving goes on).
    let loaded = load(&Store::from([(draft::draft_key("big"), raw.clone())]));
    assert_eq!(loaded.problems[0].code(), "too-large-to-copy");
    assert_eq!(
        loaded.problems[0].issue,
        Issue::TooLargeToCopy { bytes: raw.len() }
    );
    assert!(loaded.quarantined[0].in_place());
    assert_eq!(loaded.quarantined[0].raw, raw);
    assert!(
        !loaded
            .plan
            .iter()
            .any(|op| matches!(op, Op::Set { value, .. } if value.len() > 1000)),
        "no copy of it is written"
    );

    // More than a thousand drafts: every one is read, the newest first.
    let made = |i: u64| {
        let mut d = sample(i, &format!("D{i}"), &[("need", "work")]);
        d.updated += chrono::Duration::seconds(i as i64);
        d
    };
    let mut store: Store = (0..=1000u64)
        .map(|i| (made(i).key(), save(&made(i)).1))
        .collect();
    let newest = made(1000);
    let loaded = load_and_apply(&mut store);
    assert_eq!(loaded.drafts.len(), 1001);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.drafts[0].name, "D1000");
    assert_eq!(loaded.current.as_deref(), Some(newest.id.as_str()));
    assert!(
        loaded
            .drafts
            .windows(2)
            .all(|w| w[0].updated >= w[1].updated)
    );

    assert_eq!(rename(&loaded.drafts[0], " \n"), Err(NameError::Empty));
    assert_eq!(
        rename(&loaded.drafts[0], &"a".repeat(101)).map_err(NameError::code),
        Err("name-too-long")
    );
    assert_eq!(
        new_draft(&"a".repeat(101), Lang::En, now(), 1),
        Err(NameError::TooLong {
            max: MAX_NAME_CHARS
        })
    );
}

// ---------------------------------------------------------------------------------------------
// The library

#[test]
fn create_rename_duplicate_delete_and_undo() {
    let mut store = Store::new();
    load_and_apply(&mut store);

    let d = new_draft("", Lang::Kk, at(20, 10, 0), 1).unwrap();
    assert_eq!(d.name, "Жоба 2026-11-20");
    assert_eq!(d.revision, 0);
    let Resolution::Saved { record: d, ops } = save_checked(&d, None, at(20, 10, 0)) else {
        panic!()
    };
    apply(&mut store, &ops);

    let mut edited = rename(&d, "Aigerim").unwrap();
    edited.application = Application::from_answers(&answers(&[("need", "qualification")]));
    let r = save_checked(
        &edited,
        store.get(&d.key()).map(String::as_str),
        at(20, 11, 0),
    );
    let Resolution::Saved { record: d, ops } = r else {
        panic!("{r:?}")
    };
    assert_eq!((d.revision, d.updated), (2, at(20, 11, 0)));
    apply(&mut store, &ops);
    // Saving again without a change writes nothing.
    assert_eq!(
        save_checked(&d, store.get(&d.key()).map(String::as_str), now()),
        Resolution::UpToDate
    );

    let copy = duplicate(&d, at(20, 12, 0), 2);
    assert_ne!(copy.id, d.id);
    assert_eq!(copy.name, "Aigerim (көшірме)");
    assert_eq!(copy.application, d.application);
    let Resolution::Saved { record: copy, ops } = save_checked(&copy, None, at(20, 12, 0)) else {
        panic!()
    };
    apply(&mut store, &ops);

    let list = summaries(&load(&store).drafts);
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].id, copy.id, "most recent first");
    assert_eq!(list[1].service, Some(ServiceId::QualificationReview));
    assert_eq!(list[1].answered, 1);

    let deleted = delete(&d, store.get(&d.key()).map(String::as_str), now());
    assert_eq!(deleted.ops, [Op::Remove { key: d.key() }]);
    apply(&mut store, &deleted.ops);
    assert_eq!(load(&store).drafts, std::slice::from_ref(&copy));

    let r = undo_delete(&deleted, store.get(&d.key()).map(String::as_str), now());
    let Resolution::Restored { record: back, ops } = r else {
        panic!("{r:?}")
    };
    assert_eq!(back, d, "restored as it was");
    apply(&mut store, &ops);
    assert_eq!(load_and_apply(&mut store).drafts, [copy, d]);
}

#[test]
fn delete_keeps_the_freshest_version_for_undo() {
    let (mut store, d) = v2_store();
    // Another tab changed it meanwhile.
    let mut other = d.clone();
    other.application.details.years = Some(1);
    other.revision += 1;
    store.insert(d.key(), save(&other).1);
    let deleted = delete(&d, store.get(&d.key()).map(String::as_str), now());
    assert_eq!(deleted.record, other);

    // An unreadable stored value is kept aside before the key goes.
    store.insert(d.key(), "{".into());
    let deleted = delete(&d, store.get(&d.key()).map(String::as_str), now());
    assert_eq!(deleted.ops.len(), 2);
    apply(&mut store, &deleted.ops);
    assert!(!store.contains_key(&d.key()));
    assert_eq!(deleted.quarantined.as_ref().unwrap().raw, "{");

    // Undo when another draft has appeared under the id meanwhile: both kept.
    let mut squatter = d.clone();
    squatter.name = "Someone else".into();
    store.insert(d.key(), save(&squatter).1);
    let r = undo_delete(&deleted, store.get(&d.key()).map(String::as_str), now());
    let Resolution::Conflict { stored, copy, ops } = r else {
        panic!("{r:?}")
    };
    assert_eq!(stored, squatter);
    assert_eq!(copy.application, d.application);
    apply(&mut store, &ops);
    assert_eq!(load(&store).drafts.len(), 2);
}

// ---------------------------------------------------------------------------------------------
// Export and import

fn library() -> Vec<Draft> {
    vec![
        sample(1, "Aigerim", &[("need", "work"), ("where", "inside")]),
        sample(
            2,
            "John",
            &[("need", "registration"), ("registration", "iin")],
        ),
        sample(3, "Olga", &[("need", "qualification")]),
    ]
}

#[test]
fn export_then_import_into_empty_same_and_modified_libraries() {
    let drafts = library();
    let file = export_json(&drafts, now());
    let header: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(header["format"], "expat-navigator-drafts");
    assert_eq!(header["version"], 3);
    assert_eq!(header["exported"], "2026-11-24T09:00:00");
    assert_eq!(header["drafts"].as_array().unwrap().len(), 3);

    let into_empty = import_json(&file, &[], now()).unwrap();
    assert_eq!(into_empty.new, drafts);
    assert_eq!(into_empty.problems, []);

    let into_same = import_json(&file, &drafts, now()).unwrap();
    assert_eq!(into_same.new, []);
    assert_eq!(into_same.identical, drafts);
    assert_eq!(into_same.conflicts, []);
    assert_eq!(into_same.apply(&[]).ops, [], "nothing to write");

    let mut modified = drafts.clone();
    modified[0].name = "Aigerim S.".into();
    modified[1]
        .application
        .answers
        .insert(QuestionId::Family, "0".into());
    modified.push(sample(4, "Only here", &[]));
    let into_modified = import_json(&file, &modified, now()).unwrap();
    assert_eq!(into_modified.identical, [drafts[2].clone()]);
    assert_eq!(into_modified.conflicts.len(), 2);
    let c = &into_modified.conflicts[0];
    assert_eq!((&c.existing, &c.incoming), (&modified[0], &drafts[0]));
    assert_ne!(c.copy.id, c.existing.id);
    assert_eq!(c.copy.name, "Aigerim (imported)");

    // Nothing is overwritten without asking: no choice keeps both.
    let applied = into_modified.apply(&[]);
    assert_eq!(applied.replaced, []);
    assert_eq!(applied.added.len(), 2);

    let applied = into_modified.apply(&[Choice::Replace, Choice::KeepExisting]);
    assert_eq!(applied.added, []);
    let replaced = &applied.replaced[0];
    assert_eq!(replaced.id, modified[0].id);
    assert_eq!(replaced.name, "Aigerim");
    assert!(
        replaced.revision > modified[0].revision,
        "other tabs take it"
    );
    assert_eq!(
        applied.ops,
        [Op::Set {
            key: replaced.key(),
            value: save(replaced).1
        }]
    );

    let applied = into_modified.apply(&[Choice::KeepBoth, Choice::KeepBoth]);
    let mut store: Store = modified.iter().map(save).collect();
    apply(&mut store, &applied.ops);
    let after = load(&store).drafts;
    assert_eq!(after.len(), 6, "4 kept, 2 imported copies");
    for d in &modified {
        assert!(after.contains(d), "{} untouched", d.name);
    }
}

#[test]
fn importing_v1_files_single_drafts_and_old_exports() {
    let v1 = import_json(&fixture("v1.json"), &[], now()).unwrap();
    assert_eq!(v1.new.len(), 1);
    assert_eq!(v1.new[0].application.all_answers().len(), 8);
    assert_eq!(v1.new[0].application.ticked.len(), 3);
    let again = import_json(&fixture("v1.json"), &v1.new, now()).unwrap();
    assert_eq!(
        again.identical.len(),
        1,
        "the same v1 file imports as the same draft"
    );

    let single = import_json(&fixture("v2.json"), &[], now()).unwrap();
    assert_eq!(single.new[0].id, "20261121-093000-5a1c9e02");

    let export = import_json(&fixture("v2-export.json"), &single.new, now()).unwrap();
    assert_eq!(export.identical.len(), 1);
    assert_eq!(export.new.len(), 1);
    assert_eq!(export.new[0].service(), Some(ServiceId::Iin));

    // A list of records, with a byte-order mark, some bad.
    let text = format!(
        "\u{feff}[{}, 1, {{\"version\":99}}, {}]",
        fixture("v2.json"),
        fixture("invalid-answers.json")
    );
    let plan = import_json(&text, &[], now()).unwrap();
    assert_eq!(plan.new.len(), 2);
    let codes: Vec<(&Source, &str)> = plan
        .problems
        .iter()
        .map(|p| (&p.source, p.code()))
        .collect();
    assert_eq!(
        codes,
        [
            (&Source::Import { index: 1 }, "not-an-object"),
            (&Source::Import { index: 2 }, "future-version"),
            (&Source::Import { index: 3 }, "invalid-answers"),
        ]
    );

    // The same id twice with different contents: both imported.
    let mut other = single.new[0].clone();
    other.name = "Other".into();
    let text = format!("[{}, {}]", fixture("v2.json"), save(&other).1);
    let plan = import_json(&text, &[], now()).unwrap();
    assert_eq!(plan.new.len(), 2);
    assert_ne!(plan.new[0].id, plan.new[1].id);
    assert_eq!(plan.problems[0].code(), "duplicate-id");
}

#[test]
fn files_that_cannot_be_imported_say_why() {
    let cases: &[(&str, ImportError)] = &[
        ("", ImportError::CorruptJson),
        (&fixture("truncated.json"), ImportError::CorruptJson),
        (r#"{"format":"other"}"#, ImportError::NotAnExport),
        (r#"{"hello":"world"}"#, ImportError::NotAnExport),
        ("42", ImportError::NotAnExport),
        (
            r#"{"format":"expat-navigator-drafts","version":99,"drafts":[]}"#,
            ImportError::FutureVersion { version: 99 },
        ),
        (
            r#"{"format":"expat-navigator-drafts","version":"2","drafts":[]}"#,
            ImportError::UnknownVersion,
        ),
        (
            r#"{"format":"expat-navigator-drafts","version":2,"drafts":{}}"#,
            ImportError::NotAnExport,
        ),
    ];
    for (text, error) in cases {
        assert_eq!(import_json(text, &[], now()), Err(*error), "{text}");
        assert!(!error.code().is_empty());
    }
    let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
    assert_eq!(
        import_json(&huge, &[], now()).map_err(ImportError::code),
        Err("too-large")
    );
    // The future-version fixture alone is one draft that cannot be read.
    let plan = import_json(&fixture("future-v99.json"), &[], now()).unwrap();
    assert_eq!(plan.problems[0].code(), "future-version");
    assert_eq!(plan.new, []);
}

// ---------------------------------------------------------------------------------------------
// Two tabs on the same drafts

fn get<'a>(store: &'a Store, d: &Draft) -> Option<&'a str> {
    store.get(&d.key()).map(String::as_str)
}

#[test]
fn a_change_in_one_tab_appears_in_the_other() {
    let (mut store, d) = v2_store();
    let (tab_a, tab_b) = (d.clone(), d.clone());

    let mut edit = tab_a.clone();
    edit.application
        .answers
        .insert(QuestionId::Family, "1".into());
    let Resolution::Saved { record: tab_a, ops } = save_checked(&edit, get(&store, &d), now())
    else {
        panic!()
    };
    apply(&mut store, &ops);

    // Tab B hears the storage event and shows A's version.
    assert_eq!(
        merge_on_external_change(&tab_b, get(&store, &d), now()),
        Resolution::Adopt {
            record: tab_a.clone()
        }
    );
    // Tab A hears nothing new.
    assert_eq!(
        merge_on_external_change(&tab_a, get(&store, &d), now()),
        Resolution::UpToDate
    );
    // The list in another tab refreshes.
    assert_eq!(
        on_storage_change(&d.key(), get(&store, &d), now()),
        Change::Upsert { record: tab_a }
    );
    assert_eq!(
        on_storage_change(&d.key(), None, now()),
        Change::Removed { id: d.id.clone() }
    );
    assert!(matches!(
        on_storage_change(&d.key(), Some("{"), now()),
        Change::Unreadable { .. }
    ));
    assert_eq!(
        on_storage_change("expat-navigator.lang", Some("en"), now()),
        Change::NotThisKind
    );
}

#[test]
fn two_tabs_writing_the_same_revision_at_once_never_lose_an_edit() {
    let (mut store, d) = v2_store();
    // Both tabs save at the same moment, each from the revision it knows: the browser gives each
    // its own write back first, so both write the next revision, and B's lands last.
    let mut a = d.clone();
    a.application.answers.insert(QuestionId::Family, "3".into());
    let r = save_over(&a, &d, get(&store, &d), now());
    let Resolution::Saved { record: a, .. } = r else {
        panic!("{r:?}")
    };
    let mut b = d.clone();
    b.application.answers.insert(QuestionId::Family, "4".into());
    let r = save_over(&b, &d, get(&store, &d), now());
    let Resolution::Saved { record: b, ops } = r else {
        panic!("{r:?}")
    };
    apply(&mut store, &ops);
    assert_eq!(a.revision, b.revision, "the same revision, other content");

    // A's next edit finds its revision holding B's content: B's edit is not A's own, so A's
    // becomes a copy and B's stays.
    let mut a2 = a.clone();
    a2.name = "A, renamed".into();
    let r = save_over(&a2, &a, get(&store, &d), now());
    let Resolution::Conflict { stored, copy, .. } = r else {
        panic!("{r:?}")
    };
    assert_eq!(stored.application, b.application);
    assert_eq!(copy.application, a.application);
    // Without knowing what it last saw, the same save would have overwritten B's edit.
    assert!(matches!(
        save_checked(&a2, get(&store, &d), now()),
        Resolution::Saved { .. }
    ));
}

#[test]
fn an_edit_on_a_stale_copy_is_kept_as_a_conflict_copy() {
    let (mut store, d) = v2_store();
    let mut a = d.clone();
    a.application.answers.insert(QuestionId::Family, "1".into());
    let Resolution::Saved { record: a, ops } = save_checked(&a, get(&store, &d), now()) else {
        panic!()
    };
    apply(&mut store, &ops);

    // Tab B missed the event (a frozen phone tab) and edits its old copy.
    let mut b = d.clone();
    b.application
        .answers
        .insert(QuestionId::Branch, "no".into());
    let r = save_checked(&b, get(&store, &d), now());
    let Resolution::Conflict { stored, copy, ops } = r else {
        panic!("{r:?}")
    };
    assert_eq!(stored, a, "A's version stays under the id");
    assert_ne!(copy.id, d.id);
    assert_eq!(copy.name, "Aigerim Sadykova (өзгерістеріңіздің көшірмесі)");
    assert_eq!(copy.application, b.application, "B's edit is kept");
    assert_eq!(ops.len(), 1);
    assert_eq!(ops[0].key(), copy.key());
    apply(&mut store, &ops);
    let all = load(&store).drafts;
    assert!(all.contains(&a) && all.contains(&copy));

    // The same edit made in both tabs is no conflict.
    let mut same = d.clone();
    same.application = a.application.clone();
    assert_eq!(
        save_checked(&same, get(&store, &d), now()),
        Resolution::Adopt { record: a }
    );
}

#[test]
fn after_a_race_only_the_losing_tab_makes_a_copy() {
    let (mut store, d) = v2_store();
    let mut a = d.clone();
    a.name = "A's edit".into();
    let mut b = d.clone();
    b.name = "B's edit".into();
    // Both read revision 7 and both write revision 8: B's write lands last.
    let Resolution::Saved {
        record: a,
        ops: ops_a,
    } = save_checked(&a, get(&store, &d), now())
    else {
        panic!()
    };
    let Resolution::Saved {
        record: b,
        ops: ops_b,
    } = save_checked(&b, get(&store, &d), now())
    else {
        panic!()
    };
    apply(&mut store, &ops_a);
    apply(&mut store, &ops_b);

    // Each tab hears the other's write and reads what storage holds now.
    let ra = merge_on_external_change(&a, get(&store, &d), now());
    let rb = merge_on_external_change(&b, get(&store, &d), now());
    assert_eq!(rb, Resolution::UpToDate);
    let Resolution::Conflict { stored, copy, ops } = ra else {
        panic!("{ra:?}")
    };
    assert_eq!(stored, b);
    assert_eq!(
        copy.name, "A's edit (өзгерістеріңіздің көшірмесі)",
        "in the draft's language"
    );
    apply(&mut store, &ops);
    let names: BTreeSet<String> = load(&store).drafts.into_iter().map(|d| d.name).collect();
    assert_eq!(
        names,
        ["A's edit (өзгерістеріңіздің көшірмесі)", "B's edit"]
            .map(str::to_owned)
            .into()
    );
}

#[test]
fn deleted_corrupt_or_newer_values_in_the_other_tab() {
    let (mut store, d) = v2_store();

    // Deleted in another tab: this tab is told and may keep it.
    store.remove(&d.key());
    let r = merge_on_external_change(&d, get(&store, &d), now());
    let Resolution::DeletedElsewhere { restore } = r else {
        panic!("{r:?}")
    };
    assert_eq!(
        restore,
        [Op::Set {
            key: d.key(),
            value: save(&d).1
        }]
    );
    // An edit after the deletion brings it back rather than being lost.
    let mut edit = d.clone();
    edit.application
        .answers
        .insert(QuestionId::Family, "2".into());
    let r = save_checked(&edit, get(&store, &d), now());
    let Resolution::Restored { record: draft, ops } = r else {
        panic!("{r:?}")
    };
    assert_eq!(draft.application, edit.application);
    apply(&mut store, &ops);
    assert_eq!(stored_draft(&store, &d.id), Some(draft.clone()));

    // Corrupted under the key: kept aside, then this tab's version written.
    store.insert(d.key(), "{\"version\":2,".into());
    let r = merge_on_external_change(&draft, get(&store, &d), now());
    let Resolution::Repaired {
        record: repaired,
        ops,
        problem,
        quarantined,
    } = r
    else {
        panic!("{r:?}")
    };
    assert_eq!(problem.code(), "corrupt-json");
    assert!(ops[0].key().starts_with(QUARANTINE_KEY_PREFIX));
    assert_eq!(ops[1].key(), d.key());
    assert_eq!(quarantined.raw, "{\"version\":2,");
    apply(&mut store, &ops);
    assert_eq!(stored_draft(&store, &d.id), Some(repaired.clone()));
    assert_eq!(load(&store).quarantined.len(), 1);

    // A newer app wrote it: left alone, this tab's version kept as a copy.
    let future = fixture("future-v99.json");
    store.insert(d.key(), future.clone());
    let r = save_checked(&repaired, get(&store, &d), now());
    let Resolution::KeptAside { copy, ops, problem } = r else {
        panic!("{r:?}")
    };
    assert_eq!(problem.issue, Issue::FutureVersion { version: 99 });
    assert!(ops.iter().all(|op| op.key() != d.key()));
    apply(&mut store, &ops);
    assert_eq!(store[&d.key()], future);
    assert_eq!(stored_draft(&store, &copy.id), Some(copy));
}

// ---------------------------------------------------------------------------------------------
// Nothing panics

const FUZZ_ROUNDS: u32 = 1000;
const FUZZ_SEED: u64 = 0x9e37_79b9_7f4a_7c15;
/// Field names the noise uses: answers', pending values', version 2's typed values'.
const KEYS: [&str; 20] = [
    "need",
    "where",
    "member1",
    "family",
    "years",
    "entry-date",
    "zz",
    "",
    "answers",
    "dates",
    "pending",
    "typed",
    "submitted",
    "passport-expiry",
    "day",
    "month",
    "year",
    "dates-passport",
    "fees-payment",
    "version",
];

/// xorshift64*: reproducible noise without a dependency.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn bytes(&mut self, len: usize) -> String {
        let bytes: Vec<u8> = (0..len).map(|_| self.next() as u8).collect();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    fn value(&mut self, depth: u32) -> Value {
        match self.below(if depth > 2 { 8 } else { 10 }) {
            0 => Value::Null,
            1 => Value::from(self.next().is_multiple_of(3)),
            2 => Value::from(self.next() as i64),
            3 => Value::from(-1.5e300),
            4 => {
                let texts = [
                    "work",
                    "outside",
                    "2026-02-29",
                    "1",
                    "",
                    "кк",
                    "1/2/2030",
                    "//",
                ];
                Value::from(texts[self.below(texts.len())])
            }
            5 => {
                let len = self.below(80);
                Value::from(self.bytes(len))
            }
            6 => Value::from("x".repeat(self.below(300))),
            7 => Value::from(u64::MAX),
            8 => Value::Array((0..self.below(5)).map(|_| self.value(depth + 1)).collect()),
            _ => {
                let mut m = serde_json::Map::new();
                for _ in 0..self.below(6) {
                    let k = KEYS[self.below(KEYS.len())];
                    m.insert(k.into(), self.value(depth + 1));
                }
                Value::Object(m)
            }
        }
    }

    /// A valid value with each field, at any depth, valid, missing, random or changed within,
    /// and sometimes a field added.
    fn mutate(&mut self, valid: &Value, depth: u32) -> Value {
        let Value::Object(fields) = valid else {
            return valid.clone();
        };
        let mut out = serde_json::Map::new();
        for (k, v) in fields {
            match self.below(6) {
                0 => {}
                1 => {
                    out.insert(k.clone(), self.value(depth));
                }
                2 | 3 => {
                    out.insert(k.clone(), self.mutate(v, depth + 1));
                }
                _ => {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
        if self.below(5) == 0 {
            let key = match self.below(2) {
                0 => self.bytes(5),
                _ => KEYS[self.below(KEYS.len())].to_owned(),
            };
            let value = self.value(depth);
            out.insert(key, value);
        }
        Value::Object(out)
    }

    /// A record from a valid one, mutated, sometimes cut short.
    fn record(&mut self, valid: &Value) -> String {
        let text = self.mutate(valid, 0).to_string();
        match self.below(6) {
            // Cut anywhere (not only at a character boundary: lossy).
            0 => String::from_utf8_lossy(&text.as_bytes()[..self.below(text.len() + 1)]).into(),
            _ => text,
        }
    }
}

#[test]
fn garbage_never_panics_and_loading_settles_in_one_pass() {
    let (_, mut good) = v2_store();
    good.application
        .pending
        .answers
        .insert(QuestionId::Family, "1".into());
    good.application
        .set_date(DateField::Submitted, boxes("1", "2", "2027"));
    good.application
        .set_date(DateField::PassportExpiry, boxes("", "", ""));
    let valid_v3: Value = serde_json::from_str(&save(&good).1).unwrap();
    let fixture_v3: Value = serde_json::from_str(&fixture("v3.json")).unwrap();
    let valid_v2 = v2_typed_records();
    let valid_v1: Value = serde_json::from_str(&fixture("v1.json")).unwrap();
    let keys = [
        draft::draft_key(&good.id),
        draft::draft_key("x"),
        format!("{DRAFT_KEY_PREFIX}bad key"),
        V1_KEY.to_owned(),
        META_KEY.to_owned(),
        format!("{QUARANTINE_KEY_PREFIX}0"),
    ];
    let mut edited = good.clone();
    edited
        .application
        .answers
        .insert(QuestionId::Family, "3".into());
    let mut noise = Noise(FUZZ_SEED);
    // What the noise reached: the fields reported invalid, and pending values kept.
    let mut invalid_fields = BTreeSet::new();
    let mut pending_kept = 0;
    for round in 0..FUZZ_ROUNDS {
        let mut store = Store::new();
        for key in &keys {
            let value = match noise.below(7) {
                0 => continue,
                1 => {
                    let len = noise.below(200);
                    noise.bytes(len)
                }
                2 => noise.record(&valid_v1),
                3 => {
                    let v2 = &valid_v2[noise.below(valid_v2.len())];
                    noise.record(v2)
                }
                4 => noise.record(&fixture_v3),
                _ => noise.record(&valid_v3),
            };
            store.insert(key.clone(), value);
        }
        let loaded = load(&store);
        for p in &loaded.problems {
            if let Issue::InvalidField { field } = &p.issue {
                invalid_fields.insert(field.clone());
            }
        }
        pending_kept += loaded
            .drafts
            .iter()
            .filter(|d| d.application.pending != Default::default())
            .count();
        // Every value read is accounted for: a draft, kept aside, or left in place.
        let mut after = store.clone();
        apply(&mut after, &loaded.plan);
        let again = load(&after);
        assert_eq!(again.plan, [], "round {round}: {store:?}");
        assert_eq!(again.drafts, loaded.drafts, "round {round}");
        for (k, raw) in &store {
            let kept = after.get(k) == Some(raw)
                || again.quarantined.iter().any(|q| q.raw == *raw)
                || k == META_KEY;
            let read = loaded.drafts.iter().any(|d| k.ends_with(&d.id)) || k == V1_KEY;
            assert!(kept || read, "round {round}: {k} lost");
        }

        for raw in store.values() {
            let _ = import_json(raw, &loaded.drafts, now());
            // Whatever storage holds, a saved edit is somewhere in storage afterwards, and the
            // stored value is kept unless it was this draft's own last revision.
            let r = save_checked(&edited, Some(raw), now());
            let mut s = Store::from([(good.key(), raw.clone())]);
            apply(&mut s, r.ops());
            let after = load(&s);
            assert!(
                after
                    .drafts
                    .iter()
                    .any(|d| d.application == edited.application),
                "round {round}: edit lost: {} {raw:?}",
                r.code()
            );
            let own = matches!(r, Resolution::Saved { .. });
            assert!(
                own || s.get(&good.key()) == Some(raw)
                    || after.quarantined.iter().any(|q| q.raw == *raw)
                    || load(&Store::from([(good.key(), raw.clone())]))
                        .drafts
                        .iter()
                        .any(|stored| after.drafts.contains(stored)),
                "round {round}: stored value lost: {} {raw:?}",
                r.code()
            );
            let _ = merge_on_external_change(&good, Some(raw), now());
            let deleted = delete(&good, Some(raw), now());
            let _ = undo_delete(&deleted, Some(raw), now());
            let _ = on_storage_change(&good.key(), Some(raw), now());
            let _ = draft::parse_timestamp(raw);
        }
    }
    // The noise reached inside version 2's typed values and version 3's pending ones.
    for field in ["pending", "typed", "answers", "ticked", "name"] {
        assert!(
            invalid_fields.contains(field),
            "{field}: {invalid_fields:?}"
        );
    }
    assert!(pending_kept > FUZZ_ROUNDS as usize / 10, "{pending_kept}");
}

#[test]
fn huge_and_deep_inputs_are_refused_without_panicking() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_object = format!(
        "{{\"version\":2,\"answers\":{}{}}}",
        "{\"a\":".repeat(50_000),
        "}".repeat(50_000)
    );
    let nul = "\0".repeat(1 << 20);
    for raw in [&deep, &deep_object, &nul] {
        let store = Store::from([(draft::draft_key("x"), raw.clone())]);
        let loaded = load(&store);
        assert_eq!(loaded.quarantined.len(), 1);
        assert!(import_json(raw, &[], now()).is_err());
    }
    let entries: Vec<(String, String)> = (0..5000)
        .map(|i| (format!("other.{i}"), "x".into()))
        .collect();
    let loaded = load_library(&entries, now());
    assert_eq!(loaded.drafts, []);
    assert_eq!(loaded.problems, []);
    assert_eq!(loaded.plan.len(), 1, "only the layout marker");
}

#[test]
fn pending_ops_keep_the_last_write_per_key_in_order() {
    let set = |k: &str, v: &str| Op::Set {
        key: k.into(),
        value: v.into(),
    };
    let remove = |k: &str| Op::Remove { key: k.into() };
    let ops = vec![
        set("a", "1"),
        set("q", "raw"),
        remove("b"),
        set("a", "2"),
        set("c", "x"),
        set("a", "3"),
    ];
    // Failed at the copy into quarantine: the copy, then the removal it guards, stay in order.
    let pending = draft::pending_after(&ops, 1);
    assert_eq!(
        pending,
        vec![set("q", "raw"), remove("b"), set("c", "x"), set("a", "3")]
    );
    assert_eq!(draft::pending_value(&pending, "a"), Some(Some("3")));
    assert_eq!(draft::pending_value(&pending, "b"), Some(None));
    assert_eq!(draft::pending_value(&pending, "z"), None);
    assert!(draft::pending_after(&ops, 99).is_empty());
}
