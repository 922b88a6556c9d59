//! A roster: many employees at once, pasted from a spreadsheet (tab- or comma-separated, a header
//! row of the share links' question ids and a few optional columns). Every bad cell is reported
//! by row and column with what is allowed; the rest of the row and of the roster still works.
//! Each row gets what HR needs: the service, the number of people, the fees for all of them,
//! the ready-by date, the extension window and the passport check where dates were given, and
//! what is still missing. Plain Rust: `today` comes in as an argument.

pub mod edit;
pub mod saved;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::application::{Application, DateBoxes, DateFacts, DateField, InvitationTiming};
use super::catalogue::{Service, ServiceKind, catalogue};
use super::checklist;
use super::csv;
use super::deadlines::{self, Deadline, ExtensionWindow, WindowStatus};
use super::encoding::{self, Encoding};
use super::fees::{self, FeeBreakdown, FeeError, FeeRequest};
use super::flow::{self, AnswerError, Answers, Kind, QuestionId, ServiceId, Step};
use super::lang::Lang;

/// A column of the roster's header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Column {
    Answer(QuestionId),
    /// The employee's name or reference, kept on this device only.
    Label,
    /// When the employee plans to enter Kazakhstan (the invitation's timeline).
    EntryDate,
    /// The end date of the visa held now (the extension window, the passport check).
    VisaEnd,
    PassportExpiry,
    /// When the fees are paid and the application submitted (today if not given).
    PaymentDate,
    /// A header this app does not know: the column is ignored, and said so.
    Unknown(String),
}

impl Column {
    pub fn read(header: &str) -> Column {
        match header.trim().to_lowercase().as_str() {
            "label" | "name" => Column::Label,
            "entry-date" => Column::EntryDate,
            "visa-end" => Column::VisaEnd,
            "passport-expiry" => Column::PassportExpiry,
            "payment-date" => Column::PaymentDate,
            other => match other.parse::<QuestionId>() {
                Ok(q) if q.kind() != Kind::Date => Column::Answer(q),
                _ => Column::Unknown(header.trim().to_owned()),
            },
        }
    }

    /// The header as written in the template.
    pub fn name(&self) -> String {
        match self {
            Column::Answer(q) => q.to_string(),
            Column::Label => "label".into(),
            Column::EntryDate => "entry-date".into(),
            Column::VisaEnd => "visa-end".into(),
            Column::PassportExpiry => "passport-expiry".into(),
            Column::PaymentDate => "payment-date".into(),
            Column::Unknown(name) => name.clone(),
        }
    }
}

/// What is wrong with a cell (or, for a missing answer, with a row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellIssue {
    /// The header names no question or column of this app.
    UnknownColumn,
    /// The same column twice: only the first is read.
    RepeatedColumn,
    /// Not one of the question's values; `allowed` lists them.
    NotAllowed {
        value: String,
        allowed: Vec<&'static str>,
    },
    /// Not a whole number in the range.
    NotACount { value: String, min: u8, max: u8 },
    /// Not a date (`DD.MM.YYYY` or `YYYY-MM-DD`), or no such day.
    NotADate { value: String },
    /// A date with slashes whose day and month could trade places (`03/10/2026`): read day
    /// first, as dates are written in Kazakhstan, and said so, since a US-style spreadsheet
    /// writes the month first.
    AmbiguousDate { value: String, read: NaiveDate },
    /// An answer these answers never ask for: ignored.
    NotAsked,
    /// An answer that waits for a missing earlier one (`question`, the next on the row's path):
    /// it stays in the roster's text, and counts once that answer is given.
    WaitsFor { question: QuestionId },
    /// The answers stop before a service: this question is next.
    Missing,
    /// More cells than the header has columns: the extra ones are ignored.
    ExtraCells { count: usize },
    /// A quote opens a cell and is never closed: the row was read to the end of its line.
    UnclosedQuote,
}

/// A problem at a row (1-based line of the pasted text where the row starts; the header is
/// line 1) and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellProblem {
    pub line: usize,
    pub column: String,
    pub issue: CellIssue,
}

/// One employee's row, as read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub label: String,
    pub answers: Answers,
    pub entry_date: Option<NaiveDate>,
    pub visa_end: Option<NaiveDate>,
    pub passport_expiry: Option<NaiveDate>,
    pub payment_date: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roster {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub problems: Vec<CellProblem>,
}

