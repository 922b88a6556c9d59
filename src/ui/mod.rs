//! The Leptos interface: components read state, call the domain and render. No logic lives here
//! that the domain could hold. The same components run live in the browser and render the
//! static pages at build time (`prerender`).

// The static render (feature ssr alone) compiles the live app's code without running it.
#![cfg_attr(not(feature = "csr"), allow(dead_code))]

pub(crate) mod alert;
mod app;
pub(crate) mod application;
mod components;
pub(crate) mod drafts;
pub(crate) mod format;
pub(crate) mod i18n;
pub(crate) mod library;
mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
pub(crate) mod rosters;
pub(crate) mod saving;
mod state;

pub use app::{App, Built};

#[cfg(feature = "csr")]
pub use live::start;

use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::route::Route;

/// The HR desk: the Drafts and Roster pages and the rosters' state. The app is built twice:
/// the wizard's build (`src/main.rs`) leaves the desk out, so the pages a foreign employee opens
/// never download its code; the desk's build (`src/bin/desk.rs`) is the whole app, loaded by
/// the desk's pages. A link between the two loads the other's page.
#[derive(Clone, Copy)]
pub struct Desk {
    provide: fn(Signal<Lang>),
    page: fn(&Route) -> AnyView,
}

/// The desk, for the desk's build of the app: only that build names it, so only that build
/// holds its code.
pub const DESK: Desk = Desk {
    provide: |lang| {
        rosters::Rosters::provide(lang);
    },
    page: |route| match route {
        Route::Roster => pages::RosterPage().into_any(),
        _ => pages::DraftsPage().into_any(),
    },
};

impl Desk {
    fn page(&self, route: &Route) -> AnyView {
        (self.page)(route)
    }
}

#[cfg(feature = "csr")]
mod live {
    use leptos::prelude::*;

    use super::Desk;
    use super::app::{App, Built};
    use super::drafts::Drafts;
    use super::pages;
    use super::saving::Saver;
    use super::state::{AppState, Mode};
    use crate::domain::lang::Lang;
    use crate::platform::location;
    use crate::route::{self, Address, Route};

