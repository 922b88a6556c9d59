//! The rooms of the dates block: a list of dated facts, the extension window, the relocation
//! timeline, the passport. Each renders domain values; `words` says what they mean.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::words;
use crate::domain::catalogue::{Processing, ServiceKind};
use crate::domain::deadlines::{
    self, Deadline, DeadlineError, ExtensionWindow, PassportFacts, ReadyBy, RelocationTimeline,
    Rule, TimelineStatus, WindowStatus,
};
use crate::domain::lang::Lang;
use crate::ui::format;
use crate::ui::i18n::{Key, msg};

/// "Ready by" (or earliest and latest for a range, "Served on" for minutes), then the worst case.
pub fn ready_rows(r: &ReadyBy, p: Processing, l: Lang) -> Vec<(String, Deadline)> {
    let t = |k: Key| k.text(l).to_owned();
    let mut rows = Vec::new();
    if r.earliest.date != r.latest.date {
        rows.push((t(Key::DatesReadyEarliest), r.earliest));
        rows.push((t(Key::DatesReadyLatest), r.latest));
    } else if matches!(p, Processing::Minutes { .. }) {
        rows.push((t(Key::DatesServedOn), r.latest));
    } else {
        rows.push((t(Key::DatesReadyBy), r.latest));
    }
    if let Some(w) = r.worst_case {
        rows.push((t(Key::DatesWorstCase), w));
    }
    rows
}

/// Dates as a list: the label, the date with its weekday, and how it was worked out.
pub fn facts(rows: Vec<(String, Deadline)>, l: Lang) -> impl IntoView {
    let items = rows
        .into_iter()
        .map(|(label, d)| {
            view! {
                <dt>{label}</dt>
                <dd>
                    <strong>{date_view(d.date, l)}</strong>
                    <br/>
                    <span class="muted">{words::explanation(&d, l)}</span>
                </dd>
            }
        })
        .collect_view();
    view! { <dl class="facts">{items}</dl> }
}

fn date_view(d: NaiveDate, l: Lang) -> impl IntoView {
    view! { <time datetime=d.to_string()>{format::weekday_day(d, l)}</time> }
}

pub fn problem(e: DeadlineError, l: Lang) -> impl IntoView {
    view! { <div class="warning"><p>{words::deadline_error(e, l)}</p></div> }
}

pub fn window_view(w: &ExtensionWindow, today: NaiveDate, l: Lang) -> impl IntoView + use<> {
    let rows = vec![
        (Key::DatesWindowOpens.text(l).to_owned(), w.opens),
        (Key::DatesWindowCloses.text(l).to_owned(), w.closes),
    ];
    let today = &format::weekday_day(today, l);
    let (class, status) = match w.status {
        WindowStatus::TooEarly {
            opens,
            working_days_until_open,
        } => (
            "note",
            msg::WindowTooEarly {
                today,
                opens: &format::weekday_day(opens, l),
                count: working_days_until_open.into(),
            }
            .text(l),
        ),
        WindowStatus::Open {
            closes,
            working_days_left,
        } => (
            "note",
            msg::WindowOpen {
                today,
                closes: &format::weekday_day(closes, l),
                count: working_days_left.into(),
            }
            .text(l),
        ),
        WindowStatus::TooLate { closed } => (
            "warning",
            msg::WindowTooLate {
                closed: &format::weekday_day(closed, l),
            }
            .text(l),
        ),
    };
    view! {
        {facts(rows, l)}
        <div class=class><p>{status}</p></div>
        <p class="muted">{Key::DatesWindowCaution.text(l)}</p>
    }
}

pub fn timeline_view(t: &RelocationTimeline, l: Lang) -> impl IntoView + use<> {
    let (class, status) = match t.status {
        TimelineStatus::OnTrack {
            working_days_to_submit,
        } => (
            "note",
            msg::TimelineOnTrack {
                by: &format::weekday_day(t.submit_invitation_by.date, l),
                count: working_days_to_submit.into(),
            }
            .text(l),
        ),
        TimelineStatus::TooLate { earliest_entry } => (
            "warning",
            msg::TimelineTooLate {
                earliest: &format::weekday_day(earliest_entry.date, l),
            }
            .text(l),
        ),
    };
    // The date heads each row (a timeline reads by date), broken only after its weekday.
    let rows = t
        .milestones()
        .into_iter()
        .map(|(m, d)| {
            let date = format::weekday_day_glued(d.date, l);
            view! {
                <tr>
                    <th scope="row"><time datetime=d.date.to_string()>{date}</time></th>
                    <td>
                        <strong>{words::milestone(m, l)}</strong>
                        <br/>
                        <span class="muted">{words::explanation(&d, l)}</span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class=class><p>{status}</p></div>
        <div class="table-wrap">
            <table>
                <caption>{Key::DatesTimelineTitle.text(l)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{Key::DatesColDate.text(l)}</th>
                        <th scope="col">{Key::DatesColStep.text(l)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

pub fn passport_view(f: PassportFacts, kind: ServiceKind, l: Lang) -> impl IntoView {
    let mut rows: Vec<(String, Deadline)> = f
        .dates
        .into_iter()
        .map(|(p, d)| (words::passport_date(p, l).to_owned(), d))
        .collect();
    let mut verdict = None;
    if let Some(check) = f.check {
        rows.insert(
            0,
            (
                Key::DatesPassportNeeded.text(l).to_owned(),
                check.required_until,
            ),
        );
        verdict = Some(if check.is_ok() {
            view! { <div class="note"><p>{Key::DatesPassportOk.text(l)}</p></div> }.into_any()
        } else {
            let problems = check
                .problems
                .iter()
                .map(|p| view! { <p>{words::passport_problem(*p, l)}</p> })
                .collect_view();
            view! { <div class="warning">{problems}</div> }.into_any()
        });
    }
    let pages = deadlines::rules_for(kind)
        .contains(&Rule::PassportBlankPages)
        .then(|| view! { <p>{words::rule(Rule::PassportBlankPages, l)}.</p> });
    let errors = f.errors.into_iter().map(|e| problem(e, l)).collect_view();
    view! {
        {facts(rows, l)}
        {verdict}
        {errors}
        {pages}
    }
}
