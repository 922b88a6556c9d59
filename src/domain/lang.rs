//! Languages and the catalogue's multilingual text.

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

/// The languages the app speaks. Kazakh is the guide's language and the default; English and
/// Russian are translations of it. Adding one: a variant here (its code and plural rule), a
/// locale file `src/locales/<code>.txt`, and its text in every catalogue entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Kk,
    En,
    Ru,
}

impl Lang {
    pub const COUNT: usize = 3;
    pub const ALL: [Lang; Lang::COUNT] = [Lang::Kk, Lang::En, Lang::Ru];

    /// The BCP 47 tag, for `<html lang>`, addresses and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language's own name, for the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Kk => "Қазақша",
            Lang::En => "English",
            Lang::Ru => "Русский",
        }
    }

    /// Whether the text in this language is the guide's own (the others are translations).
    pub fn is_source(self) -> bool {
        self == Lang::Kk
    }

    /// The plural form a count takes (CLDR's rules for integers): Russian "1 документ,
    /// 2 документа, 5 документов, 21 документ", English "1 day, 2 days"; Kazakh nouns after a
    /// numeral stay singular, so one form serves every count.
    pub fn plural(self, n: u64) -> Plural {
        match self {
            Lang::Kk => Plural::Other,
            Lang::En if n == 1 => Plural::One,
            Lang::En => Plural::Other,
            Lang::Ru => match (n % 10, n % 100) {
                (1, h) if h != 11 => Plural::One,
                (2..=4, h) if !(12..=14).contains(&h) => Plural::Few,
                _ => Plural::Many,
            },
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// The plural forms a language may distinguish, in the order the locale tables store them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Plural {
    One,
    Few,
    Many,
    Other,
}

/// A text of the embedded data in every language, written `{"kk": .., "en": .., "ru": ..}` in
/// the data files. The build script stops at a missing language or an unknown one
/// (`src/data/rust.rs`), so no translation can be left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text([&'static str; Lang::COUNT]);

impl Text {
    pub const fn new(by_lang: [&'static str; Lang::COUNT]) -> Text {
        Text(by_lang)
    }

    pub fn get(&self, lang: Lang) -> &str {
        self.0[lang as usize]
    }

    /// What is wrong with this text as data: an empty language, or Latin and Cyrillic
    /// look-alikes mixed in a word (PDF extraction leaves "Cервис" and a Cyrillic "А5"; visa
    /// codes must be Latin). `owner` names it in the messages.
    pub fn problems(&self, owner: &str) -> Vec<String> {
        let mut problems = Vec::new();
        if self.0.iter().any(|t| t.trim().is_empty()) {
            problems.push(format!("{owner}: empty text {self:?}"));
        }
        let russian = self.get(Lang::Ru);
        if russian.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c)) {
            problems.push(format!(
                "{owner}: a Kazakh letter in the Russian text {russian:?}"
            ));
        }
        for t in &self.0 {
            for word in t.split(|c: char| !c.is_alphanumeric()) {
                let latin = word.chars().any(|c| c.is_ascii_alphabetic());
                let cyrillic = word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
                let cyrillic_code = word.chars().count() == 2
                    && word.starts_with(['А', 'В', 'С'])
                    && word.chars().nth(1).is_some_and(|c| c.is_ascii_digit());
                if (latin && cyrillic) || cyrillic_code {
                    problems.push(format!(
                        "{owner}: Latin and Cyrillic look-alikes in {word:?}"
                    ));
                }
            }
        }
        problems
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Lang::COUNT))?;
        for lang in Lang::ALL {
            map.serialize_entry(lang.code(), self.get(lang))?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(kk: &'static str, en: &'static str) -> Text {
        Text::new([kk, en, en])
    }

    #[test]
    fn russian_plural_forms() {
        let form = |n| Lang::Ru.plural(n);
        assert_eq!(form(1), Plural::One, "1 документ");
        assert_eq!(form(2), Plural::Few, "2 документа");
        assert_eq!(form(5), Plural::Many, "5 документов");
        assert_eq!(form(11), Plural::Many, "11 документов");
        assert_eq!(form(21), Plural::One, "21 документ");
        assert_eq!(form(12), Plural::Many);
        assert_eq!(form(22), Plural::Few);
        assert_eq!(form(111), Plural::Many);
        assert_eq!(form(0), Plural::Many);
        for n in [1, 2, 5, 11, 21] {
            assert_eq!(Lang::Kk.plural(n), Plural::Other);
            assert_eq!(
                Lang::En.plural(n),
                if n == 1 { Plural::One } else { Plural::Other }
            );
        }
    }

    #[test]
    fn a_text_is_written_with_its_languages() {
        let t = Text::new(["а", "b", "в"]);
        assert_eq!(t.get(Lang::Ru), "в");
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"kk":"а","en":"b","ru":"в"}"#
        );
    }

    #[test]
    fn look_alikes_and_empty_texts_are_problems() {
        assert!(text("Сервис алымы", "Service fee").problems("x").is_empty());
        assert!(text("«A5» визасы", "A5 visa").problems("x").is_empty());
        assert_eq!(
            text("Cервис", "Service").problems("x").len(),
            1,
            "Latin C in a Kazakh word"
        );
        assert_eq!(
            text("«А5» визасы", "A5 visa").problems("x").len(),
            1,
            "Cyrillic А in a visa code"
        );
        assert_eq!(text(" ", "Service").problems("x").len(), 1);
    }
}
