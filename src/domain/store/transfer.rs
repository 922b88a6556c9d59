//! Export and import: records as a self-describing JSON file, merged back without overwriting
//! anything the user did not choose to replace.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDateTime, Timelike};
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use serde_json::Value;

use super::text::{Suffix, to_pretty};
use super::time::{format_timestamp, second};
use super::{Issue, Op, Problem, Record, Source, copy_of, set_op};

/// Records as a self-describing JSON file:
/// `{"format":"expat-navigator-drafts","version":2,"exported":"…","drafts":[record…]}`, each
/// record exactly as stored.
pub fn export_json<R: Record>(records: &[R], now: NaiveDateTime) -> String {
    struct File<'a, R>(&'a [R], NaiveDateTime);
    impl<R: Record> Serialize for File<'_, R> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let kind = R::KIND;
            let records: Vec<_> = self.0.iter().map(Record::stored_form).collect();
            let mut file = s.serialize_struct("File", 4)?;
            file.serialize_field("format", kind.export_format)?;
            file.serialize_field("version", &kind.version)?;
            file.serialize_field("exported", &format_timestamp(self.1))?;
            file.serialize_field(kind.export_field, &records)?;
            file.end()
        }
    }
    to_pretty(&File(records, second(now)))
}

/// A file name for an export: `expat-navigator-drafts-2026-11-20-1000.json`.
pub fn export_file_name<R: Record>(now: NaiveDateTime) -> String {
    format!(
        "{}-{:04}-{:02}-{:02}-{:02}{:02}.json",
        R::KIND.export_format,
        now.year(),
        now.month(),
        now.day(),
        now.hour(),
        now.minute()
    )
}

/// Why a file could not be imported at all. `code()` is stable, for the UI to translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    CorruptJson,
    /// Valid JSON, but neither an export file of this kind nor one of its records.
    NotAnExport,
    /// An export from a newer version of the app.
    FutureVersion {
        version: u64,
    },
    UnknownVersion,
}

impl ImportError {
    pub fn code(self) -> &'static str {
        match self {
            ImportError::TooLarge { .. } => "too-large",
            ImportError::CorruptJson => "corrupt-json",
            ImportError::NotAnExport => "not-an-export",
            ImportError::FutureVersion { .. } => "future-version",
            ImportError::UnknownVersion => "unknown-version",
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for ImportError {}

/// An imported record whose id exists with other content: the user chooses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportConflict<R> {
    pub existing: R,
    pub incoming: R,
    /// The incoming record under a new id, named "… (imported)": for keeping both.
    pub copy: R,
}

impl<R: Record> ImportConflict<R> {
    /// The incoming content under the existing id, with a revision above the existing one (so
    /// other tabs take it as a change).
    pub fn replacement(&self) -> R {
        let mut r = self.incoming.clone();
        *r.header_mut().revision = self
            .existing
            .revision()
            .max(self.incoming.revision())
            .saturating_add(1);
        r
    }
}

/// The user's answer to an [`ImportConflict`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    KeepExisting,
    /// Overwrite the existing record: only on the user's explicit choice.
    Replace,
    KeepBoth,
}

/// What importing would do: nothing is written until [`ImportPlan::apply`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPlan<R> {
    /// Ids not in the library: added as they are.
    pub new: Vec<R>,
    /// Already in the library with the same content: skipped.
    pub identical: Vec<R>,
    /// Same id, other content: ask.
    pub conflicts: Vec<ImportConflict<R>>,
    /// Parts of the file that could not be read or were repaired (the file itself is unchanged).
    pub problems: Vec<Problem>,
}

impl<R> Default for ImportPlan<R> {
    fn default() -> Self {
        ImportPlan {
            new: Vec::new(),
            identical: Vec::new(),
            conflicts: Vec::new(),
            problems: Vec::new(),
        }
    }
}

/// What [`ImportPlan::apply`] does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied<R> {
    /// Records to add to the list.
    pub added: Vec<R>,
    /// Records that replace the list's record with their id.
    pub replaced: Vec<R>,
    pub ops: Vec<Op>,
}

