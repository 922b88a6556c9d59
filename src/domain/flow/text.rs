//! The wizard's words: question titles, hints, option labels and reasons, in Kazakh and English.
//!
//! They are data (`src/data/questions.json`), parsed once. The routing owns the ids; the tests
//! in `flow/tests.rs` prove every id has its text and every text has its id.

use std::sync::LazyLock;

use serde::Deserialize;

use super::{QuestionId, Reason};
use crate::domain::lang::{Lang, Text};

const QUESTIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data/questions.json"));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Texts {
    pub(super) questions: Vec<QuestionText>,
    pub(super) reasons: Vec<ReasonText>,
}

/// One question's words. A family member's title holds `{n}`, the member's number.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionText {
    /// [`QuestionId::text_id`].
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub hint: Option<Text>,
    /// In the routing's order; empty for counts and dates.
    #[serde(default)]
    pub options: Vec<OptionText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionText {
    /// The option's value code.
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub hint: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ReasonText {
    pub(super) id: String,
    pub(super) text: Text,
}

pub(super) fn texts() -> &'static Texts {
    static TEXTS: LazyLock<Texts> = LazyLock::new(|| {
        serde_json::from_str(QUESTIONS_JSON).expect("questions.json is checked by tests")
    });
    &TEXTS
}

/// The words of a question (every family member shares one entry).
pub fn question_text(q: QuestionId) -> Option<&'static QuestionText> {
    texts().questions.iter().find(|t| t.id == q.text_id())
}

/// The title in `lang`, with a family member's number filled in; the id if the text is missing.
pub fn title(q: QuestionId, lang: Lang) -> String {
    let Some(text) = question_text(q) else {
        return q.to_string();
    };
    let title = text.title.get(lang);
    match q {
        QuestionId::Member(n) => title.replace("{n}", &n.to_string()),
        _ => title.to_owned(),
    }
}

/// The words of one option of a choice question.
pub fn option_label(q: QuestionId, option: &str) -> Option<&'static OptionText> {
    question_text(q)?.options.iter().find(|o| o.id == option)
}

pub fn reason_text(reason: Reason) -> Option<&'static Text> {
    texts()
        .reasons
        .iter()
        .find(|r| r.id == reason.code())
        .map(|r| &r.text)
}