/// The template: the header HR fills in, and one worked example row.
pub const TEMPLATE: &str = "label\tneed\twhere\tcitizenship\tsubmitter\tbranch\tfamily\tmember1\tyears\tpriority\tentry-date\tvisa-end\tpassport-expiry\tpayment-date\n\
Employee 1\twork\toutside\tother\temployer\tno\t1\tspouse\t3\tno\t20.04.2026\t\t01.07.2030\t10.03.2026\n";

/// Reads pasted text or a CSV file: tab-separated if the header has a tab, else comma- (or,
/// as spreadsheets in some languages write it, semicolon-) separated, with CSV quoting (a quoted
/// cell may hold the separator, quotes and line breaks). A row's line is the line it starts on.
pub fn parse(text: &str) -> Roster {
    let mut records = records(text).1.into_iter().filter(|r| !r.blank);
    let Some(header) = records.next() else {
        return Roster::default();
    };
    let mut roster = Roster::default();
    quote_problem(&header, &mut roster.problems);
    for name in &header.cells {
        let column = Column::read(name);
        let issue = match &column {
            Column::Unknown(_) => Some(CellIssue::UnknownColumn),
            c if roster.columns.contains(c) => Some(CellIssue::RepeatedColumn),
            _ => None,
        };
        if let Some(issue) = issue {
            roster.problems.push(CellProblem {
                line: header.line,
                column: name.trim().to_owned(),
                issue,
            });
        }
        roster.columns.push(column);
    }
    for record in records {
        quote_problem(&record, &mut roster.problems);
        let row = read_row(
            &roster.columns,
            record.line,
            &record.cells,
            &mut roster.problems,
        );
        roster.rows.push(row);
    }
    roster
}

/// The text's separator and records (blank ones too), as the parser and the editor read them.
/// A byte-order mark is not part of line 1; spans are in the text without it.
fn records(text: &str) -> (char, Vec<csv::Record>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = text
        .split(['\r', '\n'])
        .find(|l| !l.trim().is_empty())
        .map_or('\t', separator_of);
    (separator, csv::records(text, separator))
}

/// The largest file read as a roster (UTF-16 takes up to twice the bytes of the text kept).
pub const MAX_FILE_BYTES: usize = 2 * saved::MAX_TEXT_BYTES;

/// Why a chosen file is not read as a roster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Its text is more than a roster kept on this device may hold.
    TooLarge,
    /// Not text: a spreadsheet's own file, an image, damaged text.
    NotText,
    /// The browser could not read the file at all.
    Unreadable,
}

/// A chosen file's text, and how its bytes were read (see [`encoding::decode`]).
pub fn read_file(bytes: &[u8]) -> Result<(String, Encoding), FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge);
    }
    let (text, encoding) = encoding::decode(bytes).map_err(|_| FileError::NotText)?;
    if text.len() > saved::MAX_TEXT_BYTES {
        return Err(FileError::TooLarge);
    }
    Ok((text, encoding))
}

fn quote_problem(record: &csv::Record, problems: &mut Vec<CellProblem>) {
    if record.unclosed_quote {
        problems.push(CellProblem {
            line: record.line,
            column: String::new(),
            issue: CellIssue::UnclosedQuote,
        });
    }
}

