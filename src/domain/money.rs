//! Writing KZT amounts the way the guide and Kazakh practice do: "1 440 000 ₸", "2 162.50 ₸".
//!
//! Groups of three digits are separated by a no-break space (U+00A0), as in the guide's
//! "2 162.5 KZT", so an amount never wraps across lines. The guide writes the decimal separator
//! as a point in KZT figures, so we do too. An amount with a fraction shows whole tiyn, two
//! decimals ("2 162.50"), as money is written; a whole amount shows none ("550 000"). Amounts are
//! rounded half away from zero to 2 decimals, which only matters for inputs that are not already
//! whole tiyn. Other numbers (an MRP multiple, "0.5") drop trailing zeros: `format_number`.

use rust_decimal::{Decimal, RoundingStrategy};

/// The separator between groups of three digits, and before the sign.
pub const NBSP: char = '\u{00A0}';
/// The tenge sign.
pub const TENGE: char = '₸';

/// "1 440 000 ₸", "2 162.50 ₸", "0 ₸" (no-break spaces).
pub fn format_kzt(amount: Decimal) -> String {
    format_kzt_with(amount, '.')
}

/// As [`format_kzt`] with the language's decimal separator: "2 162,50 ₸" in Russian.
pub fn format_kzt_with(amount: Decimal, decimal_separator: char) -> String {
    let mut s = format_number(amount);
    if let Some(point) = s.find('.') {
        // Whole tiyn: "2 162.5" is written "2 162.50".
        for _ in s.len() - point - 1..2 {
            s.push('0');
        }
    }
    if decimal_separator != '.' {
        s = s.replace('.', decimal_separator.encode_utf8(&mut [0; 4]));
    }
    s.push(NBSP);
    s.push(TENGE);
    s
}

/// The number alone, grouped like `format_kzt`: "4 325", "2 162.5", "0.5".
pub fn format_number(amount: Decimal) -> String {
    let rounded = amount
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    // normalize() also turns a rounded -0.001 (-0.00) into 0, so no "-0" is printed.
    let negative = rounded.is_sign_negative();
    let digits = rounded.abs().to_string();
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits.as_str(), None),
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    if negative {
        out.push('-');
    }
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(NBSP);
        }
        out.push(c);
    }
    if let Some(f) = frac_part {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn kzt(s: &str) -> String {
        format_kzt(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn groups_with_no_break_spaces_and_ends_with_the_sign() {
        assert_eq!(kzt("1440000"), "1\u{a0}440\u{a0}000\u{a0}₸");
        assert_eq!(kzt("550000"), "550\u{a0}000\u{a0}₸");
        assert_eq!(kzt("17300"), "17\u{a0}300\u{a0}₸");
        assert_eq!(kzt("4325"), "4\u{a0}325\u{a0}₸");
        assert_eq!(kzt("100"), "100\u{a0}₸");
        assert_eq!(kzt("0"), "0\u{a0}₸");
        assert_eq!(kzt("1234567890"), "1\u{a0}234\u{a0}567\u{a0}890\u{a0}₸");
    }

    #[test]
    fn keeps_the_guides_decimal_point_with_whole_tiyn_when_there_is_a_fraction() {
        assert_eq!(kzt("2162.5"), "2\u{a0}162.50\u{a0}₸");
        assert_eq!(kzt("2162.50"), "2\u{a0}162.50\u{a0}₸");
        assert_eq!(kzt("1440000.00"), "1\u{a0}440\u{a0}000\u{a0}₸");
        assert_eq!(kzt("0.05"), "0.05\u{a0}₸");
        assert_eq!(kzt("0.1"), "0.10\u{a0}₸");
    }

    #[test]
    fn never_shows_more_than_two_decimals() {
        assert_eq!(kzt("1.005"), "1.01\u{a0}₸");
        assert_eq!(kzt("1.004"), "1\u{a0}₸");
        assert_eq!(kzt("999.999"), "1\u{a0}000\u{a0}₸");
        assert_eq!(kzt("0.001"), "0\u{a0}₸");
        assert_eq!(kzt("-0.001"), "0\u{a0}₸");
    }

    #[test]
    fn negative_amounts_keep_their_sign_outside_the_groups() {
        assert_eq!(kzt("-1440000"), "-1\u{a0}440\u{a0}000\u{a0}₸");
        assert_eq!(kzt("-2162.5"), "-2\u{a0}162.50\u{a0}₸");
    }

    #[test]
    fn format_number_has_no_sign() {
        assert_eq!(format_number(Decimal::from_str("0.5").unwrap()), "0.5");
        assert_eq!(format_number(Decimal::from(129_750)), "129\u{a0}750");
    }
}
