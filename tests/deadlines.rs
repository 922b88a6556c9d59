//! Worked examples for every deadline, with the counting written out.

use chrono::{Datelike, NaiveDate, NaiveTime};
use expat_navigator::domain::calendar::calendar;
use expat_navigator::domain::catalogue::{Processing, ServiceKind};
use expat_navigator::domain::deadlines::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

const FIVE: Processing = Processing::WorkingDays { days: 5 };

// ---- Ready-by dates ----------------------------------------------------------------------

#[test]
fn five_working_days_across_nauryz_with_the_30_day_worst_case() {
    // Submitted Fri 20 Mar 2026. Mon 23 (Nauryz), Tue 24 and Wed 25 (moved from Sat 21 and
    // Sun 22) are off: Thu 26 (1), Fri 27 (2), Mon 30 (3), Tue 31 (4), Wed 1 Apr (5).
    // Worst case: 1 Apr + 30 calendar days = Fri 1 May, Unity Day; Sat 2, Sun 3 -> Mon 4 May.
    let r = ready_by(calendar(), FIVE, d(2026, 3, 20), true).unwrap();
    assert_eq!(r.earliest, r.latest);
    assert_eq!(
        r.latest,
        Deadline {
            date: d(2026, 4, 1),
            rule: Rule::ProcessingWorkingDays,
            counting: Counting::WorkingDaysAfter { days: 5 },
            from: d(2026, 3, 20),
        }
    );
    let worst = r.worst_case.unwrap();
    assert_eq!(worst.date, d(2026, 5, 4));
    assert_eq!(worst.rule, Rule::StateBodyDelay);
    assert_eq!(
        worst.counting,
        Counting::CalendarDaysAfterThenNextWorkingDay { days: 30 }
    );
    assert_eq!(worst.from, d(2026, 4, 1));
    assert_eq!(r.slot, None);
    // Without the guide's 30-day note, no worst case.
    assert_eq!(
        ready_by(calendar(), FIVE, d(2026, 3, 20), false)
            .unwrap()
            .worst_case,
        None
    );
}

#[test]
fn a_range_gives_earliest_and_latest_around_kurban_ait() {
    // "3–5 working days" from Tue 26 May 2026. Wed 27 is Kurban Ait: Thu 28 (1), Fri 29 (2),
    // Mon 1 Jun (3) = earliest; Tue 2 (4), Wed 3 Jun (5) = latest.
    let r = ready_by(
        calendar(),
        Processing::WorkingDaysRange { min: 3, max: 5 },
        d(2026, 5, 26),
        false,
    )
    .unwrap();
    assert_eq!(
        (r.earliest.date, r.latest.date),
        (d(2026, 6, 1), d(2026, 6, 3))
    );
    assert_eq!(r.earliest.counting, Counting::WorkingDaysAfter { days: 3 });
    assert_eq!(r.latest.counting, Counting::WorkingDaysAfter { days: 5 });
}

#[test]
fn submission_on_a_day_off_counts_from_the_next_working_day_after_it() {
    // Sat 2 May 2026, 1 working day: day 1 is Mon 4 May.
    let r = ready_by(
        calendar(),
        Processing::WorkingDays { days: 1 },
        d(2026, 5, 2),
        false,
    )
    .unwrap();
    assert_eq!(r.latest.date, d(2026, 5, 4));
    // Fri 1 May (Unity Day) gives the same.
    let r = ready_by(
        calendar(),
        Processing::WorkingDays { days: 1 },
        d(2026, 5, 1),
        false,
    )
    .unwrap();
    assert_eq!(r.latest.date, d(2026, 5, 4));
    // 45 working days (residence permit) from Mon 4 May 2026: May has 7, 11 and 27 off.
    // May after the 4th: 5,6,8,12,13,14,15,18,19,20,21,22,25,26,28,29 = 16; June: 22
    // (38); July after Mon 6 Jul (Capital Day): 1,2,3,7,8,9,10 = 45 -> Fri 10 Jul 2026.
    let r = ready_by(
        calendar(),
        Processing::WorkingDays { days: 45 },
        d(2026, 5, 4),
        false,
    )
    .unwrap();
    assert_eq!(r.latest.date, d(2026, 7, 10));
}

