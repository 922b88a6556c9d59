//! Deadlines on the working-day calendar: when a service is ready, when to file, when to leave.
//!
//! Every result is a [`Deadline`]: the date, the [`Rule`] it comes from (guide or law), the
//! [`Counting`] that produced it and the date counted `from`, so the UI can say "5 working days,
//! counted from the next working day after 27 May 2026" in either language. Dates the calendar
//! does not cover give [`DeadlineError::OutOfRange`], never a guess and never a panic.
//!
//! Counting rules, used throughout:
//! - "N working days after D": D is never counted; day 1 is the first working day after D (as
//!   civil-law periods start the day after the event). Filing on a day off therefore loses
//!   nothing: the first working day after it is a full day 1.
//! - "N working days before D": D is never counted; day 1 is the last working day before D.
//! - Calendar-day and month periods land on the date itself, then move to a working day only
//!   where the result is a day something must be done at an office.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

mod explain;

pub use explain::{
    DayOff, DaysOff, Explanation, PassportDate, PassportFacts, explain, passport_facts,
};

use super::calendar::{Calendar, OutOfRange};
use super::catalogue::{Office, Processing, Service, ServiceKind};

/// Extension window: opens this many working days before the visa expires (guide l. 456–458).
pub const EXTENSION_OPENS_WORKING_DAYS: u16 = 30;
/// Extension window: closes this many working days before the visa expires.
pub const EXTENSION_CLOSES_WORKING_DAYS: u16 = 5;
/// The guide: terms may be extended by up to 30 calendar days when state bodies are delayed.
pub const STATE_DELAY_CALENDAR_DAYS: u16 = 30;
/// The passport must stay valid this many months beyond the visa's end.
pub const PASSPORT_MONTHS_BEYOND_VISA: u16 = 3;
pub const PASSPORT_BLANK_PAGES: u8 = 2;
/// The passport must be valid this many calendar days at the residence-permit application.
pub const RESIDENCE_PERMIT_PASSPORT_DAYS: u16 = 180;
pub const RESIDENCE_PERMIT_MAX_YEARS: u16 = 10;
/// The exit visa is issued for up to 15 working days (guide l. 1864).
pub const EXIT_VISA_WORKING_DAYS: u16 = 15;
/// The host party notifies the migration authority within 3 working days of entry.
pub const ARRIVAL_NOTIFICATION_WORKING_DAYS: u16 = 3;
/// The invitation must be filed at least 5 working days before entry (law since 1 Jul 2018).
pub const INVITATION_LEAD_WORKING_DAYS: u16 = 5;
/// The invitation is reviewed in up to 5 working days (guide and the 2016 rules).
pub const INVITATION_REVIEW_WORKING_DAYS: u16 = 5;
/// The IIN is issued in 1 working day (guide l. 2091).
pub const IIN_WORKING_DAYS: u16 = 1;

/// Which rule a date comes from. Machine-readable; the UI words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The guide's processing time, in working days.
    ProcessingWorkingDays,
    /// The guide's processing time in minutes: served on the day, in office hours.
    ProcessingMinutes,
    /// The guide: state bodies may extend a term by up to 30 calendar days.
    StateBodyDelay,
    /// Extension applications are accepted from 30 working days before the visa expires.
    ExtensionWindowOpens,
    /// ... and until 5 working days before it; outside the window they are not considered.
    ExtensionWindowCloses,
    /// The passport must be valid at least 3 months beyond the visa's end.
    PassportBeyondVisa,
    /// The passport must have at least 2 blank pages.
    PassportBlankPages,
    /// The passport must be valid at least 180 calendar days at the residence-permit application.
    PassportForResidencePermit,
    /// A residence permit is valid for up to 10 years...
    ResidencePermitTenYears,
    /// ... and never beyond the passport's expiry.
    ResidencePermitWithinPassport,
    /// The exit visa is valid for up to 15 working days; the holder leaves within it.
    ExitVisa,
    /// The host party notifies the arrival within 3 working days of entry.
    ArrivalNotification,
    /// The invitation is filed at least 5 working days before entry.
    InvitationLeadTime,
    /// Submit the invitation early enough that its review ends by the lead-time date.
    InvitationTimelyApproval,
    /// The invitation's expected approval (its review time).
    InvitationApproval,
    /// The planned entry date, as entered.
    PlannedEntry,
    /// The IIN is applied for in person, with the passport used for entry, once in Kazakhstan.
    IinInPerson,
    /// The IIN is issued in 1 working day.
    IinProcessing,
    /// Fingerprinting needs the IIN and the arrival notification.
    Fingerprinting,
}

