//! The service catalogue of the AIFC Expat Centre guide, embedded at compile time.
//!
//! `src/data/catalogue.json` is the only place service facts live. Every service names the guide
//! lines it comes from (`source`), so each fact can be traced back to the guide.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde::Serialize;

use super::flow::ServiceId;
use super::lang::{Lang, Text};

// The catalogue as the build script wrote it from `src/data/catalogue.json` and
// `src/data/services/*.json`: `static CATALOGUE: Catalogue`.
include!(concat!(env!("OUT_DIR"), "/data/catalogue.rs"));

/// The embedded catalogue. Native tests prove it validates.
pub fn catalogue() -> &'static Catalogue {
    &CATALOGUE
}

/// The office, for the footer of every page.
pub fn office() -> &'static Office {
    &CATALOGUE.office
}

#[derive(Clone, Debug, Serialize)]
pub struct Catalogue {
    /// The date the guide's KZT figures are valid for (they use the MRP of that year).
    pub as_of: chrono::NaiveDate,
    pub overview: Overview,
    pub office: Office,
    pub sections: &'static [Section],
    pub documents: &'static [Document],
    pub services: &'static [Service],
}

#[derive(Clone, Debug, Serialize)]
pub struct Overview {
    pub paragraphs: &'static [Text],
    pub source: SourceLines,
}

#[derive(Clone, Debug, Serialize)]
pub struct Office {
    /// "09:00"
    pub opens: &'static str,
    pub closes: &'static str,
    pub lunch_from: &'static str,
    pub lunch_to: &'static str,
    pub hours_note: Option<Text>,
    pub phones: &'static [Phone],
    pub email: &'static str,
    pub address: Text,
    pub portal_url: &'static str,
    pub source: SourceLines,
}

#[derive(Clone, Debug, Serialize)]
pub struct Phone {
    /// As dialled: "+7 7172 64 73 33".
    pub number: &'static str,
    /// When it answers, in the guide's words.
    pub hours: Text,
}

/// Inclusive line range in `expat-centre-guide.kk.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SourceLines {
    pub from: u32,
    pub to: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct Section {
    pub id: &'static str,
    pub title: Text,
}

/// A document defined once and referenced by services.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    pub id: &'static str,
    pub name: Text,
}

/// What kind of service this is; deadlines and wizard outcomes depend on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    /// An invitation letter; the visa itself is issued abroad or at the airport (step 2).
    Invitation,
    /// A visa issued in Kazakhstan.
    VisaInKazakhstan,
    /// A visa extension (filed 30 to 5 working days before the visa expires).
    Extension,
    ResidencePermit,
    TemporaryResidencePermit,
    Cancellation,
    /// Cancellation while in Kazakhstan, with an exit visa.
    CancellationWithExitVisa,
    QualificationReview,
    /// Migration and tax registrations (arrival notification, IIN, certificates, EDS, fingerprints).
    Registration,
}

#[derive(Clone, Debug, Serialize)]
pub struct Service {
    /// Stable kebab-case id, used in links: `work-visa-invitation`.
    pub id: ServiceId,
    /// A `Section::id`.
    pub section: &'static str,
    pub kind: ServiceKind,
    pub title: Text,
    /// What the service does, in a sentence or two.
    pub summary: Text,
    /// Who it is for and when it applies.
    pub audience: Text,
    /// Visa categories the service covers ("C3", "A5", "B2"...), Latin letters only.
    pub visa_categories: &'static [&'static str],
    /// The AIFC Portal request to file, as the guide names it.
    pub portal_request: Option<Text>,
    /// The application process, in order.
    pub steps: &'static [Text],
    /// Who may submit the documents.
    pub submitted_by: &'static [Submitter],
    /// The documents for the application at the Expat Centre.
    pub documents: &'static [DocumentRef],
    /// Step 2 at an embassy or airport, for invitations.
    pub step2: Option<Step2>,
    pub fees: Fees,
    pub processing: Processing,
    /// The guide's "state bodies may extend the term by up to 30 calendar days" applies.
    pub may_extend_by_30_calendar_days: bool,
    pub notes: &'static [Note],
    pub source: SourceLines,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Submitter {
    /// The employer (the AIFC participant) itself.
    Employer,
    /// A licensed AIFC ancillary service provider acting for the employer.
    AncillaryServiceProvider,
    /// The applicant in person.
    Applicant,
    /// The host party (for the arrival notification).
    HostParty,
}

/// Whose checklist a document belongs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Holder {
    /// Once per application, provided by the employer or host (company registration, power of attorney).
    Company,
    /// The main applicant only (employment contract, qualifications).
    Applicant,
    /// Each family member only (marriage or birth certificate, the worker's visa).
    FamilyMember,
    /// Every person, applicant and family members alike (passport copy, forms, state duty receipt).
    EachPerson,
}

