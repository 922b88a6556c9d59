//! One application being prepared: the wizard's answers, the options and dates set on the result
//! page, the ticked documents, and what is being typed and is not valid yet.
//!
//! The wizard, the result page, drafts, share links and roster rows all read and write this one
//! value, so they agree on every fact. Each edge parses into it once: a stored draft
//! (`draft::read`), a share link (`share::decode`, then [`Application::from_answers`]), a roster
//! row ([`crate::domain::roster::Row::to_application`]), a form field (the UI). What the result
//! page shows is worked out from it here: [`DateFacts`] for the dates.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use super::calendar::calendar;
use super::catalogue::{Service, ServiceKind};
use super::deadlines::{
    self, DateError, Deadline, DeadlineError, ExtensionWindow, PassportFacts, ReadyBy,
    RelocationTimeline,
};
use super::flow::{self, Answers, Details, Outcome, QuestionId, Step};

/// An application: everything one person's draft holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Application {
    /// The wizard's answers (routing questions and family members): valid codes only.
    pub answers: Answers,
    /// The fee options and the dates that are answers, as typed values.
    pub details: Details,
    /// Checklist item keys ticked off.
    pub ticked: BTreeSet<String>,
    /// What is typed and is not an answer (yet).
    pub pending: Pending,
}

/// What is being typed: kept so a reload loses nothing, never shared by link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pending {
    /// A question's text or choice not continued with yet (an unfinished number, say).
    pub answers: BTreeMap<QuestionId, String>,
    /// The result page's date boxes as typed (all empty, if cleared): a date not here shows
    /// its default (today, or the answer).
    pub dates: BTreeMap<DateField, DateBoxes>,
}

/// A date of the result page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateField {
    /// When the documents are submitted (ready-by counts from it).
    Submitted,
    /// When the fees are paid (the state duty's MRP is that year's).
    Payment,
    PassportExpiry,
    /// An invitation's planned visa end (the passport is checked against it).
    PlannedVisaEnd,
    /// The planned entry: the detail [`QuestionId::EntryDate`].
    EntryDate,
    /// The current visa's end, for an extension: the detail [`QuestionId::VisaExpiry`].
    VisaExpiry,
}

impl DateField {
    pub const ALL: [DateField; 6] = [
        DateField::Submitted,
        DateField::Payment,
        DateField::PassportExpiry,
        DateField::PlannedVisaEnd,
        DateField::EntryDate,
        DateField::VisaExpiry,
    ];

    /// The stable name in stored drafts.
    pub fn code(self) -> &'static str {
        match self {
            DateField::Submitted => "submitted",
            DateField::Payment => "payment",
            DateField::PassportExpiry => "passport-expiry",
            DateField::PlannedVisaEnd => "planned-visa-end",
            DateField::EntryDate => "entry-date",
            DateField::VisaExpiry => "visa-expiry",
        }
    }

    pub fn from_code(code: &str) -> Option<DateField> {
        DateField::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The answer this date is, once valid, for the two dates that are answers
    /// ([`QuestionId::EntryDate`], [`QuestionId::VisaExpiry`]).
    pub fn answer(self, details: &Details) -> Option<NaiveDate> {
        match self {
            DateField::EntryDate => details.entry_date,
            DateField::VisaExpiry => details.visa_expiry,
            _ => None,
        }
    }

    /// Answers this date with what the boxes hold (`None`: no longer answered); whether the
    /// answer changed. Nothing for a date that is not an answer.
    pub fn set_answer(self, details: &mut Details, boxes: &DateBoxes) -> bool {
        let slot = match self {
            DateField::EntryDate => &mut details.entry_date,
            DateField::VisaExpiry => &mut details.visa_expiry,
            _ => return false,
        };
        let valid = boxes.read().ok().flatten();
        let changed = *slot != valid;
        *slot = valid;
        changed
    }
}

/// A date's day, month and year boxes, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateBoxes {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateBoxes {
    pub fn of(date: NaiveDate) -> DateBoxes {
        DateBoxes {
            day: date.day().to_string(),
            month: date.month().to_string(),
            year: date.year().to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        [&self.day, &self.month, &self.year]
            .iter()
            .all(|s| s.trim().is_empty())
    }

    /// `Ok(None)` while every box is empty, else the date or its first problem.
    pub fn read(&self) -> Result<Option<NaiveDate>, DateError> {
        if self.is_empty() {
            return Ok(None);
        }
        deadlines::parse_date(&self.day, &self.month, &self.year).map(Some)
    }
}

