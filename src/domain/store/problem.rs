//! What was wrong with a stored or imported value, and where: for the UI to tell the user.

use std::fmt;

use serde::Serialize;

use crate::domain::flow::AnswerError;

/// What was wrong with a stored or imported value. `code()` is stable, for the UI to translate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Issue {
    // The value cannot be read at all: it is kept aside whole.
    /// Larger than the kind's `max_record_bytes` (or an import file's `max_import_bytes`).
    TooLarge { bytes: usize, max: usize },
    /// Not JSON (a truncated write, say).
    CorruptJson,
    /// JSON, but not an object.
    NotAnObject,
    /// No `version`, or not a whole number this app knows.
    UnknownVersion,
    /// Written by a newer version of the app: left exactly where it is.
    FutureVersion { version: u64 },
    /// Larger than its kind's `max_copy_aside_bytes`: left exactly where it is, for the user to download
    /// and delete.
    TooLargeToCopy { bytes: usize },

    // The record was read, but part of it could not be: that part was dropped or repaired, and
    // the original text is kept aside.
    /// A field of the wrong type or with an impossible value (`name`, `lang`, `created`...).
    InvalidField { field: String },
    /// Fields this version does not have (listed up to [`MAX_LISTED`](super::MAX_LISTED)).
    UnknownFields { fields: Vec<String>, total: usize },
    /// Answers that are not valid (listed up to [`MAX_LISTED`](super::MAX_LISTED)).
    InvalidAnswers {
        dropped: Vec<DroppedAnswer>,
        total: usize,
    },
    /// Ticked item keys that were not strings, too long, or over the most kept.
    InvalidTicks { dropped: usize },
    /// The key's id and the record's differed, or the key's id was invalid; the record now has
    /// the id `id`.
    IdRepaired { found: String, id: String },
    /// A version 1 draft whose migrated copy already exists and has changed since: the old text
    /// is kept aside, the migrated draft is untouched.
    AlreadyMigrated { id: String },

    // Library and file level.
    /// Over the kind's `max_import_records`: the rest were not read (and stay where they are).
    TooManyRecords { skipped: usize },
    /// An import file had this id twice with different contents: the later one got a new id.
    DuplicateId { id: String },
}

impl Issue {
    pub fn code(&self) -> &'static str {
        match self {
            Issue::TooLarge { .. } => "too-large",
            Issue::CorruptJson => "corrupt-json",
            Issue::NotAnObject => "not-an-object",
            Issue::UnknownVersion => "unknown-version",
            Issue::FutureVersion { .. } => "future-version",
            Issue::TooLargeToCopy { .. } => "too-large-to-copy",
            Issue::InvalidField { .. } => "invalid-field",
            Issue::UnknownFields { .. } => "unknown-fields",
            Issue::InvalidAnswers { .. } => "invalid-answers",
            Issue::InvalidTicks { .. } => "invalid-ticks",
            Issue::IdRepaired { .. } => "id-repaired",
            Issue::AlreadyMigrated { .. } => "already-migrated",
            Issue::TooManyRecords { .. } => "too-many-records",
            Issue::DuplicateId { .. } => "duplicate-id",
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Issue::TooLarge { bytes, max } => write!(f, "{} ({bytes} > {max} bytes)", self.code()),
            Issue::FutureVersion { version } => write!(f, "{} ({version})", self.code()),
            Issue::TooLargeToCopy { bytes } => write!(f, "{} ({bytes} bytes)", self.code()),
            Issue::InvalidField { field } => write!(f, "{}: {field}", self.code()),
            Issue::UnknownFields { fields, total } => {
                write!(f, "{} ({total}): {}", self.code(), fields.join(", "))
            }
            Issue::InvalidAnswers { dropped, total } => {
                write!(f, "{} ({total}):", self.code())?;
                for d in dropped {
                    write!(f, " {}={:?} ({})", d.question, d.value, d.reason.code())?;
                }
                Ok(())
            }
            Issue::InvalidTicks { dropped } => write!(f, "{} ({dropped})", self.code()),
            Issue::IdRepaired { found, id } => write!(f, "{}: {found:?} -> {id}", self.code()),
            Issue::AlreadyMigrated { id } | Issue::DuplicateId { id } => {
                write!(f, "{}: {id}", self.code())
            }
            Issue::TooManyRecords { skipped } => write!(f, "{} ({skipped})", self.code()),
            _ => f.write_str(self.code()),
        }
    }
}

/// An answer dropped when reading a draft: its question and value as found (quoted, shortened).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DroppedAnswer {
    pub question: String,
    pub value: String,
    pub reason: DropReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum DropReason {
    UnknownQuestion,
    NotAString,
    /// Over the longest value allowed.
    TooLong {
        bytes: usize,
    },
    Invalid {
        error: AnswerError,
    },
    /// Beyond the number of answers read.
    TooMany,
}

impl DropReason {
    pub fn code(self) -> &'static str {
        match self {
            DropReason::UnknownQuestion => "unknown-question",
            DropReason::NotAString => "not-a-string",
            DropReason::TooLong { .. } => "too-long",
            DropReason::Invalid { .. } => "invalid",
            DropReason::TooMany => "too-many",
        }
    }
}

/// Where a problem was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "at", rename_all = "kebab-case")]
pub enum Source {
    /// A storage key.
    Key { key: String },
    /// The n-th record (0-based) of an import file.
    Import { index: usize },
    /// An import file as a whole.
    File,
}

/// A problem to tell the user about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub source: Source,
    /// The id of the record it concerns, when one was read (look its name up in the list).
    pub record: Option<String>,
    pub issue: Issue,
}

impl Problem {
    pub fn code(&self) -> &'static str {
        self.issue.code()
    }

    pub fn at_key(key: &str, record: Option<&str>, issue: Issue) -> Problem {
        Problem {
            source: Source::Key {
                key: key.to_owned(),
            },
            record: record.map(str::to_owned),
            issue,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.source {
            Source::Key { key } => write!(f, "{key}: ")?,
            Source::Import { index } => write!(f, "#{index}: ")?,
            Source::File => {}
        }
        write!(f, "{}", self.issue)
    }
}