impl<R: Record> ImportPlan<R> {
    /// The writes for the new records and the user's choices, one per conflict in order; a
    /// conflict without a choice keeps both (nothing is overwritten without asking).
    pub fn apply(&self, choices: &[Choice]) -> Applied<R> {
        let mut added = self.new.clone();
        let mut replaced = Vec::new();
        for (i, c) in self.conflicts.iter().enumerate() {
            match choices.get(i).copied().unwrap_or(Choice::KeepBoth) {
                Choice::KeepExisting => {}
                Choice::Replace => replaced.push(c.replacement()),
                Choice::KeepBoth => added.push(c.copy.clone()),
            }
        }
        let ops = added.iter().chain(&replaced).map(set_op).collect();
        Applied {
            added,
            replaced,
            ops,
        }
    }
}

/// Reads an export file (any version up to this one), a list of records, or a single record,
/// and sorts its records against the library's `existing` ones.
pub fn import_json<R: Record>(
    text: &str,
    existing: &[R],
    now: NaiveDateTime,
) -> Result<ImportPlan<R>, ImportError> {
    let kind = R::KIND;
    let now = second(now);
    if text.len() > kind.max_import_bytes {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            max: kind.max_import_bytes,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|_| ImportError::CorruptJson)?;
    let single;
    let items: &[Value] = match &value {
        Value::Array(items) => items,
        Value::Object(map) => match map.get("format") {
            Some(Value::String(f)) if f == kind.export_format => {
                match map.get("version").and_then(Value::as_u64) {
                    Some(v) if (1..=kind.version).contains(&v) => {}
                    Some(v) if v > kind.version => {
                        return Err(ImportError::FutureVersion { version: v });
                    }
                    _ => return Err(ImportError::UnknownVersion),
                }
                match map.get(kind.export_field) {
                    Some(Value::Array(items)) => items,
                    _ => return Err(ImportError::NotAnExport),
                }
            }
            Some(_) => return Err(ImportError::NotAnExport),
            None if map.contains_key("version") => {
                single = [value.clone()];
                &single
            }
            None => return Err(ImportError::NotAnExport),
        },
        _ => return Err(ImportError::NotAnExport),
    };

    let max = kind.max_import_records;
    let mut plan = ImportPlan::default();
    if items.len() > max {
        plan.problems.push(Problem {
            source: Source::File,
            record: None,
            issue: Issue::TooManyRecords {
                skipped: items.len() - max,
            },
        });
    }
    let existing: BTreeMap<&str, &R> = existing.iter().map(|r| (r.id(), r)).collect();
    // Ids taken by this file so far, with their content.
    let mut seen: BTreeMap<String, R> = BTreeMap::new();
    for (index, item) in items.iter().enumerate().take(max) {
        let problem = |record: Option<&str>, issue| Problem {
            source: Source::Import { index },
            record: record.map(str::to_owned),
            issue,
        };
        let read = match R::read(item, now, None) {
            Ok(read) => read,
            Err(issue) => {
                plan.problems.push(problem(None, issue));
                continue;
            }
        };
        let mut record = read.record;
        for issue in read.issues {
            plan.problems.push(problem(Some(record.id()), issue));
        }
        if let Some(earlier) = seen.get(record.id()) {
            if earlier.same_content(&record) {
                continue;
            }
            plan.problems.push(problem(
                Some(record.id()),
                Issue::DuplicateId {
                    id: record.id().to_owned(),
                },
            ));
            record = copy_of(&record, Suffix::Imported, now, "duplicate");
        }
        seen.insert(record.id().to_owned(), record.clone());
        match existing.get(record.id()) {
            None => plan.new.push(record),
            Some(e) if e.same_content(&record) => plan.identical.push(record),
            Some(e) => plan.conflicts.push(ImportConflict {
                existing: (*e).clone(),
                copy: copy_of(&record, Suffix::Imported, now, "import"),
                incoming: record,
            }),
        }
    }
    Ok(plan)
}
