//! The question texts match the routing exactly; ids and values parse and validate.

use std::collections::BTreeSet;

use super::text::texts;
use super::*;
use crate::domain::lang::{Lang, Text};

/// Every distinct text id the routing and the outcome page use.
fn used_text_ids() -> BTreeSet<&'static str> {
    QuestionId::all()
        .into_iter()
        .map(QuestionId::text_id)
        .collect()
}

/// The catalogue's checks, plus: English question texts hold no Cyrillic at all.
fn text_problems(owner: &str, text: &Text) -> Vec<String> {
    let mut problems = text.problems(owner);
    if text
        .get(Lang::En)
        .chars()
        .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    {
        problems.push(format!(
            "{owner}: Cyrillic in the English text {:?}",
            text.get(Lang::En)
        ));
    }
    problems
}

#[test]
fn every_question_has_words_in_both_languages_and_every_option_a_label() {
    let mut problems = Vec::new();
    for id in used_text_ids() {
        let q = QuestionId::all()
            .into_iter()
            .find(|q| q.text_id() == id)
            .unwrap();
        let Some(text) = question_text(q) else {
            problems.push(format!("{id}: no text in questions.json"));
            continue;
        };
        problems.extend(text_problems(id, &text.title));
        if let Some(hint) = &text.hint {
            problems.extend(text_problems(id, hint));
        }
        let data_options: Vec<&str> = text.options.iter().map(|o| o.id).collect();
        match q.kind() {
            Kind::Choice(codes) => {
                if data_options != codes {
                    problems.push(format!(
                        "{id}: options {data_options:?} differ from the routing's {codes:?} (same ids, same order)"
                    ));
                }
            }
            Kind::Count { .. } | Kind::Date => {
                if !data_options.is_empty() {
                    problems.push(format!("{id}: a count or date question has options"));
                }
            }
        }
        for option in text.options {
            let owner = format!("{id}.{}", option.id);
            problems.extend(text_problems(&owner, &option.label));
            if let Some(hint) = &option.hint {
                problems.extend(text_problems(&owner, hint));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "questions.json:\n{}",
        problems.join("\n")
    );
}

#[test]
fn no_question_or_reason_in_the_data_is_unused_or_doubled() {
    let used = used_text_ids();
    let mut seen = BTreeSet::new();
    for q in texts().questions {
        assert!(
            used.contains(q.id),
            "questions.json: {} is used by no question",
            q.id
        );
        assert!(seen.insert(q.id), "questions.json: {} twice", q.id);
    }
    let codes: BTreeSet<&str> = Reason::ALL.iter().map(|r| r.code()).collect();
    let mut seen = BTreeSet::new();
    for r in texts().reasons {
        assert!(
            codes.contains(r.id),
            "questions.json: reason {} is unused",
            r.id
        );
        assert!(seen.insert(r.id), "questions.json: reason {} twice", r.id);
    }
}

#[test]
fn every_reason_has_words_in_both_languages() {
    let mut problems = Vec::new();
    for &reason in Reason::ALL {
        match reason_text(reason) {
            Some(text) => problems.extend(text_problems(reason.code(), text)),
            None => problems.push(format!("reason {} has no text", reason.code())),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_family_members_title_carries_their_number() {
    for lang in crate::domain::lang::Lang::ALL {
        let title = title(QuestionId::Member(3), lang);
        assert!(title.contains('3') && !title.contains("{n}"), "{title}");
    }
}

#[test]
fn question_ids_have_one_spelling_each() {
    for q in QuestionId::all() {
        assert_eq!(q.to_string().parse(), Ok(q));
    }
    for bad in [
        "", "member", "member0", "member10", "member01", "Member1", "NEED", "need ",
    ] {
        assert_eq!(bad.parse::<QuestionId>(), Err(UnknownQuestion), "{bad:?}");
    }
}

#[test]
fn answers_serialise_as_a_plain_map() {
    let mut answers = Answers::new();
    answers.insert(QuestionId::Need, "work".into());
    answers.insert(QuestionId::Member(2), "spouse".into());
    let json = serde_json::to_string(&answers).unwrap();
    assert_eq!(json, r#"{"need":"work","member2":"spouse"}"#);
    assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), answers);
    assert!(serde_json::from_str::<Answers>(r#"{"nope":"x"}"#).is_err());
}

#[test]
fn counts_are_canonical_whole_numbers_in_range() {
    for ok in ["0", "1", "9"] {
        assert_eq!(validate(QuestionId::Family, ok), Ok(()), "{ok}");
    }
    assert_eq!(
        validate(QuestionId::Family, "10"),
        Err(AnswerError::CountOutOfRange { min: 0, max: 9 })
    );
    for bad in [
        "01",
        "-1",
        "+1",
        " 1",
        "1.0",
        "one",
        "99999999999999999999",
        "٣",
    ] {
        assert_eq!(
            validate(QuestionId::Family, bad),
            Err(AnswerError::NotACount),
            "{bad:?}"
        );
    }
    assert_eq!(validate(QuestionId::Family, ""), Err(AnswerError::Empty));
}

#[test]
fn dates_are_iso_and_real() {
    assert_eq!(validate(QuestionId::VisaExpiry, "2028-02-29"), Ok(()));
    for bad in [
        "2026-02-29",
        "2026-1-5",
        "05.01.2026",
        "2026-01-05T00:00",
        "tomorrow",
    ] {
        assert_eq!(
            validate(QuestionId::VisaExpiry, bad),
            Err(AnswerError::NotADate),
            "{bad}"
        );
    }
}

#[test]
fn options_are_checked() {
    assert_eq!(validate(QuestionId::Need, "work"), Ok(()));
    assert_eq!(
        validate(QuestionId::Need, "Work"),
        Err(AnswerError::UnknownOption)
    );
    assert_eq!(validate(QuestionId::Member(1), "child-14-18"), Ok(()));
    let mut answers = Answers::new();
    assert_eq!(
        answer(&mut answers, QuestionId::Need, "nope"),
        Err(AnswerError::UnknownOption)
    );
    assert!(answers.is_empty());
}

#[test]
fn a_typical_employee_from_abroad_answers_six_questions() {
    let mut answers = Answers::new();
    for (q, v) in [
        (QuestionId::Need, "work"),
        (QuestionId::Where, "outside"),
        (QuestionId::Citizenship, "other"),
        (QuestionId::Submitter, "employer"),
        (QuestionId::Branch, "no"),
        (QuestionId::Family, "0"),
    ] {
        answer(&mut answers, q, v).unwrap();
    }
    let Step::Done(outcome) = next(&answers) else {
        panic!("not done: {:?}", next(&answers))
    };
    assert_eq!(outcome.service, ServiceId::WorkVisaInvitation);
    assert!(path(&answers).len() <= 6);
}

#[test]
fn details_are_read_as_typed_values() {
    let mut answers = Answers::new();
    answers.insert(QuestionId::Years, "3".into());
    answers.insert(QuestionId::Priority, "yes".into());
    answers.insert(QuestionId::Manager, "maybe".into());
    answers.insert(QuestionId::EntryDate, "2026-07-01".into());
    let details = read_details(&answers);
    assert_eq!(details.years, Some(3));
    assert!(details.priority && !details.manager);
    assert_eq!(details.entry_date, NaiveDate::from_ymd_opt(2026, 7, 1));
    assert_eq!(details.visa_expiry, None);
}

#[test]
fn the_outcome_page_offers_the_details_the_guide_prices() {
    let catalogue = crate::domain::catalogue::catalogue();
    let details_of = |id: ServiceId| Some(details(catalogue.get(id)));
    use QuestionId::*;
    for (service, expected) in [
        (
            ServiceId::WorkVisaInvitation,
            vec![Years, Priority, EntryDate],
        ),
        (
            ServiceId::TemporaryResidencePermit,
            vec![FeeCategory, Priority],
        ),
        (ServiceId::Iin, vec![Priority, Manager]),
        (ServiceId::WorkVisaExtension, vec![VisaExpiry]),
        (ServiceId::VisaCancellationDeparted, vec![]),
    ] {
        assert_eq!(details_of(service), Some(expected), "{service}");
    }
}