    /// Mounts the app on the page, with a crash screen instead of a blank page if it ever panics:
    /// the wizard's build without the desk, the desk's build with it.
    pub fn start(desk: Option<Desk>) {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            show_crash_screen();
        }));
        // After the static page's first frame, and not in the task that instantiated the wasm
        // (that one is long enough already). On a fast connection the wasm can arrive before
        // that frame; the page a visitor first sees is then still the static one, and paint
        // metrics (Lighthouse's largest paint) measure it, not the app's identical copy.
        request_animation_frame(move || {
            set_timeout(move || mount_in_parts(desk), std::time::Duration::ZERO);
        });
    }

    /// The first render is split over short tasks, a part of the page each, built out of sight
    /// and then shown at once: one long task would freeze a slow phone for a quarter of a
    /// second (half of it compiling code on its first call). Meanwhile the page's static HTML
    /// (written at build time from the same components) stays on screen.
    fn mount_in_parts(desk: Option<Desk>) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(root) = document.create_element("div") else {
            return;
        };
        let app = root.clone();
        leptos::mount::mount_to(wasm_bindgen::JsCast::unchecked_into(root), move || {
            live_state(desk);
            let built = RwSignal::new(Built::State);
            build_rest(built, move || show(&document, &app));
            view! { <App built=built.read_only()/> }
        })
        .forget();
    }

    /// The state of the page in the address bar, with the drafts of this device; links to
    /// other pages of this build of the app are followed in place, and Back and Forward too.
    fn live_state(desk: Option<Desk>) -> AppState {
        // The address in its one form (`index.html`, `//`, `%69` gone), where the page's
        // inline script has not already written it.
        let path = location::pathname();
        let canonical = route::normalize(&path);
        if canonical != path {
            location::replace(&format!("{canonical}{}", location::search()));
        }
        let root = location::site_root();
        location::remember_site_root(&root);
        let address = here(&root);
        let state = AppState::provide(Mode::Live, root, address);
        super::alert::Alert::provide();
        Saver::provide();
        Drafts::provide(state.app, state.lang);
        match desk {
            Some(desk) => {
                provide_context(desk);
                (desk.provide)(state.lang);
            }
            None => load_desk_pages(state),
        }
        location::pin_head_links();
        location::on_link_click(move |path, query| {
            let Some(address) = route::locate(&state.root(), path, query) else {
                return false;
            };
            // The browser loads a page this build has not (a desk page in the wizard's build).
            if matches!(address.route, Route::NotFound(_))
                || (desk.is_none() && address.route.is_desk())
            {
                return false;
            }
            // Refused in place: the browser follows the link as a normal one.
            if !location::push(&format!("{path}{query}")) {
                return false;
            }
            state.show(address);
            true
        });
        location::on_history_change(move || {
            state.show(here(&state.root()));
        });
        Effect::new(move |_| {
            let lang = state.lang.get();
            let title = pages::title(&state.route.get(), lang);
            let document = document();
            document.set_title(&title);
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
        });
        focus_heading_on_navigation(state);
        state
    }

    /// In the wizard's build, Back or Forward to a desk page loads that page, whose HTML loads
    /// the desk's build. The page the app started on is never reloaded: offline, the service
    /// worker may answer a desk page's address with a wizard page in its place, which would
    /// otherwise reload forever.
    fn load_desk_pages(state: AppState) {
        Effect::new(move |started: Option<()>| {
            let desk_page = state.route.get().is_desk();
            if started.is_some() && desk_page {
                location::reload();
            }
        });
    }

    /// The page in the address bar; a path outside the site root (which the host served this
    /// page for) is a page not found.
    fn here(root: &str) -> Address {
        let path = location::pathname();
        route::locate(root, &path, &location::search())
            .unwrap_or_else(|| Address::new(Lang::En, Route::NotFound(path)))
    }

    /// After each navigation (not the first load), move focus to the new page's heading, as
    /// GOV.UK pages do, so screen-reader and keyboard users start at the top of the new content.
    fn focus_heading_on_navigation(state: AppState) {
        Effect::new(move |previous: Option<Route>| {
            let route = state.route.get();
            if previous.is_some_and(|p| p != route) {
                request_animation_frame(|| {
                    if let Ok(Some(h1)) = document().query_selector("#main h1") {
                        let h1: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(h1);
                        let _ = h1.set_attribute("tabindex", "-1");
                        let _ = h1.focus();
                    }
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                });
            }
            route
        });
    }

    /// Builds the next part in a task of its own; after the last one, `then`.
    fn build_rest(built: RwSignal<Built>, then: impl FnOnce() + 'static) {
        let step = move || match built.get_untracked().next() {
            Some(part) => {
                built.set(part);
                build_rest(built, then);
            }
            None => then(),
        };
        set_timeout(step, std::time::Duration::ZERO);
    }

    /// Puts the built app on the page in place of the static HTML, in one task: no frame shows
    /// both, and where the two are the same nothing moves. `data-app="ready"` tells scripts and
    /// tests that the page is live.
    fn show(document: &web_sys::Document, app: &web_sys::Element) {
        // In the static page's place, ahead of the hidden crash screen: the skip link stays the
        // page's first link.
        match document.get_element_by_id("boot") {
            Some(boot) => {
                let _ = boot.replace_with_with_node_1(app);
            }
            None => {
                if let Some(body) = document.body() {
                    let _ = body.prepend_with_node_1(app);
                }
            }
        }
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("data-app", "ready");
        }
    }

    /// Reveals the static crash message (it needs no wasm to work) and hides the app.
    fn show_crash_screen() {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(boot) = document.get_element_by_id("boot") {
            boot.remove();
        }
        if let Some(crash) = document.get_element_by_id("crash") {
            let _ = crash.remove_attribute("hidden");
        }
        if let Some(app) = document.get_element_by_id("app") {
            let _ = app.set_attribute("hidden", "");
        }
    }
}
