//! The options a service's fee table prices: visa length, category, Priority Service,
//! Personal Manager. Each is an answer of the draft, so it survives a reload and a share link.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::catalogue::{Service, ServiceFee};
use crate::domain::flow::{self, Answers, QuestionId as Q};
use crate::ui::format;
use crate::ui::i18n::Key;
use crate::ui::state::AppState;

/// The inputs for the options the service's fee table prices, bound to the answers map.
#[component]
pub fn Options(service: &'static Service, answers: RwSignal<Answers>) -> impl IntoView {
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
                    <div class="choices">{priority.clone()}{manager.clone()}{covering.clone()}</div>
                </fieldset>
            </div>
        })}
    }
}
