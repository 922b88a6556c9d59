//! The embedded catalogue parses, validates, and holds what the guide holds.

use expat_navigator::domain::catalogue::{catalogue, office};

#[test]
fn catalogue_parses_and_validates() {
    let problems = catalogue().validate();
    assert!(
        problems.is_empty(),
        "catalogue problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_footer_office_is_the_catalogue_office() {
    let json = |o| serde_json::to_value(o).unwrap();
    assert_eq!(json(office()), json(&catalogue().office));
    assert_eq!(office().email, "expat@aifc.kz");
}

/// The build script embeds minified copies of the data files: they must hold the same JSON.
#[test]
fn the_embedded_data_files_are_the_source_files_minified() {
    let files = [
        "catalogue.json",
        "questions.json",
        "calendar.json",
        "mrp.json",
        "services/work-investor-residence.json",
        "services/trp-business-cancellation.json",
        "services/qualification-migration-tax.json",
    ];
    for file in files {
        let read = |dir: &str| std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
        let source = read(concat!(env!("CARGO_MANIFEST_DIR"), "/src/data"));
        let embedded = read(concat!(env!("OUT_DIR"), "/data"));
        let value = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
        assert_eq!(value(&source), value(&embedded), "{file}");
        assert!(embedded.len() < source.len(), "{file} is minified");
        assert!(!embedded.contains("\n  "), "{file} has no indentation left");
    }
    let listed = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/data/services"))
        .unwrap()
        .count()
        + 4;
    assert_eq!(files.len(), listed, "every data file is checked");
}