/// How a date was counted from [`Deadline::from`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Counting {
    /// Day 1 is the first working day after `from`.
    WorkingDaysAfter { days: u16 },
    /// Day 1 is the last working day before `from`.
    WorkingDaysBefore { days: u16 },
    /// Day 1 is `from` itself when it is a working day, else the first working day after it.
    WorkingDaysIncludingStart { days: u16 },
    /// `from` itself, a working day.
    SameWorkingDay,
    /// `from` is a day off: the next working day.
    NextWorkingDay,
    /// `from` is a working day but the service no longer fits in its office hours.
    NextWorkingDayAfterHours,
    /// `from` plus N calendar days, then the next working day if that is a day off.
    CalendarDaysAfterThenNextWorkingDay { days: u16 },
    /// `from` minus N calendar days, then the previous working day if that is a day off.
    CalendarDaysBeforeThenPreviousWorkingDay { days: u16 },
    /// `from` plus N calendar days.
    CalendarDaysAfter { days: u16 },
    /// `from` plus N calendar months (31 May + 3 months = 31 Aug; 30 Nov + 3 = 28/29 Feb).
    CalendarMonthsAfter { months: u16 },
    /// `from` minus N calendar months.
    CalendarMonthsBefore { months: u16 },
    /// `from` plus N years, less one day (issued 1 Jun 2026 for 10 years: through 31 May 2036).
    YearsLessOneDay { years: u16 },
    /// The date as given (the entry date, the passport's expiry).
    AsGiven,
}

/// A date with the rule and counting that produced it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub date: NaiveDate,
    pub rule: Rule,
    pub counting: Counting,
    /// The date counted from (submission, entry, the visa's expiry...).
    pub from: NaiveDate,
}

/// Why a deadline could not be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineError {
    /// A date falls outside the working-day calendar's years.
    OutOfRange(OutOfRange),
    /// The guide gives no processing time for the service.
    NoProcessingTime,
    /// The passport expires before the date it is needed on.
    PassportExpired {
        passport_expires: NaiveDate,
        needed_on: NaiveDate,
    },
    /// Date arithmetic left chrono's range (years far beyond any real input).
    DateOverflow,
}

impl From<OutOfRange> for DeadlineError {
    fn from(e: OutOfRange) -> Self {
        DeadlineError::OutOfRange(e)
    }
}

impl std::fmt::Display for DeadlineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeadlineError::OutOfRange(e) => e.fmt(f),
            DeadlineError::NoProcessingTime => write!(f, "the guide gives no processing time"),
            DeadlineError::PassportExpired {
                passport_expires,
                needed_on,
            } => {
                write!(
                    f,
                    "the passport expires on {passport_expires}, before {needed_on}"
                )
            }
            DeadlineError::DateOverflow => write!(f, "date out of chrono's range"),
        }
    }
}

impl std::error::Error for DeadlineError {}

fn plus_days(d: NaiveDate, n: u16) -> Result<NaiveDate, DeadlineError> {
    d.checked_add_days(Days::new(n.into()))
        .ok_or(DeadlineError::DateOverflow)
}

fn minus_days(d: NaiveDate, n: u16) -> Result<NaiveDate, DeadlineError> {
    d.checked_sub_days(Days::new(n.into()))
        .ok_or(DeadlineError::DateOverflow)
}

fn add(cal: &Calendar, from: NaiveDate, days: u16, rule: Rule) -> Result<Deadline, DeadlineError> {
    let date = cal.add_working_days(from, days.into())?;
    Ok(Deadline {
        date,
        rule,
        counting: Counting::WorkingDaysAfter { days },
        from,
    })
}

fn subtract(
    cal: &Calendar,
    from: NaiveDate,
    days: u16,
    rule: Rule,
) -> Result<Deadline, DeadlineError> {
    let date = cal.subtract_working_days(from, days.into())?;
    Ok(Deadline {
        date,
        rule,
        counting: Counting::WorkingDaysBefore { days },
        from,
    })
}

/// `from` if it is a working day, else the next one.
fn same_or_next(cal: &Calendar, from: NaiveDate, rule: Rule) -> Result<Deadline, DeadlineError> {
    let date = cal.next_working_day_on_or_after(from)?;
    let counting = if date == from {
        Counting::SameWorkingDay
    } else {
        Counting::NextWorkingDay
    };
    Ok(Deadline {
        date,
        rule,
        counting,
        from,
    })
}

// ---------------------------------------------------------------------------------------------
// Office hours

/// The Expat Centre's hours: a morning and an afternoon session around lunch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OfficeHours {
    pub opens: NaiveTime,
    pub lunch_from: NaiveTime,
    pub lunch_to: NaiveTime,
    pub closes: NaiveTime,
}

/// When a minutes-long service is served.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

const fn hm(h: u32, m: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(h, m, 0) {
        Some(t) => t,
        None => panic!("invalid constant time"),
    }
}

fn minute_of_day(t: NaiveTime) -> u32 {
    t.hour() * 60 + t.minute()
}

