//! Words fit to print, in each language: one term for one thing, and every interface template,
//! filled with sample values, free of the seams that text put together by code shows.
//!
//! The texts are read from where they live: the locale files (`src/locales/<code>.txt`, every
//! form of every key) and every `{"kk", "en", "ru"}` text of the data (`src/data/**/*.json`).
//! - **Terms.** Each language has a list of variants its reviewers ruled out
//!   (`../shared/reference/kazakh-review-2.md`, `russian-review.md`), each with the term to use.
//! - **Lint.** Each template is filled with the numbers 1, 2, 5, 11 and 21 (a plural key with the
//!   form its language uses for that number), a date and a name, then checked: no placeholder
//!   left, no double colon, no English quotes in Kazakh or Russian, no Latin word outside an
//!   allow-list, no three dots for an ellipsis, one dash style.

use std::collections::BTreeMap;
use std::path::Path;

use expat_navigator::domain::lang::Lang;
use serde_json::Value;

/// A text and where it comes from ("ru.txt: DraftsShowing[few]", "services/iin.json: …").
struct Text {
    place: String,
    text: String,
    /// A template of the locale files (its placeholders are filled before the lint).
    template: bool,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every entry of a locale file, each plural form apart: `(key, form, text)`.
fn locale_entries(code: &str) -> Vec<(String, Option<String>, String)> {
    let source = std::fs::read_to_string(root().join(format!("src/locales/{code}.txt"))).unwrap();
    source
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with('@'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(key, text)| match key.split_once('[') {
            Some((k, form)) => (
                k.to_owned(),
                Some(form.trim_end_matches(']').to_owned()),
                text.to_owned(),
            ),
            None => (key.to_owned(), None, text.to_owned()),
        })
        .collect()
}

fn data_texts(code: &str) -> Vec<Text> {
    fn walk(value: &Value, code: &str, place: &str, out: &mut Vec<Text>) {
        match value {
            Value::Object(map) if ["kk", "en", "ru"].iter().all(|l| map.contains_key(*l)) => {
                if let Some(Value::String(text)) = map.get(code) {
                    out.push(Text {
                        place: place.to_owned(),
                        text: text.clone(),
                        template: false,
                    });
                }
            }
            Value::Object(map) => {
                for (k, v) in map {
                    walk(v, code, &format!("{place}.{k}"), out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, code, &format!("{place}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut files = vec![];
    let data = root().join("src/data");
    for entry in walkdir(&data) {
        if entry.extension().is_some_and(|e| e == "json") {
            files.push(entry);
        }
    }
    files.sort();
    for file in files {
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let name = file.strip_prefix(&data).unwrap().display().to_string();
        walk(&value, code, &name, &mut out);
    }
    out
}

fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Sample values for a placeholder, by its name, in `lang`, with `n` for the numbers.
fn sample(name: &str, lang: Lang, n: u64) -> String {
    let by_lang = |en: &str, kk: &str, ru: &str| {
        match lang {
            Lang::En => en,
            Lang::Kk => kk,
            Lang::Ru => ru,
        }
        .to_owned()
    };
    match name {
        "count" | "shown" | "matching" | "new" | "identical" | "line" | "min" | "max" | "from"
        | "to" | "days" | "pages" | "n" => n.to_string(),
        "year" => "2026".into(),
        "day" => "20".into(),
        "size" => by_lang("1.3", "1,3", "1,3"),
        "range" => "3–5".into(),
        "total" | "per_person" | "sum" => by_lang("2 162.50 ₸", "2 162,50 ₸", "2 162,50 ₸"),
        "month" | "first_month" | "last_month" => by_lang("Mar", "наурыз", "марта"),
        "weekday" => by_lang("Fri", "жұма", "пт"),
        "date" | "today" | "opens" | "closes" | "closed" | "expires" | "needed" | "ready"
        | "by" | "earliest" | "first" | "last" | "other" => by_lang(
            "Fri 20 Mar 2026",
            "2026 жылғы 20 наурыз, жұма",
            "пт, 20 марта 2026 г.",
        ),
        "written" => "20.03.2026".into(),
        "name" => "Айгерим Сейтқали".into(),
        "categories" => "B2, B3".into(),
        "printed" => "00 000 KZT".into(),
        _ => by_lang("sample", "үлгі", "образец"),
    }
}

/// The form a plural key uses for `n` in `lang` (the locale files name them so).
fn form(lang: Lang, n: u64) -> &'static str {
    ["one", "few", "many", "other"][lang.plural(n) as usize]
}

fn fill(template: &str, lang: Lang, n: u64) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&sample(&rest[open + 1..open + close], lang, n));
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Every text of a language: its locale file filled for each sample number, and its data.
fn texts(lang: Lang) -> Vec<Text> {
    let code = lang.code();
    let entries = locale_entries(code);
    let mut out = Vec::new();
    for n in [1, 2, 5, 11, 21] {
        for (key, form_name, template) in &entries {
            if form_name.as_deref().is_some_and(|f| f != form(lang, n)) {
                continue;
            }
            out.push(Text {
                place: format!("{code}.txt: {key} (with {n})"),
                text: fill(template, lang, n),
                template: true,
            });
        }
    }
    out.extend(data_texts(code));
    out
}

/// Variants ruled out, each with the term to use instead.
fn forbidden(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => &[("AIFC Expat center", "AIFC Expat Centre")],
        Lang::Kk => &[
            ("ресімде", "рәсімде-"),
            ("“", "«…»"),
            ("”", "«…»"),
            ("HR ", "кадр қызметтері"),
            ("Бөліскен", "Бөлісілген"),
            ("елемей қалдырылды", "ескерілмеді"),
            ("Не істейміз?", "a question that names the choice"),
            ("ең үлкені бірінші", "a sort order in words"),
            ("мына күннен", "бастапқы күн – {date}; одан …"),
        ],
        Lang::Ru => &[
            ("госпошлин", "государственная пошлина"),
            ("разрешение на проживание", "вид на жительство"),
            ("разрешения на проживание", "вид на жительство"),
            ("КПД ПЖБ", "линейный отдел полиции на транспорте (ЛОП)"),
            ("дактилоскопия", "дактилоскопическая регистрация"),
            ("дактилоскопии", "дактилоскопическая регистрация"),
            ("сотрудник компании", "работник компании"),
            ("сотрудника компании", "работника компании"),
            ("выберите кнопку", "нажмите кнопку"),
            ("сдачи документов", "подачи документов"),
            ("Другие миграционные", "Прочие миграционные"),
            ("сервис приоритетной подачи", "услуга приоритетной подачи"),
            ("в приоритетном порядке", "услуга приоритетной подачи"),
            ("таблица платежей", "таблица тарифов"),
            ("Таблица платежей", "Таблица тарифов"),
            ("Посольств", "посольство"),
            ("одайте приглашение", "подайте заявку на приглашение"),
            ("приглашение подаётся", "заявка на приглашение подаётся"),
            ("заявление о приглашении", "заявка на приглашение"),
            ("заявления о приглашении", "заявки на приглашение"),
            ("аявление на приглашение", "заявка на приглашение"),
            ("смене адреса", "изменении адреса"),
            ("продлен до", "продлён не более чем на"),
            ("продлён до 30", "продлён не более чем на 30"),
            ("в настоящем браузере", "в реальном браузере"),
            ("с человека", "на одного человека"),
            ("fieldset", "no HTML terms"),
            ("“", "«…»"),
            ("”", "«…»"),
        ],
    }
}

/// Russian words written with «е» where the edition writes «ё» (the review found them in one
/// service file).
const WITHOUT_YO: &[&str] = &[
    "прием",
    "приема",
    "приему",
    "остается",
    "продлен",
    "продлена",
    "продлено",
    "ее",
    "нем",
    "идет",
    "выдается",
    "определенное",
    "определенный",
    "подается",
    "учет",
    "учета",
];

/// Words that are Latin on purpose in Kazakh and Russian text: names of programmes, portals,
/// file formats and standards, visa categories, codes. English in brackets after a translation
/// is allowed too (it is removed before the check).
const LATIN_ALLOWED: &[&str] = &[
    "Priority",
    "Service",
    "AIFC",
    "kz",
    "gov",
    "pki",
    "egov",
    "Egov",
    "Enbek",
    "https",
    "aifc",
    "CSV",
    "TSV",
    "JSON",
    "UTF-8",
    "JavaScript",
    "QR",
    "ics",
    "Excel",
    "WCAG",
    "AA",
    "axe-core",
    "IIN",
    "Windows-1251",
    "USB",
    "GR0009",
    "itrp-1",
    "cookie",
    "Cookie",
    "PDF",
    "Expat",
    "Navigator",
    "DD",
    "MM",
    "YYYY",
    "KZT",
];

fn latin_words(text: &str) -> Vec<String> {
    // English in brackets after its translation, and placeholders' own samples, are fine.
    let mut plain = String::new();
    let mut depth = 0;
    let mut bracket = String::new();
    for c in text.chars() {
        match c {
            '(' => {
                depth += 1;
                bracket.clear();
            }
            ')' if depth > 0 => {
                depth -= 1;
                if bracket.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ә' | 'і' | 'ң' | 'ғ' | 'ү' | 'ұ' | 'қ' | 'ө' | 'һ')) {
                    plain.push_str(&bracket);
                }
            }
            c if depth > 0 => bracket.push(c),
            c => plain.push(c),
        }
    }
    plain
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| {
            let visa_category = w.len() <= 2 && w.starts_with(['A', 'B', 'C']);
            !visa_category && !LATIN_ALLOWED.contains(w)
        })
        .map(str::to_owned)
        .collect()
}

/// The Latin words of the guide's own Kazakh text (`tests/data`, a copy of the shared source),
/// read once.
fn guide_words() -> &'static std::collections::BTreeSet<String> {
    static WORDS: std::sync::OnceLock<std::collections::BTreeSet<String>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        latin_words(include_str!("data/expat-centre-guide.kk.txt"))
            .into_iter()
            .collect()
    })
}

