//! The interface's own words (buttons, headings, messages, explanations) in every language.
//!
//! They live in one home, the locale files `src/locales/<code>.txt`; the build script turns them
//! into `Key` (texts) and `msg` (messages with named placeholders and plural forms), so a key or a
//! placeholder that is missing in any language fails the build. Service content (titles,
//! documents, steps, notes) lives in the catalogue instead.

use core::fmt::{Display, Write as _};

use crate::domain::lang::Lang;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// Where a language's tables are.
fn locale_index(lang: Lang) -> usize {
    LOCALE_CODES
        .iter()
        .position(|c| *c == lang.code())
        .expect("every language has a locale file (tested)")
}

impl Key {
    pub fn text(self, lang: Lang) -> &'static str {
        entry(&TEXTS[locale_index(lang)], self as usize)
    }
}

/// The template of message `index`: its form for `count` when it has plural forms.
fn message(lang: Lang, index: usize, count: Option<u64>) -> &'static str {
    let form = count.map_or(3, |n| lang.plural(n) as usize);
    entry(&MESSAGES[locale_index(lang)], index * 4 + form)
}

/// Entry `i` of a packed table: the text between the previous entry's end and its own.
fn entry<const N: usize>((texts, ends): &(&'static str, [u32; N]), i: usize) -> &'static str {
    let start = i.checked_sub(1).map_or(0, |p| ends[p] as usize);
    texts.get(start..ends[i] as usize).unwrap_or_default()
}

/// Puts each `{name}`'s value in place. The build script has checked every template's braces
/// and names, and the generated structs pass exactly those names.
fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').unwrap_or(rest.len() - open - 1);
        let name = &rest[open + 1..close];
        if let Some((_, value)) = args.iter().find(|(n, _)| *n == name) {
            let _ = write!(out, "{value}");
        }
        rest = &rest[(close + 1).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[path = "../locales/parse.rs"]
mod parse;

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::domain::lang::Plural;

    #[test]
    fn every_language_has_a_locale_and_every_locale_a_language() {
        let langs: BTreeSet<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        let locales: BTreeSet<&str> = LOCALE_CODES.into_iter().collect();
        assert_eq!(langs, locales);
    }

    #[test]
    fn each_locale_gives_exactly_the_plural_forms_its_language_uses() {
        for lang in Lang::ALL {
            let used: BTreeSet<usize> = (0..1000).map(|n| lang.plural(n) as usize).collect();
            let given: BTreeSet<usize> = LOCALE_PLURAL_FORMS[locale_index(lang)]
                .iter()
                .copied()
                .collect();
            assert_eq!(used, given, "{lang:?}");
        }
        assert_eq!(Plural::Other as usize, 3);
    }

    #[test]
    fn placeholders_are_filled_by_name_in_any_order() {
        let date = "04.12.2026";
        assert_eq!(
            fill("{a} and {b}, {a}", &[("b", &2), ("a", &date)]),
            "04.12.2026 and 2, 04.12.2026"
        );
        assert_eq!(fill("no placeholders", &[]), "no placeholders");
    }

    #[test]
    fn the_checker_rejects_what_the_build_must_not_accept() {
        let en =
            "@plural = one other\nA = x {date}\nB[one] = {count} day\nB[other] = {count} days\n";
        let ok = |code: &str, s: &str| parse::parse(code, s).unwrap();
        let base = ok("en", en);
        // The same file is fine.
        assert!(parse::compare(&[ok("en", en), ok("xx", en)]).is_empty());
        // A missing key, a different placeholder, an extra key.
        let broken = ok(
            "xx",
            "@plural = one other\nA = x {day}\nB[one] = d {x}\nB[other] = d {x}\nC = y\n",
        );
        let errors = parse::compare(&[base, broken]);
        assert!(
            errors.iter().any(|e| e.contains("A: placeholders")),
            "{errors:?}"
        );
        assert!(errors.iter().any(|e| e.contains("has C")), "{errors:?}");
        assert!(
            errors.iter().any(|e| e.contains("B: placeholders")),
            "{errors:?}"
        );
        // A form may leave out the number ("a day"), nothing else.
        let without_count =
            "@plural = one other\nA = x {date}\nB[one] = a day\nB[other] = {count} days\n";
        assert!(parse::compare(&[ok("en", en), ok("xx", without_count)]).is_empty());
        let unequal = "@plural = one other\nB[one] = a day\nB[other] = {count} days {x}\n";
        let errors = parse::compare(&[ok("xx", unequal)]);
        assert!(
            errors.iter().any(|e| e.contains("different placeholders")),
            "{errors:?}"
        );
        let missing = parse::compare(&[ok("en", en), ok("xx", "@plural = other\nA = {date}\n")]);
        assert!(
            missing.iter().any(|e| e.contains("xx.txt lacks B")),
            "{missing:?}"
        );
        // Forms the language does not have, or lacks; bad braces; no @plural line; twice.
        let bad = |s: &str| parse::parse("xx", s).unwrap_err().join("\n");
        assert!(
            bad("@plural = one few many\nB[one] = a\nB[many] = b\n")
                .contains("needs [one few many]")
        );
        assert!(bad("@plural = other\nA = {date\n").contains("never closed"));
        assert!(bad("@plural = other\nA = date}\n").contains("no '{'"));
        assert!(bad("@plural = other\nA = {Date}\n").contains("lowercase"));
        assert!(bad("A = x\n").contains("@plural"));
        assert!(bad("@plural = other\nA = x\nA = y\n").contains("twice"));
        assert!(bad("@plural = other\nreadyBy = x\n").contains("PascalCase"));
    }

    #[test]
    fn the_shipped_locale_files_pass_the_checker() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/locales");
        let mut locales = Vec::new();
        for code in LOCALE_CODES {
            let source = std::fs::read_to_string(format!("{dir}/{code}.txt")).unwrap();
            locales.push(parse::parse(code, &source).unwrap());
        }
        assert_eq!(parse::compare(&locales), Vec::<String>::new());
    }
}
