//! The roster's results: one line per employee, the problems by row and column, the totals,
//! and the files made from them (CSV, calendar).

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::domain::catalogue::catalogue;
use crate::domain::csv;
use crate::domain::deadlines::{Deadline, Milestone};
use crate::domain::flow::{self, Step};
use crate::domain::ics::IcsEvent;
use crate::domain::lang::Lang;
use crate::domain::roster::{self, CellIssue, CellProblem, Roster, RowResult};
use crate::domain::share;
use crate::ui::components::dates::words;
use crate::ui::format;
use crate::ui::i18n::{Key, msg};
use crate::ui::state::AppState;

/// What a line's buttons do: edit the row (by its line), open it as a draft (by its index).
#[derive(Clone, Copy)]
pub(super) struct RowActions {
    pub edit: Callback<usize>,
    pub open_as_draft: Callback<usize>,
}

pub(super) fn row_view(
    state: AppState,
    roster: &Roster,
    index: usize,
    r: &RowResult,
    actions: RowActions,
    l: Lang,
) -> impl IntoView + use<> {
    let row = &roster.rows[index];
    let line = row.line;
    let who = employee_name(row, l);
    // What is still missing: the next question the answers lead to.
    let service = match (r.service, flow::next(&row.answers)) {
        (Some(s), _) => s.title.get(l).to_owned(),
        (None, Step::Ask(q)) => msg::RosterIncomplete {
            question: &q.to_string(),
        }
        .text(l),
        (None, Step::Done(_)) => "–".to_owned(),
    };
    let fees = match (r.total(), r.unconfirmed()) {
        (Some(total), false) => format::kzt(total, l),
        (Some(total), true) => format!("{} ({})", format::kzt(total, l), Key::Unconfirmed.text(l)),
        (None, _) => "–".into(),
    };
    let mut dates = Vec::new();
    if let Some(ready) = r.ready_by() {
        dates.push(
            msg::RosterReadyBy {
                date: &format::day(ready, l),
            }
            .text(l),
        );
    }
    if let Some(w) = r.window() {
        dates.push(
            msg::RosterWindow {
                opens: &format::day(w.opens.date, l),
                closes: &format::day(w.closes.date, l),
            }
            .text(l),
        );
    }
    if let Some(notify) = r.notify_arrival_by() {
        dates.push(
            msg::RosterNotifyBy {
                date: &format::day(notify.date, l),
            }
            .text(l),
        );
    }
    if let Some(timing) = r.late_invitation() {
        dates.push(
            msg::RosterInvitationLate {
                ready: &format::day(timing.ready, l),
                needed: &format::day(timing.needed_by.date, l),
            }
            .text(l),
        );
    }
    if r.passport_problem() {
        dates.push(Key::RosterPassportProblem.text(l).to_owned());
    } else if r.dates.passport.is_some() {
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
            // Each action its own item, spaced, and named for its row.
            <td>
                <ul class="row-actions">
                    <li><a href=link aria-label=format!("{} – {who}", Key::RosterOpen.text(l))>{Key::RosterOpen.text(l)}</a></li>
                    <li><button type="button" class="link" aria-label=format!("{} – {who}", Key::RosterEdit.text(l))
                        on:click=move |_| actions.edit.run(line)>{Key::RosterEdit.text(l)}</button></li>
                    {r.service.is_some().then(|| view! {
                        <li><button type="button" class="link" aria-label=format!("{} – {who}", Key::RosterOpenDraft.text(l))
                            on:click=move |_| actions.open_as_draft.run(index)>{Key::RosterOpenDraft.text(l)}</button></li>
                    })}
                </ul>
            </td>
        </tr>
    }
}

pub(super) fn problems_view(problems: &[CellProblem], l: Lang) -> Option<impl IntoView + use<>> {
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
pub(super) fn problem_text(p: &CellProblem, l: Lang) -> String {
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
        CellIssue::AmbiguousDate { value, read } => {
            // The same figures read month first: a real day, or the date would not be ambiguous.
            let other =
                NaiveDate::from_ymd_opt(read.year(), read.day(), read.month()).unwrap_or(*read);
            msg::RosterAmbiguousDate {
                value,
                date: &format::day(*read, l),
                other: &format::day(other, l),
                written: &format::numeric(other),
            }
            .text(l)
        }
        CellIssue::NotAsked => Key::RosterNotAsked.text(l).to_owned(),
        CellIssue::WaitsFor { question } => msg::RosterWaitsFor {
            question: &question.to_string(),
        }
        .text(l),
        CellIssue::Missing => Key::RosterMissing.text(l).to_owned(),
        CellIssue::ExtraCells { count } => msg::RosterExtraCells {
            count: *count as u64,
        }
        .text(l),
        CellIssue::UnclosedQuote => Key::RosterUnclosedQuote.text(l).to_owned(),
    };
    msg::RosterProblem {
        line: &p.line,
        column: &p.column,
        what: &what,
    }
    .text(l)
}