#[test]
fn minutes_services_are_same_day_on_a_working_day_else_next() {
    let m = Processing::Minutes { min: 20, max: 30 };
    // Mon 2 Mar 2026 is a working day: served that day.
    let r = ready_by(calendar(), m, d(2026, 3, 2), false).unwrap();
    assert_eq!(
        (r.latest.date, r.latest.counting),
        (d(2026, 3, 2), Counting::SameWorkingDay)
    );
    assert_eq!(r.latest.rule, Rule::ProcessingMinutes);
    // Wed 27 May 2026 (Kurban Ait) -> Thu 28 May.
    let r = ready_by(calendar(), m, d(2026, 5, 27), false).unwrap();
    assert_eq!(
        (r.latest.date, r.latest.counting),
        (d(2026, 5, 28), Counting::NextWorkingDay)
    );
    // Sat 21 Mar 2026 -> Mon 23, Tue 24, Wed 25 are off -> Thu 26 Mar.
    assert_eq!(
        ready_by(calendar(), m, d(2026, 3, 21), false)
            .unwrap()
            .latest
            .date,
        d(2026, 3, 26)
    );
}

#[test]
fn minutes_services_in_office_hours() {
    let m = Processing::Minutes { min: 20, max: 30 };
    let h = OfficeHours::AEC;
    // 12:45 on Mon 2 Mar: 30 minutes would run into lunch (13:00) -> 14:00–14:30.
    let r = ready_by_at(calendar(), m, d(2026, 3, 2), t(12, 45), &h, false).unwrap();
    assert_eq!(r.latest.date, d(2026, 3, 2));
    assert_eq!(
        r.slot,
        Some(Slot {
            start: t(14, 0),
            end: t(14, 30)
        })
    );
    // 08:10 -> served from opening, 09:00–09:30.
    let r = ready_by_at(calendar(), m, d(2026, 3, 2), t(8, 10), &h, false).unwrap();
    assert_eq!(
        r.slot,
        Some(Slot {
            start: t(9, 0),
            end: t(9, 30)
        })
    );
    // 17:45 -> 30 minutes no longer fit before 18:00: Tue 3 Mar, 09:00–09:30.
    let r = ready_by_at(calendar(), m, d(2026, 3, 2), t(17, 45), &h, false).unwrap();
    assert_eq!(
        (r.latest.date, r.latest.counting),
        (d(2026, 3, 3), Counting::NextWorkingDayAfterHours)
    );
    assert_eq!(
        r.slot,
        Some(Slot {
            start: t(9, 0),
            end: t(9, 30)
        })
    );
    // Friday 17:45 before Nauryz 2026 (Fri 20 Mar): next working day is Thu 26 Mar.
    let r = ready_by_at(calendar(), m, d(2026, 3, 20), t(17, 45), &h, false).unwrap();
    assert_eq!(r.latest.date, d(2026, 3, 26));
    // On a day off the time is irrelevant: the next working day's opening.
    let r = ready_by_at(calendar(), m, d(2026, 5, 27), t(11, 0), &h, false).unwrap();
    assert_eq!(
        (r.latest.date, r.slot.map(|s| s.start)),
        (d(2026, 5, 28), Some(t(9, 0)))
    );
    // The time does not change working-day services.
    let r = ready_by_at(calendar(), FIVE, d(2026, 3, 20), t(17, 59), &h, false).unwrap();
    assert_eq!((r.latest.date, r.slot), (d(2026, 4, 1), None));
}

#[test]
fn ready_by_errors() {
    assert_eq!(
        ready_by(calendar(), Processing::NotGiven, d(2026, 3, 2), true),
        Err(DeadlineError::NoProcessingTime)
    );
    // 45 working days from 20 Dec 2030 runs past the calendar.
    let e = ready_by(
        calendar(),
        Processing::WorkingDays { days: 45 },
        d(2030, 12, 20),
        false,
    )
    .unwrap_err();
    let DeadlineError::OutOfRange(o) = e else {
        panic!("{e:?}")
    };
    assert_eq!(
        (o.date, o.first_year, o.last_year),
        (d(2031, 1, 1), 2024, 2030)
    );
    // The latest fits (Mon 16 Dec 2030 + 5 = Mon 23 Dec) but the worst case does not.
    assert!(matches!(
        ready_by(calendar(), FIVE, d(2030, 12, 16), true),
        Err(DeadlineError::OutOfRange(_))
    ));
    assert_eq!(
        ready_by(calendar(), FIVE, d(2030, 12, 16), false)
            .unwrap()
            .latest
            .date,
        d(2030, 12, 23)
    );
    assert!(matches!(
        ready_by(calendar(), FIVE, d(2023, 12, 29), false),
        Err(DeadlineError::OutOfRange(_))
    ));
}

