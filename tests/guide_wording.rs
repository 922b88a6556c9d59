//! The catalogue's Kazakh wording, checked against the guide it was taken from.
//!
//! The catalogue must keep the Kazakh wording of the AIFC Expat Centre guide
//! (`tests/data/expat-centre-guide.kk.txt`, a copy of the shared source). This test takes the
//! Kazakh text (`Lang::Kk`) of every document name a service uses (its documents and its step 2
//! documents, resolved through the document registry), every step, every document reference's
//! note and sub-items, and every note of the service and of its step 2, and looks for it in the
//! guide. Only whitespace is loosened: any run of whitespace, line breaks included, equals one
//! space. Quotes, dashes and letters must match, so a Latin letter the catalogue put in place of
//! the guide's Cyrillic look-alike is a difference.
//!
//! A text the guide does not contain word for word must be listed in
//! `tests/data/kazakh-corrections.json`, with the guide's own wording, the line it starts on and
//! why the catalogue differs. The test fails on a text that is neither in the guide nor in the
//! table, and on a stale table entry: its `ours` is no longer in the catalogue or is now found in
//! the guide as is, or its `guide` is not in the guide at its line.

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
    /// Why the two differ.
    why: String,
}

/// Where a text is used: "work-visa-invitation: documents[2].note".
type Uses = Vec<String>;

/// Any run of whitespace becomes one space; the ends are trimmed.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The guide with its whitespace normalised, and the line each of its characters comes from.
struct Guide {
    text: String,
    /// `line_at[i]` is the 1-based guide line of the byte at offset `i` of `text`.
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

    fn contains(&self, text: &str) -> bool {
        self.text.contains(&normalise(text))
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

/// Every Kazakh text the test checks, with where each is used, in a stable order.
fn catalogue_texts(cat: &Catalogue) -> BTreeMap<String, Uses> {
    let mut texts: BTreeMap<String, Uses> = BTreeMap::new();
    for service in &cat.services {
        for (field, text) in service_texts(cat, service) {
            texts
                .entry(text)
                .or_default()
                .push(format!("{}: {field}", service.id));
        }
    }
    texts
}

/// One service's texts, each with the field it comes from.
fn service_texts(cat: &Catalogue, service: &Service) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, step) in service.steps.iter().enumerate() {
        out.push((format!("steps[{i}]"), step.get(Lang::Kk).to_owned()));
    }
    let documents = document_texts(cat, service.id.as_str(), "documents", &service.documents);
    out.extend(documents);
    for (i, note) in service.notes.iter().enumerate() {
        out.push((format!("notes[{i}]"), note.text.get(Lang::Kk).to_owned()));
    }
    if let Some(step2) = &service.step2 {
        let documents = document_texts(
            cat,
            service.id.as_str(),
            "step2.documents",
            &step2.documents,
        );
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
            .document(&r.doc)
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

/// Catalogue texts neither in the guide nor in the table, one message each.
fn missing(guide: &Guide, texts: &BTreeMap<String, Uses>, table: &[Correction]) -> Vec<String> {
    let corrected: BTreeSet<&str> = table.iter().map(|c| c.ours.as_str()).collect();
    texts
        .iter()
        .filter(|(text, _)| !guide.contains(text) && !corrected.contains(text.as_str()))
        .map(|(text, uses)| format!("{text:?}\n    used in {}", uses.join("; ")))
        .collect()
}

/// Table entries that no longer correct anything, or whose guide wording is wrong.
fn stale(guide: &Guide, texts: &BTreeMap<String, Uses>, table: &[Correction]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for c in table {
        let ours = &c.ours;
        if !seen.insert(ours.as_str()) {
            problems.push(format!("{ours:?} is listed twice"));
        }
        if !texts.contains_key(ours) {
            problems.push(format!("{ours:?} is no longer in the catalogue"));
        } else if guide.contains(ours) {
            problems.push(format!("{ours:?} is now in the guide as is"));
        }
        let lines = guide.start_lines(&c.guide);
        if !lines.contains(&c.line) {
            problems.push(format!(
                "the guide wording for {ours:?} is not at line {} (found at lines {lines:?}): {:?}",
                c.line, c.guide
            ));
        }
        if c.why.trim().is_empty() {
            problems.push(format!("{ours:?} gives no reason"));
        }
    }
    problems
}

#[test]
fn every_kazakh_text_is_in_the_guide_or_in_the_corrections() {
    let guide = Guide::new(GUIDE);
    let texts = catalogue_texts(catalogue());
    let problems = missing(&guide, &texts, &corrections());
    let uses: usize = texts.values().map(Vec::len).sum();
    assert!(
        problems.is_empty(),
        "{} of {} Kazakh texts ({uses} uses) are not in the guide \
         (whitespace aside) nor in tests/data/kazakh-corrections.json:\n\n{}",
        problems.len(),
        texts.len(),
        problems.join("\n\n")
    );
}

#[test]
fn every_correction_is_still_needed_and_quotes_the_guide() {
    let guide = Guide::new(GUIDE);
    let texts = catalogue_texts(catalogue());
    let problems = stale(&guide, &texts, &corrections());
    assert!(
        problems.is_empty(),
        "stale entries in tests/data/kazakh-corrections.json:\n\n{}",
        problems.join("\n\n")
    );
}

#[test]
fn the_guide_wording_is_found_whitespace_aside() {
    let guide = Guide::new("а  б\n\n в\n");
    assert!(guide.contains("а б в"));
    assert!(guide.contains("б\nв"));
    assert!(!guide.contains("а б в г"));
    assert_eq!(guide.start_lines("в"), BTreeSet::from([3]));
    assert_eq!(guide.start_lines("б в"), BTreeSet::from([1]));
}
