//! The rosters kept on this device: open one, start a new one, rename, export, delete with undo,
//! import; what another tab did to the open roster; data that could not be read, kept aside.

use leptos::prelude::*;

use crate::domain::roster::saved::RosterRecord;
use crate::domain::store;
use crate::platform::{clock, download};
use crate::ui::components::library::{
    Records, import_view, library_notices, name_error_key, timestamp,
};
use crate::ui::i18n::{Key, msg};
use crate::ui::rosters::Rosters;
use crate::ui::state::AppState;

#[component]
pub fn RosterLibrary(rosters: Rosters) -> impl IntoView {
    let lang = AppState::expect().lang;
    let export_all = move |_| {
        let now = clock::now();
        let json = rosters
            .library
            .list
            .with_untracked(|l| store::export_json(l, now));
        download::download(
            &store::export_file_name::<RosterRecord>(now),
            "application/json",
            &json,
        );
    };
    view! {
        {library_notices(rosters.library, Records::Rosters)}
        <section aria-labelledby="roster-saved">
            <h2 id="roster-saved">{move || Key::RosterSavedTitle.text(lang.get())}</h2>
            {move || {
                let l = lang.get();
                let items = rosters
                    .library
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
                            disabled=move || rosters.library.list.with(Vec::is_empty)>{Key::RosterExportAll.text(l)}</button>
                    </p>
                }
            }}
            {import_view(Records::Rosters, "roster-import-file", rosters.library)}
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
    let is_open =
        move || rosters.library.current.get().as_deref() == Some(id.read_value().as_str());
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
        match rosters
            .library
            .rename(&id.read_value(), &name.get_untracked())
        {
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
                        {is_open().then(|| view! { " " <span class="tag">{Key::DraftOpenNow.text(l)}</span> })}
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
