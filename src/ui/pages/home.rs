use leptos::prelude::*;

use crate::route::Route;
use crate::ui::components::tr;
use crate::ui::drafts::Drafts;
use crate::ui::i18n::Key;
use crate::ui::pages::question::route_after;
use crate::ui::state::AppState;

#[component]
pub fn Home() -> impl IntoView {
    let state = AppState::expect();
    let drafts = Drafts::expect();
    // With a draft open, offer to continue it or to start a separate one: one employee's
    // answers must never run into another's.
    let start = move || {
        let open = drafts
            .current
            .get()
            .and_then(|_| drafts.open_draft())
            .filter(|d| !d.answers.is_empty());
        match open {
            Some(d) => {
                let next = state.answers.with(route_after);
                let resume = if next == Route::CheckAnswers { Route::Outcome } else { next };
                view! {
                    <p>
                        <a class="button button-start" href=resume.href()>
                            {tr(Key::HomeContinue)} " " {d.name.clone()}
                        </a>
                    </p>
                    <p>
                        <button type="button" class="secondary" on:click=move |_| {
                            drafts.start_new();
                            state.go(&Route::Question("need".into()));
                        }>{tr(Key::HomeStartNew)}</button>
                    </p>
                }
                .into_any()
            }
            None => view! {
                <p><a class="button button-start" href=Route::Question("need".into()).href()>{tr(Key::HomeStart)}</a></p>
            }
            .into_any(),
        }
    };
    view! {
        <h1>{tr(Key::HomeTitle)}</h1>
        <p class="lead">{tr(Key::HomeLead)}</p>
        <p>{tr(Key::HomeWhoFor)}</p>
        {start}
        <p><a href=Route::Catalogue.href()>{tr(Key::HomeBrowse)}</a></p>
        <div class="inset">
            <p>{tr(Key::HomeSource)}</p>
            <p>{tr(Key::HomePrivacy)}</p>
        </div>
    }
}