impl Application {
    /// An application from answers as links and stored drafts write them (routing answers and
    /// details, codes): routing answers are kept, details read into typed values.
    pub fn from_answers(all: &Answers) -> Application {
        let mut answers = Answers::new();
        for (q, v) in all.iter().filter(|(q, _)| !q.is_detail()) {
            answers.insert(*q, v.clone());
        }
        Application {
            answers,
            details: flow::read_details(all),
            ..Application::default()
        }
    }

    /// Every answer as a code, details included: what share links and stored drafts hold.
    pub fn all_answers(&self) -> Answers {
        all_answers(&self.answers, &self.details)
    }

    /// How many answers are given, details included.
    pub fn answered(&self) -> usize {
        self.answers.len() + self.details.codes().len()
    }

    pub fn is_empty(&self) -> bool {
        *self == Application::default()
    }

    /// Where the answers lead, once they reach a service.
    pub fn outcome(&self) -> Option<Outcome> {
        match flow::next(&self.answers) {
            Step::Done(outcome) => Some(outcome),
            Step::Ask(_) => None,
        }
    }

    /// A date as the boxes hold it (`Ok(None)` when empty), else as answered.
    pub fn date(&self, field: DateField) -> Result<Option<NaiveDate>, DateError> {
        match self.pending.dates.get(&field) {
            Some(boxes) => boxes.read(),
            None => Ok(field.answer(&self.details)),
        }
    }

    /// Keeps what the boxes hold; a date that is an answer is answered when valid, and no
    /// longer answered while it is not.
    pub fn set_date(&mut self, field: DateField, boxes: DateBoxes) {
        field.set_answer(&mut self.details, &boxes);
        self.pending.dates.insert(field, boxes);
    }
}

/// The routing answers and the details' codes, as one map (share links, stored drafts).
pub fn all_answers(answers: &Answers, details: &Details) -> Answers {
    let mut all = answers.clone();
    all.extend(details.codes());
    all
}

/// When a change of the open application is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Autosave {
    /// Nothing changed (or nothing is there to save yet).
    Nothing,
    /// Only what is being typed changed: saved once typing pauses, or when the page is hidden.
    AfterPause,
    /// An answer, a detail or a tick changed: saved at once.
    Now,
}

/// The save rule: `saved` is the application as its draft holds it (`None`: no draft yet).
pub fn autosave(saved: Option<&Application>, now: &Application) -> Autosave {
    match saved {
        Some(saved) if saved == now => Autosave::Nothing,
        Some(saved)
            if saved.answers == now.answers
                && saved.details == now.details
                && saved.ticked == now.ticked =>
        {
            Autosave::AfterPause
        }
        None if now.is_empty() => Autosave::Nothing,
        // A new application's first keystroke creates its draft at once: a tab closed before
        // the pause still finds it.
        _ => Autosave::Now,
    }
}

/// Every date the result page (and a roster line) shows for one service, worked out once from an
/// application: `None` where the service has no such date or its input is missing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DateFacts {
    /// When the result is ready, counted from the submission date.
    pub ready: Option<Result<ReadyBy, DeadlineError>>,
    /// An extension's filing window, from the current visa's end.
    pub window: Option<Result<ExtensionWindow, DeadlineError>>,
    /// An invitation's timeline, from the planned entry.
    pub timeline: Option<Result<RelocationTimeline, DeadlineError>>,
    /// The last day of the arrival notification, from the planned entry (any service).
    pub notify_arrival_by: Option<Result<Deadline, DeadlineError>>,
    /// Whether an invitation is ready by the law's last day before the planned entry.
    pub invitation_in_time: Option<InvitationTiming>,
    pub passport: Option<PassportFacts>,
    /// The exit visa's last day, for a cancellation with an exit visa.
    pub exit_visa: Option<Result<Deadline, DeadlineError>>,
}

