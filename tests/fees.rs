//! Worked fee examples on the real catalogue, computed by hand from the guide
//! (`expat-centre-guide.kk.txt`, line numbers in comments) and the MRP table (facts.md §2).

use chrono::{Datelike, NaiveDate};
use expat_navigator::domain::catalogue::{Service, ServiceFee, StateDuty, catalogue};
use expat_navigator::domain::fees::{
    Assumption, FINGERPRINTING, FeeBasis, FeeBreakdown, FeeKind, FeeRequest, LineKind, LineStatus,
    MrpSource, NotPrinted, Reason, Waiver, compute_fees, compute_fees_for, mrp_on,
    waive_fingerprinting,
};
use expat_navigator::domain::money::format_kzt;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn svc(id: &str) -> &'static Service {
    catalogue()
        .service(id)
        .unwrap_or_else(|| panic!("service {id} is not in the catalogue"))
}

fn request(payment_date: NaiveDate) -> FeeRequest {
    FeeRequest::new(payment_date)
}

/// (line kind name, per person, line total), in order.
fn lines(b: &FeeBreakdown) -> Vec<(&'static str, Decimal, Decimal)> {
    b.lines
        .iter()
        .map(|l| {
            let name = match l.kind {
                LineKind::ServiceFee { .. } => "service_fee",
                LineKind::Priority => "priority",
                LineKind::PersonalManager => "personal_manager",
                LineKind::StateDuty { .. } => "state_duty",
                LineKind::StateDutyNotPrinted { .. } => "state_duty_not_printed",
            };
            (name, l.per_person, l.total)
        })
        .collect()
}

/// The sums and signs every breakdown must keep.
fn assert_consistent(b: &FeeBreakdown, context: &str) {
    let sum: Decimal = b.lines.iter().map(|l| l.total).sum();
    let per_person: Decimal = b.lines.iter().map(|l| l.per_person).sum();
    assert_eq!(b.total, sum, "{context}: total is not the sum of lines");
    assert_eq!(b.per_person, per_person, "{context}: per-person subtotal");
    assert_eq!(
        b.total,
        b.per_person * Decimal::from(b.persons),
        "{context}"
    );
    assert!(!b.total.is_sign_negative(), "{context}: negative total");
    for l in &b.lines {
        assert!(!l.per_person.is_sign_negative(), "{context}: negative line");
        assert_eq!(l.count, b.persons, "{context}: every line is per person");
        assert_eq!(l.total, l.per_person * Decimal::from(l.count), "{context}");
    }
    for u in &b.unconfirmed {
        assert_eq!(u.count, b.persons, "{context}");
    }
}

#[test]
fn work_visa_invitation_3_years_priority_family_of_4_paid_in_2026() {
    // Applicant + spouse + 2 children: four visas, each its own application (lines 178-180).
    let mut r = request(date(2026, 3, 2));
    r.visa_years = Some(3);
    r.priority = true;
    r.persons = 4;
    let b = compute_fees(svc("work-visa-invitation"), &r).unwrap();
    assert_eq!(
        lines(&b),
        vec![
            // "3 жылға дейін 550 000 KZT" (line 203): 550 000 × 4 = 2 200 000
            ("service_fee", d("550000"), d("2200000")),
            // Priority 150 000 (205), paid in addition (220-222): 150 000 × 4 = 600 000
            ("priority", d("150000"), d("600000")),
            // 0,5 АЕК (209) × 4 325 = 2 162.5 (211): × 4 = 8 650
            ("state_duty", d("2162.5"), d("8650")),
        ]
    );
    assert_eq!(
        b.lines[0].kind,
        LineKind::ServiceFee {
            basis: FeeBasis::UpToYears { years: 3 }
        }
    );
    // 550 000 + 150 000 + 2 162.5 = 702 162.5 per person; × 4 = 2 808 650
    assert_eq!(b.per_person, d("702162.5"));
    assert_eq!(b.total, d("2808650"));
    assert_eq!(format_kzt(b.total), "2\u{a0}808\u{a0}650\u{a0}₸");
    assert!(b.unconfirmed.is_empty());
    assert!(!b.uses_latest_known_mrp());
    assert_consistent(&b, "work invitation 2026");
}

#[test]
fn the_same_paid_in_2025_uses_that_years_mrp() {
    let mut r = request(date(2025, 11, 20));
    r.visa_years = Some(3);
    r.priority = true;
    r.persons = 4;
    let b = compute_fees(svc("work-visa-invitation"), &r).unwrap();
    // 0.5 × 3 932 = 1 966; × 4 = 7 864
    assert_eq!(b.lines[2].per_person, d("1966"));
    assert_eq!(b.lines[2].total, d("7864"));
    // 2 200 000 + 600 000 + 7 864 = 2 807 864
    assert_eq!(b.total, d("2807864"));
    let LineKind::StateDuty { mrp, .. } = b.lines[2].kind else {
        panic!("no state duty line")
    };
    assert_eq!(
        mrp.source,
        MrpSource::Known {
            from: date(2025, 1, 1)
        }
    );
    assert_consistent(&b, "work invitation 2025");
}

