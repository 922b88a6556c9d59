//! The working-day calendar against the fact base, day by day, plus worked examples and
//! properties checked over every date of 2024–2030.

use chrono::{Datelike, NaiveDate, Weekday};
use expat_navigator::domain::calendar::{Calendar, DateStatus, DayStatus, OffReason, calendar};
use expat_navigator::domain::deadlines::extension_window;
use expat_navigator::domain::lang::Lang;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn iso(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn cal() -> &'static Calendar {
    calendar()
}

fn every_day() -> impl Iterator<Item = NaiveDate> {
    d(2024, 1, 1)
        .iter_days()
        .take_while(|x| *x <= d(2030, 12, 31))
}

/// `facts.json → kz_holidays.computed_calendar_5_day_week`, copied so the test is
/// self-contained: (year, weekday days off, working weekend days).
const EXPECTED: &[(i32, &[&str], &[&str])] = &[
    (
        2024,
        &[
            "2024-01-01",
            "2024-01-02",
            "2024-03-08",
            "2024-03-21",
            "2024-03-22",
            "2024-03-25",
            "2024-05-01",
            "2024-05-07",
            "2024-05-08",
            "2024-05-09",
            "2024-07-08",
            "2024-08-30",
            "2024-10-25",
            "2024-12-16",
        ],
        &["2024-05-04"],
    ),
    (
        2025,
        &[
            "2025-01-01",
            "2025-01-02",
            "2025-01-03",
            "2025-01-07",
            "2025-03-10",
            "2025-03-21",
            "2025-03-24",
            "2025-03-25",
            "2025-05-01",
            "2025-05-07",
            "2025-05-09",
            "2025-06-06",
            "2025-07-07",
            "2025-09-01",
            "2025-10-27",
            "2025-12-16",
        ],
        &["2025-01-05"],
    ),
    (
        2026,
        &[
            "2026-01-01",
            "2026-01-02",
            "2026-01-07",
            "2026-03-09",
            "2026-03-23",
            "2026-03-24",
            "2026-03-25",
            "2026-05-01",
            "2026-05-07",
            "2026-05-11",
            "2026-05-27",
            "2026-07-06",
            "2026-10-26",
            "2026-12-16",
        ],
        &[],
    ),
    (
        2027,
        &[
            "2027-01-01",
            "2027-01-04",
            "2027-01-07",
            "2027-03-08",
            "2027-03-15",
            "2027-03-22",
            "2027-03-23",
            "2027-03-24",
            "2027-05-03",
            "2027-05-07",
            "2027-05-10",
            "2027-07-06",
            "2027-10-25",
            "2027-12-16",
        ],
        &[],
    ),
    (
        2028,
        &[
            "2028-01-03",
            "2028-01-04",
            "2028-01-07",
            "2028-03-08",
            "2028-03-15",
            "2028-03-21",
            "2028-03-22",
            "2028-03-23",
            "2028-05-01",
            "2028-05-05",
            "2028-05-08",
            "2028-05-09",
            "2028-07-06",
            "2028-10-25",
            "2028-12-18",
        ],
        &[],
    ),
    (
        2029,
        &[
            "2029-01-01",
            "2029-01-02",
            "2029-03-08",
            "2029-03-15",
            "2029-03-21",
            "2029-03-22",
            "2029-03-23",
            "2029-04-24",
            "2029-05-01",
            "2029-05-07",
            "2029-05-09",
            "2029-07-06",
            "2029-10-25",
            "2029-12-17",
        ],
        &[],
    ),
    (
        2030,
        &[
            "2030-01-01",
            "2030-01-02",
            "2030-01-07",
            "2030-03-08",
            "2030-03-15",
            "2030-03-21",
            "2030-03-22",
            "2030-03-25",
            "2030-05-01",
            "2030-05-07",
            "2030-05-09",
            "2030-07-08",
            "2030-10-25",
            "2030-12-16",
        ],
        &[],
    ),
];

