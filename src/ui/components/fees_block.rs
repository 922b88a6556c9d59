//! The fee calculator for one service: the options its fee table prices, then the breakdown for
//! everyone applying, computed by `domain::fees` (nothing is added up here).

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::catalogue::{Service, ServiceFee, StateDuty};
use crate::domain::fees::{
    self, Assumption, FeeBasis, FeeBreakdown, FeeError, FeeKind, FeeLine, FeeRequest, LineKind,
    LineStatus, Mrp, MrpSource, MrpStatus, NotPrinted, Reason, Unconfirmed,
};
use crate::domain::flow::{self, Answers, QuestionId as Q};
use crate::domain::lang::Lang;
use crate::ui::components::date_input::{DateInput, DateValue};
use crate::ui::components::labels;
use crate::ui::format;
use crate::ui::i18n::{Key, msg};
use crate::ui::state::AppState;

#[component]
pub fn FeesBlock(
    service: &'static Service,
    answers: RwSignal<Answers>,
    persons: Signal<u32>,
    today: NaiveDate,
) -> impl IntoView {
    let lang = AppState::expect().lang;
    // The last valid payment date: an unfinished date keeps the table as it was (its caption
    // names the date used), rather than making it vanish at every keystroke.
    let payment = RwSignal::new(today);
    let on_payment = Callback::new(move |v: DateValue| {
        if let Ok(d) = v {
            payment.set(d.unwrap_or(today));
        }
    });
    let breakdown = Memo::new(move |_| {
        let d = flow::read_details(&answers.get());
        let request = FeeRequest {
            payment_date: payment.get(),
            visa_years: d.years,
            category: d.fee_category.map(str::to_owned),
            priority: d.priority,
            personal_manager: d.manager,
            persons: persons.get(),
        };
        fees::compute_fees(service, &request)
    });
    let t = move |k: Key| move || k.text(lang.get());
    let has_mrp_duty = matches!(service.fees.state_duty, StateDuty::Mrp { .. });

    view! {
        <div>
            <h3>{t(Key::FeesCalculatorTitle)}</h3>
            <p>{t(Key::FeesLead)}</p>
            <Options service answers/>
            {has_mrp_duty.then(|| view! {
                <DateInput
                    id="fees-payment"
                    legend=Signal::derive(move || Key::FeesPaymentDate.text(lang.get()).to_owned())
                    hint=Signal::derive(move || Key::FeesPaymentHint.text(lang.get()).to_owned())
                    initial=today
                    on_change=on_payment
                />
            })}
            {move || {
                let l = lang.get();
                match breakdown.get() {
                    Ok(b) => breakdown_view(service, &b, payment.get(), l).into_any(),
                    Err(e) => view! { <div class="warning"><p>{fee_error(&e, l)}</p></div> }.into_any(),
                }
            }}
            // A persistent live region whose text changes, so screen readers announce the total.
            <p aria-live="polite"><strong>{move || {
                breakdown.get().ok().map(|b| summary(&b, lang.get())).unwrap_or_default()
            }}</strong></p>
            {move || breakdown.get().ok().map(|b| {
                let l = lang.get();
                b.unconfirmed
                    .iter()
                    .filter(|u| !choice_missing(&u.reason))
                    .map(|u| unconfirmed_view(u, l))
                    .collect_view()
            })}
            {move || breakdown.get().ok().map(|b| assumptions_view(&b, lang.get()))}
        </div>
    }
}