pub(super) fn totals_view(totals: roster::Totals, l: Lang) -> impl IntoView + use<> {
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
        .map(|(id, t)| line(catalogue().get(id).title.get(l).to_owned(), t))
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
pub(super) fn roster_events(roster: &Roster, results: &[RowResult], l: Lang) -> Vec<IcsEvent> {
    let mut events = Vec::new();
    for (row, r) in roster.rows.iter().zip(results) {
        let Some(service) = r.service else { continue };
        let who = employee_name(row, l);
        let mut add = |what: &str, d: &Deadline| {
            let summary = format!("{who}: {what} – {}", service.title.get(l));
            events.push(IcsEvent::new(d.date, summary, words::explanation(d, l)));
        };
        if let Some(Ok(ready)) = &r.dates.ready {
            add(Key::DatesReadyBy.text(l), &ready.latest);
        }
        if let Some(w) = r.window() {
            add(Key::DatesWindowOpens.text(l), &w.opens);
            add(Key::DatesWindowCloses.text(l), &w.closes);
        }
        if let Some(notify) = r.notify_arrival_by() {
            add(words::milestone(Milestone::NotifyArrival, l), notify);
        }
        if let Some(check) = r.dates.passport.as_ref().and_then(|p| p.check.as_ref()) {
            add(Key::DatesPassportNeeded.text(l), &check.required_until);
        }
    }
    events
}

/// The roster with its results, one line per employee, for a spreadsheet. Every text goes
/// through [`csv::cell`], so a label such as `=HYPERLINK(..)` is shown, never run.
pub(super) fn results_csv(roster: &Roster, results: &[RowResult], l: Lang) -> String {
    let mut out = String::from(
        "row,label,service,people,fees_kzt,unconfirmed,ready_by,extension_opens,extension_closes,notify_arrival_by,invitation_late,passport_problem\r\n",
    );
    for (row, r) in roster.rows.iter().zip(results) {
        let date = |d: Option<NaiveDate>| csv::cell(&d.map(|d| d.to_string()).unwrap_or_default());
        let window = r.window();
        out.push_str(&csv::line(&[
            csv::number(row.line),
            csv::cell(&row.label),
            csv::cell(r.service.map(|s| s.title.get(l)).unwrap_or_default()),
            csv::number(r.persons),
            r.total().map_or_else(|| csv::cell(""), csv::number),
            csv::cell(&r.unconfirmed().to_string()),
            date(r.ready_by()),
            date(window.map(|w| w.opens.date)),
            date(window.map(|w| w.closes.date)),
            date(r.notify_arrival_by().map(|d| d.date)),
            csv::cell(&r.late_invitation().is_some().to_string()),
            csv::cell(&r.passport_problem().to_string()),
        ]));
    }
    out
}

/// The employee's label, or "Row 3" when the row has none.
pub(super) fn employee_name(row: &roster::Row, l: Lang) -> String {
    if row.label.is_empty() {
        msg::RosterRowName { line: &row.line }.text(l)
    } else {
        row.label.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_results_csv_neutralises_labels_that_look_like_formulas_even_after_trimming() {
        // A label cell is trimmed as it is read: what is written is what is left, neutralised.
        let text = "label,need,registration,family\n\
                    \"=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\",registration,iin,0\n\
                    \"\t=1+1\",registration,iin,0\n\
                    \" -2+3\",registration,iin,0\n\
                    @SUM(A1:A2),registration,iin,0\n\
                    Aigerim,registration,iin,0\n";
        let roster = roster::parse(text);
        let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let results: Vec<RowResult> = roster
            .rows
            .iter()
            .map(|r| roster::result(r, today))
            .collect();
        let csv = results_csv(&roster, &results, Lang::En);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[1].starts_with("2,\"'=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\","));
        assert!(lines[2].starts_with("3,\"'=1+1\","), "{}", lines[2]);
        assert!(lines[3].starts_with("4,\"'-2+3\","), "{}", lines[3]);
        assert!(lines[4].starts_with("5,\"'@SUM(A1:A2)\","), "{}", lines[4]);
        assert!(lines[5].starts_with("6,\"Aigerim\","), "{}", lines[5]);
    }
}
