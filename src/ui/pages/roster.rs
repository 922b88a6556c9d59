//! The roster, for HR: paste rows from a spreadsheet (or choose a CSV file), see every bad cell
//! explained, and one line per employee with the service, the people, the fees and the dates;
//! totals per service and for the company; the results as CSV. Everything is computed by
//! `domain::roster`; the pasted text is kept on this device as it is typed.

use leptos::prelude::*;

use crate::domain::catalogue::catalogue;
use crate::domain::checklist;
use crate::domain::deadlines::Deadline;
use crate::domain::flow::{self, Step};
use crate::domain::ics::{IcsEvent, build_ics};
use crate::domain::lang::Lang;
use crate::domain::roster::{self, CellIssue, CellProblem, Roster, RowResult};
use crate::domain::share;
use crate::platform::storage;
use crate::platform::{clock, download, print};
use crate::ui::components::dates::words;
use crate::ui::components::print_header::PrintHeader;
use crate::ui::components::tr;
use crate::ui::format;
use crate::ui::i18n::{Key, msg};
use crate::ui::pages::outcome::person_checklist;
use crate::ui::state::AppState;

/// Lines of results listed at a time (more on request).
const LINES_PER_PAGE: usize = 100;

/// Where the pasted text is kept (on this device only, like every draft).
const STORAGE_KEY: &str = "expat-navigator.roster";

