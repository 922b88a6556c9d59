//! Timestamps as stored: the device's local wall time, to the second.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// Reads `YYYY-MM-DDTHH:MM[:SS[.fff]]` (a space for the `T` too). A trailing `Z` or UTC offset is
/// accepted and dropped: the wall time as written is kept. Seconds are kept, fractions dropped.
pub fn parse_timestamp(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if s.len() > 40 {
        return None;
    }
    // The form this app writes first, fast (thousands of records are read at every start).
    if let Some(t) = parse_stored_timestamp(s) {
        return Some(t);
    }
    parse_other_timestamp(strip_zone(s))
        .filter(|t| (1..=9999).contains(&t.year()))
        .map(second)
}

/// `YYYY-MM-DD`, `T` or a space, `HH:MM`, then optionally `:SS` and a fraction (dropped). Read by
/// hand: chrono's general format parser would add its weight to the wasm for these few forms.
fn parse_other_timestamp(s: &str) -> Option<NaiveDateTime> {
    let date = super::super::iso::parse_date(s.get(..10)?)?;
    let time = s.get(10..)?.strip_prefix(['T', ' '])?;
    let two = |t: &str| -> Option<u32> {
        (t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok())?
    };
    let (hour, minute) = (two(time.get(..2)?)?, two(time.get(3..5)?)?);
    if time.as_bytes().get(2) != Some(&b':') {
        return None;
    }
    let second = match time.get(5..)? {
        "" => 0,
        rest => {
            let rest = rest.strip_prefix(':')?;
            let (whole, fraction) = rest.split_at(rest.len().min(2));
            let fraction_ok = fraction.is_empty()
                || fraction
                    .strip_prefix('.')
                    .is_some_and(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
            if !fraction_ok {
                return None;
            }
            // A leap second reads as :59.
            two(whole)?.min(59)
        }
    };
    date.and_hms_opt(hour, minute, second)
}

/// Exactly `YYYY-MM-DDTHH:MM:SS`, as [`format_timestamp`] writes it.
fn parse_stored_timestamp(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 19
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            _ => c.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    let n = |from: usize, to: usize| s[from..to].parse::<u32>().ok();
    let date = NaiveDate::from_ymd_opt(n(0, 4)? as i32, n(5, 7)?, n(8, 10)?)?;
    let t = date.and_hms_opt(n(11, 13)?, n(14, 16)?, n(17, 19)?)?;
    (1..=9999).contains(&t.year()).then_some(t)
}

/// `2026-11-20T10:00:00`, the form stored.
pub fn format_timestamp(t: NaiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second().min(59)
    )
}

fn strip_zone(s: &str) -> &str {
    let s = s.strip_suffix(['Z', 'z']).unwrap_or(s);
    if let Some(time) = s.get(11..)
        && let Some(i) = time.find(['+', '-'])
    {
        return &s[..11 + i];
    }
    s
}

/// To the whole second (a leap second becomes :59).
pub fn second(t: NaiveDateTime) -> NaiveDateTime {
    let t = t.with_nanosecond(0).unwrap_or(t);
    if t.second() > 59 {
        t.with_second(59).unwrap_or(t)
    } else {
        t
    }
}

pub fn ser_time<S: serde::Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_timestamp(*t))
}

pub fn ser_opt_time<S: serde::Serializer>(
    t: &Option<NaiveDateTime>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&format_timestamp(*t)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_parse_leniently_and_print_one_way() {
        let ten = NaiveDate::from_ymd_opt(2026, 11, 20)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .unwrap();
        for s in [
            "2026-11-20T10:00:00",
            "2026-11-20T10:00",
            "2026-11-20 10:00:00.123",
            "2026-11-20T10:00:00.000Z",
            "2026-11-20T10:00:00+05:00",
            " 2026-11-20T10:00:00-03:30 ",
        ] {
            assert_eq!(parse_timestamp(s), Some(ten), "{s}");
        }
        for s in [
            "",
            "2026-11-20",
            "+12026-11-20T10:00:00",
            "2026-13-01T00:00",
            "жоба",
        ] {
            assert_eq!(parse_timestamp(s), None, "{s}");
        }
        assert_eq!(format_timestamp(ten), "2026-11-20T10:00:00");
        assert_eq!(
            parse_timestamp("2026-11-20T23:59:60").map(format_timestamp),
            Some("2026-11-20T23:59:59".to_owned())
        );
    }
}
