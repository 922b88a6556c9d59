//! ISO dates (`YYYY-MM-DD`), read by hand: the data files, answers and stored drafts use this one
//! form, and chrono's general format parser would add its weight to the wasm for it.

use chrono::NaiveDate;

/// Exactly `YYYY-MM-DD` (no other spelling of the same day: `2026-1-5` is not one), a real day.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    let n = |from: usize, to: usize| s[from..to].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(i32::try_from(n(0, 4)?).ok()?, n(5, 7)?, n(8, 10)?)
}

/// A day of the embedded data, built at compile time (`src/data/rust.rs` checked it is real).
pub const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("not a day"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_spelling_of_a_real_day() {
        assert_eq!(
            parse_date("2026-03-10"),
            NaiveDate::from_ymd_opt(2026, 3, 10)
        );
        assert_eq!(
            parse_date("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for bad in [
            "2026-3-10",
            "2026-02-30",
            "26-03-10",
            "2026/03/10",
            "2026-03-10 ",
            "",
            "x",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
    }
}
