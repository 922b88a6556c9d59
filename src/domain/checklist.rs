//! A document checklist per person, for an outcome and the answers that led to it.
//!
//! The applicant comes first, then each family member. A document goes where its holder says:
//! company documents once, on the applicant's list, marked as the employer's; applicant documents
//! on the applicant's list; family-member documents on each member's; each-person documents on
//! everyone's. Each of its conditions is evaluated against the answers: a document some condition
//! excludes is left out; one whose condition was not asked stays, as "if applicable"
//! ([`Applies::Unknown`]), with the condition to show. Conditions of kind `other` are the guide's
//! own words and always stay, with their text.
//!
//! Item keys (`service:document:person`) are stable, for ticking items off across sessions.

use std::collections::BTreeMap;

use serde::Serialize;

use super::catalogue::{Catalogue, Condition, DocumentRef, Holder, Service};
use super::flow::{self, Answers, ApplicantType, Branch, Outcome, QuestionId, Relation, ServiceId};

/// Whether a condition, or a document, applies to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Applies {
    Included,
    Excluded,
    /// The answer it depends on was not asked: show it "if applicable", with the condition.
    Unknown,
}

impl Applies {
    fn from_bool(b: Option<bool>) -> Applies {
        match b {
            Some(true) => Applies::Included,
            Some(false) => Applies::Excluded,
            None => Applies::Unknown,
        }
    }

    /// All conditions must hold: any exclusion excludes, else any unknown leaves it unknown.
    fn all(items: impl IntoIterator<Item = Applies>) -> Applies {
        items
            .into_iter()
            .fold(Applies::Included, |acc, a| match (acc, a) {
                (Applies::Excluded, _) | (_, Applies::Excluded) => Applies::Excluded,
                (Applies::Unknown, _) | (_, Applies::Unknown) => Applies::Unknown,
                _ => Applies::Included,
            })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Role {
    Applicant,
    /// `relation` is `None` while the member's question is unanswered.
    FamilyMember {
        relation: Option<Relation>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Person {
    /// 0 for the applicant, n for family member n.
    pub index: u8,
    pub role: Role,
}

impl Person {
    /// The main applicant (employee, investor, visitor) is taken to be an adult.
    fn age_rule(&self, rule: fn(Relation) -> Option<bool>) -> Applies {
        match self.role {
            Role::Applicant => Applies::Excluded,
            Role::FamilyMember { relation } => Applies::from_bool(relation.and_then(rule)),
        }
    }

    pub fn is_child_14_to_18(&self) -> Applies {
        self.age_rule(Relation::child_14_to_18)
    }

    pub fn is_minor(&self) -> Applies {
        self.age_rule(Relation::minor)
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CheckedCondition<'c> {
    pub condition: &'c Condition,
    pub applies: Applies,
}

#[derive(Clone, Debug, Serialize)]
pub struct Item<'c> {
    /// `service:document:person`, or `service:step2:document:person`; a document listed twice
    /// in one service gets `document~2` for its second entry.
    pub key: String,
    pub document: &'c DocumentRef,
    /// Provided by the employer or host party (holder `company`).
    pub employer_document: bool,
    /// [`Applies::Included`] or [`Applies::Unknown`]; excluded documents are not listed.
    pub applies: Applies,
    /// Each of the document's conditions, evaluated.
    pub conditions: Vec<CheckedCondition<'c>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PersonChecklist<'c> {
    pub person: Person,
    /// For the application at the Expat Centre.
    pub items: Vec<Item<'c>>,
    /// For step 2 at an embassy or airport (invitations only).
    pub step2: Vec<Item<'c>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Checklist<'c> {
    #[serde(serialize_with = "service_id")]
    pub service: &'c Service,
    /// The applicant first, then each family member.
    pub people: Vec<PersonChecklist<'c>>,
}

fn service_id<S: serde::Serializer>(service: &&Service, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(service.id.as_str())
}

impl Checklist<'_> {
    /// Every item key, for a tick-off store to drop keys that no longer exist.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.people
            .iter()
            .flat_map(|p| p.items.iter().chain(&p.step2))
            .map(|i| i.key.as_str())
    }
}

/// The checklist for an outcome.
pub fn checklist<'c>(
    outcome: &Outcome,
    answers: &Answers,
    catalogue: &'c Catalogue,
) -> Checklist<'c> {
    for_service(catalogue.get(outcome.service), outcome, answers)
}

/// The checklist for a given service (the outcome supplies the visa category).
pub fn for_service<'c>(
    service: &'c Service,
    outcome: &Outcome,
    answers: &Answers,
) -> Checklist<'c> {
    // Answers the path no longer visits must not decide anything.
    let answers = flow::prune(answers);
    let people = people(&answers)
        .into_iter()
        .map(|person| {
            let list = |docs: &'c [DocumentRef], step2: bool| {
                items(service, docs, step2, person, outcome, &answers)
            };
            PersonChecklist {
                person,
                items: list(service.documents, false),
                step2: service
                    .step2
                    .as_ref()
                    .map(|s| list(s.documents, true))
                    .unwrap_or_default(),
            }
        })
        .collect();
    Checklist { service, people }
}