#[test]
fn one_term_for_one_thing_in_each_language() {
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        for t in texts(lang) {
            // The catalogue's Kazakh is the guide's own words, which use both spellings of some
            // words: `guide_wording.rs` holds it to the guide instead.
            let guide_text =
                t.place.starts_with("services/") || t.place.starts_with("catalogue.json");
            if lang == Lang::Kk && guide_text {
                continue;
            }
            // «заявка на приглашение подаётся» is the term itself, not the ruled-out variant.
            let text = t.text.replace("на приглашение", "");
            for (wrong, right) in forbidden(lang) {
                if text.contains(wrong) {
                    problems.push(format!(
                        "{}: {wrong:?} (use {right:?})\n    {}",
                        t.place, t.text
                    ));
                }
            }
        }
    }
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} texts use a ruled-out variant:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_template_filled_with_sample_values_reads_clean() {
    let mut problems: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for lang in Lang::ALL {
        for t in texts(lang) {
            let mut say = |what: String| {
                problems
                    .entry(what)
                    .or_default()
                    .push(format!("{}: {}", t.place, t.text))
            };
            if t.template && (t.text.contains('{') || t.text.contains('}')) {
                say("a placeholder is left".into());
            }
            if t.text.replace(' ', "").contains("::") {
                say("a double colon".into());
            }
            if t.text.contains("...") {
                say("three dots for an ellipsis (use …)".into());
            }
            if lang == Lang::Ru {
                let without_yo: Vec<&str> = t
                    .text
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| WITHOUT_YO.contains(&w.to_lowercase().as_str()))
                    .collect();
                if !without_yo.is_empty() {
                    say(format!("«е» for «ё» in ru: {without_yo:?}"));
                }
            }
            if lang != Lang::En {
                if t.text.contains(['“', '”', '"']) {
                    say(format!("English quotes in {}", lang.code()));
                }
                if t.text.contains('—') {
                    say(format!("an em dash in {} (one dash style: –)", lang.code()));
                }
                // The data's one placeholder, `{n}`, and in Kazakh the guide's own Latin words
                // (it writes "AIFC General Rules" in its text).
                let latin: Vec<String> = latin_words(&t.text.replace("{n}", ""))
                    .into_iter()
                    .filter(|w| lang != Lang::Kk || !guide_words().contains(w.as_str()))
                    .collect();
                if !latin.is_empty() {
                    say(format!("Latin words in {}: {latin:?}", lang.code()));
                }
            }
        }
    }
    for places in problems.values_mut() {
        places.dedup();
    }
    let report: Vec<String> = problems
        .iter()
        .map(|(what, places)| format!("{what} ({}):\n    {}", places.len(), places.join("\n    ")))
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn the_lint_catches_what_it_is_for() {
    assert_eq!(
        fill("{count} of {name}", Lang::Ru, 21),
        "21 of Айгерим Сейтқали"
    );
    assert_eq!(form(Lang::Ru, 21), "one");
    assert_eq!(form(Lang::Ru, 5), "many");
    assert_eq!(
        latin_words("Опция «Priority Service» (AIFC Qualifications Necessary) и fieldset"),
        ["fieldset"]
    );
    assert_eq!(latin_words("виза категории B2, C3"), Vec::<String>::new());
}
