//! An independent check of the catalogue against the guide.
//!
//! The table below was typed from `/work/shared/source/expat-centre-guide.kk.txt` by reading the
//! guide itself, without looking at the catalogue data or at the first extraction of facts, so that
//! the two can catch each other's mistakes. Each row names the guide lines its figures come from.
//!
//! Counting rules:
//! - documents: each "•" bullet under "Қажетті құжаттар" is one document; "o" sub-bullets do not
//!   count. Where the guide has no such heading, or a bullet only informs, the row says how it was
//!   decided and may accept more than one count;
//! - step 2 documents: each "•" bullet of step 2 that names something to hand over; the bullet that
//!   only says where to learn about consular fees does not count;
//! - `from`: the line where the service's description starts; the catalogue's `source.from` may be
//!   up to `FROM_TOLERANCE` lines away (headings are printed before or after their text).

use std::collections::BTreeSet;
use std::str::FromStr;

use expat_navigator::domain::catalogue::{
    Processing, Service, ServiceFee, StateDuty, Step2Place, catalogue,
};
use rust_decimal::Decimal;

/// The MRP (АЕК) the guide's KZT state duties are computed with (2026).
const MRP_KZT: &str = "4325";

/// How far `source.from` may be from the line where the description starts.
const FROM_TOLERANCE: u32 = 12;

/// The 23 services, in the guide's order.
const IDS: [&str; 23] = [
    "work-visa-invitation",
    "work-visa-in-kz",
    "work-visa-extension",
    "investor-a5-invitation",
    "investor-a5-in-kz",
    "investor-a6-invitation",
    "investor-a6-extension",
    "residence-permit",
    "temporary-residence-permit",
    "business-single-invitation",
    "business-single-extension",
    "business-multi-invitation",
    "business-multi-in-kz",
    "business-multi-extension",
    "visa-cancellation-departed",
    "visa-cancellation-exit-visa",
    "qualification-review",
    "arrival-notification",
    "iin",
    "tax-residency-certificate",
    "tax-residency-certificate-itrp",
    "digital-signature",
    "fingerprinting",
];