/// The applicant, then the family members on the path.
pub fn people(answers: &Answers) -> Vec<Person> {
    let applicant = Person {
        index: 0,
        role: Role::Applicant,
    };
    let members = flow::family(answers)
        .into_iter()
        .zip(1..)
        .map(|(relation, index)| Person {
            index,
            role: Role::FamilyMember { relation },
        });
    std::iter::once(applicant).chain(members).collect()
}

/// Whether a condition holds for a person, given the outcome and the (pruned) answers.
pub fn evaluate(
    condition: &Condition,
    person: &Person,
    outcome: &Outcome,
    answers: &Answers,
) -> Applies {
    let choice = |q: QuestionId| answers.get(&q).map(String::as_str);
    match condition {
        Condition::BranchOrRepresentativeOffice => {
            Applies::from_bool(choice(QuestionId::Branch).map(|v| v == Branch::Yes.code()))
        }
        Condition::VisaCategory { any_of } => Applies::from_bool(
            outcome
                .visa_category
                .map(|category| any_of.iter().any(|c| c.eq_ignore_ascii_case(category))),
        ),
        Condition::Individual => Applies::from_bool(
            choice(QuestionId::ApplicantType).map(|v| v == ApplicantType::Individual.code()),
        ),
        Condition::LegalEntity => Applies::from_bool(
            choice(QuestionId::ApplicantType).map(|v| v == ApplicantType::LegalEntity.code()),
        ),
        Condition::Child14To18 => person.is_child_14_to_18(),
        Condition::Minor => person.is_minor(),
        // The guide's own wording, which no answer decides: always shown, with its text.
        Condition::Other { .. } => Applies::Included,
    }
}

fn holds(holder: Holder, person: &Person) -> bool {
    let applicant = person.role == Role::Applicant;
    match holder {
        Holder::Company | Holder::Applicant => applicant,
        Holder::FamilyMember => !applicant,
        Holder::EachPerson => true,
    }
}

fn items<'c>(
    service: &Service,
    docs: &'c [DocumentRef],
    step2: bool,
    person: Person,
    outcome: &Outcome,
    answers: &Answers,
) -> Vec<Item<'c>> {
    // Occurrences count over the whole list, so a key never depends on the answers.
    let mut seen: BTreeMap<&str, u32> = BTreeMap::new();
    let mut items = Vec::new();
    for doc in docs {
        let occurrence = seen.entry(doc.doc).or_default();
        *occurrence += 1;
        if !holds(doc.holder, &person) {
            continue;
        }
        let conditions: Vec<CheckedCondition> = doc
            .when
            .iter()
            .map(|condition| CheckedCondition {
                condition,
                applies: evaluate(condition, &person, outcome, answers),
            })
            .collect();
        let applies = Applies::all(conditions.iter().map(|c| c.applies));
        if applies == Applies::Excluded {
            continue;
        }
        items.push(Item {
            key: item_key(
                service.id.as_str(),
                step2,
                doc.doc,
                *occurrence,
                person.index,
            ),
            document: doc,
            employer_document: doc.holder == Holder::Company,
            applies,
            conditions,
        });
    }
    items
}

