use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::flow::{self, AnswerError, Kind, QuestionId, Step};
use crate::domain::lang::Lang;
use crate::route::Route;
use crate::ui::components::tr;
use crate::ui::i18n::Key;
use crate::ui::state::AppState;

/// Where the answers lead after this question: the next question, or the check page once done.
pub fn route_after(answers: &flow::Answers) -> Route {
    match flow::next(answers) {
        Step::Ask(q) => Route::Question(q),
        Step::Done(_) => Route::CheckAnswers,
    }
}

/// One question per page, GOV.UK style: the question is the legend (or label) and the heading.
#[component]
pub fn Question(id: QuestionId) -> impl IntoView {
    let q = id;
    let state = AppState::expect();
    let store = state.app;
    let answers = store.answers.get_untracked();
    let path = flow::path(&answers);
    // A question is open when it was answered on the way here, or is the one pending; anything
    // else (a link ahead of the answers, or to a question these answers skip) goes to the
    // question that is really next.
    let pending = matches!(flow::next(&answers), Step::Ask(p) if p == q);
    if !pending && !path.contains(&q) || q.is_detail() {
        let target = route_after(&answers);
        // After this render, not during it: the address changes and the real page shows.
        Effect::new(move |_| state.redirect(target.clone()));
        return ().into_any();
    }
    let back = match path.iter().position(|p| *p == q) {
        Some(0) => Route::Home,
        Some(i) => Route::Question(path[i - 1]),
        None => path.last().map_or(Route::Home, |p| Route::Question(*p)),
    };

    // What was typed or picked here and not yet continued with (kept in the draft as it is
    // typed, so a reload finds it), else the answer given.
    let value = move || {
        store
            .pending_answers
            .with(|p| p.get(&q).cloned())
            .or_else(|| store.answers.with(|a| a.get(&q).cloned()))
            .unwrap_or_default()
    };
    let set_value = move |v: String| {
        store.pending_answers.update(|p| {
            p.insert(q, v);
        })
    };
    let error = RwSignal::new(None::<AnswerError>);
    let field_id = format!("q-{q}");

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut next_answers = store.answers.get_untracked();
        match flow::answer(&mut next_answers, q, untrack(value).trim()) {
            Ok(()) => {
                let target = route_after(&flow::prune(&next_answers));
                store.pending_answers.update(|p| {
                    p.remove(&q);
                });
                store.set_answers(next_answers);
                state.go(&target);
            }
            Err(e) => {
                error.set(Some(e));
                focus_error_summary();
            }
        }
    };

    let lang = state.lang;
    let title = move || flow::title(q, lang.get());
    let hint = move || {
        flow::question_text(q)
            .and_then(|t| t.hint.as_ref())
            .map(|h| h.get(lang.get()).to_owned())
    };
    let error_text = move || error.get().map(|e| error_message(q, e, lang.get()));
    let hint_id = format!("{field_id}-hint");
    let error_id = format!("{field_id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint().is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };

    let summary_link_target = field_id.clone();
    let error_summary = move || {
        error_text().map(|text| {
            let target = summary_link_target.clone();
            view! {
                <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                    <h2 id="error-summary-title">{Key::ErrorSummaryTitle.text(lang.get())}</h2>
                    <ul class="plain">
                        <li>
                            <a href=format!("#{target}") on:click=move |ev| {
                                // Focus the field itself, as GOV.UK does: following the fragment
                                // would only scroll to it.
                                ev.prevent_default();
                                focus_by_id(&target);
                            }>{text}</a>
                        </li>
                    </ul>
                </div>
            }
        })
    };

    let hint_view = {
        let hint_id = hint_id.clone();
        move || hint().map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })
    };
    let error_view = {
        let error_id = error_id.clone();
        move || {
            error_text().map(|t| {
                view! {
                    <p class="error-message" id=error_id.clone()>
                        <span class="visually-hidden">{Key::ErrorPrefix.text(lang.get())} " "</span>{t}
                    </p>
                }
            })
        }
    };

    let input = match q.kind() {
        Kind::Choice(options) => {
            let radios = options
                .iter()
                .enumerate()
                .map(|(i, option)| {
                    // The first radio takes the field's id, so the error summary can link to it.
                    let id = if i == 0 { field_id.clone() } else { format!("{field_id}-{}", i + 1) };
                    let option_hint = move || {
                        flow::option_label(q, option)
                            .and_then(|o| o.hint.as_ref())
                            .map(|h| h.get(lang.get()).to_owned())
                    };
                    let label = move || flow::option_label(q, option).map(|o| o.label.get(lang.get()).to_owned());
                    let hint_id = format!("{id}-hint");
                    let hint_span_id = hint_id.clone();
                    let label_for = id.clone();
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                id=id.clone()
                                name=field_id.clone()
                                value=*option
                                prop:checked=move || value() == *option
                                aria-describedby=move || option_hint().map(|_| hint_id.clone())
                                on:change=move |_| set_value((*option).to_owned())
                            />
                            <label for=label_for>
                                {label}
                                {move || option_hint().map(|h| view! { <span class="hint" id=hint_span_id.clone()>{h}</span> })}
                            </label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset aria-describedby=described_by>
                    <legend class="question"><h1>{title}</h1></legend>
                    {hint_view}
                    {error_view}
                    <div class="choices">{radios}</div>
                </fieldset>
            }
            .into_any()
        }
        Kind::Count { min, max } => view! {
            <h1><label class="question" for=field_id.clone()>{title}</label></h1>
            {hint_view}
            {error_view}
            <input
                type="text"
                inputmode="numeric"
                class="count"
                id=field_id.clone()
                name=field_id.clone()
                autocomplete="off"
                size="3"
                aria-describedby=described_by
                min=min.to_string()
                max=max.to_string()
                prop:value=value
                on:input=move |ev| set_value(event_target_value(&ev))
            />
        }
        .into_any(),
        // Dates are details set on the outcome page; the routing never asks them.
        Kind::Date => ().into_any(),
    };

    view! {
        <a class="back-link" href=move || state.href(back.clone())>{tr(Key::Back)}</a>
        {error_summary}
        <form novalidate on:submit=submit>
            <div class="field" class:has-error=move || error.get().is_some()>{input}</div>
            <button type="submit" class="primary">{tr(Key::Continue)}</button>
        </form>
    }
    .into_any()
}

fn error_message(q: QuestionId, e: AnswerError, lang: Lang) -> String {
    match (e, q.kind()) {
        (AnswerError::Empty | AnswerError::UnknownOption, Kind::Choice(_)) => {
            Key::ErrorChoose.text(lang).to_owned()
        }
        (AnswerError::CountOutOfRange { min, max }, _) => {
            format!("{} {min}–{max}", Key::ErrorCountRange.text(lang))
        }
        (AnswerError::Empty, _) => Key::ErrorCountEmpty.text(lang).to_owned(),
        _ => Key::ErrorCountNumber.text(lang).to_owned(),
    }
}

fn focus_error_summary() {
    request_animation_frame(|| {
        if let Ok(Some(summary)) = document().query_selector(".error-summary") {
            let _ = summary.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

fn focus_by_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}
