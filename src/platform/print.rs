//! The browser's print dialog, and the second language chosen for printing.

use super::storage::best_effort;
use crate::domain::lang::Lang;

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The second language chosen for printing, kept on the device like the language choice: a
/// preference, not part of any application.
const SECOND_LANGUAGE_KEY: &str = "expat-navigator.print-second-language";

/// The second language chosen last for printing, if any.
pub fn second_language() -> Option<Lang> {
    Lang::from_code(&best_effort::get(SECOND_LANGUAGE_KEY)?)
}

/// Remembers the choice (best effort: without storage it lasts as long as the page).
pub fn remember_second_language(lang: Option<Lang>) {
    best_effort::set(SECOND_LANGUAGE_KEY, lang.map(Lang::code));
}
