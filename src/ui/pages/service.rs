use leptos::prelude::*;

use crate::domain::catalogue::{
    Catalogue, DocumentRef, Fees, Note, ServiceFee, StateDuty, catalogue,
};
use crate::domain::fees;
use crate::domain::flow::{QuestionId, ServiceId};
use crate::domain::lang::Lang;
use crate::route::Route;
use crate::ui::application::ApplicationStore;
use crate::ui::components::dates::{self, DatesBlock};
use crate::ui::components::fees::FeesBlock;
use crate::ui::components::labels::{self, Saying};
use crate::ui::components::source_line;
use crate::ui::format;
use crate::ui::i18n::{Key, msg};
use crate::ui::state::AppState;

/// Everything the guide says about one service.
#[component]
pub fn Service(id: ServiceId) -> impl IntoView {
    let cat = catalogue();
    let service = cat.get(id);
    let state = AppState::expect();
    let lang = state.lang;
    // The calculators' options on this page; the wizard's outcome page keeps them in the draft.
    let store = ApplicationStore::new();

    let page = move || {
        let l = lang.get();
        let t = |k: Key| k.text(l);
        let section = cat
            .section(service.section)
            .map(|s| s.title.get(l).to_owned());
        let steps = service
            .steps
            .iter()
            .map(|s| view! { <li>{s.get(l).to_owned()}</li> })
            .collect_view();
        let submitters = service
            .submitted_by
            .iter()
            .map(|s| t(labels::submitter(*s)))
            .collect::<Vec<_>>()
            .join("; ");
        let step2 = service.step2.as_ref().map(|step2| {
            view! {
                <section aria-labelledby="step2">
                    <h2 id="step2">{t(Key::Step2Title)}</h2>
                    <p>{t(labels::step2_place(step2.place))}</p>
                    <ul class="checklist">{documents(cat, step2.documents, l)}</ul>
                    {notes(step2.notes, l)}
                </section>
            }
        });
        view! {
            <p class="muted">{section}</p>
            <h1>{service.title.get(l).to_owned()}</h1>
            <p class="lead">{service.summary.get(l).to_owned()}</p>
            <dl class="facts">
                <dt>{t(Key::ForWhom)}</dt>
                <dd>{service.audience.get(l).to_owned()}</dd>
                {(!service.visa_categories.is_empty()).then(|| view! {
                    <dt>{t(Key::VisaCategories)}</dt>
                    <dd>{service.visa_categories.join(", ")}</dd>
                })}
                <dt>{t(Key::ProcessingTime)}</dt>
                <dd>
                    {labels::processing(service.processing, l)}
                    {service.may_extend_by_30_calendar_days.then(|| format!(" {}", t(Key::MayExtend30)))}
                </dd>
                {service.portal_request.as_ref().map(|r| view! {
                    <dt>{t(Key::PortalRequest)}</dt>
                    <dd>{r.get(l).to_owned()}</dd>
                })}
                {(!submitters.is_empty()).then(|| view! {
                    <dt>{t(Key::WhoSubmits)}</dt>
                    <dd>{submitters}</dd>
                })}
            </dl>
            <p class="no-print">
                <a class="button" href=state.href(Route::Question(QuestionId::Need))>{t(Key::ServiceStartWizard)}</a>
            </p>

            {(!service.steps.is_empty()).then(|| view! {
                <section aria-labelledby="steps">
                    <h2 id="steps">{t(Key::StepsTitle)}</h2>
                    <ol>{steps}</ol>
                </section>
            })}

            <section aria-labelledby="documents">
                <h2 id="documents">{t(Key::DocumentsTitle)}</h2>
                {if service.documents.is_empty() {
                    view! { <p>{t(Key::NoDocumentList)}</p> }.into_any()
                } else {
                    view! { <ul class="checklist">{documents(cat, service.documents, l)}</ul> }.into_any()
                }}
            </section>

            {step2}
        }
    };
    // The guide's notes, then the calculators, which sit outside the language-reactive parts,
    // so switching language or typing never rebuilds them (and never resets what was typed).
    // They come last: in the static page a line saying they are loading stands in for them,
    // and what grows when they arrive is below everything the guide says.
    let guide_notes = move || {
        let l = lang.get();
        (!service.notes.is_empty()).then(|| {
            view! {
                <section aria-labelledby="notes">
                    <h2 id="notes">{Key::NotesTitle.text(l)}</h2>
                    {notes(service.notes, l)}
                </section>
            }
        })
    };
    let (fee_calculator, dates) = if state.is_static() {
        let loading = view! {
            <p class="loading js-only no-print" role="status">{move || Key::LoadingCalculators.text(lang.get())}</p>
            <p class="no-js-only no-print">{move || Key::CalculatorsNeedJavaScript.text(lang.get())}</p>
        };
        (loading.into_any(), ().into_any())
    } else {
        let today = crate::platform::clock::today();
        let fees = view! { <FeesBlock service store persons=Signal::derive(|| 1) today/> };
        let dates = view! {
            <section class="calculator" aria-labelledby="dates">
                <h2 id="dates">{move || dates::title(lang.get())}</h2>
                <DatesBlock service store today/>
            </section>
        };
        (fees.into_any(), dates.into_any())
    };
    let bottom = move || {
        let l = lang.get();
        let t = |k: Key| k.text(l);
        view! {
            <p class="source">
                {source_line(service, l)}
            </p>
            <p class="no-print"><a href=state.href(Route::Catalogue)>{t(Key::BackToServices)}</a></p>
        }
    };
    view! {
        {page}
        {guide_notes}
        <section class="calculator" aria-labelledby="fees">
            <h2 id="fees">{move || Key::FeesTitle.text(lang.get())}</h2>
            {move || fee_table(&service.fees, cat, lang.get())}
            {fee_calculator}
        </section>
        {dates}
        {bottom}
    }
    .into_any()
}

