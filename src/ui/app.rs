use leptos::prelude::*;

use crate::route::Route;
use crate::ui::Desk;
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

/// The shell: header, the page for the current route, footer. The same component renders the
/// static pages at build time (with everything built) and the live app.
#[component]
pub fn App(built: ReadSignal<Built>) -> impl IntoView {
    let state = AppState::expect();
    let desk = use_context::<Desk>();
    let page = move || {
        let route = state.route.get();
        if state.is_static() && route.depends_on_answers() {
            return view! { <pages::Shell route/> }.into_any();
        }
        match route {
            Route::Home => pages::Home().into_any(),
            Route::Catalogue => pages::Catalogue().into_any(),
            Route::Service(id) => view! { <pages::Service id/> }.into_any(),
            Route::Question(id) => view! { <pages::Question id/> }.into_any(),
            Route::CheckAnswers => pages::CheckAnswers().into_any(),
            Route::Outcome => pages::Outcome().into_any(),
            Route::Share(query) => view! { <pages::Share query/> }.into_any(),
            Route::About => pages::About().into_any(),
            // Only the desk's build has these pages; the wizard's loads the page's own HTML
            // (`ui::live`), showing what is loading meanwhile.
            Route::Drafts | Route::Roster => match desk {
                Some(desk) => desk.page(&route),
                None => view! { <pages::Shell route/> }.into_any(),
            },
            Route::NotFound(asked) => view! { <pages::NotFound asked/> }.into_any(),
        }
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
