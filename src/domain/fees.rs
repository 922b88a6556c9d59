//! What a service costs on a payment date: the MRP in force, and a fee breakdown for a household.
//!
//! How the guide's fee columns apply to several people (line numbers in
//! `expat-centre-guide.kk.txt`):
//! - **Service fee, per person.** The rows read "«C3» санатындағы жұмыс визасы, *сондай-ақ
//!   отбасы мүшесінің визасы* үшін шақыру хаттарды рәсімдеу" (178-180; also 400-402, 587-589,
//!   737-739, 875-877): a family member's visa is named as an object of the same row, with its
//!   own documents (159-165), so each visa is its own application at the row's fee. The Centre
//!   also books one appointment per family or group member (aifc.kz/visa-services).
//! - **Priority Service, per person.** It "белгіленген сервистік алымға қосымша бөлек төленеді"
//!   (paid separately in addition to the established service fee: 220-222, 1181-1183,
//!   1303-1305, ...), so it follows each service fee.
//! - **State duty, per person.** Each application carries its own state duty receipt (1268); the
//!   Centre itself wrote "0.5 MCI per person" (expatcentre.aifc.kz, 5 Jan 2021).
//! - **Personal manager, per application, hence per person.** Its footnote (1299-1301,
//!   1505-1507, 1666-1668, 2096-2098, 2173-2175, 2259-2261, 2338-2340) describes "full
//!   information and consulting support on the application, submission and delivery of documents
//!   through a personal manager": support for one application, and each person files their own.
//!   Whether it adds to or replaces the base fee is not stated (only the Priority footnote says
//!   "in addition"); its column sits beside the Priority column in the same row, so we add it,
//!   the figure a user can safely budget, and flag [`Assumption::PersonalManagerAddsToServiceFee`].
//! - **TRP.** The row reads "Отбасы мүшелерін қоса алғанда" (including family members, 1171)
//!   and prices an employee (1173) or an expert (1179); what a family member pays is not stated,
//!   so we charge the chosen category per person and flag [`Assumption::TrpFeePerFamilyMember`].
//!
//! Figures the guide does not confirm are listed in [`FeeBreakdown::unconfirmed`] and kept out of
//! the total, never guessed.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::catalogue::{Kzt, Service, ServiceFee, ServiceKind, StateDuty};
use super::flow::{Details, ServiceId};
use super::lang::Text;

// The table as the build script wrote it from `src/data/mrp.json`: `static MRP_TABLE`.
include!(concat!(env!("OUT_DIR"), "/data/mrp.rs"));

/// The service id of fingerprint registration.
pub const FINGERPRINTING: ServiceId = ServiceId::Fingerprinting;

/// The MRP table. Native tests prove it validates.
pub fn mrp_table() -> &'static MrpTable {
    &MRP_TABLE
}

/// The MRP in force on `date`, from the embedded table.
pub fn mrp_on(date: NaiveDate) -> Result<Mrp, FeeError> {
    mrp_table().on(date)
}

/// MRP values by the date they take effect (`src/data/mrp.json`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MrpTable {
    pub name: &'static str,
    pub note: &'static str,
    /// The last day the table is known to cover; later dates get the latest value, flagged.
    pub valid_through: NaiveDate,
    /// In increasing `effective_from` order.
    pub values: &'static [MrpValue],
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MrpValue {
    pub effective_from: NaiveDate,
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Kzt,
    pub status: MrpStatus,
    /// Source keys of `facts.json → sources`.
    pub sources: &'static [&'static str],
    pub note: Option<&'static str>,
}

/// How well a value is sourced (the fact base's labels).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MrpStatus {
    /// An official source, or two independent ones that agree.
    Verified,
    /// A single secondary source.
    Reported,
}

/// Where the MRP used for a date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MrpSource {
    /// The table covers the date: the value in force since `from`.
    Known { from: NaiveDate },
    /// The date is past the table: the latest value (in force since `from`) is used, and the
    /// budget law for `year_asked` may have changed it.
    LatestKnown { from: NaiveDate, year_asked: i32 },
}

/// The MRP applied to a payment date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mrp {
    pub value: Kzt,
    pub status: MrpStatus,
    pub source: MrpSource,
}

impl MrpTable {
    /// The value in force on `date`. Dates before the first value are an error.
    pub fn on(&self, date: NaiveDate) -> Result<Mrp, FeeError> {
        let Some(v) = self.values.iter().rev().find(|v| v.effective_from <= date) else {
            return Err(FeeError::BeforeFirstMrp {
                date,
                first: self.values.first().map(|v| v.effective_from),
            });
        };
        let source = if date > self.valid_through {
            MrpSource::LatestKnown {
                from: v.effective_from,
                year_asked: date.year(),
            }
        } else {
            MrpSource::Known {
                from: v.effective_from,
            }
        };
        Ok(Mrp {
            value: v.value,
            status: v.status,
            source,
        })
    }

