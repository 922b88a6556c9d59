use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::route::Route;
use crate::ui::components::tr;
use crate::ui::i18n::Key;
use crate::ui::state::AppState;

#[component]
pub fn Header() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <a class="skip-link" href="#main">{tr(Key::SkipToContent)}</a>
        <header class="site-header">
            <div class="container header-row">
                <a class="brand" href=move || state.href(Route::Home)>{tr(Key::AppName)}</a>
                <nav aria-label=tr(Key::MainNav)>
                    <ul class="nav">
                        <li><a href=move || state.href(Route::Catalogue)>{tr(Key::NavServices)}</a></li>
                        <li><a href=move || state.href(Route::Drafts)>{tr(Key::NavDrafts)}</a></li>
                    </ul>
                </nav>
                <LanguageSwitch state/>
            </div>
        </header>
    }
}

/// A link to this page in each language, named in its own language, the current one marked.
/// Following one remembers the choice (the inline script of every page, see
/// `src/bin/prerender.rs`), for the addresses that pick a language: the site root and share links.
#[component]
fn LanguageSwitch(state: AppState) -> impl IntoView {
    let link = move |lang: Lang| {
        view! {
            <a
                lang=lang.code()
                hreflang=lang.code()
                href=move || state.href_in(lang, state.route.get())
                aria-current=move || (state.lang.get() == lang).then_some("true")
            >
                {lang.endonym()}
            </a>
        }
    };
    view! {
        <nav class="lang-switch" aria-label=tr(Key::LanguageSwitch)>
            {Lang::ALL.map(link)}
        </nav>
    }
}