// ---- The extension window ----------------------------------------------------------------

#[test]
fn extension_window_across_nauryz() {
    // Visa expires Tue 31 Mar 2026 (not counted). Back from it: Mon 30 (1), Fri 27 (2),
    // Thu 26 (3), [Wed 25, Tue 24, Mon 23 off], Fri 20 (4), Thu 19 (5) -> closes Thu 19 Mar.
    // On: Wed 18 (6), 17 (7), 16 (8), Fri 13 (9), 12 (10), 11 (11), Tue 10 (12),
    // [Mon 9 off: Women's Day moved], Fri 6 (13), 5, 4, 3, Mon 2 Mar (17), Fri 27 Feb (18),
    // 26, 25, 24, Mon 23 (22), Fri 20 (23), 19, 18, 17, Mon 16 (27), Fri 13 (28),
    // Thu 12 (29), Wed 11 Feb (30) -> opens Wed 11 Feb 2026.
    let c = calendar();
    let end = d(2026, 3, 31);
    let w = extension_window(c, end, d(2026, 2, 10)).unwrap();
    assert_eq!(
        w.opens,
        Deadline {
            date: d(2026, 2, 11),
            rule: Rule::ExtensionWindowOpens,
            counting: Counting::WorkingDaysBefore { days: 30 },
            from: end,
        }
    );
    assert_eq!(w.closes.date, d(2026, 3, 19));
    assert_eq!(w.closes.counting, Counting::WorkingDaysBefore { days: 5 });
    // Tue 10 Feb: opens tomorrow, 1 working day away.
    assert_eq!(
        w.status,
        WindowStatus::TooEarly {
            opens: d(2026, 2, 11),
            working_days_until_open: 1
        }
    );
    // Fri 6 Feb: Mon 9, Tue 10, Wed 11 -> 3.
    let status = |today| extension_window(c, end, today).unwrap().status;
    assert_eq!(
        status(d(2026, 2, 6)),
        WindowStatus::TooEarly {
            opens: d(2026, 2, 11),
            working_days_until_open: 3
        }
    );
    // Opening day: open, with 26 filing days (day 30 down to day 5).
    assert_eq!(
        status(d(2026, 2, 11)),
        WindowStatus::Open {
            closes: d(2026, 3, 19),
            working_days_left: 26
        }
    );
    // Thu 12 Mar: 12, 13, 16, 17, 18, 19 -> 6 filing days, today included.
    assert_eq!(
        status(d(2026, 3, 12)),
        WindowStatus::Open {
            closes: d(2026, 3, 19),
            working_days_left: 6
        }
    );
    // Sat 14 Mar: 16, 17, 18, 19 -> 4 (today is a day off).
    assert_eq!(
        status(d(2026, 3, 14)),
        WindowStatus::Open {
            closes: d(2026, 3, 19),
            working_days_left: 4
        }
    );
    // Closing day: 1 left.
    assert_eq!(
        status(d(2026, 3, 19)),
        WindowStatus::Open {
            closes: d(2026, 3, 19),
            working_days_left: 1
        }
    );
    // Fri 20 Mar: too late, though the visa runs 11 more days (Nauryz eats three of them).
    assert_eq!(
        status(d(2026, 3, 20)),
        WindowStatus::TooLate {
            closed: d(2026, 3, 19)
        }
    );
}