    /// Problems serde cannot see: order, signs, coverage.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.values.is_empty() {
            problems.push("no MRP values".into());
        }
        if !self
            .values
            .windows(2)
            .all(|w| w[0].effective_from < w[1].effective_from)
        {
            problems.push("MRP values must be in strictly increasing date order".into());
        }
        for v in self.values {
            if v.value <= Decimal::ZERO {
                problems.push(format!("{}: MRP must be positive", v.effective_from));
            }
            if v.sources.is_empty() {
                problems.push(format!("{}: no source", v.effective_from));
            }
        }
        if let Some(last) = self.values.last()
            && self.valid_through < last.effective_from
        {
            problems.push("valid_through is before the last value takes effect".into());
        }
        problems
    }
}

/// What the user asks to pay for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeRequest {
    /// The state duty uses the MRP in force on this date.
    pub payment_date: NaiveDate,
    /// For fees by visa length: the row "up to N years" with the smallest N >= this.
    pub visa_years: Option<u8>,
    /// For fees by category: a `CategoryFee::id` ("employee", "expert").
    pub category: Option<String>,
    pub priority: bool,
    pub personal_manager: bool,
    /// The applicant plus family members (or group members); each files their own application.
    pub persons: u32,
}

impl FeeRequest {
    /// The fee options the answers hold (visa length, category, Priority Service, manager),
    /// for `persons` people paying on `payment_date`.
    pub fn from_details(details: &Details, payment_date: NaiveDate, persons: u32) -> FeeRequest {
        FeeRequest {
            payment_date,
            visa_years: details.years,
            category: details.fee_category.map(|c| c.code().to_owned()),
            priority: details.priority,
            personal_manager: details.manager,
            persons,
        }
    }

    /// One person, no options, no years or category chosen.
    pub fn new(payment_date: NaiveDate) -> FeeRequest {
        FeeRequest {
            payment_date,
            visa_years: None,
            category: None,
            priority: false,
            personal_manager: false,
            persons: 1,
        }
    }
}

/// A fee and its total for everyone. Invariants: `total == per_person × persons`,
/// `per_person == Σ lines.per_person`, `total == Σ lines.total`, nothing negative.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FeeBreakdown {
    pub service_id: ServiceId,
    pub persons: u32,
    pub lines: Vec<FeeLine>,
    pub per_person: Kzt,
    pub total: Kzt,
    /// Figures the guide does not confirm; none of them is in the total.
    pub unconfirmed: Vec<Unconfirmed>,
    /// Readings of the guide the total depends on, for the UI to state.
    pub assumptions: Vec<Assumption>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FeeLine {
    pub kind: LineKind,
    pub per_person: Kzt,
    pub count: u32,
    /// `per_person × count`.
    pub total: Kzt,
    pub status: LineStatus,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LineKind {
    ServiceFee {
        basis: FeeBasis,
    },
    Priority,
    PersonalManager,
    /// `multiple × mrp.value`, exact.
    StateDuty {
        multiple: Decimal,
        mrp: Mrp,
    },
    /// The guide prints no state fee for this service; the line is 0 and says so.
    StateDutyNotPrinted {
        printed: NotPrinted,
    },
}

/// Which row of the fee table was used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FeeBasis {
    Flat,
    UpToYears {
        years: u8,
    },
    Category {
        id: String,
    },
    /// No readable figure, and none is due (a waived fee the guide leaves unconfirmed).
    Unpriced,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotPrinted {
    /// "–" in the state duty column.
    Dash,
    /// No state duty column.
    NoColumn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", content = "reason", rename_all = "snake_case")]
pub enum LineStatus {
    Charged,
    /// The amount is 0 for this reason.
    Waived(Waiver),
    /// The guide prints no state fee.
    NoStateFeePrinted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Waiver {
    /// Guide lines 2376-2380: free when the work visa, investor visa or TRP service fee was paid.
    FingerprintingFreeAfterVisaOrTrpFee,
}

/// A fee part left out of the total.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unconfirmed {
    pub kind: FeeKind,
    pub reason: Reason,
    /// What the guide prints, when it prints an unreadable figure ("00 000 KZT").
    pub printed: Option<String>,
    /// The catalogue's explanation, when it gives one.
    pub note: Option<Text>,
    /// How many people it would apply to.
    pub count: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeKind {
    ServiceFee,
    Priority,
    PersonalManager,
}

/// Why a figure is unconfirmed; the UI translates `code()`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    /// The guide prints a figure that cannot be read.
    ServiceFeeUnreadable,
    /// The guide gives no fee table (the extensions).
    ServiceFeeNotGiven,
    /// The fee depends on the visa length and none was given.
    YearsMissing,
    /// No row "up to N years" covers the length asked (or it is 0).
    YearsNotInTable {
        asked: u8,
        max: u8,
    },
    /// The fee depends on the applicant's category and none was given.
    CategoryMissing,
    CategoryUnknown {
        asked: String,
    },
    /// Priority Service was asked for, but the guide offers none for this service.
    PriorityNotOffered,
    PersonalManagerNotOffered,
}

/// A reading of an unclear guide that the total relies on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Assumption {
    /// The guide does not say whether the personal manager fee adds to or replaces the base fee.
    PersonalManagerAddsToServiceFee,
    /// The guide does not say what a family member pays for a TRP.
    TrpFeePerFamilyMember,
}

impl Reason {
    pub fn code(&self) -> &'static str {
        match self {
            Reason::ServiceFeeUnreadable => "service_fee_unreadable",
            Reason::ServiceFeeNotGiven => "service_fee_not_given",
            Reason::YearsMissing => "years_missing",
            Reason::YearsNotInTable { .. } => "years_not_in_table",
            Reason::CategoryMissing => "category_missing",
            Reason::CategoryUnknown { .. } => "category_unknown",
            Reason::PriorityNotOffered => "priority_not_offered",
            Reason::PersonalManagerNotOffered => "personal_manager_not_offered",
        }
    }
}

