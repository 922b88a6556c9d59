//! What the Drafts and Roster pages share: what the page says first (Undo, another tab's change,
//! data kept aside), importing a file of records with a choice for each conflict, and the words
//! for problems found in stored or imported data.

use chrono::{Datelike, NaiveDateTime, Timelike};
use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::domain::store::{
    self, Choice, ImportError, ImportPlan, Issue, NameError, Problem, Record,
};
use crate::platform::clock;
use crate::ui::alert;
use crate::ui::components::tr;
use crate::ui::format;
use crate::ui::i18n::{Key, msg};
use crate::ui::library::{Library, Notice, Renames};
use crate::ui::state::AppState;

/// Which records a page keeps, for its words.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Records {
    Drafts,
    Rosters,
}

impl Records {
    /// The word for drafts, or the one for rosters: a roster is never called a draft.
    fn word(self, drafts: Key, rosters: Key) -> Key {
        match self {
            Records::Drafts => drafts,
            Records::Rosters => rosters,
        }
    }
}

/// A name quoted as the language quotes: “…” in English, «…» in Kazakh and Russian.
pub fn quoted(text: &str, l: Lang) -> String {
    msg::Quoted { text: &text }.text(l)
}

/// Import: read a file, show what it would add, ask about each conflict, then write.
pub fn import_view<R>(records: Records, id: &'static str, library: Library<R>) -> impl IntoView
where
    R: Record + Send + Sync + 'static,
{
    let lang = AppState::expect().lang;
    let name_of = move |id: &str| library.find(id).map(|r| r.name().to_owned());
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
            let existing = library.list.get_untracked();
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
        library.import(applied);
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
                        <legend>{format!("{}: {}", quoted(c.existing.name(), l), Key::ImportConflict.text(l))}</legend>
                        <div class="choices">
                            {option(Choice::KeepBoth, records.word(Key::ChoiceKeepBoth, Key::RosterChoiceKeepBoth), "both")}
                            {option(Choice::KeepExisting, Key::ChoiceKeepExisting, "existing")}
                            {option(Choice::Replace, Key::ChoiceReplace, "replace")}
                        </div>
                    </fieldset>
                }
            }).collect_view();
            let problems = p.problems.iter().map(|pr| view! { <li>{problem_text(pr, records, name_of, l)}</li> }).collect::<Vec<_>>();
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

/// The rename form in a record's row; `save` saves what is typed. What is typed lives in the
/// list's [`Renames`], so a row built again while the list changes keeps it.
pub fn rename_form(
    renames: Renames,
    save: Callback<()>,
    id: String,
    label: Key,
    input_id: String,
) -> impl IntoView {
    let lang = AppState::expect().lang;
    let id = StoredValue::new(id);
    let typed = Memo::new(move |_| renames.get(&id.read_value()));
    let error = move || typed.with(|t| t.as_ref().and_then(|t| t.error));
    let error_id = format!("{input_id}-error");
    let described_by = {
        let error_id = error_id.clone();
        move || error().is_some().then(|| error_id.clone())
    };
    view! {
        <form novalidate class="rename" on:submit=move |ev| {
            ev.prevent_default();
            save.run(());
        }>
            <div class="field" class:has-error=move || error().is_some()>
                <label for=input_id.clone()>{move || label.text(lang.get())}</label>
                {move || error().map(|e| view! {
                    <p class="error-message" id=error_id.clone()>{name_error_key(e).text(lang.get())}</p>
                })}
                <input type="text" id=input_id maxlength="100" autocomplete="off" aria-describedby=described_by
                    prop:value=move || typed.with(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default())
                    on:input=move |ev| renames.type_name(&id.read_value(), event_target_value(&ev))/>
            </div>
            <button type="submit" class="primary">{move || Key::Save.text(lang.get())}</button>
            " "
            <button type="button" class="secondary" on:click=move |_| renames.close(&id.read_value())>
                {move || Key::Cancel.text(lang.get())}
            </button>
        </form>
    }
}

pub fn name_error_key(e: NameError) -> Key {
    match e {
        NameError::Empty => Key::NameEmpty,
        NameError::TooLong { .. } => Key::NameTooLong,
    }
}