/// The inputs for the options the service's fee table prices, bound to the answers map.
#[component]
fn Options(service: &'static Service, answers: RwSignal<Answers>) -> impl IntoView {
    let lang = AppState::expect().lang;
    let offered = flow::details(service);
    let set = move |q: Q, v: &str| {
        answers.update(|a| {
            if v.is_empty() {
                a.remove(&q);
            } else {
                // Values come from our own controls, so they are always valid codes.
                let _ = flow::answer(a, q, v);
            }
        })
    };
    let title = move |q: Q| move || flow::title(q, lang.get());
    let hint = move |q: Q| {
        move || {
            flow::question_text(q)
                .and_then(|t| t.hint.as_ref())
                .map(|h| h.get(lang.get()).to_owned())
        }
    };

    let years = offered.contains(&Q::Years).then(|| {
        let current = move || answers.with(|a| a.get(&Q::Years).cloned().unwrap_or_default());
        let options = flow::question_text(Q::Years)
            .map(|t| t.options.as_slice())
            .unwrap_or_default()
            .iter()
            .map(|o| {
                let id = o.id.clone();
                view! {
                    <option value=o.id.clone() prop:selected=move || current() == id>
                        {move || o.label.get(lang.get()).to_owned()}
                    </option>
                }
            })
            .collect_view();
        view! {
            <div class="field">
                <label for="fees-years">{title(Q::Years)}</label>
                <p class="hint" id="fees-years-hint">{hint(Q::Years)}</p>
                <select
                    id="fees-years"
                    aria-describedby="fees-years-hint"
                    on:change=move |ev| set(Q::Years, &event_target_value(&ev))
                >
                    <option value="" prop:selected=move || current().is_empty()>
                        {move || Key::FeesChoose.text(lang.get())}
                    </option>
                    {options}
                </select>
            </div>
        }
    });

    let category = match &service.fees.service_fee {
        ServiceFee::ByCategory { rows } if offered.contains(&Q::FeeCategory) => {
            let radios = rows
                .iter()
                .map(|row| {
                    let id = format!("fees-category-{}", row.id);
                    let code = row.id.as_str();
                    let checked = move || {
                        answers.with(|a| a.get(&Q::FeeCategory).map(String::as_str) == Some(code))
                    };
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                name="fees-category"
                                id=id.clone()
                                value=code
                                prop:checked=checked
                                on:change=move |_| set(Q::FeeCategory, code)
                            />
                            <label for=id>
                                {move || {
                                    let l = lang.get();
                                    format!("{} – {}", row.label.get(l), format::kzt(row.amount, l))
                                }}
                            </label>
                        </div>
                    }
                })
                .collect_view();
            Some(view! {
                <div class="field">
                    <fieldset aria-describedby="fees-category-hint">
                        <legend>{title(Q::FeeCategory)}</legend>
                        <p class="hint" id="fees-category-hint">{hint(Q::FeeCategory)}</p>
                        <div class="choices">{radios}</div>
                    </fieldset>
                </div>
            })
        }
        _ => None,
    };

    // A checkbox for an option the service offers, or one answered "yes" elsewhere in the
    // wizard (so it can be unticked; the breakdown says it is not offered).
    let checkbox =
        move |q: Q, id: &'static str, label: Key, amount: Option<Decimal>, shown: bool| {
            let yes = move || answers.with(|a| a.get(&q).map(String::as_str) == Some("yes"));
            let hint_id = format!("{id}-hint");
            let label = move || {
                let l = lang.get();
                match amount {
                    Some(a) => format!(
                        "{} (+{} {})",
                        label.text(l),
                        format::kzt(a, l),
                        Key::FeesPerPersonExtra.text(l)
                    ),
                    None => label.text(l).to_owned(),
                }
            };
            move || {
                (shown || yes()).then(|| {
                    view! {
                        <div class="choice">
                            <input
                                type="checkbox"
                                id=id
                                aria-describedby=hint_id.clone()
                                prop:checked=yes
                                on:change=move |ev| {
                                    set(q, if event_target_checked(&ev) { "yes" } else { "no" })
                                }
                            />
                            <div>
                                <label for=id>{label}</label>
                                <p class="hint" id=hint_id.clone()>{hint(q)}</p>
                            </div>
                        </div>
                    }
                })
            }
        };
    let fees = &service.fees;
    let (offers_priority, offers_manager) = (
        offered.contains(&Q::Priority),
        offered.contains(&Q::Manager),
    );
    let priority = checkbox(
        Q::Priority,
        "fees-priority",
        Key::PriorityService,
        fees.priority,
        offers_priority,
    );
    let manager = checkbox(
        Q::Manager,
        "fees-manager",
        Key::PersonalManager,
        fees.personal_manager,
        offers_manager,
    );
    let any_extra = move || {
        offers_priority
            || offers_manager
            || answers.with(|a| {
                [Q::Priority, Q::Manager]
                    .iter()
                    .any(|q| a.get(q).is_some_and(|v| v == "yes"))
            })
    };

    view! {
        {years}
        {category}
        {move || any_extra().then(|| view! {
            <div class="field">
                <fieldset>
                    <legend>{move || Key::FeesOptionsLegend.text(lang.get())}</legend>
                    <div class="choices">{priority.clone()}{manager.clone()}</div>
                </fieldset>
            </div>
        })}
    }
}

