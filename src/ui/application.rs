//! The open application as the UI holds it: the domain's [`Application`], one signal per part,
//! so a view that reads the answers is not redrawn when a date is typed; what the result page
//! shows is derived from it by memos ([`ResultModel`]), never copied into other signals.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::application::{self, Application, DateBoxes, DateFacts, DateField, Pending};
use crate::domain::catalogue::{Service, catalogue};
use crate::domain::checklist::{self, Checklist};
use crate::domain::deadlines::DateError;
use crate::domain::flow::{self, Answers, Details, Outcome, QuestionId, ServiceId};

/// One signal per part of an [`Application`], and one per date field.
#[derive(Clone, Copy)]
pub struct ApplicationStore {
    pub answers: RwSignal<Answers>,
    pub details: RwSignal<Details>,
    pub ticked: RwSignal<BTreeSet<String>>,
    /// A question's text or choice not continued with yet.
    pub pending_answers: RwSignal<BTreeMap<QuestionId, String>>,
    /// The date boxes as typed, by [`DateField`] (`None`: never typed, the default shows).
    dates: [RwSignal<Option<DateBoxes>>; DateField::ALL.len()],
}

impl Default for ApplicationStore {
    fn default() -> Self {
        Self::new()
    }
}

impl ApplicationStore {
    pub fn new() -> ApplicationStore {
        ApplicationStore {
            answers: RwSignal::new(Answers::new()),
            details: RwSignal::new(Details::default()),
            ticked: RwSignal::new(BTreeSet::new()),
            pending_answers: RwSignal::new(BTreeMap::new()),
            dates: std::array::from_fn(|_| RwSignal::new(None)),
        }
    }

    fn date_signal(&self, field: DateField) -> RwSignal<Option<DateBoxes>> {
        // `DateField::ALL` lists the fields in declaration order.
        self.dates[field as usize]
    }

    /// The dates as typed, by field (tracked).
    fn typed_dates(&self) -> BTreeMap<DateField, DateBoxes> {
        let mut dates = BTreeMap::new();
        for field in DateField::ALL {
            if let Some(boxes) = self.typed_date(field) {
                dates.insert(field, boxes);
            }
        }
        dates
    }

    /// The application as it is now (read without tracking).
    pub fn snapshot(&self) -> Application {
        let dates = untrack(|| self.typed_dates());
        Application {
            answers: self.answers.get_untracked(),
            details: self.details.get_untracked(),
            ticked: self.ticked.get_untracked(),
            pending: Pending {
                answers: self.pending_answers.get_untracked(),
                dates,
            },
        }
    }

    /// Subscribes the running effect or memo to every part (for saving).
    pub fn track(&self) {
        self.answers.track();
        self.details.track();
        self.ticked.track();
        self.pending_answers.track();
        for date in self.dates {
            date.track();
        }
    }

    /// Shows another application (a draft opened, a link loaded): only the parts that differ
    /// are set, so views of the others are not redrawn.
    pub fn replace(&self, app: Application) {
        let Application {
            answers,
            details,
            ticked,
            pending,
        } = app;
        set_if_changed(self.answers, answers);
        set_if_changed(self.details, details);
        set_if_changed(self.ticked, ticked);
        set_if_changed(self.pending_answers, pending.answers);
        for field in DateField::ALL {
            set_if_changed(self.date_signal(field), pending.dates.get(&field).cloned());
        }
    }

    /// The boxes of a date as typed; `None` while never typed.
    pub fn typed_date(&self, field: DateField) -> Option<DateBoxes> {
        self.date_signal(field).get()
    }

    /// The boxes as they show: as typed, else the answer (for a date that is one), else
    /// `default`.
    pub fn shown_date(&self, field: DateField, default: Option<NaiveDate>) -> DateBoxes {
        self.typed_date(field).unwrap_or_else(|| {
            let answered = self.details.with(|d| field.answer(d));
            answered.or(default).map(DateBoxes::of).unwrap_or_default()
        })
    }

    /// The date the boxes show (`Ok(None)` when empty), or its first problem.
    pub fn date(
        &self,
        field: DateField,
        default: Option<NaiveDate>,
    ) -> Result<Option<NaiveDate>, DateError> {
        self.shown_date(field, default).read()
    }

    /// Keeps what the boxes hold; a date that is an answer is answered once valid.
    pub fn set_date(&self, field: DateField, boxes: DateBoxes) {
        self.details.maybe_update(|d| field.set_answer(d, &boxes));
        set_if_changed(self.date_signal(field), Some(boxes));
    }

    /// Ticks or unticks a checklist item.
    pub fn tick(&self, key: &str, on: bool) {
        self.ticked.maybe_update(|t| {
            if on {
                t.insert(key.to_owned())
            } else {
                t.remove(key)
            }
        });
    }

    /// Every answer as a code, details included (tracked): what a share link holds.
    pub fn all_answers(&self) -> Answers {
        self.answers.with(|answers| {
            self.details
                .with(|details| application::all_answers(answers, details))
        })
    }

