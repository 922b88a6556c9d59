//! What the Drafts and Roster pages share: importing a file of records with a choice for each
//! conflict, and the words for problems found in stored or imported data.

use chrono::{Datelike, NaiveDateTime, Timelike};
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::lang::Lang;
use crate::domain::store::{
    self, Applied, Choice, ImportError, ImportPlan, Issue, NameError, Problem, Record,
};
use crate::platform::clock;
use crate::ui::components::tr;
use crate::ui::format;
use crate::ui::i18n::{Key, msg};
use crate::ui::state::AppState;

/// Import: read a file, show what it would add, ask about each conflict, then write.
/// Which records a page imports, for its words.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Records {
    Drafts,
    Rosters,
}

pub fn import_view<R>(
    records: Records,
    id: &'static str,
    existing: impl Fn() -> Vec<R> + Copy + Send + Sync + 'static,
    on_import: impl Fn(Applied<R>) + Copy + Send + Sync + 'static,
    name_of: impl Fn(&str) -> Option<String> + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    R: Record + Send + Sync + 'static,
{
    let lang = AppState::expect().lang;
    let plan = RwSignal::new(None::<ImportPlan<R>>);
    let choices = RwSignal::new(Vec::<Choice>::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<usize>);

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        done.set(None);
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            let existing = existing();
            match text.map(|t| store::import_json(&t, &existing, clock::now())) {
                Some(Ok(p)) => {
                    choices.set(vec![Choice::KeepBoth; p.conflicts.len()]);
                    error.set(None);
                    plan.set(Some(p));
                }
                Some(Err(e)) => {
                    plan.set(None);
                    error.set(Some(import_error_text(e, records, lang.get_untracked())));
                }
                None => error.set(Some(
                    Key::ImportUnreadable.text(lang.get_untracked()).to_owned(),
                )),
            }
        });
    };
    let confirm = move |_| {
        let Some(p) = plan.get_untracked() else {
            return;
        };
        let applied = p.apply(&choices.get_untracked());
        let count = applied.added.len() + applied.replaced.len();
        on_import(applied);
        plan.set(None);
        done.set(Some(count));
    };

    view! {
        <div class="field">
            <label for=id>{tr(match records {
                Records::Drafts => Key::ImportLabel,
                Records::Rosters => Key::RosterImportLabel,
            })}</label>
            <p class="hint" id=format!("{id}-hint")>{tr(Key::ImportHint)}</p>
            {move || error.get().map(|e| view! { <p class="error-message" id=format!("{id}-error")>{e}</p> })}
            <input type="file" id=id accept=".json,application/json" aria-describedby=format!("{id}-hint") on:change=on_file/>
        </div>
        {move || done.get().map(|count| {
            let l = lang.get();
            let text = match records {
                Records::Drafts => msg::ImportDone { count: &count }.text(l),
                Records::Rosters => msg::RosterImportDone { count: &count }.text(l),
            };
            view! { <p class="note" role="status">{text}</p> }
        })}
        {move || plan.get().map(|p| {
            let l = lang.get();
            let conflicts = p.conflicts.iter().enumerate().map(|(i, c)| {
                let name = format!("{id}-conflict-{i}");
                let option = move |choice: Choice, key: Key, suffix: &str| {
                    let id = format!("{name}-{suffix}");
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name=name.clone()
                                prop:checked=move || choices.with(|c| c.get(i) == Some(&choice))
                                on:change=move |_| choices.update(|c| c[i] = choice)/>
                            <label for=id>{key.text(l)}</label>
                        </div>
                    }
                };
                view! {
                    <fieldset>
                        <legend>{format!("“{}”: {}", c.existing.name(), Key::ImportConflict.text(l))}</legend>
                        <div class="choices">
                            {option(Choice::KeepBoth, Key::ChoiceKeepBoth, "both")}
                            {option(Choice::KeepExisting, Key::ChoiceKeepExisting, "existing")}
                            {option(Choice::Replace, Key::ChoiceReplace, "replace")}
                        </div>
                    </fieldset>
                }
            }).collect_view();
            let problems = p.problems.iter().map(|pr| view! { <li>{problem_text(pr, name_of, l)}</li> }).collect::<Vec<_>>();
            view! {
                <div class="note" role="status">
                    <p>{match records {
                        Records::Drafts => msg::ImportSummary { new: &p.new.len(), identical: &p.identical.len() }.text(l),
                        Records::Rosters => msg::RosterImportSummary { new: &p.new.len(), identical: &p.identical.len() }.text(l),
                    }}</p>
                    {(!problems.is_empty()).then(|| view! { <ul>{problems}</ul> })}
                </div>
                {conflicts}
                <button type="button" class="primary" on:click=confirm>{Key::ImportConfirm.text(l)}</button>
                <button type="button" class="secondary" on:click=move |_| plan.set(None)>{Key::Cancel.text(l)}</button>
            }
        })}
    }
}