fn parse_hm(s: &str) -> Option<NaiveTime> {
    let (h, m) = s.trim().split_once(':')?;
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

impl OfficeHours {
    /// 09:00–18:00 with lunch 13:00–14:00 (guide; aifc.kz).
    pub const AEC: OfficeHours = OfficeHours {
        opens: hm(9, 0),
        lunch_from: hm(13, 0),
        lunch_to: hm(14, 0),
        closes: hm(18, 0),
    };

    /// The hours as the catalogue states them ("09:00"), if they read as times in order.
    pub fn from_office(office: &Office) -> Option<OfficeHours> {
        let h = OfficeHours {
            opens: parse_hm(office.opens)?,
            lunch_from: parse_hm(office.lunch_from)?,
            lunch_to: parse_hm(office.lunch_to)?,
            closes: parse_hm(office.closes)?,
        };
        (h.opens <= h.lunch_from && h.lunch_from <= h.lunch_to && h.lunch_to <= h.closes)
            .then_some(h)
    }

    /// The first slot of `minutes` starting at or after `arrival` that fits in one session
    /// (not across lunch, not past closing); `None` if nothing fits that day.
    pub fn slot(&self, arrival: NaiveTime, minutes: u16) -> Option<Slot> {
        let len = u32::from(minutes);
        let sessions = [(self.opens, self.lunch_from), (self.lunch_to, self.closes)];
        sessions.into_iter().find_map(|(from, to)| {
            let start = minute_of_day(arrival).max(minute_of_day(from));
            let end = start + len;
            (end <= minute_of_day(to)).then(|| Slot {
                start: hm(start / 60, start % 60),
                end: hm(end / 60, end % 60),
            })
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Ready-by dates

/// When a service is ready.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadyBy {
    pub earliest: Deadline,
    /// Equal to `earliest` unless the guide gives a range ("3–5 working days").
    pub latest: Deadline,
    /// For minutes-long services when the arrival time is known: the office slot.
    pub slot: Option<Slot>,
    /// `latest` plus the guide's up to 30 calendar days, then the next working day; only for
    /// services the guide says this applies to.
    pub worst_case: Option<Deadline>,
}

/// The ready-by date for a submission on `submitted` (a date, time unknown).
///
/// Working-day services: N working days after the submission date (day 1 is the first working
/// day after it, even when the submission day is a day off). Minutes services: the same day if
/// it is a working day, else the next working day.
pub fn ready_by(
    cal: &Calendar,
    processing: Processing,
    submitted: NaiveDate,
    may_extend_by_30_calendar_days: bool,
) -> Result<ReadyBy, DeadlineError> {
    ready_by_inner(
        cal,
        processing,
        submitted,
        None,
        may_extend_by_30_calendar_days,
    )
}

/// As [`ready_by`], with the arrival time at the office: a minutes service that no longer fits
/// in that day's sessions moves to the next working day's opening. The time does not change
/// working-day services (the submission day is never counted anyway).
pub fn ready_by_at(
    cal: &Calendar,
    processing: Processing,
    submitted: NaiveDate,
    at: NaiveTime,
    hours: &OfficeHours,
    may_extend_by_30_calendar_days: bool,
) -> Result<ReadyBy, DeadlineError> {
    ready_by_inner(
        cal,
        processing,
        submitted,
        Some((at, hours)),
        may_extend_by_30_calendar_days,
    )
}

/// [`ready_by`] with the service's own processing time and 30-day flag.
pub fn ready_by_for_service(
    cal: &Calendar,
    service: &Service,
    submitted: NaiveDate,
) -> Result<ReadyBy, DeadlineError> {
    ready_by(
        cal,
        service.processing,
        submitted,
        service.may_extend_by_30_calendar_days,
    )
}

fn ready_by_inner(
    cal: &Calendar,
    processing: Processing,
    submitted: NaiveDate,
    at: Option<(NaiveTime, &OfficeHours)>,
    may_extend: bool,
) -> Result<ReadyBy, DeadlineError> {
    let mut slot = None;
    let (earliest, latest) = match processing {
        Processing::NotGiven => return Err(DeadlineError::NoProcessingTime),
        Processing::WorkingDays { days } => {
            let d = working_days_after(cal, submitted, days)?;
            (d, d)
        }
        Processing::WorkingDaysRange { min, max } => (
            working_days_after(cal, submitted, min)?,
            working_days_after(cal, submitted, max)?,
        ),
        Processing::Minutes { max, .. } => {
            let mut d = same_or_next(cal, submitted, Rule::ProcessingMinutes)?;
            if let Some((time, hours)) = at {
                let arrival = if d.date == submitted {
                    time
                } else {
                    hours.opens
                };
                slot = hours.slot(arrival, max);
                if slot.is_none() && d.date == submitted {
                    // Too late in the day: served at the next working day's opening.
                    d.date = cal.next_working_day_after(submitted)?;
                    d.counting = Counting::NextWorkingDayAfterHours;
                    slot = hours.slot(hours.opens, max);
                }
            }
            (d, d)
        }
    };
    let worst_case = if may_extend {
        Some(worst_case(cal, latest.date)?)
    } else {
        None
    };
    Ok(ReadyBy {
        earliest,
        latest,
        slot,
        worst_case,
    })
}

/// A processing time of N working days; 0 (not in the guide, but the data allows it) means the
/// same day, or the next working day when submitted on a day off.
fn working_days_after(
    cal: &Calendar,
    submitted: NaiveDate,
    days: u16,
) -> Result<Deadline, DeadlineError> {
    if days == 0 {
        same_or_next(cal, submitted, Rule::ProcessingWorkingDays)
    } else {
        add(cal, submitted, days, Rule::ProcessingWorkingDays)
    }
}

/// `latest` plus the guide's up to 30 calendar days of state-body delay, then the next working
/// day (a document is handed over on a working day).
pub fn worst_case(cal: &Calendar, latest: NaiveDate) -> Result<Deadline, DeadlineError> {
    let days = STATE_DELAY_CALENDAR_DAYS;
    let date = cal.next_working_day_on_or_after(plus_days(latest, days)?)?;
    Ok(Deadline {
        date,
        rule: Rule::StateBodyDelay,
        counting: Counting::CalendarDaysAfterThenNextWorkingDay { days },
        from: latest,
    })
}

// ---------------------------------------------------------------------------------------------
// The extension window

/// Where `today` stands against the extension window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WindowStatus {
    /// `working_days_until_open`: working days after today up to and including `opens`.
    TooEarly {
        opens: NaiveDate,
        working_days_until_open: u32,
    },
    /// `working_days_left`: the working days on which one can still file, from today (counted
    /// when it is a working day) to `closes`, both included. 1 on the closing day.
    Open {
        closes: NaiveDate,
        working_days_left: u32,
    },
    TooLate {
        closed: NaiveDate,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionWindow {
    /// The visa's expiry date: the last day it is valid.
    pub visa_end: NaiveDate,
    pub opens: Deadline,
    pub closes: Deadline,
    pub status: WindowStatus,
}

/// The window for filing a visa extension, and where `today` stands.
///
/// Counting rule: the expiry date itself is NOT counted, whether or not it is a working day.
/// Counting back from it, day 1 is the last working day before the expiry date; the window
/// opens on working day 30 and closes on working day 5, both days included. So filing on the
/// closing day leaves exactly 5 working days (days 5..1) before the visa's last day.
///
/// Why not count the expiry day: a period "N days before" an event excludes the event's day,
/// the mirror of periods after an event that start the next day. This is also the safe reading
/// for the deadline that matters (closing): counting the expiry day would close the window one
/// working day later. The cost is on the other side: if the office counted the expiry day, our
/// opening day would be one working day early, so the UI should not urge filing on day 30.
pub fn extension_window(
    cal: &Calendar,
    visa_end: NaiveDate,
    today: NaiveDate,
) -> Result<ExtensionWindow, DeadlineError> {
    let opens = subtract(
        cal,
        visa_end,
        EXTENSION_OPENS_WORKING_DAYS,
        Rule::ExtensionWindowOpens,
    )?;
    let closes = subtract(
        cal,
        visa_end,
        EXTENSION_CLOSES_WORKING_DAYS,
        Rule::ExtensionWindowCloses,
    )?;
    let status = if today < opens.date {
        WindowStatus::TooEarly {
            opens: opens.date,
            working_days_until_open: cal.working_days_between(today, opens.date)?,
        }
    } else if today <= closes.date {
        let today_counts = u32::from(cal.is_working_day(today)?);
        WindowStatus::Open {
            closes: closes.date,
            working_days_left: cal.working_days_between(today, closes.date)? + today_counts,
        }
    } else {
        WindowStatus::TooLate {
            closed: closes.date,
        }
    };
    Ok(ExtensionWindow {
        visa_end,
        opens,
        closes,
        status,
    })
}

// ---------------------------------------------------------------------------------------------
// Passports and the residence permit

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PassportProblem {
    /// The passport expires before `required_until`.
    ExpiresTooSoon {
        passport_expires: NaiveDate,
        required_until: NaiveDate,
    },
    TooFewBlankPages {
        blank_pages: u8,
        required: u8,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassportCheck {
    /// The passport must be valid at least through this date.
    pub required_until: Deadline,
    /// False when the number of blank pages was not given (then it is not checked).
    pub blank_pages_checked: bool,
    pub problems: Vec<PassportProblem>,
}

impl PassportCheck {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// A passport for a visa: valid at least 3 calendar months beyond the visa's end (through
/// `visa_end` + 3 months, inclusive), with at least 2 blank pages. No working days involved.
pub fn check_passport_for_visa(
    passport_expires: NaiveDate,
    visa_end: NaiveDate,
    blank_pages: Option<u8>,
) -> Result<PassportCheck, DeadlineError> {
    let months = PASSPORT_MONTHS_BEYOND_VISA;
    let required = visa_end
        .checked_add_months(Months::new(months.into()))
        .ok_or(DeadlineError::DateOverflow)?;
    let mut problems = Vec::new();
    if passport_expires < required {
        problems.push(PassportProblem::ExpiresTooSoon {
            passport_expires,
            required_until: required,
        });
    }
    if let Some(pages) = blank_pages
        && pages < PASSPORT_BLANK_PAGES
    {
        problems.push(PassportProblem::TooFewBlankPages {
            blank_pages: pages,
            required: PASSPORT_BLANK_PAGES,
        });
    }
    Ok(PassportCheck {
        required_until: Deadline {
            date: required,
            rule: Rule::PassportBeyondVisa,
            counting: Counting::CalendarMonthsAfter { months },
            from: visa_end,
        },
        blank_pages_checked: blank_pages.is_some(),
        problems,
    })
}

/// The latest visa end date a passport allows: its expiry less 3 calendar months.
pub fn latest_visa_end_for_passport(
    passport_expires: NaiveDate,
) -> Result<Deadline, DeadlineError> {
    let months = PASSPORT_MONTHS_BEYOND_VISA;
    let date = passport_expires
        .checked_sub_months(Months::new(months.into()))
        .ok_or(DeadlineError::DateOverflow)?;
    Ok(Deadline {
        date,
        rule: Rule::PassportBeyondVisa,
        counting: Counting::CalendarMonthsBefore { months },
        from: passport_expires,
    })
}

/// A passport for a residence-permit application on `application`: valid at least 180
/// calendar days, read as "still valid on `application` + 180 days" (the stricter of the two
/// readings, so a passport that passes here passes at the office).
pub fn check_passport_for_residence_permit(
    passport_expires: NaiveDate,
    application: NaiveDate,
) -> Result<PassportCheck, DeadlineError> {
    let days = RESIDENCE_PERMIT_PASSPORT_DAYS;
    let required = plus_days(application, days)?;
    let problems = if passport_expires < required {
        vec![PassportProblem::ExpiresTooSoon {
            passport_expires,
            required_until: required,
        }]
    } else {
        Vec::new()
    };
    Ok(PassportCheck {
        required_until: Deadline {
            date: required,
            rule: Rule::PassportForResidencePermit,
            counting: Counting::CalendarDaysAfter { days },
            from: application,
        },
        blank_pages_checked: false,
        problems,
    })
}

/// The latest end date of a residence permit issued on `issued`: 10 years less one day
/// (issued 1 Jun 2026: through 31 May 2036), or the passport's expiry if that is earlier. The
/// rule code says which limit applies.
pub fn residence_permit_latest_end(
    issued: NaiveDate,
    passport_expires: NaiveDate,
) -> Result<Deadline, DeadlineError> {
    if passport_expires < issued {
        return Err(DeadlineError::PassportExpired {
            passport_expires,
            needed_on: issued,
        });
    }
    let years = RESIDENCE_PERMIT_MAX_YEARS;
    // The anniversary, then the day before it. A permit issued on 29 Feb has its anniversary
    // on 1 Mar in a common year, so it runs through 28 Feb.
    let y = issued.year() + i32::from(years);
    let ten = NaiveDate::from_ymd_opt(y, issued.month(), issued.day())
        .or_else(|| NaiveDate::from_ymd_opt(y, 3, 1))
        .and_then(|d| d.pred_opt())
        .ok_or(DeadlineError::DateOverflow)?;
    Ok(if passport_expires < ten {
        Deadline {
            date: passport_expires,
            rule: Rule::ResidencePermitWithinPassport,
            counting: Counting::AsGiven,
            from: passport_expires,
        }
    } else {
        Deadline {
            date: ten,
            rule: Rule::ResidencePermitTenYears,
            counting: Counting::YearsLessOneDay { years },
            from: issued,
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Exit visa, arrival, invitation

/// The last day to leave on an exit visa issued on `issued`: the 15th working day of its
/// validity. The validity starts on the issue day, so the issue day is day 1 when it is a
/// working day (a day earlier than "day 1 = the next working day": the safe side, since
/// overstaying is the risk). The visa's printed end date prevails when it is earlier.
pub fn exit_visa_latest_exit(cal: &Calendar, issued: NaiveDate) -> Result<Deadline, DeadlineError> {
    let days = EXIT_VISA_WORKING_DAYS;
    let n = u32::from(days) - u32::from(cal.is_working_day(issued)?);
    let date = cal.add_working_days(issued, n)?;
    Ok(Deadline {
        date,
        rule: Rule::ExitVisa,
        counting: Counting::WorkingDaysIncludingStart { days },
        from: issued,
    })
}

/// The host party's deadline to notify the arrival: 3 working days after the entry date (day 1
/// is the first working day after entry).
pub fn arrival_notification_deadline(
    cal: &Calendar,
    entry: NaiveDate,
) -> Result<Deadline, DeadlineError> {
    add(
        cal,
        entry,
        ARRIVAL_NOTIFICATION_WORKING_DAYS,
        Rule::ArrivalNotification,
    )
}

/// The legal latest filing date of an invitation: 5 working days before the planned entry
/// (day 1 is the last working day before entry), so that entry is the 5th working day after
/// filing.
pub fn invitation_latest_filing(
    cal: &Calendar,
    entry: NaiveDate,
) -> Result<Deadline, DeadlineError> {
    subtract(
        cal,
        entry,
        INVITATION_LEAD_WORKING_DAYS,
        Rule::InvitationLeadTime,
    )
}

// ---------------------------------------------------------------------------------------------
// The relocation timeline

/// A step of the relocation timeline, for lists and calendar export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    SubmitInvitationIfDelayed,
    SubmitInvitation,
    InvitationApproved,
    InvitationLegalDeadline,
    Entry,
    NotifyArrival,
    IinFrom,
    IinReady,
    FingerprintingFrom,
    ExtensionOpens,
    ExtensionCloses,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimelineStatus {
    /// `working_days_to_submit`: working days left to submit the invitation, today included
    /// when it is a working day.
    OnTrack { working_days_to_submit: u32 },
    /// The submission date has passed; `earliest_entry` is the earliest entry if the
    /// invitation is submitted today (or on the next working day).
    TooLate { earliest_entry: Deadline },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelocationTimeline {
    /// The same as `submit_invitation_by`, 30 calendar days earlier (then the previous working
    /// day): the date that still works if state bodies use the guide's extra 30 days.
    pub submit_invitation_by_if_delayed: Deadline,
    /// The latest day to submit the invitation so that its review ends by the legal deadline.
    pub submit_invitation_by: Deadline,
    /// The review's end when submitted on `submit_invitation_by`.
    pub invitation_approved_by: Deadline,
    /// The law's minimum: the invitation is in 5 working days before entry.
    pub invitation_legal_deadline: Deadline,
    pub entry: Deadline,
    pub notify_arrival_by: Deadline,
    /// The first day to apply for the IIN in person (entry day if a working day).
    pub iin_from: Deadline,
    pub iin_ready_by: Deadline,
    /// Fingerprinting needs the IIN (and the arrival notification, which can be filed on
    /// entry): from the day the IIN is ready.
    pub fingerprinting_from: Deadline,
    pub extension: Option<ExtensionWindow>,
    pub status: TimelineStatus,
}

impl RelocationTimeline {
    /// Every dated step, in date order (ties keep the order of the process).
    pub fn milestones(&self) -> Vec<(Milestone, Deadline)> {
        let mut all = vec![
            (
                Milestone::SubmitInvitationIfDelayed,
                self.submit_invitation_by_if_delayed,
            ),
            (Milestone::SubmitInvitation, self.submit_invitation_by),
            (Milestone::InvitationApproved, self.invitation_approved_by),
            (
                Milestone::InvitationLegalDeadline,
                self.invitation_legal_deadline,
            ),
            (Milestone::Entry, self.entry),
            (Milestone::IinFrom, self.iin_from),
            (Milestone::IinReady, self.iin_ready_by),
            (Milestone::FingerprintingFrom, self.fingerprinting_from),
            (Milestone::NotifyArrival, self.notify_arrival_by),
        ];
        if let Some(e) = self.extension {
            all.push((Milestone::ExtensionOpens, e.opens));
            all.push((Milestone::ExtensionCloses, e.closes));
        }
        all.sort_by_key(|(_, d)| d.date);
        all
    }
}

/// The working days an invitation's review takes: the catalogue's figure (the upper bound of a
/// range), or the statutory 5 when the catalogue gives none.
fn review_days(processing: Processing) -> u16 {
    match processing {
        Processing::WorkingDays { days } => days,
        Processing::WorkingDaysRange { max, .. } => max,
        Processing::Minutes { .. } => 0,
        Processing::NotGiven => INVITATION_REVIEW_WORKING_DAYS,
    }
}

/// The relocation timeline for a planned entry on `entry`, worked backward and forward on the
/// calendar.
///
/// The invitation: the law wants it filed at least 5 working days before entry; the guide's
/// review takes up to 5 working days (`invitation_processing`). If the applicant submitted on
/// the legal date itself, the approval could arrive on entry day, leaving no time for step 2
/// (the visa at the embassy or airport). So the submission date is the legal date less the
/// review time: entry − 5 − 5 = 10 working days before entry; the approval then lands by the
/// legal date at the latest, and the 5 lead working days remain for step 2 and travel.
///
/// After entry: the arrival notification within 3 working days; the IIN in person from the
/// first working day on or after entry, ready 1 working day later; fingerprinting from then.
/// With `visa_end`, the first extension window and where `today` stands in it.
pub fn relocation_timeline(
    cal: &Calendar,
    today: NaiveDate,
    entry: NaiveDate,
    invitation_processing: Processing,
    visa_end: Option<NaiveDate>,
) -> Result<RelocationTimeline, DeadlineError> {
    let review = review_days(invitation_processing);
    let legal = invitation_latest_filing(cal, entry)?;
    let mut submit = subtract(cal, legal.date, review, Rule::InvitationTimelyApproval)?;
    // Stated from the entry date, as the UI explains it: "10 working days before entry".
    submit.from = entry;
    submit.counting = Counting::WorkingDaysBefore {
        days: INVITATION_LEAD_WORKING_DAYS + review,
    };
    let delay = STATE_DELAY_CALENDAR_DAYS;
    let if_delayed = Deadline {
        date: cal.previous_working_day_on_or_before(minus_days(submit.date, delay)?)?,
        rule: Rule::StateBodyDelay,
        counting: Counting::CalendarDaysBeforeThenPreviousWorkingDay { days: delay },
        from: submit.date,
    };
    let approved = add(cal, submit.date, review, Rule::InvitationApproval)?;
    let entry_d = Deadline {
        date: entry,
        rule: Rule::PlannedEntry,
        counting: Counting::AsGiven,
        from: entry,
    };
    let notify = arrival_notification_deadline(cal, entry)?;
    let iin_from = same_or_next(cal, entry, Rule::IinInPerson)?;
    let iin_ready = add(cal, iin_from.date, IIN_WORKING_DAYS, Rule::IinProcessing)?;
    let fingerprinting = Deadline {
        date: iin_ready.date,
        rule: Rule::Fingerprinting,
        counting: Counting::SameWorkingDay,
        from: iin_ready.date,
    };
    let extension = visa_end
        .map(|end| extension_window(cal, end, today))
        .transpose()?;
    let status = if today <= submit.date {
        let today_counts = u32::from(cal.is_working_day(today)?);
        TimelineStatus::OnTrack {
            working_days_to_submit: cal.working_days_between(today, submit.date)? + today_counts,
        }
    } else {
        let filing = cal.next_working_day_on_or_after(today)?;
        let days = INVITATION_LEAD_WORKING_DAYS + review;
        let earliest = add(cal, filing, days, Rule::InvitationTimelyApproval)?;
        TimelineStatus::TooLate {
            earliest_entry: earliest,
        }
    };
    Ok(RelocationTimeline {
        submit_invitation_by_if_delayed: if_delayed,
        submit_invitation_by: submit,
        invitation_approved_by: approved,
        invitation_legal_deadline: legal,
        entry: entry_d,
        notify_arrival_by: notify,
        iin_from,
        iin_ready_by: iin_ready,
        fingerprinting_from: fingerprinting,
        extension,
        status,
    })
}

/// The deadline checks that matter for a service of this kind, beyond its processing time
/// (which every service has) and the 30-day delay (a per-service flag). Lets the UI offer the
/// right questions (visa end date, passport expiry, entry date...).
pub fn rules_for(kind: ServiceKind) -> &'static [Rule] {
    match kind {
        ServiceKind::Invitation => &[
            Rule::InvitationLeadTime,
            Rule::InvitationTimelyApproval,
            Rule::PassportBeyondVisa,
            Rule::PassportBlankPages,
        ],
        ServiceKind::VisaInKazakhstan => &[
            Rule::PassportBeyondVisa,
            Rule::PassportBlankPages,
            Rule::Fingerprinting,
        ],
        ServiceKind::Extension => &[
            Rule::ExtensionWindowOpens,
            Rule::ExtensionWindowCloses,
            Rule::PassportBeyondVisa,
            Rule::PassportBlankPages,
            Rule::Fingerprinting,
        ],
        ServiceKind::ResidencePermit => &[
            Rule::PassportForResidencePermit,
            Rule::ResidencePermitTenYears,
            Rule::ResidencePermitWithinPassport,
            Rule::Fingerprinting,
        ],
        ServiceKind::TemporaryResidencePermit => &[Rule::ArrivalNotification, Rule::Fingerprinting],
        ServiceKind::Cancellation | ServiceKind::QualificationReview => &[],
        ServiceKind::CancellationWithExitVisa => &[Rule::ExitVisa],
        ServiceKind::Registration => &[
            Rule::ArrivalNotification,
            Rule::IinInPerson,
            Rule::IinProcessing,
            Rule::Fingerprinting,
        ],
    }
}

// ---------------------------------------------------------------------------------------------
// Date input

/// Years accepted by [`parse_date`]: wide enough for birth dates and passport expiries. The
/// calendar's narrower range is checked where working days are counted.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateField {
    Day,
    Month,
    Year,
}

/// Why a typed date was rejected. The first problem found, in field order day, month, year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DateError {
    Empty {
        field: DateField,
    },
    /// Anything but ASCII digits (after trimming spaces): "1a", "-3", "2,5".
    NotANumber {
        field: DateField,
    },
    /// Also for two-digit years: "26" is not taken to mean 2026.
    YearOutOfRange {
        year: u32,
        min: i32,
        max: i32,
    },
    /// No such day: 31/02/2026, 0/5/2026, 1/13/2026.
    NoSuchDate {
        day: u32,
        month: u32,
        year: i32,
    },
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateError::Empty { field } => write!(f, "{field:?} is empty"),
            DateError::NotANumber { field } => write!(f, "{field:?} is not a number"),
            DateError::YearOutOfRange { year, min, max } => {
                write!(f, "year {year} is outside {min}–{max}")
            }
            DateError::NoSuchDate { day, month, year } => {
                write!(f, "{day}/{month}/{year} is not a date")
            }
        }
    }
}

impl std::error::Error for DateError {}

fn parse_field(s: &str, field: DateField) -> Result<u32, DateError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(DateError::Empty { field });
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::NotANumber { field });
    }
    // Saturating: an absurdly long number is still a number, just out of range.
    Ok(s.bytes().fold(0u32, |n, b| {
        n.saturating_mul(10).saturating_add(u32::from(b - b'0'))
    }))
}

/// A date from the day, month and year fields of a form.
pub fn parse_date(day: &str, month: &str, year: &str) -> Result<NaiveDate, DateError> {
    let fields = [
        (day, DateField::Day),
        (month, DateField::Month),
        (year, DateField::Year),
    ];
    // Empty fields first, so a half-filled form asks for what is missing.
    for (s, field) in fields {
        if s.trim().is_empty() {
            return Err(DateError::Empty { field });
        }
    }
    let d = parse_field(day, DateField::Day)?;
    let m = parse_field(month, DateField::Month)?;
    let y = parse_field(year, DateField::Year)?;
    let year = i32::try_from(y)
        .ok()
        .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
        .ok_or(DateError::YearOutOfRange {
            year: y,
            min: MIN_YEAR,
            max: MAX_YEAR,
        })?;
    NaiveDate::from_ymd_opt(year, m, d).ok_or(DateError::NoSuchDate {
        day: d,
        month: m,
        year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn office_slots_respect_lunch_and_closing() {
        let h = OfficeHours::AEC;
        let s = |t| h.slot(t, 30).map(|s| (s.start, s.end));
        assert_eq!(s(hm(8, 0)), Some((hm(9, 0), hm(9, 30))));
        assert_eq!(
            s(hm(12, 40)),
            Some((hm(14, 0), hm(14, 30))),
            "would run into lunch"
        );
        assert_eq!(s(hm(13, 15)), Some((hm(14, 0), hm(14, 30))));
        assert_eq!(s(hm(17, 30)), Some((hm(17, 30), hm(18, 0))));
        assert_eq!(s(hm(17, 31)), None);
        assert_eq!(h.slot(hm(9, 0), 300), None, "longer than a session");
    }

    #[test]
    fn office_hours_read_from_the_catalogue_shape() {
        let office = Office {
            opens: "09:00",
            closes: "18:00",
            lunch_from: "13:00",
            lunch_to: "14:00",
            hours_note: None,
            phones: &[],
            email: "",
            address: crate::domain::lang::Text::new(["a", "a", "a"]),
            portal_url: "",
            source: crate::domain::catalogue::SourceLines { from: 1, to: 1 },
        };
        assert_eq!(OfficeHours::from_office(&office), Some(OfficeHours::AEC));
    }

    #[test]
    fn parse_date_codes() {
        assert_eq!(parse_date(" 27", "05", "2026"), Ok(d(2026, 5, 27)));
        assert_eq!(
            parse_date("", "", "2026"),
            Err(DateError::Empty {
                field: DateField::Day
            })
        );
        assert_eq!(
            parse_date("1", " ", "2026"),
            Err(DateError::Empty {
                field: DateField::Month
            })
        );
        assert_eq!(
            parse_date("1a", "2", "2026"),
            Err(DateError::NotANumber {
                field: DateField::Day
            })
        );
        assert_eq!(
            parse_date("1", "-2", "2026"),
            Err(DateError::NotANumber {
                field: DateField::Month
            })
        );
        assert_eq!(
            parse_date("31", "02", "2026"),
            Err(DateError::NoSuchDate {
                day: 31,
                month: 2,
                year: 2026
            })
        );
        assert_eq!(
            parse_date("29", "02", "2027"),
            Err(DateError::NoSuchDate {
                day: 29,
                month: 2,
                year: 2027
            })
        );
        assert_eq!(parse_date("29", "02", "2028"), Ok(d(2028, 2, 29)));
        assert_eq!(
            parse_date("1", "13", "2026"),
            Err(DateError::NoSuchDate {
                day: 1,
                month: 13,
                year: 2026
            })
        );
        assert_eq!(
            parse_date("1", "1", "26"),
            Err(DateError::YearOutOfRange {
                year: 26,
                min: MIN_YEAR,
                max: MAX_YEAR
            })
        );
        assert!(matches!(
            parse_date("1", "1", "99999999999"),
            Err(DateError::YearOutOfRange { .. })
        ));
    }
}
