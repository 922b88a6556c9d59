//! The Kazakhstan working-day calendar (5-day week), built from `src/data/calendar.json`.
//!
//! The data holds what decrees change: the holidays (with the years they apply), the first day of
//! Kurban Ait per year, the Ministry's transfers and the covered years. The code holds what the
//! law fixes:
//! - Saturday and Sunday are days off;
//! - a holiday that falls on a weekend moves to the next Monday–Friday that is not itself a
//!   holiday or an already moved day (Law "On holidays" art. 5), processed in date order so
//!   multi-day holidays chain: Nauryz on Sun 21 Mar moves to Wed 24 Mar, a Sat+Sun New Year to
//!   Mon+Tue;
//! - holidays marked `moves_if_weekend: false` (Orthodox Christmas, the first day of Kurban Ait;
//!   Labour Code art. 84 p.5) never move;
//! - a transfer makes a weekend day a working day and a weekday a day off, applied last.
//!
//! Dates outside the covered years are an error ([`OutOfRange`]), never guessed as plain
//! weekdays: a decree for a year we do not know could make any of them a day off.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use super::lang::{Lang, Text};

// The data as the build script wrote it from `src/data/calendar.json`: `static CALENDAR_DATA`.
include!(concat!(env!("OUT_DIR"), "/data/calendar.rs"));

/// The embedded calendar, computed once. Native tests prove it validates.
pub fn calendar() -> &'static Calendar {
    static CALENDAR: LazyLock<Calendar> = LazyLock::new(|| {
        Calendar::from_data(&CALENDAR_DATA).expect("calendar.json is checked by tests")
    });
    &CALENDAR
}

// ---------------------------------------------------------------------------------------------
// The data file

#[derive(Serialize)]
pub(crate) struct CalendarData {
    as_of: NaiveDate,
    years: Years,
    holidays: &'static [Holiday],
    movable: &'static [MovableHoliday],
    transfers: &'static [Transfer],
}

/// The years the data is complete for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Years {
    pub first: i32,
    pub last: i32,
    /// From this year on, no Ministry decree is known yet: the calendar is the statutory rules
    /// plus estimated Kurban Ait dates.
    pub projected_from: i32,
}

/// A holiday on fixed dates of the Gregorian year.
#[derive(Clone, Debug, Serialize)]
pub struct Holiday {
    pub id: &'static str,
    pub name: Text,
    /// A new official name from a given year on (Republic Day, 2026).
    pub renamed: &'static [Rename],
    /// "MM-DD", one per day off (Nauryz has three).
    pub dates: &'static [MonthDay],
    pub moves_if_weekend: bool,
    /// First year the holiday applies (inclusive); none means "always, as far as we cover".
    pub since: Option<i32>,
    /// Last year the holiday applies (inclusive).
    pub until: Option<i32>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Rename {
    pub from_year: i32,
    pub name: Text,
}

/// A month and day, written "MM-DD" in the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl TryFrom<String> for MonthDay {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let bad = || format!("{s:?} is not an MM-DD date");
        let (m, d) = s.split_once('-').ok_or_else(bad)?;
        if m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let month: u32 = m.parse().map_err(|_| bad())?;
        let day: u32 = d.parse().map_err(|_| bad())?;
        // 2024 is a leap year, so 02-29 passes here; it is then skipped in other years.
        NaiveDate::from_ymd_opt(2024, month, day).ok_or_else(bad)?;
        Ok(MonthDay { month, day })
    }
}

impl From<MonthDay> for String {
    fn from(md: MonthDay) -> String {
        format!("{:02}-{:02}", md.month, md.day)
    }
}

/// A day off whose date changes every year (the first day of Kurban Ait).
#[derive(Clone, Debug, Serialize)]
pub struct MovableHoliday {
    pub id: &'static str,
    pub name: Text,
    pub moves_if_weekend: bool,
    pub dates: &'static [MovableDate],
}

#[derive(Clone, Debug, Serialize)]
pub struct MovableDate {
    pub date: NaiveDate,
    pub status: DateStatus,
    pub note: Option<&'static str>,
}

