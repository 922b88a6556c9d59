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
        <a class="skip-link" href="#main" on:click=|ev| {
            // The fragment holds the route, so move focus instead of following the link.
            ev.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(main).focus();
            }
        }>{tr(Key::SkipToContent)}</a>
        <header class="site-header">
            <div class="container header-row">
                <a class="brand" href=Route::Home.href()>{tr(Key::AppName)}</a>
                <nav aria-label=tr(Key::MainNav)>
                    <ul class="nav">
                        <li><a href=Route::Catalogue.href()>{tr(Key::NavServices)}</a></li>
                        <li><a href=Route::Drafts.href()>{tr(Key::NavDrafts)}</a></li>
                    </ul>
                </nav>
                <LanguageSwitch state/>
            </div>
        </header>
    }
}

/// Two buttons, each named in its own language, the current one pressed.
#[component]
fn LanguageSwitch(state: AppState) -> impl IntoView {
    let button = move |lang: Lang, label: &'static str| {
        view! {
            <button
                type="button"
                lang=lang.code()
                aria-pressed=move || (state.lang.get() == lang).to_string()
                on:click=move |_| state.lang.set(lang)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=tr(Key::LanguageSwitch)>
            {button(Lang::Kk, "Қазақша")}
            {button(Lang::En, "English")}
        </div>
    }
}
