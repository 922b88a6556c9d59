//! All-day events as an iCalendar (RFC 5545) file, for "add the deadlines to my calendar".
//!
//! No clock: the caller passes the date the file is generated (DTSTAMP). UIDs are derived from
//! the event's content, so exporting the same plan twice updates the events in the user's
//! calendar instead of duplicating them.

use chrono::{Datelike, NaiveDate};

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsEvent {
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
}

impl IcsEvent {
    pub fn new(
        date: NaiveDate,
        summary: impl Into<String>,
        description: impl Into<String>,
    ) -> IcsEvent {
        IcsEvent {
            date,
            summary: summary.into(),
            description: description.into(),
        }
    }

    /// `<yyyymmdd>-<16 hex digits>@expat-navigator`: the date plus a 64-bit FNV-1a hash of the
    /// date, summary and description. FNV because std's hasher is not stable across Rust
    /// releases, and a UID must not change when the app is rebuilt.
    pub fn uid(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let date = ymd(self.date);
        // The separator keeps ("ab", "c") and ("a", "bc") apart.
        for part in [date.as_str(), &self.summary, &self.description] {
            for b in part.bytes().chain([0x1f]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        format!("{date}-{h:016x}@expat-navigator")
    }
}

fn ymd(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline; other control
/// characters are not allowed in TEXT and are dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let s = s.replace("\r\n", "\n");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (RFC 5545 3.1): continuation lines start with a space,
/// which counts toward their 75. Splits only between UTF-8 characters, so Kazakh text stays
/// valid.
fn push_folded(out: &mut String, line: &str) {
    let mut limit = 75;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > limit {
            out.push_str("\r\n ");
            limit = 74;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The calendar file. Events keep their order; an event identical to an earlier one (same UID)
/// is left out, as a calendar may not hold two events with one UID.
pub fn build_ics(events: &[IcsEvent], generated: NaiveDate) -> String {
    let mut out = String::new();
    let mut line = |s: &str| push_folded(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//AIFC Expat Centre//expat-navigator//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    let stamp = format!("DTSTAMP:{}T000000Z", ymd(generated));
    let mut seen = std::collections::BTreeSet::new();
    for e in events {
        let uid = e.uid();
        if !seen.insert(uid.clone()) {
            continue;
        }
        line("BEGIN:VEVENT");
        line(&format!("UID:{uid}"));
        line(&stamp);
        line(&format!("DTSTART;VALUE=DATE:{}", ymd(e.date)));
        // DTEND is exclusive; an all-day event ends the next day.
        if let Some(next) = e.date.succ_opt() {
            line(&format!("DTEND;VALUE=DATE:{}", ymd(next)));
        }
        line(&format!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            line(&format!("DESCRIPTION:{}", escape(&e.description)));
        }
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Undoes folding and returns the logical lines.
    fn unfold(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn structure_and_all_day_dates() {
        let ics = build_ics(
            &[IcsEvent::new(d(2026, 5, 27), "Kurban Ait", "")],
            d(2026, 5, 1),
        );
        let lines = unfold(&ics);
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
        for expected in [
            "VERSION:2.0",
            "DTSTAMP:20260501T000000Z",
            "DTSTART;VALUE=DATE:20260527",
            "DTEND;VALUE=DATE:20260528",
            "SUMMARY:Kurban Ait",
        ] {
            assert!(lines.iter().any(|l| l == expected), "missing {expected}");
        }
        assert!(
            !lines.iter().any(|l| l.starts_with("DESCRIPTION")),
            "empty description is omitted"
        );
        // Year end: DTEND rolls into the next year.
        let ics = build_ics(&[IcsEvent::new(d(2026, 12, 31), "x", "y")], d(2026, 1, 1));
        assert!(ics.contains("DTEND;VALUE=DATE:20270101\r\n"));
    }

    #[test]
    fn crlf_only_and_lines_at_most_75_octets() {
        let long = "Ұзарту туралы өтінішті виза аяқталғанға дейін 30-дан 5 жұмыс күніне дейін беруге болады; ".repeat(4);
        let ics = build_ics(
            &[IcsEvent::new(d(2026, 3, 2), long.clone(), long.clone())],
            d(2026, 3, 1),
        );
        assert!(ics.ends_with("\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
        assert!(!ics.replace("\r\n", "").contains('\r'), "bare CR");
        let physical: Vec<&str> = ics.split("\r\n").collect();
        assert!(
            physical.iter().all(|l| l.len() <= 75),
            "a line is longer than 75 octets"
        );
        assert!(
            physical.iter().any(|l| l.len() > 70),
            "folding should fill lines"
        );
        let summary = unfold(&ics)
            .into_iter()
            .find(|l| l.starts_with("SUMMARY:"))
            .unwrap();
        assert_eq!(summary, format!("SUMMARY:{}", escape(&long)));
    }

    #[test]
    fn folding_at_exact_boundaries() {
        let mut out = String::new();
        push_folded(&mut out, &"a".repeat(75));
        assert_eq!(out, format!("{}\r\n", "a".repeat(75)));
        let mut out = String::new();
        push_folded(&mut out, &"a".repeat(76));
        assert_eq!(out, format!("{}\r\n a\r\n", "a".repeat(75)));
        // A 2-octet letter that would straddle octet 75 goes to the next line whole.
        let mut out = String::new();
        push_folded(&mut out, &format!("{}ә", "a".repeat(74)));
        assert_eq!(out, format!("{}\r\n ә\r\n", "a".repeat(74)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\r\ne\nf\u{7}"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn uids_are_stable_and_content_derived() {
        let a = IcsEvent::new(d(2026, 5, 27), "File", "By 5 Jun");
        assert_eq!(a.uid(), a.clone().uid());
        assert!(a.uid().starts_with("20260527-") && a.uid().ends_with("@expat-navigator"));
        // Pinned: a change of hashing would duplicate users' events on re-import.
        assert_eq!(a.uid(), "20260527-89a3fce71c5383cd@expat-navigator");
        let b = IcsEvent::new(d(2026, 5, 27), "Fil", "eBy 5 Jun");
        let c = IcsEvent::new(d(2026, 5, 28), "File", "By 5 Jun");
        assert_ne!(a.uid(), b.uid());
        assert_ne!(a.uid(), c.uid());
        // Independent of the generation date and of the position in the list.
        let one = build_ics(&[a.clone(), c.clone()], d(2026, 1, 1));
        let two = build_ics(&[c, a.clone()], d(2026, 2, 1));
        let uids = |s: &str| {
            let mut u: Vec<String> = unfold(s)
                .into_iter()
                .filter(|l| l.starts_with("UID:"))
                .collect();
            u.sort();
            u
        };
        assert_eq!(uids(&one), uids(&two));
        // Duplicates are dropped.
        assert_eq!(
            build_ics(&[a.clone(), a], d(2026, 1, 1))
                .matches("BEGIN:VEVENT")
                .count(),
            1
        );
    }
}
