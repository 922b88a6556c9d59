//! The wizard's words: question titles, hints, option labels and reasons, in Kazakh and English.
//!
//! They are data (`src/data/questions.json`), compiled in by the build script. The routing owns
//! the ids; the tests in `flow/tests.rs` prove every id has its text and every text has its id.

use serde::Serialize;

use super::{QuestionId, Reason};
use crate::domain::lang::{Lang, Text};

#[derive(Debug, Serialize)]
pub(crate) struct Texts {
    pub(super) questions: &'static [QuestionText],
    pub(super) reasons: &'static [ReasonText],
}

/// One question's words. A family member's title holds `{n}`, the member's number.
#[derive(Debug, Serialize)]
pub struct QuestionText {
    /// [`QuestionId::text_id`].
    pub id: &'static str,
    pub title: Text,
    pub hint: Option<Text>,
    /// In the routing's order; empty for counts and dates.
    pub options: &'static [OptionText],
}

#[derive(Debug, Serialize)]
pub struct OptionText {
    /// The option's value code.
    pub id: &'static str,
    pub label: Text,
    pub hint: Option<Text>,
}

#[derive(Debug, Serialize)]
pub(super) struct ReasonText {
    pub(super) id: &'static str,
    pub(super) text: Text,
}

// The words as the build script wrote them from `src/data/questions.json`: `static TEXTS`.
include!(concat!(env!("OUT_DIR"), "/data/questions.rs"));

pub(super) fn texts() -> &'static Texts {
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
