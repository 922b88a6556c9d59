//! The dates for one service on Kazakhstan's working-day calendar: when it is ready, the
//! extension window, the passport, the exit visa, the relocation timeline, and an .ics export.
//! Every date comes from `domain::deadlines` and is shown with the rule and counting behind it.

mod views;
pub mod words;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::application::{DateFacts, DateField};
use crate::domain::catalogue::{Processing, Service, ServiceKind};
use crate::domain::deadlines::{self, Deadline, Rule};
use crate::domain::flow::{self, QuestionId as Q};
use crate::domain::ics::{IcsEvent, build_ics};
use crate::domain::lang::Lang;
use crate::ui::alert::download;
use crate::ui::application::{ApplicationStore, date_facts};
use crate::ui::components::date_input::DateInput;
use crate::ui::components::labels;
use crate::ui::i18n::Key;
use crate::ui::state::AppState;
use views::{facts, passport_view, problem, ready_rows, timeline_view, window_view};

/// The section heading, for the page that mounts the block.
pub fn title(l: Lang) -> &'static str {
    Key::DatesTitle.text(l)
}

/// Every key date, for the .ics file.
fn events(service: &Service, facts: &DateFacts, l: Lang) -> Vec<IcsEvent> {
    let name = service.title.get(l);
    let mut dated: Vec<(String, Deadline)> = Vec::new();
    if let Some(Ok(r)) = &facts.ready {
        dated.extend(ready_rows(r, service.processing, l));
    }
    if let Some(Ok(w)) = &facts.window {
        dated.push((Key::DatesWindowOpens.text(l).into(), w.opens));
        dated.push((Key::DatesWindowCloses.text(l).into(), w.closes));
    }
    if let Some(Ok(t)) = &facts.timeline {
        for (m, d) in t.milestones() {
            dated.push((words::milestone(m, l).into(), d));
        }
    }
    if let Some(passport) = &facts.passport {
        for (p, d) in &passport.dates {
            dated.push((words::passport_date(*p, l).into(), *d));
        }
    }
    if let Some(Ok(d)) = &facts.exit_visa {
        dated.push((Key::DatesLeaveBy.text(l).into(), *d));
    }
    dated
        .into_iter()
        .map(|(label, d)| {
            IcsEvent::new(
                d.date,
                format!("{label}: {name}"),
                words::explanation(&d, l),
            )
        })
        .collect()
}

