//! Interface words for the domain's codes.

use crate::domain::catalogue::{Condition, Holder, NoteKind, Processing, Step2Place, Submitter};
use crate::domain::lang::Lang;
use crate::ui::i18n::{Key, msg};

pub fn submitter(s: Submitter) -> Key {
    match s {
        Submitter::Employer => Key::SubmitterEmployer,
        Submitter::AncillaryServiceProvider => Key::SubmitterAsp,
        Submitter::Applicant => Key::SubmitterApplicant,
        Submitter::HostParty => Key::SubmitterHostParty,
    }
}

pub fn holder(h: Holder) -> Key {
    match h {
        Holder::Company => Key::HolderCompany,
        Holder::Applicant => Key::HolderApplicant,
        Holder::FamilyMember => Key::HolderFamilyMember,
        Holder::EachPerson => Key::HolderEachPerson,
    }
}

pub fn note_kind(k: NoteKind) -> (Key, &'static str) {
    match k {
        NoteKind::Note => (Key::NoteLabel, "note"),
        NoteKind::Warning => (Key::WarningLabel, "warning"),
    }
}

pub fn step2_place(p: Step2Place) -> Key {
    match p {
        Step2Place::EmbassyOrAirport => Key::Step2EmbassyOrAirport,
        Step2Place::EmbassyOnly => Key::Step2EmbassyOnly,
    }
}

/// How a document's condition is said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saying {
    /// On a service page: the document is required only if the condition holds.
    OnlyIf,
    /// On a checklist, where the answer it depends on was not asked: needed if it holds.
    IfApplicable,
    /// On a checklist, where the answers say it holds: needed because it holds.
    Because,
}

/// A condition as one whole sentence of its own, by one text for each kind of condition and
/// way of saying it ("Only if the applicant is an individual", "Needed because the person is a
/// child aged 14 to 18"): a label put before a fragment reads wrong in every language. A
/// condition the guide words itself (`Other`) is its own sentence, in every way of saying it.
pub fn condition(c: &Condition, saying: Saying, lang: Lang) -> String {
    use Saying::{Because, IfApplicable, OnlyIf};
    let key = |only_if: Key, if_applicable: Key, because: Key| {
        match saying {
            OnlyIf => only_if,
            IfApplicable => if_applicable,
            Because => because,
        }
        .text(lang)
        .to_owned()
    };
    match c {
        Condition::BranchOrRepresentativeOffice => key(
            Key::CondBranchOnlyIf,
            Key::CondBranchIfApplicable,
            Key::CondBranchBecause,
        ),
        Condition::VisaCategory { any_of } => {
            let categories = &any_of.join(", ");
            match saying {
                OnlyIf => msg::CondCategoryOnlyIf { categories }.text(lang),
                IfApplicable => msg::CondCategoryIfApplicable { categories }.text(lang),
                Because => msg::CondCategoryBecause { categories }.text(lang),
            }
        }
        Condition::Individual => key(
            Key::CondIndividualOnlyIf,
            Key::CondIndividualIfApplicable,
            Key::CondIndividualBecause,
        ),
        Condition::LegalEntity => key(
            Key::CondLegalEntityOnlyIf,
            Key::CondLegalEntityIfApplicable,
            Key::CondLegalEntityBecause,
        ),
        Condition::Child14To18 => key(
            Key::CondChild14To18OnlyIf,
            Key::CondChild14To18IfApplicable,
            Key::CondChild14To18Because,
        ),
        Condition::Minor => key(
            Key::CondMinorOnlyIf,
            Key::CondMinorIfApplicable,
            Key::CondMinorBecause,
        ),
        Condition::Other { text } => text.get(lang).to_owned(),
    }
}

/// "5 working days", "3–5 working days", "20–30 minutes".
pub fn processing(p: Processing, lang: Lang) -> String {
    let range = |min: u16, max: u16| {
        if min == max {
            min.to_string()
        } else {
            format!("{min}–{max}")
        }
    };
    match p {
        Processing::WorkingDays { days } => msg::WorkingDays { count: days.into() }.text(lang),
        // The noun agrees with the last number: "3–5 рабочих дней".
        Processing::WorkingDaysRange { min, max } => msg::WorkingDaysRange {
            range: &range(min, max),
            count: max.into(),
        }
        .text(lang),
        Processing::Minutes { min, max } => msg::MinutesRange {
            range: &range(min, max),
            count: max.into(),
        }
        .text(lang),
        Processing::NotGiven => Key::NotGiven.text(lang).to_owned(),
    }
}

/// "0.5 MRP", "0.5 АЕК", "0,5 МРП".
pub fn mrp_multiple(multiple: rust_decimal::Decimal, lang: Lang) -> String {
    format!(
        "{} {}",
        crate::ui::format::number(multiple, lang),
        Key::AtMrpOf.text(lang)
    )
}
