//! The dates for one service on Kazakhstan's working-day calendar: when it is ready, the
//! extension window, the passport, the exit visa, the relocation timeline, and an .ics export.
//! Every date comes from `domain::deadlines` and is shown with the rule and counting behind it.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use leptos::prelude::*;

use crate::domain::calendar::{Calendar, OffReason, calendar};
use crate::domain::catalogue::{Processing, Service, ServiceKind};
use crate::domain::deadlines::{
    self, Counting, Deadline, DeadlineError, ExtensionWindow, Milestone, PassportCheck,
    PassportProblem, ReadyBy, RelocationTimeline, Rule, TimelineStatus, WindowStatus,
};
use crate::domain::flow::{self, Answers, QuestionId as Q};
use crate::domain::ics::{IcsEvent, build_ics};
use crate::domain::lang::Lang;
use crate::platform::download::download;
use crate::ui::components::date_input::{
    DateInput, DateValue, format_span, format_weekday, format_weekday_glued,
};
use crate::ui::components::labels;
use crate::ui::i18n::strings;
use crate::ui::state::AppState;

strings! {
    Title => "Мерзімдер", "Dates";
    Lead => "Жұмыс күндері Қазақстанның ресми күнтізбесі бойынша есептеледі: сенбі мен жексенбі, мерекелер және мерекелерден ауыстырылған күндер – демалыс.", "Working days follow Kazakhstan's official calendar: weekends, public holidays and the weekdays holidays move to are days off.";
    ReadyTitle => "Қашан дайын болады", "When it is ready";
    Submitted => "Өтінішті тапсыру күні", "Date you submit the application";
    SubmittedHint => "Бүгінгі күн алдын ала толтырылған.", "Today's date is filled in.";
    ReadyBy => "Дайын болады", "Ready by";
    ReadyEarliest => "Ең ерте дайын болады", "Ready at the earliest";
    ReadyLatest => "Ең кеш дайын болады", "Ready at the latest";
    ServedOn => "Қызмет көрсетілетін күн", "Served on";
    WorstCase => "Мемлекеттік органдар қосымша 30 күн алса", "If state bodies take the extra 30 days";
    WindowTitle => "Ұзартуға өтініш беру кезеңі", "When to apply for the extension";
    WindowOpens => "Өтініш беру басталады", "Applications open";
    WindowCloses => "Өтініш берудің соңғы күні", "Applications close";
    WindowCaution => "Егер орталық визаның соңғы күнін де есептесе, кезең бір жұмыс күні кешірек ашылады: алғашқы күнге сенім артпаңыз.", "If the office counts the expiry day itself, applications open one working day later: do not rely on the very first day.";
    TimelineTitle => "Көшу кестесі", "Relocation timeline";
    VisaEnd => "Визаның аяқталу күні (міндетті емес)", "End date of the visa (optional)";
    VisaEndHint => "Визаны ұзартуға өтініш беру кезеңін көрсету және паспортты тексеру үшін.", "To show the first extension window and check the passport.";
    ColDate => "Күні", "Date";
    ColStep => "Қадам", "Step";
    PassportTitle => "Паспорт", "Passport";
    PassportExpiry => "Паспорттың жарамдылық мерзімі аяқталатын күн", "Passport expiry date";
    PassportHint => "Паспорттың деректер бетінде көрсетілген.", "As shown on the passport's data page.";
    LatestVisaEnd => "Виза ең кеші осы күні аяқталуы мүмкін", "A visa can end no later than";
    PassportNeeded => "Паспорт осы күнге дейін жарамды болуы керек", "The passport must be valid until";
    PermitLatestEnd => "Ықтиярхаттың ең кеш аяқталу күні", "The permit runs at the latest until";
    PassportOk => "Паспорттың мерзімі жеткілікті.", "The passport is valid long enough.";
    ExitTitle => "Шығу визасы", "Exit visa";
    LeaveBy => "Қазақстаннан шығудың соңғы күні", "Leave Kazakhstan by";
    ExitAssumed => "Шығу визасы өтініш дайын болатын күні беріледі деп есептелді.", "This takes the exit visa as issued on the ready-by date.";
    ExitPrinted => "Визада басылған күн ертерек болса, сол күн басым.", "The end date printed on the visa prevails when it is earlier.";
    RulesTitle => "Осы мерзімдердің ережелері", "The rules behind these dates";
    Download => "Күнтізбеге жүктеу (.ics)", "Download calendar (.ics)";
    NoProcessing => "Нұсқаулық бұл қызметтің рәсімдеу мерзімін көрсетпейді.", "The guide gives no processing time for this service.";
    Overflow => "Бұл күн тым алыс, есептеу мүмкін емес.", "This date is too far away to work out.";
    TransferredDayOff => "ауыстырылған демалыс күні", "a transferred day off";
}

