use leptos::prelude::*;

use crate::route::Route;
use crate::ui::components::tr;
use crate::ui::i18n::Key;
use crate::ui::state::AppState;

/// The static page of a route whose content comes from the visitor's answers or device: its own
/// title and what is loading, until the app has read them. Without JavaScript it says so instead
/// (every page's inline script marks `<html class="js">`).
#[component]
pub fn Shell(route: Route) -> impl IntoView {
    let lang = AppState::expect().lang.get_untracked();
    let loading = match route {
        Route::Question(_) | Route::CheckAnswers => Key::LoadingAnswers,
        Route::Outcome => Key::LoadingResult,
        Route::Share(_) => Key::LoadingShare,
        Route::Roster => Key::LoadingRoster,
        _ => Key::LoadingDrafts,
    };
    view! {
        <h1>{super::heading(&route, lang)}</h1>
        <p class="loading js-only" role="status">{tr(loading)}</p>
        <p class="warning no-js-only">{tr(Key::NeedsJavaScript)}</p>
    }
}
