use leptos::prelude::*;

use crate::domain::application::Application;
use crate::domain::flow;
use crate::domain::lang::Lang;
use crate::domain::share::{self, Notice};
use crate::route::Route;
use crate::ui::components::library::quoted;
use crate::ui::components::tr;
use crate::ui::drafts::Drafts;
use crate::ui::i18n::{Key, msg};
use crate::ui::pages::check_answers::answer_label;
use crate::ui::state::AppState;

/// A share link: shows what it holds and what was dropped, then loads the answers on request,
/// so opening a link never overwrites the answers already on this device without asking.
#[component]
pub fn Share(query: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let decoded = share::decode(&query);
    let answers = decoded.answers.clone();
    let loadable = !answers.is_empty();
    let has_current = !state.app.answers.with_untracked(|a| a.is_empty());

    let body = move || {
        let l = lang.get();
        let rows = flow::path(&decoded.answers)
            .into_iter()
            .filter_map(|q| decoded.answers.get(&q).map(|v| (q, v)))
            .map(|(q, v)| view! { <div class="row"><dt>{flow::title(q, l)}</dt><dd>{answer_label(q, v, l)}</dd></div> })
            .collect_view();
        // The fee options came along too (visa length, category, Priority Service, manager).
        let options = decoded
            .answers
            .iter()
            .filter(|(q, _)| q.is_detail())
            .map(|(q, v)| view! { <div class="row"><dt>{flow::title(*q, l)}</dt><dd>{answer_label(*q, v, l)}</dd></div> })
            .collect::<Vec<_>>();
        let notices = decoded
            .notices
            .iter()
            .map(|n| view! { <li>{notice_text(n, l)}</li> })
            .collect::<Vec<_>>();
        view! {
            <h1>{Key::ShareOpenTitle.text(l)}</h1>
            {if decoded.answers.is_empty() {
                view! { <p>{Key::ShareEmpty.text(l)}</p> }.into_any()
            } else {
                view! { <p>{Key::ShareLead.text(l)}</p><dl class="summary-list">{rows}</dl> }.into_any()
            }}
            {(!options.is_empty()).then(|| view! {
                <h2>{Key::ShareFeeOptions.text(l)}</h2>
                <dl class="summary-list">{options}</dl>
            })}
            {(!notices.is_empty()).then(|| view! {
                <div class="warning">
                    <p><strong>{Key::ShareNoticesTitle.text(l)}</strong></p>
                    <ul>{notices}</ul>
                </div>
            })}
            {has_current.then(|| view! { <p>{Key::ShareReplaces.text(l)}</p> })}
        }
    };
    let load = move |_| {
        // A new draft, so opening a link never overwrites the draft that is open.
        Drafts::expect().start_with(Application::from_answers(&answers));
        state.go(&Route::CheckAnswers);
    };
    view! {
        {body}
        <div class="actions">
            {loadable.then(|| view! {
                <button type="button" class="primary" on:click=load>{tr(Key::ShareLoad)}</button>
            })}
            <a href=move || state.href(Route::Home)>{tr(Key::BackHome)}</a>
        </div>
    }
}

fn notice_text(notice: &Notice, l: Lang) -> String {
    let question = |q: &flow::QuestionId| quoted(&flow::title(*q, l), l);
    match notice {
        Notice::UnknownKey { key, count } => msg::NoticeUnknownKey {
            key,
            count: *count as u64,
        }
        .text(l),
        Notice::InvalidValue { question: q, .. } => {
            format!("{} {}", Key::NoticeInvalidValue.text(l), question(q))
        }
        Notice::Repeated { question: q } => {
            format!("{} {}", Key::NoticeRepeated.text(l), question(q))
        }
        Notice::NotShared { question: q } => {
            format!("{} {}", Key::NoticeNotShared.text(l), question(q))
        }
        Notice::NotOnPath { question: q } => {
            format!("{} {}", Key::NoticeNotOnPath.text(l), question(q))
        }
        Notice::TooLong => Key::NoticeTooLong.text(l).to_owned(),
    }
}
