//! The dates for one service on Kazakhstan's working-day calendar: when it is ready, the
//! extension window, the passport, the exit visa, the relocation timeline, and an .ics export.
//! Every date comes from `domain::deadlines` and is shown with the rule and counting behind it.

mod views;
pub mod words;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::calendar::calendar;
use crate::domain::catalogue::{Processing, Service, ServiceKind};
use crate::domain::deadlines::{
    self, Deadline, DeadlineError, ExtensionWindow, PassportFacts, ReadyBy, RelocationTimeline,
    Rule,
};
use crate::domain::flow::{self, Answers, QuestionId as Q};
use crate::domain::ics::{IcsEvent, build_ics};
use crate::domain::lang::Lang;
use crate::ui::alert::download;
use crate::ui::components::date_input::{DateInput, DateValue};
use crate::ui::components::labels;
use crate::ui::i18n::Key;
use crate::ui::state::AppState;
use views::{facts, passport_view, problem, ready_rows, timeline_view, window_view};

/// The section heading, for the page that mounts the block.
pub fn title(l: Lang) -> &'static str {
    Key::DatesTitle.text(l)
}

/// What the block's computations read: the dates typed, the saved answers, today.
#[derive(Clone, Copy)]
struct Inputs {
    service: &'static Service,
    today: NaiveDate,
    answers: RwSignal<Answers>,
    /// `None` while the submission date has an error.
    submitted: Memo<Option<NaiveDate>>,
    passport: RwSignal<Option<NaiveDate>>,
    visa_end: RwSignal<Option<NaiveDate>>,
}

type Outcome<T> = Option<Result<T, DeadlineError>>;

impl Inputs {
    fn ready(&self) -> Outcome<ReadyBy> {
        let submitted = self.submitted.get()?;
        Some(deadlines::ready_by_for_service(
            calendar(),
            self.service,
            submitted,
        ))
    }

    fn window(&self) -> Outcome<ExtensionWindow> {
        if self.service.kind != ServiceKind::Extension {
            return None;
        }
        let expiry = flow::read_details(&self.answers.get()).visa_expiry?;
        Some(deadlines::extension_window(calendar(), expiry, self.today))
    }

    fn timeline(&self) -> Outcome<RelocationTimeline> {
        if self.service.kind != ServiceKind::Invitation {
            return None;
        }
        let entry = flow::read_details(&self.answers.get()).entry_date?;
        Some(deadlines::relocation_timeline(
            calendar(),
            self.today,
            entry,
            self.service.processing,
            self.visa_end.get(),
        ))
    }

    /// The visa end a passport is checked against: the planned visa's end for an invitation,
    /// the current visa's for an extension (the extended visa ends later still).
    fn known_visa_end(&self) -> Option<NaiveDate> {
        match self.service.kind {
            ServiceKind::Invitation => self.visa_end.get(),
            ServiceKind::Extension => flow::read_details(&self.answers.get()).visa_expiry,
            _ => None,
        }
    }

    /// What the passport's expiry means for this service (the domain applies its rules).
    fn passport(&self) -> Option<PassportFacts> {
        let expires = self.passport.get()?;
        let ready = self.ready().and_then(Result::ok).map(|r| r.latest.date);
        Some(deadlines::passport_facts(
            self.service.kind,
            expires,
            self.known_visa_end(),
            self.submitted.get(),
            ready,
        ))
    }

    fn exit_visa(&self) -> Outcome<Deadline> {
        if self.service.kind != ServiceKind::CancellationWithExitVisa {
            return None;
        }
        // Taken as issued on the day the cancellation is ready.
        Some(
            self.ready()?
                .and_then(|r| deadlines::exit_visa_latest_exit(calendar(), r.latest.date)),
        )
    }

