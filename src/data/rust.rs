//! Build time (`build.rs`): the data files as Rust statics. The catalogue, the wizard's words,
//! the calendar and the MRP table are compiled into the app as values, so no JSON is parsed when
//! it starts, and the wasm holds no parser for their types (a parser per type was most of the
//! code that reading the data cost).
//!
//! Each function reads one type of the domain from its JSON and writes the Rust expression of
//! that value; the compiler then checks the expression against the type. A key that the type
//! has not, a missing key or a value of the wrong kind stops the build with its place in the
//! file. The domain's `validate` functions and the round-trip tests (`tests/catalogue_data.rs`)
//! check the values themselves.

use serde_json::{Map, Value};
use std::cell::RefCell;

/// A JSON object being read: every key must be read once it is done (`deny_unknown_fields`).
struct Obj<'a> {
    at: String,
    map: &'a Map<String, Value>,
    read: RefCell<Vec<&'a str>>,
}

impl<'a> Obj<'a> {
    fn new(value: &'a Value, at: &str) -> Obj<'a> {
        let Value::Object(map) = value else {
            fail(at, "not an object")
        };
        Obj {
            at: at.to_owned(),
            map,
            read: RefCell::new(Vec::new()),
        }
    }

    fn at(&self, key: &str) -> String {
        format!("{}.{key}", self.at)
    }

    fn get(&self, key: &'a str) -> Option<&'a Value> {
        self.read.borrow_mut().push(key);
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn req(&self, key: &'a str) -> &'a Value {
        self.get(key)
            .unwrap_or_else(|| fail(&self.at, &format!("no {key:?}")))
    }

    /// The field `key`, written by `f`.
    fn field(&self, key: &'a str, f: impl Fn(&Value, &str) -> String) -> String {
        f(self.req(key), &self.at(key))
    }

    /// An optional field: `Some(..)` or `None`.
    fn option(&self, key: &'a str, f: impl Fn(&Value, &str) -> String) -> String {
        match self.get(key) {
            Some(v) => format!("Some({})", f(v, &self.at(key))),
            None => "None".to_owned(),
        }
    }

    /// A list that may be left out (`#[serde(default)]`): an empty slice then.
    fn list_or_empty(&self, key: &'a str, f: impl Fn(&Value, &str) -> String) -> String {
        match self.get(key) {
            Some(v) => list(v, &self.at(key), f),
            None => "&[]".to_owned(),
        }
    }

    /// `Type { field: value, .. }` of the given fields; fails on any key left unread.
    fn done(&self, type_name: &str, fields: &[(&str, String)]) -> String {
        let read = self.read.borrow();
        if let Some(unknown) = self.map.keys().find(|k| !read.contains(&k.as_str())) {
            fail(&self.at, &format!("unknown field {unknown:?}"));
        }
        let fields: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        format!("{type_name} {{ {} }}", fields.join(", "))
    }
}

fn fail(at: &str, message: &str) -> ! {
    panic!("data file, at {at}: {message}")
}

fn str_of<'a>(v: &'a Value, at: &str) -> &'a str {
    v.as_str().unwrap_or_else(|| fail(at, "not a string"))
}

/// A string literal (Rust's debug form of a string is one).
fn string(v: &Value, at: &str) -> String {
    format!("{:?}", str_of(v, at))
}

fn boolean(v: &Value, at: &str) -> String {
    v.as_bool()
        .unwrap_or_else(|| fail(at, "not true or false"))
        .to_string()
}

fn integer(v: &Value, at: &str) -> String {
    v.as_i64()
        .unwrap_or_else(|| fail(at, "not an integer"))
        .to_string()
}

fn list(v: &Value, at: &str, f: impl Fn(&Value, &str) -> String) -> String {
    let items = v.as_array().unwrap_or_else(|| fail(at, "not a list"));
    let items: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| f(item, &format!("{at}[{i}]")))
        .collect();
    format!("&[{}]", items.join(", "))
}

/// `{"kk": .., "en": .., "ru": ..}`: every language, and only those.
fn text(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    let by_lang: Vec<String> = ["kk", "en", "ru"]
        .iter()
        .map(|l| o.field(l, string))
        .collect();
    o.done("", &[]);
    format!("Text::new([{}])", by_lang.join(", "))
}

/// `"snake_case"` as the variant `Type::SnakeCase` (also `kebab-case`).
fn variant(type_name: &str, name: &str) -> String {
    let camel: String = name
        .split(['_', '-'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    format!("{type_name}::{camel}")
}

/// A unit variant, from the variants the type has.
fn unit(
    type_name: &'static str,
    variants: &'static [&'static str],
) -> impl Fn(&Value, &str) -> String {
    move |v, at| {
        let name = str_of(v, at);
        if !variants.contains(&name) {
            fail(at, &format!("{name:?} is not one of {variants:?}"));
        }
        variant(type_name, name)
    }
}

/// `YYYY-MM-DD`, a real day, as a `NaiveDate` built at compile time.
fn date(v: &Value, at: &str) -> String {
    let s = str_of(v, at);
    let parts: Vec<u32> = s.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts[..] {
        [y, m, d] if s.len() == 10 && (1..=12).contains(&m) && d >= 1 && d <= days_in(y, m) => {
            format!("crate::domain::iso::ymd({y}, {m}, {d})")
        }
        _ => fail(at, &format!("{s:?} is not a YYYY-MM-DD date")),
    }
}

/// The days of a month of year `y`.
fn days_in(y: u32, m: u32) -> u32 {
    match m {
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A decimal written as a string ("35000", "1458.5"), as a `Decimal` built at compile time.
fn decimal(v: &Value, at: &str) -> String {
    let s = str_of(v, at);
    let (negative, digits) = s.strip_prefix('-').map_or((false, s), |d| (true, d));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all = format!("{whole}{fraction}");
    let mantissa: u64 = match all.parse() {
        Ok(m) if !whole.is_empty() && all.bytes().all(|b| b.is_ascii_digit()) => m,
        _ => fail(at, &format!("{s:?} is not a decimal")),
    };
    let (lo, mid) = (mantissa & 0xFFFF_FFFF, mantissa >> 32);
    format!(
        "rust_decimal::Decimal::from_parts({lo}, {mid}, 0, {negative}, {})",
        fraction.len()
    )
}

// ---- the catalogue (src/domain/catalogue.rs)

/// The base file and the service files, as one `Catalogue`.
pub fn catalogue(base: &Value, parts: &[(String, Value)]) -> String {
    let o = Obj::new(base, "catalogue.json");
    let mut documents: Vec<String> = Vec::new();
    let mut services: Vec<String> = Vec::new();
    let items = |v: &Value, at: &str, f: fn(&Value, &str) -> String| -> Vec<String> {
        let list = v.as_array().unwrap_or_else(|| fail(at, "not a list"));
        list.iter()
            .enumerate()
            .map(|(i, item)| f(item, &format!("{at}[{i}]")))
            .collect()
    };
    documents.extend(items(
        o.req("documents"),
        "catalogue.json.documents",
        document,
    ));
    if let Some(v) = o.get("services") {
        services.extend(items(v, "catalogue.json.services", service));
    }
    for (file, part) in parts {
        let p = Obj::new(part, file);
        if let Some(v) = p.get("documents") {
            documents.extend(items(v, &p.at("documents"), document));
        }
        services.extend(items(p.req("services"), &p.at("services"), service));
        p.done("", &[]);
    }
    o.done(
        "Catalogue",
        &[
            ("as_of", o.field("as_of", date)),
            ("overview", o.field("overview", overview)),
            ("office", o.field("office", office)),
            (
                "sections",
                o.field("sections", |v, at| list(v, at, section)),
            ),
            ("documents", format!("&[{}]", documents.join(", "))),
            ("services", format!("&[{}]", services.join(", "))),
        ],
    )
}

fn overview(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "Overview",
        &[
            (
                "paragraphs",
                o.field("paragraphs", |v, at| list(v, at, text)),
            ),
            ("source", o.field("source", source_lines)),
        ],
    )
}

fn office(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "Office",
        &[
            ("opens", o.field("opens", string)),
            ("closes", o.field("closes", string)),
            ("lunch_from", o.field("lunch_from", string)),
            ("lunch_to", o.field("lunch_to", string)),
            ("hours_note", o.option("hours_note", text)),
            ("phones", o.field("phones", |v, at| list(v, at, phone))),
            ("email", o.field("email", string)),
            ("address", o.field("address", text)),
            ("portal_url", o.field("portal_url", string)),
            ("source", o.field("source", source_lines)),
        ],
    )
}

fn phone(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "Phone",
        &[
            ("number", o.field("number", string)),
            ("hours", o.field("hours", text)),
        ],
    )
}

fn source_lines(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "SourceLines",
        &[
            ("from", o.field("from", integer)),
            ("to", o.field("to", integer)),
        ],
    )
}

