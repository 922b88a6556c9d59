//! Storage writes as data: the domain plans them, the UI performs them in order.

use std::collections::BTreeMap;

/// A storage write the UI performs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    Set { key: String, value: String },
    Remove { key: String },
}

impl Op {
    pub fn key(&self) -> &str {
        match self {
            Op::Set { key, .. } | Op::Remove { key } => key,
        }
    }
}

/// The write that failed; the ops after it were not performed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failed<E> {
    pub index: usize,
    pub key: String,
    pub error: E,
}

/// Performs `ops` in order through the store, stopping at the first failed write or removal.
/// Plans put every removal after the writes it depends on (the copy in quarantine, the migrated
/// record), so a failure never removes anything that was not safely written elsewhere first. The
/// ops from the failed one on are what is still to do: see [`pending_after`].
pub fn execute<E>(
    ops: &[Op],
    mut set: impl FnMut(&str, &str) -> Result<(), E>,
    mut remove: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), Failed<E>> {
    for (index, op) in ops.iter().enumerate() {
        let (key, done) = match op {
            Op::Set { key, value } => (key, set(key, value)),
            Op::Remove { key } => (key, remove(key)),
        };
        done.map_err(|error| Failed {
            index,
            key: key.clone(),
            error,
        })?;
    }
    Ok(())
}

/// What is left to write after a failure, to retry later: `ops` from `failed_at` on, keeping
/// only the last op for each key (it decides what the key holds) and their order otherwise, so
/// retries of a record saved at every keystroke stay one write per key.
pub fn pending_after(ops: &[Op], failed_at: usize) -> Vec<Op> {
    let rest = &ops[failed_at.min(ops.len())..];
    rest.iter()
        .enumerate()
        .filter(|(i, op)| !rest[i + 1..].iter().any(|later| later.key() == op.key()))
        .map(|(_, op)| op.clone())
        .collect()
}

/// What the pending ops say a key holds, if they say anything: `Some(None)` for a removal.
pub fn pending_value<'a>(pending: &'a [Op], key: &str) -> Option<Option<&'a str>> {
    pending.iter().rev().find_map(|op| match op {
        Op::Set { key: k, value } if k == key => Some(Some(value.as_str())),
        Op::Remove { key: k } if k == key => Some(None),
        _ => None,
    })
}

/// Performs `ops` on an in-memory map (the memory fallback, and tests).
pub fn apply_in_memory(map: &mut BTreeMap<String, String>, ops: &[Op]) {
    for op in ops {
        match op {
            Op::Set { key, value } => {
                map.insert(key.clone(), value.clone());
            }
            Op::Remove { key } => {
                map.remove(key);
            }
        }
    }
}