    /// Every key date, for the .ics file.
    fn events(&self, l: Lang) -> Vec<IcsEvent> {
        let name = self.service.title.get(l);
        let mut dated: Vec<(String, Deadline)> = Vec::new();
        if let Some(Ok(r)) = self.ready() {
            dated.extend(ready_rows(&r, self.service.processing, l));
        }
        if let Some(Ok(w)) = self.window() {
            dated.push((Key::DatesWindowOpens.text(l).into(), w.opens));
            dated.push((Key::DatesWindowCloses.text(l).into(), w.closes));
        }
        if let Some(Ok(t)) = self.timeline() {
            for (m, d) in t.milestones() {
                dated.push((words::milestone(m, l).into(), d));
            }
        }
        if let Some(facts) = self.passport() {
            for (p, d) in facts.dates {
                dated.push((words::passport_date(p, l).into(), d));
            }
        }
        if let Some(Ok(d)) = self.exit_visa() {
            dated.push((Key::DatesLeaveBy.text(l).into(), d));
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
}

#[component]
pub fn DatesBlock(
    service: &'static Service,
    answers: RwSignal<Answers>,
    today: NaiveDate,
) -> impl IntoView {
    let lang = AppState::expect().lang;
    let submitted_value = RwSignal::new(Ok(Some(today)) as DateValue);
    let submitted = Memo::new(move |_| match submitted_value.get() {
        Ok(d) => Some(d.unwrap_or(today)),
        Err(_) => None,
    });
    let inputs = Inputs {
        service,
        today,
        answers,
        submitted,
        passport: RwSignal::new(None),
        visa_end: RwSignal::new(None),
    };
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
    // A date answer saved in the wizard's answers, or removed while it is not a valid date.
    let save = move |q: Q| {
        Callback::new(move |v: DateValue| {
            answers.update(|a| match v {
                Ok(Some(d)) => {
                    let _ = flow::answer(a, q, &d.to_string());
                }
                _ => {
                    a.remove(&q);
                }
            })
        })
    };
    let keep = |signal: RwSignal<Option<NaiveDate>>| {
        Callback::new(move |v: DateValue| signal.set(v.ok().flatten()))
    };
    let saved = flow::read_details(&answers.get_untracked());

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
                id="dates-submitted"
                keep_as="dates-submitted"
                legend=text(Key::DatesSubmitted)
                hint=text(Key::DatesSubmittedHint)
                initial=today
                on_change=Callback::new(move |v| submitted_value.set(v))
            />
            {move || {
                let l = lang.get();
                inputs.ready().map(|r| match r {
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
                id="dates-visa-expiry"
                legend=question(Q::VisaExpiry)
                hint=question_hint(Q::VisaExpiry)
                initial=saved.visa_expiry
                on_change=save(Q::VisaExpiry)
            />
            {move || {
                let l = lang.get();
                inputs.window().map(|w| match w {
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
                id="dates-entry"
                legend=question(Q::EntryDate)
                hint=question_hint(Q::EntryDate)
                initial=saved.entry_date
                on_change=save(Q::EntryDate)
            />
            <DateInput
                id="dates-visa-end"
                keep_as="dates-visa-end"
                legend=text(Key::DatesVisaEnd)
                hint=text(Key::DatesVisaEndHint)
                on_change=keep(inputs.visa_end)
            />
            {move || {
                let l = lang.get();
                inputs.timeline().map(|t| match t {
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
                inputs.exit_visa().map(|d| match d {
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
                id="dates-passport"
                keep_as="dates-passport"
                legend=text(Key::DatesPassportExpiry)
                hint=text(Key::DatesPassportHint)
                on_change=keep(inputs.passport)
            />
            {move || inputs.passport().map(|f| passport_view(f, kind, lang.get()))}
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
        let ics = build_ics(&untrack(|| inputs.events(l)), today);
        download(
            &format!("{}-dates.ics", service.id),
            "text/calendar;charset=utf-8",
            &ics,
        );
    };
    let has_events = move || !inputs.events(lang.get()).is_empty();

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