fn section(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "Section",
        &[
            ("id", o.field("id", string)),
            ("title", o.field("title", text)),
        ],
    )
}

fn document(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "Document",
        &[
            ("id", o.field("id", string)),
            ("name", o.field("name", text)),
        ],
    )
}

fn service_id(v: &Value, at: &str) -> String {
    let id = str_of(v, at);
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        fail(at, &format!("{id:?} is not a kebab-case service id"));
    }
    // An id the routing does not know fails to compile.
    variant("ServiceId", id)
}

fn service(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    let kinds = &[
        "invitation",
        "visa_in_kazakhstan",
        "extension",
        "residence_permit",
        "temporary_residence_permit",
        "cancellation",
        "cancellation_with_exit_visa",
        "qualification_review",
        "registration",
    ];
    let submitters = &[
        "employer",
        "ancillary_service_provider",
        "applicant",
        "host_party",
    ];
    o.done(
        "Service",
        &[
            ("id", o.field("id", service_id)),
            ("section", o.field("section", string)),
            ("kind", o.field("kind", unit("ServiceKind", kinds))),
            ("title", o.field("title", text)),
            ("summary", o.field("summary", text)),
            ("audience", o.field("audience", text)),
            (
                "visa_categories",
                o.field("visa_categories", |v, at| list(v, at, string)),
            ),
            ("portal_request", o.option("portal_request", text)),
            ("steps", o.field("steps", |v, at| list(v, at, text))),
            (
                "submitted_by",
                o.field("submitted_by", |v, at| {
                    list(v, at, unit("Submitter", submitters))
                }),
            ),
            (
                "documents",
                o.field("documents", |v, at| list(v, at, document_ref)),
            ),
            ("step2", o.option("step2", step2)),
            ("fees", o.field("fees", fees)),
            ("processing", o.field("processing", processing)),
            (
                "may_extend_by_30_calendar_days",
                o.field("may_extend_by_30_calendar_days", boolean),
            ),
            ("notes", o.field("notes", |v, at| list(v, at, note))),
            ("source", o.field("source", source_lines)),
        ],
    )
}