/// An invitation's ready-by date against the planned entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvitationTiming {
    /// The latest day it is ready.
    pub ready: NaiveDate,
    /// The law's last day for it: 5 working days before entry.
    pub needed_by: Deadline,
}

impl InvitationTiming {
    pub fn in_time(&self) -> bool {
        self.ready <= self.needed_by.date
    }
}

impl DateFacts {
    /// The facts for `service`, counted from the application's dates; a submission date left
    /// empty counts as `today`, one that does not read gives no ready-by date.
    pub fn of(service: &Service, app: &Application, today: NaiveDate) -> DateFacts {
        let cal = calendar();
        let kind = service.kind;
        let submitted = app.date(DateField::Submitted).map(|d| d.unwrap_or(today));
        let ready = submitted
            .ok()
            .filter(|_| service.processing != super::catalogue::Processing::NotGiven)
            .map(|d| deadlines::ready_by_for_service(cal, service, d));
        let ready_date = ready
            .as_ref()
            .and_then(|r| r.as_ref().ok())
            .map(|r| r.latest.date);
        let valid = |f: DateField| app.date(f).ok().flatten();
        let entry = valid(DateField::EntryDate);
        let visa_expiry = valid(DateField::VisaExpiry);
        let planned_visa_end = valid(DateField::PlannedVisaEnd);

        let window = (kind == ServiceKind::Extension)
            .then_some(visa_expiry)
            .flatten()
            .map(|end| deadlines::extension_window(cal, end, today));
        let timeline = (kind == ServiceKind::Invitation)
            .then_some(entry)
            .flatten()
            .map(|entry| {
                deadlines::relocation_timeline(
                    cal,
                    today,
                    entry,
                    service.processing,
                    planned_visa_end,
                )
            });
        let notify_arrival_by =
            entry.map(|entry| deadlines::arrival_notification_deadline(cal, entry));
        let invitation_in_time = match (&timeline, ready_date) {
            (Some(Ok(t)), Some(ready)) => Some(InvitationTiming {
                ready,
                needed_by: t.invitation_legal_deadline,
            }),
            _ => None,
        };
        // The visa a passport is checked against: the planned one for an invitation, the
        // current one for an extension (the extended visa ends later still).
        let known_visa_end = match kind {
            ServiceKind::Invitation => planned_visa_end,
            ServiceKind::Extension => visa_expiry,
            _ => None,
        };
        let passport = valid(DateField::PassportExpiry).map(|expires| {
            deadlines::passport_facts(
                kind,
                expires,
                known_visa_end,
                entry,
                submitted.as_ref().ok().copied(),
                ready_date,
            )
        });
        let exit_visa = (kind == ServiceKind::CancellationWithExitVisa)
            .then_some(ready)
            .flatten()
            .map(|r| r.and_then(|r| deadlines::exit_visa_latest_exit(cal, r.latest.date)));
        DateFacts {
            ready,
            window,
            timeline,
            notify_arrival_by,
            invitation_in_time,
            passport,
            exit_visa,
        }
    }

    /// The passport fails a check the service has.
    pub fn passport_problem(&self) -> bool {
        self.passport
            .as_ref()
            .is_some_and(|p| p.check.as_ref().is_some_and(|c| !c.is_ok()) || !p.errors.is_empty())
    }

    /// The invitation's timing, when it is not ready by the law's last day before the entry.
    pub fn late_invitation(&self) -> Option<InvitationTiming> {
        self.invitation_in_time.filter(|t| !t.in_time())
    }

