//! The embedded catalogue parses, validates, and holds what the guide holds.

use expat_navigator::domain::catalogue::catalogue;

#[test]
fn catalogue_parses_and_validates() {
    let problems = catalogue().validate();
    assert!(
        problems.is_empty(),
        "catalogue problems:\n{}",
        problems.join("\n")
    );
}