impl Waiver {
    pub fn code(self) -> &'static str {
        match self {
            Waiver::FingerprintingFreeAfterVisaOrTrpFee => {
                "fingerprinting_free_after_visa_or_trp_fee"
            }
        }
    }
}

impl Assumption {
    pub fn code(self) -> &'static str {
        match self {
            Assumption::PersonalManagerAddsToServiceFee => "personal_manager_adds_to_service_fee",
            Assumption::TrpFeePerFamilyMember => "trp_fee_per_family_member",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeeError {
    /// No MRP is known before the first value (2020-01-01).
    BeforeFirstMrp {
        date: NaiveDate,
        first: Option<NaiveDate>,
    },
    NoPersons,
    /// The catalogue holds a negative figure (its validation should have caught it).
    NegativeAmount {
        service_id: ServiceId,
    },
}

impl fmt::Display for FeeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeeError::BeforeFirstMrp {
                date,
                first: Some(first),
            } => {
                write!(f, "no MRP is known for {date}: the table starts on {first}")
            }
            FeeError::BeforeFirstMrp { date, first: None } => {
                write!(f, "no MRP is known for {date}: the table is empty")
            }
            FeeError::NoPersons => write!(f, "a fee needs at least one person"),
            FeeError::NegativeAmount { service_id } => {
                write!(f, "{service_id}: the catalogue holds a negative amount")
            }
        }
    }
}

impl std::error::Error for FeeError {}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WaiverError {
    /// The breakdown is not for fingerprint registration.
    NotFingerprinting { service_id: ServiceId },
    /// The paid service is not a work visa, investor visa or TRP service.
    PaidServiceDoesNotCover { service_id: ServiceId },
}

impl fmt::Display for WaiverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaiverError::NotFingerprinting { service_id } => {
                write!(f, "{service_id} is not fingerprint registration")
            }
            WaiverError::PaidServiceDoesNotCover { service_id } => {
                write!(
                    f,
                    "a paid {service_id} fee does not make fingerprinting free"
                )
            }
        }
    }
}

impl std::error::Error for WaiverError {}

/// The fee breakdown of `service` for `request`.
///
/// Every person pays every line (see the module docs). A payment date before the MRP table is an
/// error even for services without a state duty, so answers never depend on the service chosen.
pub fn compute_fees(service: &Service, request: &FeeRequest) -> Result<FeeBreakdown, FeeError> {
    if request.persons == 0 {
        return Err(FeeError::NoPersons);
    }
    let mrp = mrp_on(request.payment_date)?;
    let fees = &service.fees;
    let n = request.persons;
    let mut lines = Vec::new();
    let mut unconfirmed = Vec::new();
    let mut assumptions = Vec::new();
    let mut leave_out = |kind, reason, printed, note| {
        unconfirmed.push(Unconfirmed {
            kind,
            reason,
            printed,
            note,
            count: n,
        })
    };

    match service_fee_row(&fees.service_fee, request) {
        Ok((basis, amount)) => {
            lines.push(FeeLine::charged(LineKind::ServiceFee { basis }, amount, n));
            if service.kind == ServiceKind::TemporaryResidencePermit && n > 1 {
                assumptions.push(Assumption::TrpFeePerFamilyMember);
            }
        }
        Err((reason, printed, note)) => leave_out(FeeKind::ServiceFee, reason, printed, note),
    }
    if request.priority {
        match fees.priority {
            Some(amount) => lines.push(FeeLine::charged(LineKind::Priority, amount, n)),
            None => leave_out(FeeKind::Priority, Reason::PriorityNotOffered, None, None),
        }
    }
    if request.personal_manager {
        match fees.personal_manager {
            Some(amount) => {
                lines.push(FeeLine::charged(LineKind::PersonalManager, amount, n));
                assumptions.push(Assumption::PersonalManagerAddsToServiceFee);
            }
            None => leave_out(
                FeeKind::PersonalManager,
                Reason::PersonalManagerNotOffered,
                None,
                None,
            ),
        }
    }
    lines.push(match fees.state_duty {
        StateDuty::Mrp { multiple, .. } => FeeLine::charged(
            LineKind::StateDuty { multiple, mrp },
            multiple * mrp.value,
            n,
        ),
        StateDuty::Dash => FeeLine::not_printed(NotPrinted::Dash, n),
        StateDuty::NotStated => FeeLine::not_printed(NotPrinted::NoColumn, n),
    });

    if lines.iter().any(|l| l.per_person.is_sign_negative()) {
        return Err(FeeError::NegativeAmount {
            service_id: service.id,
        });
    }
    let mut breakdown = FeeBreakdown {
        service_id: service.id,
        persons: n,
        lines,
        per_person: Decimal::ZERO,
        total: Decimal::ZERO,
        unconfirmed,
        assumptions,
    };
    breakdown.sum();
    Ok(breakdown)
}