fn document_ref(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    let holders = &["company", "applicant", "family_member", "each_person"];
    o.done(
        "DocumentRef",
        &[
            ("doc", o.field("doc", string)),
            ("holder", o.field("holder", unit("Holder", holders))),
            ("when", o.list_or_empty("when", condition)),
            ("note", o.option("note", text)),
            ("items", o.list_or_empty("items", text)),
        ],
    )
}

fn condition(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    let kind = str_of(o.req("kind"), &o.at("kind"));
    match kind {
        "branch_or_representative_office"
        | "individual"
        | "legal_entity"
        | "child14_to18"
        | "minor" => {
            o.done("", &[]);
            variant("Condition", kind)
        }
        "visa_category" => o.done(
            "Condition::VisaCategory",
            &[("any_of", o.field("any_of", |v, at| list(v, at, string)))],
        ),
        "other" => o.done("Condition::Other", &[("text", o.field("text", text))]),
        _ => fail(at, &format!("unknown condition {kind:?}")),
    }
}

fn step2(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "Step2",
        &[
            (
                "place",
                o.field(
                    "place",
                    unit("Step2Place", &["embassy_or_airport", "embassy_only"]),
                ),
            ),
            (
                "documents",
                o.field("documents", |v, at| list(v, at, document_ref)),
            ),
            ("notes", o.field("notes", |v, at| list(v, at, note))),
        ],
    )
}

