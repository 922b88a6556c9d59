//! The app's addresses. Every page is a folder of the site with its own `index.html`, one per
//! language: `en/service/iin/`, `kk/services/`, `en/q/need/`. Any static host serves them
//! without rewrite rules, at the root or under any sub-path, and each opens at once as static
//! HTML (see `src/bin/prerender.rs`). The site root's `index.html` is the English home page
//! and the language-neutral entry point: it sends Kazakh readers and the old `#/...` links
//! (which kept the route in the fragment) to their page. `share/?...` is the neutral share link.
//!
//! Plain Rust: parsed and printed here, tested natively.

use crate::domain::flow::{QuestionId, ServiceId};
use crate::domain::lang::Lang;

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Catalogue,
    Service(ServiceId),
    /// One wizard question.
    Question(QuestionId),
    CheckAnswers,
    Outcome,
    /// A share link: answers in the query, to load into a draft.
    Share(String),
    Drafts,
    /// Many employees at once, for HR.
    Roster,
    About,
    /// Anything else, kept so the not-found page can say what was asked for.
    NotFound(String),
}

impl Route {
    /// The page's folder below its language's folder: `""` for the home page, `service/iin/`.
    pub fn path(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Catalogue => "services/".into(),
            Route::Service(id) => format!("service/{id}/"),
            Route::Question(id) => format!("q/{id}/"),
            Route::CheckAnswers => "check/".into(),
            Route::Outcome => "result/".into(),
            Route::Share(_) => "share/".into(),
            Route::Drafts => "drafts/".into(),
            Route::Roster => "roster/".into(),
            Route::About => "about/".into(),
            Route::NotFound(asked) => asked.clone(),
        }
    }

    /// The query string the page carries (a share link's answers), without the `?`.
    pub fn query(&self) -> &str {
        match self {
            Route::Share(query) => query,
            _ => "",
        }
    }

    /// Parses a page's folder below the language folder (`service/iin/`, slashes optional) and
    /// its query string (with or without the `?`).
    pub fn from_path(path: &str, query: &str) -> Route {
        let query = query.strip_prefix('?').unwrap_or(query);
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] | ["index.html"] => Route::Home,
            ["services"] => Route::Catalogue,
            // Ids are parsed here, once: a page gets an id that exists, or the path is not found.
            ["service", id] => match ServiceId::from_id(id) {
                Some(id) => Route::Service(id),
                None => Route::NotFound(path.to_owned()),
            },
            ["q", id] => match id.parse() {
                Ok(q) => Route::Question(q),
                Err(_) => Route::NotFound(path.to_owned()),
            },
            ["check"] => Route::CheckAnswers,
            ["result"] => Route::Outcome,
            ["share"] => Route::Share(query.to_owned()),
            ["drafts"] => Route::Drafts,
            ["roster"] => Route::Roster,
            ["about"] => Route::About,
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// Pages whose content comes from the visitor's answers or device: their static HTML is a
    /// shell (header, title, what is loading) that the app fills in.
    pub fn depends_on_answers(&self) -> bool {
        matches!(
            self,
            Route::Question(_)
                | Route::CheckAnswers
                | Route::Outcome
                | Route::Share(_)
                | Route::Drafts
                | Route::Roster
        )
    }
}

/// A page in one language: where it lives on the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    pub lang: Lang,
    pub route: Route,
}

impl Address {
    pub fn new(lang: Lang, route: Route) -> Address {
        Address { lang, route }
    }

    /// The address below the site root: `en/service/iin/`, `kk/share/?need=work`.
    pub fn path(&self) -> String {
        let query = self.route.query();
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        };
        format!("{}/{}{query}", self.lang.code(), self.route.path())
    }

    /// How many folders deep the page's `index.html` is below the site root.
    pub fn depth(&self) -> usize {
        1 + self.route.path().matches('/').count()
    }
}