/// The dates block: its inputs write the store, its sections read one memo of the dates, so
/// typing a date redraws this block only.
#[component]
pub fn DatesBlock(
    service: &'static Service,
    store: ApplicationStore,
    today: NaiveDate,
) -> impl IntoView {
    let lang = AppState::expect().lang;
    let dates = date_facts(store, service, today);
    let kind = service.kind;
    let rules = deadlines::rules_for(kind);
    let text = move |k: Key| Signal::derive(move || k.text(lang.get()).to_owned());
    let question = move |q: Q| Signal::derive(move || flow::title(q, lang.get()));
    let question_hint = move |q: Q| {
        Signal::derive(move || {
            flow::question_text(q)
                .and_then(|t| t.hint.as_ref())
                .map(|h| h.get(lang.get()).to_owned())
                .unwrap_or_default()
        })
    };
    // Without a processing time there is nothing to count from a submission date.
    let ready_section = if service.processing == Processing::NotGiven {
        view! {
            <h3>{text(Key::DatesReadyTitle)}</h3>
            <p>{text(Key::DatesNoProcessing)}</p>
        }
        .into_any()
    } else {
        view! {
            <h3>{text(Key::DatesReadyTitle)}</h3>
            <DateInput
                store
                field=DateField::Submitted
                legend=text(Key::DatesSubmitted)
                hint=text(Key::DatesSubmittedHint)
                default=today
            />
            {move || {
                let l = lang.get();
                dates.with(|d| d.ready).map(|r| match r {
                    Ok(r) => facts(ready_rows(&r, service.processing, l), l).into_any(),
                    Err(e) => problem(e, l).into_any(),
                })
            }}
        }
        .into_any()
    };

    let window_section = (kind == ServiceKind::Extension).then(|| {
        view! {
            <h3>{text(Key::DatesWindowTitle)}</h3>
            <DateInput
                store
                field=DateField::VisaExpiry
                legend=question(Q::VisaExpiry)
                hint=question_hint(Q::VisaExpiry)
            />
            {move || {
                let l = lang.get();
                dates.with(|d| d.window).map(|w| match w {
                    Ok(w) => window_view(&w, today, l).into_any(),
                    Err(e) => problem(e, l).into_any(),
                })
            }}
        }
    });

    let timeline_section = (kind == ServiceKind::Invitation).then(|| {
        view! {
            <h3>{text(Key::DatesTimelineTitle)}</h3>
            <DateInput
                store
                field=DateField::EntryDate
                legend=question(Q::EntryDate)
                hint=question_hint(Q::EntryDate)
            />
            <DateInput
                store
                field=DateField::PlannedVisaEnd
                legend=text(Key::DatesVisaEnd)
                hint=text(Key::DatesVisaEndHint)
            />
            {move || {
                let l = lang.get();
                dates.with(|d| d.timeline).map(|t| match t {
                    Ok(t) => timeline_view(&t, l).into_any(),
                    Err(e) => problem(e, l).into_any(),
                })
            }}
        }
    });

    let exit_section = (kind == ServiceKind::CancellationWithExitVisa).then(|| {
        view! {
            <h3>{text(Key::DatesExitTitle)}</h3>
            {move || {
                let l = lang.get();
                dates.with(|d| d.exit_visa).map(|d| match d {
                    Ok(d) => view! {
                        {facts(vec![(Key::DatesLeaveBy.text(l).to_owned(), d)], l)}
                        <p>{Key::DatesExitAssumed.text(l)} " " {Key::DatesExitPrinted.text(l)}</p>
                    }
                    .into_any(),
                    Err(e) => problem(e, l).into_any(),
                })
            }}
        }
    });

    let checks_passport = rules.contains(&Rule::PassportBeyondVisa)
        || rules.contains(&Rule::PassportForResidencePermit);
    let passport_section = checks_passport.then(|| {
        view! {
            <h3>{text(Key::DatesPassportTitle)}</h3>
            <DateInput
                store
                field=DateField::PassportExpiry
                legend=text(Key::DatesPassportExpiry)
                hint=text(Key::DatesPassportHint)
            />
            {move || dates.with(|d| d.passport.clone()).map(|f| passport_view(f, kind, lang.get()))}
        }
    });

    let rules_section = move || {
        let l = lang.get();
        let mut all = vec![processing_rule(service.processing)];
        if service.may_extend_by_30_calendar_days {
            all.push(Rule::StateBodyDelay);
        }
        all.extend(rules.iter().copied());
        view! {
            <h3>{Key::DatesRulesTitle.text(l)}</h3>
            <ul>
                {all.into_iter().map(|r| {
                    // The processing rule names the service's own figure: "…: 5 working days".
                    let figure = (r == processing_rule(service.processing))
                        .then(|| format!(": {}", labels::processing(service.processing, l)));
                    view! { <li>{words::rule(r, l)}{figure}</li> }
                }).collect_view()}
            </ul>
        }
    };

    let on_download = move |_| {
        let l = lang.get_untracked();
        let ics = build_ics(&dates.with_untracked(|d| events(service, d, l)), today);
        download(
            &format!("{}-dates.ics", service.id),
            "text/calendar;charset=utf-8",
            &ics,
        );
    };
    // Whether there is a date to export, without building the events.
    let has_events = move || {
        dates.with(|d| {
            matches!(d.ready, Some(Ok(_)))
                || matches!(d.window, Some(Ok(_)))
                || matches!(d.timeline, Some(Ok(_)))
                || matches!(d.exit_visa, Some(Ok(_)))
                || d.passport.as_ref().is_some_and(|p| !p.dates.is_empty())
        })
    };

    view! {
        <div>
            <p>{text(Key::DatesLead)}</p>
            {ready_section}
            {window_section}
            {timeline_section}
            {exit_section}
            {passport_section}
            {rules_section}
            {move || has_events().then(|| view! {
                <p class="no-print">
                    <button type="button" class="secondary" on:click=on_download>
                        {move || Key::DatesDownload.text(lang.get())}
                    </button>
                </p>
            })}
        </div>
    }
}

fn processing_rule(p: Processing) -> Rule {
    match p {
        Processing::Minutes { .. } => Rule::ProcessingMinutes,
        _ => Rule::ProcessingWorkingDays,
    }
}
