//! Whole journeys: answers -> the service, and each person's documents from the real catalogue.
//!
//! Each row gives the answers as a share-link query, the expected service id, and per person
//! (the applicant first, then each family member) the document ids in catalogue order; `?` marks
//! an "if applicable" item (a condition the answers leave open). Step 2 lists are checked for
//! invitations. Employer documents must sit on the applicant's list only.

use expat_navigator::domain::catalogue::catalogue;
use expat_navigator::domain::checklist::{Applies, checklist};
use expat_navigator::domain::flow::{
    Answers, QuestionId, Reason, ServiceId, Step, answer, next, path,
};

struct Journey {
    name: &'static str,
    answers: &'static str,
    service: &'static str,
    people: &'static [&'static [&'static str]],
    step2: &'static [&'static str],
}

const COMPANY: [&str; 3] = [
    "company-registration-certificate",
    "shareholder-resolution-and-head-appointment",
    "power-of-attorney-and-representative-id",
];
const STEP2: &[&str] = &[
    "approved-invitation",
    "visa-application-form-with-photo",
    "passport",
];
/// Step 2 of the A5 and business invitations: the guide calls the invitation «Келісілген».
const STEP2_AGREED: &[&str] = &[
    "agreed-invitation",
    "visa-application-form-with-photo",
    "passport",
];

macro_rules! docs {
    (company $(, $d:literal)* $(,)?) => {
        &[COMPANY[0], COMPANY[1], COMPANY[2] $(, $d)*]
    };
    (branch $(, $d:literal)* $(,)?) => {
        &[COMPANY[0], COMPANY[1], "general-power-of-attorney-branch", COMPANY[2] $(, $d)*]
    };
    ($($d:literal),* $(,)?) => {
        &[$($d),*]
    };
}

const WORK_INVITATION_SPOUSE: &[&str] = docs![
    "visa-invitation-forms",
    "passport-copy",
    "state-duty-receipt",
    "principal-work-visa",
    "family-relationship-certificate",
    "personal-data-consent",
];
const WORK_IN_KZ_MEMBER: &[&str] = docs![
    "passport",
    "visa-application-form-with-photo",
    "visa-copy",
    "fingerprinting-certificate",
    "arrival-notification",
    "state-duty-payment-original",
    "current-work-visa",
    "family-relationship-certificate",
    "personal-data-consent",
];
const TRP_EACH: [&str; 9] = [
    "trp-application-form",
    "passport",
    "passport-border-stamp-page-copy",
    "foreign-citizen-iin",
    "current-trp",
    "housing-owner-notarised-consent",
    "notification-of-arrival",
    "fingerprinting-certificate",
    "medical-insurance-copy",
];
const RP_MEMBER: &[&str] = docs![
    "permanent-residence-application-form",
    "passport",
    "no-criminal-record-certificate",
    "medical-certificate-028u",
    "photo-3-5x4-5",
    "current-investor-visa-copy",
    "state-duty-receipt",
    "fingerprinting-certificate",
];
const RP_CHILD_14_18: &[&str] = docs![
    "permanent-residence-application-form",
    "passport",
    "no-criminal-record-certificate",
    "medical-certificate-028u",
    "photo-3-5x4-5",
    "current-investor-visa-copy",
    "state-duty-receipt",
    "fingerprinting-certificate",
    "child-permanent-residence-consent",
];

