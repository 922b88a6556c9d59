//! The roster, for HR: paste rows from a spreadsheet (or choose a CSV file), see every bad cell
//! explained, and one line per employee with the service, the people, the fees and the dates;
//! totals per service and for the company; the results as CSV, a calendar and a print pack.
//! Rows can be added and edited in the page, and any row opened as a draft. Everything is
//! computed by `domain::roster`; rosters are kept on this device like drafts ([`Rosters`]).

mod editor;
mod library;
mod results;

use leptos::prelude::*;

use crate::domain::catalogue::catalogue;
use crate::domain::checklist;
use crate::domain::encoding::Encoding;
use crate::domain::flow::{self, ServiceId, Step};
use crate::domain::ics::build_ics;
use crate::domain::lang::Lang;
use crate::domain::roster::saved;
use crate::domain::roster::{self, FileError, RowResult, SortBy};
use crate::domain::share;
use crate::platform::{clock, print};
use crate::route::Route;
use crate::ui::alert;
use crate::ui::components::library::{Records, library_notices};
use crate::ui::components::print_header::PrintHeader;
use crate::ui::components::tr;
use crate::ui::drafts::Drafts;
use crate::ui::i18n::{Key, msg};
use crate::ui::pages::outcome::person_checklist;
use crate::ui::rosters::Rosters;
use crate::ui::state::AppState;
use editor::{Editing, RowEditor};
use library::RosterLibrary;
use results::{
    RowActions, employee_name, problems_view, results_csv, roster_events, row_view, totals_view,
};

/// Lines of results listed at a time (more on request).
const LINES_PER_PAGE: usize = 100;

/// A value that belongs to one opening of a roster: once another roster is opened or a new one
/// started, it reads as `None` (a new roster getting its id as it is first saved is the same
/// opening).
struct PerOpening<T: Send + Sync + 'static> {
    value: RwSignal<Option<(u64, T)>>,
    openings: RwSignal<u64>,
}

impl<T: Send + Sync + 'static> Clone for PerOpening<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for PerOpening<T> {}

impl<T: Clone + Send + Sync + 'static> PerOpening<T> {
    fn new(openings: RwSignal<u64>) -> Self {
        PerOpening {
            value: RwSignal::new(None),
            openings,
        }
    }

    fn get(&self) -> Option<T> {
        let (opening, value) = self.value.get()?;
        (opening == self.openings.get()).then_some(value)
    }

    fn set(&self, value: Option<T>) {
        let opening = self.openings.get_untracked();
        self.value.set(value.map(|v| (opening, v)));
    }
}

