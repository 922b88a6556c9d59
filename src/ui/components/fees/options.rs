//! The options a service's fee table prices: visa length, category, Priority Service,
//! Personal Manager. Each is a typed detail of the application, so it survives a reload and a
//! share link.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::catalogue::{Service, ServiceFee};
use crate::domain::flow::{self, Details, FeeCategory, QuestionId as Q};
use crate::ui::format;
use crate::ui::i18n::Key;
use crate::ui::state::AppState;

fn is_on(d: &Details, q: Q) -> bool {
    match q {
        Q::Priority => d.priority,
        Q::Manager => d.manager,
        _ => d.covering_fee,
    }
}

/// The yes-or-no option a checkbox sets.
fn flag(d: &mut Details, q: Q) -> &mut bool {
    match q {
        Q::Priority => &mut d.priority,
        Q::Manager => &mut d.manager,
        _ => &mut d.covering_fee,
    }
}

/// The inputs for the options the service's fee table prices, bound to the typed details.
#[component]
pub fn Options(service: &'static Service, details: RwSignal<Details>) -> impl IntoView {
    let lang = AppState::expect().lang;
    let offered = flow::details(service);
    let title = move |q: Q| move || flow::title(q, lang.get());
    let hint = move |q: Q| {
        move || {
            flow::question_text(q)
                .and_then(|t| t.hint.as_ref())
                .map(|h| h.get(lang.get()).to_owned())
        }
    };

    let years = offered.contains(&Q::Years).then(|| {
        let current = move || details.with(|d| d.years.map(|y| y.to_string()).unwrap_or_default());
        let options = flow::question_text(Q::Years)
            .map(|t| t.options)
            .unwrap_or_default()
            .iter()
            .map(|o| {
                let id = o.id;
                view! {
                    <option value=o.id prop:selected=move || current() == id>
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
                    on:change=move |ev| details.update(|d| d.years = event_target_value(&ev).parse().ok())
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
                    let code = row.id;
                    let category = FeeCategory::from_code(code);
                    let checked = move || {
                        details.with(|d| d.fee_category.is_some() && d.fee_category == category)
                    };
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                name="fees-category"
                                id=id.clone()
                                value=code
                                prop:checked=checked
                                on:change=move |_| details.update(|d| d.fee_category = category)
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
            let yes = move || details.with(|d| is_on(d, q));
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
                                    let on = event_target_checked(&ev);
                                    details.update(|d| *flag(d, q) = on)
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
    let offers_covering = offered.contains(&Q::CoveringFee);
    let covering = checkbox(
        Q::CoveringFee,
        "fees-covering-fee",
        Key::FeesCoveringFee,
        None,
        offers_covering,
    );
    let any_extra = move || {
        offers_priority
            || offers_manager
            || offers_covering
            || details.with(|d| d.priority || d.manager)
    };

    view! {
        {years}
        {category}
        {move || any_extra().then(|| view! {
            <div class="field">
                <fieldset>
                    <legend>{move || Key::FeesOptionsLegend.text(lang.get())}</legend>
                    <div class="choices">{priority.clone()}{manager.clone()}{covering.clone()}</div>
                </fieldset>
            </div>
        })}
    }
}