/// When a document is required, in the guide's own terms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Condition {
    /// The employer or inviting party is a branch or representative office.
    BranchOrRepresentativeOffice,
    /// The visa category is one of these (Latin letters: "B2", "B3").
    VisaCategory { any_of: &'static [&'static str] },
    /// The applicant is an individual (not a legal entity).
    Individual,
    /// The applicant is a legal entity.
    LegalEntity,
    /// The person is a child aged 14 to 18.
    Child14To18,
    /// The person is a minor (under 18).
    Minor,
    /// Any other condition the guide states, shown to the user as written.
    Other { text: Text },
}

#[derive(Clone, Debug, Serialize)]
pub struct DocumentRef {
    /// A `Document::id`.
    pub doc: &'static str,
    pub holder: Holder,
    /// All must hold for the document to be required; empty means always.
    pub when: &'static [Condition],
    /// The guide's service-specific wording (validity, copies, apostille...).
    pub note: Option<Text>,
    /// Sub-items the guide lists under this document.
    pub items: &'static [Text],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step2Place {
    EmbassyOrAirport,
    EmbassyOnly,
}

#[derive(Clone, Debug, Serialize)]
pub struct Step2 {
    pub place: Step2Place,
    pub documents: &'static [DocumentRef],
    pub notes: &'static [Note],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    Note,
    Warning,
}

#[derive(Clone, Debug, Serialize)]
pub struct Note {
    pub kind: NoteKind,
    pub text: Text,
}

/// An amount in KZT as the guide prints it, kept as a decimal string in the data.
pub type Kzt = Decimal;

