//! A GOV.UK-style date input: day, month and year boxes in a fieldset, with a hint and one error
//! message, plus the date formats the fee and deadline blocks print.

use chrono::{Datelike, NaiveDate, Weekday};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::deadlines::{DateError, DateField, parse_date};
use crate::domain::lang::Lang;
use crate::ui::i18n::strings;
use crate::ui::state::AppState;

strings! {
    Day => "Күн", "Day";
    Month => "Ай", "Month";
    Year => "Жыл", "Year";
}

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
    on_change: Callback<DateValue>,
) -> impl IntoView {
    let lang = AppState::expect().lang;
    let part = |f: fn(&NaiveDate) -> u32| initial.map(|d| f(&d).to_string()).unwrap_or_default();
    let day = RwSignal::new(part(NaiveDate::day));
    let month = RwSignal::new(part(NaiveDate::month));
    let year = RwSignal::new(initial.map(|d| d.year().to_string()).unwrap_or_default());
    let touched = RwSignal::new(false);

    let value = Memo::new(move |_| read(&day.get(), &month.get(), &year.get()));
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
            DateField::Day => (Key::Day, "field"),
            DateField::Month => (Key::Month, "field"),
            DateField::Year => (Key::Year, "field year"),
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
pub fn date_error_text(e: DateError, lang: Lang) -> String {
    let kk = lang == Lang::Kk;
    match e {
        DateError::Empty { field } => match (field, kk) {
            (DateField::Day, true) => "Айдың күнін енгізіңіз".into(),
            (DateField::Day, false) => "The date must include a day".into(),
            (DateField::Month, true) => "Айын енгізіңіз".into(),
            (DateField::Month, false) => "The date must include a month".into(),
            (DateField::Year, true) => "Жылын енгізіңіз".into(),
            (DateField::Year, false) => "The date must include a year".into(),
        },
        DateError::NotANumber { field } => match (field, kk) {
            (DateField::Day, true) => "Күн сан болуы керек, мысалы 27".into(),
            (DateField::Day, false) => "The day must be a number, like 27".into(),
            (DateField::Month, true) => "Ай 1-ден 12-ге дейінгі сан болуы керек, мысалы 5".into(),
            (DateField::Month, false) => "The month must be a number from 1 to 12, like 5".into(),
            (DateField::Year, true) => "Жыл сан болуы керек, мысалы 2026".into(),
            (DateField::Year, false) => "The year must be a number, like 2026".into(),
        },
        DateError::YearOutOfRange { min, max, .. } => match kk {
            true => format!("Жыл {min} мен {max} аралығындағы 4 таңбалы сан болуы керек"),
            false => format!("The year must have 4 digits, between {min} and {max}"),
        },
        DateError::NoSuchDate { day, month, year } => match kk {
            true => format!("{day:02}/{month:02}/{year} – мұндай күн жоқ: күн мен айды тексеріңіз"),
            false => format!(
                "{day:02}/{month:02}/{year} is not a real date: check the day and the month"
            ),
        },
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_EN_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_KK: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

fn weekday(d: NaiveDate, lang: Lang) -> &'static str {
    match (d.weekday(), lang) {
        (Weekday::Mon, Lang::En) => "Mon",
        (Weekday::Tue, Lang::En) => "Tue",
        (Weekday::Wed, Lang::En) => "Wed",
        (Weekday::Thu, Lang::En) => "Thu",
        (Weekday::Fri, Lang::En) => "Fri",
        (Weekday::Sat, Lang::En) => "Sat",
        (Weekday::Sun, Lang::En) => "Sun",
        (Weekday::Mon, Lang::Kk) => "дүйсенбі",
        (Weekday::Tue, Lang::Kk) => "сейсенбі",
        (Weekday::Wed, Lang::Kk) => "сәрсенбі",
        (Weekday::Thu, Lang::Kk) => "бейсенбі",
        (Weekday::Fri, Lang::Kk) => "жұма",
        (Weekday::Sat, Lang::Kk) => "сенбі",
        (Weekday::Sun, Lang::Kk) => "жексенбі",
    }
}

/// "1 Apr 2026" / "1 сәуір 2026 ж.".
pub fn format_day(d: NaiveDate, lang: Lang) -> String {
    let m = d.month0() as usize;
    match lang {
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[m], d.year()),
        Lang::Kk => format!("{} {} {} ж.", d.day(), MONTHS_KK[m], d.year()),
    }
}

/// With the weekday: "Wed 1 Apr 2026" / "сәрсенбі, 1 сәуір 2026 ж.".
pub fn format_weekday(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {}", weekday(d, lang), format_day(d, lang)),
        Lang::Kk => format!("{}, {}", weekday(d, lang), format_day(d, lang)),
    }
}

/// As [`format_weekday`], the date part glued with no-break spaces so that a narrow table cell
/// breaks only after the weekday: "Wed" / "1 Apr 2026".
pub fn format_weekday_glued(d: NaiveDate, lang: Lang) -> String {
    let day = format_day(d, lang).replace(' ', "\u{a0}");
    match lang {
        Lang::En => format!("{} {day}", weekday(d, lang)),
        Lang::Kk => format!("{}, {day}", weekday(d, lang)),
    }
}

/// Days of one month without the year: "23–25 March", "16 March" / "23–25 наурыз"; a span
/// across months names both: "31 December – 2 January".
pub fn format_span(first: NaiveDate, last: NaiveDate, lang: Lang) -> String {
    let month = |d: NaiveDate| match lang {
        Lang::En => MONTHS_EN_LONG[d.month0() as usize],
        Lang::Kk => MONTHS_KK[d.month0() as usize],
    };
    if first == last {
        format!("{} {}", first.day(), month(first))
    } else if first.month() == last.month() {
        format!("{}–{} {}", first.day(), last.day(), month(last))
    } else {
        format!(
            "{} {} – {} {}",
            first.day(),
            month(first),
            last.day(),
            month(last)
        )
    }
}
