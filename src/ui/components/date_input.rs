//! A GOV.UK-style date input: day, month and year boxes in a fieldset, with a hint and one error
//! message.

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::application::{DateBoxes, DateField};
use crate::domain::deadlines::{DateError, DateField as DatePart};
use crate::domain::lang::Lang;
use crate::ui::application::ApplicationStore;
use crate::ui::i18n::{Key, msg};
use crate::ui::state::AppState;

/// Three boxes in a fieldset for one date of the application, read from and written to the
/// store: nothing is copied, so what is typed is kept (and saved) at every keystroke. Ids derive
/// from the field's (`{id}-day`, `{id}-hint`, `{id}-error`...).
///
/// A date never typed shows its default (today for a submission date, the answer for a date that
/// is one). The error is only shown once focus has left the fieldset, so nobody is scolded for a
/// date they are still typing.
#[component]
pub fn DateInput(
    store: ApplicationStore,
    field: DateField,
    #[prop(into)] legend: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    /// What shows while the date was never typed (today, say).
    #[prop(optional)]
    default: Option<NaiveDate>,
) -> impl IntoView {
    let lang = AppState::expect().lang;
    let id = dom_id(field);
    let touched = RwSignal::new(false);
    let boxes = move || store.shown_date(field, default);
    let value = move || boxes().read();
    let shown_error = move || value().err().filter(|_| touched.get());

    let ids = [
        format!("{id}-day"),
        format!("{id}-month"),
        format!("{id}-year"),
    ];
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut parts = Vec::new();
            if hint.is_some() {
                parts.push(hint_id.clone());
            }
            if shown_error().is_some() {
                parts.push(error_id.clone());
            }
            (!parts.is_empty()).then(|| parts.join(" "))
        }
    };
    // Leaving the whole group (not moving between its boxes) marks it touched.
    let own_ids = ids.clone();
    let on_focusout = move |ev: web_sys::FocusEvent| {
        let next = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.id());
        if !next.is_some_and(|n| own_ids.contains(&n)) {
            touched.set(true);
        }
    };

    let input = move |part: DatePart, box_id: String| {
        let (key, class) = match part {
            DatePart::Day => (Key::DateInputDay, "field"),
            DatePart::Month => (Key::DateInputMonth, "field"),
            DatePart::Year => (Key::DateInputYear, "field year"),
        };
        let invalid = move || {
            shown_error()
                .is_some_and(|e| blames(e, part))
                .then_some("true")
        };
        view! {
            <div class=class>
                <label for=box_id.clone()>{move || key.text(lang.get())}</label>
                <input
                    type="text"
                    id=box_id.clone()
                    name=box_id
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=invalid
                    prop:value=move || part.of(&boxes()).clone()
                    on:input=move |ev| {
                        let mut typed = untrack(boxes);
                        *part.of_mut(&mut typed) = event_target_value(&ev);
                        store.set_date(field, typed);
                    }
                />
            </div>
        }
    };
    let [day_id, month_id, year_id] = ids;

    view! {
        <div class=move || if shown_error().is_some() { "field has-error" } else { "field" }>
            <fieldset role="group" aria-describedby=described_by on:focusout=on_focusout>
                <legend>{move || legend.get()}</legend>
                {hint.map(|h| view! { <p class="hint" id=hint_id>{move || h.get()}</p> })}
                {move || {
                    shown_error().map(|e| {
                        view! {
                            <p class="error-message" id=error_id.clone()>
                                {date_error_text(e, lang.get())}
                            </p>
                        }
                    })
                }}
                <div class="date-input">
                    {input(DatePart::Day, day_id)}
                    {input(DatePart::Month, month_id)}
                    {input(DatePart::Year, year_id)}
                </div>
            </fieldset>
        </div>
    }
}

/// The field's id in the page (`dates-passport-day` and so on derive from it).
fn dom_id(field: DateField) -> &'static str {
    match field {
        DateField::Submitted => "dates-submitted",
        DateField::Payment => "fees-payment",
        DateField::PassportExpiry => "dates-passport",
        DateField::PlannedVisaEnd => "dates-visa-end",
        DateField::EntryDate => "dates-entry",
        DateField::VisaExpiry => "dates-visa-expiry",
    }
}

trait Boxes {
    fn of(self, boxes: &DateBoxes) -> &String;
    fn of_mut(self, boxes: &mut DateBoxes) -> &mut String;
}

impl Boxes for DatePart {
    fn of(self, boxes: &DateBoxes) -> &String {
        match self {
            DatePart::Day => &boxes.day,
            DatePart::Month => &boxes.month,
            DatePart::Year => &boxes.year,
        }
    }

    fn of_mut(self, boxes: &mut DateBoxes) -> &mut String {
        match self {
            DatePart::Day => &mut boxes.day,
            DatePart::Month => &mut boxes.month,
            DatePart::Year => &mut boxes.year,
        }
    }
}

/// The box an error is about, for `aria-invalid`.
fn blames(e: DateError, field: DatePart) -> bool {
    match e {
        DateError::Empty { field: f } | DateError::NotANumber { field: f } => f == field,
        DateError::YearOutOfRange { .. } => field == DatePart::Year,
        DateError::NoSuchDate { month, .. } if !(1..=12).contains(&month) => {
            field == DatePart::Month
        }
        DateError::NoSuchDate { .. } => field == DatePart::Day,
    }
}

/// The error, in words a person can act on.
pub fn date_error_text(e: DateError, l: Lang) -> String {
    match e {
        DateError::Empty { field } => match field {
            DatePart::Day => Key::DateErrorNoDay,
            DatePart::Month => Key::DateErrorNoMonth,
            DatePart::Year => Key::DateErrorNoYear,
        }
        .text(l)
        .to_owned(),
        DateError::NotANumber { field } => match field {
            DatePart::Day => Key::DateErrorDayNotNumber,
            DatePart::Month => Key::DateErrorMonthNotNumber,
            DatePart::Year => Key::DateErrorYearNotNumber,
        }
        .text(l)
        .to_owned(),
        DateError::YearOutOfRange { min, max, .. } => msg::DateErrorYearRange {
            min: &min,
            max: &max,
        }
        .text(l),
        DateError::NoSuchDate { day, month, year } => msg::DateErrorNoSuchDate {
            // As every date is written in the three languages (`format::numeric`).
            date: &format!("{day:02}.{month:02}.{year}"),
        }
        .text(l),
    }
}