fn read_row(
    columns: &[Column],
    line: usize,
    cells: &[String],
    problems: &mut Vec<CellProblem>,
) -> Row {
    let mut row = Row {
        line,
        ..Row::default()
    };
    let mut seen = Vec::new();
    for (column, cell) in columns.iter().zip(cells) {
        let cell = cell.trim();
        if seen.contains(&column) || cell.is_empty() || matches!(column, Column::Unknown(_)) {
            continue;
        }
        seen.push(column);
        let mut problem = |issue| {
            problems.push(CellProblem {
                line,
                column: column.name(),
                issue,
            })
        };
        let date = |problem: &mut dyn FnMut(CellIssue)| {
            let parsed = parse_cell_date(cell);
            match parsed {
                None => problem(CellIssue::NotADate {
                    value: cell.to_owned(),
                }),
                Some(read) if is_ambiguous_date(cell) => problem(CellIssue::AmbiguousDate {
                    value: cell.trim().to_owned(),
                    read,
                }),
                Some(_) => {}
            }
            parsed
        };
        match column {
            Column::Label => row.label = cell.chars().take(100).collect(),
            Column::EntryDate => row.entry_date = date(&mut problem),
            Column::VisaEnd => row.visa_end = date(&mut problem),
            Column::PassportExpiry => row.passport_expiry = date(&mut problem),
            Column::PaymentDate => row.payment_date = date(&mut problem),
            Column::Answer(q) => {
                let value = cell.to_lowercase();
                if let Err(error) = flow::answer(&mut row.answers, *q, &value) {
                    problem(match (error, q.kind()) {
                        (AnswerError::CountOutOfRange { min, max }, _)
                        | (_, Kind::Count { min, max }) => CellIssue::NotACount {
                            value: cell.to_owned(),
                            min,
                            max,
                        },
                        (_, Kind::Choice(codes)) => CellIssue::NotAllowed {
                            value: cell.to_owned(),
                            allowed: codes.to_vec(),
                        },
                        _ => CellIssue::NotADate {
                            value: cell.to_owned(),
                        },
                    });
                }
            }
            Column::Unknown(_) => {}
        }
    }
    if cells.len() > columns.len() && cells[columns.len()..].iter().any(|c| !c.trim().is_empty()) {
        problems.push(CellProblem {
            line,
            column: String::new(),
            issue: CellIssue::ExtraCells {
                count: cells.len() - columns.len(),
            },
        });
    }
    // The next question, if any, is what is missing. An answer off the path waits for it if
    // some answer to it could lead there; one that no answer leads to is ignored, and said so.
    let kept = flow::prune(&row.answers);
    let missing = match flow::next(&kept) {
        Step::Ask(q) => Some(q),
        _ => None,
    };
    for q in row.answers.keys().filter(|q| !kept.contains_key(q)) {
        let issue = match missing {
            Some(m) if could_lead_to(&row.answers, m, *q) => CellIssue::WaitsFor { question: m },
            _ => CellIssue::NotAsked,
        };
        problems.push(CellProblem {
            line,
            column: q.to_string(),
            issue,
        });
    }
    row.answers = kept;
    if let Some(q) = missing {
        problems.push(CellProblem {
            line,
            column: q.to_string(),
            issue: CellIssue::Missing,
        });
    }
    row
}

/// Whether some answer to `missing` puts `asked` on the path of `answers` (the row's answers,
/// `asked` among them), trying the next questions too, a few deep. Past that, or past a bound on
/// the paths tried (a roster can have thousands of rows), it may: the cell then says it waits,
/// rather than that it is ignored.
fn could_lead_to(answers: &Answers, missing: QuestionId, asked: QuestionId) -> bool {
    let mut paths_left = 200;
    leads_to(answers, missing, asked, 3, &mut paths_left)
}

fn leads_to(
    answers: &Answers,
    missing: QuestionId,
    asked: QuestionId,
    depth: usize,
    paths_left: &mut usize,
) -> bool {
    let values: Vec<String> = match missing.kind() {
        Kind::Choice(codes) => codes.iter().map(|c| c.to_string()).collect(),
        // None, one, and the most: what a count changes on the path (family members asked).
        Kind::Count { min, max } => [min, min + 1, max].iter().map(u8::to_string).collect(),
        Kind::Date => return true,
    };
    for value in values {
        if *paths_left == 0 {
            return true;
        }
        *paths_left -= 1;
        let mut given = answers.clone();
        given.insert(missing, value);
        let kept = flow::prune(&given);
        if kept.contains_key(&asked) {
            return true;
        }
        if let Step::Ask(next) = flow::next(&kept)
            && (depth == 0 || leads_to(&given, next, asked, depth - 1, paths_left))
        {
            return true;
        }
    }
    false
}

/// Tab if the header has one; else comma, or semicolon as spreadsheets in some languages write.
fn separator_of(header: &str) -> char {
    if header.contains('\t') {
        '\t'
    } else if header.contains(';') && !header.contains(',') {
        ';'
    } else {
        ','
    }
}

/// `10.03.2026`, `10/03/2026` or `2026-03-10`.
pub fn parse_cell_date(cell: &str) -> Option<NaiveDate> {
    let cell = cell.trim();
    if let Some((y, rest)) = cell.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        return deadlines::parse_date(d, m, y).ok().filter(|_| y.len() == 4);
    }
    let mut parts = cell.split(['.', '/']);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    deadlines::parse_date(d, m, y).ok()
}

