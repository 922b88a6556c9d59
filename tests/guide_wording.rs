//! The catalogue's Kazakh wording, checked against each service's own lines of the guide.
//!
//! The catalogue must keep the Kazakh wording of the AIFC Expat Centre guide
//! (`tests/data/expat-centre-guide.kk.txt`, a copy of the shared source). Every service cites the
//! guide lines it comes from (`source`). This test takes the Kazakh text (`Lang::Kk`) of every
//! document name a service uses (its documents and its step 2 documents, resolved through the
//! document registry), every step, every document reference's note and sub-items, and every note
//! of the service and of its step 2, and looks for it within that service's own cited lines. A
//! text that is in the guide only elsewhere (a document name in another service's wording, say)
//! does not pass. Only whitespace is loosened: any run of whitespace, line breaks included, equals
//! one space. Quotes, dashes and letters must match, so a Latin letter the catalogue put in place
//! of the guide's Cyrillic look-alike is a difference.
//!
//! A text that is not word for word in its service's lines must be listed in
//! `tests/data/kazakh-corrections.json`, with the guide's own wording (`guide`), the line it starts
//! on (`line`) and why the catalogue differs (`why`). An entry corrects a use of its text in a
//! service when its `guide` wording is found within that service's cited lines; or, when it has a
//! `services` list, in exactly the services listed, whatever their lines: that is for a passage
//! the guide states once for several services (the shared application process of "Other migration
//! and tax services", say), and the `why` must say so.
//!
//! The test fails on a use that is neither in its service's lines nor corrected, listing every one
//! at once, and on a stale table entry: it corrects no use any more (its text is gone, or now in
//! the lines of every service that uses it), a service it lists does not need it, its `guide` is
//! not in the guide at its `line`, its `line` lies outside the lines of every service it corrects
//! (unless it lists its services), or it gives no reason.

use std::collections::{BTreeMap, BTreeSet};

use expat_navigator::domain::catalogue::{Catalogue, DocumentRef, Service, catalogue};
use expat_navigator::domain::lang::Lang;
use serde::Deserialize;

const GUIDE: &str = include_str!("data/expat-centre-guide.kk.txt");
const CORRECTIONS: &str = include_str!("data/kazakh-corrections.json");

/// A catalogue text that differs from the guide on purpose (or by a mistake worth recording).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Correction {
    /// The catalogue's Kazakh text, exactly.
    ours: String,
    /// The guide's own wording.
    guide: String,
    /// The guide line `guide` starts on (1-based).
    line: usize,
    /// The services this entry applies to, for a passage the guide states once for several
    /// services outside their own lines. Without it, the entry applies to every service whose
    /// cited lines contain `guide`.
    #[serde(default)]
    services: Option<Vec<String>>,
    /// Why the two differ.
    why: String,
}

/// Any run of whitespace becomes one space; the ends are trimmed.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The guide with its whitespace normalised, and the line each of its characters comes from.
struct Guide {
    text: String,
    /// `line_at[i]` is the 1-based guide line of the byte at offset `i` of `text` (a space
    /// between two words counts on the line of the word after it).
    line_at: Vec<usize>,
}

impl Guide {
    fn new(raw: &str) -> Guide {
        let mut text = String::new();
        let mut line_at = Vec::new();
        for (index, line) in raw.lines().enumerate() {
            for word in line.split_whitespace() {
                if !text.is_empty() {
                    text.push(' ');
                    line_at.push(index + 1);
                }
                text.push_str(word);
                line_at.extend(std::iter::repeat_n(index + 1, word.len()));
            }
        }
        Guide { text, line_at }
    }

    /// The normalised text of lines `from..=to`. Both ends fall on a space or the ends of the
    /// text, so they are character boundaries.
    fn lines(&self, from: usize, to: usize) -> &str {
        let start = self.line_at.partition_point(|&l| l < from);
        let end = self.line_at.partition_point(|&l| l <= to).max(start);
        &self.text[start..end]
    }

    /// Whether `text` (normalised) lies wholly within lines `from..=to`.
    fn within(&self, text: &str, from: usize, to: usize) -> bool {
        let needle = normalise(text);
        !needle.is_empty() && self.lines(from, to).contains(&needle)
    }

    /// The lines on which `text` (normalised) starts, in order.
    fn start_lines(&self, text: &str) -> BTreeSet<usize> {
        let needle = normalise(text);
        if needle.is_empty() {
            return BTreeSet::new();
        }
        self.text
            .match_indices(&needle)
            .map(|(at, _)| self.line_at[at])
            .collect()
    }
}

/// One use of a Kazakh text: a field of a service.
struct Use<'a> {
    service: &'a Service,
    /// "documents[2].note", "steps[0]", "step2.documents[0].name (passport)".
    field: String,
    text: String,
}