/// Reads a location (`/expat/en/service/iin/` and `?...`): the site root's path (`/expat/`)
/// and the page. The language folder is the last segment that names a language; a path with
/// none is one of the neutral addresses, in English: the site root's home page, or `share/`.
pub fn locate(pathname: &str, search: &str) -> (String, Address) {
    let segments: Vec<&str> = pathname.split('/').collect();
    let is_lang = |s: &&str| Lang::from_code(s).is_some();
    // Prefer a language folder followed by a real page; else the last one (a page not found).
    let mut candidates = segments.iter().enumerate().filter(|(_, s)| is_lang(s));
    let found = candidates
        .clone()
        .rfind(|(i, _)| {
            !matches!(
                Route::from_path(&segments[i + 1..].join("/"), search),
                Route::NotFound(_)
            )
        })
        .or_else(|| candidates.next_back());
    match found {
        Some((i, lang)) => {
            let root = format!("{}/", segments[..i].join("/"));
            let lang = Lang::from_code(lang).unwrap_or(Lang::En);
            let route = Route::from_path(&segments[i + 1..].join("/"), search);
            (root, Address::new(lang, route))
        }
        None => {
            let folder = match pathname.rfind('/') {
                Some(end) => &pathname[..=end],
                None => "/",
            };
            // The neutral share link `share/?...` is read in English where it is not sent on.
            match folder.strip_suffix("share/") {
                Some(root) if root.ends_with('/') => (
                    root.to_owned(),
                    Address::new(Lang::En, Route::from_path("share/", search)),
                ),
                _ => (folder.to_owned(), Address::new(Lang::En, Route::Home)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_route() -> Vec<Route> {
        vec![
            Route::Home,
            Route::Catalogue,
            Route::Service(ServiceId::WorkVisaInvitation),
            Route::Question(QuestionId::Need),
            Route::CheckAnswers,
            Route::Outcome,
            Route::Share("need=work&where=outside".into()),
            Route::Share(String::new()),
            Route::Drafts,
            Route::Roster,
            Route::About,
        ]
    }

    #[test]
    fn every_address_survives_a_round_trip_at_the_root_and_under_a_sub_path() {
        for root in ["/", "/expat/", "/a/en/b/"] {
            for lang in Lang::ALL {
                for route in every_route() {
                    let address = Address::new(lang, route);
                    let path = address.path();
                    let (pathname, search) = match path.split_once('?') {
                        Some((p, q)) => (format!("{root}{p}"), format!("?{q}")),
                        None => (format!("{root}{path}"), String::new()),
                    };
                    assert_eq!(
                        locate(&pathname, &search),
                        (root.to_owned(), address.clone()),
                        "{pathname}{search}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_site_root_is_the_english_home_page() {
        for (pathname, root) in [
            ("/", "/"),
            ("/index.html", "/"),
            ("/expat/", "/expat/"),
            ("/expat/index.html", "/expat/"),
        ] {
            assert_eq!(
                locate(pathname, ""),
                (root.to_owned(), Address::new(Lang::En, Route::Home)),
                "{pathname}"
            );
        }
    }

    #[test]
    fn the_neutral_share_link_is_the_english_share_page() {
        for (pathname, root) in [("/share/", "/"), ("/expat/share/", "/expat/")] {
            assert_eq!(
                locate(pathname, "?need=work"),
                (
                    root.to_owned(),
                    Address::new(Lang::En, Route::Share("need=work".into()))
                ),
                "{pathname}"
            );
        }
    }

    #[test]
    fn a_page_without_its_trailing_slash_is_the_same_page() {
        assert_eq!(
            locate("/kk/service/iin", ""),
            (
                "/".to_owned(),
                Address::new(Lang::Kk, Route::Service(ServiceId::Iin))
            )
        );
    }

    #[test]
    fn depth_counts_the_folders_below_the_root() {
        assert_eq!(Address::new(Lang::En, Route::Home).depth(), 1);
        assert_eq!(Address::new(Lang::En, Route::Catalogue).depth(), 2);
        assert_eq!(
            Address::new(Lang::Kk, Route::Service(ServiceId::Iin)).depth(),
            3
        );
    }

    #[test]
    fn malformed_paths_are_not_found_never_a_panic() {
        for path in [
            "service",
            "service/",
            "service/<script>",
            "service/a/b",
            "q/ÄÖ",
            "nope",
            "%%%",
            "service/UPPER",
        ] {
            assert!(
                matches!(Route::from_path(path, ""), Route::NotFound(_)),
                "{path:?}"
            );
            let (_, address) = locate(&format!("/en/{path}"), "");
            assert!(matches!(address.route, Route::NotFound(_)), "{path:?}");
        }
    }

    #[test]
    fn a_share_link_keeps_its_query() {
        assert_eq!(
            Route::from_path("share/", "?need=work"),
            Route::Share("need=work".into())
        );
        assert_eq!(Route::from_path("share", ""), Route::Share(String::new()));
    }
}
