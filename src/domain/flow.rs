//! The wizard's routing: which question comes next, and which of the 23 services fits.
//!
//! Routing only, as in GOV.UK smart-answers: [`next`] replays the answers from the start on every
//! call, so positions are never stored and a changed earlier answer cannot leave the wizard in an
//! impossible state; [`prune`] drops the answers the new path no longer visits. Question, option
//! and reason texts are data (`src/data/questions.json`, see [`question_text`]); service facts are
//! the catalogue's. The routing needs only service ids; [`details`] is the one catalogue reader.
//!
//! Answers are keyed by [`QuestionId`]; values are stable codes (option ids, counts, ISO dates),
//! so they serialise into drafts and share links unchanged.
//!
//! Fee options (visa length, Priority Service, Personal Manager, TRP fee category) and the dates
//! the deadlines need are *details*: answers set on the outcome page, never asked by the routing,
//! so the path stays short (a typical employee from abroad answers six questions). [`details`]
//! says which ones a service offers; [`prune`] keeps every valid detail.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::catalogue::{Service, ServiceFee, ServiceKind};

mod mermaid;
pub(crate) mod text;

pub use mermaid::mermaid;
pub use text::{OptionText, QuestionText, option_label, question_text, reason_text, title};

/// The answers so far: question id -> value code.
pub type Answers = BTreeMap<QuestionId, String>;

/// The most family members one application takes (the count question's upper bound).
pub const MAX_FAMILY: u8 = 9;

/// A question of the wizard. The string form (`need`, `member2`) is stable: it is used in drafts,
/// share links and routes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuestionId {
    Need,
    Investor,
    Purpose,
    Entries,
    Registration,
    ApplicantType,
    Where,
    Citizenship,
    Stay,
    Visa,
    Host,
    Submitter,
    Branch,
    Family,
    /// Family member n, 1-based; asked once per member after [`QuestionId::Family`].
    Member(u8),
    // Details: set on the outcome page, never asked by the routing.
    Years,
    Priority,
    Manager,
    /// A work visa, investor visa or TRP service fee was paid: fingerprinting is then free.
    CoveringFee,
    FeeCategory,
    EntryDate,
    VisaExpiry,
}

use QuestionId as Q;

impl QuestionId {
    /// The questions the routing may ask, family members aside.
    pub const ROUTING: [QuestionId; 14] = [
        Q::Need,
        Q::Investor,
        Q::Purpose,
        Q::Entries,
        Q::Registration,
        Q::ApplicantType,
        Q::Where,
        Q::Citizenship,
        Q::Stay,
        Q::Visa,
        Q::Host,
        Q::Submitter,
        Q::Branch,
        Q::Family,
    ];
    /// The outcome page's inputs.
    pub const DETAILS: [QuestionId; 7] = [
        Q::Years,
        Q::Priority,
        Q::Manager,
        Q::CoveringFee,
        Q::FeeCategory,
        Q::EntryDate,
        Q::VisaExpiry,
    ];

    /// Every question id there is: routing questions, `member1`..`member9`, details.
    pub fn all() -> Vec<QuestionId> {
        let members = (1..=MAX_FAMILY).map(Q::Member);
        Self::ROUTING
            .into_iter()
            .chain(members)
            .chain(Self::DETAILS)
            .collect()
    }

    pub fn is_detail(self) -> bool {
        Self::DETAILS.contains(&self)
    }

    /// The id of this question's texts in `questions.json`: `member` for every family member.
    pub fn text_id(self) -> &'static str {
        match self {
            Q::Need => "need",
            Q::Investor => "investor",
            Q::Purpose => "purpose",
            Q::Entries => "entries",
            Q::Registration => "registration",
            Q::ApplicantType => "applicant-type",
            Q::Where => "where",
            Q::Citizenship => "citizenship",
            Q::Stay => "stay",
            Q::Visa => "visa",
            Q::Host => "host",
            Q::Submitter => "submitter",
            Q::Branch => "branch",
            Q::Family => "family",
            Q::Member(_) => "member",
            Q::Years => "years",
            Q::Priority => "priority",
            Q::Manager => "manager",
            Q::CoveringFee => "covering-fee",
            Q::FeeCategory => "fee-category",
            Q::EntryDate => "entry-date",
            Q::VisaExpiry => "visa-expiry",
        }
    }

    /// What kind of value the question takes.
    pub fn kind(self) -> Kind {
        match self {
            Q::Need => Kind::Choice(Need::CODES),
            Q::Investor => Kind::Choice(Investor::CODES),
            Q::Purpose => Kind::Choice(Purpose::CODES),
            Q::Entries => Kind::Choice(Entries::CODES),
            Q::Registration => Kind::Choice(Registration::CODES),
            Q::ApplicantType => Kind::Choice(ApplicantType::CODES),
            Q::Where => Kind::Choice(Place::CODES),
            Q::Citizenship => Kind::Choice(Citizenship::CODES),
            Q::Stay => Kind::Choice(Stay::CODES),
            Q::Visa => Kind::Choice(HeldVisa::CODES),
            Q::Host => Kind::Choice(Host::CODES),
            Q::Submitter => Kind::Choice(Submitter::CODES),
            Q::Branch => Kind::Choice(Branch::CODES),
            Q::Family => Kind::Count {
                min: 0,
                max: MAX_FAMILY,
            },
            Q::Member(_) => Kind::Choice(Relation::CODES),
            Q::Years => Kind::Choice(&["1", "2", "3", "4", "5"]),
            Q::Priority | Q::Manager | Q::CoveringFee => Kind::Choice(&["yes", "no"]),
            Q::FeeCategory => Kind::Choice(FeeCategory::CODES),
            Q::EntryDate | Q::VisaExpiry => Kind::Date,
        }
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Q::Member(n) => write!(f, "member{n}"),
            q => f.write_str(q.text_id()),
        }
    }
}

