//! The app-wide state, provided once as context.

use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::platform::{location, storage};
use crate::route::Route;

const LANG_KEY: &str = "expat-navigator.lang";

/// What every page can read: the language and the current route.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub route: ReadSignal<Route>,
}

impl AppState {
    /// Creates the state, restores the language, and follows the URL fragment.
    pub fn provide() -> AppState {
        let store = storage::open();
        let lang = RwSignal::new(initial_lang(store.get(LANG_KEY)));
        let (route, set_route) = signal(Route::parse(&location::hash()));
        location::on_hash_change(move || set_route.set(Route::parse(&location::hash())));

        Effect::new(move |_| {
            let lang = lang.get();
            let _ = store.set(LANG_KEY, lang.code());
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
        });

        let state = AppState { lang, route };
        provide_context(state);
        state
    }

    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }
}

/// The saved choice, else Kazakh for a browser that prefers it, else English.
fn initial_lang(saved: Option<String>) -> Lang {
    if let Some(lang) = saved.as_deref().and_then(Lang::from_code) {
        return lang;
    }
    let prefers_kazakh = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .any(|l| l.to_ascii_lowercase().starts_with("kk"));
    if prefers_kazakh { Lang::Kk } else { Lang::En }
}
