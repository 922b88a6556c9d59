//! Two tabs: a record is written only if storage still holds the revision this tab last saw;
//! otherwise nothing is overwritten and a conflicting edit is kept as a copy.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;

use super::quarantine::quarantine;
use super::text::Suffix;
use super::time::second;
use super::{Issue, Op, Problem, Quarantined, Record, copy_of, read_raw, set_op};

/// What to do about the stored version of the open record. `code()` names the case for the UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution<R> {
    /// Storage already holds this content: nothing to write.
    UpToDate,
    /// Write `ops`; `record` (revision bumped) is now the open record.
    Saved { record: R, ops: Vec<Op> },
    /// Another tab changed the record and this tab had no unsaved edit: show `record`.
    Adopt { record: R },
    /// Both tabs changed it. The other tab's version stays under the id (`stored`); this tab's
    /// is kept as a new record `copy` ("… (conflict copy)"), written by `ops`. Say so; the UI
    /// opens `copy` (the user's own edit) and lists both.
    Conflict { stored: R, copy: R, ops: Vec<Op> },
    /// Deleted in another tab. This tab's copy is unchanged; `restore` re-creates it if the user
    /// wants to keep it.
    DeletedElsewhere { restore: Vec<Op> },
    /// Deleted in another tab while this tab was editing: the edit brings it back (`ops`).
    Restored { record: R, ops: Vec<Op> },
    /// The stored value could not be read: `ops` keep it aside in quarantine, then write
    /// `record`.
    Repaired {
        record: R,
        ops: Vec<Op>,
        problem: Problem,
        quarantined: Quarantined,
    },
    /// The stored value is from a newer version of the app: left alone. This tab's version is
    /// kept as a new record `copy`, written by `ops`.
    KeptAside {
        copy: R,
        ops: Vec<Op>,
        problem: Problem,
    },
}

impl<R> Resolution<R> {
    pub fn code(&self) -> &'static str {
        match self {
            Resolution::UpToDate => "up-to-date",
            Resolution::Saved { .. } => "saved",
            Resolution::Adopt { .. } => "adopted",
            Resolution::Conflict { .. } => "conflict",
            Resolution::DeletedElsewhere { .. } => "deleted-elsewhere",
            Resolution::Restored { .. } => "restored",
            Resolution::Repaired { .. } => "repaired",
            Resolution::KeptAside { .. } => "kept-aside",
        }
    }

    /// The writes to perform (none for the cases that only change what the tab shows;
    /// `DeletedElsewhere`'s restore only when the user asks).
    pub fn ops(&self) -> &[Op] {
        match self {
            Resolution::Saved { ops, .. }
            | Resolution::Conflict { ops, .. }
            | Resolution::Restored { ops, .. }
            | Resolution::Repaired { ops, .. }
            | Resolution::KeptAside { ops, .. } => ops,
            Resolution::UpToDate
            | Resolution::Adopt { .. }
            | Resolution::DeletedElsewhere { .. } => &[],
        }
    }
}

/// Saves an edit: `edited` is the open record with the user's change, its revision still the
/// one last stored or seen; `stored_raw` is what storage holds under its key right now.
/// Writes only if storage still holds that revision; otherwise nothing is overwritten: a
/// conflicting edit is kept as a copy.
pub fn save_checked<R: Record>(
    edited: &R,
    stored_raw: Option<&str>,
    now: NaiveDateTime,
) -> Resolution<R> {
    reconcile(edited, None, stored_raw, now, true)
}

/// [`save_checked`], knowing the record as this tab last stored or saw it (`last_seen`): storage
/// holding the same revision with other content means another tab wrote that revision too, from
/// the one before it (two tabs saving at the same moment both write revision n + 1). That write
/// is the other tab's, not this tab's own, so the edit becomes a copy instead of overwriting it.
pub fn save_over<R: Record>(
    edited: &R,
    last_seen: &R,
    stored_raw: Option<&str>,
    now: NaiveDateTime,
) -> Resolution<R> {
    reconcile(edited, Some(last_seen), stored_raw, now, true)
}

/// A `storage` event for the open record's key: `local` is the open record (already saved, as
/// every change is), `stored_raw` the value storage holds now.
pub fn merge_on_external_change<R: Record>(
    local: &R,
    stored_raw: Option<&str>,
    now: NaiveDateTime,
) -> Resolution<R> {
    reconcile(local, None, stored_raw, now, false)
}

enum Stored<R> {
    Clean(R),
    Future(Issue),
    Bad(Issue),
}

fn read_stored<R: Record>(raw: &str, now: NaiveDateTime, id: &str) -> Stored<R> {
    match read_raw::<R>(raw, now, Some(id)) {
        Ok(read) => match read.issues.into_iter().next() {
            None => Stored::Clean(read.record),
            Some(issue) => Stored::Bad(issue),
        },
        Err(issue @ Issue::FutureVersion { .. }) => Stored::Future(issue),
        Err(issue) => Stored::Bad(issue),
    }
}