/// The id is not one of ours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownQuestion;

impl FromStr for QuestionId {
    type Err = UnknownQuestion;

    fn from_str(s: &str) -> Result<QuestionId, UnknownQuestion> {
        if let Some(n) = s.strip_prefix("member") {
            // One digit 1..=9 only, so each member has exactly one spelling.
            return match n.as_bytes() {
                [d @ b'1'..=b'9'] if d - b'0' <= MAX_FAMILY => Ok(Q::Member(d - b'0')),
                _ => Err(UnknownQuestion),
            };
        }
        Q::ROUTING
            .into_iter()
            .chain(Q::DETAILS)
            .find(|q| q.text_id() == s)
            .ok_or(UnknownQuestion)
    }
}

impl Serialize for QuestionId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for QuestionId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<QuestionId, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|_| serde::de::Error::custom(format!("unknown question id {s:?}")))
    }
}

/// The values a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One of these option ids, in display order.
    Choice(&'static [&'static str]),
    /// A whole number, written without sign or leading zeros.
    Count { min: u8, max: u8 },
    /// An ISO date, `YYYY-MM-DD`.
    Date,
}

/// Why a value is not a valid answer. `code()` is stable, for the UI to translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum AnswerError {
    Empty,
    UnknownOption,
    NotACount,
    CountOutOfRange { min: u8, max: u8 },
    NotADate,
}

impl AnswerError {
    pub fn code(self) -> &'static str {
        match self {
            AnswerError::Empty => "empty",
            AnswerError::UnknownOption => "unknown-option",
            AnswerError::NotACount => "not-a-count",
            AnswerError::CountOutOfRange { .. } => "count-out-of-range",
            AnswerError::NotADate => "not-a-date",
        }
    }
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::CountOutOfRange { min, max } => {
                write!(f, "{} ({min}..={max})", self.code())
            }
            _ => f.write_str(self.code()),
        }
    }
}

impl std::error::Error for AnswerError {}

/// Checks a value against the question's kind.
pub fn validate(q: QuestionId, value: &str) -> Result<(), AnswerError> {
    if value.is_empty() {
        return Err(AnswerError::Empty);
    }
    match q.kind() {
        Kind::Choice(codes) if codes.contains(&value) => Ok(()),
        Kind::Choice(_) => Err(AnswerError::UnknownOption),
        Kind::Count { min, max } => {
            let canonical = value.len() <= 3
                && value.bytes().all(|b| b.is_ascii_digit())
                && (value == "0" || !value.starts_with('0'));
            let n: u16 = match value.parse() {
                Ok(n) if canonical => n,
                _ => return Err(AnswerError::NotACount),
            };
            if (u16::from(min)..=u16::from(max)).contains(&n) {
                Ok(())
            } else {
                Err(AnswerError::CountOutOfRange { min, max })
            }
        }
        Kind::Date => parse_date(value).map(|_| ()).ok_or(AnswerError::NotADate),
    }
}

/// Validates and records an answer; an invalid value leaves `answers` unchanged.
pub fn answer(answers: &mut Answers, q: QuestionId, value: &str) -> Result<(), AnswerError> {
    validate(q, value)?;
    answers.insert(q, value.to_owned());
    Ok(())
}

/// `YYYY-MM-DD` exactly (one spelling per day).
fn parse_date(value: &str) -> Option<NaiveDate> {
    super::iso::parse_date(value)
}

/// A choice question's options as an enum, so the routing matches exhaustively.
trait Choice: Sized + Copy {
    fn parse(code: &str) -> Option<Self>;
}

/// A choice asked under one fixed question id.
trait Asked: Choice {
    const QUESTION: QuestionId;
}