/// What a problem found in stored or imported data means, with the record's name when known.
fn problem_text(
    p: &Problem,
    records: Records,
    name_of: impl Fn(&str) -> Option<String>,
    l: Lang,
) -> String {
    let name = p
        .record
        .as_deref()
        .and_then(name_of)
        .map(|n| format!("{}: ", quoted(&n, l)))
        .unwrap_or_default();
    let what = match &p.issue {
        Issue::TooLargeToCopy { bytes } => {
            let size = msg::Megabytes {
                size: &format::number(format::megabytes(*bytes), l),
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
        Issue::AlreadyMigrated { .. } => {
            records.word(Key::IssueAlreadyMigrated, Key::RosterIssueAlreadyMigrated)
        }
        Issue::TooManyRecords { .. } => records.word(Key::IssueTooMany, Key::RosterIssueTooMany),
        Issue::DuplicateId { .. } => {
            records.word(Key::IssueDuplicateId, Key::RosterIssueDuplicateId)
        }
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
/// 2026-11-26, for file names.
fn file_stamp(t: NaiveDateTime) -> String {
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

/// What a library's page says first: Undo after a deletion, what another tab did to the open
/// record, and the data that could not be read, kept aside (export it, then discard it).
pub fn library_notices<R>(library: Library<R>, records: Records) -> impl IntoView
where
    R: Record + Send + Sync + 'static,
{
    let lang = AppState::expect().lang;
    let name_of = move |id: &str| library.find(id).map(|r| r.name().to_owned());
    let export_kept = move |_| {
        let now = clock::now();
        let json = library
            .quarantined
            .with_untracked(|q| store::export_quarantine(q, now));
        let what = match records {
            Records::Drafts => "",
            Records::Rosters => "rosters-",
        };
        alert::download(
            &format!("expat-navigator-{what}kept-aside-{}.json", file_stamp(now)),
            "application/json",
            &json,
        );
    };
    view! {
        {too_large_records(library)}
        {move || library.deleted.get().map(|d| {
            let l = lang.get();
            view! {
                <div class="note" role="status">
                    <p>
                        {match records {
                            Records::Drafts => msg::DraftDeleted { name: &d.record.name() }.text(l),
                            Records::Rosters => msg::RosterDeleted { name: &d.record.name() }.text(l),
                        }} " "
                        <button type="button" class="link" on:click=move |_| library.undo_delete()>{Key::Undo.text(l)}</button>
                    </p>
                </div>
            }
        })}
        {move || library.notice.get().map(|notice| {
            let l = lang.get();
            let (conflict, deleted) = match records {
                Records::Drafts => (Key::NoticeConflict, Key::NoticeDeletedElsewhere),
                Records::Rosters => (Key::RosterNoticeConflict, Key::RosterNoticeDeleted),
            };
            let (text, restore) = match notice {
                Notice::Conflict { copy_name, other_name } => (format!("{} {}; {}: {}", conflict.text(l), quoted(&copy_name, l), quoted(&other_name, l), Key::NoticeConflictOther.text(l)), None),
                Notice::DeletedElsewhere { name, restore } => (format!("{}: {}", quoted(&name, l), deleted.text(l)), Some(restore)),
            };
            view! {
                <div class="warning" role="status">
                    <p>{text}</p>
                    {restore.map(|ops| view! {
                        <button type="button" class="secondary" on:click=move |_| { library.run(&ops); library.notice.set(None); }>
                            {Key::KeepMyCopy.text(l)}
                        </button>
                    })}
                    <button type="button" class="link" on:click=move |_| library.notice.set(None)>{Key::Dismiss.text(l)}</button>
                </div>
            }
        })}
        {move || {
            let l = lang.get();
            let problems = library.problems.get();
            let kept = library.quarantined.with(Vec::len);
            (!problems.is_empty() || kept > 0).then(|| {
                let items = problems.iter().map(|p| view! { <li>{problem_text(p, records, name_of, l)}</li> }).collect_view();
                view! {
                    <div class="warning" role="status">
                        <p><strong>{Key::ProblemsTitle.text(l)}</strong></p>
                        <ul>{items}</ul>
                        {(kept > 0).then(|| view! {
                            <p>{msg::KeptAsideCount { count: &kept }.text(l)}</p>
                            <button type="button" class="secondary" on:click=export_kept>{Key::ExportKeptAside.text(l)}</button>
                            <button type="button" class="link" on:click=move |_| {
                                if window().confirm_with_message(Key::DiscardConfirm.text(l)).unwrap_or(false) {
                                    library.discard_quarantined();
                                }
                            }>{Key::DiscardKeptAside.text(l)}</button>
                        })}
                    </div>
                }
            })
        }}
    }
}

/// Records too big to copy aside, left where they were found: each can be downloaded, then
/// deleted by the user (which frees the storage they take).
fn too_large_records<R>(library: Library<R>) -> impl IntoView
where
    R: Record + Send + Sync + 'static,
{
    let lang = AppState::expect().lang;
    move || {
        let l = lang.get();
        let big: Vec<_> = library.quarantined.with(|q| {
            q.iter()
                .filter(|q| q.code == "too-large-to-copy")
                .cloned()
                .collect()
        });
        (!big.is_empty()).then(|| {
            let items = big
                .into_iter()
                .map(|record| {
                    let size = msg::Megabytes {
                        size: &format::number(format::megabytes(record.raw.len()), l),
                    }
                    .text(l);
                    let key = record.key.clone();
                    let download_it = move |_| {
                        let file = format!("expat-navigator-record-{}.txt", file_stamp(clock::now()));
                        alert::download(&file, "text/plain;charset=utf-8", &record.raw);
                    };
                    let delete_it = move |_| {
                        if window()
                            .confirm_with_message(Key::DeleteRecordConfirm.text(l))
                            .unwrap_or(false)
                        {
                            library.delete_in_place(&key);
                        }
                    };
                    view! {
                        <li>
                            {msg::TooLargeRecord { size: &size }.text(l)} " "
                            <button type="button" class="secondary" on:click=download_it>{Key::DownloadRecord.text(l)}</button>
                            " "
                            <button type="button" class="link" on:click=delete_it>{Key::DeleteRecord.text(l)}</button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="warning" role="status">
                    <p><strong>{Key::TooLargeRecordsTitle.text(l)}</strong></p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}