/// `03/10/2026`: slashes, and a day and a month that could trade places (`10/10/2026` and
/// `13/10/2026` cannot). Dots (`03.10.2026`) are the Kazakh and Russian way, read as written.
pub fn is_ambiguous_date(cell: &str) -> bool {
    let mut parts = cell.trim().split('/');
    let (Some(d), Some(m)) = (parts.next(), parts.next()) else {
        return false;
    };
    let month_like = |s: &str| s.parse::<u32>().is_ok_and(|n| (1..=12).contains(&n));
    month_like(d) && month_like(m) && d.parse::<u32>().ok() != m.parse::<u32>().ok()
}

impl Row {
    /// The application this row describes: its answers, and its dates where the result page
    /// keeps them. The payment date is also the submission date (ready-by counts from it);
    /// `visa-end` is the current visa's end for an extension, the planned visa's end otherwise.
    pub fn to_application(&self) -> Application {
        self.application_and_service().0
    }

    /// The application, and the service its answers lead to (one walk of the wizard's routing).
    fn application_and_service(&self) -> (Application, Option<&'static Service>) {
        let mut app = Application::from_answers(&self.answers);
        let service = app.outcome().map(|o| catalogue().get(o.service));
        let extension = service.is_some_and(|s| s.kind == ServiceKind::Extension);
        let visa_end = if extension {
            DateField::VisaExpiry
        } else {
            DateField::PlannedVisaEnd
        };
        for (field, date) in [
            (DateField::Submitted, self.payment_date),
            (DateField::Payment, self.payment_date),
            (DateField::EntryDate, self.entry_date),
            (visa_end, self.visa_end),
            (DateField::PassportExpiry, self.passport_expiry),
        ] {
            if let Some(date) = date {
                app.set_date(field, DateBoxes::of(date));
            }
        }
        (app, service)
    }
}

/// What one row comes to: what the result page would show for its application.
#[derive(Clone, Debug)]
pub struct RowResult {
    /// `None` while answers are missing.
    pub service: Option<&'static Service>,
    /// The applicant and the family members.
    pub persons: u32,
    pub fees: Option<Result<FeeBreakdown, FeeError>>,
    /// Ready-by, the extension window, the entry's deadlines, the passport.
    pub dates: DateFacts,
}

impl RowResult {
    /// The fees for everyone that the guide prices; unconfirmed figures are left out (and
    /// flagged by [`RowResult::unconfirmed`]).
    pub fn total(&self) -> Option<Decimal> {
        match &self.fees {
            Some(Ok(b)) => Some(b.total),
            _ => None,
        }
    }

    pub fn unconfirmed(&self) -> bool {
        matches!(&self.fees, Some(Ok(b)) if !b.unconfirmed.is_empty())
    }

    /// The latest ready-by date, when it could be worked out.
    pub fn ready_by(&self) -> Option<NaiveDate> {
        let ready = self.dates.ready.as_ref()?.as_ref().ok()?;
        Some(ready.latest.date)
    }

    /// The extension window, when it could be worked out.
    pub fn window(&self) -> Option<&ExtensionWindow> {
        self.dates.window.as_ref()?.as_ref().ok()
    }

    /// The arrival notification's last day, when an entry date gives it.
    pub fn notify_arrival_by(&self) -> Option<&Deadline> {
        self.dates.notify_arrival_by.as_ref()?.as_ref().ok()
    }

    /// The invitation's ready-by date and the law's last day for it, when it is late for the
    /// planned entry.
    pub fn late_invitation(&self) -> Option<InvitationTiming> {
        self.dates.late_invitation()
    }

    /// The extension window is open and closes within `days` working days, or has closed.
    pub fn window_closing_within(&self, days: u32) -> bool {
        match self.window().map(|w| w.status) {
            Some(WindowStatus::Open {
                working_days_left, ..
            }) => working_days_left <= days,
            Some(WindowStatus::TooLate { .. }) => true,
            Some(WindowStatus::TooEarly { .. }) | None => false,
        }
    }

    /// The passport fails a check the service has.
    pub fn passport_problem(&self) -> bool {
        self.dates.passport_problem()
    }
}