#[derive(Clone, Debug, Serialize)]
pub struct Fees {
    pub service_fee: ServiceFee,
    /// Priority Service surcharge, paid on top of the service fee.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub priority: Option<Kzt>,
    /// Personal Manager option.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub personal_manager: Option<Kzt>,
    pub state_duty: StateDuty,
    /// The guide's footnotes under the fee table, as written.
    pub footnotes: &'static [Text],
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ServiceFee {
    /// One fee for the service.
    Flat {
        #[serde(with = "rust_decimal::serde::str")]
        amount: Kzt,
    },
    /// A fee by visa length: "up to N years".
    ByYears { rows: &'static [YearsFee] },
    /// A fee by applicant category (the TRP: employee or expert).
    ByCategory { rows: &'static [CategoryFee] },
    /// The guide prints a figure that cannot be read; it is shown as unconfirmed, never guessed.
    Unconfirmed { printed: &'static str, note: Text },
    /// The guide gives no fee table for this service.
    NotGiven { note: Text },
}

#[derive(Clone, Debug, Serialize)]
pub struct YearsFee {
    pub up_to_years: u8,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Kzt,
}

#[derive(Clone, Debug, Serialize)]
pub struct CategoryFee {
    /// Stable id of the category ("employee", "expert").
    pub id: &'static str,
    pub label: Text,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Kzt,
    /// What the guide prints, when it differs from a plain KZT amount (no currency, say).
    pub printed: Option<&'static str>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StateDuty {
    /// A multiple of the MRP (АЕК); `printed_kzt` is the guide's KZT figure at its year's MRP.
    Mrp {
        #[serde(with = "rust_decimal::serde::str")]
        multiple: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        printed_kzt: Kzt,
    },
    /// The guide's table prints "–" in the state duty column.
    Dash,
    /// The guide's table has no state duty column.
    NotStated,
}

/// How long the Expat Centre takes, as the guide states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Processing {
    WorkingDays { days: u16 },
    WorkingDaysRange { min: u16, max: u16 },
    Minutes { min: u16, max: u16 },
    NotGiven,
}

impl Catalogue {
    /// The service of a link or a file: `None` for an id that is not one.
    pub fn service(&self, id: &str) -> Option<&Service> {
        Some(self.get(ServiceId::from_id(id)?))
    }

    /// The service with this id. Every [`ServiceId`] has one: `validate` checks it, and the
    /// embedded catalogue is validated by the tests.
    pub fn get(&self, id: ServiceId) -> &Service {
        self.services
            .iter()
            .find(|s| s.id == id)
            .expect("the catalogue has every service (validated)")
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Checks what serde cannot: unique ids, resolving references, non-empty texts, sane figures.
    /// Returns every problem found, so a data editor sees them all at once.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = BTreeSet::new();
        for s in self.sections {
            if !seen.insert(("section", s.id)) {
                problems.push(format!("duplicate section id {}", s.id));
            }
        }
        for d in self.documents {
            if !seen.insert(("document", d.id)) {
                problems.push(format!("duplicate document id {}", d.id));
            }
            check_text(&mut problems, d.id, &d.name);
        }
        for id in ServiceId::ALL {
            if !self.services.iter().any(|s| s.id == id) {
                problems.push(format!("{id}: no such service in the catalogue"));
            }
        }
        let mut used_docs = BTreeSet::new();
        for s in self.services {
            if !seen.insert(("service", s.id.as_str())) {
                problems.push(format!("duplicate service id {}", s.id));
            }
            if self.section(s.section).is_none() {
                problems.push(format!("{}: unknown section {}", s.id, s.section));
            }
            for t in [&s.title, &s.summary, &s.audience]
                .into_iter()
                .chain(s.steps)
                .chain(s.portal_request.as_ref())
                .chain(s.notes.iter().map(|n| &n.text))
                .chain(s.fees.footnotes)
            {
                check_text(&mut problems, s.id.as_str(), t);
            }
            let step2_docs = s.step2.iter().flat_map(|st| st.documents);
            for r in s.documents.iter().chain(step2_docs) {
                used_docs.insert(r.doc);
                if self.document(r.doc).is_none() {
                    problems.push(format!("{}: unknown document {}", s.id, r.doc));
                }
                for t in r.note.iter().chain(r.items) {
                    check_text(&mut problems, s.id.as_str(), t);
                }
            }
            if s.source.from > s.source.to {
                problems.push(format!("{}: source range is reversed", s.id));
            }
            problems.extend(
                s.fees
                    .problems()
                    .into_iter()
                    .map(|p| format!("{}: {p}", s.id)),
            );
            if let Processing::WorkingDaysRange { min, max } | Processing::Minutes { min, max } =
                s.processing
                && min > max
            {
                problems.push(format!("{}: processing range is reversed", s.id));
            }
            for c in s.visa_categories.iter() {
                if !c.is_ascii() {
                    problems.push(format!(
                        "{}: visa category {c} is not in Latin letters",
                        s.id
                    ));
                }
            }
        }
        for d in self.documents {
            if !used_docs.contains(d.id) {
                problems.push(format!("document {} is used by no service", d.id));
            }
        }
        problems
    }
}

impl Fees {
    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut amounts: Vec<Kzt> = self
            .priority
            .into_iter()
            .chain(self.personal_manager)
            .collect();
        match &self.service_fee {
            ServiceFee::Flat { amount } => amounts.push(*amount),
            ServiceFee::ByYears { rows } => {
                let years: Vec<u8> = rows.iter().map(|r| r.up_to_years).collect();
                if years.is_empty() || !years.windows(2).all(|w| w[0] < w[1]) {
                    problems.push("fee rows by years must be non-empty and increasing".into());
                }
                amounts.extend(rows.iter().map(|r| r.amount));
            }
            ServiceFee::ByCategory { rows } => amounts.extend(rows.iter().map(|r| r.amount)),
            ServiceFee::Unconfirmed { .. } | ServiceFee::NotGiven { .. } => {}
        }
        if amounts.iter().any(|a| a.is_sign_negative()) {
            problems.push("negative amount".into());
        }
        problems
    }
}

fn check_text(problems: &mut Vec<String>, owner: &str, text: &Text) {
    problems.extend(text.problems(owner));
}

impl Catalogue {
    /// Services whose title, summary, audience or visa categories contain every word of `query`,
    /// in any language (people search in the language they know the term in), in catalogue order.
    pub fn search(&self, query: &str) -> Vec<&Service> {
        let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
        self.services
            .iter()
            .filter(|s| {
                let mut haystack = String::new();
                for lang in Lang::ALL {
                    for t in [&s.title, &s.summary, &s.audience] {
                        haystack.push_str(t.get(lang));
                        haystack.push(' ');
                    }
                }
                haystack.push_str(&s.visa_categories.join(" "));
                let haystack = fold(&haystack);
                words.iter().all(|w| haystack.contains(w.as_str()))
            })
            .collect()
    }
}

/// Lower case, with the Cyrillic look-alikes people type for visa codes mapped to Latin.
fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'а' => 'a',
            'в' => 'b',
            'с' => 'c',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_finds_services_in_either_language() {
        let cat = catalogue();
        let ids = |q: &str| {
            cat.search(q)
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
        };
        assert!(ids("IIN").contains(&"iin"));
        assert!(ids("ЖСН").contains(&"iin"));
        assert!(ids("fingerprint").contains(&"fingerprinting"));
        assert!(ids("дактилоскопиялық").contains(&"fingerprinting"));
        assert_eq!(ids("").len(), 23, "an empty query lists everything");
        assert!(ids("no such service anywhere").is_empty());
    }

    #[test]
    fn a_cyrillic_visa_code_finds_the_latin_one() {
        let cat = catalogue();
        let latin: Vec<_> = cat.search("A5").iter().map(|s| &s.id).collect();
        let cyrillic: Vec<_> = cat.search("А5").iter().map(|s| &s.id).collect();
        assert!(!latin.is_empty());
        assert_eq!(latin, cyrillic);
    }
}