pub fn name_error_key(e: NameError) -> Key {
    match e {
        NameError::Empty => Key::NameEmpty,
        NameError::TooLong { .. } => Key::NameTooLong,
    }
}

/// What a problem found in stored or imported data means, with the record's name when known.
pub fn problem_text(p: &Problem, name_of: impl Fn(&str) -> Option<String>, l: Lang) -> String {
    let name = p
        .record
        .as_deref()
        .and_then(name_of)
        .map(|n| format!("“{n}”: "))
        .unwrap_or_default();
    let what = match &p.issue {
        Issue::TooLargeToCopy { bytes } => {
            let size = msg::Megabytes {
                size: &format::number(megabytes(*bytes), l),
            }
            .text(l);
            return format!("{name}{}", msg::IssueTooLargeToCopy { size: &size }.text(l));
        }
        Issue::TooLarge { .. } => Key::IssueTooLarge,
        Issue::CorruptJson | Issue::NotAnObject | Issue::UnknownVersion => Key::IssueUnreadable,
        Issue::FutureVersion { .. } => Key::IssueFutureVersion,
        Issue::InvalidField { .. } | Issue::UnknownFields { .. } | Issue::IdRepaired { .. } => {
            Key::IssueRepaired
        }
        Issue::InvalidAnswers { .. } | Issue::InvalidTicks { .. } => Key::IssueInvalidAnswers,
        Issue::AlreadyMigrated { .. } => Key::IssueAlreadyMigrated,
        Issue::TooManyRecords { .. } => Key::IssueTooMany,
        Issue::DuplicateId { .. } => Key::IssueDuplicateId,
    };
    format!("{name}{}", what.text(l))
}

fn import_error_text(e: ImportError, records: Records, l: Lang) -> String {
    match e {
        ImportError::TooLarge { .. } => Key::IssueTooLarge,
        ImportError::FutureVersion { .. } => Key::IssueFutureVersion,
        ImportError::NotAnExport => match records {
            Records::Drafts => Key::ImportNotAnExport,
            Records::Rosters => Key::RosterImportNotAnExport,
        },
        ImportError::CorruptJson | ImportError::UnknownVersion => Key::ImportUnreadable,
    }
    .text(l)
    .to_owned()
}

/// Bytes in MB with one decimal: 4 194 304 bytes is 4.2 MB.
pub fn megabytes(bytes: usize) -> Decimal {
    (Decimal::from(bytes as u64) / Decimal::from(1_000_000)).round_dp(1)
}

/// 2026-11-26, for file names.
pub fn file_stamp(t: NaiveDateTime) -> String {
    format!("{}-{:02}-{:02}", t.year(), t.month(), t.day())
}

/// 26.11.2026 14:05
pub fn timestamp(t: NaiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format::numeric(t.date()),
        t.hour(),
        t.minute()
    )
}