/// A document list: the name, who provides it, when it applies, the guide's note and sub-items.
pub fn documents(cat: &'static Catalogue, refs: &'static [DocumentRef], l: Lang) -> impl IntoView {
    refs.iter()
        .map(|r| {
            let name = cat.document(r.doc).map(|d| d.name.get(l).to_owned()).unwrap_or_default();
            let conditions = r.when.iter().map(|c| labels::condition(c, Saying::OnlyIf, l)).collect::<Vec<_>>();
            view! {
                <li>
                    {name}
                    <span class="condition">
                        {labels::holder(r.holder).text(l)}
                        {(!conditions.is_empty()).then(|| conditions.iter().map(|c| format!(" · {c}")).collect::<String>())}
                    </span>
                    {r.note.as_ref().map(|n| view! { <span class="condition">{n.get(l).to_owned()}</span> })}
                    {(!r.items.is_empty()).then(|| view! {
                        <ul>{r.items.iter().map(|i| view! { <li>{i.get(l).to_owned()}</li> }).collect_view()}</ul>
                    })}
                </li>
            }
        })
        .collect_view()
}

pub fn notes(notes: &'static [Note], l: Lang) -> impl IntoView {
    notes
        .iter()
        .map(|n| {
            let (label, class) = labels::note_kind(n.kind);
            view! {
                <div class=class>
                    <p><strong>{label.text(l)} ": "</strong>{n.text.get(l).to_owned()}</p>
                </div>
            }
        })
        .collect_view()
}

