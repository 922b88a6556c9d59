use leptos::prelude::*;

use crate::route::Route;
use crate::ui::components::{Footer, Header};
use crate::ui::pages;
use crate::ui::state::AppState;

/// How much of the app the first render has built so far, in order (see `ui::mount_in_parts`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Built {
    State,
    Header,
    Page,
    Footer,
}

impl Built {
    pub fn next(self) -> Option<Built> {
        match self {
            Built::State => Some(Built::Header),
            Built::Header => Some(Built::Page),
            Built::Page => Some(Built::Footer),
            Built::Footer => None,
        }
    }
}

/// The shell: header, the page for the current route, footer.
#[component]
pub fn App(built: ReadSignal<Built>) -> impl IntoView {
    let state = AppState::provide();
    focus_heading_on_navigation(state);

    let page = move || match state.route.get() {
        Route::Home => pages::Home().into_any(),
        Route::Catalogue => pages::Catalogue().into_any(),
        Route::Service(id) => view! { <pages::Service id/> }.into_any(),
        Route::Question(id) => view! { <pages::Question id/> }.into_any(),
        Route::CheckAnswers => pages::CheckAnswers().into_any(),
        Route::Outcome => pages::Outcome().into_any(),
        Route::Share(query) => view! { <pages::Share query/> }.into_any(),
        Route::About => pages::About().into_any(),
        Route::Drafts => pages::DraftsPage().into_any(),
        Route::NotFound(asked) => view! { <pages::NotFound asked/> }.into_any(),
    };

    view! {
        <div id="app">
            {move || (built.get() >= Built::Header).then(Header)}
            <main id="main" class="container" tabindex="-1">
                {move || (built.get() >= Built::Page).then(page)}
            </main>
            {move || (built.get() >= Built::Footer).then(Footer)}
        </div>
    }
}

/// After each navigation (not the first load), move focus to the new page's heading, as GOV.UK
/// pages do, so screen-reader and keyboard users start at the top of the new content.
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
