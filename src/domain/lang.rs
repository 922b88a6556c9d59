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
}