pub fn result(row: &Row, today: NaiveDate) -> RowResult {
    let (app, service) = row.application_and_service();
    let persons = checklist::people(&app.answers).len() as u32;
    let Some(service) = service else {
        return RowResult {
            service: None,
            persons,
            fees: None,
            dates: DateFacts::default(),
        };
    };
    let paid_on = app.date(DateField::Payment).ok().flatten().unwrap_or(today);
    let request = FeeRequest::from_details(&app.details, paid_on, persons);
    RowResult {
        service: Some(service),
        persons,
        fees: Some(fees::compute_fees_for(
            service,
            &request,
            app.details.covering_fee,
        )),
        dates: DateFacts::of(service, &app, today),
    }
}

/// How the results are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    /// As the rows are written.
    Row,
    /// By the service's title in the reader's language.
    Service,
    /// The largest fees first.
    Fees,
    /// The earliest ready-by date first.
    Ready,
}

impl SortBy {
    pub const ALL: [SortBy; 4] = [SortBy::Row, SortBy::Service, SortBy::Fees, SortBy::Ready];

    /// The stable code of a form's option.
    pub fn code(self) -> &'static str {
        match self {
            SortBy::Row => "row",
            SortBy::Service => "service",
            SortBy::Fees => "fees",
            SortBy::Ready => "ready",
        }
    }

    /// The order an option names; an unknown code keeps the rows' order.
    pub fn from_code(code: &str) -> SortBy {
        match code {
            "service" => SortBy::Service,
            "fees" => SortBy::Fees,
            "ready" => SortBy::Ready,
            _ => SortBy::Row,
        }
    }
}

/// Sorts `(row index, result)` pairs; rows still missing answers go last. Stable, so equal
/// keys keep the rows' order.
pub fn sort(shown: &mut [(usize, &RowResult)], by: SortBy, l: Lang) {
    match by {
        SortBy::Row => {}
        SortBy::Service => shown.sort_by_key(|(_, r)| {
            let title = r.service.map(|s| s.title.get(l));
            (title.is_none(), title)
        }),
        SortBy::Fees => shown.sort_by_key(|(_, r)| std::cmp::Reverse(r.total())),
        SortBy::Ready => shown.sort_by_key(|(_, r)| {
            let date = r.ready_by();
            (date.is_none(), date)
        }),
    }
}

/// Totals per service (employees, people, fees) in catalogue order, and for the company.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub per_service: Vec<(ServiceId, Total)>,
    pub company: Total,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Total {
    pub employees: u32,
    pub persons: u32,
    pub fees: Decimal,
    /// Rows whose fees have an unconfirmed figure (kept out of the sums).
    pub unconfirmed: u32,
}

