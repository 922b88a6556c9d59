//! Pieces shared by pages.

pub mod date_input;
pub mod dates_block;
pub mod fees_block;
mod footer;
mod header;
pub mod labels;
pub mod print_header;

pub use footer::Footer;
pub use header::Header;

use leptos::prelude::*;

use crate::ui::i18n::Key;
use crate::ui::state::AppState;

/// Interface text in the current language, reactive.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = AppState::expect().lang;
    move || key.text(lang.get())
}
