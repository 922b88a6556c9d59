//! The app's addresses. Routes live in the URL fragment (`#/service/iin`), so every page opens
//! directly, also after a reload, on any static host and under any sub-path, with no rewrite rules.
//!
//! Plain Rust: parsed and printed here, tested natively.

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Catalogue,
    Service(String),
    /// One wizard question, by question id.
    Question(String),
    CheckAnswers,
    Outcome,
    /// A share link: answers in the query, to load into a draft.
    Share(String),
    Drafts,
    About,
    /// Anything else, kept so the not-found page can say what was asked for.
    NotFound(String),
}

impl Route {
    /// Parses a location hash such as `#/service/iin` (with or without the `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = match path.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (path, None),
        };
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match (segments.as_slice(), query) {
            ([], None) => Route::Home,
            (["services"], None) => Route::Catalogue,
            (["service", id], None) if is_id(id) => Route::Service((*id).to_owned()),
            (["q", id], None) if is_id(id) => Route::Question((*id).to_owned()),
            (["check"], None) => Route::CheckAnswers,
            (["result"], None) => Route::Outcome,
            (["share"], query) => Route::Share(query.unwrap_or_default().to_owned()),
            (["drafts"], None) => Route::Drafts,
            (["about"], None) => Route::About,
            _ => Route::NotFound(hash.to_owned()),
        }
    }

    /// The fragment to link to, `#/...`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Catalogue => "#/services".into(),
            Route::Service(id) => format!("#/service/{id}"),
            Route::Question(id) => format!("#/q/{id}"),
            Route::CheckAnswers => "#/check".into(),
            Route::Outcome => "#/result".into(),
            Route::Share(query) => format!("#/share?{query}"),
            Route::Drafts => "#/drafts".into(),
            Route::About => "#/about".into(),
            Route::NotFound(hash) => hash.clone(),
        }
    }
}

/// Ids are kebab-case or snake_case ASCII; anything else is not one of ours.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_survives_a_round_trip() {
        let routes = [
            Route::Home,
            Route::Catalogue,
            Route::Service("work-visa-invitation".into()),
            Route::Question("need".into()),
            Route::CheckAnswers,
            Route::Outcome,
            Route::Share("need=work&where=outside".into()),
            Route::Drafts,
            Route::About,
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
    }

    #[test]
    fn empty_and_slash_are_home() {
        for hash in ["", "#", "#/", "/"] {
            assert_eq!(Route::parse(hash), Route::Home, "{hash:?}");
        }
    }

    #[test]
    fn malformed_links_are_not_found_never_a_panic() {
        for hash in [
            "#/service",
            "#/service/",
            "#/service/<script>",
            "#/service/a/b",
            "#/services?x",
            "#/q/ÄÖ",
            "#/nope",
            "#%%%",
            "#/service/UPPER",
        ] {
            assert!(matches!(Route::parse(hash), Route::NotFound(_)), "{hash:?}");
        }
    }

    #[test]
    fn a_share_link_keeps_its_query() {
        assert_eq!(
            Route::parse("#/share?need=work"),
            Route::Share("need=work".into())
        );
        assert_eq!(Route::parse("#/share"), Route::Share(String::new()));
    }
}
