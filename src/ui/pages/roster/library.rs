//! The rosters kept on this device: open one, start a new one, rename, export, delete with undo,
//! import; what another tab did to the open roster; data that could not be read, kept aside.

use leptos::prelude::*;

use crate::domain::roster::saved::RosterRecord;
use crate::domain::store::{self, export_quarantine};
use crate::platform::{clock, download};
use crate::ui::components::library::{
    Records, file_stamp, import_view, name_error_key, problem_text, timestamp,
};
use crate::ui::i18n::{Key, msg};
use crate::ui::rosters::{RosterNotice, Rosters};
use crate::ui::state::AppState;

#[component]
pub fn RosterLibrary(rosters: Rosters) -> impl IntoView {
    let lang = AppState::expect().lang;
    let export_all = move |_| {
        let now = clock::now();
        let json = rosters.list.with_untracked(|l| store::export_json(l, now));
        download::download(
            &store::export_file_name::<RosterRecord>(now),
            "application/json",
            &json,
        );
    };
    view! {
        <Notices rosters/>
        <section aria-labelledby="roster-saved">
            <h2 id="roster-saved">{move || Key::RosterSavedTitle.text(lang.get())}</h2>
            {move || {
                let l = lang.get();
                let items = rosters
                    .list
                    .get()
                    .into_iter()
                    .map(|r| view! { <SavedRoster record=r rosters/> })
                    .collect_view();
                view! {
                    <ul class="draft-list">{items}</ul>
                    <p>
                        <button type="button" class="secondary" on:click=move |_| rosters.start_new()>{Key::RosterNew.text(l)}</button>
                        " "
                        <button type="button" class="secondary" on:click=export_all
                            disabled=move || rosters.list.with(Vec::is_empty)>{Key::RosterExportAll.text(l)}</button>
                    </p>
                }
            }}
            {import_view(
                Records::Rosters,
                "roster-import-file",
                move || rosters.list.get_untracked(),
                move |applied| rosters.import(applied),
                move |id| roster_name(&rosters, id),
            )}
        </section>
    }
}

/// One roster kept on the device: its name, employees and last change, and its actions.
#[component]
fn SavedRoster(record: RosterRecord, rosters: Rosters) -> impl IntoView {
    let lang = AppState::expect().lang;
    let renaming = RwSignal::new(false);
    let name = RwSignal::new(record.name.clone());
    let rename_error = RwSignal::new(None::<Key>);
    let id = StoredValue::new(record.id.clone());
    let is_open = move || rosters.current.get().as_deref() == Some(id.read_value().as_str());
    let export_one = {
        let record = record.clone();
        move |_| {
            let now = clock::now();
            download::download(
                &store::export_file_name::<RosterRecord>(now),
                "application/json",
                &store::export_json(std::slice::from_ref(&record), now),
            );
        }
    };
    let save_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match rosters.rename(&id.read_value(), &name.get_untracked()) {
            Ok(()) => {
                renaming.set(false);
                rename_error.set(None);
            }
            Err(e) => rename_error.set(Some(name_error_key(e))),
        }
    };
    let details = move || {
        let l = lang.get();
        format!(
            "{} · {} {}",
            msg::RosterEmployees {
                count: record.employees() as u64
            }
            .text(l),
            Key::DraftLastChange.text(l),
            timestamp(record.updated)
        )
    };
    let input_id = move || format!("roster-name-{}", id.read_value());
    view! {
        <li class:current=is_open>
            {move || {
                let l = lang.get();
                if renaming.get() {
                    return view! {
                        <form novalidate on:submit=save_name>
                            <div class="field" class:has-error=move || rename_error.get().is_some()>
                                <label for=input_id()>{Key::RosterNameLabel.text(l)}</label>
                                {move || rename_error.get().map(|k| view! { <p class="error-message">{k.text(lang.get())}</p> })}
                                <input type="text" id=input_id() maxlength="100" autocomplete="off"
                                    prop:value=move || name.get()
                                    on:input=move |ev| name.set(event_target_value(&ev))/>
                            </div>
                            <button type="submit" class="primary">{Key::Save.text(l)}</button>
                            <button type="button" class="secondary" on:click=move |_| renaming.set(false)>{Key::Cancel.text(l)}</button>
                        </form>
                    }.into_any();
                }
                view! {
                    <p>
                        <strong>{name.get()}</strong>
                        {is_open().then(|| view! { " " <span class="tag">{Key::RosterIsOpen.text(l)}</span> })}
                        <br/>
                        <span class="muted">{details()}</span>
                    </p>
                    <div class="actions">
                        {(!is_open()).then(|| view! {
                            <button type="button" class="primary" on:click=move |_| rosters.open(&id.read_value())>{Key::DraftOpen.text(l)}</button>
                        })}
                        <button type="button" class="secondary" on:click=move |_| renaming.set(true)>{Key::DraftRename.text(l)}</button>
                        <button type="button" class="secondary" on:click=export_one.clone()>{Key::DraftExport.text(l)}</button>
                        <button type="button" class="secondary" on:click=move |_| rosters.delete(&id.read_value())>{Key::DraftDelete.text(l)}</button>
                    </div>
                }.into_any()
            }}
        </li>
    }
}