/// The guide's fee table, as printed: nothing computed here (the calculator does that).
fn fee_table(fees: &'static Fees, cat: &'static Catalogue, l: Lang) -> impl IntoView {
    let t = |k: Key| k.text(l);
    let row = |label: String, amount: String| {
        view! { <tr><th scope="row">{label}</th><td class="num">{amount}</td></tr> }.into_any()
    };
    let mut rows: Vec<AnyView> = Vec::new();
    let mut after: Vec<AnyView> = Vec::new();
    match &fees.service_fee {
        ServiceFee::Flat { amount } => {
            rows.push(row(t(Key::ServiceFee).into(), format::kzt(*amount, l)))
        }
        ServiceFee::ByYears { rows: years } => {
            for y in years.iter() {
                rows.push(row(
                    format!(
                        "{} · {}",
                        t(Key::ServiceFee),
                        msg::UpToYears {
                            count: u64::from(y.up_to_years)
                        }
                        .text(l)
                    ),
                    format::kzt(y.amount, l),
                ));
            }
        }
        ServiceFee::ByCategory { rows: categories } => {
            for c in categories.iter() {
                let printed = c
                    .printed
                    .as_ref()
                    .map(|printed| format!(" ({})", msg::GuidePrintsAside { printed }.text(l)));
                rows.push(row(
                    format!("{} · {}", t(Key::ServiceFee), c.label.get(l)),
                    format!(
                        "{}{}",
                        format::kzt(c.amount, l),
                        printed.unwrap_or_default()
                    ),
                ));
            }
        }
        ServiceFee::Unconfirmed { printed, note } => {
            rows.push(
                view! {
                    <tr>
                        <th scope="row">{t(Key::ServiceFee)}</th>
                        <td class="num"><span class="tag unconfirmed">{t(Key::Unconfirmed)}</span></td>
                    </tr>
                }
                .into_any(),
            );
            after.push(
                view! {
                    <div class="warning">
                        <p><strong>{t(Key::UnconfirmedFee)} </strong>{format!("{} ", msg::GuidePrintsSentence { printed }.text(l))}{note.get(l).to_owned()}</p>
                    </div>
                }
                .into_any(),
            );
        }
        ServiceFee::NotGiven { note } => {
            rows.push(row(t(Key::ServiceFee).into(), t(Key::NotGiven).into()));
            after.push(
                view! { <div class="warning"><p>{note.get(l).to_owned()}</p></div> }.into_any(),
            );
        }
    }
    let optional = |amount: Option<rust_decimal::Decimal>| {
        amount
            .map(|a| format::kzt(a, l))
            .unwrap_or_else(|| t(Key::NotOffered).into())
    };
    rows.push(row(t(Key::PriorityService).into(), optional(fees.priority)));
    rows.push(row(
        t(Key::PersonalManager).into(),
        optional(fees.personal_manager),
    ));
    let duty = match &fees.state_duty {
        StateDuty::Mrp {
            multiple,
            printed_kzt,
        } => format!(
            "{} = {} ({} {})",
            labels::mrp_multiple(*multiple, l),
            format::kzt(*printed_kzt, l),
            t(Key::AtMrpOf),
            guide_mrp(cat, l)
        ),
        StateDuty::Dash => msg::GuidePrintsSentence { printed: &"–" }.text(l),
        StateDuty::NotStated => t(Key::NoStateFeeColumn).into(),
    };
    rows.push(row(t(Key::StateFee).into(), duty));
    let footnotes = fees
        .footnotes
        .iter()
        .map(|f| view! { <p class="muted">{f.get(l).to_owned()}</p> })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="fees">
                <caption>{t(Key::FeesCaption)}</caption>
                <thead><tr><th scope="col">{t(Key::FeeItem)}</th><th scope="col" class="num">{t(Key::Amount)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {after}
        {footnotes}
    }
}

/// "2026: 4 325 ₸", the MRP the guide's KZT figures use.
fn guide_mrp(cat: &Catalogue, l: Lang) -> String {
    let year = chrono::Datelike::year(&cat.as_of);
    match fees::mrp_on(cat.as_of) {
        Ok(mrp) => format!("{year}: {}", format::kzt(mrp.value, l)),
        Err(_) => year.to_string(),
    }
}