/// The section heading, for the page that mounts the block.
pub fn title(l: Lang) -> &'static str {
    Key::Title.text(l)
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

    /// The passport's dated facts: (label, deadline) rows, a check, or an error.
    fn passport(&self) -> Option<PassportFacts> {
        let expires = self.passport.get()?;
        let rules = deadlines::rules_for(self.service.kind);
        let mut facts = PassportFacts::default();
        if rules.contains(&Rule::PassportBeyondVisa) {
            match deadlines::latest_visa_end_for_passport(expires) {
                Ok(d) => facts.rows.push((Key::LatestVisaEnd, d)),
                Err(e) => facts.errors.push(e),
            }
            if let Some(end) = self.known_visa_end() {
                match deadlines::check_passport_for_visa(expires, end, None) {
                    Ok(check) => facts.check = Some(check),
                    Err(e) => facts.errors.push(e),
                }
            }
        }
        if rules.contains(&Rule::PassportForResidencePermit) {
            let application = self.submitted.get()?;
            match deadlines::check_passport_for_residence_permit(expires, application) {
                Ok(check) => facts.check = Some(check),
                Err(e) => facts.errors.push(e),
            }
            // The permit is issued when it is ready; no ready date, no latest end.
            if let Some(Ok(ready)) = self.ready() {
                match deadlines::residence_permit_latest_end(ready.latest.date, expires) {
                    Ok(d) => facts.rows.push((Key::PermitLatestEnd, d)),
                    Err(e) => facts.errors.push(e),
                }
            }
        }
        Some(facts)
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
            dated.push((Key::WindowOpens.text(l).into(), w.opens));
            dated.push((Key::WindowCloses.text(l).into(), w.closes));
        }
        if let Some(Ok(t)) = self.timeline() {
            for (m, d) in t.milestones() {
                dated.push((milestone_text(m, l).into(), d));
            }
        }
        if let Some(facts) = self.passport() {
            for (k, d) in facts.rows {
                dated.push((k.text(l).into(), d));
            }
        }
        if let Some(Ok(d)) = self.exit_visa() {
            dated.push((Key::LeaveBy.text(l).into(), d));
        }
        dated
            .into_iter()
            .map(|(label, d)| IcsEvent::new(d.date, format!("{label}: {name}"), explain(&d, l)))
            .collect()
    }
}