#[test]
fn work_visa_invitation_after_the_april_2020_increase() {
    let mut r = request(date(2020, 4, 1));
    r.visa_years = Some(1);
    let b = compute_fees(svc("work-visa-invitation"), &r).unwrap();
    // 370 000 (182) + 0.5 × 2 778 = 1 389 → 371 389
    assert_eq!(b.total, d("371389"));
    // A day earlier the MRP was 2 651: 0.5 × 2 651 = 1 325.5 → 371 325.5
    r.payment_date = date(2020, 3, 31);
    let b = compute_fees(svc("work-visa-invitation"), &r).unwrap();
    assert_eq!(b.total, d("371325.5"));
}

#[test]
fn residence_permit_2026() {
    let b = compute_fees(svc("residence-permit"), &request(date(2026, 5, 4))).unwrap();
    // "1 440 000 KZT" + "4 АЕК (17 300 KZT)" (lines 1029-1032): 4 × 4 325 = 17 300
    assert_eq!(
        lines(&b),
        vec![
            ("service_fee", d("1440000"), d("1440000")),
            ("state_duty", d("17300"), d("17300")),
        ]
    );
    // 1 440 000 + 17 300 = 1 457 300
    assert_eq!(b.total, d("1457300"));
    assert_eq!(format_kzt(b.total), "1\u{a0}457\u{a0}300\u{a0}₸");
    assert_consistent(&b, "residence permit");
}

#[test]
fn residence_permit_has_no_priority_so_it_is_kept_out() {
    let mut r = request(date(2022, 2, 1));
    r.priority = true;
    r.persons = 2;
    let b = compute_fees(svc("residence-permit"), &r).unwrap();
    // 4 × 3 063 = 12 252 (facts.md §2); (1 440 000 + 12 252) × 2 = 2 904 504
    assert_eq!(b.total, d("2904504"));
    assert_eq!(b.unconfirmed.len(), 1);
    assert_eq!(b.unconfirmed[0].kind, FeeKind::Priority);
    assert_eq!(b.unconfirmed[0].reason, Reason::PriorityNotOffered);
    assert_consistent(&b, "residence permit 2022");
}

#[test]
fn single_entry_business_invitation_keeps_the_unreadable_fee_out() {
    let mut r = request(date(2026, 2, 10));
    r.priority = true;
    r.personal_manager = true;
    let b = compute_fees(svc("business-single-invitation"), &r).unwrap();
    // "00 000 KZT" (line 1286) cannot be read: listed, not added.
    assert_eq!(b.unconfirmed.len(), 1);
    let u = &b.unconfirmed[0];
    assert_eq!(u.kind, FeeKind::ServiceFee);
    assert_eq!(u.reason, Reason::ServiceFeeUnreadable);
    assert!(u.printed.as_deref().is_some_and(|p| p.contains("00 000")));
    assert_eq!(
        lines(&b),
        vec![
            // Priority 40 000 (1286), personal manager 170 000 (1289)
            ("priority", d("40000"), d("40000")),
            ("personal_manager", d("170000"), d("170000")),
            // 0.5 АЕК = 2 162.5 (1291-1293)
            ("state_duty", d("2162.5"), d("2162.5")),
        ]
    );
    // 40 000 + 170 000 + 2 162.5 = 212 162.5
    assert_eq!(b.total, d("212162.5"));
    assert_eq!(
        b.assumptions,
        vec![Assumption::PersonalManagerAddsToServiceFee]
    );
    assert_consistent(&b, "business single");
}

#[test]
fn multiple_entry_business_invitation_group_of_3_with_a_personal_manager() {
    let mut r = request(date(2026, 9, 1));
    r.personal_manager = true;
    r.persons = 3;
    let b = compute_fees(svc("business-multi-invitation"), &r).unwrap();
    // (20 000 (1494) + 170 000 (1498) + 2 162.5 (1500-1502)) × 3 = 192 162.5 × 3 = 576 487.5
    assert_eq!(b.per_person, d("192162.5"));
    assert_eq!(b.total, d("576487.5"));
    assert_consistent(&b, "business multi");
}