macro_rules! choice {
    ($(#[$meta:meta])* $name:ident for $q:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        choice!($(#[$meta])* $name { $($variant = $code),+ });
        impl Asked for $name {
            const QUESTION: QuestionId = QuestionId::$q;
        }
    };
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const CODES: &'static [&'static str] = &[$($code),+];

            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// The option of a code, as the answers and the forms write it.
            pub fn from_code(code: &str) -> Option<$name> {
                <$name as Choice>::parse(code)
            }
        }

        impl Serialize for $name {
            fn serialize<S2: Serializer>(&self, s: S2) -> Result<S2::Ok, S2::Error> {
                s.serialize_str(self.code())
            }
        }

        impl Choice for $name {
            fn parse(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

choice!(
    /// `need`: what the person needs.
    Need for Need {
        Work = "work",
        Invest = "invest",
        Business = "business",
        Live = "live",
        Cancel = "cancel",
        Qualification = "qualification",
        Registration = "registration",
    }
);
choice!(
    /// `investor`: A5, or A6 for an AIFC investment resident.
    Investor for Investor { A5 = "a5", A6 = "a6" }
);
choice!(
    /// `purpose` of a business trip; it sets the visa category.
    Purpose for Purpose {
        Events = "events",
        Services = "services",
        Negotiations = "negotiations",
        Immigrant = "immigrant",
    }
);
choice!(
    /// `entries`: single- or multiple-entry business visa (B2 and B3 only).
    Entries for Entries { Single = "single", Multiple = "multiple" }
);
choice!(
    /// `registration`: which migration or tax registration.
    Registration for Registration {
        Arrival = "arrival",
        Iin = "iin",
        TaxResidency = "tax-residency",
        TaxResidencyItrp = "tax-residency-itrp",
        DigitalSignature = "digital-signature",
        Fingerprinting = "fingerprinting",
    }
);
choice!(
    /// `applicant-type`, for the digital signature and the tax residency certificate.
    ApplicantType for ApplicantType { Individual = "individual", LegalEntity = "legal-entity" }
);
choice!(
    /// `where` the applicant is now.
    Place for Where { Outside = "outside", Inside = "inside" }
);
choice!(
    /// `citizenship` group: EAEU states are also CIS members, so they have their own option.
    Citizenship for Citizenship { Eaeu = "eaeu", Cis = "cis", Other = "other" }
);
choice!(
    /// `stay`: planned length of stay, in calendar days.
    Stay for Stay { UpTo30 = "up-to-30", UpTo90 = "31-90", Over90 = "over-90" }
);
choice!(
    /// `visa`: the Kazakh visa the applicant holds now.
    HeldVisa for Visa {
        None = "none",
        Work = "work",
        A5 = "a5",
        A6 = "a6",
        BusinessSingle = "business-single",
        BusinessMulti = "business-multi",
        Other = "other",
    }
);
choice!(
    /// `host`: does the host party stay the same (extension) or change (new application)?
    Host for Host { Same = "same", New = "new" }
);
choice!(
    /// `submitter`: who submits the documents at the Expat Centre.
    Submitter for Submitter { Employer = "employer", Asp = "asp" }
);
choice!(
    /// `branch`: is the employer or inviting party a branch or representative office?
    Branch for Branch { Yes = "yes", No = "no" }
);
choice!(
    /// `fee-category`: the TRP fee's category, the ids of its `CategoryFee` rows.
    FeeCategory for FeeCategory { Employee = "employee", Expert = "expert" }
);
choice!(
    /// `memberN`: a family member's relation to the applicant (and a child's age group).
    Relation {
        Spouse = "spouse",
        ChildUnder14 = "child-under-14",
        Child14To18 = "child-14-18",
        ChildAdult = "child-adult",
        Other = "other",
    }
);

impl Relation {
    /// The guide's "child aged 14 to 18"; unknown for an "other" relative.
    pub fn child_14_to_18(self) -> Option<bool> {
        match self {
            Relation::Child14To18 => Some(true),
            Relation::Other => None,
            _ => Some(false),
        }
    }

    /// Under 18; unknown for an "other" relative.
    pub fn minor(self) -> Option<bool> {
        match self {
            Relation::ChildUnder14 | Relation::Child14To18 => Some(true),
            Relation::Other => None,
            Relation::Spouse | Relation::ChildAdult => Some(false),
        }
    }
}

/// The 23 services of the guide, by their catalogue ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ServiceId {
    WorkVisaInvitation,
    WorkVisaInKz,
    WorkVisaExtension,
    InvestorA5Invitation,
    InvestorA5InKz,
    InvestorA6Invitation,
    InvestorA6Extension,
    ResidencePermit,
    TemporaryResidencePermit,
    BusinessSingleInvitation,
    BusinessSingleExtension,
    BusinessMultiInvitation,
    BusinessMultiInKz,
    BusinessMultiExtension,
    VisaCancellationDeparted,
    VisaCancellationExitVisa,
    QualificationReview,
    ArrivalNotification,
    Iin,
    TaxResidencyCertificate,
    TaxResidencyCertificateItrp,
    DigitalSignature,
    Fingerprinting,
}

use ServiceId as S;

impl ServiceId {
    pub const ALL: [ServiceId; 23] = [
        S::WorkVisaInvitation,
        S::WorkVisaInKz,
        S::WorkVisaExtension,
        S::InvestorA5Invitation,
        S::InvestorA5InKz,
        S::InvestorA6Invitation,
        S::InvestorA6Extension,
        S::ResidencePermit,
        S::TemporaryResidencePermit,
        S::BusinessSingleInvitation,
        S::BusinessSingleExtension,
        S::BusinessMultiInvitation,
        S::BusinessMultiInKz,
        S::BusinessMultiExtension,
        S::VisaCancellationDeparted,
        S::VisaCancellationExitVisa,
        S::QualificationReview,
        S::ArrivalNotification,
        S::Iin,
        S::TaxResidencyCertificate,
        S::TaxResidencyCertificateItrp,
        S::DigitalSignature,
        S::Fingerprinting,
    ];

    /// The catalogue's `Service::id`.
    pub fn as_str(self) -> &'static str {
        match self {
            S::WorkVisaInvitation => "work-visa-invitation",
            S::WorkVisaInKz => "work-visa-in-kz",
            S::WorkVisaExtension => "work-visa-extension",
            S::InvestorA5Invitation => "investor-a5-invitation",
            S::InvestorA5InKz => "investor-a5-in-kz",
            S::InvestorA6Invitation => "investor-a6-invitation",
            S::InvestorA6Extension => "investor-a6-extension",
            S::ResidencePermit => "residence-permit",
            S::TemporaryResidencePermit => "temporary-residence-permit",
            S::BusinessSingleInvitation => "business-single-invitation",
            S::BusinessSingleExtension => "business-single-extension",
            S::BusinessMultiInvitation => "business-multi-invitation",
            S::BusinessMultiInKz => "business-multi-in-kz",
            S::BusinessMultiExtension => "business-multi-extension",
            S::VisaCancellationDeparted => "visa-cancellation-departed",
            S::VisaCancellationExitVisa => "visa-cancellation-exit-visa",
            S::QualificationReview => "qualification-review",
            S::ArrivalNotification => "arrival-notification",
            S::Iin => "iin",
            S::TaxResidencyCertificate => "tax-residency-certificate",
            S::TaxResidencyCertificateItrp => "tax-residency-certificate-itrp",
            S::DigitalSignature => "digital-signature",
            S::Fingerprinting => "fingerprinting",
        }
    }

    pub fn from_id(id: &str) -> Option<ServiceId> {
        S::ALL.into_iter().find(|s| s.as_str() == id)
    }

    /// The questions asked once the service is known: who submits, whether the company documents
    /// need the branch power of attorney, the family, the applicant type. A service is asked only
    /// what its documents or the guide's rules depend on.
    fn tail(self) -> Tail {
        let t = |submitter, branch, family, applicant_type| Tail {
            submitter,
            branch,
            family,
            applicant_type,
        };
        match self {
            // The guide names who submits for work, TRP, business and cancellation services;
            // the guide mentions family members for work, TRP and the cancellation after departure.
            S::WorkVisaInvitation
            | S::WorkVisaInKz
            | S::TemporaryResidencePermit
            | S::VisaCancellationDeparted => t(true, true, true, false),
            S::BusinessSingleInvitation
            | S::BusinessMultiInvitation
            | S::BusinessMultiInKz
            | S::VisaCancellationExitVisa => t(true, true, false, false),
            // Extensions: the guide gives no document list, only who submits.
            S::WorkVisaExtension | S::BusinessSingleExtension | S::BusinessMultiExtension => {
                t(true, false, false, false)
            }
            // Investor services: company documents and family, but no stated submitter.
            S::InvestorA5Invitation | S::InvestorA5InKz | S::InvestorA6Invitation => {
                t(false, true, true, false)
            }
            // Registrations every person needs, and the residence permit: one checklist each.
            S::ResidencePermit | S::ArrivalNotification | S::Iin | S::Fingerprinting => {
                t(false, false, true, false)
            }
            S::TaxResidencyCertificate | S::DigitalSignature => t(false, false, false, true),
            S::InvestorA6Extension | S::QualificationReview | S::TaxResidencyCertificateItrp => {
                t(false, false, false, false)
            }
        }
    }

    /// The services that usually follow: the registrations after arrival (the arrival
    /// notification within 3 working days of entry, the IIN, fingerprinting), or, after a
    /// qualification review, the visa or permit it was for.
    fn next_steps(self) -> &'static [ServiceId] {
        const AFTER_ARRIVAL: &[ServiceId] = &[S::ArrivalNotification, S::Iin, S::Fingerprinting];
        match self {
            S::WorkVisaInvitation
            | S::WorkVisaInKz
            | S::InvestorA5Invitation
            | S::InvestorA5InKz
            | S::InvestorA6Invitation
            | S::TemporaryResidencePermit => AFTER_ARRIVAL,
            S::BusinessSingleInvitation | S::BusinessMultiInvitation => &[S::ArrivalNotification],
            S::BusinessMultiInKz => &[S::ArrivalNotification, S::Fingerprinting],
            S::ResidencePermit => &[S::Fingerprinting],
            S::QualificationReview => &[
                S::WorkVisaInvitation,
                S::WorkVisaInKz,
                S::TemporaryResidencePermit,
            ],
            S::ArrivalNotification => &[S::Iin, S::Fingerprinting],
            S::Iin => &[S::DigitalSignature],
            S::WorkVisaExtension
            | S::InvestorA6Extension
            | S::BusinessSingleExtension
            | S::BusinessMultiExtension
            | S::VisaCancellationDeparted
            | S::VisaCancellationExitVisa
            | S::TaxResidencyCertificate
            | S::TaxResidencyCertificateItrp
            | S::DigitalSignature
            | S::Fingerprinting => &[],
        }
    }
}