/// The stable key of a checklist item.
pub fn item_key(service: &str, step2: bool, doc: &str, occurrence: u32, person: u8) -> String {
    let list = if step2 { ":step2" } else { "" };
    let doc = if occurrence > 1 {
        format!("{doc}~{occurrence}")
    } else {
        doc.to_owned()
    };
    format!("{service}{list}:{doc}:{person}")
}

/// Documents that a service names by another id since each service's documents took the words of
/// its own lines of the guide (a document the guide words differently in two services became two
/// documents): `(service, old id, new id)`. A tick kept under the old id is read under the new
/// one ([`current_tick_key`]), so no draft loses a tick.
pub const RENAMED_DOCUMENTS: &[(ServiceId, &str, &str)] = &[
    (
        ServiceId::WorkVisaInKz,
        "employment-contract",
        "employment-contract-work-in-kz",
    ),
    (
        ServiceId::TemporaryResidencePermit,
        "employment-contract",
        "applicant-employment-contract",
    ),
    (
        ServiceId::WorkVisaInKz,
        "state-duty-receipt",
        "state-duty-payment-original",
    ),
    (
        ServiceId::BusinessSingleInvitation,
        "state-duty-receipt",
        "state-duty-payment-original",
    ),
    (
        ServiceId::BusinessMultiInvitation,
        "state-duty-receipt",
        "state-duty-payment-original",
    ),
    (
        ServiceId::BusinessMultiInKz,
        "state-duty-receipt",
        "state-duty-payment-original",
    ),
    (
        ServiceId::VisaCancellationExitVisa,
        "state-duty-receipt",
        "state-duty-payment-original",
    ),
    (
        ServiceId::WorkVisaInKz,
        "principal-work-visa",
        "current-work-visa",
    ),
    (
        ServiceId::InvestorA5Invitation,
        "visa-invitation-forms",
        "visa-invitation-letters",
    ),
    (
        ServiceId::InvestorA6Invitation,
        "visa-invitation-forms",
        "visa-invitation-letters",
    ),
    (
        ServiceId::BusinessSingleInvitation,
        "visa-invitation-forms",
        "visa-invitation-letters",
    ),
    (
        ServiceId::BusinessMultiInvitation,
        "visa-invitation-forms",
        "visa-invitation-letters",
    ),
    (
        ServiceId::InvestorA5Invitation,
        "family-relationship-certificate",
        "family-relationship-certificate-a5-invitation",
    ),
    (
        ServiceId::InvestorA5InKz,
        "family-relationship-certificate",
        "family-relationship-certificate-investor",
    ),
    (
        ServiceId::InvestorA6Invitation,
        "family-relationship-certificate",
        "family-relationship-certificate-investor",
    ),
    (
        ServiceId::TemporaryResidencePermit,
        "family-relationship-certificate",
        "family-relationship-certificate-trp",
    ),
    (
        ServiceId::InvestorA5Invitation,
        "approved-invitation",
        "agreed-invitation",
    ),
    (
        ServiceId::BusinessSingleInvitation,
        "approved-invitation",
        "agreed-invitation",
    ),
    (
        ServiceId::BusinessMultiInvitation,
        "approved-invitation",
        "agreed-invitation",
    ),
    (
        ServiceId::InvestorA6Invitation,
        "principal-investor-visa",
        "current-investor-visa",
    ),
    (
        ServiceId::ResidencePermit,
        "visa-copy",
        "current-investor-visa-copy",
    ),
    (
        ServiceId::VisaCancellationDeparted,
        "visa-copy",
        "current-visa-copy",
    ),
    (
        ServiceId::TemporaryResidencePermit,
        "iin-document",
        "foreign-citizen-iin",
    ),
    (
        ServiceId::TemporaryResidencePermit,
        "arrival-notification",
        "notification-of-arrival",
    ),
    (
        ServiceId::Fingerprinting,
        "arrival-notification",
        "notification-of-arrival",
    ),
    (
        ServiceId::TemporaryResidencePermit,
        "enbek-employment-certificate",
        "enbek-workplace-certificate",
    ),
    (
        ServiceId::BusinessMultiInKz,
        "visa-petition-letter",
        "visa-petition",
    ),
    (
        ServiceId::Iin,
        "personal-data-consent",
        "personal-data-processing-consent",
    ),
    (
        ServiceId::DigitalSignature,
        "personal-data-consent",
        "personal-data-processing-consent",
    ),
    (
        ServiceId::ArrivalNotification,
        "passport-copy",
        "border-crossing-passport-copy",
    ),
    (ServiceId::Iin, "passport", "entry-passport-original"),
    (
        ServiceId::TaxResidencyCertificate,
        "tax-residency-application",
        "tax-residency-certificate-application",
    ),
];

