//! Every roster column has an effect: a row becomes the same `Application` a draft holds
//! (`Row::to_application`), and its line is what the result page would show for it.

use chrono::NaiveDate;
use expat_navigator::domain::application::{DateBoxes, DateField};
use expat_navigator::domain::flow::{QuestionId, ServiceId};
use expat_navigator::domain::roster::{self, Row, RowResult};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const INVITATION: &str = "need,where,citizenship,submitter,branch,family";
const INVITATION_ROW: &str = "work,outside,other,employer,no,0";
const EXTENSION: &str = "need,where,citizenship,visa,host,submitter";
const EXTENSION_ROW: &str = "work,inside,other,work,same,employer";

/// The rows of a roster of `header` plus extra columns, each row `answers` plus its cells.
fn rows(header: &str, answers: &str, extra: &str, cells: &[&str]) -> Vec<Row> {
    let mut text = format!("{header},{extra}\n");
    for c in cells {
        text.push_str(&format!("{answers},{c}\n"));
    }
    let roster = roster::parse(&text);
    assert_eq!(roster.problems, vec![], "{text}");
    roster.rows
}

fn result(row: &Row, today: NaiveDate) -> RowResult {
    roster::result(row, today)
}

#[test]
fn the_entry_date_gives_the_arrival_notification_and_whether_the_invitation_is_late() {
    let today = d(2026, 3, 1);
    let rows = rows(
        INVITATION,
        INVITATION_ROW,
        "entry-date,payment-date",
        &[
            "12.03.2026,10.03.2026",
            "20.06.2026,10.03.2026",
            ",10.03.2026",
        ],
    );
    let [early, later, none] = [0, 1, 2].map(|i| result(&rows[i], today));
    assert_eq!(
        early.service.map(|s| s.id),
        Some(ServiceId::WorkVisaInvitation)
    );
    assert_eq!(early.ready_by(), Some(d(2026, 3, 17)));
    // Ready on 17 March, after the law's last day (5 working days before an entry on 12 March).
    assert!(early.dates.invitation_late());
    assert!(!later.dates.invitation_late());
    let notify = |r: &RowResult| r.dates.notify_arrival_by.map(|n| n.unwrap().date);
    assert_eq!(
        notify(&early),
        Some(d(2026, 3, 17)),
        "3 working days after Thu 12 Mar"
    );
    assert_ne!(notify(&early), notify(&later));
    assert_eq!(notify(&none), None, "no entry date, no such line");
    assert!(!none.dates.invitation_late());
}

#[test]
fn a_passport_that_ends_before_the_entry_is_a_problem() {
    let rows = rows(
        INVITATION,
        INVITATION_ROW,
        "entry-date,passport-expiry",
        &[
            "20.12.2027,01.05.2026",
            "20.12.2027,01.05.2035",
            ",01.05.2026",
        ],
    );
    let today = d(2026, 3, 1);
    assert!(result(&rows[0], today).passport_problem());
    assert!(!result(&rows[1], today).passport_problem());
    // Without an entry or a visa end, nothing is checked against: no problem claimed.
    assert!(!result(&rows[2], today).passport_problem());
}

#[test]
fn an_extension_rows_visa_end_is_the_current_visas_and_reaches_its_draft() {
    let rows = rows(
        EXTENSION,
        EXTENSION_ROW,
        "visa-end,passport-expiry,payment-date",
        &["12.01.2026,01.07.2030,11.12.2025"],
    );
    let app = rows[0].to_application();
    assert_eq!(app.details.visa_expiry, Some(d(2026, 1, 12)));
    assert_eq!(
        app.pending.dates.get(&DateField::VisaExpiry),
        Some(&DateBoxes::of(d(2026, 1, 12)))
    );
    assert_eq!(app.date(DateField::PassportExpiry), Ok(Some(d(2030, 7, 1))));
    assert_eq!(app.date(DateField::Submitted), Ok(Some(d(2025, 12, 11))));
    assert_eq!(app.date(DateField::Payment), Ok(Some(d(2025, 12, 11))));
    assert_eq!(
        app.all_answers()
            .get(&QuestionId::VisaExpiry)
            .map(String::as_str),
        Some("2026-01-12"),
        "the share link carries it too"
    );
    let line = result(&rows[0], d(2025, 12, 10));
    let window = line.window().expect("the window");
    assert_eq!(
        (window.opens.date, window.closes.date),
        (d(2025, 11, 25), d(2025, 12, 31))
    );
}

#[test]
fn an_invitation_rows_visa_end_is_the_planned_visas_and_checks_the_passport() {
    let rows = rows(
        INVITATION,
        INVITATION_ROW,
        "visa-end,passport-expiry",
        &["01.06.2027,01.07.2027", "01.06.2027,01.07.2030"],
    );
    let app = rows[0].to_application();
    assert_eq!(app.details.visa_expiry, None);
    assert_eq!(app.date(DateField::PlannedVisaEnd), Ok(Some(d(2027, 6, 1))));
    let today = d(2026, 3, 1);
    assert!(result(&rows[0], today).passport_problem(), "1 month left");
    assert!(!result(&rows[1], today).passport_problem());
}

#[test]
fn the_payment_date_moves_ready_by_and_the_fees_year() {
    let rows = rows(
        INVITATION,
        INVITATION_ROW,
        "years,payment-date",
        &["1,10.03.2026", "1,10.03.2025"],
    );
    let today = d(2026, 3, 1);
    let (now, before) = (result(&rows[0], today), result(&rows[1], today));
    assert_eq!(now.ready_by(), Some(d(2026, 3, 17)));
    assert_eq!(before.ready_by(), Some(d(2025, 3, 17)));
    // The state duty is in MRP, at the payment year's MRP (3 932 ₸ in 2025, 4 325 ₸ in 2026).
    assert!(before.total() < now.total());
}

#[test]
fn every_sort_option_reads_back_and_an_unknown_one_keeps_the_rows_order() {
    for by in roster::SortBy::ALL {
        assert_eq!(roster::SortBy::from_code(by.code()), by);
    }
    assert_eq!(roster::SortBy::from_code("colour"), roster::SortBy::Row);
}