#[derive(Default)]
struct PassportFacts {
    rows: Vec<(Key, Deadline)>,
    check: Option<PassportCheck>,
    errors: Vec<DeadlineError>,
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
            <h3>{text(Key::ReadyTitle)}</h3>
            <p>{text(Key::NoProcessing)}</p>
        }
        .into_any()
    } else {
        view! {
            <h3>{text(Key::ReadyTitle)}</h3>
            <DateInput
                id="dates-submitted"
                legend=text(Key::Submitted)
                hint=text(Key::SubmittedHint)
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
            <h3>{text(Key::WindowTitle)}</h3>
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
            <h3>{text(Key::TimelineTitle)}</h3>
            <DateInput
                id="dates-entry"
                legend=question(Q::EntryDate)
                hint=question_hint(Q::EntryDate)
                initial=saved.entry_date
                on_change=save(Q::EntryDate)
            />
            <DateInput
                id="dates-visa-end"
                legend=text(Key::VisaEnd)
                hint=text(Key::VisaEndHint)
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
            <h3>{text(Key::ExitTitle)}</h3>
            {move || {
                let l = lang.get();
                inputs.exit_visa().map(|d| match d {
                    Ok(d) => view! {
                        {facts(vec![(Key::LeaveBy.text(l).to_owned(), d)], l)}
                        <p>{Key::ExitAssumed.text(l)} " " {Key::ExitPrinted.text(l)}</p>
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
            <h3>{text(Key::PassportTitle)}</h3>
            <DateInput
                id="dates-passport"
                legend=text(Key::PassportExpiry)
                hint=text(Key::PassportHint)
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
            <h3>{Key::RulesTitle.text(l)}</h3>
            <ul>
                {all.into_iter().map(|r| {
                    // The processing rule names the service's own figure: "…: 5 working days".
                    let figure = (r == processing_rule(service.processing))
                        .then(|| format!(": {}", labels::processing(service.processing, l)));
                    view! { <li>{rule_text(r, l)}{figure}</li> }
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
            <p>{text(Key::Lead)}</p>
            {ready_section}
            {window_section}
            {timeline_section}
            {exit_section}
            {passport_section}
            {rules_section}
            {move || has_events().then(|| view! {
                <p class="no-print">
                    <button type="button" class="secondary" on:click=on_download>
                        {move || Key::Download.text(lang.get())}
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

/// "Ready by" (or earliest and latest for a range, "Served on" for minutes), then the worst case.
fn ready_rows(r: &ReadyBy, p: Processing, l: Lang) -> Vec<(String, Deadline)> {
    let t = |k: Key| k.text(l).to_owned();
    let mut rows = Vec::new();
    if r.earliest.date != r.latest.date {
        rows.push((t(Key::ReadyEarliest), r.earliest));
        rows.push((t(Key::ReadyLatest), r.latest));
    } else if matches!(p, Processing::Minutes { .. }) {
        rows.push((t(Key::ServedOn), r.latest));
    } else {
        rows.push((t(Key::ReadyBy), r.latest));
    }
    if let Some(w) = r.worst_case {
        rows.push((t(Key::WorstCase), w));
    }
    rows
}

/// Dates as a list: the label, the date with its weekday, and how it was worked out.
fn facts(rows: Vec<(String, Deadline)>, l: Lang) -> impl IntoView {
    let items = rows
        .into_iter()
        .map(|(label, d)| {
            view! {
                <dt>{label}</dt>
                <dd>
                    <strong>{date_view(d.date, l)}</strong>
                    <br/>
                    <span class="muted">{explain(&d, l)}</span>
                </dd>
            }
        })
        .collect_view();
    view! { <dl class="facts">{items}</dl> }
}

fn date_view(d: NaiveDate, l: Lang) -> impl IntoView {
    view! { <time datetime=d.to_string()>{format_weekday(d, l)}</time> }
}

fn problem(e: DeadlineError, l: Lang) -> impl IntoView {
    view! { <div class="warning"><p>{deadline_error(e, l)}</p></div> }
}

fn window_view(w: &ExtensionWindow, today: NaiveDate, l: Lang) -> impl IntoView + use<> {
    let rows = vec![
        (Key::WindowOpens.text(l).to_owned(), w.opens),
        (Key::WindowCloses.text(l).to_owned(), w.closes),
    ];
    let now = format_weekday(today, l);
    let (class, status) = match (w.status, l) {
        (
            WindowStatus::TooEarly {
                opens,
                working_days_until_open: n,
            },
            Lang::En,
        ) => (
            "note",
            format!(
                "Today ({now}) is too early: applications open on {}, in {}.",
                format_weekday(opens, l),
                working_days(n, l)
            ),
        ),
        (
            WindowStatus::TooEarly {
                opens,
                working_days_until_open: n,
            },
            Lang::Kk,
        ) => (
            "note",
            format!(
                "Бүгін ({now}) әлі ерте: өтініш беру {} басталады ({} жұмыс күнінен кейін).",
                format_weekday(opens, l),
                n
            ),
        ),
        (
            WindowStatus::Open {
                closes,
                working_days_left: n,
            },
            Lang::En,
        ) => (
            "note",
            format!(
                "Today ({now}) you can apply: {} left to apply, the last one on {}.",
                working_days(n, l),
                format_weekday(closes, l)
            ),
        ),
        (
            WindowStatus::Open {
                closes,
                working_days_left: n,
            },
            Lang::Kk,
        ) => (
            "note",
            format!(
                "Бүгін ({now}) өтініш беруге болады: {n} жұмыс күні қалды, соңғы күні – {}.",
                format_weekday(closes, l)
            ),
        ),
        (WindowStatus::TooLate { closed }, Lang::En) => (
            "warning",
            format!(
                "Too late: applications closed on {}. An application filed now is not considered; ask the Expat Centre about a new visa.",
                format_weekday(closed, l)
            ),
        ),
        (WindowStatus::TooLate { closed }, Lang::Kk) => (
            "warning",
            format!(
                "Кеш: өтініш беру {} аяқталды. Қазір берілген өтініш қаралмайды; жаңа виза туралы Экспат орталығынан сұраңыз.",
                format_weekday(closed, l)
            ),
        ),
    };
    view! {
        {facts(rows, l)}
        <div class=class><p>{status}</p></div>
        <p class="muted">{Key::WindowCaution.text(l)}</p>
    }
}

fn timeline_view(t: &RelocationTimeline, l: Lang) -> impl IntoView + use<> {
    let (class, status) = match (t.status, l) {
        (
            TimelineStatus::OnTrack {
                working_days_to_submit: n,
            },
            Lang::En,
        ) => (
            "note",
            format!(
                "On track: {} left to submit the invitation, by {}.",
                working_days(n, l),
                format_weekday(t.submit_invitation_by.date, l)
            ),
        ),
        (
            TimelineStatus::OnTrack {
                working_days_to_submit: n,
            },
            Lang::Kk,
        ) => (
            "note",
            format!(
                "Үлгересіз: шақыруға өтінішті тапсыруға {n} жұмыс күні қалды, соңғы күні – {}.",
                format_weekday(t.submit_invitation_by.date, l)
            ),
        ),
        (TimelineStatus::TooLate { earliest_entry }, Lang::En) => (
            "warning",
            format!(
                "Too late for this entry date: if the invitation is submitted today, the earliest entry is {}.",
                format_weekday(earliest_entry.date, l)
            ),
        ),
        (TimelineStatus::TooLate { earliest_entry }, Lang::Kk) => (
            "warning",
            format!(
                "Бұл кіру күніне кеш: шақыруға өтініш бүгін берілсе, ең ерте кіру күні – {}.",
                format_weekday(earliest_entry.date, l)
            ),
        ),
    };
    // The date heads each row (a timeline reads by date), broken only after its weekday.
    let rows = t
        .milestones()
        .into_iter()
        .map(|(m, d)| {
            let date = format_weekday_glued(d.date, l);
            view! {
                <tr>
                    <th scope="row"><time datetime=d.date.to_string()>{date}</time></th>
                    <td>
                        <strong>{milestone_text(m, l)}</strong>
                        <br/>
                        <span class="muted">{explain(&d, l)}</span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class=class><p>{status}</p></div>
        <div class="table-wrap">
            <table>
                <caption>{Key::TimelineTitle.text(l)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{Key::ColDate.text(l)}</th>
                        <th scope="col">{Key::ColStep.text(l)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn passport_view(f: PassportFacts, kind: ServiceKind, l: Lang) -> impl IntoView {
    let mut rows: Vec<(String, Deadline)> = f
        .rows
        .into_iter()
        .map(|(k, d)| (k.text(l).to_owned(), d))
        .collect();
    let mut verdict = None;
    if let Some(check) = f.check {
        rows.insert(
            0,
            (Key::PassportNeeded.text(l).to_owned(), check.required_until),
        );
        verdict = Some(if check.is_ok() {
            view! { <div class="note"><p>{Key::PassportOk.text(l)}</p></div> }.into_any()
        } else {
            let problems = check
                .problems
                .iter()
                .map(|p| view! { <p>{passport_problem(*p, l)}</p> })
                .collect_view();
            view! { <div class="warning">{problems}</div> }.into_any()
        });
    }
    let pages = deadlines::rules_for(kind)
        .contains(&Rule::PassportBlankPages)
        .then(|| view! { <p>{rule_text(Rule::PassportBlankPages, l)}.</p> });
    let errors = f.errors.into_iter().map(|e| problem(e, l)).collect_view();
    view! {
        {facts(rows, l)}
        {verdict}
        {errors}
        {pages}
    }
}

fn passport_problem(p: PassportProblem, l: Lang) -> String {
    match (p, l) {
        (
            PassportProblem::ExpiresTooSoon {
                passport_expires,
                required_until,
            },
            Lang::En,
        ) => format!(
            "The passport expires on {}, before {}: renew it first.",
            format_weekday(passport_expires, l),
            format_weekday(required_until, l)
        ),
        (
            PassportProblem::ExpiresTooSoon {
                passport_expires,
                required_until,
            },
            Lang::Kk,
        ) => format!(
            "Паспорттың мерзімі {} аяқталады, ал ол {} дейін жарамды болуы керек: алдымен паспортты жаңартыңыз.",
            format_weekday(passport_expires, l),
            format_weekday(required_until, l)
        ),
        (
            PassportProblem::TooFewBlankPages {
                blank_pages,
                required,
            },
            Lang::En,
        ) => {
            format!("The passport has {blank_pages} blank pages; it needs at least {required}.")
        }
        (
            PassportProblem::TooFewBlankPages {
                blank_pages,
                required,
            },
            Lang::Kk,
        ) => {
            format!("Паспортта {blank_pages} бос бет бар; кемінде {required} бет керек.")
        }
    }
}

fn deadline_error(e: DeadlineError, l: Lang) -> String {
    match (e, l) {
        (DeadlineError::OutOfRange(o), Lang::En) => format!(
            "The working-day calendar covers {}–{} and does not cover {}, so this date cannot be worked out.",
            o.first_year,
            o.last_year,
            format_weekday(o.date, l)
        ),
        (DeadlineError::OutOfRange(o), Lang::Kk) => format!(
            "Жұмыс күндерінің күнтізбесі {}–{} жылдарды ғана қамтиды, {} оған кірмейді: бұл мерзімді есептеу мүмкін емес.",
            o.first_year,
            o.last_year,
            format_weekday(o.date, l)
        ),
        (DeadlineError::NoProcessingTime, _) => Key::NoProcessing.text(l).to_owned(),
        (
            DeadlineError::PassportExpired {
                passport_expires,
                needed_on,
            },
            _,
        ) => passport_problem(
            PassportProblem::ExpiresTooSoon {
                passport_expires,
                required_until: needed_on,
            },
            l,
        ),
        (DeadlineError::DateOverflow, _) => Key::Overflow.text(l).to_owned(),
    }
}

// ---------------------------------------------------------------------------------------------
// Rules and countings in words

/// "The guide's processing time: 5 working days, counted from the next working day after Fri
/// 20 Mar 2026; 23–25 March are days off (Nauryz)."
fn explain(d: &Deadline, l: Lang) -> String {
    let cal = calendar();
    let mut s = format!(
        "{}: {}",
        rule_text(d.rule, l),
        counting_text(d.counting, d.from, l)
    );
    if let Some(off) = days_off(cal, d, l) {
        s.push_str("; ");
        s.push_str(&off);
    }
    if uses_calendar(d.counting) && cal.covers(d.date) && cal.is_projected(d.date.year()) {
        s.push_str(&match l {
            Lang::En => format!(
                " (the days off of {} are projected from the law: no decree yet)",
                d.date.year()
            ),
            Lang::Kk => format!(
                " ({} жылғы демалыс күндері заң бойынша болжанған: қаулы әлі жоқ)",
                d.date.year()
            ),
        });
    }
    // Kazakh dates end in "ж.": no second full stop.
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

/// Whether the working-day calendar (hence its projected years) decided the date.
fn uses_calendar(c: Counting) -> bool {
    !matches!(
        c,
        Counting::CalendarDaysAfter { .. }
            | Counting::CalendarMonthsAfter { .. }
            | Counting::CalendarMonthsBefore { .. }
            | Counting::YearsLessOneDay { .. }
            | Counting::AsGiven
    )
}

fn rule_text(r: Rule, l: Lang) -> &'static str {
    let (kk, en) = match r {
        Rule::ProcessingWorkingDays => (
            "Нұсқаулықтағы рәсімдеу мерзімі",
            "The guide's processing time",
        ),
        Rule::ProcessingMinutes => (
            "Қызмет сол күні, жұмыс уақытында көрсетіледі (нұсқаулықта минуттармен берілген)",
            "Served on the day, in office hours (the guide gives minutes)",
        ),
        Rule::StateBodyDelay => (
            "Нұсқаулық бойынша мемлекеттік органдар мерзімді күнтізбелік 30 күнге дейін ұзартуы мүмкін",
            "The guide: state bodies may extend the term by up to 30 calendar days",
        ),
        Rule::ExtensionWindowOpens => (
            "Ұзартуға өтініш виза аяқталғанға дейін 30 жұмыс күні қалғанда қабылдана бастайды",
            "Extension applications are accepted from 30 working days before the visa expires",
        ),
        Rule::ExtensionWindowCloses => (
            "Ұзартуға өтініш виза аяқталғанға дейін 5 жұмыс күні қалғанға дейін қабылданады; кешірек берілгені қаралмайды",
            "Extension applications are accepted until 5 working days before the visa expires; later ones are not considered",
        ),
        Rule::PassportBeyondVisa => (
            "Паспорт виза аяқталғаннан кейін кемінде 3 ай жарамды болуы керек",
            "The passport must be valid at least 3 months beyond the visa's end",
        ),
        Rule::PassportBlankPages => (
            "Паспортта кемінде 2 бос бет болуы керек",
            "The passport must have at least 2 blank pages",
        ),
        Rule::PassportForResidencePermit => (
            "Ықтиярхатқа өтініш берген кезде паспорт кемінде 180 күн жарамды болуы керек",
            "The passport must be valid at least 180 days at the residence-permit application",
        ),
        Rule::ResidencePermitTenYears => (
            "Тұруға ықтиярхат 10 жылға дейін беріледі",
            "A residence permit is valid for up to 10 years",
        ),
        Rule::ResidencePermitWithinPassport => (
            "Тұруға ықтиярхат паспорттың мерзімінен аспайды",
            "A residence permit never runs beyond the passport's expiry",
        ),
        Rule::ExitVisa => (
            "Шығу визасы 15 жұмыс күніне дейін жарамды: осы мерзімде Қазақстаннан шығу керек",
            "The exit visa is valid for up to 15 working days: leave Kazakhstan within it",
        ),
        Rule::ArrivalNotification => (
            "Қабылдаушы тарап келу туралы кіргеннен кейін 3 жұмыс күні ішінде хабарлайды",
            "The host party notifies the arrival within 3 working days of entry",
        ),
        Rule::InvitationLeadTime => (
            "Заң бойынша шақыруға өтініш кіруден кемінде 5 жұмыс күні бұрын беріледі",
            "The law: the invitation is filed at least 5 working days before entry",
        ),
        Rule::InvitationTimelyApproval => (
            "Қарау (5 жұмыс күніне дейін) заңды мерзімге дейін аяқталуы үшін өтінішті ертерек тапсырыңыз",
            "Submit early enough for the review (up to 5 working days) to end by that legal date",
        ),
        Rule::InvitationApproval => ("Шақыруды қарау мерзімі", "The invitation's review time"),
        Rule::PlannedEntry => ("Жоспарланған кіру күні", "Your planned entry date"),
        Rule::IinInPerson => (
            "ЖСН-ге кіру кезінде пайдаланылған паспортпен жеке өзі өтініш беріледі",
            "The IIN is applied for in person, with the passport used for entry",
        ),
        Rule::IinProcessing => (
            "ЖСН 1 жұмыс күнінде беріледі",
            "The IIN is issued in 1 working day",
        ),
        Rule::Fingerprinting => (
            "Дактилоскопиялық тіркеу үшін ЖСН және келу туралы хабарлама қажет",
            "Fingerprinting needs the IIN and the arrival notification",
        ),
    };
    match l {
        Lang::Kk => kk,
        Lang::En => en,
    }
}

fn working_days(n: u32, l: Lang) -> String {
    match (n, l) {
        (1, Lang::En) => "1 working day".into(),
        (_, Lang::En) => format!("{n} working days"),
        (_, Lang::Kk) => format!("{n} жұмыс күні"),
    }
}

fn counting_text(c: Counting, from: NaiveDate, l: Lang) -> String {
    let f = format_weekday(from, l);
    let wd = |n: u16| working_days(n.into(), l);
    let plural = |n: u16, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    match (c, l) {
        (Counting::WorkingDaysAfter { days }, Lang::En) => {
            format!("{}, counted from the next working day after {f}", wd(days))
        }
        (Counting::WorkingDaysAfter { days }, Lang::Kk) => format!(
            "{}, мына күннен кейінгі келесі жұмыс күнінен бастап есептеледі: {f}",
            wd(days)
        ),
        (Counting::WorkingDaysBefore { days }, Lang::En) => {
            format!("{} before {f}, that day itself not counted", wd(days))
        }
        (Counting::WorkingDaysBefore { days }, Lang::Kk) => format!(
            "{} бұрын, мына күнге дейін (бұл күннің өзі есептелмейді): {f}",
            wd(days)
        ),
        (Counting::WorkingDaysIncludingStart { days }, Lang::En) => {
            format!("{}, counting {f} itself when it is a working day", wd(days))
        }
        (Counting::WorkingDaysIncludingStart { days }, Lang::Kk) => format!(
            "{}, бастапқы күн жұмыс күні болса, ол да есептеледі: {f}",
            wd(days)
        ),
        (Counting::SameWorkingDay, Lang::En) => format!("the same day: {f} is a working day"),
        (Counting::SameWorkingDay, Lang::Kk) => format!("сол күні: {f} – жұмыс күні"),
        (Counting::NextWorkingDay, Lang::En) => {
            format!("{f} is a day off, so the next working day")
        }
        (Counting::NextWorkingDay, Lang::Kk) => {
            format!("{f} – демалыс күні, сондықтан келесі жұмыс күні")
        }
        (Counting::NextWorkingDayAfterHours, Lang::En) => {
            format!("too late in the day on {f}, so the next working day")
        }
        (Counting::NextWorkingDayAfterHours, Lang::Kk) => {
            format!("{f} жұмыс уақыты жетпейді, сондықтан келесі жұмыс күні")
        }
        (Counting::CalendarDaysAfterThenNextWorkingDay { days }, Lang::En) => format!(
            "{} after {f}, then the next working day if that is a day off",
            plural(days, "calendar day", "calendar days")
        ),
        (Counting::CalendarDaysAfterThenNextWorkingDay { days }, Lang::Kk) => format!(
            "мына күннен {days} күнтізбелік күн кейін, демалыс күніне түссе – келесі жұмыс күні: {f}"
        ),
        (Counting::CalendarDaysBeforeThenPreviousWorkingDay { days }, Lang::En) => format!(
            "{} before {f}, then the previous working day if that is a day off",
            plural(days, "calendar day", "calendar days")
        ),
        (Counting::CalendarDaysBeforeThenPreviousWorkingDay { days }, Lang::Kk) => format!(
            "мына күннен {days} күнтізбелік күн бұрын, демалыс күніне түссе – алдыңғы жұмыс күні: {f}"
        ),
        (Counting::CalendarDaysAfter { days }, Lang::En) => format!(
            "{} after {f}",
            plural(days, "calendar day", "calendar days")
        ),
        (Counting::CalendarDaysAfter { days }, Lang::Kk) => {
            format!("мына күннен {days} күнтізбелік күн кейін: {f}")
        }
        (Counting::CalendarMonthsAfter { months }, Lang::En) => format!(
            "{} after {f}",
            plural(months, "calendar month", "calendar months")
        ),
        (Counting::CalendarMonthsAfter { months }, Lang::Kk) => {
            format!("мына күннен {months} ай кейін: {f}")
        }
        (Counting::CalendarMonthsBefore { months }, Lang::En) => format!(
            "{} before {f}",
            plural(months, "calendar month", "calendar months")
        ),
        (Counting::CalendarMonthsBefore { months }, Lang::Kk) => {
            format!("мына күннен {months} ай бұрын: {f}")
        }
        (Counting::YearsLessOneDay { years }, Lang::En) => {
            format!("{} from {f}, less one day", plural(years, "year", "years"))
        }
        (Counting::YearsLessOneDay { years }, Lang::Kk) => {
            format!("мына күннен бастап {years} жыл, бір күн кем: {f}")
        }
        (Counting::AsGiven, Lang::En) => "the date as entered".into(),
        (Counting::AsGiven, Lang::Kk) => "енгізілген күн".into(),
    }
}

/// The weekdays off skipped while counting working days: "23–25 March are days off (Nauryz)".
/// Weekends go without saying.
fn days_off(cal: &Calendar, d: &Deadline, l: Lang) -> Option<String> {
    let next = |x: NaiveDate| x.checked_add_days(Days::new(1));
    let prev = |x: NaiveDate| x.checked_sub_days(Days::new(1));
    let (first, last) = match d.counting {
        Counting::WorkingDaysAfter { .. } | Counting::NextWorkingDayAfterHours => {
            (next(d.from)?, prev(d.date)?)
        }
        Counting::WorkingDaysIncludingStart { .. } | Counting::NextWorkingDay => {
            (d.from, prev(d.date)?)
        }
        Counting::WorkingDaysBefore { .. } => (next(d.date)?, prev(d.from)?),
        _ => return None,
    };
    // Groups of (first, last, name): one name over consecutive days off.
    let mut groups: Vec<(NaiveDate, NaiveDate, String)> = Vec::new();
    for day in first.iter_days().take_while(|x| *x <= last).take(400) {
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            continue;
        }
        let name = match cal.day_off_reason(day).ok().flatten() {
            Some(OffReason::Holiday { name, .. } | OffReason::MovedHoliday { name, .. }) => {
                name.get(l).to_owned()
            }
            Some(OffReason::Transfer { .. }) => Key::TransferredDayOff.text(l).to_owned(),
            Some(OffReason::Weekend) | None => continue,
        };
        match groups.last_mut() {
            Some((_, end, n)) if *n == name && only_days_off_between(cal, *end, day) => *end = day,
            _ => groups.push((day, day, name)),
        }
    }
    let said: Vec<String> = groups
        .into_iter()
        .map(|(a, b, name)| {
            let span = format_span(a, b, l);
            match (a == b, l) {
                (true, Lang::En) => format!("{span} is a day off ({name})"),
                (false, Lang::En) => format!("{span} are days off ({name})"),
                (_, Lang::Kk) => format!("{span} – демалыс ({name})"),
            }
        })
        .collect();
    (!said.is_empty()).then(|| said.join("; "))
}

fn only_days_off_between(cal: &Calendar, a: NaiveDate, b: NaiveDate) -> bool {
    a.iter_days()
        .skip(1)
        .take_while(|x| *x < b)
        .all(|x| cal.is_working_day(x) == Ok(false))
}

fn milestone_text(m: Milestone, l: Lang) -> &'static str {
    let (kk, en) = match m {
        Milestone::SubmitInvitationIfDelayed => (
            "Мемлекеттік органдар қосымша 30 күн алса, шақыруға өтінішті осы күнге дейін тапсырыңыз",
            "Submit the invitation by this date if state bodies take the extra 30 days",
        ),
        Milestone::SubmitInvitation => (
            "Шақыруға өтінішті тапсырудың соңғы күні",
            "Submit the invitation by",
        ),
        Milestone::InvitationApproved => ("Шақыру мақұлданады", "Invitation approved by"),
        Milestone::InvitationLegalDeadline => (
            "Заң бойынша өтініш берудің соңғы күні",
            "Legal latest filing date",
        ),
        Milestone::Entry => ("Қазақстанға кіру", "Entry into Kazakhstan"),
        Milestone::NotifyArrival => ("Келу туралы хабарлаудың соңғы күні", "Arrival notified by"),
        Milestone::IinFrom => (
            "ЖСН-ге жеке өзі өтініш беру, осы күннен бастап",
            "Apply for the IIN in person from",
        ),
        Milestone::IinReady => ("ЖСН дайын болады", "IIN ready by"),
        Milestone::FingerprintingFrom => (
            "Дактилоскопиялық тіркеу, осы күннен бастап",
            "Fingerprinting from",
        ),
        Milestone::ExtensionOpens => (
            "Ұзартуға өтініш беру басталады",
            "Extension applications open",
        ),
        Milestone::ExtensionCloses => (
            "Ұзартуға өтініш берудің соңғы күні",
            "Extension applications close",
        ),
    };
    match l {
        Lang::Kk => kk,
        Lang::En => en,
    }
}