type LeftOut = (Reason, Option<String>, Option<Text>);

/// The service fee row that applies, or why none does.
fn service_fee_row(fee: &ServiceFee, request: &FeeRequest) -> Result<(FeeBasis, Kzt), LeftOut> {
    match fee {
        ServiceFee::Flat { amount } => Ok((FeeBasis::Flat, *amount)),
        ServiceFee::ByYears { rows } => {
            let Some(asked) = request.visa_years else {
                return Err((Reason::YearsMissing, None, None));
            };
            // Rows are validated as increasing, so the first that covers `asked` is the smallest;
            // a 0-year visa matches no row.
            rows.iter()
                .find(|r| r.up_to_years >= asked)
                .filter(|_| asked > 0)
                .map(|r| {
                    (
                        FeeBasis::UpToYears {
                            years: r.up_to_years,
                        },
                        r.amount,
                    )
                })
                .ok_or_else(|| {
                    let max = rows.iter().map(|r| r.up_to_years).max().unwrap_or(0);
                    (Reason::YearsNotInTable { asked, max }, None, None)
                })
        }
        ServiceFee::ByCategory { rows } => {
            let Some(asked) = &request.category else {
                return Err((Reason::CategoryMissing, None, None));
            };
            rows.iter()
                .find(|r| r.id == asked)
                .map(|r| {
                    (
                        FeeBasis::Category {
                            id: r.id.to_owned(),
                        },
                        r.amount,
                    )
                })
                .ok_or_else(|| {
                    (
                        Reason::CategoryUnknown {
                            asked: asked.clone(),
                        },
                        None,
                        None,
                    )
                })
        }
        ServiceFee::Unconfirmed { printed, note } => Err((
            Reason::ServiceFeeUnreadable,
            Some(printed.to_string()),
            Some(*note),
        )),
        ServiceFee::NotGiven { note } => Err((Reason::ServiceFeeNotGiven, None, Some(*note))),
    }
}

impl FeeLine {
    fn charged(kind: LineKind, per_person: Kzt, count: u32) -> FeeLine {
        FeeLine {
            kind,
            per_person,
            count,
            total: per_person * Decimal::from(count),
            status: LineStatus::Charged,
        }
    }

    fn not_printed(printed: NotPrinted, count: u32) -> FeeLine {
        FeeLine {
            kind: LineKind::StateDutyNotPrinted { printed },
            per_person: Decimal::ZERO,
            count,
            total: Decimal::ZERO,
            status: LineStatus::NoStateFeePrinted,
        }
    }
}

impl FeeBreakdown {
    /// The state duty line's MRP, if the service has one.
    pub fn mrp(&self) -> Option<&Mrp> {
        self.lines.iter().find_map(|l| match &l.kind {
            LineKind::StateDuty { mrp, .. } => Some(mrp),
            _ => None,
        })
    }

    /// True when the state duty uses the latest known MRP for a date past the table.
    pub fn uses_latest_known_mrp(&self) -> bool {
        self.mrp()
            .is_some_and(|m| matches!(m.source, MrpSource::LatestKnown { .. }))
    }

    fn sum(&mut self) {
        self.per_person = self.lines.iter().map(|l| l.per_person).sum();
        self.total = self.lines.iter().map(|l| l.total).sum();
    }
}

/// Whether a paid service fee for `paid` makes fingerprinting free: the guide names the work
/// visa, the investor visa and the TRP (lines 2376-2380), so visa services of categories C3, A5
/// and A6, and TRP services.
pub fn covers_fingerprinting(paid: &Service) -> bool {
    match paid.kind {
        ServiceKind::TemporaryResidencePermit => true,
        ServiceKind::Invitation | ServiceKind::VisaInKazakhstan | ServiceKind::Extension => paid
            .visa_categories
            .iter()
            .any(|c| matches!(*c, "C3" | "A5" | "A6")),
        _ => false,
    }
}

