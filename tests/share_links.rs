//! Share links: answers survive a round trip, links carry nothing personal, and any input at all
//! decodes without a panic into answers that are valid and on one path.

use expat_navigator::domain::flow::{
    AnswerError, Answers, Kind, QuestionId, Step, answer, next, path, prune, validate,
};
use expat_navigator::domain::share::{Notice, decode, encode};

fn answers(query: &str) -> Answers {
    let mut a = Answers::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (q, v) = pair.split_once('=').unwrap();
        answer(&mut a, q.parse().unwrap(), v).unwrap();
    }
    a
}

/// Every complete path with up to one family member, by walking the routing.
fn all_outcome_answers() -> Vec<Answers> {
    fn walk(a: &mut Answers, out: &mut Vec<Answers>) {
        match next(a) {
            Step::Done(_) => out.push(a.clone()),
            Step::Ask(q) => {
                let values: Vec<String> = match q.kind() {
                    Kind::Choice(codes) => codes.iter().map(|c| c.to_string()).collect(),
                    Kind::Count { min, .. } => vec![min.to_string(), (min + 1).to_string()],
                    Kind::Date => unreachable!(),
                };
                for v in values {
                    a.insert(q, v);
                    walk(a, out);
                    a.remove(&q);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(&mut Answers::new(), &mut out);
    out
}

/// The invariants every decoded result keeps, whatever the input.
fn assert_sound(input: &str) {
    let decoded = decode(input);
    for (q, v) in &decoded.answers {
        assert_eq!(validate(*q, v), Ok(()), "{input:?}: {q}={v:?} kept");
        assert!(q.kind() != Kind::Date, "{input:?}: a date was decoded");
    }
    assert_eq!(
        prune(&decoded.answers),
        decoded.answers,
        "{input:?}: stale answers kept"
    );
    // Re-encoding is stable.
    let again = decode(&encode(&decoded.answers));
    assert_eq!(again.answers, decoded.answers, "{input:?}");
    assert!(again.notices.is_empty(), "{input:?}: {:?}", again.notices);
}

#[test]
fn the_typical_employee_link() {
    let a =
        answers("family=0&branch=no&need=work&submitter=employer&citizenship=other&where=outside");
    let link = encode(&a);
    // Path order, whatever order the answers were given in.
    assert_eq!(
        link,
        "?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0"
    );
    let decoded = decode(&link);
    assert_eq!(decoded.answers, a);
    assert!(decoded.notices.is_empty());
}

#[test]
fn every_complete_path_round_trips() {
    let all = all_outcome_answers();
    assert!(all.len() > 300, "{}", all.len());
    for a in all {
        let link = encode(&a);
        let decoded = decode(&link);
        assert_eq!(decoded.answers, a, "{link}");
        assert!(decoded.notices.is_empty(), "{link}: {:?}", decoded.notices);
        assert_eq!(link.matches('&').count() + 1, path(&a).len(), "{link}");
    }
}

#[test]
fn unfinished_answers_round_trip_too() {
    for query in ["", "need=work", "need=work&where=inside&citizenship=cis"] {
        let a = answers(query);
        assert_eq!(decode(&encode(&a)).answers, a, "{query}");
    }
    assert_eq!(encode(&Answers::new()), "");
}

#[test]
fn fee_options_travel_but_dates_stay_on_the_device() {
    let mut a = answers("need=registration&registration=iin&family=0");
    for (q, v) in [
        ("years", "3"),
        ("priority", "yes"),
        ("manager", "no"),
        ("fee-category", "expert"),
    ] {
        answer(&mut a, q.parse().unwrap(), v).unwrap();
    }
    answer(&mut a, QuestionId::EntryDate, "2026-09-01").unwrap();
    answer(&mut a, QuestionId::VisaExpiry, "2026-12-31").unwrap();
    let link = encode(&a);
    assert_eq!(
        link,
        "?need=registration&registration=iin&family=0&years=3&priority=yes&manager=no&fee-category=expert"
    );
    assert!(!link.contains("2026"));

    let decoded = decode(&format!("{link}&entry-date=2026-09-01"));
    assert_eq!(
        decoded.notices,
        [Notice::NotShared {
            question: QuestionId::EntryDate
        }]
    );
    assert!(!decoded.answers.contains_key(&QuestionId::EntryDate));
    assert_eq!(
        decoded.answers.get(&QuestionId::Years).map(String::as_str),
        Some("3")
    );
}

#[test]
fn what_a_link_cannot_use_is_explained() {
    let decoded = decode(
        "?need=work&name=Aigerim&where=abroad&where=outside&citizenship=other&family=12&purpose=events&member1=spouse&utm_source=mail",
    );
    assert_eq!(
        decoded.notices,
        [
            Notice::UnknownKey {
                key: "name".into(),
                count: 1,
            },
            Notice::InvalidValue {
                question: QuestionId::Where,
                error: AnswerError::UnknownOption
            },
            Notice::Repeated {
                question: QuestionId::Where
            },
            Notice::InvalidValue {
                question: QuestionId::Family,
                error: AnswerError::CountOutOfRange { min: 0, max: 9 }
            },
            Notice::UnknownKey {
                key: "utm_source".into(),
                count: 1
            },
            Notice::NotOnPath {
                question: QuestionId::Purpose
            },
            // Only the first `where` is read, and it is invalid: the path stops there.
            Notice::NotOnPath {
                question: QuestionId::Citizenship
            },
            Notice::NotOnPath {
                question: QuestionId::Member(1)
            },
        ]
    );
    assert_eq!(decoded.answers, answers("need=work"));
    let codes: Vec<&str> = decoded.notices.iter().map(Notice::code).collect();
    assert_eq!(
        codes,
        [
            "unknown-key",
            "invalid-value",
            "repeated",
            "invalid-value",
            "unknown-key",
            "not-on-path",
            "not-on-path",
            "not-on-path"
        ]
    );
}

#[test]
fn bad_values_name_their_error() {
    for (query, question, error) in [
        ("family=01", QuestionId::Family, AnswerError::NotACount),
        ("family=-1", QuestionId::Family, AnswerError::NotACount),
        ("need=", QuestionId::Need, AnswerError::Empty),
        ("need", QuestionId::Need, AnswerError::Empty),
        ("need=WORK", QuestionId::Need, AnswerError::UnknownOption),
        ("years=6", QuestionId::Years, AnswerError::UnknownOption),
    ] {
        assert_eq!(
            decode(query).notices,
            [Notice::InvalidValue { question, error }],
            "{query}"
        );
    }
}

#[test]
fn percent_encoding_is_understood() {
    let decoded = decode("%6Eeed=%77ork&where=outside");
    assert_eq!(decoded.answers, answers("need=work&where=outside"));
    assert!(decoded.notices.is_empty());
}

#[test]
fn too_many_pairs_are_cut_off() {
    let query = "x=1&".repeat(100);
    let decoded = decode(&query);
    assert_eq!(decoded.notices.last(), Some(&Notice::TooLong));
    assert!(decoded.answers.is_empty());
}

#[test]
fn garbage_never_panics() {
    let fixed = [
        "",
        "?",
        "??",
        "#",
        "&&&",
        "=",
        "==",
        "=work",
        "%",
        "%%",
        "%zz=%",
        "%ff%fe=%c3%28",
        "need=%00",
        "need=work%",
        "need=work&need=invest",
        "member0=spouse",
        "member10=spouse",
        "member1=spouse",
        "family=99999999999999999999999",
        "family=9&member9=spouse",
        "need=жұмыс",
        "жұмыс=need",
        "need=work\u{0}&where=outside",
        "\u{FEFF}need=work",
        "need=work;where=outside",
        "https://example.org/app/index.html?need=work#/share?need=invest",
        "#/share?need=registration&registration=digital-signature&applicant-type=legal-entity",
        "🙂=🙂&🙂",
        "need=work&where=outside&citizenship=eaeu&stay=over-90&submitter=asp&branch=yes&family=9&member1=a&member2=spouse",
    ];
    for input in fixed {
        assert_sound(input);
    }
    let long = "need=work&".repeat(10_000);
    assert_sound(&long);
    assert_sound(&"%".repeat(10_000));
}

/// A small deterministic generator, so failures reproduce without a `rand` dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_bytes_and_mutated_links_never_panic() {
    let mut rng = Lcg(0x5eed);
    let alphabet: Vec<char> =
        "=&?#%+-_.~ 0123456789abcdefABCDEFneedworkmember\u{0}\u{7f}жұ🙂\u{FFFD}"
            .chars()
            .collect();
    for _ in 0..20_000 {
        let len = rng.below(60);
        let input: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        assert_sound(&input);
    }
    // Raw bytes, made into a string the way a browser might (lossy).
    for _ in 0..5_000 {
        let len = rng.below(80);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        assert_sound(&String::from_utf8_lossy(&bytes));
    }
    // Real links with one character changed, dropped or doubled.
    let links: Vec<String> = all_outcome_answers().iter().take(400).map(encode).collect();
    for link in &links {
        for _ in 0..10 {
            let mut chars: Vec<char> = link.chars().collect();
            let i = rng.below(chars.len());
            match rng.below(3) {
                0 => chars[i] = alphabet[rng.below(alphabet.len())],
                1 => {
                    chars.remove(i);
                }
                _ => chars.insert(i, chars[i]),
            }
            assert_sound(&chars.into_iter().collect::<String>());
        }
    }
}
