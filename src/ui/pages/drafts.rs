use leptos::prelude::*;

use crate::domain::catalogue::catalogue;
use crate::domain::draft::Draft;
use crate::domain::flow::QuestionId;
use crate::route::Route;
use crate::ui::components::library::{
    Records, import_view, library_notices, name_error_key, rename_form, timestamp,
};
use crate::ui::components::tr;
use crate::ui::drafts::Drafts;
use crate::ui::i18n::{Key, msg};
use crate::ui::state::AppState;

/// Drafts listed at a time (more on request, or found by name).
const PAGE: usize = 50;

/// Many named drafts: open, rename, duplicate, delete with undo, export and import.
#[component]
pub fn DraftsPage() -> impl IntoView {
    let state = AppState::expect();
    let drafts = Drafts::expect();
    let lang = state.lang;
    // Kept on the device as it is typed (see `Renames`).
    let typed = drafts.library.renaming;
    let new_name = typed.new_name;
    let name_error = RwSignal::new(None::<Key>);
    let search = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match drafts.create(&new_name.get_untracked()) {
            Ok(()) => {
                typed.type_new_name(String::new());
                name_error.set(None);
                state.go(&Route::Question(QuestionId::Need));
            }
            Err(e) => name_error.set(Some(name_error_key(e))),
        }
    };
    let export_all = move |_| drafts.library.export_all();

    // Newest first; a page at a time, so thousands of drafts open at once.
    let listing = Memo::new(move |_| {
        let query = search.get().trim().to_lowercase();
        drafts.library.list.with(|list| {
            let matches = |d: &&Draft| query.is_empty() || d.name.to_lowercase().contains(&query);
            Listing {
                rows: list
                    .iter()
                    .filter(matches)
                    .take(shown.get())
                    .cloned()
                    .collect(),
                total: list.len(),
                matching: list.iter().filter(matches).count(),
            }
        })
    });

    view! {
        <h1>{tr(Key::DraftsTitle)}</h1>
        <p class="lead">{tr(Key::DraftsLead)}</p>
        {library_notices(drafts.library, Records::Drafts)}
        <section aria-labelledby="drafts-list">
            <h2 id="drafts-list">{tr(Key::DraftsYours)}</h2>
            {move || drafts.library.list.with(|l| l.len() > PAGE).then(|| view! {
                <div class="field">
                    <label for="drafts-search">{tr(Key::DraftsSearchLabel)}</label>
                    <input type="search" id="drafts-search" autocomplete="off"
                        prop:value=move || search.get()
                        on:input=move |ev| { search.set(event_target_value(&ev)); shown.set(PAGE); }/>
                </div>
            })}
            {move || {
                let l = lang.get();
                let (total, matching, listed) = listing.with(|l| (l.total, l.matching, l.rows.len()));
                if total == 0 {
                    return view! { <p>{Key::DraftsNone.text(l)}</p> }.into_any();
                }
                (total > PAGE || search.with(|s| !s.trim().is_empty())).then(|| view! {
                    <p class="muted" role="status">
                        {msg::DraftsShowing { shown: &listed, matching: &matching, count: total as u64 }.text(l)}
                    </p>
                })
                .into_any()
            }}
            // Keyed by revision and time of change (two tabs' edits can share a revision
            // number): when the list changes, only the rows of drafts that changed are built
            // again, so a row being renamed keeps its focus.
            <ul class="draft-list" hidden=move || listing.with(|l| l.rows.is_empty())>
                <For each=move || listing.with(|l| l.rows.clone()) key=|d| (d.id.clone(), d.revision, d.updated) let:draft>
                    <DraftRow draft drafts/>
                </For>
            </ul>
            {move || {
                let (matching, listed) = listing.with(|l| (l.matching, l.rows.len()));
                (matching > listed).then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {move || msg::DraftsShowMore { count: (matching - listed).min(PAGE) as u64 }.text(lang.get())}
                    </button>
                })
            }}
        </section>
        <section aria-labelledby="new-draft">
            <h2 id="new-draft">{tr(Key::DraftsNew)}</h2>
            <form novalidate on:submit=create>
                <div class="field" class:has-error=move || name_error.get().is_some()>
                    <label for="new-draft-name">{tr(Key::DraftName)}</label>
                    <p class="hint" id="new-draft-name-hint">{tr(Key::DraftNameHint)}</p>
                    {move || name_error.get().map(|k| view! {
                        <p class="error-message" id="new-draft-name-error">{k.text(lang.get())}</p>
                    })}
                    <input type="text" id="new-draft-name" autocomplete="off" maxlength="100"
                        aria-describedby=move || if name_error.get().is_some() { "new-draft-name-hint new-draft-name-error" } else { "new-draft-name-hint" }
                        prop:value=move || new_name.get()
                        on:input=move |ev| typed.type_new_name(event_target_value(&ev))/>
                </div>
                <button type="submit" class="primary">{tr(Key::DraftsCreate)}</button>
            </form>
        </section>
        <section aria-labelledby="export-import">
            <h2 id="export-import">{tr(Key::DraftsExportImport)}</h2>
            <p>{tr(Key::DraftsExportHint)}</p>
            <button type="button" class="secondary" on:click=export_all
                disabled=move || drafts.library.list.with(Vec::is_empty)>{tr(Key::DraftsExportAll)}</button>
            {import_view(Records::Drafts, "import-file", drafts.library)}
        </section>
    }
}