impl fmt::Display for ServiceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ServiceId {
    fn serialize<S2: Serializer>(&self, s: S2) -> Result<S2::Ok, S2::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The catalogue's ids are read as `ServiceId`s: an id the routing does not know fails the
/// catalogue's parse (a test), so no look-up by id can miss at run time.
impl<'de> Deserialize<'de> for ServiceId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ServiceId, D::Error> {
        let s = String::deserialize(d)?;
        ServiceId::from_id(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown service id {s:?}")))
    }
}

struct Tail {
    submitter: bool,
    branch: bool,
    family: bool,
    applicant_type: bool,
}

macro_rules! reasons {
    ($($variant:ident = $code:literal),+ $(,)?) => {
        /// Why an outcome fits, or why an alternative exists. The text of each is in
        /// `questions.json` ([`reason_text`]); `code()` is stable.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Reason {
            $($variant),+
        }

        impl Reason {
            pub const ALL: &'static [Reason] = &[$(Reason::$variant),+];

            pub fn code(self) -> &'static str {
                match self {
                    $(Reason::$variant => $code),+
                }
            }
        }
    };
}

reasons! {
    InvitationFromAbroad = "invitation-from-abroad",
    VisaInKazakhstan = "visa-in-kazakhstan",
    ExtensionSameHost = "extension-same-host",
    NewHostNewApplication = "new-host-new-application",
    TrpCis = "trp-cis",
    TrpEaeu = "trp-eaeu",
    NoTrpShortStay = "no-trp-short-stay",
    TrpInKazakhstan = "trp-in-kazakhstan",
    A5Investors = "a5-investors",
    A5NoExtension = "a5-no-extension",
    A6InvestmentResidents = "a6-investment-residents",
    A6EmbassyOnly = "a6-embassy-only",
    RpInvestmentResidents = "rp-investment-residents",
    RpNeedsInvestorVisa = "rp-needs-investor-visa",
    CategoryB1 = "category-b1",
    CategoryB2 = "category-b2",
    CategoryB3 = "category-b3",
    CategoryC5 = "category-c5",
    SingleEntryByInvitation = "single-entry-by-invitation",
    SingleExtensionDisputed = "single-extension-disputed",
    CancelDeparted = "cancel-departed",
    CancelExitVisa = "cancel-exit-visa",
    QualificationReview = "qualification-review",
    ArrivalNotification = "arrival-notification",
    IinInPerson = "iin-in-person",
    TaxResidency = "tax-residency",
    TaxResidencyItrp = "tax-residency-itrp",
    DigitalSignature = "digital-signature",
    Fingerprinting = "fingerprinting",
    SubmittedByEmployer = "submitted-by-employer",
    SubmittedByAsp = "submitted-by-asp",
    FamilyOwnChecklists = "family-own-checklists",
    AltVisaInKazakhstan = "alt-visa-in-kazakhstan",
    AltWorkVisa = "alt-work-visa",
    AltResidencePermit = "alt-residence-permit",
    AltA5 = "alt-a5",
    AltMultiEntry = "alt-multi-entry",
}

