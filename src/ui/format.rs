//! The one formatter for dates and money, per language. The patterns and names (months,
//! weekdays, the decimal separator) are in the locale files; the digits come from the domain.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::domain::lang::Lang;
use crate::domain::money;
use crate::ui::i18n::{Key, msg};

const MONTHS: [Key; 12] = [
    Key::Month1,
    Key::Month2,
    Key::Month3,
    Key::Month4,
    Key::Month5,
    Key::Month6,
    Key::Month7,
    Key::Month8,
    Key::Month9,
    Key::Month10,
    Key::Month11,
    Key::Month12,
];

const WEEKDAYS: [Key; 7] = [
    Key::Weekday1,
    Key::Weekday2,
    Key::Weekday3,
    Key::Weekday4,
    Key::Weekday5,
    Key::Weekday6,
    Key::Weekday7,
];

fn month(d: NaiveDate, l: Lang) -> &'static str {
    MONTHS[d.month0() as usize].text(l)
}

fn weekday(d: NaiveDate, l: Lang) -> &'static str {
    WEEKDAYS[d.weekday().num_days_from_monday() as usize].text(l)
}

/// "1 440 000 ₸", "2 162.50 ₸"; "2 162,50 ₸" in Russian.
pub fn kzt(amount: Decimal, l: Lang) -> String {
    let separator = Key::DecimalSeparator.text(l).chars().next().unwrap_or('.');
    money::format_kzt_with(amount, separator)
}

/// A number of MRP or years: "2.5", "2,5" in Russian.
pub fn number(n: Decimal, l: Lang) -> String {
    money::format_number(n).replace('.', Key::DecimalSeparator.text(l))
}

/// "1 Apr 2026", "2026 жылғы 1 сәуір", "1 апреля 2026 г.".
pub fn day(d: NaiveDate, l: Lang) -> String {
    msg::DateDay {
        day: &d.day(),
        month: &month(d, l),
        year: &d.year(),
    }
    .text(l)
}

/// With the weekday: "Wed 1 Apr 2026", "2026 жылғы 1 сәуір, сәрсенбі", "ср, 1 апреля 2026 г.".
pub fn weekday_day(d: NaiveDate, l: Lang) -> String {
    msg::DateWithWeekday {
        weekday: &weekday(d, l),
        date: &day(d, l),
    }
    .text(l)
}

/// As [`weekday_day`], with no-break spaces inside the date, so that a narrow table cell breaks
/// only between the weekday and the date.
pub fn weekday_day_glued(d: NaiveDate, l: Lang) -> String {
    msg::DateWithWeekday {
        weekday: &weekday(d, l),
        date: &day(d, l).replace(' ', "\u{a0}"),
    }
    .text(l)
}

/// "07.05.2026": the numeric date every language reads, for print headers and lists.
pub fn numeric(d: NaiveDate) -> String {
    format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year())
}

/// Days without the year: "16 Mar", "23–25 Mar", "31 Dec – 2 Jan"; "23–25 марта".
pub fn span(first: NaiveDate, last: NaiveDate, l: Lang) -> String {
    if first == last {
        msg::SpanOneDay {
            day: &first.day(),
            month: &month(first, l),
        }
        .text(l)
    } else if first.month() == last.month() {
        msg::SpanDays {
            first: &first.day(),
            last: &last.day(),
            month: &month(last, l),
        }
        .text(l)
    } else {
        msg::SpanMonths {
            first: &first.day(),
            first_month: &month(first, l),
            last: &last.day(),
            last_month: &month(last, l),
        }
        .text(l)
    }
}

/// A size in megabytes (10^6 bytes), to one decimal: 1.3 for 1 300 000 bytes.
pub fn megabytes(bytes: usize) -> rust_decimal::Decimal {
    (rust_decimal::Decimal::from(bytes as u64) / rust_decimal::Decimal::from(1_000_000)).round_dp(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn money_per_language() {
        let amount = Decimal::new(216250, 2);
        assert_eq!(kzt(amount, Lang::En), "2\u{a0}162.50\u{a0}₸");
        assert_eq!(kzt(amount, Lang::Kk), "2\u{a0}162,50\u{a0}₸");
        assert_eq!(kzt(amount, Lang::Ru), "2\u{a0}162,50\u{a0}₸");
        assert_eq!(
            kzt(Decimal::new(1440000, 0), Lang::Ru),
            "1\u{a0}440\u{a0}000\u{a0}₸"
        );
        assert_eq!(number(Decimal::new(25, 1), Lang::Ru), "2,5");
    }

    #[test]
    fn dates_per_language() {
        let day1 = d(2026, 12, 4);
        assert_eq!(weekday_day(day1, Lang::En), "Fri 4 Dec 2026");
        assert_eq!(weekday_day(day1, Lang::Kk), "2026 жылғы 4 желтоқсан, жұма");
        assert_eq!(weekday_day(day1, Lang::Ru), "пт, 4 декабря 2026 г.");
        assert_eq!(numeric(d(2026, 5, 7)), "07.05.2026");
        assert_eq!(
            span(d(2026, 3, 23), d(2026, 3, 25), Lang::Ru),
            "23–25 марта"
        );
        assert_eq!(span(d(2026, 3, 23), d(2026, 3, 25), Lang::En), "23–25 Mar");
        assert_eq!(
            span(d(2026, 12, 31), d(2027, 1, 2), Lang::Kk),
            "31 желтоқсан – 2 қаңтар"
        );
        assert_eq!(span(d(2026, 5, 1), d(2026, 5, 1), Lang::Ru), "1 мая");
    }
}
