//! Reads and checks the locale files (`src/locales/<code>.txt`). Used by the build script, which
//! turns them into typed Rust (`src/ui/i18n.rs` includes the result), and by the unit tests.
//!
//! A locale file is UTF-8 lines:
//!
//! ```text
//! # A comment; blank lines are ignored.
//! @plural = one few many          (the plural forms this language needs, first line that counts)
//! AppName = Expat Navigator       (a text)
//! ReadyBy = Ready by {date}       (a message with a named placeholder)
//! WorkingDays[one] = {count} working day
//! WorkingDays[other] = {count} working days
//! ```
//!
//! Every file must have the same keys, each key the same placeholders in every language and
//! form (a plural form may leave out `{count}`), and each plural key exactly the forms its
//! file's `@plural` line names.

use std::collections::{BTreeMap, BTreeSet};

/// The plural forms a locale may name, in the order the generated tables store them.
pub const FORMS: [&str; 4] = ["one", "few", "many", "other"];

#[derive(Debug, Default)]
pub struct Locale {
    pub code: String,
    /// Indexes into [`FORMS`].
    pub plural_forms: Vec<usize>,
    /// Key to its text, or to its text per form (a plural key), in file order.
    pub entries: Vec<(String, Entry)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Text(String),
    /// Text per form, indexed like [`FORMS`].
    Plural(BTreeMap<usize, String>),
}

impl Entry {
    fn texts(&self) -> Vec<&str> {
        match self {
            Entry::Text(t) => vec![t],
            Entry::Plural(forms) => forms.values().map(String::as_str).collect(),
        }
    }
}

/// The `{name}`s in a text, or what is wrong with its braces.
pub fn placeholders(text: &str) -> Result<BTreeSet<String>, String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("a '}' with no '{' before it".into());
        }
        let Some(len) = rest[open + 1..].find(['{', '}']) else {
            return Err("a '{' that is never closed".into());
        };
        let name = &rest[open + 1..open + 1 + len];
        if rest[open + 1 + len..].starts_with('{') {
            return Err("a '{' inside a placeholder".into());
        }
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Err(format!(
                "placeholder {{{name}}}: names are lowercase letters and _"
            ));
        }
        names.insert(name.to_owned());
        rest = &rest[open + len + 2..];
    }
    Ok(names)
}

/// Parses one file; `code` is its language code (the file name).
pub fn parse(code: &str, source: &str) -> Result<Locale, Vec<String>> {
    let mut locale = Locale {
        code: code.into(),
        ..Locale::default()
    };
    let mut errors = Vec::new();
    let mut plural_line = false;
    for (n, line) in source.lines().enumerate() {
        let at = |what: String| format!("{code}.txt line {}: {what}", n + 1);
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((left, text)) = line.split_once('=') else {
            errors.push(at("expected `Key = text`".into()));
            continue;
        };
        let (left, text) = (left.trim(), text.trim());
        if left == "@plural" {
            plural_line = true;
            for form in text.split_whitespace() {
                match FORMS.iter().position(|f| *f == form) {
                    Some(i) => locale.plural_forms.push(i),
                    None => errors.push(at(format!("unknown plural form {form:?}"))),
                }
            }
            continue;
        }
        if text.is_empty() {
            errors.push(at(format!("{left} has no text")));
            continue;
        }
        if let Err(e) = placeholders(text) {
            errors.push(at(format!("{left}: {e}")));
        }
        let (key, form) = match left.split_once('[') {
            Some((key, form)) => match form
                .strip_suffix(']')
                .and_then(|f| FORMS.iter().position(|x| *x == f))
            {
                Some(i) => (key.trim(), Some(i)),
                None => {
                    errors.push(at(format!("{left}: unknown plural form")));
                    continue;
                }
            },
            None => (left, None),
        };
        let valid_key = key.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && key.chars().all(|c| c.is_ascii_alphanumeric());
        if !valid_key {
            errors.push(at(format!("{key:?}: keys are PascalCase, like ReadyBy")));
            continue;
        }
        let existing = locale.entries.iter_mut().find(|(k, _)| k == key);
        match (existing, form) {
            (None, None) => locale.entries.push((key.into(), Entry::Text(text.into()))),
            (None, Some(f)) => locale.entries.push((
                key.into(),
                Entry::Plural(BTreeMap::from([(f, text.into())])),
            )),
            (Some((_, Entry::Plural(forms))), Some(f)) => {
                if forms.insert(f, text.into()).is_some() {
                    errors.push(at(format!("{left} is defined twice")));
                }
            }
            (Some(_), _) => errors.push(at(format!("{key} is defined twice"))),
        }
    }
    if !plural_line {
        errors.push(format!("{code}.txt: no `@plural = ...` line"));
    }
    for (key, entry) in &locale.entries {
        if let Entry::Plural(forms) = entry {
            let given: Vec<usize> = forms.keys().copied().collect();
            let mut wanted = locale.plural_forms.clone();
            wanted.sort();
            if given != wanted {
                let names = |v: &[usize]| v.iter().map(|i| FORMS[*i]).collect::<Vec<_>>().join(" ");
                errors.push(format!(
                    "{code}.txt: {key} gives the forms [{}], the language needs [{}]",
                    names(&given),
                    names(&wanted)
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(locale)
    } else {
        Err(errors)
    }
}

/// What differs between the locales: missing or extra keys, a plural key that is a plain text
/// elsewhere, different placeholders. The first locale is the reference.
pub fn compare(locales: &[Locale]) -> Vec<String> {
    let mut errors = Vec::new();
    let Some(reference) = locales.first() else {
        return vec!["no locale files".into()];
    };
    // A plural form may leave the number out ("a day"): `{count}` is always given.
    let shape = |e: &Entry| -> Result<(bool, BTreeSet<String>), String> {
        let plural = matches!(e, Entry::Plural(_));
        let mut sets = e.texts().into_iter().map(|t| {
            placeholders(t).map(|mut names| {
                if plural {
                    names.remove("count");
                }
                names
            })
        });
        let first = sets.next().unwrap_or(Ok(BTreeSet::new()))?;
        for s in sets {
            if s? != first {
                return Err("its forms have different placeholders".into());
            }
        }
        Ok((matches!(e, Entry::Plural(_)), first))
    };
    for locale in locales {
        for (key, entry) in &locale.entries {
            if let Err(e) = shape(entry) {
                errors.push(format!("{}.txt: {key}: {e}", locale.code));
            }
        }
    }
    for other in &locales[1..] {
        let find = |l: &Locale, key: &str| {
            l.entries
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, e)| e.clone())
        };
        for (key, entry) in &reference.entries {
            match find(other, key) {
                None => errors.push(format!("{}.txt lacks {key}", other.code)),
                Some(e) => {
                    let (a, b) = (shape(entry), shape(&e));
                    if let (Ok((pa, sa)), Ok((pb, sb))) = (&a, &b) {
                        if pa != pb {
                            errors.push(format!(
                                "{key} is a plural key in one of {}.txt and {}.txt only",
                                reference.code, other.code
                            ));
                        } else if sa != sb {
                            errors.push(format!(
                                "{key}: placeholders {sa:?} in {}.txt but {sb:?} in {}.txt",
                                reference.code, other.code
                            ));
                        }
                    }
                }
            }
        }
        for (key, _) in &other.entries {
            if find(reference, key).is_none() {
                errors.push(format!(
                    "{}.txt has {key}, which {}.txt lacks",
                    other.code, reference.code
                ));
            }
        }
    }
    errors
}