    /// Sets the routing answers (pruned to the path they lead along).
    pub fn set_answers(&self, answers: Answers) {
        set_if_changed(self.answers, flow::prune(&answers));
    }
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

/// What the result page shows, derived from the store: each memo reads only the parts it needs,
/// so typing a date works out the dates again and nothing else.
#[derive(Clone, Copy)]
pub struct ResultModel {
    pub outcome: Memo<Option<Outcome>>,
    pub service: Memo<Option<ServiceId>>,
    pub checklist: Memo<Option<Checklist<'static>>>,
    /// The applicant and the family members.
    pub persons: Signal<u32>,
}

impl ResultModel {
    pub fn new(store: ApplicationStore) -> ResultModel {
        let outcome = Memo::new(move |_| match store.answers.with(flow::next) {
            flow::Step::Done(outcome) => Some(outcome),
            flow::Step::Ask(_) => None,
        });
        let service = Memo::new(move |_| outcome.with(|o| o.as_ref().map(|o| o.service)));
        // Worked out once per change of the answers (checklists have no equality to compare).
        let checklist = Memo::new_with_compare(
            move |_| {
                let outcome = outcome.get()?;
                count_checklist_run();
                Some(
                    store
                        .answers
                        .with(|a| checklist::checklist(&outcome, a, catalogue())),
                )
            },
            |_, _| true,
        );
        let persons =
            Signal::derive(move || store.answers.with(|a| checklist::people(a).len() as u32));
        ResultModel {
            outcome,
            service,
            checklist,
            persons,
        }
    }
}

/// The dates of one service, worked out from the store's details and dates only.
pub fn date_facts(
    store: ApplicationStore,
    service: &'static Service,
    today: NaiveDate,
) -> Memo<DateFacts> {
    Memo::new(move |_| {
        let app = Application {
            details: store.details.get(),
            pending: Pending {
                dates: store.typed_dates(),
                ..Pending::default()
            },
            ..Application::default()
        };
        DateFacts::of(service, &app, today)
    })
}

#[cfg(test)]
thread_local! {
    static CHECKLIST_RUNS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Counts the checklists worked out, for the tests that prove typing a date does not.
fn count_checklist_run() {
    #[cfg(test)]
    CHECKLIST_RUNS.with(|c| c.set(c.get() + 1));
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::reactive::owner::Owner;

    fn work_visa_answers() -> Answers {
        [
            ("need", "work"),
            ("where", "outside"),
            ("citizenship", "other"),
            ("submitter", "employer"),
            ("branch", "no"),
            ("family", "1"),
            ("member1", "spouse"),
        ]
        .into_iter()
        .map(|(q, v)| (q.parse().unwrap(), v.to_owned()))
        .collect()
    }

    fn boxes(d: &str, m: &str, y: &str) -> DateBoxes {
        DateBoxes {
            day: d.into(),
            month: m.into(),
            year: y.into(),
        }
    }

    #[test]
    fn typing_a_date_works_out_the_dates_and_not_the_checklists() {
        let owner = Owner::new();
        owner.set();
        let store = ApplicationStore::new();
        store.set_answers(work_visa_answers());
        let model = ResultModel::new(store);
        let service = catalogue().get(model.service.get_untracked().expect("a service"));
        let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let facts = date_facts(store, service, today);
        assert!(model.checklist.with_untracked(|c| c.is_some()));
        assert!(facts.with_untracked(|f| f.timeline.is_none()));
        let runs = CHECKLIST_RUNS.with(|c| c.get());
        for typed in ["2", "20", "202", "2026"] {
            store.set_date(DateField::EntryDate, boxes("20", "4", typed));
            model.checklist.with_untracked(|_| {});
            model.persons.with_untracked(|_| {});
        }
        assert_eq!(
            CHECKLIST_RUNS.with(|c| c.get()),
            runs,
            "no checklist worked out"
        );
        assert!(
            facts.with_untracked(|f| f.timeline.is_some()),
            "the timeline follows the entry date"
        );
        assert_eq!(
            store.snapshot().details.entry_date,
            NaiveDate::from_ymd_opt(2026, 4, 20)
        );
        // An answer does change the checklists.
        let mut more = work_visa_answers();
        more.insert(QuestionId::Family, "0".into());
        store.set_answers(more);
        model.checklist.with_untracked(|_| {});
        assert_eq!(CHECKLIST_RUNS.with(|c| c.get()), runs + 1);
    }

    #[test]
    fn replacing_the_application_sets_only_what_differs_and_round_trips() {
        let owner = Owner::new();
        owner.set();
        let store = ApplicationStore::new();
        let mut app = Application::from_answers(&work_visa_answers());
        app.ticked.insert("item-1".into());
        app.pending.answers.insert(QuestionId::Family, "1".into());
        app.set_date(DateField::PassportExpiry, boxes("1", "5", "20"));
        store.replace(app.clone());
        assert_eq!(store.snapshot(), app);
        let mut ticked_more = app.clone();
        ticked_more.ticked.insert("item-2".into());
        store.replace(ticked_more.clone());
        assert_eq!(store.snapshot(), ticked_more);
        // A date never typed shows its default: today for the submission, the answer for
        // the entry date.
        let today = NaiveDate::from_ymd_opt(2026, 3, 10);
        assert_eq!(store.date(DateField::Submitted, today), Ok(today));
        assert!(store.date(DateField::PassportExpiry, None).is_err());
    }
}
