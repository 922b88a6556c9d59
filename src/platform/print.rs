//! The browser's print dialog.

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The second language chosen for printing, kept on the device like the language choice: a
/// preference, not part of any application.
const SECOND_LANGUAGE_KEY: &str = "expat-navigator.print-second-language";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The second language chosen last for printing, if any.
pub fn second_language() -> Option<crate::domain::lang::Lang> {
    let code = local_storage()?.get_item(SECOND_LANGUAGE_KEY).ok()??;
    crate::domain::lang::Lang::from_code(&code)
}

/// Remembers the choice (best effort: without storage it lasts as long as the page).
pub fn remember_second_language(lang: Option<crate::domain::lang::Lang>) {
    let Some(storage) = local_storage() else {
        return;
    };
    let _ = match lang {
        Some(lang) => storage.set_item(SECOND_LANGUAGE_KEY, lang.code()),
        None => storage.remove_item(SECOND_LANGUAGE_KEY),
    };
}