/// The breakdown table: one row per line, then the figures left out, then the totals.
fn breakdown_view(
    service: &'static Service,
    b: &FeeBreakdown,
    paid_on: NaiveDate,
    l: Lang,
) -> impl IntoView + use<> {
    let t = |k: Key| k.text(l);
    let times = |n: u32| format!("× {n}");
    // Lines and left-out figures in the guide's column order: service fee, options, state fee.
    let mut rows: Vec<(u8, AnyView)> = b
        .lines
        .iter()
        .map(|line| {
            let (label, detail) = line_label(service, line, l);
            let order = match line.kind {
                LineKind::ServiceFee { .. } => 0,
                LineKind::Priority => 1,
                LineKind::PersonalManager => 2,
                LineKind::StateDuty { .. } | LineKind::StateDutyNotPrinted { .. } => 3,
            };
            let row = view! {
                <tr>
                    <th scope="row">
                        {label}
                        {detail.map(|d| view! { <br/><span class="muted">{d}</span> })}
                    </th>
                    <td class="num">{format::kzt(line.per_person, l)}</td>
                    <td class="num">{times(line.count)}</td>
                    <td class="num">{format::kzt(line.total, l)}</td>
                </tr>
            };
            (order, row.into_any())
        })
        .collect();
    for u in &b.unconfirmed {
        let marker = if choice_missing(&u.reason) {
            view! { <span>{t(Key::FeesChooseAbove)}</span> }.into_any()
        } else {
            view! { <span class="tag unconfirmed">{Key::Unconfirmed.text(l)}</span> }.into_any()
        };
        let order = match u.kind {
            FeeKind::ServiceFee => 0,
            FeeKind::Priority => 1,
            FeeKind::PersonalManager => 2,
        };
        let row = view! {
            <tr>
                <th scope="row">{kind_label(u.kind, l)}</th>
                <td class="num">{marker}</td>
                <td class="num">{times(u.count)}</td>
                <td class="num">{t(Key::FeesNotInTotal)}</td>
            </tr>
        };
        rows.push((order, row.into_any()));
    }
    rows.sort_by_key(|(order, _)| *order);
    let rows = rows.into_iter().map(|(_, row)| row).collect_view();
    let total_label = if b.unconfirmed.is_empty() {
        t(Key::FeesTotal)
    } else {
        t(Key::FeesTotalKnown)
    };
    view! {
        <div class="table-wrap">
            <table>
                <caption>{msg::FeesYourFeesOn { date: &format::weekday_day(paid_on, l) }.text(l)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{Key::FeeItem.text(l)}</th>
                        <th scope="col" class="num">{t(Key::FeesColPerPerson)}</th>
                        <th scope="col" class="num">{t(Key::FeesColPersons)}</th>
                        <th scope="col" class="num">{t(Key::FeesTotal)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{total_label}</th>
                        <td class="num">{format::kzt(b.per_person, l)}</td>
                        <td class="num">{times(b.persons)}</td>
                        <td class="num">{format::kzt(b.total, l)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// The row's name and, where it helps, how its amount was found.
fn line_label(service: &Service, line: &FeeLine, l: Lang) -> (String, Option<String>) {
    let t = |k: Key| k.text(l).to_owned();
    let waived = match line.status {
        LineStatus::Waived(_) => Some(t(Key::FeesWaived)),
        LineStatus::Charged | LineStatus::NoStateFeePrinted => None,
    };
    let fee = Key::ServiceFee.text(l).to_owned();
    match &line.kind {
        LineKind::ServiceFee { basis } => {
            let detail = match basis {
                FeeBasis::UpToYears { years } => Some(
                    msg::UpToYears {
                        count: u64::from(*years),
                    }
                    .text(l),
                ),
                FeeBasis::Category { id } => category_label(service, id, l),
                FeeBasis::Flat | FeeBasis::Unpriced => None,
            };
            (fee, waived.or(detail))
        }
        LineKind::Priority => (
            Key::PriorityService.text(l).to_owned(),
            Some(t(Key::FeesOnTopOfServiceFee)),
        ),
        LineKind::PersonalManager => (
            Key::PersonalManager.text(l).to_owned(),
            Some(t(Key::FeesManagerAssumed)),
        ),
        LineKind::StateDuty { multiple, mrp } => (
            Key::StateFee.text(l).to_owned(),
            Some(state_duty_detail(*multiple, mrp, line.per_person, l)),
        ),
        LineKind::StateDutyNotPrinted { printed } => (
            Key::StateFee.text(l).to_owned(),
            Some(match printed {
                NotPrinted::Dash => t(Key::FeesGuidePrintsDash),
                NotPrinted::NoColumn => t(Key::NoStateFeeColumn),
            }),
        ),
    }
}

fn category_label(service: &Service, id: &str, l: Lang) -> Option<String> {
    match &service.fees.service_fee {
        ServiceFee::ByCategory { rows } => rows
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.label.get(l).to_owned()),
        _ => None,
    }
}

/// "0.5 MRP × 4 325 ₸ (2026 MRP) = 2 162.50 ₸", and a word when the year's MRP is not known yet.
fn state_duty_detail(multiple: Decimal, mrp: &Mrp, per_person: Decimal, l: Lang) -> String {
    let from = match mrp.source {
        MrpSource::Known { from } | MrpSource::LatestKnown { from, .. } => from,
    };
    let which = if from.month() == 1 && from.day() == 1 {
        msg::MrpOfYear { year: &from.year() }.text(l)
    } else {
        msg::MrpFrom {
            date: &format::day(from, l),
        }
        .text(l)
    };
    let mut s = format!(
        "{} × {} ({which}) = {}",
        labels::mrp_multiple(multiple, l),
        format::kzt(mrp.value, l),
        format::kzt(per_person, l)
    );
    if let MrpSource::LatestKnown { year_asked, .. } = mrp.source {
        s.push_str("; ");
        s.push_str(&msg::MrpNotKnownYet { year: &year_asked }.text(l));
    }
    s
}

fn kind_label(kind: FeeKind, l: Lang) -> &'static str {
    match kind {
        FeeKind::ServiceFee => Key::ServiceFee.text(l),
        FeeKind::Priority => Key::PriorityService.text(l),
        FeeKind::PersonalManager => Key::PersonalManager.text(l),
    }
}

/// The visa length or category is simply not chosen yet: a prompt, not a warning.
fn choice_missing(r: &Reason) -> bool {
    matches!(r, Reason::YearsMissing | Reason::CategoryMissing)
}

fn reason_text(r: &Reason, l: Lang) -> String {
    let t = |k: Key| k.text(l).to_owned();
    match r {
        Reason::ServiceFeeUnreadable => t(Key::FeesUnreadable),
        Reason::ServiceFeeNotGiven => t(Key::FeesNoFeeTable),
        Reason::YearsMissing => t(Key::FeesChooseYears),
        Reason::YearsNotInTable { asked, max } => msg::FeesYearsNotInTable {
            asked,
            count: u64::from(*max),
        }
        .text(l),
        Reason::CategoryMissing => t(Key::FeesChooseCategory),
        Reason::CategoryUnknown { asked } => msg::FeesCategoryUnknown { asked }.text(l),
        Reason::PriorityNotOffered => t(Key::FeesPriorityNotOffered),
        Reason::PersonalManagerNotOffered => t(Key::FeesManagerNotOffered),
    }
}

/// "[unconfirmed] Service fee – kept out of the total. The guide prints “00 000 KZT”, which
/// cannot be read." The catalogue's longer note is left to the guide's fee table above.
fn unconfirmed_view(u: &Unconfirmed, l: Lang) -> impl IntoView + use<> {
    let why = match &u.printed {
        Some(printed) => msg::FeesGuidePrintsUnreadable { printed }.text(l),
        None => reason_text(&u.reason, l),
    };
    view! {
        <div class="warning">
            <p>
                <span class="tag unconfirmed">{Key::Unconfirmed.text(l)}</span>
                " "
                <strong>{kind_label(u.kind, l)}</strong>
                {format!(" – {} {why}", Key::FeesKeptOut.text(l))}
            </p>
        </div>
    }
}

/// "For 1 person: 550 000 ₸ + 150 000 ₸ + 2 162.50 ₸ = 702 162.50 ₸." (the live total).
fn summary(b: &FeeBreakdown, l: Lang) -> String {
    let parts: Vec<String> = b
        .lines
        .iter()
        .filter(|line| !line.per_person.is_zero())
        .map(|line| format::kzt(line.per_person, l))
        .collect();
    let per_person = format::kzt(b.per_person, l);
    let sum = if parts.len() > 1 {
        format!("{} = {per_person}", parts.join(" + "))
    } else {
        per_person.clone()
    };
    let mut s = if b.persons == 1 {
        msg::FeesSumOnePerson { sum: &sum }.text(l)
    } else {
        msg::FeesSumPersons {
            sum: &sum,
            per_person: &per_person,
            total: &format::kzt(b.total, l),
            count: b.persons.into(),
        }
        .text(l)
    };
    if b.unconfirmed.iter().any(|u| !choice_missing(&u.reason)) {
        s.push(' ');
        s.push_str(Key::FeesSomeLeftOut.text(l));
    } else if !b.unconfirmed.is_empty() {
        s.push(' ');
        s.push_str(Key::FeesChooseToInclude.text(l));
    }
    s
}

/// The readings of the guide the total relies on, stated plainly.
fn assumptions_view(b: &FeeBreakdown, l: Lang) -> Option<impl IntoView + use<>> {
    let mut said: Vec<&'static str> = Vec::new();
    if b.lines.iter().any(|line| line.kind == LineKind::Priority) {
        said.push(Key::FeesPriorityOnTop.text(l));
    }
    for a in &b.assumptions {
        said.push(match a {
            Assumption::PersonalManagerAddsToServiceFee => Key::FeesManagerAdds.text(l),
            Assumption::TrpFeePerFamilyMember => Key::FeesTrpPerMember.text(l),
        });
    }
    if b.persons > 1 {
        said.push(Key::FeesEachPerson.text(l));
    }
    if b.mrp().is_some_and(|m| m.status == MrpStatus::Reported) {
        said.push(Key::FeesMrpReported.text(l));
    }
    (!said.is_empty()).then(|| {
        view! {
            <div class="note">
                <p><strong>{Key::FeesHowTitle.text(l)}</strong></p>
                {said.into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
            </div>
        }
    })
}

fn fee_error(e: &FeeError, l: Lang) -> String {
    match e {
        FeeError::BeforeFirstMrp { first, .. } => {
            let first = first.map(|f| format::day(f, l)).unwrap_or_default();
            msg::FeesBeforeFirstMrp { first: &first }.text(l)
        }
        FeeError::NoPersons => Key::FeesNoPersons.text(l).to_owned(),
        FeeError::NegativeAmount { .. } => Key::FeesNegative.text(l).to_owned(),
    }
}