/// A tick key (see [`item_key`]) with its document as the catalogue names it today.
pub fn current_tick_key(key: &str) -> String {
    let parts: Vec<&str> = key.split(':').collect();
    let [service, .., doc, _person] = parts.as_slice() else {
        return key.to_owned();
    };
    let (id, occurrence) = match doc.split_once('~') {
        Some((id, n)) => (id, Some(n)),
        None => (*doc, None),
    };
    match RENAMED_DOCUMENTS
        .iter()
        .find(|(s, old, _)| s.as_str() == *service && *old == id)
    {
        Some((_, _, new)) => {
            let doc = match occurrence {
                Some(n) => format!("{new}~{n}"),
                None => (*new).to_owned(),
            };
            let mut parts = parts.clone();
            let at = parts.len() - 2;
            parts[at] = &doc;
            parts.join(":")
        }
        None => key.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::{Fees, Processing, ServiceKind, StateDuty, Step2, Step2Place};
    use crate::domain::flow::{ServiceId, Step, next};
    use crate::domain::lang::Text;

    fn text(s: &'static str) -> Text {
        Text::new([s, s, s])
    }

    fn doc(id: &'static str, holder: Holder, when: Vec<Condition>) -> DocumentRef {
        DocumentRef {
            doc: id,
            holder,
            when: Vec::leak(when),
            note: None,
            items: &[],
        }
    }

    fn service(id: ServiceId, documents: Vec<DocumentRef>, step2: Vec<DocumentRef>) -> Service {
        let (documents, step2) = (Vec::leak(documents), Vec::leak(step2));
        Service {
            id,
            section: "work-visa",
            kind: ServiceKind::Invitation,
            title: text("t"),
            summary: text("s"),
            audience: text("a"),
            visa_categories: &["C3"],
            portal_request: None,
            steps: &[],
            submitted_by: &[],
            documents,
            step2: (!step2.is_empty()).then_some(Step2 {
                place: Step2Place::EmbassyOrAirport,
                documents: step2,
                notes: &[],
            }),
            fees: Fees {
                service_fee: crate::domain::catalogue::ServiceFee::NotGiven { note: text("n") },
                priority: None,
                personal_manager: None,
                state_duty: StateDuty::NotStated,
                footnotes: &[],
            },
            processing: Processing::NotGiven,
            may_extend_by_30_calendar_days: false,
            notes: &[],
            source: crate::domain::catalogue::SourceLines { from: 1, to: 2 },
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(q, v)| (q.parse().unwrap(), (*v).to_owned()))
            .collect()
    }

    fn outcome(a: &Answers) -> Outcome {
        match next(a) {
            Step::Done(o) => o,
            Step::Ask(q) => panic!("still asking {q}"),
        }
    }

    /// (key, applies) per person, for compact assertions.
    fn listing(c: &Checklist) -> Vec<Vec<(String, Applies)>> {
        c.people
            .iter()
            .map(|p| p.items.iter().map(|i| (i.key.clone(), i.applies)).collect())
            .collect()
    }

    fn work_visa() -> Service {
        service(
            ServiceId::WorkVisaInvitation,
            vec![
                doc("registration", Holder::Company, vec![]),
                doc(
                    "branch-poa",
                    Holder::Company,
                    vec![Condition::BranchOrRepresentativeOffice],
                ),
                doc("passport-copy", Holder::EachPerson, vec![]),
                doc("contract", Holder::Applicant, vec![]),
                doc("marriage", Holder::FamilyMember, vec![]),
                doc(
                    "teen-consent",
                    Holder::FamilyMember,
                    vec![Condition::Child14To18],
                ),
                doc("minor-paper", Holder::EachPerson, vec![Condition::Minor]),
                doc(
                    "if-needed",
                    Holder::EachPerson,
                    vec![Condition::Other {
                        text: text("if it needs to be provided"),
                    }],
                ),
            ],
            vec![doc("approved-invitation", Holder::EachPerson, vec![])],
        )
    }

    fn employee_with(branch: &str, members: &[&str]) -> Answers {
        let family = members.len().to_string();
        let mut pairs = vec![
            ("need", "work"),
            ("where", "outside"),
            ("citizenship", "other"),
            ("submitter", "employer"),
            ("branch", branch),
            ("family", family.as_str()),
        ];
        let ids: Vec<String> = (1..=members.len()).map(|n| format!("member{n}")).collect();
        pairs.extend(ids.iter().map(String::as_str).zip(members.iter().copied()));
        answers(&pairs)
    }

    #[test]
    fn each_person_gets_their_own_list_and_company_documents_come_once() {
        let s = work_visa();
        let a = employee_with("yes", &["spouse", "child-14-18"]);
        let c = for_service(&s, &outcome(&a), &a);
        let inc = Applies::Included;
        let key = |d: &str, p: u8| (format!("work-visa-invitation:{d}:{p}"), inc);
        assert_eq!(
            listing(&c),
            vec![
                vec![
                    key("registration", 0),
                    key("branch-poa", 0),
                    key("passport-copy", 0),
                    key("contract", 0),
                    key("if-needed", 0),
                ],
                vec![
                    key("passport-copy", 1),
                    key("marriage", 1),
                    key("if-needed", 1)
                ],
                vec![
                    key("passport-copy", 2),
                    key("marriage", 2),
                    key("teen-consent", 2),
                    key("minor-paper", 2),
                    key("if-needed", 2),
                ],
            ]
        );
        assert!(c.people[0].items[0].employer_document);
        assert!(!c.people[0].items[2].employer_document);
        assert_eq!(
            c.people[2].person.role,
            Role::FamilyMember {
                relation: Some(Relation::Child14To18)
            }
        );
        let step2: Vec<&str> = c.people.iter().map(|p| p.step2[0].key.as_str()).collect();
        assert_eq!(
            step2,
            [
                "work-visa-invitation:step2:approved-invitation:0",
                "work-visa-invitation:step2:approved-invitation:1",
                "work-visa-invitation:step2:approved-invitation:2",
            ]
        );
    }

    #[test]
    fn a_company_that_is_no_branch_needs_no_branch_power_of_attorney() {
        let s = work_visa();
        let a = employee_with("no", &[]);
        let c = for_service(&s, &outcome(&a), &a);
        assert!(c.keys().all(|k| !k.contains("branch-poa")));
        assert_eq!(c.people.len(), 1);
    }

    #[test]
    fn an_unasked_condition_stays_as_if_applicable() {
        // The residence permit never asks about a branch: the document stays, marked unknown.
        let s = service(
            ServiceId::ResidencePermit,
            vec![doc(
                "branch-poa",
                Holder::Company,
                vec![Condition::BranchOrRepresentativeOffice],
            )],
            vec![],
        );
        let a = answers(&[
            ("need", "live"),
            ("where", "inside"),
            ("visa", "a6"),
            ("family", "1"),
            ("member1", "other"),
        ]);
        let c = for_service(&s, &outcome(&a), &a);
        assert_eq!(c.people[0].items[0].applies, Applies::Unknown);
        assert_eq!(c.people[0].items[0].conditions[0].applies, Applies::Unknown);
    }

    #[test]
    fn age_conditions_follow_the_relation_and_are_unknown_for_other_relatives() {
        let s = work_visa();
        let a = employee_with("no", &["child-under-14", "child-adult", "other"]);
        let c = for_service(&s, &outcome(&a), &a);
        let applies = |p: usize, d: &str| {
            c.people[p]
                .items
                .iter()
                .find(|i| i.document.doc == d)
                .map(|i| i.applies)
        };
        assert_eq!(applies(1, "teen-consent"), None);
        assert_eq!(applies(1, "minor-paper"), Some(Applies::Included));
        assert_eq!(applies(2, "minor-paper"), None);
        assert_eq!(applies(3, "teen-consent"), Some(Applies::Unknown));
        assert_eq!(applies(3, "minor-paper"), Some(Applies::Unknown));
        assert_eq!(applies(0, "minor-paper"), None, "the applicant is an adult");
    }

    #[test]
    fn visa_category_and_entity_conditions_use_the_outcome_and_answers() {
        let b2 = Condition::VisaCategory { any_of: &["B2"] };
        let b3 = Condition::VisaCategory { any_of: &["B3"] };
        let s = service(
            ServiceId::BusinessMultiInvitation,
            vec![
                doc("contract-b2", Holder::Company, vec![b2]),
                doc("board-b3", Holder::Applicant, vec![b3]),
            ],
            vec![],
        );
        let a = answers(&[
            ("need", "business"),
            ("purpose", "services"),
            ("entries", "multiple"),
            ("where", "outside"),
            ("submitter", "asp"),
            ("branch", "no"),
        ]);
        let o = outcome(&a);
        assert_eq!(o.service, ServiceId::BusinessMultiInvitation);
        let keys: Vec<String> = for_service(&s, &o, &a).keys().map(str::to_owned).collect();
        assert_eq!(keys, ["business-multi-invitation:contract-b2:0"]);

        let eds = service(
            ServiceId::DigitalSignature,
            vec![
                doc("pki", Holder::Applicant, vec![Condition::Individual]),
                doc("consent", Holder::Applicant, vec![Condition::Individual]),
                doc("pki", Holder::Company, vec![Condition::LegalEntity]),
                doc("consent", Holder::Applicant, vec![Condition::LegalEntity]),
            ],
            vec![],
        );
        let legal = answers(&[
            ("need", "registration"),
            ("registration", "digital-signature"),
            ("applicant-type", "legal-entity"),
        ]);
        let keys: Vec<String> = for_service(&eds, &outcome(&legal), &legal)
            .keys()
            .map(str::to_owned)
            .collect();
        assert_eq!(
            keys,
            ["digital-signature:pki~2:0", "digital-signature:consent~2:0"]
        );
    }

    #[test]
    fn stale_answers_decide_nothing() {
        // A branch answer left over from another route is pruned before evaluation.
        let s = service(
            ServiceId::Iin,
            vec![doc(
                "branch-poa",
                Holder::Company,
                vec![Condition::BranchOrRepresentativeOffice],
            )],
            vec![],
        );
        let a = answers(&[
            ("need", "registration"),
            ("registration", "iin"),
            ("family", "0"),
            ("branch", "no"),
            ("member1", "spouse"),
        ]);
        let c = for_service(&s, &outcome(&a), &a);
        assert_eq!(c.people.len(), 1);
        assert_eq!(c.people[0].items[0].applies, Applies::Unknown);
    }

    #[test]
    fn applies_combines_all_conditions() {
        use Applies::*;
        assert_eq!(Applies::all([]), Included);
        assert_eq!(Applies::all([Included, Unknown]), Unknown);
        assert_eq!(Applies::all([Unknown, Excluded]), Excluded);
    }

    #[test]
    fn a_tick_kept_under_a_renamed_document_is_read_under_its_new_id() {
        assert_eq!(
            current_tick_key("fingerprinting:arrival-notification:0"),
            "fingerprinting:notification-of-arrival:0"
        );
        assert_eq!(
            current_tick_key("business-single-invitation:step2:approved-invitation:1"),
            "business-single-invitation:step2:agreed-invitation:1"
        );
        assert_eq!(
            current_tick_key("digital-signature:personal-data-consent~2:0"),
            "digital-signature:personal-data-processing-consent~2:0"
        );
        // The same document in a service that kept its id, and anything else, stays.
        for kept in [
            "work-visa-in-kz:arrival-notification:0",
            "work-visa-invitation:step2:approved-invitation:0",
            "not a key",
            "",
        ] {
            assert_eq!(current_tick_key(kept), kept);
        }
    }

    #[test]
    fn every_renamed_document_is_the_one_its_service_uses_now() {
        use crate::domain::catalogue::catalogue;
        let cat = catalogue();
        for (service, old, new) in RENAMED_DOCUMENTS {
            let s = cat.get(*service);
            let refs: Vec<&str> = s
                .documents
                .iter()
                .chain(s.step2.iter().flat_map(|st| st.documents))
                .map(|r| r.doc)
                .collect();
            assert!(refs.contains(new), "{service} uses {new}");
            assert!(!refs.contains(old), "{service} no longer uses {old}");
        }
    }
}