const JOURNEYS: &[Journey] = &[
    Journey {
        name: "typical employee from abroad",
        answers: "need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0",
        service: "work-visa-invitation",
        people: &[docs![
            company,
            "visa-invitation-forms",
            "passport-copy",
            "state-duty-receipt",
            "employment-contract",
            "qualification-documents",
            "foreign-employee-record-form",
        ]],
        step2: STEP2,
    },
    Journey {
        name: "employee from abroad with spouse and a 15-year-old, through a branch office",
        answers: "need=work&where=outside&citizenship=other&submitter=asp&branch=yes&family=2&member1=spouse&member2=child-14-18",
        service: "work-visa-invitation",
        people: &[
            docs![
                branch,
                "visa-invitation-forms",
                "passport-copy",
                "state-duty-receipt",
                "employment-contract",
                "qualification-documents",
                "foreign-employee-record-form",
            ],
            WORK_INVITATION_SPOUSE,
            WORK_INVITATION_SPOUSE,
        ],
        step2: STEP2,
    },
    Journey {
        name: "EAEU citizen for 31-90 days: the 90-day rule keeps the work visa",
        answers: "need=work&where=outside&citizenship=eaeu&stay=31-90&submitter=employer&branch=no&family=0",
        service: "work-visa-invitation",
        people: &[docs![
            company,
            "visa-invitation-forms",
            "passport-copy",
            "state-duty-receipt",
            "employment-contract",
            "qualification-documents",
            "foreign-employee-record-form",
        ]],
        step2: STEP2,
    },
    Journey {
        name: "CIS citizen for up to 30 days",
        answers: "need=work&where=outside&citizenship=cis&stay=up-to-30&submitter=asp&branch=no&family=0",
        service: "work-visa-invitation",
        people: &[docs![
            company,
            "visa-invitation-forms",
            "passport-copy",
            "state-duty-receipt",
            "employment-contract",
            "qualification-documents",
            "foreign-employee-record-form",
        ]],
        step2: STEP2,
    },
    Journey {
        name: "employee in Kazakhstan without a visa, with a child under 14",
        answers: "need=work&where=inside&citizenship=other&visa=none&submitter=employer&branch=no&family=1&member1=child-under-14",
        service: "work-visa-in-kz",
        people: &[
            docs![
                company,
                "visa-petition-letter",
                "passport",
                "visa-application-form-with-photo",
                "visa-copy",
                "fingerprinting-certificate",
                "arrival-notification",
                "employment-contract-work-in-kz",
                "enbek-employment-certificate",
                "state-duty-payment-original",
                "qualification-documents",
                "foreign-employee-record-form",
            ],
            WORK_IN_KZ_MEMBER,
        ],
        step2: &[],
    },
    Journey {
        name: "work visa holder, same host: extension (the guide lists no documents)",
        answers: "need=work&where=inside&citizenship=other&visa=work&host=same&submitter=employer",
        service: "work-visa-extension",
        people: &[&[]],
        step2: &[],
    },
    Journey {
        name: "work visa holder, new host: a new application",
        answers: "need=work&where=inside&citizenship=other&visa=work&host=new&submitter=asp&branch=yes&family=0",
        service: "work-visa-in-kz",
        people: &[docs![
            branch,
            "visa-petition-letter",
            "passport",
            "visa-application-form-with-photo",
            "visa-copy",
            "fingerprinting-certificate",
            "arrival-notification",
            "employment-contract-work-in-kz",
            "enbek-employment-certificate",
            "state-duty-payment-original",
            "qualification-documents",
            "foreign-employee-record-form",
        ]],
        step2: &[],
    },
    Journey {
        name: "EAEU citizen for more than 90 days, from abroad: TRP",
        answers: "need=work&where=outside&citizenship=eaeu&stay=over-90&submitter=employer&branch=no&family=0",
        service: "temporary-residence-permit",
        people: &[&[
            COMPANY[0],
            COMPANY[1],
            COMPANY[2],
            TRP_EACH[0],
            TRP_EACH[1],
            TRP_EACH[2],
            TRP_EACH[3],
            TRP_EACH[4],
            TRP_EACH[5],
            TRP_EACH[6],
            TRP_EACH[7],
            TRP_EACH[8],
            "applicant-employment-contract",
            "enbek-workplace-certificate",
            "qualification-documents",
            "foreign-employee-record-form",
        ]],
        step2: &[],
    },
    Journey {
        name: "CIS citizen for 31-90 days in Kazakhstan with a spouse: TRP",
        answers: "need=work&where=inside&citizenship=cis&stay=31-90&submitter=asp&branch=yes&family=1&member1=spouse",
        service: "temporary-residence-permit",
        people: &[
            &[
                COMPANY[0],
                COMPANY[1],
                "general-power-of-attorney-branch",
                COMPANY[2],
                TRP_EACH[0],
                TRP_EACH[1],
                TRP_EACH[2],
                TRP_EACH[3],
                TRP_EACH[4],
                TRP_EACH[5],
                TRP_EACH[6],
                TRP_EACH[7],
                TRP_EACH[8],
                "applicant-employment-contract",
                "enbek-workplace-certificate",
                "qualification-documents",
                "foreign-employee-record-form",
            ],
            &[
                TRP_EACH[0],
                TRP_EACH[1],
                TRP_EACH[2],
                TRP_EACH[3],
                TRP_EACH[4],
                TRP_EACH[5],
                TRP_EACH[6],
                TRP_EACH[7],
                TRP_EACH[8],
                "family-relationship-certificate-trp",
                "personal-data-consent",
            ],
        ],
        step2: &[],
    },
    Journey {
        name: "A5 investor from abroad with a spouse",
        answers: "need=invest&investor=a5&where=outside&branch=no&family=1&member1=spouse",
        service: "investor-a5-invitation",
        people: &[
            docs![
                company,
                "visa-invitation-letters",
                "passport-copy",
                "investor-support-petition",
                "personal-data-consent",
            ],
            docs![
                "visa-invitation-letters",
                "passport-copy",
                "principal-investor-visa",
                "family-relationship-certificate-a5-invitation",
                "personal-data-consent",
            ],
        ],
        step2: STEP2_AGREED,
    },
    Journey {
        name: "A5 investor in Kazakhstan",
        answers: "need=invest&investor=a5&where=inside&branch=yes&family=0",
        service: "investor-a5-in-kz",
        people: &[docs![
            branch,
            "investor-support-petition",
            "passport",
            "visa-application-form-with-photo",
            "visa-copy",
            "fingerprinting-certificate",
            "arrival-notification",
            "personal-data-consent",
        ]],
        step2: &[],
    },
    Journey {
        name: "AIFC investment resident from abroad: A6 invitation",
        answers: "need=invest&investor=a6&where=outside&branch=no&family=0",
        service: "investor-a6-invitation",
        people: &[docs![
            company,
            "visa-invitation-letters",
            "passport-copy",
            "aifc-administration-petition",
            "personal-data-consent",
        ]],
        step2: STEP2,
    },
    Journey {
        name: "A6 holder, same host: extension",
        answers: "need=invest&investor=a6&where=inside&visa=a6&host=same",
        service: "investor-a6-extension",
        people: &[&[]],
        step2: &[],
    },
    Journey {
        name: "A6 holder, new host: a new A6 invitation",
        answers: "need=invest&investor=a6&where=inside&visa=a6&host=new&branch=no&family=0",
        service: "investor-a6-invitation",
        people: &[docs![
            company,
            "visa-invitation-letters",
            "passport-copy",
            "aifc-administration-petition",
            "personal-data-consent",
        ]],
        step2: STEP2,
    },
    Journey {
        name: "investor with an A5 visa living in Kazakhstan, with spouse and a 16-year-old: residence permit",
        answers: "need=live&where=inside&visa=a5&family=2&member1=spouse&member2=child-14-18",
        service: "residence-permit",
        people: &[
            docs![
                "permanent-residence-application-form",
                "passport",
                "solvency-document",
                "no-criminal-record-certificate",
                "medical-certificate-028u",
                "photo-3-5x4-5",
                "current-investor-visa-copy",
                "state-duty-receipt",
                "fingerprinting-certificate",
                "housing-contract-or-statement",
            ],
            RP_MEMBER,
            RP_CHILD_14_18,
        ],
        step2: &[],
    },
    Journey {
        name: "residence permit with another relative: the child's consent is 'if applicable'",
        answers: "need=live&where=inside&visa=a6&family=1&member1=other",
        service: "residence-permit",
        people: &[
            docs![
                "permanent-residence-application-form",
                "passport",
                "solvency-document",
                "no-criminal-record-certificate",
                "medical-certificate-028u",
                "photo-3-5x4-5",
                "current-investor-visa-copy",
                "state-duty-receipt",
                "fingerprinting-certificate",
                "housing-contract-or-statement",
            ],
            docs![
                "permanent-residence-application-form",
                "passport",
                "no-criminal-record-certificate",
                "medical-certificate-028u",
                "photo-3-5x4-5",
                "current-investor-visa-copy",
                "state-duty-receipt",
                "fingerprinting-certificate",
                "child-permanent-residence-consent?",
            ],
        ],
        step2: &[],
    },
    Journey {
        name: "wants to live in Kazakhstan, still abroad: the A6 visa first",
        answers: "need=live&where=outside&branch=no&family=0",
        service: "investor-a6-invitation",
        people: &[docs![
            company,
            "visa-invitation-letters",
            "passport-copy",
            "aifc-administration-petition",
            "personal-data-consent",
        ]],
        step2: STEP2,
    },
    Journey {
        name: "conference speaker from abroad (B1)",
        answers: "need=business&purpose=events&where=outside&submitter=employer&branch=no",
        service: "business-single-invitation",
        people: &[docs![
            company,
            "visa-invitation-letters",
            "passport-copy",
            "state-duty-payment-original",
            "personal-data-consent",
        ]],
        step2: STEP2_AGREED,
    },
    Journey {
        name: "business immigrant from abroad (C5), inviting party a branch",
        answers: "need=business&purpose=immigrant&where=outside&submitter=asp&branch=yes",
        service: "business-single-invitation",
        people: &[docs![
            branch,
            "visa-invitation-letters",
            "passport-copy",
            "state-duty-payment-original",
            "personal-data-consent",
        ]],
        step2: STEP2_AGREED,
    },
    Journey {
        name: "auditor, several entries, from abroad (B2)",
        answers: "need=business&purpose=services&entries=multiple&where=outside&submitter=employer&branch=no",
        service: "business-multi-invitation",
        people: &[docs![
            company,
            "visa-invitation-letters",
            "passport-copy",
            "state-duty-payment-original",
            "b2-services-contract",
            "personal-data-consent",
        ]],
        step2: STEP2_AGREED,
    },
    Journey {
        name: "board member, several entries, in Kazakhstan without a visa (B3)",
        answers: "need=business&purpose=negotiations&entries=multiple&where=inside&visa=none&submitter=asp&branch=no",
        service: "business-multi-in-kz",
        people: &[docs![
            company,
            "visa-petition",
            "passport",
            "visa-application-form-with-photo",
            "visa-copy",
            "fingerprinting-certificate",
            "arrival-notification",
            "state-duty-payment-original",
            "b3-founder-or-board-confirmation",
            "personal-data-consent",
        ]],
        step2: &[],
    },
    Journey {
        name: "negotiator with a single-entry visa, same host: extension (disputed)",
        answers: "need=business&purpose=negotiations&entries=single&where=inside&visa=business-single&host=same&submitter=employer",
        service: "business-single-extension",
        people: &[&[]],
        step2: &[],
    },
    Journey {
        name: "installer in Kazakhstan, single entry wanted: single-entry visas come by invitation",
        answers: "need=business&purpose=services&entries=single&where=inside&visa=none&submitter=employer&branch=no",
        service: "business-single-invitation",
        people: &[docs![
            company,
            "visa-invitation-letters",
            "passport-copy",
            "state-duty-payment-original",
            "personal-data-consent",
        ]],
        step2: STEP2_AGREED,
    },
    Journey {
        name: "multiple-entry visa holder, same host: extension",
        answers: "need=business&purpose=services&entries=multiple&where=inside&visa=business-multi&host=same&submitter=asp",
        service: "business-multi-extension",
        people: &[&[]],
        step2: &[],
    },
    Journey {
        name: "cancel the visa of an employee who left, with a spouse",
        answers: "need=cancel&where=outside&submitter=employer&branch=no&family=1&member1=spouse",
        service: "visa-cancellation-departed",
        people: &[
            docs![
                company,
                "visa-cancellation-petition",
                "passport-copy",
                "current-visa-copy",
                "employment-termination-order",
            ],
            docs!["passport-copy", "current-visa-copy"],
        ],
        step2: &[],
    },
    Journey {
        name: "cancel the visa of an employee still in Kazakhstan: exit visa",
        answers: "need=cancel&where=inside&submitter=asp&branch=yes",
        service: "visa-cancellation-exit-visa",
        people: &[docs![
            branch,
            "visa-cancellation-exit-visa-application",
            "passport",
            "fingerprinting-certificate",
            "arrival-notification",
            "state-duty-payment-original",
        ]],
        step2: &[],
    },
    Journey {
        name: "waiver of qualification requirements",
        answers: "need=qualification",
        service: "qualification-review",
        people: &[docs![
            "qualification-review-application",
            "personal-data-consent",
            "passport-copy",
            "cv-with-work-experience",
        ]],
        step2: &[],
    },
    Journey {
        name: "arrival notification for an employee and a spouse",
        answers: "need=registration&registration=arrival&family=1&member1=spouse",
        service: "arrival-notification",
        people: &[
            docs![
                "residence-address-in-kazakhstan",
                "personal-data-consent",
                "border-crossing-passport-copy"
            ],
            docs![
                "residence-address-in-kazakhstan",
                "personal-data-consent",
                "border-crossing-passport-copy"
            ],
        ],
        step2: &[],
    },
    Journey {
        name: "IIN",
        answers: "need=registration&registration=iin&family=0",
        service: "iin",
        people: &[docs![
            "entry-passport-original",
            "personal-data-processing-consent"
        ]],
        step2: &[],
    },
    Journey {
        name: "tax residency certificate for an individual",
        answers: "need=registration&registration=tax-residency&applicant-type=individual",
        service: "tax-residency-certificate",
        people: &[docs![
            "tax-residency-certificate-application",
            "notarised-passport-stay-and-residence-permit-copies"
        ]],
        step2: &[],
    },
    Journey {
        name: "tax residency certificate for a legal entity",
        answers: "need=registration&registration=tax-residency&applicant-type=legal-entity",
        service: "tax-residency-certificate",
        people: &[docs![
            "tax-residency-certificate-application",
            "effective-management-place-proof"
        ]],
        step2: &[],
    },
    Journey {
        name: "tax residency certificate for an AIFC investment resident",
        answers: "need=registration&registration=tax-residency-itrp",
        service: "tax-residency-certificate-itrp",
        people: &[docs![
            "tax-residency-application",
            "notarised-e-copy-passport-or-stateless-id",
            "notarised-e-copy-stay-document",
            "residency-document-fee-payment-proof",
            "aifc-itrp-investment-confirmation-letter",
            "mia-former-citizenship-letter",
        ]],
        step2: &[],
    },
    Journey {
        name: "digital signature for an individual",
        answers: "need=registration&registration=digital-signature&applicant-type=individual",
        service: "digital-signature",
        people: &[docs!["pki-application", "personal-data-processing-consent"]],
        step2: &[],
    },
    Journey {
        name: "digital signature for a legal entity",
        answers: "need=registration&registration=digital-signature&applicant-type=legal-entity",
        service: "digital-signature",
        people: &[docs![
            "pki-application",
            "head-appointment-order",
            "personal-data-processing-consent"
        ]],
        step2: &[],
    },
    Journey {
        name: "fingerprinting for a family of three",
        answers: "need=registration&registration=fingerprinting&family=2&member1=spouse&member2=child-adult",
        service: "fingerprinting",
        people: &[
            docs![
                "iin-document",
                "passport",
                "notification-of-arrival",
                "personal-data-consent"
            ],
            docs![
                "iin-document",
                "passport",
                "notification-of-arrival",
                "personal-data-consent"
            ],
            docs![
                "iin-document",
                "passport",
                "notification-of-arrival",
                "personal-data-consent"
            ],
        ],
        step2: &[],
    },
];