#[test]
fn extensions_have_no_fee_table() {
    for id in [
        "work-visa-extension",
        "investor-a6-extension",
        "business-single-extension",
        "business-multi-extension",
    ] {
        let mut r = request(date(2026, 6, 1));
        r.visa_years = Some(1);
        r.priority = true;
        r.persons = 2;
        let b = compute_fees(svc(id), &r).unwrap();
        let reasons: Vec<_> = b.unconfirmed.iter().map(|u| u.reason.clone()).collect();
        assert_eq!(
            reasons,
            vec![Reason::ServiceFeeNotGiven, Reason::PriorityNotOffered],
            "{id}"
        );
        // No table, so no state duty is printed either, and nothing is due that we can confirm.
        assert!(
            matches!(b.lines[0].kind, LineKind::StateDutyNotPrinted { .. }),
            "{id}"
        );
        assert_eq!(b.lines[0].status, LineStatus::NoStateFeePrinted);
        assert_eq!(b.total, Decimal::ZERO, "{id}");
        assert_consistent(&b, id);
    }
}

#[test]
fn a_2027_payment_uses_the_latest_known_mrp_and_says_so() {
    let mut r = request(date(2027, 2, 15));
    r.visa_years = Some(1);
    let b = compute_fees(svc("work-visa-in-kz"), &r).unwrap();
    // 370 000 (404) + 30 АЕК × 4 325 (latest known) = 129 750 (411-413) → 499 750
    assert_eq!(b.total, d("499750"));
    assert!(b.uses_latest_known_mrp());
    assert_eq!(
        b.mrp().unwrap().source,
        MrpSource::LatestKnown {
            from: date(2026, 1, 1),
            year_asked: 2027
        }
    );
    assert_consistent(&b, "2027");
}

#[test]
fn trp_by_category() {
    let s = svc("temporary-residence-permit");
    let mut r = request(date(2026, 4, 1));
    r.priority = true;
    r.persons = 3;
    r.category = Some("employee".into());
    let b = compute_fees(s, &r).unwrap();
    assert_eq!(
        lines(&b),
        vec![
            // "Қызметкер үшін 120 000" (1173): × 3 = 360 000
            ("service_fee", d("120000"), d("360000")),
            // Priority 60 000 (1175): × 3 = 180 000
            ("priority", d("60000"), d("180000")),
            // No state duty column (1165-1169)
            ("state_duty_not_printed", d("0"), d("0")),
        ]
    );
    // 360 000 + 180 000 = 540 000
    assert_eq!(b.total, d("540000"));
    assert_eq!(b.assumptions, vec![Assumption::TrpFeePerFamilyMember]);
    assert_consistent(&b, "trp employee");

    // "Сарапшы үшін 100 000" (1179), alone, no options: 100 000
    let mut r = request(date(2026, 4, 1));
    r.category = Some("expert".into());
    let b = compute_fees(s, &r).unwrap();
    assert_eq!(b.total, d("100000"));
    assert!(b.assumptions.is_empty());

    // No category: the fee is listed, not guessed.
    let b = compute_fees(s, &request(date(2026, 4, 1))).unwrap();
    assert_eq!(b.unconfirmed[0].reason, Reason::CategoryMissing);
    assert_eq!(b.total, Decimal::ZERO);
}

#[test]
fn investor_visa_state_duty_dash_is_shown_as_not_printed() {
    let mut r = request(date(2026, 1, 15));
    r.visa_years = Some(2);
    let b = compute_fees(svc("investor-a5-invitation"), &r).unwrap();
    // "2 жылға дейін 460 000 KZT" (603); state duty "-" (598)
    assert_eq!(
        lines(&b),
        vec![
            ("service_fee", d("460000"), d("460000")),
            ("state_duty_not_printed", d("0"), d("0")),
        ]
    );
    assert_eq!(
        b.lines[1].kind,
        LineKind::StateDutyNotPrinted {
            printed: NotPrinted::Dash
        }
    );
    assert_eq!(b.total, d("460000"));
}

#[test]
fn fingerprinting_is_free_after_a_work_visa_fee() {
    let mut r = request(date(2026, 7, 1));
    r.persons = 2;
    let b = compute_fees(svc(FINGERPRINTING.as_str()), &r).unwrap();
    // 10 000 KZT (2374) × 2 = 20 000
    assert_eq!(b.total, d("20000"));
    // Free when the visa's service fee was paid (2376-2380).
    let w = waive_fingerprinting(b.clone(), svc("work-visa-in-kz")).unwrap();
    assert_eq!(w.total, Decimal::ZERO);
    assert_eq!(
        w.lines[0].status,
        LineStatus::Waived(Waiver::FingerprintingFreeAfterVisaOrTrpFee)
    );
    assert_consistent(&w, "fingerprinting waived");
    assert!(waive_fingerprinting(b.clone(), svc("temporary-residence-permit")).is_ok());
    assert!(waive_fingerprinting(b, svc("business-multi-in-kz")).is_err());
}

