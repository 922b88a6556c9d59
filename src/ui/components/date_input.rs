//! A GOV.UK-style date input: day, month and year boxes in a fieldset, with a hint and one error
//! message.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::deadlines::{DateError, DateField, parse_date};
use crate::domain::lang::Lang;
use crate::ui::i18n::{Key, msg};
use crate::ui::state::AppState;

/// What the boxes hold: nothing yet, a date, or the first problem.
pub type DateValue = Result<Option<NaiveDate>, DateError>;

/// Three boxes in a fieldset. Ids derive from `id` (`{id}-day`, `{id}-hint`, `{id}-error`...).
///
/// Every keystroke reports to `on_change`: `Ok(None)` while all boxes are empty, else the parsed
/// date or its [`DateError`]. The error is only shown once focus has left the fieldset, so
/// nobody is scolded for a date they are still typing.
#[component]
pub fn DateInput(
    id: &'static str,
    #[prop(into)] legend: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(default = None, into)] initial: Option<NaiveDate>,
    /// Keep what is typed in the draft under this id, so a reload finds it (dates that are not
    /// answers: the passport's expiry, the payment date...).
    #[prop(optional)]
    keep_as: Option<&'static str>,
    on_change: Callback<DateValue>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let part = |f: fn(&NaiveDate) -> u32| initial.map(|d| f(&d).to_string()).unwrap_or_default();
    let day = RwSignal::new(part(NaiveDate::day));
    let month = RwSignal::new(part(NaiveDate::month));
    let year = RwSignal::new(initial.map(|d| d.year().to_string()).unwrap_or_default());
    let touched = RwSignal::new(false);

    let value = Memo::new(move |_| read(&day.get(), &month.get(), &year.get()));
    if let Some(key) = keep_as {
        // What was typed before a reload comes back as it was, and counts as typed again.
        let kept = state.typed.with_untracked(|t| t.get(key).cloned());
        if let Some([d, m, y]) = kept.as_deref().and_then(split_kept) {
            day.set(d.to_owned());
            month.set(m.to_owned());
            year.set(y.to_owned());
            on_change.run(value.get_untracked());
        }
        Effect::new(move |first: Option<()>| {
            let typed = format!("{}/{}/{}", day.get(), month.get(), year.get());
            if first.is_some() {
                state.typed.update(|t| {
                    t.insert(key.to_owned(), typed);
                });
            }
        });
    }
    let shown_error = move || value.get().err().filter(|_| touched.get());

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

    let input = move |field: DateField, box_id: String, signal: RwSignal<String>| {
        let (key, class) = match field {
            DateField::Day => (Key::DateInputDay, "field"),
            DateField::Month => (Key::DateInputMonth, "field"),
            DateField::Year => (Key::DateInputYear, "field year"),
        };
        let invalid = move || {
            shown_error()
                .is_some_and(|e| blames(e, field))
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
                    prop:value=move || signal.get()
                    on:input=move |ev| {
                        signal.set(event_target_value(&ev));
                        on_change.run(value.get_untracked());
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
                    {input(DateField::Day, day_id, day)}
                    {input(DateField::Month, month_id, month)}
                    {input(DateField::Year, year_id, year)}
                </div>
            </fieldset>
        </div>
    }
}

/// "1/7/2026" as kept in the draft: the three boxes as typed.
fn split_kept(kept: &str) -> Option<[&str; 3]> {
    let mut parts = kept.splitn(3, '/');
    Some([parts.next()?, parts.next()?, parts.next()?])
}

/// Empty boxes are no date yet, not an error.
fn read(day: &str, month: &str, year: &str) -> DateValue {
    if [day, month, year].iter().all(|s| s.trim().is_empty()) {
        return Ok(None);
    }
    parse_date(day, month, year).map(Some)
}

/// The box an error is about, for `aria-invalid`.
fn blames(e: DateError, field: DateField) -> bool {
    match e {
        DateError::Empty { field: f } | DateError::NotANumber { field: f } => f == field,
        DateError::YearOutOfRange { .. } => field == DateField::Year,
        DateError::NoSuchDate { month, .. } if !(1..=12).contains(&month) => {
            field == DateField::Month
        }
        DateError::NoSuchDate { .. } => field == DateField::Day,
    }
}

/// The error, in words a person can act on.
pub fn date_error_text(e: DateError, l: Lang) -> String {
    match e {
        DateError::Empty { field } => match field {
            DateField::Day => Key::DateErrorNoDay,
            DateField::Month => Key::DateErrorNoMonth,
            DateField::Year => Key::DateErrorNoYear,
        }
        .text(l)
        .to_owned(),
        DateError::NotANumber { field } => match field {
            DateField::Day => Key::DateErrorDayNotNumber,
            DateField::Month => Key::DateErrorMonthNotNumber,
            DateField::Year => Key::DateErrorYearNotNumber,
        }
        .text(l)
        .to_owned(),
        DateError::YearOutOfRange { min, max, .. } => msg::DateErrorYearRange {
            min: &min,
            max: &max,
        }
        .text(l),
        DateError::NoSuchDate { day, month, year } => msg::DateErrorNoSuchDate {
            date: &format!("{day:02}/{month:02}/{year}"),
        }
        .text(l),
    }
}
