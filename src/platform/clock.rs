//! Today's date from the browser, handed to the domain (which never reads the clock).

use chrono::NaiveDate;

/// The local calendar date of the device.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The local date and time, to the second, for draft timestamps.
pub fn now() -> chrono::NaiveDateTime {
    let now = js_sys::Date::new_0();
    today()
        .and_hms_opt(now.get_hours(), now.get_minutes(), now.get_seconds())
        .unwrap_or_default()
}

/// Random bits for new draft ids, so two tabs creating drafts in the same second differ.
pub fn entropy() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}