impl Use<'_> {
    fn cited(&self) -> (usize, usize) {
        let s = self.service.source;
        (s.from as usize, s.to as usize)
    }

    fn describe(&self) -> String {
        let (from, to) = self.cited();
        format!("{}: {} (lines {from}–{to})", self.service.id, self.field)
    }

    /// Whether the text is word for word in the service's own cited lines.
    fn in_own_lines(&self, guide: &Guide) -> bool {
        let (from, to) = self.cited();
        guide.within(&self.text, from, to)
    }
}

impl Correction {
    /// Whether this entry corrects the text where `service` uses it.
    fn applies_to(&self, guide: &Guide, service: &Service) -> bool {
        match &self.services {
            Some(ids) => ids.iter().any(|id| id == service.id.as_str()),
            None => guide.within(
                &self.guide,
                service.source.from as usize,
                service.source.to as usize,
            ),
        }
    }
}

/// Every use of a Kazakh text the test checks, service by service, in catalogue order.
fn uses(cat: &Catalogue) -> Vec<Use<'_>> {
    let mut out = Vec::new();
    for service in cat.services {
        for (field, text) in service_texts(cat, service) {
            out.push(Use {
                service,
                field,
                text,
            });
        }
    }
    out
}

/// One service's texts, each with the field it comes from.
fn service_texts(cat: &Catalogue, service: &Service) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, step) in service.steps.iter().enumerate() {
        out.push((format!("steps[{i}]"), step.get(Lang::Kk).to_owned()));
    }
    let documents = document_texts(cat, service.id.as_str(), "documents", service.documents);
    out.extend(documents);
    for (i, note) in service.notes.iter().enumerate() {
        out.push((format!("notes[{i}]"), note.text.get(Lang::Kk).to_owned()));
    }
    if let Some(step2) = &service.step2 {
        let documents =
            document_texts(cat, service.id.as_str(), "step2.documents", step2.documents);
        out.extend(documents);
        for (i, note) in step2.notes.iter().enumerate() {
            out.push((
                format!("step2.notes[{i}]"),
                note.text.get(Lang::Kk).to_owned(),
            ));
        }
    }
    out
}

/// The name, note and sub-items of each document reference in a list.
fn document_texts(
    cat: &Catalogue,
    service: &str,
    list: &str,
    refs: &[DocumentRef],
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, r) in refs.iter().enumerate() {
        let document = cat
            .document(r.doc)
            .unwrap_or_else(|| panic!("{service}: {list}[{i}] names unknown document {}", r.doc));
        out.push((
            format!("{list}[{i}].name ({})", r.doc),
            document.name.get(Lang::Kk).to_owned(),
        ));
        if let Some(note) = &r.note {
            out.push((format!("{list}[{i}].note"), note.get(Lang::Kk).to_owned()));
        }
        for (j, item) in r.items.iter().enumerate() {
            out.push((
                format!("{list}[{i}].items[{j}]"),
                item.get(Lang::Kk).to_owned(),
            ));
        }
    }
    out
}

fn corrections() -> Vec<Correction> {
    serde_json::from_str(CORRECTIONS).expect("tests/data/kazakh-corrections.json parses")
}

/// For each use not in its service's own lines, the table entries that correct it.
fn needed<'u, 'c>(
    guide: &Guide,
    uses: &'u [Use<'u>],
    table: &'c [Correction],
) -> Vec<(&'u Use<'u>, Vec<&'c Correction>)> {
    uses.iter()
        .filter(|u| !u.in_own_lines(guide))
        .map(|u| {
            let entries = table
                .iter()
                .filter(|c| c.ours == u.text && c.applies_to(guide, u.service))
                .collect();
            (u, entries)
        })
        .collect()
}

/// Uses neither in their service's lines nor corrected, one message per text (with all its
/// uncorrected uses), and uses that two entries claim.
fn missing(guide: &Guide, uses: &[Use<'_>], table: &[Correction]) -> Vec<String> {
    let mut uncorrected: BTreeMap<&str, Vec<&Use<'_>>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (u, entries) in needed(guide, uses, table) {
        match entries.len() {
            0 => uncorrected.entry(u.text.as_str()).or_default().push(u),
            1 => {}
            n => problems.push(format!(
                "{:?}\n    in {} is corrected by {n} entries (lines {:?}): keep one",
                u.text,
                u.describe(),
                entries.iter().map(|c| c.line).collect::<Vec<_>>()
            )),
        }
    }
    for (text, uses) in uncorrected {
        let elsewhere = guide.start_lines(text);
        let hint = if elsewhere.is_empty() {
            "not word for word anywhere in the guide".to_owned()
        } else {
            format!("in the guide only at lines {elsewhere:?}: another service's wording?")
        };
        let places: Vec<String> = uses.iter().map(|u| u.describe()).collect();
        problems.push(format!(
            "{text:?}\n    used in {}\n    {hint}",
            places.join("; ")
        ));
    }
    problems
}

