//! The embedded catalogue validates, and holds what the guide holds.

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