#[test]
fn extension_window_across_the_may_holidays() {
    // Visa expires Fri 15 May 2026. Back: Thu 14 (1), Wed 13 (2), Tue 12 (3), [Mon 11 off:
    // Victory Day moved from Sat 9], Fri 8 (4), [Thu 7 Defender's Day], Wed 6 (5) -> closes
    // Wed 6 May. Tue 5 (6), Mon 4 (7), [Fri 1 Unity Day], Thu 30 Apr (8), ... 20 working
    // days of April back to Wed 1 Apr (29), Tue 31 Mar (30) -> opens Tue 31 Mar 2026.
    let c = calendar();
    let w = extension_window(c, d(2026, 5, 15), d(2026, 5, 4)).unwrap();
    assert_eq!(
        (w.opens.date, w.closes.date),
        (d(2026, 3, 31), d(2026, 5, 6))
    );
    // Mon 4 May: 4, 5, 6 -> 3 filing days left.
    assert_eq!(
        w.status,
        WindowStatus::Open {
            closes: d(2026, 5, 6),
            working_days_left: 3
        }
    );
    // Thu 30 Apr: 30 Apr, 4, 5, 6 May -> 4.
    assert_eq!(
        extension_window(c, d(2026, 5, 15), d(2026, 4, 30))
            .unwrap()
            .status,
        WindowStatus::Open {
            closes: d(2026, 5, 6),
            working_days_left: 4
        }
    );
}

#[test]
fn extension_window_with_the_working_saturday_of_2024() {
    // Visa expires Fri 10 May 2024. Back: [Thu 9 Victory, Wed 8 transfer, Tue 7 Defender],
    // Mon 6 (1), Sat 4 May, worked by the transfer (2), Fri 3 (3), Thu 2 (4), [Wed 1 Unity],
    // Tue 30 Apr (5) -> closes Tue 30 Apr 2024.
    let w = extension_window(calendar(), d(2024, 5, 10), d(2024, 5, 2)).unwrap();
    assert_eq!(w.closes.date, d(2024, 4, 30));
    assert_eq!(
        w.status,
        WindowStatus::TooLate {
            closed: d(2024, 4, 30)
        }
    );
}

#[test]
fn extension_window_out_of_range() {
    assert!(matches!(
        extension_window(calendar(), d(2031, 1, 15), d(2030, 12, 1)),
        Err(DeadlineError::OutOfRange(_))
    ));
    // 30 working days before 15 Jan 2024 reach into 2023.
    let Err(DeadlineError::OutOfRange(e)) =
        extension_window(calendar(), d(2024, 1, 15), d(2024, 1, 3))
    else {
        panic!()
    };
    assert_eq!(e.date.year(), 2023);
}

// ---- Passports and the residence permit --------------------------------------------------

#[test]
fn passport_for_a_visa() {
    // Visa ends 31 May 2026 -> passport valid through 31 Aug 2026 (3 calendar months).
    let ok = check_passport_for_visa(d(2026, 8, 31), d(2026, 5, 31), Some(2)).unwrap();
    assert!(ok.is_ok() && ok.blank_pages_checked);
    assert_eq!(ok.required_until.date, d(2026, 8, 31));
    assert_eq!(ok.required_until.rule, Rule::PassportBeyondVisa);
    assert_eq!(
        ok.required_until.counting,
        Counting::CalendarMonthsAfter { months: 3 }
    );
    // One day short, and one blank page.
    let bad = check_passport_for_visa(d(2026, 8, 30), d(2026, 5, 31), Some(1)).unwrap();
    assert_eq!(
        bad.problems,
        vec![
            PassportProblem::ExpiresTooSoon {
                passport_expires: d(2026, 8, 30),
                required_until: d(2026, 8, 31)
            },
            PassportProblem::TooFewBlankPages {
                blank_pages: 1,
                required: 2
            },
        ]
    );
    // Visa ends 30 Nov 2026 -> 28 Feb 2027 (no 30 Feb). Pages unknown: not checked.
    let c = check_passport_for_visa(d(2027, 2, 28), d(2026, 11, 30), None).unwrap();
    assert!(c.is_ok() && !c.blank_pages_checked);
    assert_eq!(c.required_until.date, d(2027, 2, 28));
    // The other way round: a passport expiring 31 Aug 2026 allows a visa to 31 May 2026.
    assert_eq!(
        latest_visa_end_for_passport(d(2026, 8, 31)).unwrap().date,
        d(2026, 5, 31)
    );
}

#[test]
fn passport_for_a_residence_permit() {
    // Application Mon 1 Jun 2026 + 180 calendar days: June 29 more days (30 Jun), July 31
    // (60), August 31 (91), September 30 (121), October 31 (152), 28 Nov (180).
    let c = check_passport_for_residence_permit(d(2026, 11, 28), d(2026, 6, 1)).unwrap();
    assert!(c.is_ok());
    assert_eq!(c.required_until.date, d(2026, 11, 28));
    assert_eq!(
        c.required_until.counting,
        Counting::CalendarDaysAfter { days: 180 }
    );
    assert_eq!(c.required_until.rule, Rule::PassportForResidencePermit);
    assert!(
        !check_passport_for_residence_permit(d(2026, 11, 27), d(2026, 6, 1))
            .unwrap()
            .is_ok()
    );
}

