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
use crate::domain::money::format_kzt;
use crate::ui::components::date_input::{DateInput, DateValue, format_day, format_weekday};
use crate::ui::components::labels;
use crate::ui::i18n::{self, strings};
use crate::ui::state::AppState;

strings! {
    Title => "Алымдарды есептеу", "Work out your fees";
    Lead => "Қажетті опцияларды таңдаңыз: төмендегі кесте барлық өтініш берушілер үшін соманы есептейді.", "Choose the options you need: the table below adds up the fees for everyone applying.";
    Choose => "Таңдаңыз", "Choose";
    OptionsLegend => "Қосымша қызметтер", "Extra services";
    PerPersonExtra => "бір адамға", "per person";
    PaymentDate => "Төлем күні", "Payment date";
    PaymentHint => "Мемлекеттік баж төлеген күні қолданыстағы АЕК бойынша есептеледі. Бүгінгі күн алдын ала толтырылған.", "The state fee uses the MRP in force on the day you pay. Today's date is filled in.";
    Caption => "Сіздің алымдарыңыз, төлем күні:", "Your fees, paid on";
    ColPerPerson => "Бір адамға", "Per person";
    ColPersons => "Адам саны", "Persons";
    ColTotal => "Барлығы", "Total";
    Total => "Барлығы", "Total";
    TotalKnown => "Белгілі алымдардың жиыны", "Total of the known fees";
    NotInTotal => "жиынға кірмейді", "not in the total";
    ChooseAbove => "жоғарыда таңдаңыз", "choose above";
    KeptOut => "жиынға қосылмады.", "kept out of the total.";
    ChooseToInclude => "Жоғарыда таңдағанша сервистік алым жиынға қосылмайды.", "The service fee is not in the total until you choose above.";
    SomeLeftOut => "Кейбір алымдар жиынға қосылмаған: төменде қараңыз.", "Some fees are not in the total: see below.";
    HowTitle => "Бұл сома қалай есептелді", "How this total is worked out";
    PriorityOnTop => "Priority Service нұсқаулықтың ескертпесіне сәйкес сервистік алымға қосымша бөлек төленеді.", "Priority Service is paid separately, on top of the service fee, as the guide's footnote says.";
    ManagerAdds => "Нұсқаулықта дербес менеджер алымы сервистік алымның орнына төлене ме, әлде оған қосымша ма – көрсетілмеген: біз оны сервистік алымға қосамыз, бюджет үшін бұл қауіпсіз сома.", "The guide does not say whether the Personal Manager fee replaces the service fee or is paid on top of it: our total adds it, the safer figure to budget.";
    TrpPerMember => "Нұсқаулықта уақытша тұруға рұқсат үшін отбасы мүшесі қанша төлейтіні көрсетілмеген: әр адам таңдалған санаттың алымын төлейді деп есептейміз.", "The guide does not say what a family member pays for a temporary residence permit: we assume each person pays the chosen category's fee.";
    EachPerson => "Әр адам (өтініш беруші және әр отбасы мүшесі) өз өтінішін береді, сондықтан әр алым бір адамға төленеді.", "Each person (the applicant and each family member) files their own application, so every fee is paid per person.";
    MrpReported => "Бұл күнгі АЕК мәні бір ғана қосалқы дереккөзден алынған.", "The MRP for this date comes from a single secondary source.";
    GuidePrintsDash => "нұсқаулықта «–» басылған", "the guide prints “–”";
    NoDutyColumn => "нұсқаулық кестесінде мемлекеттік баж бағаны жоқ", "the guide's table has no state fee column";
    OnTopOfServiceFee => "сервистік алымға қосымша", "on top of the service fee";
    ManagerAssumed => "сервистік алымға қосылды деп есептелді", "assumed to be added to the service fee";
    Waived => "тегін: жұмыс визасының, инвестор визасының немесе УТР-дің сервистік алымы төленген", "free: the work visa, investor visa or TRP service fee was paid";
    Unreadable => "Нұсқаулықтағы сомасын оқу мүмкін емес.", "The guide's figure cannot be read.";
    NoFeeTable => "Нұсқаулық бұл қызмет үшін алымдар кестесін бермейді.", "The guide gives no fee table for this service.";
    ChooseYears => "Оны көру үшін жоғарыда визаның мерзімін таңдаңыз.", "Choose the visa length above to see it.";
    ChooseCategory => "Оны көру үшін жоғарыда санатты таңдаңыз.", "Choose the category above to see it.";
    PriorityNotOffered => "Нұсқаулық бұл қызмет үшін Priority Service ұсынбайды.", "The guide offers no Priority Service for this service.";
    ManagerNotOffered => "Нұсқаулық бұл қызмет үшін дербес менеджер ұсынбайды.", "The guide offers no Personal Manager for this service.";
    NoPersons => "Кемінде бір адамды қосыңыз.", "Add at least one person.";
    Negative => "Каталогта бұл қызмет үшін теріс сома тұр: алымдарды есептеу мүмкін емес.", "The catalogue holds a negative amount for this service, so the fees cannot be worked out.";
}

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
            <h3>{t(Key::Title)}</h3>
            <p>{t(Key::Lead)}</p>
            <Options service answers/>
            {has_mrp_duty.then(|| view! {
                <DateInput
                    id="fees-payment"
                    legend=Signal::derive(move || Key::PaymentDate.text(lang.get()).to_owned())
                    hint=Signal::derive(move || Key::PaymentHint.text(lang.get()).to_owned())
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
                        {move || Key::Choose.text(lang.get())}
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
                    let checked =
                        move || answers.with(|a| a.get(&Q::FeeCategory).map(String::as_str) == Some(code));
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
                                {move || format!("{} – {}", row.label.get(lang.get()), format_kzt(row.amount))}
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
        move |q: Q, id: &'static str, label: i18n::Key, amount: Option<Decimal>, shown: bool| {
            let yes = move || answers.with(|a| a.get(&q).map(String::as_str) == Some("yes"));
            let hint_id = format!("{id}-hint");
            let label = move || {
                let l = lang.get();
                match amount {
                    Some(a) => format!(
                        "{} (+{} {})",
                        label.text(l),
                        format_kzt(a),
                        Key::PerPersonExtra.text(l)
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
        i18n::Key::PriorityService,
        fees.priority,
        offers_priority,
    );
    let manager = checkbox(
        Q::Manager,
        "fees-manager",
        i18n::Key::PersonalManager,
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
                    <legend>{move || Key::OptionsLegend.text(lang.get())}</legend>
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
                    <td class="num">{format_kzt(line.per_person)}</td>
                    <td class="num">{times(line.count)}</td>
                    <td class="num">{format_kzt(line.total)}</td>
                </tr>
            };
            (order, row.into_any())
        })
        .collect();
    for u in &b.unconfirmed {
        let marker = if choice_missing(&u.reason) {
            view! { <span>{t(Key::ChooseAbove)}</span> }.into_any()
        } else {
            view! { <span class="tag unconfirmed">{i18n::Key::Unconfirmed.text(l)}</span> }
                .into_any()
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
                <td class="num">{t(Key::NotInTotal)}</td>
            </tr>
        };
        rows.push((order, row.into_any()));
    }
    rows.sort_by_key(|(order, _)| *order);
    let rows = rows.into_iter().map(|(_, row)| row).collect_view();
    let total_label = if b.unconfirmed.is_empty() {
        t(Key::Total)
    } else {
        t(Key::TotalKnown)
    };
    view! {
        <div class="table-wrap">
            <table>
                <caption>{format!("{} {}", t(Key::Caption), format_weekday(paid_on, l))}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n::Key::FeeItem.text(l)}</th>
                        <th scope="col" class="num">{t(Key::ColPerPerson)}</th>
                        <th scope="col" class="num">{t(Key::ColPersons)}</th>
                        <th scope="col" class="num">{t(Key::ColTotal)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{total_label}</th>
                        <td class="num">{format_kzt(b.per_person)}</td>
                        <td class="num">{times(b.persons)}</td>
                        <td class="num">{format_kzt(b.total)}</td>
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
        LineStatus::Waived(_) => Some(t(Key::Waived)),
        LineStatus::Charged | LineStatus::NoStateFeePrinted => None,
    };
    let fee = i18n::Key::ServiceFee.text(l).to_owned();
    match &line.kind {
        LineKind::ServiceFee { basis } => {
            let detail = match basis {
                FeeBasis::UpToYears { years } => Some(match l {
                    Lang::Kk => format!("{years} жылға дейін"),
                    Lang::En => format!("up to {years} years"),
                }),
                FeeBasis::Category { id } => category_label(service, id, l),
                FeeBasis::Flat | FeeBasis::Unpriced => None,
            };
            (fee, waived.or(detail))
        }
        LineKind::Priority => (
            i18n::Key::PriorityService.text(l).to_owned(),
            Some(t(Key::OnTopOfServiceFee)),
        ),
        LineKind::PersonalManager => (
            i18n::Key::PersonalManager.text(l).to_owned(),
            Some(t(Key::ManagerAssumed)),
        ),
        LineKind::StateDuty { multiple, mrp } => (
            i18n::Key::StateFee.text(l).to_owned(),
            Some(state_duty_detail(*multiple, mrp, line.per_person, l)),
        ),
        LineKind::StateDutyNotPrinted { printed } => (
            i18n::Key::StateFee.text(l).to_owned(),
            Some(match printed {
                NotPrinted::Dash => t(Key::GuidePrintsDash),
                NotPrinted::NoColumn => t(Key::NoDutyColumn),
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
    let which = match (from.month() == 1 && from.day() == 1, l) {
        (true, Lang::En) => format!("{} MRP", from.year()),
        (true, Lang::Kk) => format!("{} жылғы АЕК", from.year()),
        (false, Lang::En) => format!("MRP from {}", format_day(from, l)),
        (false, Lang::Kk) => format!("{} бастап АЕК", format_day(from, l)),
    };
    let mut s = format!(
        "{} × {} ({which}) = {}",
        labels::mrp_multiple(multiple, l),
        format_kzt(mrp.value),
        format_kzt(per_person)
    );
    if let MrpSource::LatestKnown { year_asked, .. } = mrp.source {
        s.push_str(&match l {
            Lang::En => format!(
                "; the {year_asked} MRP is not known yet, so the latest known value is used"
            ),
            Lang::Kk => format!(
                "; {year_asked} жылғы АЕК әлі белгісіз, сондықтан соңғы белгілі мәні қолданылды"
            ),
        });
    }
    s
}

fn kind_label(kind: FeeKind, l: Lang) -> &'static str {
    match kind {
        FeeKind::ServiceFee => i18n::Key::ServiceFee.text(l),
        FeeKind::Priority => i18n::Key::PriorityService.text(l),
        FeeKind::PersonalManager => i18n::Key::PersonalManager.text(l),
    }
}

/// The visa length or category is simply not chosen yet: a prompt, not a warning.
fn choice_missing(r: &Reason) -> bool {
    matches!(r, Reason::YearsMissing | Reason::CategoryMissing)
}

fn reason_text(r: &Reason, l: Lang) -> String {
    let t = |k: Key| k.text(l).to_owned();
    match r {
        Reason::ServiceFeeUnreadable => t(Key::Unreadable),
        Reason::ServiceFeeNotGiven => t(Key::NoFeeTable),
        Reason::YearsMissing => t(Key::ChooseYears),
        Reason::YearsNotInTable { asked, max } => match l {
            Lang::En => format!("The guide's table goes up to {max} years, not {asked}."),
            Lang::Kk => format!("Нұсқаулық кестесі {max} жылға дейін ғана: {asked} жыл онда жоқ."),
        },
        Reason::CategoryMissing => t(Key::ChooseCategory),
        Reason::CategoryUnknown { asked } => match l {
            Lang::En => format!("“{asked}” is not a category in the guide's table."),
            Lang::Kk => format!("Нұсқаулық кестесінде «{asked}» санаты жоқ."),
        },
        Reason::PriorityNotOffered => t(Key::PriorityNotOffered),
        Reason::PersonalManagerNotOffered => t(Key::ManagerNotOffered),
    }
}

/// "[unconfirmed] Service fee – kept out of the total. The guide prints “00 000 KZT”, which
/// cannot be read." The catalogue's longer note is left to the guide's fee table above.
fn unconfirmed_view(u: &Unconfirmed, l: Lang) -> impl IntoView + use<> {
    let why = match (&u.printed, l) {
        (Some(p), Lang::En) => format!("The guide prints “{p}”, which cannot be read."),
        (Some(p), Lang::Kk) => format!("Нұсқаулықта «{p}» деп басылған, оны оқу мүмкін емес."),
        (None, _) => reason_text(&u.reason, l),
    };
    view! {
        <div class="warning">
            <p>
                <span class="tag unconfirmed">{i18n::Key::Unconfirmed.text(l)}</span>
                " "
                <strong>{kind_label(u.kind, l)}</strong>
                {format!(" – {} {why}", Key::KeptOut.text(l))}
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
        .map(|line| format_kzt(line.per_person))
        .collect();
    let per_person = format_kzt(b.per_person);
    let sum = if parts.len() > 1 {
        format!("{} = {per_person}", parts.join(" + "))
    } else {
        per_person.clone()
    };
    let n = b.persons;
    let mut s = match (n, l) {
        (1, Lang::En) => format!("For 1 person: {sum}."),
        (1, Lang::Kk) => format!("1 адамға: {sum}."),
        (_, Lang::En) => format!(
            "Per person: {sum}. For {n} persons: {n} × {per_person} = {}.",
            format_kzt(b.total)
        ),
        (_, Lang::Kk) => format!(
            "Бір адамға: {sum}. {n} адамға: {n} × {per_person} = {}.",
            format_kzt(b.total)
        ),
    };
    if b.unconfirmed.iter().any(|u| !choice_missing(&u.reason)) {
        s.push(' ');
        s.push_str(Key::SomeLeftOut.text(l));
    } else if !b.unconfirmed.is_empty() {
        s.push(' ');
        s.push_str(Key::ChooseToInclude.text(l));
    }
    s
}

/// The readings of the guide the total relies on, stated plainly.
fn assumptions_view(b: &FeeBreakdown, l: Lang) -> Option<impl IntoView + use<>> {
    let mut said: Vec<&'static str> = Vec::new();
    if b.lines.iter().any(|line| line.kind == LineKind::Priority) {
        said.push(Key::PriorityOnTop.text(l));
    }
    for a in &b.assumptions {
        said.push(match a {
            Assumption::PersonalManagerAddsToServiceFee => Key::ManagerAdds.text(l),
            Assumption::TrpFeePerFamilyMember => Key::TrpPerMember.text(l),
        });
    }
    if b.persons > 1 {
        said.push(Key::EachPerson.text(l));
    }
    if b.mrp().is_some_and(|m| m.status == MrpStatus::Reported) {
        said.push(Key::MrpReported.text(l));
    }
    (!said.is_empty()).then(|| {
        view! {
            <div class="note">
                <p><strong>{Key::HowTitle.text(l)}</strong></p>
                {said.into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
            </div>
        }
    })
}

fn fee_error(e: &FeeError, l: Lang) -> String {
    match e {
        FeeError::BeforeFirstMrp { first, .. } => {
            let first = first.map(|f| format_day(f, l)).unwrap_or_default();
            match l {
                Lang::En => format!("No MRP is known before {first}: choose a later payment date."),
                Lang::Kk => format!("{first} дейін АЕК белгісіз: кейінірек төлем күнін таңдаңыз."),
            }
        }
        FeeError::NoPersons => Key::NoPersons.text(l).to_owned(),
        FeeError::NegativeAmount { .. } => Key::Negative.text(l).to_owned(),
    }
}
