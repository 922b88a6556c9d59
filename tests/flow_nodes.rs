//! The routing, node by node (GOV.UK smart-answers style): for each question, in each context it
//! is asked in, the next step for every option. Then the whole answer space: every question,
//! service and reason is reachable, every path ends, stale answers are pruned, and the committed
//! Mermaid chart is current.
//!
//! Answers are keyed by question, so a context can hold answers to *later* questions (the tail:
//! submitter, branch, family): the step after an option is then the next routing question or the
//! outcome itself, which is what each assertion names.

use std::collections::{BTreeMap, BTreeSet};

use expat_navigator::domain::flow::{
    Answers, Kind, QuestionId, Reason, ServiceId, Step, mermaid, next, path, prune,
};

/// Answers from `key=value` pairs; panics on a typo, so a test cannot silently test nothing.
fn answers(pairs: &[(&str, &str)]) -> Answers {
    let mut a = Answers::new();
    for (q, v) in pairs {
        let q: QuestionId = q.parse().unwrap_or_else(|_| panic!("unknown question {q}"));
        expat_navigator::domain::flow::answer(&mut a, q, v)
            .unwrap_or_else(|e| panic!("{q}={v}: {e}"));
    }
    a
}

/// Prior answers, as (question, value) pairs.
type Pairs = &'static [(&'static str, &'static str)];

/// The tail answered in advance, so a step shows where the routing itself goes.
const TAIL: &[(&str, &str)] = &[
    ("submitter", "employer"),
    ("branch", "no"),
    ("family", "0"),
    ("applicant-type", "individual"),
];

