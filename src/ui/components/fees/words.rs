//! Fees in words: each line's name and basis, why a fee is unconfirmed, the live total.

use chrono::Datelike;
use rust_decimal::Decimal;

use crate::domain::catalogue::{Service, ServiceFee};
use crate::domain::fees::{
    FeeBasis, FeeBreakdown, FeeError, FeeKind, FeeLine, LineKind, LineStatus, Mrp, MrpSource,
    NotPrinted, Reason,
};
use crate::domain::lang::Lang;
use crate::ui::components::labels;
use crate::ui::format;
use crate::ui::i18n::{Key, msg};

/// The row's name and, where it helps, how its amount was found.
pub fn line_label(service: &Service, line: &FeeLine, l: Lang) -> (String, Option<String>) {
    let t = |k: Key| k.text(l).to_owned();
    let waived = match line.status {
        LineStatus::Waived(_) => Some(t(Key::FeesWaived)),
        LineStatus::Charged | LineStatus::NoStateFeePrinted => None,
    };
    let fee = Key::ServiceFee.text(l).to_owned();
    match &line.kind {
        LineKind::ServiceFee { basis } => {
            let detail = match basis {
                FeeBasis::UpToYears { years } => Some(
                    msg::UpToYears {
                        count: u64::from(*years),
                    }
                    .text(l),
                ),
                FeeBasis::Category { id } => category_label(service, id, l),
                FeeBasis::Flat | FeeBasis::Unpriced => None,
            };
            (fee, waived.or(detail))
        }
        LineKind::Priority => (
            Key::PriorityService.text(l).to_owned(),
            Some(t(Key::FeesOnTopOfServiceFee)),
        ),
        LineKind::PersonalManager => (
            Key::PersonalManager.text(l).to_owned(),
            Some(t(Key::FeesManagerAssumed)),
        ),
        LineKind::StateDuty { multiple, mrp } => (
            Key::StateFee.text(l).to_owned(),
            Some(state_duty_detail(*multiple, mrp, line.per_person, l)),
        ),
        LineKind::StateDutyNotPrinted { printed } => (
            Key::StateFee.text(l).to_owned(),
            Some(match printed {
                NotPrinted::Dash => t(Key::FeesGuidePrintsDash),
                NotPrinted::NoColumn => t(Key::NoStateFeeColumn),
            }),
        ),
    }
}

pub fn category_label(service: &Service, id: &str, l: Lang) -> Option<String> {
    match &service.fees.service_fee {
        ServiceFee::ByCategory { rows } => rows
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.label.get(l).to_owned()),
        _ => None,
    }
}

/// "0.5 MRP × 4 325 ₸ (2026 MRP) = 2 162.50 ₸", and a word when the year's MRP is not known yet.
pub fn state_duty_detail(multiple: Decimal, mrp: &Mrp, per_person: Decimal, l: Lang) -> String {
    let from = match mrp.source {
        MrpSource::Known { from } | MrpSource::LatestKnown { from, .. } => from,
    };
    let which = if from.month() == 1 && from.day() == 1 {
        msg::MrpOfYear { year: &from.year() }.text(l)
    } else {
        msg::MrpFrom {
            date: &format::day(from, l),
        }
        .text(l)
    };
    let mut s = format!(
        "{} × {} ({which}) = {}",
        labels::mrp_multiple(multiple, l),
        format::kzt(mrp.value, l),
        format::kzt(per_person, l)
    );
    if let MrpSource::LatestKnown { year_asked, .. } = mrp.source {
        s.push_str("; ");
        s.push_str(&msg::MrpNotKnownYet { year: &year_asked }.text(l));
    }
    s
}

pub fn kind_label(kind: FeeKind, l: Lang) -> &'static str {
    match kind {
        FeeKind::ServiceFee => Key::ServiceFee.text(l),
        FeeKind::Priority => Key::PriorityService.text(l),
        FeeKind::PersonalManager => Key::PersonalManager.text(l),
    }
}

/// The visa length or category is simply not chosen yet: a prompt, not a warning.
pub fn choice_missing(r: &Reason) -> bool {
    matches!(r, Reason::YearsMissing | Reason::CategoryMissing)
}

pub fn reason_text(r: &Reason, l: Lang) -> String {
    let t = |k: Key| k.text(l).to_owned();
    match r {
        Reason::ServiceFeeUnreadable => t(Key::FeesUnreadable),
        Reason::ServiceFeeNotGiven => t(Key::FeesNoFeeTable),
        Reason::YearsMissing => t(Key::FeesChooseYears),
        Reason::YearsNotInTable { asked, max } => msg::FeesYearsNotInTable {
            asked,
            count: u64::from(*max),
        }
        .text(l),
        Reason::CategoryMissing => t(Key::FeesChooseCategory),
        Reason::CategoryUnknown { asked } => msg::FeesCategoryUnknown { asked }.text(l),
        Reason::PriorityNotOffered => t(Key::FeesPriorityNotOffered),
        Reason::PersonalManagerNotOffered => t(Key::FeesManagerNotOffered),
    }
}

/// "For 1 person: 550 000 ₸ + 150 000 ₸ + 2 162.50 ₸ = 702 162.50 ₸." (the live total).
pub fn summary(b: &FeeBreakdown, l: Lang) -> String {
    let parts: Vec<String> = b
        .lines
        .iter()
        .filter(|line| !line.per_person.is_zero())
        .map(|line| format::kzt(line.per_person, l))
        .collect();
    let per_person = format::kzt(b.per_person, l);
    let sum = if parts.len() > 1 {
        format!("{} = {per_person}", parts.join(" + "))
    } else {
        per_person.clone()
    };
    let mut s = if b.persons == 1 {
        msg::FeesSumOnePerson { sum: &sum }.text(l)
    } else {
        msg::FeesSumPersons {
            sum: &sum,
            per_person: &per_person,
            total: &format::kzt(b.total, l),
            count: b.persons.into(),
        }
        .text(l)
    };
    if b.unconfirmed.iter().any(|u| !choice_missing(&u.reason)) {
        s.push(' ');
        s.push_str(Key::FeesSomeLeftOut.text(l));
    } else if !b.unconfirmed.is_empty() {
        s.push(' ');
        s.push_str(Key::FeesChooseToInclude.text(l));
    }
    s
}

pub fn fee_error(e: &FeeError, l: Lang) -> String {
    match e {
        // An empty table (which the catalogue's tests rule out) knows no MRP before any date:
        // the payment date is then the one to name, never a blank.
        FeeError::BeforeFirstMrp { date, first } => msg::FeesBeforeFirstMrp {
            first: &format::day(first.unwrap_or(*date), l),
        }
        .text(l),
        FeeError::NoPersons => Key::FeesNoPersons.text(l).to_owned(),
        FeeError::NegativeAmount { .. } => Key::FeesNegative.text(l).to_owned(),
    }
}