pub fn totals(results: &[RowResult]) -> Totals {
    let mut by_id: BTreeMap<ServiceId, Total> = BTreeMap::new();
    let mut company = Total::default();
    for r in results {
        let Some(service) = r.service else { continue };
        for total in [by_id.entry(service.id).or_default(), &mut company] {
            total.employees += 1;
            total.persons += r.persons;
            total.fees += r.total().unwrap_or_default();
            total.unconfirmed += u32::from(r.unconfirmed());
        }
    }
    let per_service = catalogue()
        .services
        .iter()
        .filter_map(|s| by_id.get(&s.id).map(|t| (s.id, *t)))
        .collect();
    Totals {
        per_service,
        company,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_template_reads_without_a_problem_and_prices_the_family() {
        let roster = parse(TEMPLATE);
        assert_eq!(roster.problems, vec![]);
        assert_eq!(roster.rows.len(), 1);
        let row = &roster.rows[0];
        assert_eq!(row.label, "Employee 1");
        assert_eq!(row.entry_date, Some(d(2026, 4, 20)));
        let r = result(row, d(2026, 3, 10));
        assert_eq!(r.service.unwrap().id, ServiceId::WorkVisaInvitation);
        assert_eq!(r.persons, 2);
        // 550 000 (3 years) + 0.5 MRP of 2026 (2 162.50), for 2 people.
        assert_eq!(r.total(), Some(Decimal::new(110432500, 2)));
        // The README's worked example: ready 5 working days after the payment date.
        assert_eq!(r.ready_by(), Some(d(2026, 3, 17)));
    }

    #[test]
    fn a_cell_after_a_missing_answer_waits_for_it_unless_no_answer_leads_there() {
        // Without `visa`, the later answers wait for it; a registration service is never asked
        // of someone who comes to work, whatever the missing answers.
        let text = "need,where,citizenship,stay,submitter,branch,family,registration\n\
                    work,inside,other,over-90,employer,no,0,iin\n";
        let roster = parse(text);
        let issue = |column: &str| {
            roster
                .problems
                .iter()
                .find(|p| p.column == column)
                .map(|p| p.issue.clone())
        };
        assert_eq!(issue("visa"), Some(CellIssue::Missing));
        let waits = Some(CellIssue::WaitsFor {
            question: QuestionId::Visa,
        });
        for column in ["submitter", "branch", "family"] {
            assert_eq!(issue(column), waits, "{column}");
        }
        assert_eq!(issue("registration"), Some(CellIssue::NotAsked));
    }

    #[test]
    fn every_bad_cell_is_reported_and_the_rest_still_works() {
        let text = "label,need,where,colour,family,payment-date,need\n\
                    A,work,mars,red,12,31.02.2026,x\n\
                    B,registration,,,0,2026-03-10\n\
                    C,\"registration\",,,,,,extra\n";
        let roster = parse(text);
        let at = |line: usize, column: &str| {
            roster
                .problems
                .iter()
                .filter(|p| p.line == line && p.column == column)
                .map(|p| p.issue.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(at(1, "colour"), vec![CellIssue::UnknownColumn]);
        assert_eq!(at(1, "need"), vec![CellIssue::RepeatedColumn]);
        assert!(at(2, "where").iter().any(
            |i| matches!(i, CellIssue::NotAllowed { allowed, .. } if allowed.contains(&"outside"))
        ));
        assert!(
            at(2, "where").contains(&CellIssue::Missing),
            "the next question is named"
        );
        assert!(matches!(
            at(2, "family")[..],
            [CellIssue::NotACount { min: 0, max: 9, .. }]
        ));
        assert!(matches!(
            at(2, "payment-date")[..],
            [CellIssue::NotADate { .. }]
        ));
        assert_eq!(at(3, "registration"), vec![CellIssue::Missing]);
        // Row B's family waits for its registration service, which some services ask it for.
        assert_eq!(
            at(3, "family"),
            vec![CellIssue::WaitsFor {
                question: QuestionId::Registration
            }]
        );
        assert!(matches!(at(4, "")[..], [CellIssue::ExtraCells { .. }]));
        // Row A's valid answer is kept; row B's payment date is read.
        assert_eq!(
            roster.rows[0]
                .answers
                .get(&QuestionId::Need)
                .map(String::as_str),
            Some("work")
        );
        assert_eq!(roster.rows[1].payment_date, Some(d(2026, 3, 10)));
    }

    #[test]
    fn tabs_quotes_and_dates_in_each_form() {
        let roster = parse("label\tneed\n\"b\tc\"\tregistration\n\"say \"\"hi\"\"\"\tregistration");
        assert_eq!(roster.rows[0].label, "b\tc");
        assert_eq!(roster.rows[1].label, "say \"hi\"");
        assert_eq!(parse_cell_date("10.03.2026"), Some(d(2026, 3, 10)));
        assert_eq!(parse_cell_date("10/3/2026"), Some(d(2026, 3, 10)));
        assert_eq!(parse_cell_date("2026-03-10"), Some(d(2026, 3, 10)));
        assert_eq!(parse_cell_date("31.02.2026"), None);
        assert_eq!(parse_cell_date("10.03.26"), None);
    }

    #[test]
    fn a_date_whose_day_and_month_could_trade_places_is_read_day_first_and_said_so() {
        for (cell, ambiguous) in [
            ("03/10/2026", true),
            (" 3/10/2026 ", true),
            ("10/10/2026", false),
            ("13/10/2026", false),
            ("03.10.2026", false),
            ("2026-03-10", false),
        ] {
            assert_eq!(is_ambiguous_date(cell), ambiguous, "{cell}");
        }
        let roster = parse("label\tentry-date\nAnn\t03/10/2026\nBob\t03.10.2026\n");
        assert_eq!(roster.rows[0].entry_date, Some(d(2026, 10, 3)));
        let notes: Vec<_> = roster
            .problems
            .iter()
            .filter(|p| matches!(p.issue, CellIssue::AmbiguousDate { .. }))
            .collect();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].line, 2);
        assert_eq!(
            notes[0].issue,
            CellIssue::AmbiguousDate {
                value: "03/10/2026".into(),
                read: d(2026, 10, 3)
            }
        );
    }

    #[test]
    fn a_quoted_line_break_stays_in_its_cell_and_rows_keep_the_line_they_start_on() {
        // As Excel and Google Sheets write (and copy) a cell with a line break in it.
        for (text, lines) in [
            (
                "label,need,registration,family\n\"Aigerim\nSeitkali\",registration,iin,0\nBolat,registration,colour,0\n",
                [2, 4],
            ),
            (
                "label,need,registration,family\r\n\"Aigerim\r\nSeitkali\",registration,iin,0\r\nBolat,registration,colour,0\r\n",
                [2, 4],
            ),
            (
                "label\tneed\tregistration\tfamily\n\n\"Aigerim\nSeitkali\"\tregistration\tiin\t0\n\nBolat\tregistration\tcolour\t0",
                [3, 6],
            ),
        ] {
            let roster = parse(text);
            assert_eq!(roster.rows.len(), 2, "{text:?}");
            assert_eq!(roster.rows[0].label, "Aigerim\nSeitkali");
            assert_eq!(
                roster.rows[0]
                    .answers
                    .get(&QuestionId::Registration)
                    .map(String::as_str),
                Some("iin")
            );
            assert_eq!([roster.rows[0].line, roster.rows[1].line], lines);
            // Bolat's bad cell is reported at the line his row starts on.
            assert!(
                roster
                    .problems
                    .iter()
                    .any(|p| matches!(p.issue, CellIssue::NotAllowed { .. })),
                "{:?}",
                roster.problems
            );
            assert!(
                roster.problems.iter().all(|p| p.line == lines[1]),
                "{:?}",
                roster.problems
            );
        }
    }

    #[test]
    fn a_quote_never_closed_is_reported_and_the_next_rows_still_read() {
        let roster =
            parse("label,need,registration\n\"Aigerim,registration,iin\nBolat,registration,iin\n");
        assert_eq!(roster.rows.len(), 2);
        assert_eq!(roster.rows[1].label, "Bolat");
        assert!(roster.problems.contains(&CellProblem {
            line: 2,
            column: String::new(),
            issue: CellIssue::UnclosedQuote,
        }));
    }

    #[test]
    fn a_file_is_read_in_its_encoding_or_refused_with_a_reason() {
        let cp1251 = [b"label\n".as_slice(), &[200, 226, 224, 237, 238, 226]].concat();
        assert_eq!(
            read_file(&cp1251),
            Ok(("label\nИванов".to_owned(), Encoding::Windows1251))
        );
        assert_eq!(
            parse(&read_file(&cp1251).unwrap().0).rows[0].label,
            "Иванов"
        );
        assert_eq!(read_file(b"PK\x03\x04\x00"), Err(FileError::NotText));
        assert_eq!(
            read_file(&vec![b'a'; saved::MAX_TEXT_BYTES + 1]),
            Err(FileError::TooLarge)
        );
        assert_eq!(
            read_file(&vec![b'a'; MAX_FILE_BYTES + 1]),
            Err(FileError::TooLarge)
        );
    }

    #[test]
    fn totals_per_service_and_for_the_company() {
        let text = "need,registration,family,member1,member2\nregistration,iin,0\nregistration,iin,2,spouse,child-under-14\nregistration,fingerprinting,0\n";
        let roster = parse(text);
        let results: Vec<RowResult> = roster
            .rows
            .iter()
            .map(|r| result(r, d(2026, 3, 10)))
            .collect();
        assert!(
            results.iter().all(|r| r.service.is_some()),
            "{:?}",
            roster.problems
        );
        let totals = totals(&results);
        assert_eq!(totals.company.employees, 3);
        assert_eq!(totals.company.persons, 5);
        let iin = totals
            .per_service
            .iter()
            .find(|(id, _)| *id == ServiceId::Iin)
            .unwrap()
            .1;
        assert_eq!((iin.employees, iin.persons), (2, 4));
        assert_eq!(totals.company.fees, iin.fees + Decimal::from(10_000));
    }

    #[test]
    fn an_extension_row_says_when_its_window_closes() {
        let text = "need,where,citizenship,stay,visa,host,submitter,branch,family,visa-end\nwork,inside,other,over-90,work,same,employer,no,0,31.03.2026\n";
        let roster = parse(text);
        let r = result(&roster.rows[0], d(2026, 3, 10));
        assert!(
            r.window().is_some(),
            "{:?} {:?}",
            r.service.map(|s| &s.id),
            roster.problems
        );
        assert!(r.window_closing_within(10));
    }
}
