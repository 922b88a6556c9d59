//! The app-wide state, provided once as context.

use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::platform::location;
use crate::route::{Address, Route};
use crate::ui::application::ApplicationStore;

/// Where the state comes from: the live app in the browser, or the static render of one page
/// at build time (no storage, no clock, no answers: the page as every visitor first sees it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Live,
    Static,
}

/// What every page can read: the address (language and route), and the open draft's
/// application.
#[derive(Clone, Copy)]
pub struct AppState {
    pub mode: Mode,
    address: RwSignal<Address>,
    pub lang: Signal<Lang>,
    pub route: Memo<Route>,
    /// How links reach the site root: the root's path in the browser (`/expat/`), so links
    /// survive navigation; `../../` in a static page, so it works under any sub-path.
    root: StoredValue<String>,
    /// The open draft's application: answers, details, ticks, what is being typed.
    pub app: ApplicationStore,
}

impl AppState {
    /// Provides the state for the page at `address`, with links made from `root`.
    pub fn provide(mode: Mode, root: String, address: Address) -> AppState {
        let address = RwSignal::new(address);
        let state = AppState {
            mode,
            address,
            // Memos: a page that follows the language is not redrawn by every navigation.
            lang: Memo::new(move |_| address.with(|a| a.lang)).into(),
            route: Memo::new(move |_| address.with(|a| a.route.clone())),
            root: StoredValue::new(root),
            app: ApplicationStore::new(),
        };
        provide_context(state);
        state
    }

    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    pub fn is_static(&self) -> bool {
        self.mode == Mode::Static
    }

    /// A link to a page in the current language (reactive: it follows the language).
    pub fn href(&self, route: Route) -> String {
        self.href_in(self.lang.get(), route)
    }

    /// A link to a page in a given language.
    pub fn href_in(&self, lang: Lang, route: Route) -> String {
        format!(
            "{}{}",
            self.root.read_value(),
            Address::new(lang, route).path()
        )
    }

    /// Shows the page at `address` (after the URL has changed to it).
    pub fn show(&self, address: Address) {
        if self.address.with_untracked(|a| *a != address) {
            self.address.set(address);
        }
    }

    /// A share link in no language (whoever opens it reads it in theirs), for a query as
    /// `share::encode` writes it: `?need=work&...`, or empty.
    pub fn share_url(&self, query: &str) -> String {
        format!("{}{}share/{query}", location::origin(), self.root())
    }

    /// Goes to a page in the current language, adding a history entry (Back returns here).
    pub fn go(&self, route: &Route) {
        let address = Address::new(self.lang.get_untracked(), route.clone());
        let url = self.href_in(address.lang, address.route.clone());
        if location::push(&url) {
            self.show(address);
        } else {
            // The address cannot change in place: the page is loaded instead, never shown
            // under another page's address. What is being typed is saved as the page goes.
            location::load(&url);
        }
    }

    /// Shows another page in place of this one, without a history entry: for pages that are not
    /// reachable yet (a question ahead of the answers) or links that only load data.
    pub fn redirect(&self, route: Route) {
        let address = Address::new(self.lang.get_untracked(), route);
        location::replace(&self.href_in(address.lang, address.route.clone()));
        self.show(address);
    }

    /// The site root's path, as links in the browser begin (`/expat/`).
    pub fn root(&self) -> String {
        self.root.get_value()
    }
}