/// As [`compute_fees`], with the guide's waiver (lines 2376-2380): fingerprinting is free when
/// a work visa, investor visa or TRP service fee was paid for the same people
/// (`covering_fee_paid`, the fee option [`crate::domain::flow::QuestionId::CoveringFee`]).
pub fn compute_fees_for(
    service: &Service,
    request: &FeeRequest,
    covering_fee_paid: bool,
) -> Result<FeeBreakdown, FeeError> {
    let breakdown = compute_fees(service, request)?;
    Ok(if covering_fee_paid && service.id == FINGERPRINTING {
        free_fingerprinting(breakdown)
    } else {
        breakdown
    })
}

/// Makes the fingerprinting service fee 0 because the service fee of `paid` (a work visa,
/// investor visa or TRP service) was paid for the same people. Other lines stay as they are.
pub fn waive_fingerprinting(
    breakdown: FeeBreakdown,
    paid: &Service,
) -> Result<FeeBreakdown, WaiverError> {
    if breakdown.service_id != FINGERPRINTING {
        return Err(WaiverError::NotFingerprinting {
            service_id: breakdown.service_id,
        });
    }
    if !covers_fingerprinting(paid) {
        return Err(WaiverError::PaidServiceDoesNotCover {
            service_id: paid.id,
        });
    }
    Ok(free_fingerprinting(breakdown))
}

