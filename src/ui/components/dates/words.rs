//! Dates in words: the rule and counting behind a date, the days off skipped, the problems.
//! The domain decides all of it (`deadlines::explain`); this only picks the locale's message.

use chrono::NaiveDate;

use crate::domain::calendar::calendar;
use crate::domain::deadlines::{
    Counting, DayOff, Deadline, DeadlineError, Explanation, Milestone, PassportDate,
    PassportProblem, Rule, explain,
};
use crate::domain::lang::Lang;
use crate::ui::format;
use crate::ui::i18n::{Key, msg};

/// "The guide's processing time: 5 working days, counted from the next working day after Fri
/// 20 Mar 2026; 23–25 Mar are days off (Nauryz)."
pub fn explanation(d: &Deadline, l: Lang) -> String {
    explanation_text(&explain(calendar(), d), l)
}

fn explanation_text(e: &Explanation, l: Lang) -> String {
    let mut s = msg::RuleAndCounting {
        rule: &rule(e.rule, l),
        counting: &counting(e.counting, e.from, l),
    }
    .text(l);
    for run in &e.days_off {
        let name = match run.reason {
            DayOff::Holiday(name) => name.get(l),
            DayOff::Transferred => Key::DatesTransferredDayOff.text(l),
        };
        let span = format::span(run.first, run.last, l);
        let said = if run.first == run.last {
            msg::DayOffOne {
                day: &span,
                name: &name,
            }
            .text(l)
        } else {
            msg::DaysOffRun {
                days: &span,
                name: &name,
            }
            .text(l)
        };
        s.push_str("; ");
        s.push_str(&said);
    }
    if let Some(year) = e.projected_year {
        s.push(' ');
        s.push_str(&msg::ProjectedYear { year: &year }.text(l));
    }
    // A Russian date ends in "г.": no second full stop.
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

pub fn rule(r: Rule, l: Lang) -> &'static str {
    match r {
        Rule::ProcessingWorkingDays => Key::RuleProcessingWorkingDays,
        Rule::ProcessingMinutes => Key::RuleProcessingMinutes,
        Rule::StateBodyDelay => Key::RuleStateBodyDelay,
        Rule::ExtensionWindowOpens => Key::RuleExtensionWindowOpens,
        Rule::ExtensionWindowCloses => Key::RuleExtensionWindowCloses,
        Rule::PassportBeyondVisa => Key::RulePassportBeyondVisa,
        Rule::PassportBlankPages => Key::RulePassportBlankPages,
        Rule::PassportForResidencePermit => Key::RulePassportForResidencePermit,
        Rule::ResidencePermitTenYears => Key::RuleResidencePermitTenYears,
        Rule::ResidencePermitWithinPassport => Key::RuleResidencePermitWithinPassport,
        Rule::ExitVisa => Key::RuleExitVisa,
        Rule::ArrivalNotification => Key::RuleArrivalNotification,
        Rule::InvitationLeadTime => Key::RuleInvitationLeadTime,
        Rule::InvitationTimelyApproval => Key::RuleInvitationTimelyApproval,
        Rule::InvitationApproval => Key::RuleInvitationApproval,
        Rule::PlannedEntry => Key::RulePlannedEntry,
        Rule::IinInPerson => Key::RuleIinInPerson,
        Rule::IinProcessing => Key::RuleIinProcessing,
        Rule::Fingerprinting => Key::RuleFingerprinting,
    }
    .text(l)
}

pub fn milestone(m: Milestone, l: Lang) -> &'static str {
    match m {
        Milestone::SubmitInvitationIfDelayed => Key::MilestoneSubmitInvitationIfDelayed,
        Milestone::SubmitInvitation => Key::MilestoneSubmitInvitation,
        Milestone::InvitationApproved => Key::MilestoneInvitationApproved,
        Milestone::InvitationLegalDeadline => Key::MilestoneInvitationLegalDeadline,
        Milestone::Entry => Key::MilestoneEntry,
        Milestone::NotifyArrival => Key::MilestoneNotifyArrival,
        Milestone::IinFrom => Key::MilestoneIinFrom,
        Milestone::IinReady => Key::MilestoneIinReady,
        Milestone::FingerprintingFrom => Key::MilestoneFingerprintingFrom,
        Milestone::ExtensionOpens => Key::MilestoneExtensionOpens,
        Milestone::ExtensionCloses => Key::MilestoneExtensionCloses,
    }
    .text(l)
}

pub fn passport_date(p: PassportDate, l: Lang) -> &'static str {
    match p {
        PassportDate::LatestVisaEnd => Key::DatesLatestVisaEnd,
        PassportDate::PermitLatestEnd => Key::DatesPermitLatestEnd,
    }
    .text(l)
}

