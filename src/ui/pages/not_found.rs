use leptos::prelude::*;

use crate::route::Route;
use crate::ui::components::tr;
use crate::ui::i18n::Key;
use crate::ui::state::AppState;

#[component]
pub fn NotFound(asked: String) -> impl IntoView {
    let state = AppState::expect();
    view! {
        <h1>{tr(Key::NotFoundTitle)}</h1>
        <p>{tr(Key::NotFoundBody)}</p>
        {(!asked.is_empty()).then(|| view! { <p>{tr(Key::NotFoundAsked)} " " <code>{asked}</code></p> })}
        <p><a href=move || state.href(Route::Home)>{tr(Key::BackHome)}</a></p>
    }
}