impl Serialize for Reason {
    fn serialize<S2: Serializer>(&self, s: S2) -> Result<S2::Ok, S2::Error> {
        s.serialize_str(self.code())
    }
}

use Reason as R;

/// Another service that may fit, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Alternative {
    pub service: ServiceId,
    pub reason: Reason,
}

/// Where the answers lead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub service: ServiceId,
    /// The visa category the application is for ("C3", "B2"...), Latin letters; `None` where
    /// the service is not one visa category (TRP, registrations...). Document conditions on the
    /// visa category are evaluated against it.
    pub visa_category: Option<&'static str>,
    /// Why the service fits, in the order to show.
    pub reasons: Vec<Reason>,
    pub alternatives: Vec<Alternative>,
    /// The services that usually follow: the registrations after arrival (arrival notification,
    /// IIN, fingerprinting), or, after a qualification review, the visa or permit it was for.
    pub next_steps: Vec<ServiceId>,
}

impl Outcome {
    fn new(service: ServiceId) -> Outcome {
        Outcome {
            service,
            visa_category: None,
            reasons: Vec::new(),
            alternatives: Vec::new(),
            next_steps: service.next_steps().to_vec(),
        }
    }

    fn because(mut self, reason: Reason) -> Outcome {
        self.reasons.push(reason);
        self
    }

    fn or(mut self, service: ServiceId, reason: Reason) -> Outcome {
        self.alternatives.push(Alternative { service, reason });
        self
    }

    fn then(mut self, service: ServiceId) -> Outcome {
        if !self.next_steps.contains(&service) {
            self.next_steps.push(service);
        }
        self
    }

    fn category(mut self, category: &'static str) -> Outcome {
        self.visa_category = Some(category);
        self
    }
}

/// What the wizard does next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Step {
    Ask(QuestionId),
    Done(Outcome),
}

/// The next question, or the outcome, for these answers (replayed from the start).
pub fn next(answers: &Answers) -> Step {
    walk(answers).1
}

/// The questions answered on the way to [`next`]'s step, in order. The pending question is not
/// in it; an answer whose question is not in it does not count.
pub fn path(answers: &Answers) -> Vec<QuestionId> {
    walk(answers).0
}