#[test]
fn residence_permit_end_is_ten_years_or_the_passport() {
    // Issued 1 Jun 2026, passport to 2040: 10 years less a day = 31 May 2036.
    let r = residence_permit_latest_end(d(2026, 6, 1), d(2040, 3, 15)).unwrap();
    assert_eq!(
        (r.date, r.rule),
        (d(2036, 5, 31), Rule::ResidencePermitTenYears)
    );
    assert_eq!(r.counting, Counting::YearsLessOneDay { years: 10 });
    // Passport expiring 15 Mar 2031 caps it.
    let r = residence_permit_latest_end(d(2026, 6, 1), d(2031, 3, 15)).unwrap();
    assert_eq!(
        (r.date, r.rule),
        (d(2031, 3, 15), Rule::ResidencePermitWithinPassport)
    );
    // Issued 29 Feb 2028: anniversary 1 Mar 2038, so through 28 Feb 2038.
    assert_eq!(
        residence_permit_latest_end(d(2028, 2, 29), d(2045, 1, 1))
            .unwrap()
            .date,
        d(2038, 2, 28)
    );
    // Issued 1 Mar 2030: through 29 Feb 2040 (a leap year).
    assert_eq!(
        residence_permit_latest_end(d(2030, 3, 1), d(2045, 1, 1))
            .unwrap()
            .date,
        d(2040, 2, 29)
    );
    assert_eq!(
        residence_permit_latest_end(d(2026, 6, 1), d(2026, 5, 31)),
        Err(DeadlineError::PassportExpired {
            passport_expires: d(2026, 5, 31),
            needed_on: d(2026, 6, 1)
        })
    );
}

// ---- Exit visa, arrival, invitation -------------------------------------------------------

#[test]
fn exit_visa_15_working_days() {
    // Issued Tue 17 Mar 2026, a working day = day 1: 17 (1), 18, 19, Fri 20 (4),
    // [23, 24, 25 off], Thu 26 (5), 27, 30, 31, 1 Apr (9), 2, 3, 6, 7, 8 (14), Thu 9 Apr (15).
    let r = exit_visa_latest_exit(calendar(), d(2026, 3, 17)).unwrap();
    assert_eq!(
        r,
        Deadline {
            date: d(2026, 4, 9),
            rule: Rule::ExitVisa,
            counting: Counting::WorkingDaysIncludingStart { days: 15 },
            from: d(2026, 3, 17),
        }
    );
    // Issued Sat 21 Mar (a day off): day 1 is Thu 26 Mar: 26, 27, 30, 31, 1, 2, 3, 6, 7, 8,
    // 9, 10, 13, 14 (14), Wed 15 Apr (15).
    assert_eq!(
        exit_visa_latest_exit(calendar(), d(2026, 3, 21))
            .unwrap()
            .date,
        d(2026, 4, 15)
    );
}

#[test]
fn arrival_notification_3_working_days() {
    // Entry Fri 20 Mar 2026 (not counted): Thu 26 (1), Fri 27 (2), Mon 30 Mar (3).
    let r = arrival_notification_deadline(calendar(), d(2026, 3, 20)).unwrap();
    assert_eq!(
        r,
        Deadline {
            date: d(2026, 3, 30),
            rule: Rule::ArrivalNotification,
            counting: Counting::WorkingDaysAfter { days: 3 },
            from: d(2026, 3, 20),
        }
    );
    // Entry Sat 2 May 2026: Mon 4 (1), Tue 5 (2), Wed 6 May (3).
    assert_eq!(
        arrival_notification_deadline(calendar(), d(2026, 5, 2))
            .unwrap()
            .date,
        d(2026, 5, 6)
    );
    // Entry Tue 26 May 2026: [Wed 27 Kurban Ait] Thu 28 (1), Fri 29 (2), Mon 1 Jun (3).
    assert_eq!(
        arrival_notification_deadline(calendar(), d(2026, 5, 26))
            .unwrap()
            .date,
        d(2026, 6, 1)
    );
}