#[component]
pub fn RosterPage() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let rosters = Rosters::expect();
    let drafts = Drafts::expect();
    let text = rosters.text;
    // What is being edited, and how the file chosen last was read (or why it was not): both
    // belong to one opening of a roster.
    let editing = PerOpening::<Editing>::new(rosters.openings);
    let set_editing = move |e: Option<Editing>| editing.set(e);
    // How the file chosen last was read, or why it was not; what the page says of it (only a
    // guessed encoding, or a refusal), and whether it is a refusal.
    let file_read = PerOpening::<Result<Encoding, FileError>>::new(rosters.openings);
    let file_note = move || match file_read.get()? {
        Ok(Encoding::Windows1251) => Some((Key::RosterFileWindows1251, false)),
        Ok(_) => None,
        Err(FileError::TooLarge) => Some((Key::RosterFileTooLarge, true)),
        Err(FileError::NotText) => Some((Key::RosterFileNotText, true)),
        Err(FileError::Unreadable) => Some((Key::RosterFileUnreadable, true)),
    };
    let service_filter = RwSignal::new(None::<ServiceId>);
    let closing_only = RwSignal::new(false);
    let sort_by = RwSignal::new(SortBy::Row);
    let lines_shown = RwSignal::new(LINES_PER_PAGE);
    let today = clock::today();
    // Worked out once per change of the text (results have no equality to compare).
    let parsed = Memo::new_with_compare(
        move |_| {
            let roster = roster::parse(&text.get());
            let results: Vec<RowResult> = roster
                .rows
                .iter()
                .map(|r| roster::result(r, today))
                .collect();
            (roster, results)
        },
        |_, _| true,
    );

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        file_read.set(None);
        // A file too large is not read at all.
        if file.size() > roster::MAX_FILE_BYTES as f64 {
            file_read.set(Some(Err(FileError::TooLarge)));
            return;
        }
        leptos::task::spawn_local(async move {
            let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .map(|b| js_sys::Uint8Array::new(&b).to_vec());
            let read = match bytes {
                Ok(bytes) => roster::read_file(&bytes).map(|(text, encoding)| {
                    rosters.set_text(text);
                    encoding
                }),
                Err(_) => Err(FileError::Unreadable),
            };
            file_read.set(Some(read));
        });
    };
    let template = move |_| {
        alert::download(
            "expat-navigator-roster-template.tsv",
            "text/tab-separated-values;charset=utf-8",
            roster::TEMPLATE,
        );
    };
    let calendar_file = move |_| {
        let l = lang.get_untracked();
        let events = parsed.with_untracked(|(r, results)| roster_events(r, results, l));
        alert::download(
            "expat-navigator-roster-dates.ics",
            "text/calendar;charset=utf-8",
            &build_ics(&events, today),
        );
    };
    // The print pack: every employee's checklists, rendered on request (a large roster would
    // otherwise build them all at every keystroke), then printed.
    let pack = RwSignal::new(false);
    // Kept on the device, so a reload prints as chosen.
    let second = RwSignal::new((!state.is_static()).then(print::second_language).flatten());
    let print_pack = move |_| {
        pack.set(true);
        request_animation_frame(print::print);
    };
    let export = move |_| {
        let l = lang.get_untracked();
        let csv = parsed.with_untracked(|(r, results)| results_csv(r, results, l));
        alert::download("expat-navigator-roster.csv", "text/csv;charset=utf-8", &csv);
    };
    let actions = RowActions {
        edit: Callback::new(move |line| set_editing(Some(Editing::Row(line)))),
        // The row's answers and dates become a draft of their own, opened on its result.
        open_as_draft: Callback::new(move |index: usize| {
            let l = lang.get_untracked();
            let opened = parsed.with_untracked(|(roster, _)| {
                let row = roster.rows.get(index)?;
                drafts
                    .create_with(&employee_name(row, l), row.to_application())
                    .ok()
            });
            if opened.is_some() {
                state.go(&Route::Outcome);
            }
        }),
    };

    view! {
        <div class:no-print=move || pack.get()>
        <h1>{tr(Key::RosterTitle)}</h1>
        <p class="lead">{tr(Key::RosterLead)}</p>
        {library_notices(rosters.library, Records::Rosters)}
        // Pasting first, as wide as the page, one line per row; the file and the template
        // beside each other after it, the rosters kept on the device at the end.
        <div class="field">
            <label for="roster-text">{tr(Key::RosterPaste)}</label>
            <p class="hint" id="roster-text-hint">{tr(Key::RosterPasteHint)}</p>
            <textarea id="roster-text" class="roster-text" rows="10" wrap="off" spellcheck="false"
                aria-describedby=move || match saved::size(&text.read()) {
                    saved::Size::Fits => "roster-text-hint",
                    _ => "roster-text-hint roster-size",
                }
                prop:value=move || text.get()
                on:input=move |ev| rosters.set_text(event_target_value(&ev))></textarea>
        </div>
        {move || size_note(&text.read(), lang.get())}
        <div class="roster-sources">
        <div class="field">
            <label for="roster-file">{tr(Key::RosterFile)}</label>
            {move || file_note().map(|(key, refused)| {
                let text = key.text(lang.get());
                if refused {
                    view! { <p class="error-message" id="roster-file-note" role="alert">{text}</p> }.into_any()
                } else {
                    view! { <p class="note" id="roster-file-note" role="status">{text}</p> }.into_any()
                }
            })}
            <input type="file" id="roster-file" accept=".csv,.tsv,.txt,text/csv" on:change=on_file
                aria-describedby=move || file_note().map(|_| "roster-file-note")/>
        </div>
        <p><button type="button" class="secondary" on:click=template>{tr(Key::RosterTemplate)}</button></p>
        </div>
        {move || match editing.get() {
            Some(e) => view! {
                <RowEditor rosters editing=e on_move=Callback::new(set_editing)
                    problems=Signal::derive(move || parsed.with(|(r, _)| r.problems.clone()))/>
            }.into_any(),
            None => view! {
                <p><button type="button" class="secondary" on:click=move |_| set_editing(Some(Editing::New))>{tr(Key::RosterAddRow)}</button></p>
            }.into_any(),
        }}
        {move || {
            let l = lang.get();
            parsed.with(|(roster, results)| {
                (!roster.rows.is_empty() || !roster.problems.is_empty()).then(|| {
                    let filter = service_filter.get();
                    let closing = closing_only.get();
                    let mut shown: Vec<(usize, &RowResult)> = results
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| filter.is_none() || r.service.map(|s| s.id) == filter)
                        .filter(|(_, r)| !closing || r.window_closing_within(10))
                        .collect();
                    let sort = sort_by.get();
                    roster::sort(&mut shown, sort, l);
                    // A page of lines at a time, so a roster of hundreds shows at once; the
                    // totals below cover every line.
                    let matching = shown.len();
                    let listed = matching.min(lines_shown.get());
                    let rows = shown
                        .into_iter()
                        .take(listed)
                        .map(|(i, r)| row_view(state, roster, i, r, actions, l))
                        .collect_view();
                    let totals = roster::totals(results);
                    let services: Vec<ServiceId> = totals.per_service.iter().map(|(id, _)| *id).collect();
                    view! {
                        {problems_view(&roster.problems, l)}
                        <section aria-labelledby="roster-results">
                            <h2 id="roster-results">{Key::RosterResults.text(l)}</h2>
                            <div class="field">
                                <label for="roster-filter">{Key::RosterFilterService.text(l)}</label>
                                <select id="roster-filter" on:change=move |ev| service_filter.set(ServiceId::from_id(&event_target_value(&ev)))>
                                    <option value="">{Key::RosterAllServices.text(l)}</option>
                                    {services.into_iter().map(|id| {
                                        let title = catalogue().get(id).title.get(l).to_owned();
                                        view! { <option value=id.as_str() selected=filter == Some(id)>{title}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="roster-sort">{Key::RosterSortBy.text(l)}</label>
                                <select id="roster-sort" on:change=move |ev| sort_by.set(SortBy::from_code(&event_target_value(&ev)))>
                                    {[(SortBy::Row, Key::RosterSortRow), (SortBy::Service, Key::RosterColService), (SortBy::Fees, Key::RosterSortFees), (SortBy::Ready, Key::RosterSortReady)]
                                        .into_iter()
                                        .map(|(by, key)| view! { <option value=by.code() selected=sort == by>{key.text(l)}</option> })
                                        .collect_view()}
                                </select>
                            </div>
                            <div class="choice">
                                <input type="checkbox" id="roster-closing" prop:checked=closing
                                    on:change=move |ev| closing_only.set(event_target_checked(&ev))/>
                                <label for="roster-closing">{Key::RosterClosingOnly.text(l)}</label>
                            </div>
                            <div class="table-wrap">
                                <table>
                                    <caption>{Key::RosterResults.text(l)}</caption>
                                    <thead><tr>
                                        <th scope="col">{Key::RosterColRow.text(l)}</th>
                                        <th scope="col">{Key::RosterColEmployee.text(l)}</th>
                                        <th scope="col">{Key::RosterColService.text(l)}</th>
                                        <th scope="col" class="num">{Key::RosterColPeople.text(l)}</th>
                                        <th scope="col" class="num">{Key::RosterColFees.text(l)}</th>
                                        <th scope="col">{Key::RosterColDates.text(l)}</th>
                                        <th scope="col">{Key::RosterColLink.text(l)}</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                            {(matching > listed).then(|| view! {
                                <p>
                                    {msg::RosterShowing { shown: &listed, count: matching as u64 }.text(l)} " "
                                    <button type="button" class="secondary" on:click=move |_| lines_shown.update(|n| *n += LINES_PER_PAGE)>
                                        {msg::DraftsShowMore { count: (matching - listed).min(LINES_PER_PAGE) as u64 }.text(l)}
                                    </button>
                                </p>
                            })}
                            {totals_view(totals, l)}
                            <p>
                                <button type="button" class="secondary" on:click=export>{Key::RosterExportCsv.text(l)}</button>
                                " "
                                <button type="button" class="secondary" on:click=calendar_file>{Key::RosterExportIcs.text(l)}</button>
                            </p>
                            <div class="field">
                                <label for="roster-second-language">{Key::SecondLanguage.text(l)}</label>
                                <select id="roster-second-language" on:change=move |ev| {
                                    let chosen = Lang::from_code(&event_target_value(&ev));
                                    print::remember_second_language(chosen);
                                    second.set(chosen);
                                }>
                                    <option value="" selected=second.get_untracked().is_none()>{Key::SecondLanguageNone.text(l)}</option>
                                    {Lang::ALL.into_iter().filter(|o| *o != l).map(|o| view! {
                                        <option value=o.code() lang=o.code() selected=second.get_untracked() == Some(o)>{o.endonym()}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <p><button type="button" class="primary" on:click=print_pack>{Key::RosterPrintPack.text(l)}</button></p>
                        </section>
                    }
                })
            })
        }}
        <RosterLibrary rosters/>
        </div>
        {move || pack.get().then(|| {
            let l = lang.get();
            let second = second.get().filter(|o| *o != l);
            parsed.with(|(roster, results)| {
                roster.rows.iter().zip(results).filter_map(|(row, r)| {
                    let service = r.service?;
                    let Step::Done(outcome) = flow::next(&row.answers) else { return None };
                    let list = checklist::for_service(service, &outcome, &row.answers);
                    let share_url = state.share_url(&share::encode(&row.answers));
                    let title = if row.label.is_empty() { msg::RosterRowName { line: &row.line }.text(l) } else { row.label.clone() };
                    let people = list.people.iter()
                        .map(|person| person_checklist(person, &row.answers, state, l, second))
                        .collect_view();
                    Some(view! {
                        <section class="roster-employee print-only">
                            <PrintHeader service share_url second_language=Signal::derive(move || second)/>
                            <h2 class="roster-employee-title">{format!("{title}: {}", service.title.get(l))}</h2>
                            {people}
                        </section>
                    })
                }).collect_view()
            })
        })}
    }
}

/// What the page says of the roster's size as it grows: a warning past the size a damaged copy
/// could be kept aside at, a refusal (with the text to download) past what a roster may hold.
fn size_note(text: &str, l: Lang) -> Option<AnyView> {
    let (bytes, too_large) = match saved::size(text) {
        saved::Size::Fits => return None,
        saved::Size::Large { bytes } => (bytes, false),
        saved::Size::TooLarge { bytes } => (bytes, true),
    };
    let size = msg::Megabytes {
        size: &crate::ui::format::number(crate::ui::format::megabytes(bytes), l),
    }
    .text(l);
    Some(if too_large {
        let text = text.to_owned();
        let download = move |_| {
            alert::download(
                "expat-navigator-roster.tsv",
                "text/tab-separated-values;charset=utf-8",
                &text,
            )
        };
        view! {
            <div class="error-summary" id="roster-size" role="alert">
                <p>{msg::RosterSizeTooLarge { size: &size }.text(l)}</p>
                <p><button type="button" class="secondary" on:click=download>{Key::RosterDownloadText.text(l)}</button></p>
            </div>
        }
        .into_any()
    } else {
        view! { <p class="warning" id="roster-size" role="status">{msg::RosterSizeLarge { size: &size }.text(l)}</p> }
            .into_any()
    })
}