/// How sure the date of a movable day off is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateStatus {
    /// Observed or decreed.
    Confirmed,
    /// Announced in advance (the Spiritual Administration's calendar); may shift by a day.
    Announced,
    /// Astronomical estimate (Umm al-Qura); not announced yet.
    Estimated,
}

/// A Ministry order: `working_day` (a weekend day) is worked and `day_off` (a weekday) is not.
#[derive(Clone, Debug, Serialize)]
pub struct Transfer {
    pub working_day: NaiveDate,
    pub day_off: NaiveDate,
    pub act: Text,
}

// ---------------------------------------------------------------------------------------------
// Days

/// What a day is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DayStatus {
    /// Monday to Friday with nothing special.
    Working,
    /// A Saturday or Sunday worked by a Ministry transfer; its day off is `day_off`.
    WorkingWeekend {
        day_off: NaiveDate,
        act: Text,
    },
    Off(OffReason),
}

/// Why a day is not a working day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OffReason {
    Weekend,
    /// A holiday on its own date. `moved_to` is the weekday that replaces it when it fell on a
    /// weekend and moves (then this date is off anyway, as a weekend day).
    Holiday {
        id: String,
        name: Text,
        moved_to: Option<NaiveDate>,
    },
    /// The weekday off that replaces a holiday that fell on a weekend: "moved from <holiday>".
    MovedHoliday {
        id: String,
        name: Text,
        from: NaiveDate,
    },
    /// A Ministry transfer: this weekday is off because `working_day` is worked.
    Transfer {
        working_day: NaiveDate,
        act: Text,
    },
}

impl DayStatus {
    pub fn is_working(&self) -> bool {
        !matches!(self, DayStatus::Off(_))
    }
}

/// A date the calendar has no data for. Carries the covered years, for the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfRange {
    pub date: NaiveDate,
    pub first_year: i32,
    pub last_year: i32,
}

impl fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is outside the working-day calendar, which covers {}–{}",
            self.date, self.first_year, self.last_year
        )
    }
}

impl std::error::Error for OutOfRange {}

/// Why the calendar data was rejected.
#[derive(Debug)]
pub enum CalendarDataError {
    /// Every problem found, so a data editor sees them all at once.
    Invalid(Vec<String>),
}

impl fmt::Display for CalendarDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarDataError::Invalid(p) => {
                write!(f, "calendar.json is invalid:\n{}", p.join("\n"))
            }
        }
    }
}

impl std::error::Error for CalendarDataError {}

/// The working-day calendar for the covered years, one status per day.
#[derive(Clone, Debug)]
pub struct Calendar {
    as_of: NaiveDate,
    years: Years,
    first_day: NaiveDate,
    last_day: NaiveDate,
    holidays: &'static [Holiday],
    movable: &'static [MovableHoliday],
    transfers: &'static [Transfer],
    /// Index 0 is `first_day`.
    days: Vec<DayStatus>,
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn applies(h: &Holiday, year: i32) -> bool {
    h.since.is_none_or(|s| s <= year) && h.until.is_none_or(|u| year <= u)
}

impl Holiday {
    /// The name in force in `year`.
    pub fn name_in(&self, year: i32) -> &Text {
        self.renamed
            .iter()
            .filter(|r| r.from_year <= year)
            .max_by_key(|r| r.from_year)
            .map_or(&self.name, |r| &r.name)
    }
}

impl Calendar {
    /// Parses, validates and computes the calendar.
    fn from_data(data: &'static CalendarData) -> Result<Calendar, CalendarDataError> {
        let (calendar, problems) = Calendar::build(data);
        match calendar {
            Some(c) if problems.is_empty() => Ok(c),
            _ => Err(CalendarDataError::Invalid(problems)),
        }
    }

