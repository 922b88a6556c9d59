//! Reading a library: every record of one kind, repaired where it can be, kept aside where it
//! cannot, left alone where a newer version wrote it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::Value;

use super::quarantine::{quarantine, read_quarantine_entry};
use super::text::{fnv, new_id, quote};
use super::time::second;
use super::{
    Issue, Op, Problem, QUARANTINE_KEY_PREFIX, Quarantined, Read, Record, parse_record, read_raw,
    set_op, sort_latest_first,
};

/// A record of an earlier version moved into the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Migrated {
    pub from_key: String,
    pub from_version: u64,
    /// The new record; `None` when the old one was empty and was simply removed.
    pub to: Option<String>,
}

/// A library as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded<R> {
    /// Most recently changed first.
    pub records: Vec<R>,
    /// What to tell the user.
    pub problems: Vec<Problem>,
    /// Everything of this kind kept aside: found now, and by earlier sessions.
    pub quarantined: Vec<Quarantined>,
    pub migrated: Vec<Migrated>,
    /// The storage writes that make storage match `records` and `quarantined`: copies into
    /// quarantine first, then repaired and migrated records, then the layout marker, then
    /// removals. Execute with [`execute`](super::execute); loading again afterwards gives an
    /// empty plan.
    pub plan: Vec<Op>,
}

/// Reads a library. [`Loader::read`] reads every record of the current layout; a kind with
/// older layouts then migrates them with the loader's helpers; [`Loader::finish`] gives the
/// result. Never panics, whatever the values.
pub struct Loader<'a, R> {
    now: NaiveDateTime,
    by_key: BTreeMap<&'a str, &'a str>,
    problems: Vec<Problem>,
    quarantined: Vec<Quarantined>,
    migrated: Vec<Migrated>,
    /// Quarantine keys in use, by any kind (earlier sessions' and this load's).
    taken: BTreeMap<String, Quarantined>,
    sets_aside: Vec<Op>,
    sets: Vec<Op>,
    removes: Vec<Op>,
    records: BTreeMap<String, R>,
    /// Ids of valid record keys: a repaired or migrated record never takes one.
    key_ids: BTreeSet<&'a str>,
}

impl<'a, R: Record> Loader<'a, R> {
    /// Reads the records and the quarantine from `entries` (values as stored; keys where
    /// `is_app_key` is false are ignored): repairs what it can (dropping invalid parts, never
    /// a whole record), keeps aside what it cannot read, leaves newer versions alone.
    pub fn read(
        entries: &'a [(String, String)],
        now: NaiveDateTime,
        is_app_key: fn(&str) -> bool,
    ) -> Self {
        let kind = R::KIND;
        let mut by_key: BTreeMap<&str, &str> = BTreeMap::new();
        for (k, v) in entries {
            if is_app_key(k) {
                by_key.entry(k.as_str()).or_insert(v.as_str());
            }
        }
        let mut loader = Loader {
            now: second(now),
            key_ids: by_key.keys().filter_map(|k| kind.id_from_key(k)).collect(),
            by_key,
            problems: Vec::new(),
            quarantined: Vec::new(),
            migrated: Vec::new(),
            taken: BTreeMap::new(),
            sets_aside: Vec::new(),
            sets: Vec::new(),
            removes: Vec::new(),
            records: BTreeMap::new(),
        };
        for (key, raw) in loader.keys_from(QUARANTINE_KEY_PREFIX) {
            let entry = read_quarantine_entry(key, raw);
            if (kind.owns_origin)(&entry.origin) {
                loader.quarantined.push(entry.clone());
            }
            loader.taken.insert(key.to_owned(), entry);
        }
        for (key, raw) in loader.keys_from(kind.key_prefix) {
            loader.read_one(key, raw);
        }
        loader
    }

