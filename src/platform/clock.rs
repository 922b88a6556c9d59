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
