use leptos::prelude::*;

use crate::route::Route;
use crate::ui::components::tr;
use crate::ui::i18n::Key;

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <h1>{tr(Key::HomeTitle)}</h1>
        <p class="lead">{tr(Key::HomeLead)}</p>
        <p>{tr(Key::HomeWhoFor)}</p>
        <p><a class="button button-start" href=Route::Question("need".into()).href()>{tr(Key::HomeStart)}</a></p>
        <p><a href=Route::Catalogue.href()>{tr(Key::HomeBrowse)}</a></p>
        <div class="inset">
            <p>{tr(Key::HomeSource)}</p>
            <p>{tr(Key::HomePrivacy)}</p>
        </div>
    }
}