fn note(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "Note",
        &[
            (
                "kind",
                o.field("kind", unit("NoteKind", &["note", "warning"])),
            ),
            ("text", o.field("text", text)),
        ],
    )
}

fn fees(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "Fees",
        &[
            ("service_fee", o.field("service_fee", service_fee)),
            ("priority", o.option("priority", decimal)),
            ("personal_manager", o.option("personal_manager", decimal)),
            ("state_duty", o.field("state_duty", state_duty)),
            ("footnotes", o.field("footnotes", |v, at| list(v, at, text))),
        ],
    )
}

fn service_fee(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    let kind = str_of(o.req("kind"), &o.at("kind"));
    match kind {
        "flat" => o.done(
            "ServiceFee::Flat",
            &[("amount", o.field("amount", decimal))],
        ),
        "by_years" => o.done(
            "ServiceFee::ByYears",
            &[("rows", o.field("rows", |v, at| list(v, at, years_fee)))],
        ),
        "by_category" => o.done(
            "ServiceFee::ByCategory",
            &[("rows", o.field("rows", |v, at| list(v, at, category_fee)))],
        ),
        "unconfirmed" => o.done(
            "ServiceFee::Unconfirmed",
            &[
                ("printed", o.field("printed", string)),
                ("note", o.field("note", text)),
            ],
        ),
        "not_given" => o.done("ServiceFee::NotGiven", &[("note", o.field("note", text))]),
        _ => fail(at, &format!("unknown service fee {kind:?}")),
    }
}

fn years_fee(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "YearsFee",
        &[
            ("up_to_years", o.field("up_to_years", integer)),
            ("amount", o.field("amount", decimal)),
        ],
    )
}

fn category_fee(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "CategoryFee",
        &[
            ("id", o.field("id", string)),
            ("label", o.field("label", text)),
            ("amount", o.field("amount", decimal)),
            ("printed", o.option("printed", string)),
        ],
    )
}

fn state_duty(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    let kind = str_of(o.req("kind"), &o.at("kind"));
    match kind {
        "mrp" => o.done(
            "StateDuty::Mrp",
            &[
                ("multiple", o.field("multiple", decimal)),
                ("printed_kzt", o.field("printed_kzt", decimal)),
            ],
        ),
        "dash" | "not_stated" => {
            o.done("", &[]);
            variant("StateDuty", kind)
        }
        _ => fail(at, &format!("unknown state duty {kind:?}")),
    }
}

fn processing(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    let kind = str_of(o.req("kind"), &o.at("kind"));
    let range = |type_name: &str| {
        o.done(
            type_name,
            &[
                ("min", o.field("min", integer)),
                ("max", o.field("max", integer)),
            ],
        )
    };
    match kind {
        "working_days" => o.done(
            "Processing::WorkingDays",
            &[("days", o.field("days", integer))],
        ),
        "working_days_range" => range("Processing::WorkingDaysRange"),
        "minutes" => range("Processing::Minutes"),
        "not_given" => {
            o.done("", &[]);
            "Processing::NotGiven".to_owned()
        }
        _ => fail(at, &format!("unknown processing {kind:?}")),
    }
}

// ---- the wizard's words (src/domain/flow/text.rs)

pub fn questions(v: &Value) -> String {
    let o = Obj::new(v, "questions.json");
    o.done(
        "Texts",
        &[
            (
                "questions",
                o.field("questions", |v, at| list(v, at, question)),
            ),
            ("reasons", o.field("reasons", |v, at| list(v, at, reason))),
        ],
    )
}

fn question(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "QuestionText",
        &[
            ("id", o.field("id", string)),
            ("title", o.field("title", text)),
            ("hint", o.option("hint", text)),
            ("options", o.list_or_empty("options", option_text)),
        ],
    )
}