    fn keys_from(&self, prefix: &str) -> Vec<(&'a str, &'a str)> {
        self.by_key
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (*k, *v))
            .collect()
    }

    fn read_one(&mut self, key: &'a str, raw: &'a str) {
        let kind = R::KIND;
        let now = self.now;
        let hint = kind.id_from_key(key);
        let read = read_raw::<R>(raw, now, hint);
        // A big record read without a problem is simply a big record (a long roster); one that
        // needs repair or cannot be read is not copied aside, whatever it holds.
        let clean = matches!(&read, Ok(r) if r.issues.is_empty() && r.version == kind.version);
        if raw.len() > kind.max_copy_aside_bytes && !(clean && hint.is_some()) {
            self.salvage_too_large(key, hint, raw, read);
            return;
        }
        let mut read = match read {
            Ok(read) => read,
            Err(issue) => return self.unreadable(key, hint, raw, issue),
        };
        if hint.is_none() {
            // An invalid key: the record moves to a valid id of its own.
            let mut id = read.record.id().to_owned();
            if self.records.contains_key(&id) || self.key_ids.contains(id.as_str()) {
                id = new_id(
                    read.record.updated(),
                    fnv(&[key.as_bytes(), raw.as_bytes()]),
                );
            }
            read.issues.push(Issue::IdRepaired {
                found: quote(key.strip_prefix(kind.key_prefix).unwrap_or(key)),
                id: id.clone(),
            });
            *read.record.header_mut().id = id;
        }
        let id = read.record.id().to_owned();
        // A valid record of this version under its own key is left as it is (no rewrite just to
        // reformat it); anything else is written back in the stored form.
        let valid = read.issues.is_empty() && read.version == kind.version;
        self.repaired(key, raw, &id, read.issues);
        if read.version < kind.version {
            self.migrated.push(Migrated {
                from_key: key.to_owned(),
                from_version: read.version,
                to: Some(id.clone()),
            });
        }
        if !(valid && hint == Some(id.as_str())) {
            let json = read.record.to_json();
            let new_key = read.record.key();
            if new_key != key {
                self.remove(key);
            }
            if new_key != key || json != raw {
                self.sets.push(Op::Set {
                    key: new_key,
                    value: json,
                });
            }
        }
        self.records.insert(id, read.record);
    }

    /// A record too big to copy aside stays where it is, for the user to download and delete.
    /// What can be read of it opens as a record of its own (a new id: the original stays), once:
    /// after that it is a record like any other, which later loads must not undo.
    fn salvage_too_large(
        &mut self,
        key: &str,
        hint: Option<&str>,
        raw: &str,
        read: Result<Read<R>, Issue>,
    ) {
        let issue = Issue::TooLargeToCopy { bytes: raw.len() };
        self.leave_in_place(key, hint, raw, issue);
        let Ok(mut read) = read else {
            return;
        };
        let id = new_id(read.record.updated(), fnv(&[key.as_bytes(), b"too-large"]));
        if self.key_ids.contains(id.as_str()) {
            return;
        }
        let h = read.record.header_mut();
        *h.id = id.clone();
        *h.revision = 1;
        for issue in read.issues.drain(..) {
            self.problem(key, Some(&id), issue);
        }
        self.add(read.record);
    }

    /// The stored value under `key`, if it is an app key.
    pub fn raw(&self, key: &str) -> Option<&'a str> {
        self.by_key.get(key).copied()
    }

    pub fn now(&self) -> NaiveDateTime {
        self.now
    }

    /// The record read with this id.
    pub fn get(&self, id: &str) -> Option<&R> {
        self.records.get(id)
    }

    /// Whether a valid record key of this id exists in storage (read or not: a newer version's
    /// record, one too big to copy, one kept aside).
    pub fn key_exists(&self, id: &str) -> bool {
        self.key_ids.contains(id)
    }

    /// Adds a record (a migrated one, say) and writes it.
    pub fn add(&mut self, record: R) {
        self.sets.push(set_op(&record));
        self.records.insert(record.id().to_owned(), record);
    }

    /// Keeps `raw`, found under `origin`, aside in quarantine (once, however often it is seen).
    pub fn keep_aside(&mut self, origin: &str, raw: &str, issue: &Issue) {
        let (entry, op) = quarantine(origin, raw, issue, self.now, &self.taken);
        if let Some(op) = op {
            self.sets_aside.push(op);
            self.taken.insert(entry.key.clone(), entry.clone());
            self.quarantined.push(entry);
        }
    }

    /// Lists a record that stays exactly where it was found (a newer version's, or one too big
    /// to copy aside), for export, with the problem that says why.
    pub fn leave_in_place(&mut self, key: &str, hint: Option<&str>, raw: &str, issue: Issue) {
        self.quarantined
            .push(Quarantined::left_in_place(key, raw, &issue, self.now));
        self.problem(key, hint, issue);
    }

    /// A record that could not be read: a newer app's is left exactly where it is, listed for
    /// export; any other is kept aside and its key removed. Either way the problem is reported.
    pub fn unreadable(&mut self, key: &str, hint: Option<&str>, raw: &str, issue: Issue) {
        if matches!(issue, Issue::FutureVersion { .. }) {
            self.leave_in_place(key, hint, raw, issue);
        } else {
            self.keep_aside(key, raw, &issue);
            self.remove(key);
            self.problem(key, hint, issue);
        }
    }

    /// A record read with `issues` (parts dropped or repaired): its original text is kept aside
    /// once, and each issue reported.
    pub fn repaired(&mut self, key: &str, raw: &str, id: &str, issues: Vec<Issue>) {
        if let Some(first) = issues.first() {
            self.keep_aside(key, raw, first);
        }
        for issue in issues {
            self.problem(key, Some(id), issue);
        }
    }

    pub fn problem(&mut self, key: &str, record: Option<&str>, issue: Issue) {
        self.problems.push(Problem::at_key(key, record, issue));
    }

    /// Removes `key` once everything is written (never a key the plan writes).
    pub fn remove(&mut self, key: &str) {
        self.removes.push(Op::Remove {
            key: key.to_owned(),
        });
    }

    pub fn migrated(&mut self, from_key: &str, from_version: u64, to: Option<String>) {
        self.migrated.push(Migrated {
            from_key: from_key.to_owned(),
            from_version,
            to,
        });
    }

    /// Checks the layout marker (written when missing, unreadable or an earlier version's; a
    /// newer one is left alone) and gives the library with its plan.
    pub fn finish(mut self) -> Loaded<R> {
        let kind = R::KIND;
        match self.raw(kind.meta_key) {
            None => self.sets.push(kind.meta_op()),
            Some(raw) => {
                let version = serde_json::from_str::<Value>(raw)
                    .ok()
                    .and_then(|v| v.get("version").and_then(Value::as_u64));
                match version {
                    Some(v) if v == kind.version => {}
                    Some(v) if (kind.first_marker_version..kind.version).contains(&v) => {
                        self.sets.push(kind.meta_op());
                    }
                    Some(v) if v > kind.version => {
                        let issue = Issue::FutureVersion { version: v };
                        self.leave_in_place(kind.meta_key, None, raw, issue);
                    }
                    _ => {
                        let issue = match parse_record(raw, kind.max_record_bytes) {
                            Err(issue) => issue,
                            Ok(_) => Issue::UnknownVersion,
                        };
                        self.keep_aside(kind.meta_key, raw, &issue);
                        self.problem(kind.meta_key, None, issue);
                        self.sets.push(kind.meta_op());
                    }
                }
            }
        }
        // A key the plan writes is never removed after (its old value is already kept aside).
        let sets = self.sets;
        self.removes
            .retain(|r| !sets.iter().any(|s| s.key() == r.key()));
        let mut plan = self.sets_aside;
        plan.extend(sets);
        plan.extend(self.removes);
        let mut records: Vec<R> = self.records.into_values().collect();
        sort_latest_first(&mut records);
        Loaded {
            records,
            problems: self.problems,
            quarantined: self.quarantined,
            migrated: self.migrated,
            plan,
        }
    }
}

/// A change to one record key seen from another tab, for refreshing the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change<R> {
    /// Added or changed: put it in the list (replacing the one with its id).
    Upsert {
        record: R,
    },
    Removed {
        id: String,
    },
    /// Cannot be read now; the next start will keep it aside. Show the problem.
    Unreadable {
        problem: Problem,
    },
    /// Not a key of this kind.
    NotThisKind,
}

/// Reads the current value of a record key after a `storage` event (pass `store.get(key)`).
pub fn on_storage_change<R: Record>(key: &str, raw: Option<&str>, now: NaiveDateTime) -> Change<R> {
    let Some(id) = R::KIND.id_from_key(key) else {
        return Change::NotThisKind;
    };
    let Some(raw) = raw else {
        return Change::Removed { id: id.to_owned() };
    };
    match read_raw::<R>(raw, now, Some(id)) {
        Ok(read) => Change::Upsert {
            record: read.record,
        },
        Err(issue) => Change::Unreadable {
            problem: Problem::at_key(key, Some(id), issue),
        },
    }
}
