//! What a date means, as values the interface only puts into words: the rule and counting
//! behind a [`Deadline`], the weekdays off that counting skipped, whether the year's days off
//! are projected; and which passport facts apply to a service.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::{
    Counting, Deadline, DeadlineError, PassportCheck, Rule, check_passport_for_residence_permit,
    check_passport_for_visa, latest_visa_end_for_passport, residence_permit_latest_end, rules_for,
};
use crate::domain::calendar::{Calendar, OffReason};
use crate::domain::catalogue::ServiceKind;
use crate::domain::lang::Text;

/// A deadline with everything needed to say how it was worked out.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation<'c> {
    pub rule: Rule,
    pub counting: Counting,
    pub from: NaiveDate,
    /// The weekdays off the counting skipped, in runs (weekends go without saying).
    pub days_off: Vec<DaysOff<'c>>,
    /// The year whose days off are projected from the law (no decree yet), when the working-day
    /// calendar decided the date in such a year.
    pub projected_year: Option<i32>,
}

/// Consecutive weekdays off for one reason: "23–25 March (Nauryz)".
#[derive(Clone, Debug, PartialEq)]
pub struct DaysOff<'c> {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub reason: DayOff<'c>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DayOff<'c> {
    /// A public holiday, or the weekday it moved to.
    Holiday(&'c Text),
    /// A weekday off by a Government transfer.
    Transferred,
}

pub fn explain<'c>(cal: &'c Calendar, d: &Deadline) -> Explanation<'c> {
    let projected_year =
        (uses_calendar(d.counting) && cal.covers(d.date) && cal.is_projected(d.date.year()))
            .then_some(d.date.year());
    Explanation {
        rule: d.rule,
        counting: d.counting,
        from: d.from,
        days_off: days_off(cal, d),
        projected_year,
    }
}

/// Whether the working-day calendar (hence its projected years) decided the date.
fn uses_calendar(c: Counting) -> bool {
    !matches!(
        c,
        Counting::CalendarDaysAfter { .. }
            | Counting::CalendarMonthsAfter { .. }
            | Counting::CalendarMonthsBefore { .. }
            | Counting::YearsLessOneDay { .. }
            | Counting::AsGiven
    )
}

/// The weekdays off between the day counted from and the date, for countings in working days.
fn days_off<'c>(cal: &'c Calendar, d: &Deadline) -> Vec<DaysOff<'c>> {
    let next = |x: NaiveDate| x.checked_add_days(Days::new(1));
    let prev = |x: NaiveDate| x.checked_sub_days(Days::new(1));
    let range = match d.counting {
        Counting::WorkingDaysAfter { .. } | Counting::NextWorkingDayAfterHours => {
            next(d.from).zip(prev(d.date))
        }
        Counting::WorkingDaysIncludingStart { .. } | Counting::NextWorkingDay => {
            Some(d.from).zip(prev(d.date))
        }
        Counting::WorkingDaysBefore { .. } => next(d.date).zip(prev(d.from)),
        _ => None,
    };
    let Some((first, last)) = range else {
        return Vec::new();
    };
    let mut runs: Vec<DaysOff<'c>> = Vec::new();
    for day in first.iter_days().take_while(|x| *x <= last).take(400) {
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            continue;
        }
        let reason = match cal.day_off_reason(day).ok().flatten() {
            Some(OffReason::Holiday { name, .. } | OffReason::MovedHoliday { name, .. }) => {
                DayOff::Holiday(name)
            }
            Some(OffReason::Transfer { .. }) => DayOff::Transferred,
            Some(OffReason::Weekend) | None => continue,
        };
        match runs.last_mut() {
            Some(run) if run.reason == reason && only_days_off_between(cal, run.last, day) => {
                run.last = day
            }
            _ => runs.push(DaysOff {
                first: day,
                last: day,
                reason,
            }),
        }
    }
    runs
}

fn only_days_off_between(cal: &Calendar, a: NaiveDate, b: NaiveDate) -> bool {
    a.iter_days()
        .skip(1)
        .take_while(|x| *x < b)
        .all(|x| cal.is_working_day(x) == Ok(false))
}

/// A dated passport fact other than the check itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassportDate {
    /// The latest end a visa can have with this passport.
    LatestVisaEnd,
    /// The latest end of a residence permit issued on the ready-by date.
    PermitLatestEnd,
}