    fn build(data: &'static CalendarData) -> (Option<Calendar>, Vec<String>) {
        let mut problems = Vec::new();
        let Years {
            first,
            last,
            projected_from,
        } = data.years;
        let (Some(first_day), Some(last_day)) = (
            NaiveDate::from_ymd_opt(first, 1, 1),
            NaiveDate::from_ymd_opt(last, 12, 31),
        ) else {
            return (
                None,
                vec![format!("years {first}–{last} are not valid years")],
            );
        };
        if first > last {
            return (
                None,
                vec![format!("years: first {first} is after last {last}")],
            );
        }
        if !(first..=last + 1).contains(&projected_from) {
            problems.push(format!(
                "years: projected_from {projected_from} is outside {first}–{}",
                last + 1
            ));
        }

        let mut ids = BTreeSet::new();
        let check_text = |problems: &mut Vec<String>, id: &str, t: &Text| {
            if Lang::ALL.iter().any(|l| t.get(*l).trim().is_empty()) {
                problems.push(format!("{id}: empty name"));
            }
        };
        for h in data.holidays {
            if !ids.insert(h.id) {
                problems.push(format!("duplicate holiday id {}", h.id));
            }
            check_text(&mut problems, h.id, &h.name);
            for r in h.renamed {
                check_text(&mut problems, h.id, &r.name);
            }
            if h.dates.is_empty() {
                problems.push(format!("{}: no dates", h.id));
            }
            if let (Some(s), Some(u)) = (h.since, h.until)
                && s > u
            {
                problems.push(format!("{}: since {s} is after until {u}", h.id));
            }
        }
        for m in data.movable {
            if !ids.insert(m.id) {
                problems.push(format!("duplicate holiday id {}", m.id));
            }
            check_text(&mut problems, m.id, &m.name);
            // One date per covered year, or the calendar would silently miss a day off.
            for year in first..=last {
                let n = m.dates.iter().filter(|d| d.date.year() == year).count();
                if n != 1 {
                    problems.push(format!("{}: {n} dates in {year}, expected exactly 1", m.id));
                }
            }
        }

        // Every holiday occurrence in the covered years, in date order.
        struct Occurrence<'a> {
            date: NaiveDate,
            id: &'a str,
            name: &'a Text,
            moves: bool,
        }
        let mut occurrences = Vec::new();
        for year in first..=last {
            for h in data.holidays.iter().filter(|h| applies(h, year)) {
                for md in h.dates {
                    if let Some(date) = NaiveDate::from_ymd_opt(year, md.month, md.day) {
                        occurrences.push(Occurrence {
                            date,
                            id: h.id,
                            name: h.name_in(year),
                            moves: h.moves_if_weekend,
                        });
                    }
                }
            }
        }
        for m in data.movable {
            for d in m
                .dates
                .iter()
                .filter(|d| (first..=last).contains(&d.date.year()))
            {
                occurrences.push(Occurrence {
                    date: d.date,
                    id: m.id,
                    name: &m.name,
                    moves: m.moves_if_weekend,
                });
            }
        }
        // Stable: on a shared date, the holiday listed first in the data names the day.
        occurrences.sort_by_key(|o| o.date);

        let index = |d: NaiveDate| -> Option<usize> {
            (first_day <= d && d <= last_day).then(|| (d - first_day).num_days() as usize)
        };
        let mut days: Vec<DayStatus> = first_day
            .iter_days()
            .take_while(|d| *d <= last_day)
            .map(|d| {
                if is_weekend(d) {
                    DayStatus::Off(OffReason::Weekend)
                } else {
                    DayStatus::Working
                }
            })
            .collect();

        for o in &occurrences {
            let i = index(o.date).expect("occurrences are inside the covered years");
            if matches!(days[i], DayStatus::Off(OffReason::Holiday { .. })) {
                continue; // two holidays on one date give one day off
            }
            days[i] = DayStatus::Off(OffReason::Holiday {
                id: o.id.to_owned(),
                name: *o.name,
                moved_to: None,
            });
        }
        // After all holidays are marked, so a moved day skips the holidays that follow it.
        for o in occurrences.iter().filter(|o| o.moves && is_weekend(o.date)) {
            let target = o
                .date
                .iter_days()
                .skip(1)
                .find(|d| index(*d).is_none_or(|i| days[i] == DayStatus::Working));
            match target.and_then(|t| index(t).map(|i| (t, i))) {
                Some((t, i)) => {
                    days[i] = DayStatus::Off(OffReason::MovedHoliday {
                        id: o.id.to_owned(),
                        name: *o.name,
                        from: o.date,
                    });
                    let j = index(o.date).expect("inside");
                    if let DayStatus::Off(OffReason::Holiday { id, moved_to, .. }) = &mut days[j]
                        && id == o.id
                    {
                        *moved_to = Some(t);
                    }
                }
                None => problems.push(format!(
                    "{} on {}: its replacement day is beyond {last}",
                    o.id, o.date
                )),
            }
        }