/// Parsed by hand (not by `share::decode`), so these tests stand on the flow alone.
fn parse(query: &str) -> Answers {
    let mut answers = Answers::new();
    for pair in query.split('&') {
        let (q, v) = pair.split_once('=').unwrap();
        let q: QuestionId = q.parse().unwrap_or_else(|_| panic!("unknown question {q}"));
        answer(&mut answers, q, v).unwrap_or_else(|e| panic!("{q}={v}: {e}"));
    }
    answers
}

fn listed(items: &[expat_navigator::domain::checklist::Item]) -> Vec<String> {
    items
        .iter()
        .map(|i| match i.applies {
            Applies::Unknown => format!("{}?", i.document.doc),
            _ => i.document.doc.to_owned(),
        })
        .collect()
}

#[test]
fn at_least_25_journeys_covering_every_service() {
    assert!(JOURNEYS.len() >= 25);
    for s in ServiceId::ALL {
        assert!(
            JOURNEYS.iter().any(|j| j.service == s.as_str()),
            "no journey ends in {s}"
        );
    }
}

#[test]
fn journeys_reach_their_service_with_every_answer_used() {
    for j in JOURNEYS {
        let answers = parse(j.answers);
        let Step::Done(outcome) = next(&answers) else {
            panic!("{}: still asking {:?}", j.name, next(&answers));
        };
        assert_eq!(outcome.service.as_str(), j.service, "{}", j.name);
        assert_eq!(
            path(&answers).len(),
            answers.len(),
            "{}: an answer is off the path",
            j.name
        );
    }
}

