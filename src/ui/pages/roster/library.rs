//! The rosters kept on this device: open one, start a new one, rename, export, delete with undo,
//! import. (What another tab did to the open roster, and data kept aside, are said at the top of
//! the page: `library_notices`.)

use leptos::prelude::*;

use crate::domain::roster::saved::RosterRecord;
use crate::ui::components::library::{Records, import_view, rename_form, timestamp};
use crate::ui::i18n::{Key, msg};
use crate::ui::rosters::Rosters;
use crate::ui::state::AppState;

#[component]
pub fn RosterLibrary(rosters: Rosters) -> impl IntoView {
    let lang = AppState::expect().lang;
    let export_all = move |_| rosters.library.export_all();
    view! {
        <section aria-labelledby="roster-saved">
            <h2 id="roster-saved">{move || Key::RosterSavedTitle.text(lang.get())}</h2>
            // Keyed by revision and time of change (two tabs' edits can share a revision
            // number): only the rows of rosters that changed are built again, so a row being
            // renamed keeps its focus.
            <ul class="draft-list">
                <For each=move || rosters.library.list.get() key=|r| (r.id.clone(), r.revision, r.updated) let:record>
                    <SavedRoster record rosters/>
                </For>
            </ul>
            <p>
                <button type="button" class="secondary" on:click=move |_| rosters.start_new()>{move || Key::RosterNew.text(lang.get())}</button>
                " "
                <button type="button" class="secondary" on:click=export_all
                    disabled=move || rosters.library.list.with(Vec::is_empty)>{move || Key::RosterExportAll.text(lang.get())}</button>
            </p>
            {import_view(Records::Rosters, "roster-import-file", rosters.library)}
        </section>
    }
}

/// One roster kept on the device: its name, employees and last change, and its actions.
#[component]
fn SavedRoster(record: RosterRecord, rosters: Rosters) -> impl IntoView {
    let lang = AppState::expect().lang;
    let id = StoredValue::new(record.id.clone());
    // A memo: the row switches between form and actions only when this changes.
    let renaming = Memo::new(move |_| rosters.library.renaming.is_open(&id.read_value()));
    let save_name = Callback::new(move |()| rosters.library.finish_renaming(&id.read_value()));
    let is_open =
        move || rosters.library.current.get().as_deref() == Some(id.read_value().as_str());
    let name = record.name.clone();
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
                    return rename_form(rosters.library.renaming, save_name, id.get_value(), Key::RosterNameLabel, input_id()).into_any();
                }
                view! {
                    <p>
                        <strong>{name.clone()}</strong>
                        {is_open().then(|| view! { " " <span class="tag">{Key::DraftOpenNow.text(l)}</span> })}
                        <br/>
                        <span class="muted">{details()}</span>
                    </p>
                    <div class="actions">
                        {(!is_open()).then(|| view! {
                            <button type="button" class="primary" on:click=move |_| rosters.open(&id.read_value())>{Key::DraftOpen.text(l)}</button>
                        })}
                        <button type="button" class="secondary" on:click=move |_| rosters.library.start_renaming(&id.read_value())>{Key::DraftRename.text(l)}</button>
                        <button type="button" class="secondary" on:click=move |_| rosters.library.export(&id.read_value())>{Key::DraftExport.text(l)}</button>
                        <button type="button" class="secondary" on:click=move |_| rosters.delete(&id.read_value())>{Key::DraftDelete.text(l)}</button>
                    </div>
                }.into_any()
            }}
        </li>
    }
}