#[component]
pub fn RosterPage() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let store = StoredValue::new_local(storage::open());
    let saved = store.with_value(|s| s.get(STORAGE_KEY).ok().flatten());
    let text = RwSignal::new(saved.unwrap_or_default());
    // What is typed is kept on the device as it is typed. A failed write leaves the text in the
    // box; rosters do not have the drafts' retries and status yet.
    Effect::new(move |first: Option<()>| {
        let value = text.get();
        if first.is_some() {
            store.with_value(|s| {
                let _ = s.set(STORAGE_KEY, &value);
            });
        }
    });
    let service_filter = RwSignal::new(String::new());
    let closing_only = RwSignal::new(false);
    let sort_by = RwSignal::new(String::from("row"));
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
        leptos::task::spawn_local(async move {
            if let Some(t) = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
            {
                text.set(t);
            }
        });
    };
    let template = move |_| {
        download::download(
            "expat-navigator-roster-template.tsv",
            "text/tab-separated-values;charset=utf-8",
            roster::TEMPLATE,
        );
    };
    let calendar_file = move |_| {
        let l = lang.get_untracked();
        let events = parsed.with_untracked(|(r, results)| roster_events(r, results, l));
        download::download(
            "expat-navigator-roster-dates.ics",
            "text/calendar;charset=utf-8",
            &build_ics(&events, today),
        );
    };
    // The print pack: every employee's checklists, rendered on request (a large roster would
    // otherwise build them all at every keystroke), then printed.
    let pack = RwSignal::new(false);
    let second = RwSignal::new(None::<Lang>);
    let print_pack = move |_| {
        pack.set(true);
        request_animation_frame(print::print);
    };
    let export = move |_| {
        let l = lang.get_untracked();
        let csv = parsed.with_untracked(|(r, results)| results_csv(r, results, l));
        download::download("expat-navigator-roster.csv", "text/csv;charset=utf-8", &csv);
    };

    view! {
        <div class:no-print=move || pack.get()>
        <h1>{tr(Key::RosterTitle)}</h1>
        <p class="lead">{tr(Key::RosterLead)}</p>
        <p><button type="button" class="secondary" on:click=template>{tr(Key::RosterTemplate)}</button></p>
        <div class="field">
            <label for="roster-text">{tr(Key::RosterPaste)}</label>
            <p class="hint" id="roster-text-hint">{tr(Key::RosterPasteHint)}</p>
            <textarea id="roster-text" rows="8" aria-describedby="roster-text-hint" spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
        </div>
        <div class="field">
            <label for="roster-file">{tr(Key::RosterFile)}</label>
            <input type="file" id="roster-file" accept=".csv,.tsv,.txt,text/csv" on:change=on_file/>
        </div>
        {move || {
            let l = lang.get();
            parsed.with(|(roster, results)| {
                (!roster.rows.is_empty() || !roster.problems.is_empty()).then(|| {
                    let filter = service_filter.get();
                    let closing = closing_only.get();
                    let mut shown: Vec<(usize, &RowResult)> = results
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| filter.is_empty() || r.service.is_some_and(|s| s.id == filter))
                        .filter(|(_, r)| !closing || r.window_closing_within(10))
                        .collect();
                    let sort = sort_by.get();
                    match sort.as_str() {
                        // Rows still missing answers go last.
                        "service" => shown.sort_by_key(|(_, r)| {
                            let title = r.service.map(|s| s.title.get(l));
                            (title.is_none(), title)
                        }),
                        "fees" => shown.sort_by_key(|(_, r)| std::cmp::Reverse(r.total())),
                        "ready" => shown.sort_by_key(|(_, r)| {
                            let date = r.ready_by.as_ref().and_then(|x| x.as_ref().ok()).map(|x| x.latest.date);
                            (date.is_none(), date)
                        }),
                        _ => {}
                    }
                    // A page of lines at a time, so a roster of hundreds shows at once; the
                    // totals below cover every line.
                    let matching = shown.len();
                    let listed = matching.min(lines_shown.get());
                    let rows = shown
                        .into_iter()
                        .take(listed)
                        .map(|(i, r)| row_view(state, roster, i, r, l))
                        .collect_view();
                    let totals = roster::totals(results);
                    let services: Vec<&'static str> = totals.per_service.iter().map(|(id, _)| *id).collect();
                    view! {
                        {problems_view(&roster.problems, l)}
                        <section aria-labelledby="roster-results">
                            <h2 id="roster-results">{Key::RosterResults.text(l)}</h2>
                            <div class="field">
                                <label for="roster-filter">{Key::RosterFilterService.text(l)}</label>
                                <select id="roster-filter" on:change=move |ev| service_filter.set(event_target_value(&ev))>
                                    <option value="">{Key::RosterAllServices.text(l)}</option>
                                    {services.into_iter().map(|id| {
                                        let title = catalogue().service(id).map(|s| s.title.get(l).to_owned()).unwrap_or_default();
                                        view! { <option value=id selected=filter == id>{title}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="roster-sort">{Key::RosterSortBy.text(l)}</label>
                                <select id="roster-sort" on:change=move |ev| sort_by.set(event_target_value(&ev))>
                                    {[("row", Key::RosterSortRow), ("service", Key::RosterColService), ("fees", Key::RosterSortFees), ("ready", Key::RosterSortReady)]
                                        .into_iter()
                                        .map(|(value, key)| view! { <option value=value selected=sort == value>{key.text(l)}</option> })
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
                                <select id="roster-second-language" on:change=move |ev| second.set(Lang::from_code(&event_target_value(&ev)))>
                                    <option value="">{Key::SecondLanguageNone.text(l)}</option>
                                    {Lang::ALL.into_iter().filter(|o| *o != l).map(|o| view! {
                                        <option value=o.code() lang=o.code()>{o.endonym()}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <p><button type="button" class="primary" on:click=print_pack>{Key::RosterPrintPack.text(l)}</button></p>
                        </section>
                    }
                })
            })
        }}
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

fn row_view(
    state: AppState,
    roster: &Roster,
    index: usize,
    r: &RowResult,
    l: Lang,
) -> impl IntoView + use<> {
    let row = &roster.rows[index];
    let service = r
        .service
        .map(|s| s.title.get(l).to_owned())
        .unwrap_or_else(|| Key::RosterIncomplete.text(l).to_owned());
    let fees = match (r.total(), r.unconfirmed()) {
        (Some(total), false) => format::kzt(total, l),
        (Some(total), true) => format!("{} ({})", format::kzt(total, l), Key::Unconfirmed.text(l)),
        (None, _) => "–".into(),
    };
    let mut dates = Vec::new();
    if let Some(Ok(ready)) = &r.ready_by {
        dates.push(
            msg::RosterReadyBy {
                date: &format::day(ready.latest.date, l),
            }
            .text(l),
        );
    }
    if let Some(Ok(w)) = &r.window {
        dates.push(
            msg::RosterWindow {
                opens: &format::day(w.opens.date, l),
                closes: &format::day(w.closes.date, l),
            }
            .text(l),
        );
    }
    if r.passport_problem() {
        dates.push(Key::RosterPassportProblem.text(l).to_owned());
    } else if r.passport.is_some() {
        dates.push(Key::DatesPassportOk.text(l).to_owned());
    }
    let link = state.share_url(&share::encode(&row.answers));
    view! {
        <tr>
            <th scope="row">{row.line}</th>
            <td>{row.label.clone()}</td>
            <td>{service}</td>
            <td class="num">{r.persons}</td>
            <td class="num">{fees}</td>
            <td>{dates.join("; ")}</td>
            <td><a href=link>{Key::RosterOpen.text(l)}</a></td>
        </tr>
    }
}

fn problems_view(problems: &[CellProblem], l: Lang) -> Option<impl IntoView + use<>> {
    (!problems.is_empty()).then(|| {
        let items = problems
            .iter()
            .map(|p| view! { <li>{problem_text(p, l)}</li> })
            .collect_view();
        view! {
            <div class="warning" role="status">
                <p><strong>{Key::RosterProblemsTitle.text(l)}</strong></p>
                <ul>{items}</ul>
            </div>
        }
    })
}

/// "Row 3, column where: “mars” is not allowed. Allowed: outside, inside."
fn problem_text(p: &CellProblem, l: Lang) -> String {
    let what = match &p.issue {
        CellIssue::UnknownColumn => Key::RosterUnknownColumn.text(l).to_owned(),
        CellIssue::RepeatedColumn => Key::RosterRepeatedColumn.text(l).to_owned(),
        CellIssue::NotAllowed { value, allowed } => msg::RosterNotAllowed {
            value,
            allowed: &allowed.join(", "),
        }
        .text(l),
        CellIssue::NotACount { value, min, max } => {
            msg::RosterNotACount { value, min, max }.text(l)
        }
        CellIssue::NotADate { value } => msg::RosterNotADate { value }.text(l),
        CellIssue::NotAsked => Key::RosterNotAsked.text(l).to_owned(),
        CellIssue::Missing => Key::RosterMissing.text(l).to_owned(),
        CellIssue::ExtraCells { count } => msg::RosterExtraCells {
            count: *count as u64,
        }
        .text(l),
    };
    msg::RosterProblem {
        line: &p.line,
        column: &p.column,
        what: &what,
    }
    .text(l)
}

fn totals_view(totals: roster::Totals, l: Lang) -> impl IntoView + use<> {
    let line = |name: String, t: roster::Total| {
        let fees = if t.unconfirmed > 0 {
            format!("{} ({})", format::kzt(t.fees, l), Key::Unconfirmed.text(l))
        } else {
            format::kzt(t.fees, l)
        };
        view! { <tr><th scope="row">{name}</th><td class="num">{t.employees}</td><td class="num">{t.persons}</td><td class="num">{fees}</td></tr> }
    };
    let rows = totals
        .per_service
        .into_iter()
        .map(|(id, t)| {
            line(
                catalogue()
                    .service(id)
                    .map(|s| s.title.get(l).to_owned())
                    .unwrap_or_default(),
                t,
            )
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table>
                <caption>{Key::RosterTotals.text(l)}</caption>
                <thead><tr>
                    <th scope="col">{Key::RosterColService.text(l)}</th>
                    <th scope="col" class="num">{Key::RosterColEmployees.text(l)}</th>
                    <th scope="col" class="num">{Key::RosterColPeople.text(l)}</th>
                    <th scope="col" class="num">{Key::RosterColFees.text(l)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
                <tfoot>{line(Key::RosterCompany.text(l).to_owned(), totals.company)}</tfoot>
            </table>
        </div>
    }
}

/// Every employee's dates, for one calendar: ready-by, the extension window, the passport.
fn roster_events(roster: &Roster, results: &[RowResult], l: Lang) -> Vec<IcsEvent> {
    let mut events = Vec::new();
    for (row, r) in roster.rows.iter().zip(results) {
        let Some(service) = r.service else { continue };
        let who = if row.label.is_empty() {
            msg::RosterRowName { line: &row.line }.text(l)
        } else {
            row.label.clone()
        };
        let mut add = |what: &str, d: &Deadline| {
            let summary = format!("{who}: {what} – {}", service.title.get(l));
            events.push(IcsEvent::new(d.date, summary, words::explanation(d, l)));
        };
        if let Some(Ok(ready)) = &r.ready_by {
            add(Key::DatesReadyBy.text(l), &ready.latest);
        }
        if let Some(Ok(w)) = &r.window {
            add(Key::DatesWindowOpens.text(l), &w.opens);
            add(Key::DatesWindowCloses.text(l), &w.closes);
        }
        if let Some(check) = r.passport.as_ref().and_then(|p| p.check.as_ref()) {
            add(Key::DatesPassportNeeded.text(l), &check.required_until);
        }
    }
    events
}

/// The roster with its results, one line per employee, for a spreadsheet.
fn results_csv(roster: &Roster, results: &[RowResult], l: Lang) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::from(
        "row,label,service,people,fees_kzt,unconfirmed,ready_by,extension_opens,extension_closes,passport_problem\r\n",
    );
    for (row, r) in roster.rows.iter().zip(results) {
        let ready = r
            .ready_by
            .as_ref()
            .and_then(|x| x.as_ref().ok())
            .map(|x| x.latest.date.to_string())
            .unwrap_or_default();
        let (opens, closes) = r
            .window
            .as_ref()
            .and_then(|x| x.as_ref().ok())
            .map(|w| (w.opens.date.to_string(), w.closes.date.to_string()))
            .unwrap_or_default();
        let fields = [
            row.line.to_string(),
            quote(&row.label),
            quote(r.service.map(|s| s.title.get(l)).unwrap_or_default()),
            r.persons.to_string(),
            r.total().map(|t| t.to_string()).unwrap_or_default(),
            r.unconfirmed().to_string(),
            ready,
            opens,
            closes,
            r.passport_problem().to_string(),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}