/// Undo after a deletion, another tab's change to the open roster, and data kept aside.
#[component]
fn Notices(rosters: Rosters) -> impl IntoView {
    let lang = AppState::expect().lang;
    let export_kept = move |_| {
        let now = clock::now();
        let json = rosters
            .quarantined
            .with_untracked(|q| export_quarantine(q, now));
        download::download(
            &format!(
                "expat-navigator-rosters-kept-aside-{}.json",
                file_stamp(now)
            ),
            "application/json",
            &json,
        );
    };
    view! {
        {move || rosters.deleted.get().map(|d| {
            let l = lang.get();
            view! {
                <div class="note" role="status">
                    <p>
                        {format!("“{}” {}", d.record.name, Key::DraftDeleted.text(l))} " "
                        <button type="button" class="link" on:click=move |_| rosters.undo_delete()>{Key::Undo.text(l)}</button>
                    </p>
                </div>
            }
        })}
        {move || rosters.notice.get().map(|notice| {
            let l = lang.get();
            let (text, restore) = match notice {
                RosterNotice::Conflict { copy_name, other_name } => (format!("{} “{copy_name}”; “{other_name}”: {}", Key::RosterNoticeConflict.text(l), Key::NoticeConflictOther.text(l)), None),
                RosterNotice::DeletedElsewhere { name, restore } => (format!("“{name}”: {}", Key::RosterNoticeDeleted.text(l)), Some(restore)),
            };
            view! {
                <div class="warning" role="status">
                    <p>{text}</p>
                    {restore.map(|ops| view! {
                        <button type="button" class="secondary" on:click=move |_| { rosters.run(&ops); rosters.notice.set(None); }>
                            {Key::KeepMyCopy.text(l)}
                        </button>
                    })}
                    <button type="button" class="link" on:click=move |_| rosters.notice.set(None)>{Key::Dismiss.text(l)}</button>
                </div>
            }
        })}
        {move || {
            let l = lang.get();
            let problems = rosters.problems.get();
            let kept = rosters.quarantined.with(Vec::len);
            (!problems.is_empty() || kept > 0).then(|| {
                let items = problems.iter().map(|p| view! { <li>{problem_text(p, |id| roster_name(&rosters, id), l)}</li> }).collect_view();
                view! {
                    <div class="warning" role="status">
                        <p><strong>{Key::ProblemsTitle.text(l)}</strong></p>
                        <ul>{items}</ul>
                        {(kept > 0).then(|| view! {
                            <p>{msg::KeptAsideCount { count: &kept }.text(l)}</p>
                            <button type="button" class="secondary" on:click=export_kept>{Key::ExportKeptAside.text(l)}</button>
                            <button type="button" class="link" on:click=move |_| {
                                if window().confirm_with_message(Key::DiscardConfirm.text(l)).unwrap_or(false) {
                                    rosters.discard_quarantined();
                                }
                            }>{Key::DiscardKeptAside.text(l)}</button>
                        })}
                    </div>
                }
            })
        }}
    }
}

/// The name of the roster with this id, if it is in the list.
fn roster_name(rosters: &Rosters, id: &str) -> Option<String> {
    rosters
        .list
        .with_untracked(|list| list.iter().find(|r| r.id == id).map(|r| r.name.clone()))
}