#[test]
fn invitation_at_least_5_working_days_before_entry() {
    // Entry Mon 1 Jun 2026. Back: Fri 29 May (1), Thu 28 (2), [Wed 27 Kurban Ait],
    // Tue 26 (3), Mon 25 (4), Fri 22 May (5) -> file by Fri 22 May 2026.
    let r = invitation_latest_filing(calendar(), d(2026, 6, 1)).unwrap();
    assert_eq!(
        r,
        Deadline {
            date: d(2026, 5, 22),
            rule: Rule::InvitationLeadTime,
            counting: Counting::WorkingDaysBefore { days: 5 },
            from: d(2026, 6, 1),
        }
    );
    // And forward: Fri 22 May + 5 working days = Mon 1 Jun.
    assert_eq!(
        calendar().add_working_days(d(2026, 5, 22), 5),
        Ok(d(2026, 6, 1))
    );
}

// ---- The relocation timeline --------------------------------------------------------------

#[test]
fn relocation_timeline_for_entry_on_1_june_2026() {
    let c = calendar();
    let tl =
        relocation_timeline(c, d(2026, 5, 4), d(2026, 6, 1), FIVE, Some(d(2026, 11, 30))).unwrap();
    // Legal: 5 working days before Mon 1 Jun = Fri 22 May (see above).
    assert_eq!(tl.invitation_legal_deadline.date, d(2026, 5, 22));
    // Submit 5 more working days earlier (the review): Thu 21, Wed 20, Tue 19, Mon 18,
    // Fri 15 May. Stated as 10 working days before entry.
    assert_eq!(
        tl.submit_invitation_by,
        Deadline {
            date: d(2026, 5, 15),
            rule: Rule::InvitationTimelyApproval,
            counting: Counting::WorkingDaysBefore { days: 10 },
            from: d(2026, 6, 1),
        }
    );
    // Review: 18, 19, 20, 21, 22 May -> approved by Fri 22 May, the legal date.
    assert_eq!(tl.invitation_approved_by.date, d(2026, 5, 22));
    assert_eq!(tl.invitation_approved_by.rule, Rule::InvitationApproval);
    // If state bodies take the extra 30 calendar days: 15 May - 30 = Wed 15 Apr (a working day).
    assert_eq!(tl.submit_invitation_by_if_delayed.date, d(2026, 4, 15));
    assert_eq!(tl.entry.date, d(2026, 6, 1));
    // Arrival notification: Tue 2 (1), Wed 3 (2), Thu 4 Jun (3).
    assert_eq!(tl.notify_arrival_by.date, d(2026, 6, 4));
    // IIN in person from Mon 1 Jun (entry day, a working day), ready Tue 2 Jun; fingerprints from then.
    assert_eq!(
        (tl.iin_from.date, tl.iin_from.counting),
        (d(2026, 6, 1), Counting::SameWorkingDay)
    );
    assert_eq!(tl.iin_ready_by.date, d(2026, 6, 2));
    assert_eq!(tl.fingerprinting_from.date, d(2026, 6, 2));
    // Today Mon 4 May: filing days 4, 5, 6, 8, 12, 13, 14, 15 May (7 and 11 are off) = 8.
    assert_eq!(
        tl.status,
        TimelineStatus::OnTrack {
            working_days_to_submit: 8
        }
    );
    // The visa to Mon 30 Nov 2026: closes 5 working days back, Mon 23 Nov; opens 30 back:
    // the 20 working days 2–27 Nov, then Oct 30, 29, 28, 27, [26 off: Republic Day moved],
    // 23, 22, 21, 20, 19, 16 -> Fri 16 Oct 2026.
    let ext = tl.extension.unwrap();
    assert_eq!(
        (ext.opens.date, ext.closes.date),
        (d(2026, 10, 16), d(2026, 11, 23))
    );
    assert!(matches!(ext.status, WindowStatus::TooEarly { opens, .. } if opens == d(2026, 10, 16)));
    // Milestones come out in date order.
    let ms = tl.milestones();
    assert_eq!(ms.len(), 11);
    assert!(ms.windows(2).all(|w| w[0].1.date <= w[1].1.date));
    assert_eq!(ms.first().unwrap().0, Milestone::SubmitInvitationIfDelayed);
    assert_eq!(ms.last().unwrap().0, Milestone::ExtensionCloses);
}

