//! Share links: the answers as a URL query (`?need=work&where=outside&...`), and back.
//!
//! Keys are the stable question ids; values are option codes and counts only. Nothing personal
//! goes in a link: the wizard asks for no names, and the dates it keeps (entry, visa expiry) stay
//! on the device. Decoding takes any input without panicking: what it cannot use is dropped and
//! explained by a [`Notice`].

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;

use super::flow::{self, AnswerError, Answers, Kind, QuestionId};

/// At most this many `key=value` pairs are read; a real link has about a dozen.
const MAX_PAIRS: usize = 64;
/// An unknown key is quoted back at most this long.
const MAX_QUOTED: usize = 40;

/// The answers that count, as `?key=value&...` in path order, details last; `""` when empty.
pub fn encode(answers: &Answers) -> String {
    let answers = flow::prune(answers);
    let path = flow::path(&answers);
    let details = answers.keys().filter(|q| q.is_detail() && shared(**q));
    let pairs: Vec<String> = path
        .iter()
        .chain(details)
        .filter_map(|q| Some(format!("{q}={}", escape(answers.get(q)?))))
        .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// Why part of a link was not used. `code()` is stable, for the UI to translate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Notice {
    /// Not one of our question ids (quoted, shortened), and how many times the link has it.
    UnknownKey { key: String, count: usize },
    InvalidValue {
        question: QuestionId,
        error: AnswerError,
    },
    /// The key came more than once; only its first value was read.
    Repeated { question: QuestionId },
    /// Dates are never shared; this one was ignored.
    NotShared { question: QuestionId },
    /// Valid, but the other answers do not lead to this question.
    NotOnPath { question: QuestionId },
    /// More than [`MAX_PAIRS`] pairs; the rest was ignored.
    TooLong,
}

impl Notice {
    pub fn code(&self) -> &'static str {
        match self {
            Notice::UnknownKey { .. } => "unknown-key",
            Notice::InvalidValue { .. } => "invalid-value",
            Notice::Repeated { .. } => "repeated",
            Notice::NotShared { .. } => "not-shared",
            Notice::NotOnPath { .. } => "not-on-path",
            Notice::TooLong => "too-long",
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::UnknownKey { key, count } => write!(f, "{}: {key:?} ({count})", self.code()),
            Notice::InvalidValue { question, error } => {
                write!(f, "{}: {question}: {error}", self.code())
            }
            Notice::Repeated { question }
            | Notice::NotShared { question }
            | Notice::NotOnPath { question } => write!(f, "{}: {question}", self.code()),
            Notice::TooLong => f.write_str(self.code()),
        }
    }
}

/// What a link gave: valid answers on one path, and what was dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub answers: Answers,
    pub notices: Vec<Notice>,
}

/// Reads a query (`?a=b&c=d`, `a=b&c=d`, or a whole URL or fragment holding one).
pub fn decode(input: &str) -> Decoded {
    let query = match input.split_once('?') {
        Some((_, q)) => q,
        None => input,
    };
    let query = query.split('#').next().unwrap_or_default();

    let mut decoded = Decoded::default();
    let mut seen = BTreeSet::new();
    let mut pairs = query.split('&').filter(|p| !p.is_empty());
    for pair in pairs.by_ref().take(MAX_PAIRS) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, value) = (unescape(key), unescape(value));
        let Ok(q) = key.parse::<QuestionId>() else {
            // Once per key, however many copies the link has.
            let key = quote(&key);
            let seen_before = decoded.notices.iter_mut().find_map(|n| match n {
                Notice::UnknownKey { key: k, count } if *k == key => Some(count),
                _ => None,
            });
            match seen_before {
                Some(count) => *count += 1,
                None => decoded.notices.push(Notice::UnknownKey { key, count: 1 }),
            }
            continue;
        };
        if !shared(q) {
            decoded.notices.push(Notice::NotShared { question: q });
        } else if !seen.insert(q) {
            decoded.notices.push(Notice::Repeated { question: q });
        } else if let Err(error) = flow::answer(&mut decoded.answers, q, &value) {
            decoded
                .notices
                .push(Notice::InvalidValue { question: q, error });
        }
    }
    if pairs.next().is_some() {
        decoded.notices.push(Notice::TooLong);
    }

    let kept = flow::prune(&decoded.answers);
    for q in decoded.answers.keys().filter(|q| !kept.contains_key(q)) {
        decoded.notices.push(Notice::NotOnPath { question: *q });
    }
    decoded.answers = kept;
    decoded
}

/// Dates may identify a person's trip, so links leave them out.
fn shared(q: QuestionId) -> bool {
    q.kind() != Kind::Date
}

/// Percent-encodes all but unreserved characters (codes never need it; this keeps links valid).
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `%XX` and `+` decoding; malformed escapes stay as written, bad UTF-8 becomes U+FFFD.
fn unescape(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| bytes.get(j).and_then(|b| char::from(*b).to_digit(16));
        match bytes[i] {
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(hi), Some(lo)) => {
                    out.push((hi * 16 + lo) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A key quoted back: control characters dropped, at most [`MAX_QUOTED`] characters.
fn quote(key: &str) -> String {
    key.chars()
        .filter(|c| !c.is_control())
        .take(MAX_QUOTED)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_round_trip() {
        for s in ["work", "a b", "%", "жұмыс", "a&b=c", "2026-01-05"] {
            assert_eq!(unescape(&escape(s)), s);
        }
        assert_eq!(unescape("%"), "%");
        assert_eq!(unescape("%4"), "%4");
        assert_eq!(unescape("%zz"), "%zz");
        assert_eq!(unescape("a+b"), "a b");
        assert_eq!(unescape("%FF"), "\u{FFFD}");
    }

    #[test]
    fn a_query_inside_a_url_or_fragment_is_found() {
        for input in [
            "?need=qualification",
            "need=qualification",
            "https://example.org/app/share/?need=qualification",
            "https://example.org/app/#/share?need=qualification",
            "#/share?need=qualification#top",
        ] {
            let d = decode(input);
            assert_eq!(
                d.answers.get(&QuestionId::Need).map(String::as_str),
                Some("qualification"),
                "{input}"
            );
            assert!(d.notices.is_empty(), "{input}: {:?}", d.notices);
        }
    }

    #[test]
    fn quoted_keys_are_short_and_clean() {
        let d = decode(&format!("{}\u{7}=1", "x".repeat(100)));
        assert_eq!(
            d.notices,
            [Notice::UnknownKey {
                key: "x".repeat(40),
                count: 1
            }]
        );
    }

    #[test]
    fn an_unknown_key_given_many_times_is_one_notice_with_a_count() {
        let d = decode("need=work&x=1&utm=2&x=3&x=4");
        assert_eq!(
            d.notices,
            [
                Notice::UnknownKey {
                    key: "x".into(),
                    count: 3
                },
                Notice::UnknownKey {
                    key: "utm".into(),
                    count: 1
                }
            ]
        );
    }
}