#[test]
fn state_duties_in_2026_equal_the_guides_printed_kzt() {
    // The guide prints its KZT figures at the 2026 MRP of 4 325 (facts.md §2).
    let mut checked = 0;
    for s in catalogue().services {
        if let StateDuty::Mrp { printed_kzt, .. } = s.fees.state_duty {
            let b = compute_fees(s, &request(date(2026, 1, 1))).unwrap();
            let duty = b.lines.last().unwrap();
            assert_eq!(duty.per_person, printed_kzt, "{}", s.id);
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn every_service_option_household_and_year_sums_and_stays_non_negative() {
    let services = catalogue().services;
    assert!(!services.is_empty(), "the catalogue holds no services yet");
    let mut checked = 0u32;
    for s in services {
        let categories: Vec<Option<String>> = match &s.fees.service_fee {
            ServiceFee::ByCategory { rows } => rows.iter().map(|r| Some(r.id.to_owned())).collect(),
            _ => vec![None],
        };
        for years in (1..=5).map(Some).chain([None]) {
            for category in &categories {
                for (priority, personal_manager) in
                    [(false, false), (true, false), (false, true), (true, true)]
                {
                    for persons in 1..=4 {
                        for year in 2020..=2027 {
                            let r = FeeRequest {
                                payment_date: date(year, 6, 30),
                                visa_years: years,
                                category: category.clone(),
                                priority,
                                personal_manager,
                                persons,
                            };
                            let context = format!("{} {r:?}", s.id);
                            let b =
                                compute_fees(s, &r).unwrap_or_else(|e| panic!("{context}: {e}"));
                            assert_consistent(&b, &context);
                            check_parts(s, &r, &b, &context);
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(checked >= services.len() as u32 * 6 * 4 * 4 * 8);
}

/// Every asked-for part is either a line or listed as unconfirmed, never both; the state duty
/// is exactly `multiple × MRP on the payment date`.
fn check_parts(s: &Service, r: &FeeRequest, b: &FeeBreakdown, context: &str) {
    let has_line = |want: fn(&LineKind) -> bool| b.lines.iter().filter(|l| want(&l.kind)).count();
    let listed = |k: FeeKind| b.unconfirmed.iter().filter(|u| u.kind == k).count();
    assert_eq!(
        has_line(|k| matches!(k, LineKind::ServiceFee { .. })) + listed(FeeKind::ServiceFee),
        1,
        "{context}"
    );
    assert_eq!(
        has_line(|k| matches!(k, LineKind::Priority)) + listed(FeeKind::Priority),
        usize::from(r.priority),
        "{context}"
    );
    assert_eq!(
        has_line(|k| matches!(k, LineKind::PersonalManager)) + listed(FeeKind::PersonalManager),
        usize::from(r.personal_manager),
        "{context}"
    );
    let duties: Vec<_> = b
        .lines
        .iter()
        .filter(|l| {
            matches!(
                l.kind,
                LineKind::StateDuty { .. } | LineKind::StateDutyNotPrinted { .. }
            )
        })
        .collect();
    assert_eq!(duties.len(), 1, "{context}");
    if let LineKind::StateDuty { multiple, mrp } = duties[0].kind {
        let expected = mrp_on(r.payment_date).unwrap();
        assert_eq!(mrp, expected, "{context}");
        assert_eq!(duties[0].per_person, multiple * expected.value, "{context}");
        assert_eq!(
            matches!(mrp.source, MrpSource::LatestKnown { .. }),
            r.payment_date.year() > 2026,
            "{context}"
        );
    }
    if let ServiceFee::Unconfirmed { .. } | ServiceFee::NotGiven { .. } = s.fees.service_fee {
        assert_eq!(listed(FeeKind::ServiceFee), 1, "{context}");
    }
}

/// The guide makes fingerprinting free once a work visa, investor visa or TRP service fee is paid
/// (lines 2376-2380): the fee option `covering-fee` applies it; other services are unaffected.
#[test]
fn fingerprinting_is_free_with_the_covering_fee_option() {
    let cat = catalogue();
    let fingerprinting = cat.service("fingerprinting").unwrap();
    let request = FeeRequest::new(date(2026, 3, 10));
    let service_fee = |b: &FeeBreakdown| {
        b.lines
            .iter()
            .find(|l| matches!(l.kind, LineKind::ServiceFee { .. }))
            .cloned()
            .unwrap()
    };
    let paid = compute_fees_for(fingerprinting, &request, false).unwrap();
    assert_eq!(service_fee(&paid).per_person, Decimal::from(10_000));
    let free = compute_fees_for(fingerprinting, &request, true).unwrap();
    assert_eq!(service_fee(&free).per_person, Decimal::ZERO);
    assert!(matches!(service_fee(&free).status, LineStatus::Waived(_)));
    assert_eq!(free.total, paid.total - Decimal::from(10_000));
    let iin = cat.service("iin").unwrap();
    assert_eq!(
        compute_fees_for(iin, &request, true).unwrap(),
        compute_fees_for(iin, &request, false).unwrap()
    );
}