#[test]
fn journeys_give_each_person_their_documents() {
    let mut failures = Vec::new();
    for j in JOURNEYS {
        let answers = parse(j.answers);
        let Step::Done(outcome) = next(&answers) else {
            continue;
        };
        let list = checklist(&outcome, &answers, catalogue());
        let people: Vec<Vec<String>> = list.people.iter().map(|p| listed(&p.items)).collect();
        let expected: Vec<Vec<String>> = j
            .people
            .iter()
            .map(|p| p.iter().map(|d| d.to_string()).collect())
            .collect();
        if people != expected {
            failures.push(format!(
                "{}:\n  got      {people:?}\n  expected {expected:?}",
                j.name
            ));
        }
        for p in &list.people {
            let step2 = listed(&p.step2);
            if step2 != j.step2 {
                failures.push(format!(
                    "{}: person {} step 2 {step2:?}",
                    j.name, p.person.index
                ));
            }
            if p.person.index > 0 && p.items.iter().any(|i| i.employer_document) {
                failures.push(format!(
                    "{}: employer document on a family member's list",
                    j.name
                ));
            }
        }
        let keys: Vec<&str> = list.keys().collect();
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        if unique.len() != keys.len() {
            failures.push(format!("{}: duplicate item keys", j.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn journeys_explain_themselves() {
    let outcome = |name: &str| {
        let j = JOURNEYS.iter().find(|j| j.name.starts_with(name)).unwrap();
        match next(&parse(j.answers)) {
            Step::Done(o) => o,
            step => panic!("{name}: {step:?}"),
        }
    };
    let eaeu = outcome("EAEU citizen for more than 90 days");
    assert_eq!(
        eaeu.reasons[..2],
        [Reason::TrpEaeu, Reason::TrpInKazakhstan]
    );
    assert_eq!(eaeu.alternatives[0].service, ServiceId::WorkVisaInvitation);
    let typical = outcome("typical employee");
    assert_eq!(typical.alternatives[0].service, ServiceId::WorkVisaInKz);
    assert_eq!(
        typical.next_steps,
        [
            ServiceId::ArrivalNotification,
            ServiceId::Iin,
            ServiceId::Fingerprinting
        ]
    );
    assert_eq!(typical.visa_category, Some("C3"));
    let short_eaeu = outcome("EAEU citizen for 31-90 days");
    assert!(short_eaeu.reasons.contains(&Reason::NoTrpShortStay));
    let disputed = outcome("negotiator with a single-entry visa");
    assert!(disputed.reasons.contains(&Reason::SingleExtensionDisputed));
    let live = outcome("wants to live in Kazakhstan");
    assert!(live.next_steps.contains(&ServiceId::ResidencePermit));
    assert_eq!(live.reasons[0], Reason::RpNeedsInvestorVisa);
}