/// The answers that still count: those on the path, and valid details. Idempotent.
pub fn prune(answers: &Answers) -> Answers {
    let path = path(answers);
    answers
        .iter()
        .filter(|(q, v)| path.contains(q) || (q.is_detail() && validate(**q, v).is_ok()))
        .map(|(q, v)| (*q, v.clone()))
        .collect()
}

/// The details the outcome page offers for a service: fee options its fee table has, and the
/// date its deadlines count from.
pub fn details(service: &Service) -> Vec<QuestionId> {
    let fees = &service.fees;
    let mut details = Vec::new();
    match fees.service_fee {
        ServiceFee::ByYears { .. } => details.push(Q::Years),
        ServiceFee::ByCategory { .. } => details.push(Q::FeeCategory),
        _ => {}
    }
    if fees.priority.is_some() {
        details.push(Q::Priority);
    }
    if fees.personal_manager.is_some() {
        details.push(Q::Manager);
    }
    if service.id == ServiceId::Fingerprinting {
        details.push(Q::CoveringFee);
    }
    match service.kind {
        ServiceKind::Invitation => details.push(Q::EntryDate),
        ServiceKind::Extension => details.push(Q::VisaExpiry),
        _ => {}
    }
    details
}

/// The details as typed values; invalid or missing ones are `None` (or `false`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    pub years: Option<u8>,
    pub fee_category: Option<FeeCategory>,
    pub priority: bool,
    pub manager: bool,
    /// A fee that makes fingerprinting free was paid ([`QuestionId::CoveringFee`]).
    pub covering_fee: bool,
    pub entry_date: Option<NaiveDate>,
    pub visa_expiry: Option<NaiveDate>,
}

impl Details {
    /// The details as answer codes, as share links and stored drafts write them. An option not
    /// taken is written as nothing, which reads back the same.
    pub fn codes(&self) -> Answers {
        let yes = |on: bool| on.then(|| "yes".to_owned());
        let mut codes = Answers::new();
        for (q, v) in [
            (Q::Years, self.years.map(|y| y.to_string())),
            (
                Q::FeeCategory,
                self.fee_category.map(|c| c.code().to_owned()),
            ),
            (Q::Priority, yes(self.priority)),
            (Q::Manager, yes(self.manager)),
            (Q::CoveringFee, yes(self.covering_fee)),
            (Q::EntryDate, self.entry_date.map(|d| d.to_string())),
            (Q::VisaExpiry, self.visa_expiry.map(|d| d.to_string())),
        ] {
            if let Some(v) = v {
                codes.insert(q, v);
            }
        }
        codes
    }
}

pub fn read_details(answers: &Answers) -> Details {
    let valid = |q: QuestionId| {
        answers
            .get(&q)
            .filter(|v| validate(q, v).is_ok())
            .map(String::as_str)
    };
    Details {
        years: valid(Q::Years).and_then(|v| v.parse().ok()),
        fee_category: valid(Q::FeeCategory).and_then(FeeCategory::parse),
        covering_fee: valid(Q::CoveringFee) == Some("yes"),
        priority: valid(Q::Priority) == Some("yes"),
        manager: valid(Q::Manager) == Some("yes"),
        entry_date: valid(Q::EntryDate).and_then(parse_date),
        visa_expiry: valid(Q::VisaExpiry).and_then(parse_date),
    }
}

/// The family members on the path, in order: `None` for one not yet answered.
pub fn family(answers: &Answers) -> Vec<Option<Relation>> {
    let path = path(answers);
    if !path.contains(&Q::Family) {
        return Vec::new();
    }
    let count = answers
        .get(&Q::Family)
        .and_then(|v| v.parse::<u8>().ok())
        .unwrap_or(0);
    (1..=count)
        .map(|n| {
            let q = Q::Member(n);
            answers
                .get(&q)
                .and_then(|v| Relation::parse(v))
                .filter(|_| path.contains(&q))
        })
        .collect()
}

/// One replay of the routing: the path so far and the step it reaches.
fn walk(answers: &Answers) -> (Vec<QuestionId>, Step) {
    let mut w = Walk {
        answers,
        path: Vec::new(),
    };
    let step = match route(&mut w) {
        Ok(outcome) => Step::Done(outcome),
        Err(q) => Step::Ask(q),
    };
    (w.path, step)
}

/// `Err(q)`: question `q` is unanswered (or its answer is invalid) and must be asked.
type Next<T> = Result<T, QuestionId>;

struct Walk<'a> {
    answers: &'a Answers,
    path: Vec<QuestionId>,
}

impl Walk<'_> {
    fn choice<T: Choice>(&mut self, q: QuestionId) -> Next<T> {
        let value = self.answers.get(&q).and_then(|v| T::parse(v)).ok_or(q)?;
        self.path.push(q);
        Ok(value)
    }

    fn ask<T: Asked>(&mut self) -> Next<T> {
        self.choice(T::QUESTION)
    }

    fn count(&mut self, q: QuestionId) -> Next<u8> {
        let value = self.answers.get(&q).ok_or(q)?;
        validate(q, value).map_err(|_| q)?;
        let n = value.parse().map_err(|_| q)?;
        self.path.push(q);
        Ok(n)
    }
}

