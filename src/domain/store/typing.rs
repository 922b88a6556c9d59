//! The names a list's user is typing and has not saved yet: the new record's name, and the
//! rename forms left open. They are kept on the device as they are typed (under
//! [`Kind::typed_names_key`](super::Kind)), so a reload or a closed tab loses nothing typed.
//! Read leniently: they are a convenience, and anything unreadable is simply not restored.

use serde::{Deserialize, Serialize};

use super::text::MAX_NAME_CHARS;

/// At most this many rename forms are restored (a bound for a hostile value).
const MAX_RENAMES: usize = 100;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Typed {
    /// The name typed for a new record.
    #[serde(default)]
    pub new_name: String,
    /// `(record id, name typed)` for each rename form open, in the order they were opened.
    #[serde(default)]
    pub renames: Vec<(String, String)>,
}

/// What was kept; nothing for a missing or unreadable value. A name is cut to what the name
/// field accepts (a little more, so that the form can still say it is too long).
pub fn read(kept: Option<&str>) -> Typed {
    let Some(mut typed) = kept.and_then(|k| serde_json::from_str::<Typed>(k).ok()) else {
        return Typed::default();
    };
    let cut = |name: &mut String| {
        if let Some((at, _)) = name.char_indices().nth(2 * MAX_NAME_CHARS) {
            name.truncate(at);
        }
    };
    cut(&mut typed.new_name);
    typed.renames.truncate(MAX_RENAMES);
    typed.renames.retain(|(id, _)| super::valid_id(id));
    typed.renames.iter_mut().for_each(|(_, name)| cut(name));
    typed
}

/// The value to keep; `None` when nothing is typed (the key is removed).
pub fn write(typed: &Typed) -> Option<String> {
    if typed.new_name.is_empty() && typed.renames.is_empty() {
        return None;
    }
    serde_json::to_string(typed).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_typed_comes_back_as_typed() {
        let typed = Typed {
            new_name: "  Ann «Lee» ".into(),
            renames: vec![
                ("d-1".into(), "Relocation, 2027".into()),
                ("d-2".into(), String::new()),
            ],
        };
        assert_eq!(read(write(&typed).as_deref()), typed);
    }

    #[test]
    fn nothing_typed_keeps_nothing() {
        assert_eq!(write(&Typed::default()), None);
        assert_eq!(read(None), Typed::default());
    }

    #[test]
    fn anything_unreadable_restores_nothing_and_never_panics() {
        for kept in [
            "",
            "{",
            "[]",
            "null",
            r#"{"new_name":5}"#,
            r#"{"renames":[[1,2]]}"#,
        ] {
            assert_eq!(read(Some(kept)), Typed::default(), "{kept}");
        }
        let hostile = format!(
            r#"{{"new_name":"{}","renames":[["../x","a"],["ok","b"]]}}"#,
            "я".repeat(10_000)
        );
        let typed = read(Some(&hostile));
        assert_eq!(typed.new_name.chars().count(), 2 * MAX_NAME_CHARS);
        assert_eq!(typed.renames, [("ok".to_owned(), "b".to_owned())]);
    }
}
