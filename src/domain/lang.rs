//! Languages and bilingual text.

use serde::{Deserialize, Serialize};

/// The languages the app speaks. Kazakh is the guide's language and the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Kk,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Kk, Lang::En];

    /// The BCP 47 tag, for `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "kk" => Some(Lang::Kk),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in both languages. Both fields are required, so a missing translation fails to parse.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub kk: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::En => &self.en,
        }
    }

    /// What is wrong with this text as data: an empty language, or Latin and Cyrillic
    /// look-alikes mixed in a word (PDF extraction leaves "Cервис" and a Cyrillic "А5"; visa
    /// codes must be Latin). `owner` names it in the messages.
    pub fn problems(&self, owner: &str) -> Vec<String> {
        let mut problems = Vec::new();
        if self.kk.trim().is_empty() || self.en.trim().is_empty() {
            problems.push(format!("{owner}: empty text {self:?}"));
        }
        for t in [&self.kk, &self.en] {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(kk: &str, en: &str) -> Text {
        Text {
            kk: kk.into(),
            en: en.into(),
        }
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