#[test]
fn relocation_timeline_too_late() {
    // Today Mon 18 May 2026, after the 15 May submission date for entry on 1 Jun. Submitting
    // today, the earliest entry is 10 working days later: 19, 20, 21, 22, 25, 26, [27 Kurban
    // Ait], 28, 29, 1 Jun, Tue 2 Jun (10).
    let tl = relocation_timeline(calendar(), d(2026, 5, 18), d(2026, 6, 1), FIVE, None).unwrap();
    let TimelineStatus::TooLate { earliest_entry } = tl.status else {
        panic!("{:?}", tl.status)
    };
    assert_eq!(earliest_entry.date, d(2026, 6, 2));
    assert_eq!(
        earliest_entry.counting,
        Counting::WorkingDaysAfter { days: 10 }
    );
    assert_eq!(earliest_entry.from, d(2026, 5, 18));
    assert_eq!(tl.extension, None);
    assert_eq!(tl.milestones().len(), 9);
    // On a Saturday the filing counts from it: Sat 16 May -> 10 working days -> Tue 2 Jun too.
    let tl = relocation_timeline(calendar(), d(2026, 5, 16), d(2026, 6, 1), FIVE, None).unwrap();
    assert!(
        matches!(tl.status, TimelineStatus::TooLate { earliest_entry } if earliest_entry.date == d(2026, 6, 2))
    );
}

#[test]
fn relocation_timeline_entry_on_a_weekend_and_no_processing_given() {
    // Entry Sun 22 Mar 2026 (Nauryz weekend). Back from it: Fri 20 (1), 19, 18, 17, Mon 16 (5)
    // = legal date; then Fri 13 (6), 12, 11, 10, [Mon 9 off] Fri 6 Mar (10) = submit by.
    // NotGiven falls back to the statutory 5-working-day review.
    let tl = relocation_timeline(
        calendar(),
        d(2026, 3, 1),
        d(2026, 3, 22),
        Processing::NotGiven,
        None,
    )
    .unwrap();
    assert_eq!(tl.invitation_legal_deadline.date, d(2026, 3, 16));
    assert_eq!(tl.submit_invitation_by.date, d(2026, 3, 6));
    assert_eq!(tl.invitation_approved_by.date, d(2026, 3, 16));
    // IIN from the next working day on or after Sunday 22 Mar: Thu 26 Mar; ready Fri 27.
    assert_eq!(
        (tl.iin_from.date, tl.iin_from.counting),
        (d(2026, 3, 26), Counting::NextWorkingDay)
    );
    assert_eq!(tl.iin_ready_by.date, d(2026, 3, 27));
    // Notification: Thu 26 (1), Fri 27 (2), Mon 30 Mar (3).
    assert_eq!(tl.notify_arrival_by.date, d(2026, 3, 30));
}

#[test]
fn relocation_timeline_out_of_range() {
    // Entry 5 Jan 2024: 10 working days back reach into 2023.
    assert!(matches!(
        relocation_timeline(calendar(), d(2023, 12, 1), d(2024, 1, 5), FIVE, None),
        Err(DeadlineError::OutOfRange(_))
    ));
    // A visa end beyond 2030 is reported, not guessed.
    assert!(matches!(
        relocation_timeline(
            calendar(),
            d(2030, 6, 1),
            d(2030, 9, 1),
            FIVE,
            Some(d(2031, 9, 1))
        ),
        Err(DeadlineError::OutOfRange(_))
    ));
}

#[test]
fn rules_by_service_kind() {
    assert!(rules_for(ServiceKind::Extension).contains(&Rule::ExtensionWindowCloses));
    assert!(rules_for(ServiceKind::CancellationWithExitVisa).contains(&Rule::ExitVisa));
    assert!(rules_for(ServiceKind::ResidencePermit).contains(&Rule::PassportForResidencePermit));
    assert!(rules_for(ServiceKind::Invitation).contains(&Rule::InvitationLeadTime));
    assert!(rules_for(ServiceKind::Cancellation).is_empty());
}

#[test]
fn rule_codes_serialize_as_snake_case() {
    let json = serde_json::to_string(&Rule::ExtensionWindowOpens).unwrap();
    assert_eq!(json, "\"extension_window_opens\"");
    let json = serde_json::to_string(&Counting::WorkingDaysAfter { days: 5 }).unwrap();
    assert_eq!(json, r#"{"kind":"working_days_after","days":5}"#);
}