#[derive(Clone, Debug, PartialEq)]
enum Expect {
    Ask(&'static str),
    Done(&'static str),
}

fn describe(step: &Step) -> Expect {
    match step {
        Step::Ask(q) => Expect::Ask(leak(q.to_string())),
        Step::Done(o) => Expect::Done(o.service.as_str()),
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// One node: in `context`, `question` is asked, and each option leads where `expected` says.
fn node(context: &[(&str, &str)], question: &str, expected: &[(&str, Expect)]) {
    let q: QuestionId = question.parse().unwrap();
    let before = answers(context);
    assert_eq!(
        next(&before),
        Step::Ask(q),
        "{question} is not asked after {context:?}"
    );
    let options: Vec<String> = match q.kind() {
        Kind::Choice(codes) => codes.iter().map(|c| c.to_string()).collect(),
        Kind::Count { min, max } => (min..=max).map(|n| n.to_string()).collect(),
        Kind::Date => unreachable!("the routing asks no dates"),
    };
    let tested: Vec<&str> = expected.iter().map(|(o, _)| *o).collect();
    assert_eq!(tested, options, "{question}: test every option, in order");
    for (option, expect) in expected {
        let mut a = before.clone();
        a.insert(q, (*option).to_owned());
        assert_eq!(
            &describe(&next(&a)),
            expect,
            "{question}={option} after {context:?}"
        );
    }
}

fn with_tail(pairs: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    pairs.iter().chain(TAIL).copied().collect()
}

use Expect::{Ask, Done};

#[test]
fn need() {
    node(
        &with_tail(&[]),
        "need",
        &[
            ("work", Ask("where")),
            ("invest", Ask("investor")),
            ("business", Ask("purpose")),
            ("live", Ask("where")),
            ("cancel", Ask("where")),
            ("qualification", Done("qualification-review")),
            ("registration", Ask("registration")),
        ],
    );
}

#[test]
fn investor() {
    node(
        &with_tail(&[("need", "invest")]),
        "investor",
        &[("a5", Ask("where")), ("a6", Ask("where"))],
    );
}

#[test]
fn purpose() {
    node(
        &with_tail(&[("need", "business")]),
        "purpose",
        &[
            ("events", Ask("where")),
            ("services", Ask("entries")),
            ("negotiations", Ask("entries")),
            ("immigrant", Ask("where")),
        ],
    );
}

#[test]
fn entries() {
    for purpose in ["services", "negotiations"] {
        node(
            &with_tail(&[("need", "business"), ("purpose", purpose)]),
            "entries",
            &[("single", Ask("where")), ("multiple", Ask("where"))],
        );
    }
}

#[test]
fn registration() {
    node(
        &with_tail(&[("need", "registration")]),
        "registration",
        &[
            ("arrival", Done("arrival-notification")),
            ("iin", Done("iin")),
            ("tax-residency", Done("tax-residency-certificate")),
            ("tax-residency-itrp", Done("tax-residency-certificate-itrp")),
            ("digital-signature", Done("digital-signature")),
            ("fingerprinting", Done("fingerprinting")),
        ],
    );
    // Without the tail: what each registration still asks.
    let ctx = [("need", "registration")];
    node(
        &ctx,
        "registration",
        &[
            ("arrival", Ask("family")),
            ("iin", Ask("family")),
            ("tax-residency", Ask("applicant-type")),
            ("tax-residency-itrp", Done("tax-residency-certificate-itrp")),
            ("digital-signature", Ask("applicant-type")),
            ("fingerprinting", Ask("family")),
        ],
    );
}

#[test]
fn applicant_type() {
    for (registration, service) in [
        ("digital-signature", "digital-signature"),
        ("tax-residency", "tax-residency-certificate"),
    ] {
        node(
            &[("need", "registration"), ("registration", registration)],
            "applicant-type",
            &[
                ("individual", Done(service)),
                ("legal-entity", Done(service)),
            ],
        );
    }
}

#[test]
fn where_for_work() {
    node(
        &with_tail(&[("need", "work")]),
        "where",
        &[
            ("outside", Ask("citizenship")),
            ("inside", Ask("citizenship")),
        ],
    );
}

#[test]
fn where_for_investors() {
    node(
        &with_tail(&[("need", "invest"), ("investor", "a5")]),
        "where",
        &[
            ("outside", Done("investor-a5-invitation")),
            ("inside", Done("investor-a5-in-kz")),
        ],
    );
    node(
        &with_tail(&[("need", "invest"), ("investor", "a6")]),
        "where",
        &[
            ("outside", Done("investor-a6-invitation")),
            ("inside", Ask("visa")),
        ],
    );
}

#[test]
fn where_to_live() {
    node(
        &with_tail(&[("need", "live")]),
        "where",
        &[
            ("outside", Done("investor-a6-invitation")),
            ("inside", Ask("visa")),
        ],
    );
}

#[test]
fn where_for_a_cancellation() {
    node(
        &with_tail(&[("need", "cancel")]),
        "where",
        &[
            ("outside", Done("visa-cancellation-departed")),
            ("inside", Done("visa-cancellation-exit-visa")),
        ],
    );
}

#[test]
fn where_for_business() {
    node(
        &with_tail(&[("need", "business"), ("purpose", "events")]),
        "where",
        &[
            ("outside", Done("business-single-invitation")),
            ("inside", Ask("visa")),
        ],
    );
    node(
        &with_tail(&[
            ("need", "business"),
            ("purpose", "services"),
            ("entries", "multiple"),
        ]),
        "where",
        &[
            ("outside", Done("business-multi-invitation")),
            ("inside", Ask("visa")),
        ],
    );
}

#[test]
fn citizenship() {
    node(
        &with_tail(&[("need", "work"), ("where", "outside")]),
        "citizenship",
        &[
            ("eaeu", Ask("stay")),
            ("cis", Ask("stay")),
            ("other", Done("work-visa-invitation")),
        ],
    );
    node(
        &with_tail(&[("need", "work"), ("where", "inside")]),
        "citizenship",
        &[
            ("eaeu", Ask("stay")),
            ("cis", Ask("stay")),
            ("other", Ask("visa")),
        ],
    );
}

#[test]
fn stay_for_eaeu_citizens_follows_the_90_day_rule() {
    node(
        &with_tail(&[
            ("need", "work"),
            ("where", "outside"),
            ("citizenship", "eaeu"),
        ]),
        "stay",
        &[
            ("up-to-30", Done("work-visa-invitation")),
            ("31-90", Done("work-visa-invitation")),
            ("over-90", Done("temporary-residence-permit")),
        ],
    );
}

#[test]
fn stay_for_other_cis_citizens_follows_the_30_day_rule() {
    node(
        &with_tail(&[
            ("need", "work"),
            ("where", "outside"),
            ("citizenship", "cis"),
        ]),
        "stay",
        &[
            ("up-to-30", Done("work-visa-invitation")),
            ("31-90", Done("temporary-residence-permit")),
            ("over-90", Done("temporary-residence-permit")),
        ],
    );
    node(
        &with_tail(&[
            ("need", "work"),
            ("where", "inside"),
            ("citizenship", "cis"),
        ]),
        "stay",
        &[
            ("up-to-30", Ask("visa")),
            ("31-90", Done("temporary-residence-permit")),
            ("over-90", Done("temporary-residence-permit")),
        ],
    );
}

/// `visa` in a context: the matching visas lead to `then`, every other one to `otherwise`.
fn visa_node(
    context: &[(&'static str, &'static str)],
    matching: &[&str],
    then: Expect,
    otherwise: &'static str,
) {
    let codes = [
        "none",
        "work",
        "a5",
        "a6",
        "business-single",
        "business-multi",
        "other",
    ];
    let expected: Vec<(&str, Expect)> = codes
        .iter()
        .map(|&c| {
            (
                c,
                if matching.contains(&c) {
                    then.clone()
                } else {
                    Done(otherwise)
                },
            )
        })
        .collect();
    node(&with_tail(context), "visa", &expected);
}

#[test]
fn visa_for_work() {
    visa_node(
        &[
            ("need", "work"),
            ("where", "inside"),
            ("citizenship", "other"),
        ],
        &["work"],
        Ask("host"),
        "work-visa-in-kz",
    );
}

#[test]
fn visa_for_an_a6_investor() {
    visa_node(
        &[("need", "invest"), ("investor", "a6"), ("where", "inside")],
        &["a6"],
        Ask("host"),
        "investor-a6-invitation",
    );
}

#[test]
fn visa_for_a_residence_permit() {
    visa_node(
        &[("need", "live"), ("where", "inside")],
        &["a5", "a6"],
        Done("residence-permit"),
        "investor-a5-in-kz",
    );
}

#[test]
fn visa_for_business() {
    visa_node(
        &[
            ("need", "business"),
            ("purpose", "events"),
            ("where", "inside"),
        ],
        &["business-single"],
        Ask("host"),
        "business-single-invitation",
    );
    visa_node(
        &[
            ("need", "business"),
            ("purpose", "negotiations"),
            ("entries", "multiple"),
            ("where", "inside"),
        ],
        &["business-multi"],
        Ask("host"),
        "business-multi-in-kz",
    );
}

#[test]
fn host() {
    let cases: [(Pairs, &str, &str); 4] = [
        (
            &[
                ("need", "work"),
                ("where", "inside"),
                ("citizenship", "other"),
                ("visa", "work"),
            ],
            "work-visa-extension",
            "work-visa-in-kz",
        ),
        (
            &[
                ("need", "invest"),
                ("investor", "a6"),
                ("where", "inside"),
                ("visa", "a6"),
            ],
            "investor-a6-extension",
            "investor-a6-invitation",
        ),
        (
            &[
                ("need", "business"),
                ("purpose", "immigrant"),
                ("where", "inside"),
                ("visa", "business-single"),
            ],
            "business-single-extension",
            "business-single-invitation",
        ),
        (
            &[
                ("need", "business"),
                ("purpose", "services"),
                ("entries", "multiple"),
                ("where", "inside"),
                ("visa", "business-multi"),
            ],
            "business-multi-extension",
            "business-multi-in-kz",
        ),
    ];
    for (context, same, new) in cases {
        let context: Vec<_> = context.iter().chain(TAIL).copied().collect();
        node(
            &context,
            "host",
            &[("same", Done(same)), ("new", Done(new))],
        );
    }
}

#[test]
fn submitter() {
    let context = [
        ("need", "work"),
        ("where", "outside"),
        ("citizenship", "other"),
        ("branch", "no"),
        ("family", "0"),
    ];
    node(
        &context,
        "submitter",
        &[
            ("employer", Done("work-visa-invitation")),
            ("asp", Done("work-visa-invitation")),
        ],
    );
    let reasons = |s: &str| {
        let mut a = answers(&context);
        a.insert(QuestionId::Submitter, s.into());
        match next(&a) {
            Step::Done(o) => o.reasons,
            step => panic!("{step:?}"),
        }
    };
    assert!(reasons("employer").contains(&Reason::SubmittedByEmployer));
    assert!(reasons("asp").contains(&Reason::SubmittedByAsp));
    // Without the later answers, the branch question follows.
    node(
        &[
            ("need", "work"),
            ("where", "outside"),
            ("citizenship", "other"),
        ],
        "submitter",
        &[("employer", Ask("branch")), ("asp", Ask("branch"))],
    );
}

#[test]
fn branch() {
    node(
        &[
            ("need", "work"),
            ("where", "outside"),
            ("citizenship", "other"),
            ("submitter", "asp"),
        ],
        "branch",
        &[("yes", Ask("family")), ("no", Ask("family"))],
    );
    node(
        &[
            ("need", "business"),
            ("purpose", "events"),
            ("where", "outside"),
            ("submitter", "asp"),
        ],
        "branch",
        &[
            ("yes", Done("business-single-invitation")),
            ("no", Done("business-single-invitation")),
        ],
    );
}

#[test]
fn family() {
    let context = [
        ("need", "work"),
        ("where", "outside"),
        ("citizenship", "other"),
        ("submitter", "employer"),
        ("branch", "yes"),
    ];
    let mut expected = vec![("0", Done("work-visa-invitation"))];
    let counts = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
    expected.extend(counts.iter().map(|&n| (n, Ask("member1"))));
    node(&context, "family", &expected);
}

#[test]
fn members_one_per_page_then_the_outcome() {
    let mut context = vec![
        ("need", "invest"),
        ("investor", "a5"),
        ("where", "outside"),
        ("branch", "no"),
        ("family", "2"),
    ];
    let relations = [
        "spouse",
        "child-under-14",
        "child-14-18",
        "child-adult",
        "other",
    ];
    node(&context, "member1", &relations.map(|r| (r, Ask("member2"))));
    context.push(("member1", "spouse"));
    node(
        &context,
        "member2",
        &relations.map(|r| (r, Done("investor-a5-invitation"))),
    );
}

#[test]
fn an_invalid_answer_asks_the_question_again() {
    let cases: [(Pairs, &str, &str); 6] = [
        (&[], "need", "working"),
        (&[("need", "work")], "where", "abroad"),
        (
            &[("need", "work"), ("where", "inside")],
            "citizenship",
            "EAEU",
        ),
        (
            &[
                ("need", "work"),
                ("where", "outside"),
                ("citizenship", "other"),
                ("submitter", "asp"),
                ("branch", "no"),
            ],
            "family",
            "10",
        ),
        (
            &[
                ("need", "work"),
                ("where", "outside"),
                ("citizenship", "other"),
                ("submitter", "asp"),
                ("branch", "no"),
            ],
            "family",
            "02",
        ),
        (
            &[
                ("need", "work"),
                ("where", "outside"),
                ("citizenship", "other"),
                ("submitter", "asp"),
                ("branch", "no"),
                ("family", "1"),
            ],
            "member1",
            "cousin",
        ),
    ];
    for (context, question, bad) in cases {
        let q: QuestionId = question.parse().unwrap();
        let mut a = answers(context);
        a.insert(q, bad.into());
        assert_eq!(next(&a), Step::Ask(q), "{question}={bad}");
        assert!(
            !prune(&a).contains_key(&q),
            "{question}={bad} survives pruning"
        );
    }
}

/// What an exhaustive walk of the answer space found (family limited to two members).
#[derive(Default)]
struct Explored {
    questions: BTreeSet<QuestionId>,
    services: BTreeSet<ServiceId>,
    reasons: BTreeSet<Reason>,
    alternatives: BTreeSet<(ServiceId, ServiceId)>,
    outcomes: usize,
    longest: usize,
    /// The shortest path to each service.
    shortest: BTreeMap<ServiceId, usize>,
}

const MAX_STEPS: usize = 20;

fn explore(a: &mut Answers, asked: &mut Vec<QuestionId>, found: &mut Explored) {
    assert!(
        asked.len() <= MAX_STEPS,
        "no outcome after {MAX_STEPS} questions: {a:?}"
    );
    match next(a) {
        Step::Done(outcome) => {
            assert_eq!(&path(a), asked, "path() differs from the questions asked");
            assert_eq!(&prune(a), a, "an answer on a live path was pruned");
            found.outcomes += 1;
            found.longest = found.longest.max(asked.len());
            let shortest = found.shortest.entry(outcome.service).or_insert(usize::MAX);
            *shortest = (*shortest).min(asked.len());
            found.services.insert(outcome.service);
            found.reasons.extend(outcome.reasons.iter().copied());
            for alt in &outcome.alternatives {
                assert_ne!(
                    alt.service, outcome.service,
                    "an outcome is its own alternative"
                );
                found.reasons.insert(alt.reason);
                found.alternatives.insert((outcome.service, alt.service));
            }
            assert!(!outcome.next_steps.contains(&outcome.service));
        }
        Step::Ask(q) => {
            assert!(!asked.contains(&q), "{q} asked twice: {asked:?}");
            assert!(!q.is_detail(), "the routing asked a detail: {q}");
            found.questions.insert(q);
            let values: Vec<String> = match q.kind() {
                Kind::Choice(codes) => codes.iter().map(|c| c.to_string()).collect(),
                Kind::Count { min, .. } => (min..=min + 2).map(|n| n.to_string()).collect(),
                Kind::Date => panic!("the routing asked a date: {q}"),
            };
            for v in values {
                a.insert(q, v);
                asked.push(q);
                explore(a, asked, found);
                asked.pop();
                a.remove(&q);
            }
        }
    }
}

fn explored() -> Explored {
    let mut found = Explored::default();
    explore(&mut Answers::new(), &mut Vec::new(), &mut found);
    found
}

#[test]
fn every_service_question_and_reason_is_reachable_and_every_path_ends() {
    let found = explored();
    let missing: Vec<_> = ServiceId::ALL
        .iter()
        .filter(|s| !found.services.contains(s))
        .collect();
    assert!(missing.is_empty(), "unreachable services: {missing:?}");
    let expected: BTreeSet<QuestionId> = QuestionId::ROUTING
        .into_iter()
        .chain([QuestionId::Member(1), QuestionId::Member(2)])
        .collect();
    assert_eq!(found.questions, expected);
    let unused: Vec<_> = Reason::ALL
        .iter()
        .filter(|r| !found.reasons.contains(r))
        .collect();
    assert!(unused.is_empty(), "reasons no outcome gives: {unused:?}");
    assert!(found.longest <= 12, "longest path {}", found.longest);
    eprintln!(
        "{} outcomes explored; longest path {}; shortest per service {:?}",
        found.outcomes, found.longest, found.shortest
    );
}

#[test]
fn the_ninth_family_member_is_asked() {
    let mut a = answers(&[
        ("need", "work"),
        ("where", "outside"),
        ("citizenship", "other"),
        ("submitter", "employer"),
        ("branch", "no"),
        ("family", "9"),
    ]);
    for n in 1..=8 {
        a.insert(QuestionId::Member(n), "other".into());
    }
    assert_eq!(next(&a), Step::Ask(QuestionId::Member(9)));
    a.insert(QuestionId::Member(9), "spouse".into());
    assert!(matches!(next(&a), Step::Done(_)));
}

#[test]
fn alternatives_are_offered_where_the_guide_has_them() {
    let found = explored();
    for pair in [
        (
            ServiceId::TemporaryResidencePermit,
            ServiceId::WorkVisaInvitation,
        ),
        (ServiceId::TemporaryResidencePermit, ServiceId::WorkVisaInKz),
        (ServiceId::WorkVisaInvitation, ServiceId::WorkVisaInKz),
        (ServiceId::InvestorA6Extension, ServiceId::ResidencePermit),
        (
            ServiceId::BusinessSingleInvitation,
            ServiceId::BusinessMultiInvitation,
        ),
    ] {
        assert!(found.alternatives.contains(&pair), "{pair:?}");
    }
}

#[test]
fn family_members_never_change_the_outcome() {
    // The Mermaid chart draws the member loop once; this is what makes that honest.
    let base = [
        ("need", "work"),
        ("where", "inside"),
        ("citizenship", "cis"),
        ("stay", "over-90"),
        ("submitter", "asp"),
        ("branch", "yes"),
    ];
    let outcome = |members: &[&str]| {
        let mut a = answers(&base);
        a.insert(QuestionId::Family, members.len().to_string());
        for (n, r) in (1..).zip(members) {
            a.insert(QuestionId::Member(n), (*r).into());
        }
        match next(&a) {
            Step::Done(o) => o,
            step => panic!("{step:?}"),
        }
    };
    let one = outcome(&["spouse"]);
    for members in [
        &["other"][..],
        &["child-14-18", "child-under-14"],
        &[
            "spouse",
            "child-adult",
            "other",
            "other",
            "other",
            "other",
            "other",
            "other",
            "other",
        ],
    ] {
        assert_eq!(outcome(members), one, "{members:?}");
    }
}

#[test]
fn prune_drops_what_a_changed_answer_leaves_behind() {
    let employee = answers(&[
        ("need", "work"),
        ("where", "outside"),
        ("citizenship", "eaeu"),
        ("stay", "31-90"),
        ("submitter", "employer"),
        ("branch", "yes"),
        ("family", "2"),
        ("member1", "spouse"),
        ("member2", "child-14-18"),
        ("years", "3"),
        ("entry-date", "2026-09-01"),
    ]);
    assert_eq!(prune(&employee), employee);

    // Another citizenship: the stay question is off the path.
    let mut a = employee.clone();
    a.insert(QuestionId::Citizenship, "other".into());
    let pruned = prune(&a);
    assert!(!pruned.contains_key(&QuestionId::Stay));
    assert_eq!(pruned.len(), employee.len() - 1);

    // Fewer family members: the second member's answer goes.
    let mut a = employee.clone();
    a.insert(QuestionId::Family, "1".into());
    assert!(!prune(&a).contains_key(&QuestionId::Member(2)));
    assert!(prune(&a).contains_key(&QuestionId::Member(1)));

    // Another need: only what the new route asks survives (plus the details).
    let mut a = employee.clone();
    a.insert(QuestionId::Need, "business".into());
    let kept: Vec<QuestionId> = prune(&a).into_keys().collect();
    assert_eq!(
        kept,
        [QuestionId::Need, QuestionId::Years, QuestionId::EntryDate]
    );
    assert_eq!(next(&a), Step::Ask(QuestionId::Purpose));

    // The routing never reads a pruned answer: same step with or without them.
    for a in [a, employee.clone()] {
        assert_eq!(next(&a), next(&prune(&a)));
        assert_eq!(prune(&prune(&a)), prune(&a));
    }

    // Invalid details go too.
    let mut a = employee;
    a.insert(QuestionId::Years, "7".into());
    a.insert(QuestionId::VisaExpiry, "2026-02-30".into());
    let pruned = prune(&a);
    assert!(
        !pruned.contains_key(&QuestionId::Years) && !pruned.contains_key(&QuestionId::VisaExpiry)
    );
}

#[test]
fn the_committed_mermaid_chart_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/flow.mmd");
    let chart = mermaid();
    if std::env::var_os("UPDATE_FLOW_MMD").is_some() {
        std::fs::write(path, &chart).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == chart,
        "tests/flow.mmd is stale: the routing changed. Regenerate it with\n    \
         UPDATE_FLOW_MMD=1 cargo test --test flow_nodes the_committed_mermaid_chart_is_current\n\
         and commit the result."
    );
}

#[test]
fn the_mermaid_chart_has_every_question_option_and_outcome() {
    let chart = mermaid();
    for s in ServiceId::ALL {
        assert!(
            chart.contains(&format!("([\"{s}\"])")),
            "outcome {s} missing"
        );
    }
    // Every option of every routing question labels an edge out of one of its nodes.
    let mut nodes: BTreeMap<String, String> = BTreeMap::new(); // node -> question label
    let mut options: BTreeMap<String, BTreeSet<String>> = BTreeMap::new(); // question -> options
    for line in chart.lines().map(str::trim) {
        if let Some((node, label)) = line.split_once("{\"") {
            nodes.insert(node.to_owned(), label.trim_end_matches("\"}").to_owned());
        } else if let Some((node, rest)) = line.split_once(" -->|\"") {
            let labels = rest.split("\"|").next().unwrap();
            let question = nodes[node].clone();
            options
                .entry(question)
                .or_default()
                .extend(labels.split(", ").map(str::to_owned));
        }
    }
    for q in QuestionId::ROUTING
        .into_iter()
        .chain([QuestionId::Member(1)])
    {
        let label = match q {
            QuestionId::Member(_) => "memberN".to_owned(),
            q => q.to_string(),
        };
        let expected: BTreeSet<String> = match q.kind() {
            Kind::Choice(codes) => codes.iter().map(|c| c.to_string()).collect(),
            Kind::Count { min, max } => [min.to_string(), format!("{}-{max}", min + 1)].into(),
            Kind::Date => unreachable!(),
        };
        assert_eq!(options.get(&label), Some(&expected), "{label}");
    }
}
