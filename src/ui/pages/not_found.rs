use leptos::prelude::*;

use crate::route::Route;
use crate::ui::components::tr;
use crate::ui::i18n::Key;

#[component]
pub fn NotFound(asked: String) -> impl IntoView {
    view! {
        <h1>{tr(Key::NotFoundTitle)}</h1>
        <p>{tr(Key::NotFoundBody)}</p>
        <p>{tr(Key::NotFoundAsked)} " " <code>{asked}</code></p>
        <p><a href=Route::Home.href()>{tr(Key::BackHome)}</a></p>
    }
}