/// What a passport's expiry means for a service: dated facts, a check, the errors met.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PassportFacts {
    pub dates: Vec<(PassportDate, Deadline)>,
    pub check: Option<PassportCheck>,
    pub errors: Vec<DeadlineError>,
}

/// The passport rules of a service applied to a passport expiring on `expires`.
/// `visa_end` is the visa it is checked against (the planned one for an invitation, the current
/// one for an extension); without it, a planned `entry` is the earliest a visa can end, so a
/// passport too short even for that fails (a pass then proves nothing, and is not claimed).
/// `application` is the residence-permit application date and `permit_issued` the day the permit
/// is ready, when known.
pub fn passport_facts(
    kind: ServiceKind,
    expires: NaiveDate,
    visa_end: Option<NaiveDate>,
    entry: Option<NaiveDate>,
    application: Option<NaiveDate>,
    permit_issued: Option<NaiveDate>,
) -> PassportFacts {
    let rules = rules_for(kind);
    let mut facts = PassportFacts::default();
    if rules.contains(&Rule::PassportBeyondVisa) {
        match latest_visa_end_for_passport(expires) {
            Ok(d) => facts.dates.push((PassportDate::LatestVisaEnd, d)),
            Err(e) => facts.errors.push(e),
        }
        if let Some(end) = visa_end {
            match check_passport_for_visa(expires, end, None) {
                Ok(check) => facts.check = Some(check),
                Err(e) => facts.errors.push(e),
            }
        } else if let Some(entry) = entry
            && let Ok(check) = check_passport_for_visa(expires, entry, None)
            && !check.is_ok()
        {
            facts.check = Some(check);
        }
    }
    if rules.contains(&Rule::PassportForResidencePermit)
        && let Some(application) = application
    {
        match check_passport_for_residence_permit(expires, application) {
            Ok(check) => facts.check = Some(check),
            Err(e) => facts.errors.push(e),
        }
        if let Some(issued) = permit_issued {
            match residence_permit_latest_end(issued, expires) {
                Ok(d) => facts.dates.push((PassportDate::PermitLatestEnd, d)),
                Err(e) => facts.errors.push(e),
            }
        }
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::calendar;
    use crate::domain::lang::Lang;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn nauryz_is_one_run_of_days_off_named_once() {
        // Filed Fri 20 Mar 2026; 23-25 March are Nauryz (a weekday run), 5 working days after.
        let deadline = Deadline {
            date: d(2026, 3, 31),
            rule: Rule::ProcessingWorkingDays,
            counting: Counting::WorkingDaysAfter { days: 5 },
            from: d(2026, 3, 20),
        };
        let e = explain(calendar(), &deadline);
        assert_eq!(e.days_off.len(), 1, "{:?}", e.days_off);
        assert_eq!(
            (e.days_off[0].first, e.days_off[0].last),
            (d(2026, 3, 23), d(2026, 3, 25))
        );
        let DayOff::Holiday(name) = e.days_off[0].reason else {
            panic!()
        };
        assert!(name.get(Lang::En).contains("Nauryz"), "{name:?}");
        assert_eq!(e.projected_year, None, "2026 is decreed");
    }

    #[test]
    fn calendar_day_countings_skip_nothing_and_project_nothing() {
        let deadline = Deadline {
            date: d(2029, 6, 1),
            rule: Rule::PassportBeyondVisa,
            counting: Counting::CalendarMonthsAfter { months: 3 },
            from: d(2029, 3, 1),
        };
        let e = explain(calendar(), &deadline);
        assert!(e.days_off.is_empty());
        assert_eq!(e.projected_year, None);
        let working = Deadline {
            counting: Counting::WorkingDaysAfter { days: 1 },
            ..deadline
        };
        assert_eq!(explain(calendar(), &working).projected_year, Some(2029));
    }

    #[test]
    fn passport_facts_follow_the_services_rules() {
        let visa = passport_facts(
            ServiceKind::Invitation,
            d(2027, 1, 1),
            Some(d(2026, 12, 1)),
            None,
            None,
            None,
        );
        assert_eq!(visa.dates[0].0, PassportDate::LatestVisaEnd);
        assert!(
            !visa.check.unwrap().is_ok(),
            "1 Jan 2027 is within 3 months of 1 Dec 2026"
        );
        let none = passport_facts(
            ServiceKind::Registration,
            d(2027, 1, 1),
            None,
            None,
            Some(d(2026, 1, 1)),
            None,
        );
        assert_eq!(none, PassportFacts::default());
    }
}
