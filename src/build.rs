//! Build script. It turns the two kinds of text the app embeds into checked Rust:
//!
//! - the data files (`src/data/**/*.json`: catalogue, questions, calendar, MRP) become statics,
//!   `$OUT_DIR/data/<name>.rs`, each included by the domain module of its type
//!   (`src/data/rust.rs` writes them): no JSON is parsed when the app starts;
//! - the locale files (`src/locales/<code>.txt`) become typed Rust, so a missing key, a misspelt
//!   key or a wrong placeholder fails the build (`src/locales/parse.rs` has the format).
//!
//! For the locales it writes `$OUT_DIR/locales.rs` (included by `src/ui/i18n.rs`) with:
//! - `enum Key`: every text without placeholders, read with `Key::X.text(lang)`;
//! - `mod msg`: a struct per message with placeholders, its fields named after them, read with
//!   `msg::ReadyBy { date: &d }.text(lang)`; a plural message has `count: u64`;
//! - the tables behind them, one per language, in the order of `LOCALE_CODES`.

#[path = "locales/parse.rs"]
mod parse;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

use parse::{Entry, Locale};

#[path = "data/rust.rs"]
mod rust;

/// The service files, in the catalogue's order (the order of the guide's parts).
const SERVICE_FILES: [&str; 3] = [
    "work-investor-residence.json",
    "trp-business-cancellation.json",
    "qualification-migration-tax.json",
];

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    println!("cargo::rerun-if-changed=src/data");
    data(Path::new("src/data"), &out.join("data"));
    locales(&out);
}