/// The service fee as the guide prints it (KZT as decimal strings, no spaces).
#[derive(Debug)]
enum Fee {
    Flat(&'static str),
    /// "1 жылға дейін" .. "5 жылға дейін".
    ByYears([&'static str; 5]),
    /// The TRP: "Қызметкер үшін" (employee) and "Сарапшы үшін" (expert).
    ByCategory {
        employee: &'static str,
        expert: &'static str,
    },
    /// A figure that cannot be read, as printed.
    Unconfirmed(&'static str),
    /// No fee table.
    NotGiven,
}

#[derive(Debug)]
enum Duty {
    Mrp {
        multiple: &'static str,
        printed_kzt: &'static str,
    },
    /// "–" in the state duty column.
    Dash,
    /// No state duty column (or no table at all).
    NotStated,
}

#[derive(Debug)]
enum Docs {
    Exactly(usize),
    /// The guide can be read in more than one way; see the row's comment.
    OneOf(&'static [usize]),
    /// The guide lists no documents and says the list "stays the same": the catalogue may leave
    /// the list empty or repeat the list of one of these services.
    NotListed {
        same_as: &'static [&'static str],
    },
}

#[derive(Debug)]
struct Step2 {
    place: Step2Place,
    documents: usize,
}

struct Expected {
    id: &'static str,
    from: u32,
    fee: Fee,
    priority: Option<&'static str>,
    manager: Option<&'static str>,
    duty: Duty,
    processing: Processing,
    docs: Docs,
    step2: Option<Step2>,
}

const GUIDE: [Expected; 23] = [
    // Lines 58-263. Documents 96-165 (13 bullets; the "o" items at 135-155 are sub-bullets).
    // Fee table 167-222: by years 182/199/203/216/218, Priority 205, 0,5 АЕК (2 162.5) 209-211,
    // 5 working days 213-215. Step 2 (238-259): 243, 245, 249; 253 only informs.
    Expected {
        id: "work-visa-invitation",
        from: 58,
        fee: Fee::ByYears(["370000", "460000", "550000", "640000", "730000"]),
        priority: Some("150000"),
        manager: None,
        duty: Duty::Mrp {
            multiple: "0.5",
            printed_kzt: "2162.5",
        },
        processing: Processing::WorkingDays { days: 5 },
        docs: Docs::Exactly(13),
        step2: Some(Step2 {
            place: Step2Place::EmbassyOrAirport,
            documents: 3,
        }),
    },
    // Lines 273-446 (heading at 281). Documents 304-388 (18 bullets). Fee table 390-426:
    // by years 404/416-422, Priority 150 000 and 30 АЕК (129 750) at 411-413, 5 working days 414.
    Expected {
        id: "work-visa-in-kz",
        from: 273,
        fee: Fee::ByYears(["370000", "460000", "550000", "640000", "730000"]),
        priority: Some("150000"),
        manager: None,
        duty: Duty::Mrp {
            multiple: "30",
            printed_kzt: "129750",
        },
        processing: Processing::WorkingDays { days: 5 },
        docs: Docs::Exactly(18),
        step2: None,
    },
    // Lines 456-476 (heading printed at 502, inside the investor section). No fee table, no
    // processing time, no document bullets: "the list of required documents stays the same" (466).
    Expected {
        id: "work-visa-extension",
        from: 456,
        fee: Fee::NotGiven,
        priority: None,
        manager: None,
        duty: Duty::NotStated,
        processing: Processing::NotGiven,
        docs: Docs::NotListed {
            same_as: &["work-visa-in-kz"],
        },
        step2: None,
    },
    // Lines 490-651. Documents 521-557 (10 bullets). Fee table 579-613: by years 591/603-609,
    // Priority 150 000 and "-" duty at 598, 5 working days 599-601. Step 2 (625-647): 631, 633,
    // 637; 641 only informs.
    Expected {
        id: "investor-a5-invitation",
        from: 490,
        fee: Fee::ByYears(["370000", "460000", "550000", "640000", "730000"]),
        priority: Some("150000"),
        manager: None,
        duty: Duty::Dash,
        processing: Processing::WorkingDays { days: 5 },
        docs: Docs::Exactly(10),
        step2: Some(Step2 {
            place: Step2Place::EmbassyOrAirport,
            documents: 3,
        }),
    },
    // Lines 656-786 (heading at 652). Documents 678-725 (12 bullets). Fee table 727-778: by years
    // 741/768-774 (printed "жылғы дейін"), Priority 748, "-" duty 756, 5 working days 764-766.
    Expected {
        id: "investor-a5-in-kz",
        from: 656,
        fee: Fee::ByYears(["370000", "460000", "550000", "640000", "730000"]),
        priority: Some("150000"),
        manager: None,
        duty: Duty::Dash,
        processing: Processing::WorkingDays { days: 5 },
        docs: Docs::Exactly(12),
        step2: None,
    },
    // Lines 798-933 (heading at 790). Documents 831-865 (10 bullets). Fee table 867-901: by years
    // 882/891-897, "150 000 KZT - 5 жұмыс күні" at 889. Step 2 at an embassy only (913-929):
    // 917, 919, 923; 927 only informs.
    Expected {
        id: "investor-a6-invitation",
        from: 798,
        fee: Fee::ByYears(["370000", "460000", "550000", "640000", "730000"]),
        priority: Some("150000"),
        manager: None,
        duty: Duty::Dash,
        processing: Processing::WorkingDays { days: 5 },
        docs: Docs::Exactly(10),
        step2: Some(Step2 {
            place: Step2Place::EmbassyOnly,
            documents: 3,
        }),
    },
    // Lines 945-968 (heading at 951). No fee table, no processing time, no document bullets
    // ("өзгеріссіз қалады", 964). There is no "A6 in Kazakhstan" service: the nearest lists are the
    // A6 invitation and the A5 visa in Kazakhstan.
    Expected {
        id: "investor-a6-extension",
        from: 945,
        fee: Fee::NotGiven,
        priority: None,
        manager: None,
        duty: Duty::NotStated,
        processing: Processing::NotGiven,
        docs: Docs::NotListed {
            same_as: &["investor-a6-invitation", "investor-a5-in-kz"],
        },
        step2: None,
    },
    // Lines 976-1033. Documents 986-1018 (11 bullets). Fee table 1025-1033: 1 440 000 KZT,
    // 4 АЕК (17 300 KZT), 45 working days; no Priority, no Personal Manager.
    Expected {
        id: "residence-permit",
        from: 976,
        fee: Fee::Flat("1440000"),
        priority: None,
        manager: None,
        duty: Duty::Mrp {
            multiple: "4",
            printed_kzt: "17300",
        },
        processing: Processing::WorkingDays { days: 45 },
        docs: Docs::Exactly(11),
        step2: None,
    },
    // Lines 1040-1189. Documents 1074-1159 (19 bullets; the "o" items at 1131-1151 do not count).
    // Fee table 1163-1183: employee 120 000 (1173), expert 100 000 (1179), no currency printed;
    // Priority 60 000 KZT (1175, one cell for both rows); 1 working day (1177, 1179); no state
    // duty column.
    Expected {
        id: "temporary-residence-permit",
        from: 1040,
        fee: Fee::ByCategory {
            employee: "120000",
            expert: "100000",
        },
        priority: Some("60000"),
        manager: None,
        duty: Duty::NotStated,
        processing: Processing::WorkingDays { days: 1 },
        docs: Docs::Exactly(19),
        step2: None,
    },
    // Lines 1202-1342 (heading at 1232, inside the process). Documents 1244-1270 (8 bullets).
    // Fee table 1272-1305: "00 000 KZT" (1286), Priority 40 000 (1286, marked **), Personal
    // Manager 170 000 (1289, marked *), 0.5 АЕК (2 162.5) 1291-1293, 5 working days 1295-1297.
    // Step 2 (1314-1336): 1320, 1322, 1326; 1330 only informs.
    Expected {
        id: "business-single-invitation",
        from: 1202,
        fee: Fee::Unconfirmed("00 000 KZT"),
        priority: Some("40000"),
        manager: Some("170000"),
        duty: Duty::Mrp {
            multiple: "0.5",
            printed_kzt: "2162.5",
        },
        processing: Processing::WorkingDays { days: 5 },
        docs: Docs::Exactly(8),
        step2: Some(Step2 {
            place: Step2Place::EmbassyOrAirport,
            documents: 3,
        }),
    },
    // Lines 1352-1372 (heading at 1378). No fee table, no processing time, no document bullets
    // ("өзгеріссіз қалады", 1362). There is no single-entry visa in Kazakhstan: the nearest lists
    // are the single-entry invitation and the multiple-entry visa in Kazakhstan.
    Expected {
        id: "business-single-extension",
        from: 1352,
        fee: Fee::NotGiven,
        priority: None,
        manager: None,
        duty: Duty::NotStated,
        processing: Processing::NotGiven,
        docs: Docs::NotListed {
            same_as: &["business-single-invitation", "business-multi-in-kz"],
        },
        step2: None,
    },
    // Lines 1389-1556 (heading at 1445, inside the documents). Documents 1429-1475 (10 bullets,
    // split by page 23). Fee table 1477-1511: 20 000 (1494), Priority 40 000 (1497), Personal
    // Manager 170 000 (1498), 0.5 АЕК (2 162.5) 1500-1502, 5 working days 1503. Step 2
    // (1523-1552): 1529, 1531, 1535; 1546 only informs.
    Expected {
        id: "business-multi-invitation",
        from: 1389,
        fee: Fee::Flat("20000"),
        priority: Some("40000"),
        manager: Some("170000"),
        duty: Duty::Mrp {
            multiple: "0.5",
            printed_kzt: "2162.5",
        },
        processing: Processing::WorkingDays { days: 5 },
        docs: Docs::Exactly(10),
        step2: Some(Step2 {
            place: Step2Place::EmbassyOrAirport,
            documents: 3,
        }),
    },
    // Lines 1564-1680 (heading at 1560). Documents 1594-1639 (14 bullets). Fee table 1641-1672:
    // 20 000 (1655), Priority 40 000 (1658), Personal Manager 170 000 (1659), 30 АЕК (129 750)
    // 1661-1663, 5 working days 1664.
    Expected {
        id: "business-multi-in-kz",
        from: 1564,
        fee: Fee::Flat("20000"),
        priority: Some("40000"),
        manager: Some("170000"),
        duty: Duty::Mrp {
            multiple: "30",
            printed_kzt: "129750",
        },
        processing: Processing::WorkingDays { days: 5 },
        docs: Docs::Exactly(14),
        step2: None,
    },
    // Lines 1690-1711 (heading at 1696). No fee table, no processing time, no document bullets
    // ("өзгеріссіз қалады", 1701).
    Expected {
        id: "business-multi-extension",
        from: 1690,
        fee: Fee::NotGiven,
        priority: None,
        manager: None,
        duty: Duty::NotStated,
        processing: Processing::NotGiven,
        docs: Docs::NotListed {
            same_as: &["business-multi-in-kz"],
        },
        step2: None,
    },
    // Lines 1721-1789 (heading at 1717). Documents 1749-1772 (8 bullets). Fee table 1774-1781:
    // "20 000   KZT - 1 жұмыс күні".
    Expected {
        id: "visa-cancellation-departed",
        from: 1721,
        fee: Fee::Flat("20000"),
        priority: None,
        manager: None,
        duty: Duty::Dash,
        processing: Processing::WorkingDays { days: 1 },
        docs: Docs::Exactly(8),
        step2: None,
    },
    // Lines 1797-1866 (heading at 1795). Documents 1825-1854 (9 bullets). The "Тарифтер мен
    // мерзімдер" heading at 1856 is empty; the table is printed inside the qualification section
    // at 1902-1916: 20 000 KZT, 0.5 АЕК (2 162.5 KZT), 5 working days. The "15 working days" at
    // 1864 is how long the exit visa lasts, not the processing time.
    Expected {
        id: "visa-cancellation-exit-visa",
        from: 1797,
        fee: Fee::Flat("20000"),
        priority: None,
        manager: None,
        duty: Duty::Mrp {
            multiple: "0.5",
            printed_kzt: "2162.5",
        },
        processing: Processing::WorkingDays { days: 5 },
        docs: Docs::Exactly(9),
        step2: None,
    },
    // Lines 1872-1956. No "Қажетті құжаттар" heading: the documents are the bullets after "upload
    // the required documents, including:" (1900): 1917, 1921, 1923, 1925 (4). 1927 says you may
    // also attach diplomas, certificates, a portfolio (optional: 4 or 5 accepted); 1935 and 1939
    // only inform. Fee table 1947-1956: 60 000 KZT, 30 working days, no state duty column.
    Expected {
        id: "qualification-review",
        from: 1872,
        fee: Fee::Flat("60000"),
        priority: None,
        manager: None,
        duty: Duty::NotStated,
        processing: Processing::WorkingDays { days: 30 },
        docs: Docs::OneOf(&[4, 5]),
        step2: None,
    },
    // Lines 2008-2038 (heading at 1986, inside the shared intro 1961-2000). No bullets: the text
    // (2014-2020) asks for the address in Kazakhstan (data), the consent to personal data
    // processing and a copy of the passport used at the border: 2 documents, or 3 if the address
    // is kept as an item. Fee table 2028-2038: 10 000 KZT, 30 minutes.
    Expected {
        id: "arrival-notification",
        from: 2008,
        fee: Fee::Flat("10000"),
        priority: None,
        manager: None,
        duty: Duty::NotStated,
        processing: Processing::Minutes { min: 30, max: 30 },
        docs: Docs::OneOf(&[2, 3]),
        step2: None,
    },
    // Lines 2048-2102 (heading at 2061). Documents 2062-2066 (2 bullets). Fee table 2068-2102:
    // "ЖСН қалыптастыру 10 000 KZT 10 000 KZT 70 000 KZT" (2091): fee, Priority (**), Personal
    // Manager (*); 1 working day (2092-2094).
    Expected {
        id: "iin",
        from: 2048,
        fee: Fee::Flat("10000"),
        priority: Some("10000"),
        manager: Some("70000"),
        duty: Duty::NotStated,
        processing: Processing::WorkingDays { days: 1 },
        docs: Docs::Exactly(2),
        step2: None,
    },
    // Lines 2110-2175 (heading at 2151, inside the last bullet). Documents 2122-2154 (3 bullets;
    // the third, 2142-2154, names several copies in one bullet and counts once). Fee table
    // 2156-2175: 50 000 KZT, Personal Manager 150 000 KZT, 3-5 working days; no Priority column.
    Expected {
        id: "tax-residency-certificate",
        from: 2110,
        fee: Fee::Flat("50000"),
        priority: None,
        manager: Some("150000"),
        duty: Duty::NotStated,
        processing: Processing::WorkingDaysRange { min: 3, max: 5 },
        docs: Docs::Exactly(3),
        step2: None,
    },
    // Lines 2183-2261 (heading at 2231, inside a bullet). Documents 2195-2240: 8 bullets, of which
    // 2227-2234 (what the internal affairs letter must contain) and 2236-2240 (when that letter is
    // not needed) only inform: 6 documents, or 8 counting every bullet. Fee table 2242-2261:
    // 50 000 KZT, Personal Manager 150 000 KZT, 3-5 working days.
    Expected {
        id: "tax-residency-certificate-itrp",
        from: 2183,
        fee: Fee::Flat("50000"),
        priority: None,
        manager: Some("150000"),
        duty: Duty::NotStated,
        processing: Processing::WorkingDaysRange { min: 3, max: 5 },
        docs: Docs::OneOf(&[6, 8]),
        step2: None,
    },
    // Lines 2267-2344 (heading at 2309). No "Қажетті құжаттар" heading: "Жеке тұлға үшін" 2291,
    // 2293 and "Заңды тұлға үшін" 2297, 2299, 2301 (5 bullets, or 3 documents when the pki.gov.kz
    // request and the consent shared by both lists are entered once). 2275/2277 are what the
    // online form asks (IIN, BIN), not documents. Fee table 2313-2344: 10 000 KZT, Priority
    // 10 000 KZT (**), Personal Manager 70 000 KZT (*), 1 working day (2336).
    Expected {
        id: "digital-signature",
        from: 2267,
        fee: Fee::Flat("10000"),
        priority: Some("10000"),
        manager: Some("70000"),
        duty: Duty::NotStated,
        processing: Processing::WorkingDays { days: 1 },
        docs: Docs::OneOf(&[3, 5]),
        step2: None,
    },
    // Lines 2352-2380 (heading at 2393). Documents 2360-2368 (4 bullets). Fee table 2370-2374:
    // 10 000 KZT, 20-30 minutes.
    Expected {
        id: "fingerprinting",
        from: 2352,
        fee: Fee::Flat("10000"),
        priority: None,
        manager: None,
        duty: Duty::NotStated,
        processing: Processing::Minutes { min: 20, max: 30 },
        docs: Docs::Exactly(4),
        step2: None,
    },
];

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("bad decimal literal {s:?}: {e}"))
}

fn opt_dec(s: Option<&str>) -> Option<Decimal> {
    s.map(dec)
}

/// Runs `check` on every service of the table found in the catalogue; a missing service is a
/// failure too. Panics with every failure at once.
fn check_each(kind: &str, check: impl Fn(&Expected, &Service) -> Vec<String>) {
    let cat = catalogue();
    let mut failures = Vec::new();
    for e in &GUIDE {
        match cat.service(e.id) {
            Some(s) => failures.extend(
                check(e, s)
                    .into_iter()
                    .map(|f| format!("{}: {kind}: {f}", e.id)),
            ),
            None => failures.push(format!(
                "{}: {kind}: service missing from the catalogue",
                e.id
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} {kind} mismatch(es) with the guide:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn expected_docs(id: &str) -> usize {
    match GUIDE.iter().find(|e| e.id == id).map(|e| &e.docs) {
        Some(Docs::Exactly(n)) => *n,
        other => panic!("table: {id} is not a service with an exact document count: {other:?}"),
    }
}

// ---- the table itself ----

#[test]
fn table_lists_the_23_services_in_order() {
    let ids: Vec<&str> = GUIDE.iter().map(|e| e.id).collect();
    assert_eq!(ids, IDS);
    let firsts: Vec<u32> = GUIDE.iter().map(|e| e.from).collect();
    assert!(
        firsts.windows(2).all(|w| w[0] < w[1]),
        "table: first lines are not increasing: {firsts:?}"
    );
}

#[test]
fn table_state_duty_kzt_is_multiple_times_the_2026_mrp() {
    let mrp = dec(MRP_KZT);
    for e in &GUIDE {
        if let Duty::Mrp {
            multiple,
            printed_kzt,
        } = e.duty
        {
            assert_eq!(
                dec(multiple) * mrp,
                dec(printed_kzt),
                "table: {}: {multiple} АЕК × {MRP_KZT} ≠ {printed_kzt}",
                e.id
            );
        }
    }
}

// ---- the catalogue against the table ----

#[test]
fn catalogue_has_exactly_the_23_services() {
    let cat = catalogue();
    let expected: BTreeSet<&str> = IDS.into_iter().collect();
    let actual: Vec<&str> = cat.services.iter().map(|s| s.id.as_str()).collect();
    let actual_set: BTreeSet<&str> = actual.iter().copied().collect();
    let missing: Vec<&&str> = expected.difference(&actual_set).collect();
    let unexpected: Vec<&&str> = actual_set.difference(&expected).collect();
    let duplicates: BTreeSet<&str> = actual
        .iter()
        .copied()
        .filter(|id| actual.iter().filter(|a| *a == id).count() > 1)
        .collect();
    assert!(
        missing.is_empty() && unexpected.is_empty() && duplicates.is_empty(),
        "service ids: expected the 23 of the guide, got {} services; missing {missing:?}, \
         unexpected {unexpected:?}, duplicated {duplicates:?}",
        actual.len()
    );
}

#[test]
fn service_fees_match_the_guide() {
    check_each("service fee", |e, s| {
        let actual = &s.fees.service_fee;
        let ok = match (&e.fee, actual) {
            (Fee::Flat(a), ServiceFee::Flat { amount }) => dec(a) == *amount,
            (Fee::ByYears(amounts), ServiceFee::ByYears { rows }) => {
                rows.len() == 5
                    && rows.iter().zip(amounts).enumerate().all(|(i, (r, a))| {
                        usize::from(r.up_to_years) == i + 1 && r.amount == dec(a)
                    })
            }
            (Fee::ByCategory { employee, expert }, ServiceFee::ByCategory { rows }) => {
                let amount = |id: &str| {
                    let found: Vec<Decimal> = rows
                        .iter()
                        .filter(|r| r.id == id)
                        .map(|r| r.amount)
                        .collect();
                    (found.len() == 1).then(|| found[0])
                };
                rows.len() == 2
                    && amount("employee") == Some(dec(employee))
                    && amount("expert") == Some(dec(expert))
            }
            (Fee::Unconfirmed(p), ServiceFee::Unconfirmed { printed, .. }) => {
                let norm = |t: &str| t.replace("KZT", "").split_whitespace().collect::<String>();
                norm(p) == norm(printed)
            }
            (Fee::NotGiven, ServiceFee::NotGiven { .. }) => true,
            _ => false,
        };
        if ok {
            vec![]
        } else {
            vec![format!("expected {:?}, got {actual:?}", e.fee)]
        }
    });
}

#[test]
fn priority_service_amounts_match_the_guide() {
    check_each("Priority Service", |e, s| {
        let expected = opt_dec(e.priority);
        if s.fees.priority == expected {
            vec![]
        } else {
            vec![format!("expected {expected:?}, got {:?}", s.fees.priority)]
        }
    });
}

#[test]
fn personal_manager_amounts_match_the_guide() {
    check_each("Personal Manager", |e, s| {
        let expected = opt_dec(e.manager);
        if s.fees.personal_manager == expected {
            vec![]
        } else {
            vec![format!(
                "expected {expected:?}, got {:?}",
                s.fees.personal_manager
            )]
        }
    });
}

#[test]
fn state_duties_match_the_guide() {
    let mrp = dec(MRP_KZT);
    check_each("state duty", |e, s| {
        let actual = &s.fees.state_duty;
        let mut failures = Vec::new();
        let ok = match (&e.duty, actual) {
            (
                Duty::Mrp {
                    multiple: m,
                    printed_kzt: k,
                },
                StateDuty::Mrp {
                    multiple,
                    printed_kzt,
                },
            ) => dec(m) == *multiple && dec(k) == *printed_kzt,
            (Duty::Dash, StateDuty::Dash) | (Duty::NotStated, StateDuty::NotStated) => true,
            _ => false,
        };
        if !ok {
            failures.push(format!("expected {:?}, got {actual:?}", e.duty));
        }
        if let StateDuty::Mrp {
            multiple,
            printed_kzt,
        } = actual
            && *multiple * mrp != *printed_kzt
        {
            failures.push(format!(
                "printed KZT {printed_kzt} is not {multiple} АЕК × {MRP_KZT} = {}",
                *multiple * mrp
            ));
        }
        failures
    });
}

#[test]
fn processing_times_match_the_guide() {
    check_each("processing time", |e, s| {
        if s.processing == e.processing {
            vec![]
        } else {
            vec![format!(
                "expected {:?}, got {:?}",
                e.processing, s.processing
            )]
        }
    });
}

#[test]
fn document_counts_match_the_guide() {
    check_each("required documents", |e, s| {
        let actual = s.documents.len();
        let (ok, expected) = match &e.docs {
            Docs::Exactly(n) => (actual == *n, format!("{n}")),
            Docs::OneOf(ns) => (ns.contains(&actual), format!("one of {ns:?}")),
            Docs::NotListed { same_as } => {
                let allowed: Vec<usize> = std::iter::once(0)
                    .chain(same_as.iter().map(|id| expected_docs(id)))
                    .collect();
                (
                    allowed.contains(&actual),
                    format!("none listed: 0, or the list of {same_as:?}: one of {allowed:?}"),
                )
            }
        };
        if ok {
            vec![]
        } else {
            vec![format!("expected {expected}, got {actual}")]
        }
    });
}

#[test]
fn step2_document_counts_match_the_guide() {
    check_each("step 2", |e, s| match (&e.step2, &s.step2) {
        (None, None) => vec![],
        (None, Some(a)) => vec![format!(
            "expected no step 2, got one at {:?} with {} documents",
            a.place,
            a.documents.len()
        )],
        (Some(x), None) => vec![format!(
            "expected a step 2 at {:?} with {} documents, got none",
            x.place, x.documents
        )],
        (Some(x), Some(a)) => {
            let mut failures = Vec::new();
            if a.documents.len() != x.documents {
                failures.push(format!(
                    "expected {} documents, got {}",
                    x.documents,
                    a.documents.len()
                ));
            }
            if a.place != x.place {
                failures.push(format!("expected place {:?}, got {:?}", x.place, a.place));
            }
            failures
        }
    });
}

#[test]
fn source_first_lines_match_the_guide() {
    check_each("source.from", |e, s| {
        let from = s.source.from;
        if from.abs_diff(e.from) <= FROM_TOLERANCE {
            vec![]
        } else {
            vec![format!(
                "expected line {} (± {FROM_TOLERANCE}), got {from} (range {}-{})",
                e.from, s.source.from, s.source.to
            )]
        }
    });
}
