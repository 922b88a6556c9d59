use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::route::Route;
use crate::ui::alert::AlertBanner;
use crate::ui::components::tr;
use crate::ui::drafts::Drafts;
use crate::ui::i18n::Key;
use crate::ui::saving::{SaveStatus, Saver};
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
                        <li><a href=move || state.href(Route::Roster)>{tr(Key::NavRoster)}</a></li>
                    </ul>
                </nav>
                <LanguageSwitch state/>
            </div>
        </header>
        <SaveStatusBanner state/>
        <AlertBanner/>
    }
}

/// Whether what the user types is being saved, on every page (below the header): storage
/// unavailable, full or refused, a change in another tab, saving working again. Static pages
/// have no drafts, so no banner.
#[component]
fn SaveStatusBanner(state: AppState) -> impl IntoView {
    let drafts = use_context::<Drafts>();
    let saver = use_context::<Saver>();
    move || {
        let (drafts, saver) = (drafts?, saver?);
        let l = state.lang.get();
        let (class, text) = match (
            saver.status.get(),
            drafts.library.notice.get(),
            saver.resumed.get(),
        ) {
            (SaveStatus::NotSaved, ..) => ("warning", Key::StatusNotSaved),
            (SaveStatus::Full, ..) => ("warning", Key::StatusFull),
            (SaveStatus::Refused, ..) => ("warning", Key::StatusRefused),
            (SaveStatus::Saved, Some(_), _) => ("warning", Key::StatusChangedElsewhere),
            (SaveStatus::Saved, None, true) => ("note", Key::StatusResumed),
            (SaveStatus::Saved, None, false) => return None,
        };
        let on_drafts = state.route.get() == Route::Drafts;
        Some(view! {
            <div class=format!("container save-status {class}") role="status">
                <p>
                    {text.text(l)}
                    {(!on_drafts).then(|| view! {
                        " " <a href=state.href(Route::Drafts)>{Key::StatusSeeDrafts.text(l)}</a>
                    })}
                    {(text == Key::StatusResumed).then(|| view! {
                        " " <button type="button" class="link" on:click=move |_| saver.resumed.set(false)>
                            {Key::Dismiss.text(l)}
                        </button>
                    })}
                </p>
            </div>
        })
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