/// The drafts shown: those matching the search, up to the number asked for.
#[derive(Clone, PartialEq)]
struct Listing {
    rows: Vec<Draft>,
    total: usize,
    matching: usize,
}

/// One draft: name, service, last change, and its actions.
#[component]
fn DraftRow(draft: Draft, drafts: Drafts) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let id = StoredValue::new(draft.id.clone());
    let is_open = move || drafts.library.current.get().as_deref() == Some(id.read_value().as_str());
    let service = draft.service().map(|id| catalogue().get(id));
    let open = move |_| {
        drafts.open(&id.read_value());
        state.go(&if service.is_some() {
            Route::Outcome
        } else {
            Route::CheckAnswers
        });
    };
    // A memo: the row switches between form and actions only when this changes.
    let renaming = Memo::new(move |_| drafts.library.renaming.is_open(&id.read_value()));
    let save_name = Callback::new(move |()| drafts.library.finish_renaming(&id.read_value()));
    let answered = draft.application.answered();
    let updated = draft.updated;
    let title = draft.name.clone();
    view! {
        <li class="draft">
            <h3>{title} {move || is_open().then(|| view! { <span class="tag">{Key::DraftOpenNow.text(lang.get())}</span> })}</h3>
            <p class="muted">
                {move || {
                    let l = lang.get();
                    let what = service.map_or_else(
                        || msg::DraftInProgress { count: answered as u64 }.text(l),
                        |s| s.title.get(l).to_owned(),
                    );
                    format!("{what} · {} {}", Key::DraftLastChange.text(l), timestamp(updated))
                }}
            </p>
            {move || if renaming.get() {
                let id = id.get_value();
                rename_form(drafts.library.renaming, save_name, id.clone(), Key::DraftName, format!("rename-{id}")).into_any()
            } else {
                let l = lang.get();
                view! {
                    <div class="actions">
                        <button type="button" class="primary" on:click=open>{Key::DraftOpen.text(l)}</button>
                        <button type="button" class="secondary" on:click=move |_| drafts.library.start_renaming(&id.read_value())>{Key::DraftRename.text(l)}</button>
                        <button type="button" class="secondary" on:click=move |_| drafts.duplicate(&id.read_value())>{Key::DraftDuplicate.text(l)}</button>
                        <button type="button" class="secondary" on:click=move |_| drafts.library.export(&id.read_value())>{Key::DraftExport.text(l)}</button>
                        <button type="button" class="secondary" on:click=move |_| drafts.delete(&id.read_value())>{Key::DraftDelete.text(l)}</button>
                    </div>
                }.into_any()
            }}
        </li>
    }
}