fn reconcile<R: Record>(
    local: &R,
    last_seen: Option<&R>,
    stored_raw: Option<&str>,
    now: NaiveDateTime,
    dirty: bool,
) -> Resolution<R> {
    let now = second(now);
    let bumped = |r: &R| {
        let mut r = r.clone();
        let h = r.header_mut();
        *h.revision = h.revision.saturating_add(1);
        if dirty {
            *h.updated = now;
        }
        r
    };
    let Some(raw) = stored_raw else {
        if !dirty {
            return Resolution::DeletedElsewhere {
                restore: vec![set_op(local)],
            };
        }
        let record = bumped(local);
        let ops = vec![set_op(&record)];
        return if local.revision() == 0 {
            Resolution::Saved { record, ops }
        } else {
            Resolution::Restored { record, ops }
        };
    };
    let key = local.key();
    match read_stored::<R>(raw, now, local.id()) {
        Stored::Future(issue) => kept_aside(local, &key, issue, now),
        Stored::Bad(issue) => repaired(bumped(local), &key, raw, issue, now),
        Stored::Clean(stored) => {
            if stored.same_content(local) {
                if stored.revision() == local.revision() {
                    Resolution::UpToDate
                } else {
                    Resolution::Adopt { record: stored }
                }
            } else if dirty
                && stored.revision() == local.revision()
                && last_seen.is_none_or(|seen| stored.same_content(seen))
            {
                let record = bumped(local);
                Resolution::Saved {
                    ops: vec![set_op(&record)],
                    record,
                }
            } else if !dirty && stored.revision() > local.revision() {
                Resolution::Adopt { record: stored }
            } else {
                conflict(local, stored, now)
            }
        }
    }
}

fn conflict<R: Record>(local: &R, stored: R, now: NaiveDateTime) -> Resolution<R> {
    let copy = copy_of(local, Suffix::Conflict, now, "conflict");
    Resolution::Conflict {
        ops: vec![set_op(&copy)],
        stored,
        copy,
    }
}

fn kept_aside<R: Record>(local: &R, key: &str, issue: Issue, now: NaiveDateTime) -> Resolution<R> {
    let copy = copy_of(local, Suffix::Conflict, now, "kept-aside");
    Resolution::KeptAside {
        ops: vec![set_op(&copy)],
        copy,
        problem: Problem::at_key(key, Some(local.id()), issue),
    }
}

fn repaired<R: Record>(
    record: R,
    key: &str,
    raw: &str,
    issue: Issue,
    now: NaiveDateTime,
) -> Resolution<R> {
    let (quarantined, op) = quarantine(key, raw, &issue, now, &BTreeMap::new());
    let mut ops: Vec<Op> = op.into_iter().collect();
    ops.push(set_op(&record));
    Resolution::Repaired {
        problem: Problem::at_key(key, Some(record.id()), issue),
        record,
        ops,
        quarantined,
    }
}

/// A deletion: perform `ops`, keep this in memory for undo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted<R> {
    /// The freshest version (the stored one if another tab changed it meanwhile).
    pub record: R,
    pub ops: Vec<Op>,
    /// The stored value, if it could not be read: kept aside before the key is removed.
    pub quarantined: Option<Quarantined>,
}

/// Deletes `local`; `stored_raw` is what storage holds under its key now.
pub fn delete<R: Record>(local: &R, stored_raw: Option<&str>, now: NaiveDateTime) -> Deleted<R> {
    let key = local.key();
    let mut ops = Vec::new();
    let mut quarantined = None;
    let mut record = local.clone();
    if let Some(raw) = stored_raw {
        match read_stored::<R>(raw, now, local.id()) {
            Stored::Clean(stored) => {
                if stored.revision() >= local.revision() {
                    record = stored;
                }
            }
            Stored::Future(issue) | Stored::Bad(issue) => {
                let (entry, op) = quarantine(&key, raw, &issue, now, &BTreeMap::new());
                ops.extend(op);
                quarantined = Some(entry);
            }
        }
    }
    ops.push(Op::Remove { key });
    Deleted {
        record,
        ops,
        quarantined,
    }
}

/// Undoes a deletion; `stored_raw` is what storage holds under the key now. Never overwrites
/// what another tab may have put there meanwhile: a different record there means a copy.
pub fn undo_delete<R: Record>(
    deleted: &Deleted<R>,
    stored_raw: Option<&str>,
    now: NaiveDateTime,
) -> Resolution<R> {
    let record = &deleted.record;
    let Some(raw) = stored_raw else {
        return Resolution::Restored {
            record: record.clone(),
            ops: vec![set_op(record)],
        };
    };
    let key = record.key();
    match read_stored::<R>(raw, now, record.id()) {
        Stored::Clean(stored) if stored.same_content(record) => {
            Resolution::Adopt { record: stored }
        }
        Stored::Clean(stored) => conflict(record, stored, now),
        Stored::Future(issue) => kept_aside(record, &key, issue, now),
        Stored::Bad(issue) => repaired(record.clone(), &key, raw, issue, now),
    }
}
