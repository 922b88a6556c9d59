use leptos::prelude::*;

use crate::domain::flow::QuestionId;
use crate::route::Route;
use crate::ui::components::tr;
use crate::ui::drafts::Drafts;
use crate::ui::i18n::Key;
use crate::ui::pages::question::route_after;
use crate::ui::state::AppState;

#[component]
pub fn Home() -> impl IntoView {
    let state = AppState::expect();
    // No drafts in the static page: it is the same for every visitor.
    let drafts = use_context::<Drafts>();
    // With a draft open, offer to continue it or to start a separate one: one employee's
    // answers must never run into another's. Both sit where "Start now" was, on one line where
    // they fit, so the page barely moves when the app takes over from the static page.
    let start = move || {
        let open = drafts.and_then(|drafts| {
            drafts
                .library
                .current
                .get()
                .and_then(|_| drafts.open_draft())
                .filter(|d| !d.application.answers.is_empty())
                .map(|d| (drafts, d))
        });
        match open {
            Some((drafts, d)) => {
                let next = state.app.answers.with(route_after);
                let resume = if next == Route::CheckAnswers { Route::Outcome } else { next };
                view! {
                    <p class="start-actions">
                        <a class="button button-start" href=state.href(resume)>
                            {tr(Key::HomeContinue)} " " {d.name.clone()}
                        </a>
                        <button type="button" class="secondary" on:click=move |_| {
                            drafts.start_new();
                            state.go(&Route::Question(QuestionId::Need));
                        }>{tr(Key::HomeStartNew)}</button>
                    </p>
                }
                .into_any()
            }
            None => view! {
                <p class="start-actions"><a class="button button-start" href=state.href(Route::Question(QuestionId::Need))>{tr(Key::HomeStart)}</a></p>
            }
            .into_any(),
        }
    };
    view! {
        <h1>{tr(Key::HomeTitle)}</h1>
        <p class="lead">{tr(Key::HomeLead)}</p>
        <p>{tr(Key::HomeWhoFor)}</p>
        {start}
        <p><a href=move || state.href(Route::Catalogue)>{tr(Key::HomeBrowse)}</a></p>
        <div class="inset">
            <p>{tr(Key::HomeSource)}</p>
            <p>{tr(Key::HomePrivacy)}</p>
        </div>
    }
}