    pub fn invitation_late(&self) -> bool {
        self.late_invitation().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::catalogue;
    use crate::domain::flow::ServiceId;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(q, v)| (q.parse().unwrap(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn every_date_field_once_in_declaration_order_with_its_own_code() {
        for (i, field) in DateField::ALL.into_iter().enumerate() {
            assert_eq!(
                field as usize, i,
                "the UI indexes its date signals by field"
            );
            assert_eq!(DateField::from_code(field.code()), Some(field));
        }
    }

    #[test]
    fn details_are_typed_and_written_back_as_the_same_codes() {
        let all = answers(&[
            ("need", "work"),
            ("years", "3"),
            ("priority", "yes"),
            ("entry-date", "2026-04-20"),
        ]);
        let app = Application::from_answers(&all);
        assert_eq!(app.answers, answers(&[("need", "work")]));
        assert_eq!(app.details.years, Some(3));
        assert!(app.details.priority);
        assert_eq!(app.details.entry_date, Some(d(2026, 4, 20)));
        assert_eq!(app.all_answers(), all);
    }

    #[test]
    fn a_date_being_typed_is_kept_and_answers_only_once_valid() {
        let mut app = Application::default();
        let typing = DateBoxes {
            day: "20".into(),
            month: "4".into(),
            year: "20".into(),
        };
        app.set_date(DateField::EntryDate, typing.clone());
        assert_eq!(app.details.entry_date, None);
        assert_eq!(app.pending.dates.get(&DateField::EntryDate), Some(&typing));
        assert!(app.date(DateField::EntryDate).is_err());
        app.set_date(DateField::EntryDate, DateBoxes::of(d(2026, 4, 20)));
        assert_eq!(app.details.entry_date, Some(d(2026, 4, 20)));
        // Cleared: no longer an answer, and the empty boxes stay empty (no default shown).
        app.set_date(DateField::EntryDate, DateBoxes::default());
        assert_eq!(app.details.entry_date, None);
        assert_eq!(app.date(DateField::EntryDate), Ok(None));
        assert_eq!(app.pending.dates.len(), 1);
    }

    #[test]
    fn typing_waits_for_a_pause_and_answers_and_ticks_save_at_once() {
        let saved = Application::from_answers(&answers(&[("need", "work")]));
        assert_eq!(autosave(Some(&saved), &saved), Autosave::Nothing);
        assert_eq!(autosave(None, &Application::default()), Autosave::Nothing);
        let mut typing = saved.clone();
        typing
            .pending
            .answers
            .insert(QuestionId::Family, "1".into());
        typing.set_date(
            DateField::PassportExpiry,
            DateBoxes {
                day: "1".into(),
                ..DateBoxes::default()
            },
        );
        assert_eq!(autosave(Some(&saved), &typing), Autosave::AfterPause);
        assert_eq!(autosave(None, &typing), Autosave::Now);
        let mut ticked = saved.clone();
        ticked.ticked.insert("item".into());
        assert_eq!(autosave(Some(&saved), &ticked), Autosave::Now);
        let mut answered = saved.clone();
        answered.set_date(DateField::EntryDate, DateBoxes::of(d(2026, 4, 20)));
        assert_eq!(
            autosave(Some(&saved), &answered),
            Autosave::Now,
            "a date that is an answer"
        );
        let mut option = saved.clone();
        option.details.priority = true;
        assert_eq!(autosave(Some(&saved), &option), Autosave::Now);
    }

    #[test]
    fn an_invitation_ready_after_the_entry_deadline_is_late() {
        let service = catalogue().get(ServiceId::WorkVisaInvitation);
        let mut app = Application::default();
        app.set_date(DateField::Submitted, DateBoxes::of(d(2026, 3, 10)));
        let today = d(2026, 3, 1);
        app.set_date(DateField::EntryDate, DateBoxes::of(d(2026, 3, 12)));
        let early = DateFacts::of(service, &app, today);
        assert_eq!(early.ready.unwrap().unwrap().latest.date, d(2026, 3, 17));
        assert!(early.invitation_late());
        app.set_date(DateField::EntryDate, DateBoxes::of(d(2026, 6, 20)));
        let late = DateFacts::of(service, &app, today);
        assert!(!late.invitation_late());
        assert_ne!(early.notify_arrival_by, late.notify_arrival_by);
    }

    #[test]
    fn a_passport_expiring_before_the_entry_fails_without_a_visa_end() {
        let service = catalogue().get(ServiceId::WorkVisaInvitation);
        let mut app = Application::default();
        app.set_date(DateField::PassportExpiry, DateBoxes::of(d(2026, 5, 1)));
        app.set_date(DateField::EntryDate, DateBoxes::of(d(2027, 12, 20)));
        let facts = DateFacts::of(service, &app, d(2026, 3, 1));
        assert!(facts.passport_problem());
        app.set_date(DateField::PassportExpiry, DateBoxes::of(d(2035, 5, 1)));
        assert!(!DateFacts::of(service, &app, d(2026, 3, 1)).passport_problem());
    }
}