/// The data files as Rust statics, one file per domain module.
fn data(from: &Path, to: &Path) {
    let read = |name: &str| -> serde_json::Value {
        let path = from.join(name);
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let listed = fs::read_dir(from.join("services"))
        .expect("src/data/services")
        .count();
    assert_eq!(
        listed,
        SERVICE_FILES.len(),
        "src/data/services: every file is in SERVICE_FILES"
    );
    let parts: Vec<(String, serde_json::Value)> = SERVICE_FILES
        .iter()
        .map(|name| (name.to_string(), read(&format!("services/{name}"))))
        .collect();
    fs::create_dir_all(to).unwrap();
    let statics = [
        (
            "catalogue.rs",
            "CATALOGUE: Catalogue",
            rust::catalogue(&read("catalogue.json"), &parts),
        ),
        (
            "questions.rs",
            "TEXTS: Texts",
            rust::questions(&read("questions.json")),
        ),
        (
            "calendar.rs",
            "CALENDAR_DATA: CalendarData",
            rust::calendar(&read("calendar.json")),
        ),
        (
            "mrp.rs",
            "MRP_TABLE: MrpTable",
            rust::mrp(&read("mrp.json")),
        ),
    ];
    for (file, name, value) in statics {
        let rust = format!(
            "// Written by build.rs from src/data: do not edit.\npub(crate) static {name} = {value};\n"
        );
        fs::write(to.join(file), rust).unwrap();
    }
}

fn locales(out: &Path) {
    let dir = Path::new("src/locales");
    println!("cargo::rerun-if-changed=src/locales");
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("src/locales")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut locales = Vec::new();
    let mut errors = Vec::new();
    for path in &files {
        let code = path.file_stem().unwrap().to_string_lossy().into_owned();
        let source = fs::read_to_string(path).expect("a UTF-8 locale file");
        match parse::parse(&code, &source) {
            Ok(l) => locales.push(l),
            Err(e) => errors.extend(e),
        }
    }
    // English is the reference the others are compared with (every developer reads it).
    locales.sort_by_key(|l| l.code != "en");
    errors.extend(parse::compare(&locales));
    if !errors.is_empty() {
        panic!("the locale files disagree:\n  {}", errors.join("\n  "));
    }
    fs::write(out.join("locales.rs"), generate(&locales)).unwrap();
}

fn generate(locales: &[Locale]) -> String {
    let reference = &locales[0];
    let mut texts = Vec::new();
    let mut messages = Vec::new();
    for (key, entry) in &reference.entries {
        let names = match entry {
            Entry::Text(t) => parse::placeholders(t).unwrap(),
            Entry::Plural(f) => f
                .values()
                .flat_map(|t| parse::placeholders(t).unwrap())
                .chain(["count".to_owned()])
                .collect(),
        };
        match entry {
            Entry::Text(_) if names.is_empty() => texts.push(key.as_str()),
            _ => messages.push((key.as_str(), names, matches!(entry, Entry::Plural(_)))),
        }
    }
    let lookup =
        |l: &Locale, key: &str| l.entries.iter().find(|(k, _)| k == key).unwrap().1.clone();
    let mut s =
        String::from("// Generated by src/build.rs from src/locales/*.txt. Do not edit.\n\n");

    let codes: Vec<String> = locales.iter().map(|l| format!("{:?}", l.code)).collect();
    writeln!(
        s,
        "/// The languages that have a locale file, in the order of the tables below."
    )
    .unwrap();
    writeln!(
        s,
        "pub(crate) const LOCALE_CODES: [&str; {}] = [{}];",
        locales.len(),
        codes.join(", ")
    )
    .unwrap();
    writeln!(
        s,
        "/// The plural forms each locale gives, as indexes into [one, few, many, other]."
    )
    .unwrap();
    let forms: Vec<String> = locales
        .iter()
        .map(|l| format!("&{:?}", l.plural_forms))
        .collect();
    writeln!(s, "#[cfg(test)]").unwrap();
    writeln!(
        s,
        "pub(crate) const LOCALE_PLURAL_FORMS: [&[usize]; {}] = [{}];\n",
        locales.len(),
        forms.join(", ")
    )
    .unwrap();

    writeln!(s, "/// A piece of interface text with no placeholders.").unwrap();
    writeln!(
        s,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Key {{"
    )
    .unwrap();
    for k in &texts {
        writeln!(s, "    {k},").unwrap();
    }
    writeln!(s, "}}\n").unwrap();
    let texts_by_locale = locales
        .iter()
        .map(|l| {
            texts
                .iter()
                .map(|k| match lookup(l, k) {
                    Entry::Text(t) => t,
                    Entry::Plural(_) => unreachable!("a text key"),
                })
                .collect()
        })
        .collect();
    packed(&mut s, "TEXTS", texts_by_locale);
    // Each message takes four slots, one per plural form; a message without plural uses "other".
    let messages_by_locale = locales
        .iter()
        .map(|l| {
            messages
                .iter()
                .flat_map(|(k, _, _)| match lookup(l, k) {
                    Entry::Text(t) => [String::new(), String::new(), String::new(), t],
                    Entry::Plural(forms) => {
                        std::array::from_fn(|i| forms.get(&i).cloned().unwrap_or_default())
                    }
                })
                .collect()
        })
        .collect();
    packed(&mut s, "MESSAGES", messages_by_locale);

    writeln!(
        s,
        "/// Messages with placeholders: one struct each, its fields the placeholders."
    )
    .unwrap();
    writeln!(
        s,
        "pub mod msg {{\n    use core::fmt::Display;\n    use crate::domain::lang::Lang;\n"
    )
    .unwrap();
    for (i, (k, names, plural)) in messages.iter().enumerate() {
        let fields: Vec<&String> = names
            .iter()
            .filter(|n| !(*plural && *n == "count"))
            .collect();
        let lifetime = if fields.is_empty() { "" } else { "<'a>" };
        writeln!(
            s,
            "    #[derive(Clone, Copy)]\n    pub struct {k}{lifetime} {{"
        )
        .unwrap();
        if *plural {
            writeln!(s, "        pub count: u64,").unwrap();
        }
        for n in &fields {
            writeln!(s, "        pub {n}: &'a dyn Display,").unwrap();
        }
        writeln!(s, "    }}\n").unwrap();
        let anon = if fields.is_empty() { "" } else { "<'_>" };
        writeln!(
            s,
            "    impl {k}{anon} {{\n        pub fn text(&self, lang: Lang) -> String {{"
        )
        .unwrap();
        let count = if *plural { "Some(self.count)" } else { "None" };
        let args: Vec<String> = names
            .iter()
            .map(|n| {
                if *plural && n == "count" {
                    format!("({n:?}, &self.count as &dyn Display)")
                } else {
                    format!("({n:?}, self.{n})")
                }
            })
            .collect();
        writeln!(
            s,
            "            super::fill(super::message(lang, {i}, {count}), &[{}])",
            args.join(", ")
        )
        .unwrap();
        writeln!(s, "        }}\n    }}\n").unwrap();
    }
    writeln!(s, "}}").unwrap();
    s
}

/// Writes a table of strings per locale as one string per locale and the end offset of each
/// entry: a quarter of the bytes of a `&str` per entry, which every phone downloads.
fn packed(s: &mut String, name: &str, by_locale: Vec<Vec<String>>) {
    let count = by_locale[0].len();
    writeln!(
        s,
        "pub(crate) static {name}: [(&str, [u32; {count}]); {}] = [",
        by_locale.len()
    )
    .unwrap();
    for strings in by_locale {
        let ends: Vec<String> = strings
            .iter()
            .scan(0, |end, t| {
                *end += t.len();
                Some(end.to_string())
            })
            .collect();
        writeln!(s, "    ({:?}, [{}]),", strings.concat(), ends.join(", ")).unwrap();
    }
    writeln!(s, "];\n").unwrap();
}