fn counting(c: Counting, from: NaiveDate, l: Lang) -> String {
    let date = &format::weekday_day(from, l);
    let n = |count: u16| u64::from(count);
    match c {
        Counting::WorkingDaysAfter { days } => msg::CountingWorkingDaysAfter {
            count: n(days),
            date,
        }
        .text(l),
        Counting::WorkingDaysBefore { days } => msg::CountingWorkingDaysBefore {
            count: n(days),
            date,
        }
        .text(l),
        Counting::WorkingDaysIncludingStart { days } => msg::CountingWorkingDaysIncludingStart {
            count: n(days),
            date,
        }
        .text(l),
        Counting::SameWorkingDay => msg::CountingSameWorkingDay { date }.text(l),
        Counting::NextWorkingDay => msg::CountingNextWorkingDay { date }.text(l),
        Counting::NextWorkingDayAfterHours => {
            msg::CountingNextWorkingDayAfterHours { date }.text(l)
        }
        Counting::CalendarDaysAfterThenNextWorkingDay { days } => {
            msg::CountingCalendarDaysAfterThenNextWorkingDay {
                count: n(days),
                date,
            }
            .text(l)
        }
        Counting::CalendarDaysBeforeThenPreviousWorkingDay { days } => {
            msg::CountingCalendarDaysBeforeThenPreviousWorkingDay {
                count: n(days),
                date,
            }
            .text(l)
        }
        Counting::CalendarDaysAfter { days } => msg::CountingCalendarDaysAfter {
            count: n(days),
            date,
        }
        .text(l),
        Counting::CalendarMonthsAfter { months } => msg::CountingCalendarMonthsAfter {
            count: n(months),
            date,
        }
        .text(l),
        Counting::CalendarMonthsBefore { months } => msg::CountingCalendarMonthsBefore {
            count: n(months),
            date,
        }
        .text(l),
        Counting::YearsLessOneDay { years } => msg::CountingYearsLessOneDay {
            count: n(years),
            date,
        }
        .text(l),
        Counting::AsGiven => Key::CountingAsGiven.text(l).to_owned(),
    }
}

pub fn passport_problem(p: PassportProblem, l: Lang) -> String {
    match p {
        PassportProblem::ExpiresTooSoon {
            passport_expires,
            required_until,
        } => msg::PassportExpiresTooSoon {
            expires: &format::weekday_day(passport_expires, l),
            needed: &format::weekday_day(required_until, l),
        }
        .text(l),
        PassportProblem::TooFewBlankPages {
            blank_pages,
            required,
        } => msg::PassportTooFewBlankPages {
            pages: &blank_pages,
            required: &required,
        }
        .text(l),
    }
}

pub fn deadline_error(e: DeadlineError, l: Lang) -> String {
    match e {
        DeadlineError::OutOfRange(o) => msg::DatesOutOfRange {
            first: &o.first_year,
            last: &o.last_year,
            date: &format::weekday_day(o.date, l),
        }
        .text(l),
        DeadlineError::NoProcessingTime => Key::DatesNoProcessing.text(l).to_owned(),
        DeadlineError::PassportExpired {
            passport_expires,
            needed_on,
        } => passport_problem(
            PassportProblem::ExpiresTooSoon {
                passport_expires,
                required_until: needed_on,
            },
            l,
        ),
        DeadlineError::DateOverflow => Key::DatesOverflow.text(l).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn an_explanation_reads_in_each_language() {
        let deadline = Deadline {
            date: d(2026, 3, 31),
            rule: Rule::ProcessingWorkingDays,
            counting: Counting::WorkingDaysAfter { days: 5 },
            from: d(2026, 3, 20),
        };
        assert_eq!(
            explanation(&deadline, Lang::En),
            "The guide's processing time: 5 working days, counted from the next working day \
             after Fri 20 Mar 2026; 23–25 Mar are days off (Nauryz)."
        );
        assert_eq!(
            explanation(&deadline, Lang::Ru),
            "Срок оформления по руководству: 5 рабочих дней, считая со следующего рабочего \
             дня после пт, 20 марта 2026 г.; 23–25 марта – выходные дни (Наурыз мейрамы)."
        );
        assert!(explanation(&deadline, Lang::Kk).contains("23–25 наурыз"));
    }

    #[test]
    fn working_days_take_the_plural_form_of_each_language() {
        let working_days = |n: u64, l| msg::WorkingDays { count: n }.text(l);
        let ru: Vec<String> = [1, 2, 5, 11, 21].map(|n| working_days(n, Lang::Ru)).into();
        assert_eq!(
            ru,
            [
                "1 рабочий день",
                "2 рабочих дня",
                "5 рабочих дней",
                "11 рабочих дней",
                "21 рабочий день"
            ]
        );
        let en: Vec<String> = [1, 2, 5, 11, 21].map(|n| working_days(n, Lang::En)).into();
        assert_eq!(
            en,
            [
                "1 working day",
                "2 working days",
                "5 working days",
                "11 working days",
                "21 working days"
            ]
        );
        let kk: Vec<String> = [1, 2, 5, 11, 21].map(|n| working_days(n, Lang::Kk)).into();
        assert_eq!(
            kk,
            [
                "1 жұмыс күні",
                "2 жұмыс күні",
                "5 жұмыс күні",
                "11 жұмыс күні",
                "21 жұмыс күні"
            ]
        );
    }
}
