//! The fee calculator for one service: the options its fee table prices, then the breakdown for
//! everyone applying, computed by `domain::fees` (nothing is added up here).

mod breakdown;
mod options;
mod words;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::application::DateField;
use crate::domain::catalogue::{Service, StateDuty};
use crate::domain::fees::{self, FeeRequest};
use crate::ui::application::ApplicationStore;
use crate::ui::components::date_input::DateInput;
use crate::ui::i18n::Key;
use crate::ui::state::AppState;
use breakdown::{assumptions_view, breakdown_view, unconfirmed_view};
use options::Options;
use words::{choice_missing, fee_error, summary};

#[component]
pub fn FeesBlock(
    service: &'static Service,
    store: ApplicationStore,
    persons: Signal<u32>,
    today: NaiveDate,
) -> impl IntoView {
    let lang = AppState::expect().lang;
    // The last valid payment date: an unfinished date keeps the table as it was (its caption
    // names the date used), rather than making it vanish at every keystroke.
    let payment = Memo::new(move |last: Option<&NaiveDate>| {
        match store.date(DateField::Payment, Some(today)) {
            Ok(d) => d.unwrap_or(today),
            Err(_) => last.copied().unwrap_or(today),
        }
    });
    let breakdown = Memo::new(move |_| {
        let request = store
            .details
            .with(|d| FeeRequest::from_details(d, payment.get(), persons.get()));
        let covering_fee = store.details.with(|d| d.covering_fee);
        fees::compute_fees_for(service, &request, covering_fee)
    });
    let t = move |k: Key| move || k.text(lang.get());
    let has_mrp_duty = matches!(service.fees.state_duty, StateDuty::Mrp { .. });

    view! {
        <div>
            <h3>{t(Key::FeesCalculatorTitle)}</h3>
            <p>{t(Key::FeesLead)}</p>
            <Options service details=store.details/>
            {has_mrp_duty.then(|| view! {
                <DateInput
                    store
                    field=DateField::Payment
                    legend=Signal::derive(move || Key::FeesPaymentDate.text(lang.get()).to_owned())
                    hint=Signal::derive(move || Key::FeesPaymentHint.text(lang.get()).to_owned())
                    default=today
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