#[test]
fn every_day_of_2024_to_2030_matches_the_fact_base() {
    assert_eq!(EXPECTED.len(), 7);
    let mut checked = 0;
    for &(year, off, working_weekend) in EXPECTED {
        let off: Vec<NaiveDate> = off.iter().map(|s| iso(s)).collect();
        let working_weekend: Vec<NaiveDate> = working_weekend.iter().map(|s| iso(s)).collect();
        assert_eq!(
            cal().weekday_days_off(year).unwrap(),
            off,
            "weekday days off in {year}"
        );
        for date in every_day().filter(|x| x.year() == year) {
            let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
            let expected = if weekend {
                working_weekend.contains(&date)
            } else {
                !off.contains(&date)
            };
            assert_eq!(
                cal().is_working_day(date),
                Ok(expected),
                "{date} ({:?})",
                date.weekday()
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 2557);
}

#[test]
fn data_years_and_statuses() {
    let y = cal().years();
    assert_eq!((y.first, y.last, y.projected_from), (2024, 2030, 2027));
    assert!(!cal().is_projected(2026) && cal().is_projected(2027));
    let kurban = |year| {
        cal()
            .movable_date("kurban_ait", year)
            .map(|m| (m.date, m.status))
    };
    assert_eq!(kurban(2024), Some((d(2024, 6, 16), DateStatus::Confirmed)));
    assert_eq!(kurban(2026), Some((d(2026, 5, 27), DateStatus::Announced)));
    assert_eq!(kurban(2030), Some((d(2030, 4, 13), DateStatus::Estimated)));
    assert_eq!(kurban(2031), None);
}

fn reason(date: NaiveDate) -> OffReason {
    cal()
        .day_off_reason(date)
        .unwrap()
        .cloned()
        .unwrap_or_else(|| panic!("{date} is a working day"))
}

fn holiday_id(date: NaiveDate) -> String {
    match reason(date) {
        OffReason::Holiday { id, .. } => id,
        other => panic!("{date}: {other:?}"),
    }
}

fn moved_from(date: NaiveDate) -> (String, NaiveDate) {
    match reason(date) {
        OffReason::MovedHoliday { id, from, .. } => (id, from),
        other => panic!("{date}: {other:?}"),
    }
}

#[test]
fn nauryz_2026_chains_past_its_own_days() {
    // 21 Mar 2026 is a Saturday, 22 a Sunday, 23 a Monday (a Nauryz day itself).
    // 21 -> the next Mon–Fri that is not a holiday: Mon 23 is Nauryz, so Tue 24.
    // 22 -> Mon 23 is Nauryz, Tue 24 is taken by the 21st, so Wed 25.
    assert_eq!(holiday_id(d(2026, 3, 23)), "nauryz");
    assert_eq!(
        moved_from(d(2026, 3, 24)),
        ("nauryz".into(), d(2026, 3, 21))
    );
    assert_eq!(
        moved_from(d(2026, 3, 25)),
        ("nauryz".into(), d(2026, 3, 22))
    );
    match reason(d(2026, 3, 21)) {
        OffReason::Holiday { moved_to, name, .. } => {
            assert_eq!(moved_to, Some(d(2026, 3, 24)));
            assert_eq!(name.get(Lang::En), "Nauryz");
        }
        other => panic!("{other:?}"),
    }
    // Women's Day on Sun 8 Mar 2026 -> Mon 9 Mar.
    assert_eq!(
        moved_from(d(2026, 3, 9)),
        ("womens_day".into(), d(2026, 3, 8))
    );
    // Fri 20 Mar + 1 working day: Mon 23, Tue 24, Wed 25 are off -> Thu 26 Mar.
    assert_eq!(
        cal().add_working_days(d(2026, 3, 20), 1),
        Ok(d(2026, 3, 26))
    );
    // The fact base's example: 21 Mar 2027 on a Sunday -> Wed 24 Mar (22, 23 are Nauryz).
    assert_eq!(
        moved_from(d(2027, 3, 24)),
        ("nauryz".into(), d(2027, 3, 21))
    );
    // Constitution Day on 15 Mar is new in 2027: Mon 16 Mar 2026 works, Mon 15 Mar 2027 does not.
    assert_eq!(cal().is_working_day(d(2026, 3, 16)), Ok(true));
    assert_eq!(holiday_id(d(2027, 3, 15)), "constitution_day");
}

#[test]
fn kurban_ait_27_may_2026_does_not_move() {
    assert_eq!(holiday_id(d(2026, 5, 27)), "kurban_ait");
    // Tue 26 May + 1 working day = Thu 28 May (Wed 27 is Kurban Ait).
    assert_eq!(
        cal().add_working_days(d(2026, 5, 26), 1),
        Ok(d(2026, 5, 28))
    );
    // On Sun 16 Jun 2024 it was not moved: Mon 17 Jun 2024 was a working day.
    assert_eq!(holiday_id(d(2024, 6, 16)), "kurban_ait");
    assert_eq!(cal().is_working_day(d(2024, 6, 17)), Ok(true));
    // Nor on Sat 13 Apr 2030 (estimated): Mon 15 Apr 2030 works.
    assert_eq!(cal().is_working_day(d(2030, 4, 15)), Ok(true));
}

#[test]
fn new_year_and_orthodox_christmas() {
    // 2026: Thu 1, Fri 2 Jan off; Wed 7 Jan Orthodox Christmas.
    for day in [1, 2, 7] {
        assert_eq!(
            cal().is_working_day(d(2026, 1, day)),
            Ok(false),
            "{day} Jan 2026"
        );
    }
    assert_eq!(holiday_id(d(2026, 1, 7)), "orthodox_christmas");
    // Wed 31 Dec 2025 + 1 working day: 1, 2 Jan holidays, 3, 4 weekend -> Mon 5 Jan 2026.
    assert_eq!(
        cal().add_working_days(d(2025, 12, 31), 1),
        Ok(d(2026, 1, 5))
    );
    // Working days after 31 Dec 2025 through Fri 9 Jan 2026: 5, 6, 8, 9 Jan = 4.
    assert_eq!(
        cal().working_days_between(d(2025, 12, 31), d(2026, 1, 9)),
        Ok(4)
    );
    // 2027: Fri 1 Jan; Sat 2 Jan moves to Mon 4 Jan; Thu 7 Jan Orthodox Christmas.
    assert_eq!(
        moved_from(d(2027, 1, 4)),
        ("new_year".into(), d(2027, 1, 2))
    );
    // Thu 31 Dec 2026 + 1 working day: Fri 1 off, weekend, Mon 4 off -> Tue 5 Jan 2027.
    assert_eq!(
        cal().add_working_days(d(2026, 12, 31), 1),
        Ok(d(2027, 1, 5))
    );
    // Orthodox Christmas never moves: Sun 7 Jan 2024 -> Mon 8 Jan 2024 works.
    assert_eq!(cal().is_working_day(d(2024, 1, 8)), Ok(true));
    assert_eq!(holiday_id(d(2024, 1, 7)), "orthodox_christmas");
    // 2028: Sat 1 + Sun 2 Jan -> Mon 3 + Tue 4 Jan.
    assert_eq!(
        moved_from(d(2028, 1, 3)),
        ("new_year".into(), d(2028, 1, 1))
    );
    assert_eq!(
        moved_from(d(2028, 1, 4)),
        ("new_year".into(), d(2028, 1, 2))
    );
}

#[test]
fn constitution_day_31_aug_2026_is_a_working_day() {
    assert_eq!(cal().is_working_day(d(2026, 8, 31)), Ok(true));
    // 30 Aug 2026 is a plain Sunday, not a holiday.
    assert_eq!(reason(d(2026, 8, 30)), OffReason::Weekend);
    // 2025: Sat 30 Aug moved to Mon 1 Sep.
    assert_eq!(
        moved_from(d(2025, 9, 1)),
        ("constitution_day_30_august".into(), d(2025, 8, 30))
    );
    // 2024: Fri 30 Aug was off.
    assert_eq!(holiday_id(d(2024, 8, 30)), "constitution_day_30_august");
}

#[test]
fn transfers_2024_and_2025() {
    // Sat 4 May 2024 was worked; its day off went to Wed 8 May.
    assert_eq!(cal().is_working_day(d(2024, 5, 4)), Ok(true));
    assert!(
        matches!(cal().day(d(2024, 5, 4)).unwrap(), DayStatus::WorkingWeekend { day_off, .. } if *day_off == d(2024, 5, 8))
    );
    assert!(
        matches!(reason(d(2024, 5, 8)), OffReason::Transfer { working_day, .. } if working_day == d(2024, 5, 4))
    );
    // Fri 3 May + 1 working day = Sat 4 May.
    assert_eq!(cal().add_working_days(d(2024, 5, 3), 1), Ok(d(2024, 5, 4)));
    // Sat 4 May + 1: Sun 5 is a weekend day -> Mon 6 May.
    assert_eq!(cal().add_working_days(d(2024, 5, 4), 1), Ok(d(2024, 5, 6)));
    // Mon 6 + 1 = Fri 10 May (7 Defender, 8 transfer, 9 Victory).
    assert_eq!(cal().add_working_days(d(2024, 5, 6), 1), Ok(d(2024, 5, 10)));
    // Sun 5 Jan 2025 was worked; Fri 3 Jan 2025 was off.
    assert_eq!(cal().is_working_day(d(2025, 1, 5)), Ok(true));
    assert!(
        matches!(reason(d(2025, 1, 3)), OffReason::Transfer { working_day, .. } if working_day == d(2025, 1, 5))
    );
    assert_eq!(cal().transfers().len(), 2);
}

#[test]
fn special_days_list_a_year() {
    let days = cal().special_days(2026).unwrap();
    // 14 weekday days off + weekend holidays (8 Mar, 21/22 Mar, 9 May, 25 Oct) = 19.
    assert_eq!(days.len(), 19);
    assert!(days.windows(2).all(|w| w[0].0 < w[1].0));
}

#[test]
fn out_of_range_at_the_edges() {
    let c = cal();
    for date in [d(2023, 12, 31), d(2031, 1, 1), d(1999, 6, 1), d(2100, 1, 1)] {
        let e = c.is_working_day(date).unwrap_err();
        assert_eq!((e.date, e.first_year, e.last_year), (date, 2024, 2030));
        assert!(e.to_string().contains("2024–2030"), "{e}");
        assert!(c.day_off_reason(date).is_err());
        assert!(
            c.add_working_days(date, 0).is_err(),
            "n = 0 still checks the date"
        );
    }
    assert_eq!(c.is_working_day(d(2024, 1, 1)), Ok(false));
    assert_eq!(c.is_working_day(d(2030, 12, 31)), Ok(true));
    // Counting past the edge names the first unknown date.
    assert_eq!(
        c.add_working_days(d(2030, 12, 31), 1).unwrap_err().date,
        d(2031, 1, 1)
    );
    assert_eq!(
        c.subtract_working_days(d(2024, 1, 3), 1).unwrap_err().date,
        d(2023, 12, 31)
    );
    assert_eq!(
        c.next_working_day_on_or_after(d(2030, 12, 31)),
        Ok(d(2030, 12, 31))
    );
    assert_eq!(
        c.next_working_day_after(d(2030, 12, 31)).unwrap_err().date,
        d(2031, 1, 1)
    );
    assert_eq!(
        c.previous_working_day_on_or_before(d(2024, 1, 2))
            .unwrap_err()
            .date,
        d(2023, 12, 31)
    );
    assert!(
        c.working_days_between(d(2030, 12, 1), d(2031, 1, 1))
            .is_err()
    );
    assert!(c.special_days(2031).is_err());
    assert!(c.weekday_days_off(2023).is_err());
    // Fri 27 Dec 2030 + 1 = Mon 30 Dec; Tue 31 Dec 2030 is the last day we can land on.
    assert_eq!(c.add_working_days(d(2030, 12, 27), 1), Ok(d(2030, 12, 30)));
    assert_eq!(c.add_working_days(d(2030, 12, 27), 2), Ok(d(2030, 12, 31)));
}

/// Working days counted ahead from every date, up to this many.
const MAX_N: u32 = 40;

#[test]
fn property_ready_by_dates_are_working_days_and_monotone() {
    let c = cal();
    let mut previous_row: Option<Vec<Option<NaiveDate>>> = None;
    for start in every_day() {
        let row: Vec<Option<NaiveDate>> = (0..=MAX_N)
            .map(|n| c.add_working_days(start, n).ok())
            .collect();
        assert_eq!(row[0], Some(start), "n = 0 is the start itself");
        for n in 1..=MAX_N as usize {
            let Some(end) = row[n] else {
                // Once out of range, always out of range.
                assert!(row[n..].iter().all(Option::is_none));
                break;
            };
            assert_eq!(
                c.is_working_day(end),
                Ok(true),
                "{start} + {n} = {end} is a day off"
            );
            // Strictly increasing in n, and exactly n working days in (start, end].
            assert!(end > row[n - 1].unwrap(), "{start} + {n}");
            assert_eq!(c.working_days_between(start, end), Ok(n as u32));
            // Composition: one more working day from the previous result.
            assert_eq!(c.add_working_days(row[n - 1].unwrap(), 1), Ok(end));
        }
        // Monotone in the start date.
        if let Some(prev) = &previous_row {
            for n in 0..=MAX_N as usize {
                if let (Some(a), Some(b)) = (prev[n], row[n]) {
                    assert!(
                        a <= b,
                        "add({}, {n}) > add({start}, {n})",
                        start.pred_opt().unwrap()
                    );
                }
            }
        }
        previous_row = Some(row);
    }
}

#[test]
fn property_add_then_subtract_returns_a_working_day_at_or_before_the_start() {
    let c = cal();
    for start in every_day() {
        let on_or_before = c.previous_working_day_on_or_before(start);
        for n in [1, 2, 3, 5, 10, 15, 30, 45] {
            let Ok(end) = c.add_working_days(start, n) else {
                continue;
            };
            let back = c.subtract_working_days(end, n);
            // Back to the last working day on or before the start (the start itself if working);
            // out of range only when the start is before the first working day of 2024.
            assert_eq!(back, on_or_before, "{start} + {n} - {n}");
            if let Ok(b) = back {
                assert!(b <= start && c.is_working_day(b) == Ok(true));
            }
        }
        if c.is_working_day(start) == Ok(true) {
            for n in [1, 5, 30] {
                if let Ok(back) = c.subtract_working_days(start, n) {
                    assert_eq!(
                        c.add_working_days(back, n),
                        Ok(start),
                        "{start} - {n} + {n}"
                    );
                }
            }
        }
    }
}

#[test]
fn property_next_working_day_on_or_after() {
    let c = cal();
    for date in every_day() {
        let Ok(next) = c.next_working_day_on_or_after(date) else {
            assert!(date > d(2030, 12, 20));
            continue;
        };
        assert!(next >= date && c.is_working_day(next) == Ok(true));
        // Nothing working in between.
        assert!(
            date.iter_days()
                .take_while(|x| *x < next)
                .all(|x| c.is_working_day(x) == Ok(false))
        );
        assert_eq!(c.is_working_day(date) == Ok(true), next == date);
        assert_eq!(c.working_days_between(date, date), Ok(0));
    }
}

#[test]
fn property_every_day_off_has_a_reason_and_every_weekday_off_is_explained() {
    let c = cal();
    for date in every_day() {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        match c.day(date).unwrap() {
            DayStatus::Working => assert!(!weekend),
            DayStatus::WorkingWeekend { .. } => assert!(weekend),
            DayStatus::Off(OffReason::Weekend) => assert!(weekend),
            DayStatus::Off(OffReason::MovedHoliday { from, .. }) => {
                assert!(!weekend && *from < date && (date - *from).num_days() <= 5);
            }
            DayStatus::Off(OffReason::Transfer { .. }) => assert!(!weekend),
            DayStatus::Off(OffReason::Holiday { moved_to, .. }) => {
                assert!(moved_to.is_none() || weekend)
            }
        }
    }
}

#[test]
fn property_extension_window_opens_before_it_closes() {
    let c = cal();
    let mut windows = 0;
    for visa_end in every_day() {
        let Ok(w) = extension_window(c, visa_end, visa_end) else {
            // Only the first weeks of 2024 lack 30 working days before them.
            assert!(visa_end < d(2024, 3, 1), "{visa_end}");
            continue;
        };
        windows += 1;
        assert!(w.opens.date < w.closes.date && w.closes.date < visa_end);
        // Working days 30 down to 5 before expiry: 25 working days after the opening day.
        assert_eq!(c.working_days_between(w.opens.date, w.closes.date), Ok(25));
        assert_eq!(
            c.working_days_between(w.closes.date, visa_end.pred_opt().unwrap()),
            Ok(4)
        );
        assert!(
            c.is_working_day(w.opens.date) == Ok(true)
                && c.is_working_day(w.closes.date) == Ok(true)
        );
    }
    assert!(windows > 2450);
}