/// Table entries that no longer correct anything, or whose guide wording or line is wrong.
fn stale(guide: &Guide, uses: &[Use<'_>], table: &[Correction]) -> Vec<String> {
    let needed = needed(guide, uses, table);
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for c in table {
        let ours = &c.ours;
        if !seen.insert((ours.as_str(), c.guide.as_str(), c.line)) {
            problems.push(format!("{ours:?} (line {}) is listed twice", c.line));
        }
        let corrected: Vec<&Use<'_>> = needed
            .iter()
            .filter(|(_, entries)| entries.iter().any(|e| std::ptr::eq(*e, c)))
            .map(|(u, _)| *u)
            .collect();
        if corrected.is_empty() {
            let users: Vec<String> = uses
                .iter()
                .filter(|u| &u.text == ours)
                .map(Use::describe)
                .collect();
            problems.push(if users.is_empty() {
                format!("{ours:?} (line {}) is no longer in the catalogue", c.line)
            } else {
                format!(
                    "{ours:?} (line {}) corrects nothing: used in {}, each either in its own \
                     lines as is or not covered by this entry",
                    c.line,
                    users.join("; ")
                )
            });
        }
        match &c.services {
            Some(ids) => {
                if ids.is_empty() {
                    problems.push(format!("{ours:?} (line {}) lists no services", c.line));
                }
                for id in ids {
                    if !corrected.iter().any(|u| u.service.id.as_str() == id) {
                        problems.push(format!(
                            "{ours:?} (line {}) lists {id}, which does not need it",
                            c.line
                        ));
                    }
                }
            }
            None => {
                let inside = corrected.iter().any(|u| {
                    let (from, to) = u.cited();
                    (from..=to).contains(&c.line)
                });
                if !corrected.is_empty() && !inside {
                    problems.push(format!(
                        "{ours:?}: line {} lies outside the cited lines of every service it \
                         corrects; give the line of one of them, or list the services",
                        c.line
                    ));
                }
            }
        }
        let lines = guide.start_lines(&c.guide);
        if !lines.contains(&c.line) {
            problems.push(format!(
                "the guide wording for {ours:?} is not at line {} (found at lines {lines:?}): {:?}",
                c.line, c.guide
            ));
        }
        if c.why.trim().is_empty() {
            problems.push(format!("{ours:?} (line {}) gives no reason", c.line));
        }
    }
    problems
}

#[test]
fn every_kazakh_text_is_in_its_own_service_lines_or_in_the_corrections() {
    let guide = Guide::new(GUIDE);
    let uses = uses(catalogue());
    let problems = missing(&guide, &uses, &corrections());
    let texts: BTreeSet<&str> = uses.iter().map(|u| u.text.as_str()).collect();
    assert!(
        problems.is_empty(),
        "{} problems among {} Kazakh texts ({} uses): each use must be word for word \
         (whitespace aside) within its service's cited lines, or be corrected by one entry of \
         tests/data/kazakh-corrections.json:\n\n{}",
        problems.len(),
        texts.len(),
        uses.len(),
        problems.join("\n\n")
    );
}

#[test]
fn every_correction_is_still_needed_and_quotes_the_guide() {
    let guide = Guide::new(GUIDE);
    let uses = uses(catalogue());
    let problems = stale(&guide, &uses, &corrections());
    assert!(
        problems.is_empty(),
        "{} stale entries in tests/data/kazakh-corrections.json:\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

#[test]
fn the_guide_wording_is_found_whitespace_aside() {
    let guide = Guide::new("а  б\n\n в\n");
    assert!(guide.within("а б в", 1, 3));
    assert!(guide.within("б\nв", 1, 3));
    assert!(!guide.within("а б в г", 1, 3));
    assert_eq!(guide.start_lines("в"), BTreeSet::from([3]));
    assert_eq!(guide.start_lines("б в"), BTreeSet::from([1]));
}

#[test]
fn a_text_counts_only_within_the_lines_given() {
    let guide = Guide::new("бір екі\nүш\n\nтөрт бес\n");
    assert_eq!(guide.lines(2, 2), " үш");
    assert!(guide.within("екі үш", 1, 2));
    assert!(!guide.within("екі үш", 2, 4), "starts before line 2");
    assert!(!guide.within("үш төрт", 1, 2), "ends after line 2");
    assert!(guide.within("үш төрт", 2, 4), "a blank line is no boundary");
    assert!(!guide.within("бес", 1, 3));
    assert!(!guide.within("", 1, 4));
    assert_eq!(guide.lines(5, 9), "");
}