/// The fingerprinting breakdown with its service fee waived.
fn free_fingerprinting(mut breakdown: FeeBreakdown) -> FeeBreakdown {
    let waived = LineStatus::Waived(Waiver::FingerprintingFreeAfterVisaOrTrpFee);
    let service_fee = |k: &LineKind| matches!(k, LineKind::ServiceFee { .. });
    if let Some(line) = breakdown.lines.iter_mut().find(|l| service_fee(&l.kind)) {
        line.per_person = Decimal::ZERO;
        line.total = Decimal::ZERO;
        line.status = waived;
    } else {
        // Nothing is due, so an unreadable figure no longer matters.
        breakdown
            .unconfirmed
            .retain(|u| u.kind != FeeKind::ServiceFee);
        breakdown.lines.insert(
            0,
            FeeLine {
                kind: LineKind::ServiceFee {
                    basis: FeeBasis::Unpriced,
                },
                per_person: Decimal::ZERO,
                count: breakdown.persons,
                total: Decimal::ZERO,
                status: waived,
            },
        );
    }
    breakdown.sum();
    breakdown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::{CategoryFee, Fees, YearsFee};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn date(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// A service with the given fees and everything else minimal.
    fn service(
        id: ServiceId,
        kind: ServiceKind,
        categories: &'static [&'static str],
        fees: Fees,
    ) -> Service {
        use crate::domain::catalogue::{Processing, SourceLines};
        let t = Text::new(["t", "t", "t"]);
        Service {
            id,
            section: "s",
            kind,
            title: t,
            summary: t,
            audience: t,
            visa_categories: categories,
            portal_request: None,
            steps: &[],
            submitted_by: &[],
            documents: &[],
            step2: None,
            fees,
            processing: Processing::NotGiven,
            may_extend_by_30_calendar_days: false,
            notes: &[],
            source: SourceLines { from: 1, to: 2 },
        }
    }

    fn fees(service_fee: ServiceFee, priority: Option<&str>, state_duty: StateDuty) -> Fees {
        Fees {
            service_fee,
            priority: priority.map(d),
            personal_manager: None,
            state_duty,
            footnotes: &[],
        }
    }

    fn half_mrp() -> StateDuty {
        StateDuty::Mrp {
            multiple: d("0.5"),
            printed_kzt: d("2162.5"),
        }
    }

    fn work_invitation() -> Service {
        let rows = [
            (1, "370000"),
            (2, "460000"),
            (3, "550000"),
            (4, "640000"),
            (5, "730000"),
        ]
        .map(|(up_to_years, amount)| YearsFee {
            up_to_years,
            amount: d(amount),
        });
        let by_years = ServiceFee::ByYears {
            rows: Vec::leak(rows.to_vec()),
        };
        service(
            ServiceId::WorkVisaInvitation,
            ServiceKind::Invitation,
            &["C3"],
            fees(by_years, Some("150000"), half_mrp()),
        )
    }

    fn business_single() -> Service {
        let unreadable = ServiceFee::Unconfirmed {
            printed: "00 000 KZT",
            note: Text::new(["оқылмайды", "unreadable", "unreadable"]),
        };
        let mut fees = fees(unreadable, Some("40000"), half_mrp());
        fees.personal_manager = Some(d("170000"));
        service(
            ServiceId::BusinessSingleInvitation,
            ServiceKind::Invitation,
            &["B1", "B2", "B3", "C5"],
            fees,
        )
    }

    fn trp() -> Service {
        let category = |id, label, amount, printed| CategoryFee {
            id,
            label: Text::new([label, label, label]),
            amount: d(amount),
            printed: Some(printed),
        };
        let rows = vec![
            category("employee", "Employee", "120000", "120 000"),
            category("expert", "Expert", "100000", "100 000"),
        ];
        let by_category = ServiceFee::ByCategory {
            rows: Vec::leak(rows),
        };
        let fees = fees(by_category, Some("60000"), StateDuty::NotStated);
        service(
            ServiceId::TemporaryResidencePermit,
            ServiceKind::TemporaryResidencePermit,
            &[],
            fees,
        )
    }

    fn fingerprinting() -> Service {
        let flat = ServiceFee::Flat { amount: d("10000") };
        service(
            FINGERPRINTING,
            ServiceKind::Registration,
            &[],
            fees(flat, None, StateDuty::NotStated),
        )
    }

    fn request(y: i32) -> FeeRequest {
        FeeRequest::new(date(y, 3, 1))
    }

    fn assert_consistent(b: &FeeBreakdown) {
        let total: Decimal = b.lines.iter().map(|l| l.total).sum();
        let per_person: Decimal = b.lines.iter().map(|l| l.per_person).sum();
        assert_eq!(b.total, total);
        assert_eq!(b.per_person, per_person);
        assert_eq!(b.total, b.per_person * Decimal::from(b.persons));
        for l in &b.lines {
            assert_eq!(l.total, l.per_person * Decimal::from(l.count));
            assert!(!l.per_person.is_sign_negative());
        }
    }

    #[test]
    fn the_embedded_mrp_table_parses_and_validates() {
        let problems = mrp_table().validate();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(mrp_table().values.len(), 9);
    }

    #[test]
    fn mrp_follows_effective_dates_including_mid_year_changes() {
        let v = |y, m, day| mrp_on(date(y, m, day)).unwrap().value;
        assert_eq!(v(2020, 1, 1), d("2651"));
        assert_eq!(v(2020, 3, 31), d("2651"));
        assert_eq!(v(2020, 4, 1), d("2778"));
        assert_eq!(v(2021, 6, 1), d("2917"));
        assert_eq!(v(2022, 3, 31), d("3063"));
        assert_eq!(v(2022, 4, 1), d("3180"));
        assert_eq!(v(2023, 1, 1), d("3450"));
        assert_eq!(v(2024, 12, 31), d("3692"));
        assert_eq!(v(2025, 1, 1), d("3932"));
        assert_eq!(v(2026, 12, 31), d("4325"));
    }

    #[test]
    fn mrp_source_says_known_or_latest_known() {
        let m = mrp_on(date(2026, 12, 31)).unwrap();
        assert_eq!(
            m.source,
            MrpSource::Known {
                from: date(2026, 1, 1)
            }
        );
        assert_eq!(m.status, MrpStatus::Verified);
        let m = mrp_on(date(2027, 1, 1)).unwrap();
        assert_eq!(m.value, d("4325"));
        assert_eq!(
            m.source,
            MrpSource::LatestKnown {
                from: date(2026, 1, 1),
                year_asked: 2027
            }
        );
        assert_eq!(
            mrp_on(date(2020, 2, 1)).unwrap().status,
            MrpStatus::Reported
        );
    }

    #[test]
    fn mrp_before_2020_is_an_error() {
        assert_eq!(
            mrp_on(date(2019, 12, 31)),
            Err(FeeError::BeforeFirstMrp {
                date: date(2019, 12, 31),
                first: Some(date(2020, 1, 1))
            })
        );
        let r = compute_fees(&fingerprinting(), &FeeRequest::new(date(2019, 6, 1)));
        assert!(matches!(r, Err(FeeError::BeforeFirstMrp { .. })));
    }

    #[test]
    fn table_validation_finds_disorder_and_bad_values() {
        let mut t = mrp_table().clone();
        let mut values = t.values.to_vec();
        values.swap(0, 1);
        values[0].value = d("-1");
        t.values = Vec::leak(values);
        t.valid_through = date(2020, 1, 1);
        assert_eq!(t.validate().len(), 3);
    }

    #[test]
    fn state_duty_is_exact_multiple_times_mrp_per_person() {
        let mut r = request(2026);
        r.visa_years = Some(3);
        r.persons = 4;
        let b = compute_fees(&work_invitation(), &r).unwrap();
        let duty = b.lines.last().unwrap();
        // 0.5 × 4325 = 2162.5 exactly, × 4 = 8650.
        assert_eq!(duty.per_person, d("2162.5"));
        assert_eq!(duty.total, d("8650"));
        assert!(matches!(duty.kind, LineKind::StateDuty { multiple, .. } if multiple == d("0.5")));
        // 550 000 + 2 162.5 = 552 162.5 per person, × 4 = 2 208 650.
        assert_eq!(b.per_person, d("552162.5"));
        assert_eq!(b.total, d("2208650"));
        assert!(b.unconfirmed.is_empty() && b.assumptions.is_empty());
        assert_consistent(&b);
    }

    #[test]
    fn years_pick_the_smallest_covering_row() {
        let s = work_invitation();
        for (years, fee) in [(1, "370000"), (2, "460000"), (5, "730000")] {
            let mut r = request(2026);
            r.visa_years = Some(years);
            let b = compute_fees(&s, &r).unwrap();
            assert_eq!(b.lines[0].per_person, d(fee));
            assert_eq!(
                b.lines[0].kind,
                LineKind::ServiceFee {
                    basis: FeeBasis::UpToYears { years }
                }
            );
        }
        // Rows that skip a length: 2 years falls in "up to 3 years".
        let rows = [(1, "10"), (3, "30")].map(|(up_to_years, amount)| YearsFee {
            up_to_years,
            amount: d(amount),
        });
        let by_years = ServiceFee::ByYears {
            rows: Vec::leak(rows.to_vec()),
        };
        let gappy = service(
            ServiceId::WorkVisaExtension,
            ServiceKind::Invitation,
            &["C3"],
            fees(by_years, None, StateDuty::Dash),
        );
        let mut r = request(2026);
        r.visa_years = Some(2);
        let b = compute_fees(&gappy, &r).unwrap();
        assert_eq!(
            b.lines[0].kind,
            LineKind::ServiceFee {
                basis: FeeBasis::UpToYears { years: 3 }
            }
        );
    }

    #[test]
    fn missing_or_out_of_table_years_are_kept_out() {
        let s = work_invitation();
        for (years, reason) in [
            (None, Reason::YearsMissing),
            (Some(6), Reason::YearsNotInTable { asked: 6, max: 5 }),
            (Some(0), Reason::YearsNotInTable { asked: 0, max: 5 }),
        ] {
            let mut r = request(2026);
            r.visa_years = years;
            r.persons = 2;
            let b = compute_fees(&s, &r).unwrap();
            assert_eq!(b.unconfirmed.len(), 1);
            assert_eq!(b.unconfirmed[0].reason, reason);
            assert_eq!(b.unconfirmed[0].count, 2);
            // Only the state duty remains: 2 × 2 162.5.
            assert_eq!(b.total, d("4325"));
            assert_consistent(&b);
        }
    }

    #[test]
    fn unreadable_fee_is_kept_out_and_options_are_added() {
        let mut r = request(2026);
        r.priority = true;
        r.personal_manager = true;
        let b = compute_fees(&business_single(), &r).unwrap();
        assert_eq!(b.unconfirmed.len(), 1);
        let u = &b.unconfirmed[0];
        assert_eq!(
            (u.kind, u.reason.code()),
            (FeeKind::ServiceFee, "service_fee_unreadable")
        );
        assert_eq!(u.printed.as_deref(), Some("00 000 KZT"));
        // 40 000 + 170 000 + 2 162.5 = 212 162.5
        assert_eq!(b.total, d("212162.5"));
        assert_eq!(
            b.assumptions,
            vec![Assumption::PersonalManagerAddsToServiceFee]
        );
        assert_consistent(&b);
    }

    #[test]
    fn options_the_service_lacks_are_kept_out() {
        let mut r = request(2026);
        r.priority = true;
        r.personal_manager = true;
        r.persons = 3;
        let b = compute_fees(&fingerprinting(), &r).unwrap();
        let reasons: Vec<_> = b.unconfirmed.iter().map(|u| u.reason.code()).collect();
        assert_eq!(
            reasons,
            ["priority_not_offered", "personal_manager_not_offered"]
        );
        assert_eq!(b.total, d("30000"));
        assert!(b.assumptions.is_empty());
    }

    #[test]
    fn not_printed_state_duty_is_a_zero_line_that_says_so() {
        let b = compute_fees(&fingerprinting(), &request(2026)).unwrap();
        let last = b.lines.last().unwrap();
        assert_eq!(
            last.kind,
            LineKind::StateDutyNotPrinted {
                printed: NotPrinted::NoColumn
            }
        );
        assert_eq!(last.status, LineStatus::NoStateFeePrinted);
        assert_eq!(last.total, Decimal::ZERO);
        assert_eq!(b.mrp(), None);
    }

    #[test]
    fn trp_fee_by_category() {
        let mut r = request(2026);
        r.persons = 2;
        r.priority = true;
        assert_eq!(
            compute_fees(&trp(), &r).unwrap().unconfirmed[0].reason,
            Reason::CategoryMissing
        );
        r.category = Some("chief".into());
        assert_eq!(
            compute_fees(&trp(), &r).unwrap().unconfirmed[0].reason,
            Reason::CategoryUnknown {
                asked: "chief".into()
            }
        );
        r.category = Some("expert".into());
        let b = compute_fees(&trp(), &r).unwrap();
        // (100 000 + 60 000) × 2 = 320 000; no state duty column.
        assert_eq!(b.total, d("320000"));
        assert_eq!(b.assumptions, vec![Assumption::TrpFeePerFamilyMember]);
        assert_consistent(&b);
    }

    #[test]
    fn no_persons_is_an_error() {
        let mut r = request(2026);
        r.persons = 0;
        assert_eq!(
            compute_fees(&fingerprinting(), &r),
            Err(FeeError::NoPersons)
        );
    }

    #[test]
    fn latest_known_mrp_is_flagged_on_the_breakdown() {
        let mut r = request(2027);
        r.visa_years = Some(1);
        let b = compute_fees(&work_invitation(), &r).unwrap();
        assert!(b.uses_latest_known_mrp());
        assert_eq!(b.total, d("372162.5"));
        assert!(
            !compute_fees(
                &work_invitation(),
                &FeeRequest {
                    visa_years: Some(1),
                    ..request(2026)
                }
            )
            .unwrap()
            .uses_latest_known_mrp()
        );
    }

    #[test]
    fn fingerprinting_is_free_after_a_work_investor_or_trp_fee() {
        let mut r = request(2026);
        r.persons = 3;
        let b = compute_fees(&fingerprinting(), &r).unwrap();
        assert_eq!(b.total, d("30000"));
        let w = waive_fingerprinting(b.clone(), &work_invitation()).unwrap();
        assert_eq!(w.total, Decimal::ZERO);
        assert_eq!(
            w.lines[0].status,
            LineStatus::Waived(Waiver::FingerprintingFreeAfterVisaOrTrpFee)
        );
        assert_eq!(w.lines[0].count, 3);
        assert_consistent(&w);
        assert!(waive_fingerprinting(b.clone(), &trp()).is_ok());
        assert_eq!(
            waive_fingerprinting(b, &business_single()),
            Err(WaiverError::PaidServiceDoesNotCover {
                service_id: ServiceId::BusinessSingleInvitation
            })
        );
    }

    #[test]
    fn waiver_applies_only_to_fingerprinting() {
        let mut r = request(2026);
        r.visa_years = Some(1);
        let b = compute_fees(&work_invitation(), &r).unwrap();
        assert!(matches!(
            waive_fingerprinting(b, &trp()),
            Err(WaiverError::NotFingerprinting { .. })
        ));
    }

    #[test]
    fn waiving_an_unpriced_fingerprinting_fee_clears_it_from_unconfirmed() {
        let not_given = ServiceFee::NotGiven {
            note: Text::new(["жоқ", "none", "none"]),
        };
        let fp = service(
            FINGERPRINTING,
            ServiceKind::Registration,
            &[],
            fees(not_given, None, StateDuty::NotStated),
        );
        let b = compute_fees(&fp, &request(2026)).unwrap();
        assert_eq!(b.unconfirmed[0].reason, Reason::ServiceFeeNotGiven);
        let w = waive_fingerprinting(b, &trp()).unwrap();
        assert!(w.unconfirmed.is_empty());
        assert_eq!(
            w.lines[0].kind,
            LineKind::ServiceFee {
                basis: FeeBasis::Unpriced
            }
        );
        assert_consistent(&w);
    }

    #[test]
    fn covers_fingerprinting_follows_the_guides_list() {
        let visa = |kind, cat: &'static str| {
            let flat = ServiceFee::Flat { amount: d("1") };
            service(
                ServiceId::WorkVisaExtension,
                kind,
                Vec::leak(vec![cat]),
                fees(flat, None, StateDuty::Dash),
            )
        };
        use ServiceKind as K;
        assert!(covers_fingerprinting(&visa(K::VisaInKazakhstan, "C3")));
        assert!(covers_fingerprinting(&visa(K::Invitation, "A6")));
        assert!(covers_fingerprinting(&visa(K::Extension, "A5")));
        assert!(!covers_fingerprinting(&visa(K::VisaInKazakhstan, "B2")));
        assert!(!covers_fingerprinting(&visa(K::ResidencePermit, "A5")));
        assert!(!covers_fingerprinting(&visa(K::Cancellation, "C3")));
    }

    #[test]
    fn negative_catalogue_figures_are_refused() {
        let flat = ServiceFee::Flat { amount: d("-1") };
        let bad = service(
            ServiceId::QualificationReview,
            ServiceKind::Registration,
            &[],
            fees(flat, None, StateDuty::NotStated),
        );
        assert!(matches!(
            compute_fees(&bad, &request(2026)),
            Err(FeeError::NegativeAmount { .. })
        ));
    }

    #[test]
    fn codes_are_snake_case_and_match_serde() {
        let r = Reason::YearsNotInTable { asked: 6, max: 5 };
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["code"], r.code());
        assert_eq!(
            serde_json::to_value(Assumption::TrpFeePerFamilyMember).unwrap(),
            Assumption::TrpFeePerFamilyMember.code()
        );
        assert_eq!(
            serde_json::to_value(Waiver::FingerprintingFreeAfterVisaOrTrpFee).unwrap(),
            Waiver::FingerprintingFreeAfterVisaOrTrpFee.code()
        );
    }
}