fn route(w: &mut Walk) -> Next<Outcome> {
    let outcome = match w.ask::<Need>()? {
        Need::Work => work(w)?,
        Need::Invest => match w.ask::<Investor>()? {
            Investor::A5 => investor_a5(w)?,
            Investor::A6 => investor_a6(w)?,
        },
        Need::Business => business(w)?,
        Need::Live => live(w)?,
        Need::Cancel => match w.ask::<Place>()? {
            Place::Outside => Outcome::new(S::VisaCancellationDeparted).because(R::CancelDeparted),
            Place::Inside => Outcome::new(S::VisaCancellationExitVisa).because(R::CancelExitVisa),
        },
        Need::Qualification => Outcome::new(S::QualificationReview).because(R::QualificationReview),
        Need::Registration => registration(w)?,
    };
    tail(w, outcome)
}

/// Work: a TRP where the citizenship and stay call for it, else the C3 work visa.
fn work(w: &mut Walk) -> Next<Outcome> {
    let place = w.ask::<Place>()?;
    let trp = match w.ask::<Citizenship>()? {
        Citizenship::Other => None,
        // EAEU states are also CIS members: the EAEU's 90-day rule takes precedence.
        Citizenship::Eaeu => match w.ask::<Stay>()? {
            Stay::Over90 => Some(R::TrpEaeu),
            Stay::UpTo30 | Stay::UpTo90 => None,
        },
        Citizenship::Cis => match w.ask::<Stay>()? {
            Stay::UpTo30 => None,
            Stay::UpTo90 | Stay::Over90 => Some(R::TrpCis),
        },
    };
    // A CIS or EAEU citizen below the limit: say why no TRP.
    let short_stay = trp.is_none() && w.path.contains(&Q::Stay);
    if let Some(why) = trp {
        let outcome = Outcome::new(S::TemporaryResidencePermit).because(why);
        return Ok(match place {
            Place::Outside => outcome
                .because(R::TrpInKazakhstan)
                .or(S::WorkVisaInvitation, R::AltWorkVisa),
            Place::Inside => outcome.or(S::WorkVisaInKz, R::AltWorkVisa),
        });
    }
    let outcome = match place {
        Place::Outside => Outcome::new(S::WorkVisaInvitation)
            .because(R::InvitationFromAbroad)
            .or(S::WorkVisaInKz, R::AltVisaInKazakhstan),
        Place::Inside => match w.ask::<HeldVisa>()? {
            HeldVisa::Work => match w.ask::<Host>()? {
                Host::Same => Outcome::new(S::WorkVisaExtension).because(R::ExtensionSameHost),
                Host::New => Outcome::new(S::WorkVisaInKz).because(R::NewHostNewApplication),
            },
            _ => Outcome::new(S::WorkVisaInKz).because(R::VisaInKazakhstan),
        },
    };
    let outcome = if short_stay {
        outcome.because(R::NoTrpShortStay)
    } else {
        outcome
    };
    Ok(outcome.category("C3"))
}

fn investor_a5(w: &mut Walk) -> Next<Outcome> {
    let outcome = match w.ask::<Place>()? {
        Place::Outside => Outcome::new(S::InvestorA5Invitation)
            .because(R::A5Investors)
            .because(R::InvitationFromAbroad)
            .or(S::InvestorA5InKz, R::AltVisaInKazakhstan),
        // The guide has no A5 extension: in Kazakhstan the visa is applied for anew.
        Place::Inside => Outcome::new(S::InvestorA5InKz)
            .because(R::A5Investors)
            .because(R::VisaInKazakhstan)
            .because(R::A5NoExtension),
    };
    Ok(outcome.category("A5"))
}

/// A6: by invitation only (step 2 at an embassy); extended in Kazakhstan for the same host.
fn investor_a6(w: &mut Walk) -> Next<Outcome> {
    let invitation = || {
        Outcome::new(S::InvestorA6Invitation)
            .because(R::A6InvestmentResidents)
            .category("A6")
    };
    Ok(match w.ask::<Place>()? {
        Place::Outside => invitation()
            .because(R::InvitationFromAbroad)
            .because(R::A6EmbassyOnly)
            .or(S::InvestorA5Invitation, R::AltA5),
        Place::Inside => match w.ask::<HeldVisa>()? {
            HeldVisa::A6 => match w.ask::<Host>()? {
                Host::Same => Outcome::new(S::InvestorA6Extension)
                    .because(R::A6InvestmentResidents)
                    .because(R::ExtensionSameHost)
                    .category("A6")
                    .or(S::ResidencePermit, R::AltResidencePermit),
                Host::New => invitation()
                    .because(R::NewHostNewApplication)
                    .because(R::A6EmbassyOnly)
                    .or(S::InvestorA5InKz, R::AltA5),
            },
            _ => invitation()
                .because(R::A6EmbassyOnly)
                .or(S::InvestorA5InKz, R::AltA5),
        },
    })
}

