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

/// "Only if the employer is a branch or representative office", and so on.
pub fn condition(c: &Condition, lang: Lang) -> String {
    match c {
        Condition::BranchOrRepresentativeOffice => Key::CondBranch.text(lang).to_owned(),
        Condition::VisaCategory { any_of } => {
            format!("{} {}", Key::CondCategory.text(lang), any_of.join(", "))
        }
        Condition::Individual => Key::CondIndividual.text(lang).to_owned(),
        Condition::LegalEntity => Key::CondLegalEntity.text(lang).to_owned(),
        Condition::Child14To18 => Key::CondChild14To18.text(lang).to_owned(),
        Condition::Minor => Key::CondMinor.text(lang).to_owned(),
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