        for t in data.transfers {
            match (index(t.working_day), index(t.day_off)) {
                (Some(w), Some(o)) => {
                    if days[w].is_working() {
                        problems.push(format!(
                            "transfer: {} is already a working day",
                            t.working_day
                        ));
                    }
                    if days[o] != DayStatus::Working {
                        problems.push(format!(
                            "transfer: {} is not an ordinary working day",
                            t.day_off
                        ));
                    }
                    check_text(&mut problems, "transfer", &t.act);
                    days[w] = DayStatus::WorkingWeekend {
                        day_off: t.day_off,
                        act: t.act,
                    };
                    days[o] = DayStatus::Off(OffReason::Transfer {
                        working_day: t.working_day,
                        act: t.act,
                    });
                }
                _ => problems.push(format!(
                    "transfer {} -> {}: outside the covered years {first}–{last}",
                    t.working_day, t.day_off
                )),
            }
        }

        let calendar = Calendar {
            as_of: data.as_of,
            years: data.years,
            first_day,
            last_day,
            holidays: data.holidays,
            movable: data.movable,
            transfers: data.transfers,
            days,
        };
        (Some(calendar), problems)
    }

    /// The date the data was last checked against decrees.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    pub fn years(&self) -> Years {
        self.years
    }

    /// 1 January of the first covered year.
    pub fn first_day(&self) -> NaiveDate {
        self.first_day
    }

    /// 31 December of the last covered year.
    pub fn last_day(&self) -> NaiveDate {
        self.last_day
    }

    pub fn covers(&self, date: NaiveDate) -> bool {
        self.first_day <= date && date <= self.last_day
    }

    /// True when no decree for `year` is known yet (its days off are projected).
    pub fn is_projected(&self, year: i32) -> bool {
        year >= self.years.projected_from
    }

    pub fn holidays(&self) -> &[Holiday] {
        self.holidays
    }

    pub fn movable(&self) -> &[MovableHoliday] {
        self.movable
    }

    pub fn transfers(&self) -> &[Transfer] {
        self.transfers
    }

    /// The date and status of a movable day off (`"kurban_ait"`) in `year`.
    pub fn movable_date(&self, id: &str, year: i32) -> Option<&MovableDate> {
        self.movable
            .iter()
            .find(|m| m.id == id)?
            .dates
            .iter()
            .find(|d| d.date.year() == year)
    }

    fn out_of_range(&self, date: NaiveDate) -> OutOfRange {
        OutOfRange {
            date,
            first_year: self.years.first,
            last_year: self.years.last,
        }
    }

    /// What `date` is.
    pub fn day(&self, date: NaiveDate) -> Result<&DayStatus, OutOfRange> {
        if !self.covers(date) {
            return Err(self.out_of_range(date));
        }
        Ok(&self.days[(date - self.first_day).num_days() as usize])
    }

    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, OutOfRange> {
        self.day(date).map(DayStatus::is_working)
    }

    /// Why `date` is a day off; `None` for a working day.
    pub fn day_off_reason(&self, date: NaiveDate) -> Result<Option<&OffReason>, OutOfRange> {
        Ok(match self.day(date)? {
            DayStatus::Off(reason) => Some(reason),
            _ => None,
        })
    }

    /// Every day of `year` that is not a plain weekday or a plain weekend day: holidays (also
    /// those on a weekend), moved days, transfers and working weekend days, in date order.
    pub fn special_days(&self, year: i32) -> Result<Vec<(NaiveDate, &DayStatus)>, OutOfRange> {
        let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        if !(self.years.first..=self.years.last).contains(&year) {
            return Err(self.out_of_range(jan1));
        }
        Ok(jan1
            .iter_days()
            .take_while(|d| d.year() == year)
            .filter_map(|d| {
                let s = self.day(d).ok()?;
                (!matches!(s, DayStatus::Working | DayStatus::Off(OffReason::Weekend)))
                    .then_some((d, s))
            })
            .collect())
    }

    /// The weekdays (Monday–Friday) of `year` that are days off, in date order.
    pub fn weekday_days_off(&self, year: i32) -> Result<Vec<NaiveDate>, OutOfRange> {
        Ok(self
            .special_days(year)?
            .into_iter()
            .filter(|(d, s)| !is_weekend(*d) && !s.is_working())
            .map(|(d, _)| d)
            .collect())
    }

    /// `date` itself when it is a working day, else the first working day after it.
    pub fn next_working_day_on_or_after(&self, date: NaiveDate) -> Result<NaiveDate, OutOfRange> {
        self.scan(date, true, true)
    }

    /// `date` itself when it is a working day, else the last working day before it.
    pub fn previous_working_day_on_or_before(
        &self,
        date: NaiveDate,
    ) -> Result<NaiveDate, OutOfRange> {
        self.scan(date, false, true)
    }

    /// The first working day strictly after `date`.
    pub fn next_working_day_after(&self, date: NaiveDate) -> Result<NaiveDate, OutOfRange> {
        self.scan(date, true, false)
    }

    /// The last working day strictly before `date`.
    pub fn previous_working_day_before(&self, date: NaiveDate) -> Result<NaiveDate, OutOfRange> {
        self.scan(date, false, false)
    }

    fn scan(
        &self,
        from: NaiveDate,
        forward: bool,
        include_start: bool,
    ) -> Result<NaiveDate, OutOfRange> {
        self.day(from)?;
        let mut d = from;
        if include_start && self.is_working_day(d)? {
            return Ok(d);
        }
        loop {
            d = self.step(d, forward)?;
            if self.is_working_day(d)? {
                return Ok(d);
            }
        }
    }

    fn step(&self, d: NaiveDate, forward: bool) -> Result<NaiveDate, OutOfRange> {
        let next = if forward { d.succ_opt() } else { d.pred_opt() };
        match next {
            Some(n) if self.covers(n) => Ok(n),
            Some(n) => Err(self.out_of_range(n)),
            None => Err(self.out_of_range(d)),
        }
    }

    /// The `n`-th working day after `start`.
    ///
    /// Counting rule: `start` itself is never counted (whether or not it is a working day);
    /// day 1 is the first working day after it. `n == 0` returns `start` unchanged, so that
    /// `add(add(d, a), b) == add(d, a + b)` for every `d`.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, OutOfRange> {
        self.count(start, n, true)
    }

    /// The `n`-th working day before `end`, the mirror of [`Calendar::add_working_days`]:
    /// `end` itself is never counted; day 1 is the last working day before it. `n == 0`
    /// returns `end`. For a working day `e`: `add(subtract(e, n), n) == e`.
    pub fn subtract_working_days(&self, end: NaiveDate, n: u32) -> Result<NaiveDate, OutOfRange> {
        self.count(end, n, false)
    }

    fn count(&self, from: NaiveDate, n: u32, forward: bool) -> Result<NaiveDate, OutOfRange> {
        self.day(from)?;
        let mut d = from;
        for _ in 0..n {
            d = self.scan(d, forward, false)?;
        }
        Ok(d)
    }

    /// The number of working days `d` with `from < d <= to` (0 when `to <= from`): the same
    /// count as [`Calendar::add_working_days`], so `add(from, between(from, to))` is the last
    /// working day on or before `to` (or `from` when there is none).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<u32, OutOfRange> {
        self.day(from)?;
        self.day(to)?;
        if to <= from {
            return Ok(0);
        }
        let a = (from - self.first_day).num_days() as usize;
        let b = (to - self.first_day).num_days() as usize;
        Ok(self.days[a + 1..=b]
            .iter()
            .filter(|s| s.is_working())
            .count() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn embedded_calendar_parses() {
        let c = calendar();
        assert_eq!(c.years().first, 2024);
        assert_eq!(c.years().last, 2030);
    }

    #[test]
    fn month_day_rejects_nonsense() {
        for s in ["2-30", "02-30", "13-01", "0101", "aa-bb", "01-1"] {
            assert!(MonthDay::try_from(s.to_owned()).is_err(), "{s}");
        }
        assert_eq!(
            MonthDay::try_from("02-29".to_owned()),
            Ok(MonthDay { month: 2, day: 29 })
        );
    }

    #[test]
    fn invalid_data_lists_every_problem() {
        use crate::domain::iso::ymd;
        let text = |t| Text::new([t, t, t]);
        let holiday = |name, dates, since, until| Holiday {
            id: "a",
            name,
            renamed: &[],
            dates,
            moves_if_weekend: true,
            since,
            until,
        };
        let transfer = |working_day, day_off| Transfer {
            working_day,
            day_off,
            act: text("x"),
        };
        let data = Box::leak(Box::new(CalendarData {
            as_of: ymd(2026, 1, 1),
            years: Years {
                first: 2026,
                last: 2026,
                projected_from: 2027,
            },
            holidays: Vec::leak(vec![
                holiday(
                    Text::new(["", "A", "A"]),
                    &[MonthDay { month: 1, day: 1 }],
                    None,
                    None,
                ),
                holiday(text("A"), &[], Some(2027), Some(2026)),
            ]),
            movable: Vec::leak(vec![MovableHoliday {
                id: "m",
                name: text("M"),
                moves_if_weekend: false,
                dates: &[],
            }]),
            transfers: Vec::leak(vec![
                transfer(ymd(2026, 1, 5), ymd(2026, 1, 6)),
                transfer(ymd(2031, 1, 4), ymd(2031, 1, 6)),
            ]),
        }));
        let Err(CalendarDataError::Invalid(problems)) = Calendar::from_data(data) else {
            panic!("expected invalid data");
        };
        let all = problems.join("\n");
        for needle in [
            "empty name",
            "duplicate holiday id a",
            "no dates",
            "since 2027 is after",
            "0 dates in 2026",
            "already a working day",
            "outside the covered years",
        ] {
            assert!(all.contains(needle), "missing {needle:?} in\n{all}");
        }
    }

    #[test]
    fn renamed_holiday_uses_the_name_of_its_year() {
        let c = calendar();
        let name = |date| match c.day(date).unwrap() {
            DayStatus::Off(OffReason::Holiday { name, .. }) => name.get(Lang::Kk).to_owned(),
            other => panic!("{other:?}"),
        };
        assert_eq!(name(d(2024, 10, 25)), "Республика күні");
        assert_eq!(name(d(2027, 10, 25)), "Қазақстан Республикасы күні");
    }

    #[test]
    fn holiday_on_weekend_records_where_it_moved() {
        let c = calendar();
        // Sat 23 Mar 2024 -> Mon 25 Mar.
        match c.day(d(2024, 3, 23)).unwrap() {
            DayStatus::Off(OffReason::Holiday { id, moved_to, .. }) => {
                assert_eq!(id, "nauryz");
                assert_eq!(*moved_to, Some(d(2024, 3, 25)));
            }
            other => panic!("{other:?}"),
        }
        // Kurban Ait on Sun 16 Jun 2024 never moves.
        match c.day(d(2024, 6, 16)).unwrap() {
            DayStatus::Off(OffReason::Holiday { moved_to, .. }) => assert_eq!(*moved_to, None),
            other => panic!("{other:?}"),
        }
        // 15 holiday dates in 2024, weekend ones included (7 Jan, 23 Mar, 16 Jun, 6 Jul).
        let holidays = c.special_days(2024).unwrap();
        let n = holidays
            .iter()
            .filter(|(_, s)| matches!(s, DayStatus::Off(OffReason::Holiday { .. })))
            .count();
        assert_eq!(n, 15);
    }
}