/// The residence permit needs a current investor visa, so without one the visa comes first.
fn live(w: &mut Walk) -> Next<Outcome> {
    Ok(match w.ask::<Place>()? {
        Place::Outside => Outcome::new(S::InvestorA6Invitation)
            .because(R::RpNeedsInvestorVisa)
            .because(R::InvitationFromAbroad)
            .because(R::A6EmbassyOnly)
            .category("A6")
            .or(S::InvestorA5Invitation, R::AltA5)
            .then(S::ResidencePermit),
        Place::Inside => match w.ask::<HeldVisa>()? {
            HeldVisa::A5 | HeldVisa::A6 => {
                Outcome::new(S::ResidencePermit).because(R::RpInvestmentResidents)
            }
            _ => Outcome::new(S::InvestorA5InKz)
                .because(R::RpNeedsInvestorVisa)
                .because(R::VisaInKazakhstan)
                .category("A5")
                .then(S::ResidencePermit),
        },
    })
}

fn business(w: &mut Walk) -> Next<Outcome> {
    let purpose = w.ask::<Purpose>()?;
    let (category, why) = match purpose {
        Purpose::Events => ("B1", R::CategoryB1),
        Purpose::Services => ("B2", R::CategoryB2),
        Purpose::Negotiations => ("B3", R::CategoryB3),
        Purpose::Immigrant => ("C5", R::CategoryC5),
    };
    // Multiple-entry business visas exist for B2 and B3 only.
    let multi_exists = matches!(purpose, Purpose::Services | Purpose::Negotiations);
    let entries = if multi_exists {
        w.ask::<Entries>()?
    } else {
        Entries::Single
    };
    let base = |service| Outcome::new(service).because(why).category(category);
    let single_invitation = || {
        let outcome = base(S::BusinessSingleInvitation);
        if multi_exists {
            outcome.or(S::BusinessMultiInKz, R::AltMultiEntry)
        } else {
            outcome
        }
    };
    Ok(match (entries, w.ask::<Place>()?) {
        (Entries::Single, Place::Outside) => {
            let outcome = base(S::BusinessSingleInvitation).because(R::InvitationFromAbroad);
            if multi_exists {
                outcome.or(S::BusinessMultiInvitation, R::AltMultiEntry)
            } else {
                outcome
            }
        }
        (Entries::Multiple, Place::Outside) => base(S::BusinessMultiInvitation)
            .because(R::InvitationFromAbroad)
            .or(S::BusinessMultiInKz, R::AltVisaInKazakhstan),
        (Entries::Single, Place::Inside) => match w.ask::<HeldVisa>()? {
            HeldVisa::BusinessSingle => match w.ask::<Host>()? {
                Host::Same => {
                    let outcome = base(S::BusinessSingleExtension).because(R::ExtensionSameHost);
                    // The older Expat Centre site says single-entry B1 and B3 are not extended.
                    if matches!(purpose, Purpose::Events | Purpose::Negotiations) {
                        outcome.because(R::SingleExtensionDisputed)
                    } else {
                        outcome
                    }
                }
                Host::New => single_invitation()
                    .because(R::NewHostNewApplication)
                    .because(R::SingleEntryByInvitation),
            },
            _ => single_invitation().because(R::SingleEntryByInvitation),
        },
        (Entries::Multiple, Place::Inside) => match w.ask::<HeldVisa>()? {
            HeldVisa::BusinessMulti => match w.ask::<Host>()? {
                Host::Same => base(S::BusinessMultiExtension).because(R::ExtensionSameHost),
                Host::New => base(S::BusinessMultiInKz).because(R::NewHostNewApplication),
            },
            _ => base(S::BusinessMultiInKz).because(R::VisaInKazakhstan),
        },
    })
}

fn registration(w: &mut Walk) -> Next<Outcome> {
    Ok(match w.ask::<Registration>()? {
        Registration::Arrival => {
            Outcome::new(S::ArrivalNotification).because(R::ArrivalNotification)
        }
        Registration::Iin => Outcome::new(S::Iin).because(R::IinInPerson),
        Registration::TaxResidency => {
            Outcome::new(S::TaxResidencyCertificate).because(R::TaxResidency)
        }
        Registration::TaxResidencyItrp => Outcome::new(S::TaxResidencyCertificateItrp)
            .because(R::TaxResidency)
            .because(R::TaxResidencyItrp),
        Registration::DigitalSignature => {
            Outcome::new(S::DigitalSignature).because(R::DigitalSignature)
        }
        Registration::Fingerprinting => Outcome::new(S::Fingerprinting).because(R::Fingerprinting),
    })
}

/// The questions every route ends with, as far as the chosen service needs them.
fn tail(w: &mut Walk, mut outcome: Outcome) -> Next<Outcome> {
    let tail = outcome.service.tail();
    if tail.applicant_type {
        w.ask::<ApplicantType>()?;
    }
    if tail.submitter {
        outcome = outcome.because(match w.ask::<Submitter>()? {
            Submitter::Employer => R::SubmittedByEmployer,
            Submitter::Asp => R::SubmittedByAsp,
        });
    }
    if tail.branch {
        // Read by the checklist (the branch power of attorney), not by the routing.
        w.ask::<Branch>()?;
    }
    if tail.family {
        let members = w.count(Q::Family)?;
        for n in 1..=members {
            w.choice::<Relation>(Q::Member(n))?;
        }
        if members > 0 {
            outcome = outcome.because(R::FamilyOwnChecklists);
        }
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests;
