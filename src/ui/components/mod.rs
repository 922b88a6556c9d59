//! Pieces shared by pages.

pub mod date_input;
pub mod dates;
pub mod fees;
mod footer;
mod header;
pub mod labels;
pub mod library;
pub mod print_header;

pub use footer::Footer;
pub use header::Header;

use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::ui::i18n::Key;
use crate::ui::state::AppState;

/// Interface text in the current language, reactive.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = AppState::expect().lang;
    move || key.text(lang.get())
}

/// "Source: the Expat Centre's guide, lines 58–272", and in a translation, that it is one.
pub fn source_line(service: &crate::domain::catalogue::Service, l: Lang) -> String {
    let mut line = crate::ui::i18n::msg::SourceLines {
        from: &service.source.from,
        to: &service.source.to,
    }
    .text(l);
    if !l.is_source() {
        line.push(' ');
        line.push_str(Key::TranslatedFromKazakh.text(l));
    }
    line
}
