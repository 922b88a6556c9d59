use leptos::prelude::*;

use crate::domain::flow::{self, Kind, QuestionId, Step};
use crate::domain::lang::Lang;
use crate::route::Route;
use crate::ui::components::tr;
use crate::ui::i18n::Key;
use crate::ui::pages::question::route_after;
use crate::ui::state::AppState;

/// Every answer on the path, each with a Change link; a changed answer recomputes the path.
#[component]
pub fn CheckAnswers() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let rows = move || {
        let l = lang.get();
        let answers = state.app.answers.get();
        flow::path(&answers)
            .into_iter()
            .map(|q| {
                let shown = answers
                    .get(&q)
                    .map(|v| answer_label(q, v, l))
                    .unwrap_or_default();
                view! {
                    <div class="row">
                        <dt>{flow::title(q, l)}</dt>
                        <dd>{shown}</dd>
                        <dd>
                            <a href=state.href(Route::Question(q))>
                                {Key::Change.text(l)}
                                <span class="visually-hidden">" " {flow::title(q, l)}</span>
                            </a>
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };
    let done = move || matches!(state.app.answers.with(flow::next), Step::Done(_));
    view! {
        <a class="back-link" href=move || {
            state.href(state.app.answers.with(|a| flow::path(a).last().map_or(Route::Home, |q| Route::Question(*q))))
        }>{tr(Key::Back)}</a>
        <h1>{tr(Key::CheckTitle)}</h1>
        {move || state.app.answers.with(|a| a.is_empty()).then(|| view! {
            <p>{tr(Key::CheckEmpty)}</p>
        })}
        <dl class="summary-list">{rows}</dl>
        {move || if done() {
            view! {
                <p>{tr(Key::CheckLead)}</p>
                <a class="button" href=move || state.href(Route::Outcome)>{tr(Key::SeeResult)}</a>
            }.into_any()
        } else {
            view! {
                <p>{tr(Key::CheckUnfinished)}</p>
                <a class="button" href=move || state.href(state.app.answers.with(route_after))>{tr(Key::Continue)}</a>
            }.into_any()
        }}
    }
}

/// The answer as the question's option label, or the number as typed.
pub fn answer_label(q: QuestionId, value: &str, lang: Lang) -> String {
    match q.kind() {
        Kind::Choice(_) => flow::option_label(q, value)
            .map(|o| o.label.get(lang).to_owned())
            .unwrap_or_else(|| value.to_owned()),
        _ => value.to_owned(),
    }
}