fn option_text(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "OptionText",
        &[
            ("id", o.field("id", string)),
            ("label", o.field("label", text)),
            ("hint", o.option("hint", text)),
        ],
    )
}

fn reason(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "ReasonText",
        &[
            ("id", o.field("id", string)),
            ("text", o.field("text", text)),
        ],
    )
}

// ---- the calendar (src/domain/calendar.rs)

pub fn calendar(v: &Value) -> String {
    let o = Obj::new(v, "calendar.json");
    o.done(
        "CalendarData",
        &[
            ("as_of", o.field("as_of", date)),
            ("years", o.field("years", years)),
            (
                "holidays",
                o.field("holidays", |v, at| list(v, at, holiday)),
            ),
            ("movable", o.list_or_empty("movable", movable_holiday)),
            ("transfers", o.list_or_empty("transfers", transfer)),
        ],
    )
}

fn years(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "Years",
        &[
            ("first", o.field("first", integer)),
            ("last", o.field("last", integer)),
            ("projected_from", o.field("projected_from", integer)),
        ],
    )
}

fn holiday(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "Holiday",
        &[
            ("id", o.field("id", string)),
            ("name", o.field("name", text)),
            ("renamed", o.list_or_empty("renamed", rename)),
            ("dates", o.field("dates", |v, at| list(v, at, month_day))),
            ("moves_if_weekend", o.field("moves_if_weekend", boolean)),
            ("since", o.option("since", integer)),
            ("until", o.option("until", integer)),
        ],
    )
}

fn rename(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "Rename",
        &[
            ("from_year", o.field("from_year", integer)),
            ("name", o.field("name", text)),
        ],
    )
}

/// "MM-DD", a day of some year.
fn month_day(v: &Value, at: &str) -> String {
    let s = str_of(v, at);
    match s
        .split_once('-')
        .map(|(m, d)| (m.parse::<u32>(), d.parse::<u32>()))
    {
        // A leap year, so 02-29 passes; other years skip it.
        Some((Ok(month), Ok(day)))
            if s.len() == 5
                && (1..=12).contains(&month)
                && (1..=days_in(2024, month)).contains(&day) =>
        {
            format!("MonthDay {{ month: {month}, day: {day} }}")
        }
        _ => fail(at, &format!("{s:?} is not an MM-DD date")),
    }
}

fn movable_holiday(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "MovableHoliday",
        &[
            ("id", o.field("id", string)),
            ("name", o.field("name", text)),
            ("moves_if_weekend", o.field("moves_if_weekend", boolean)),
            ("dates", o.field("dates", |v, at| list(v, at, movable_date))),
        ],
    )
}

fn movable_date(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "MovableDate",
        &[
            ("date", o.field("date", date)),
            (
                "status",
                o.field(
                    "status",
                    unit("DateStatus", &["confirmed", "announced", "estimated"]),
                ),
            ),
            ("note", o.option("note", string)),
        ],
    )
}

fn transfer(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "Transfer",
        &[
            ("working_day", o.field("working_day", date)),
            ("day_off", o.field("day_off", date)),
            ("act", o.field("act", text)),
        ],
    )
}

// ---- the MRP (src/domain/fees.rs)

pub fn mrp(v: &Value) -> String {
    let o = Obj::new(v, "mrp.json");
    o.done(
        "MrpTable",
        &[
            ("name", o.field("name", string)),
            ("note", o.field("note", string)),
            ("valid_through", o.field("valid_through", date)),
            ("values", o.field("values", |v, at| list(v, at, mrp_value))),
        ],
    )
}

fn mrp_value(v: &Value, at: &str) -> String {
    let o = Obj::new(v, at);
    o.done(
        "MrpValue",
        &[
            ("effective_from", o.field("effective_from", date)),
            ("value", o.field("value", decimal)),
            (
                "status",
                o.field("status", unit("MrpStatus", &["verified", "reported"])),
            ),
            ("sources", o.field("sources", |v, at| list(v, at, string))),
            ("note", o.option("note", string)),
        ],
    )
}
