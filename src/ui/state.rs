//! The app-wide state, provided once as context.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::flow::Answers;
use crate::domain::lang::Lang;
use crate::platform::{location, storage};
use crate::route::Route;
use crate::ui::drafts::Drafts;

const LANG_KEY: &str = "expat-navigator.lang";

/// What every page can read: the language, the current route, and the open draft's answers and
/// ticked checklist items.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub route: ReadSignal<Route>,
    set_route: WriteSignal<Route>,
    pub answers: RwSignal<Answers>,
    /// Checklist item keys the user has ticked off.
    pub ticked: RwSignal<BTreeSet<String>>,
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

        let state = AppState {
            lang,
            route,
            set_route,
            answers: RwSignal::new(Answers::new()),
            ticked: RwSignal::new(BTreeSet::new()),
        };
        Drafts::provide(state.answers, state.ticked, lang);
        provide_context(state);
        state
    }

    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// Goes to a page, adding a history entry (Back returns here).
    pub fn go(&self, route: &Route) {
        location::go(&route.href());
    }

    /// Shows another page in place of this one, without a history entry: for pages that are not
    /// reachable yet (a question ahead of the answers) or links that only load data.
    pub fn redirect(&self, route: Route) {
        location::replace(&route.href());
        self.set_route.set(route);
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
