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

    /// The HR desk's pages: the desk's build of the app renders them, and loading one from the
    /// wizard's build loads its page (see `ui::Desk`).
    pub fn is_desk(&self) -> bool {
        matches!(self, Route::Drafts | Route::Roster)
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

/// A path as the site means it: percent-encoded letters, digits and `-._~` decoded (`%69in` is
/// `iin`), empty and `.` segments dropped (`//en//services/`), `..` applied, and a final
/// `index.html` read as its folder. The page's inline script (`src/bin/prerender.rs`) does the
/// same before the page's assets load, so that their relative URLs resolve from the page's
/// folder; this is the rule the app reads addresses by.
pub fn normalize(pathname: &str) -> String {
    let decoded = decode_unreserved(pathname);
    let mut segments: Vec<&str> = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    if segments.last() == Some(&"index.html") {
        segments.pop();
    }
    // A folder keeps its trailing slash; a path without one (`/kk/service/iin`) stays without.
    let is_folder = segments.is_empty()
        || decoded.ends_with('/')
        || decoded.ends_with("/.")
        || decoded.ends_with("/..")
        || decoded.ends_with("/index.html");
    let mut path = format!("/{}", segments.join("/"));
    if is_folder && !path.ends_with('/') {
        path.push('/');
    }
    path
}

/// `%XX` decoded where it stands for an unreserved character; every other escape is kept.
fn decode_unreserved(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = String::with_capacity(path.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| path.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            .filter(|b| b.is_ascii_alphanumeric() || b"-._~".contains(b));
        match escaped {
            Some(b) => {
                out.push(char::from(b));
                i += 3;
            }
            None => {
                let c = path[i..].chars().next().unwrap_or_default();
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// Reads a location below the site root `root` (`/expat/`, where the app's own files are):
/// the language folder is the first segment below it, and a path with none is one of the
/// neutral addresses, in English: the site root's home page, or `share/`. `None`: the path is
/// not under the root (another site on the same host). The path's words never decide where the
/// root is, so the site may live under `/en/expat/` or `/share/`.
pub fn locate(root: &str, pathname: &str, search: &str) -> Option<Address> {
    let path = normalize(pathname);
    let root = normalize(root);
    let below = match path.strip_prefix(&root) {
        Some(below) => below,
        // The root's own folder without its slash (`/expat`).
        None if format!("{path}/") == root => "",
        None => return None,
    };
    let (first, rest) = below.split_once('/').unwrap_or((below, ""));
    Some(match Lang::from_code(first) {
        Some(lang) => Address::new(lang, Route::from_path(rest, search)),
        None => match Route::from_path(below, search) {
            route @ (Route::Home | Route::Share(_)) => Address::new(Lang::En, route),
            _ => Address::new(Lang::En, Route::NotFound(below.to_owned())),
        },
    })
}

/// The site root from the address of a file the app keeps there (its web app manifest):
/// `https://example.org/expat/manifest.webmanifest` is `/expat/`.
pub fn root_of(file_path: &str) -> String {
    let path = normalize(file_path);
    match path.rfind('/') {
        Some(end) => path[..=end].to_owned(),
        None => "/".to_owned(),
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
    fn every_address_survives_a_round_trip_at_the_root_and_under_any_sub_path() {
        // Sub-paths whose words look like a language or a page decide nothing.
        for root in [
            "/",
            "/expat/",
            "/en/expat/",
            "/ru/app/v2/",
            "/share/",
            "/kk/q/",
        ] {
            for lang in Lang::ALL {
                for route in every_route() {
                    let address = Address::new(lang, route);
                    let path = address.path();
                    let (pathname, search) = match path.split_once('?') {
                        Some((p, q)) => (format!("{root}{p}"), format!("?{q}")),
                        None => (format!("{root}{path}"), String::new()),
                    };
                    assert_eq!(
                        locate(root, &pathname, &search),
                        Some(address.clone()),
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
            ("/expat", "/expat/"),
            ("/expat/index.html", "/expat/"),
            ("/en/expat/", "/en/expat/"),
            ("/share/", "/share/"),
        ] {
            assert_eq!(
                locate(root, pathname, ""),
                Some(Address::new(Lang::En, Route::Home)),
                "{pathname}"
            );
        }
    }

    #[test]
    fn the_neutral_share_link_is_the_english_share_page() {
        for (pathname, root) in [
            ("/share/", "/"),
            ("/expat/share/", "/expat/"),
            ("/share/share/", "/share/"),
        ] {
            assert_eq!(
                locate(root, pathname, "?need=work"),
                Some(Address::new(Lang::En, Route::Share("need=work".into()))),
                "{pathname}"
            );
        }
    }

    #[test]
    fn a_path_outside_the_root_is_not_the_apps() {
        assert_eq!(locate("/expat/", "/other/en/services/", ""), None);
        assert_eq!(locate("/expat/", "/", ""), None);
    }

    #[test]
    fn every_form_of_an_address_is_the_same_page() {
        let iin = Some(Address::new(Lang::En, Route::Service(ServiceId::Iin)));
        for pathname in [
            "/en/service/iin/",
            "/en/service/iin",
            "/en/service/iin/index.html",
            "/en/service/%69in/",
            "/en/service/%69%69n/",
            "//en/service/iin/",
            "/en//service//iin//",
            "/./en/./service/iin/",
            "/en/q/../service/iin/",
        ] {
            assert_eq!(locate("/", pathname, ""), iin, "{pathname}");
        }
        assert_eq!(
            locate("/", "/en/services/index.html", ""),
            Some(Address::new(Lang::En, Route::Catalogue))
        );
        assert_eq!(
            locate("/", "/en/q/need/index.html", ""),
            Some(Address::new(Lang::En, Route::Question(QuestionId::Need)))
        );
        // Only unreserved characters are decoded: an encoded slash stays part of its segment.
        assert!(matches!(
            locate("/", "/en/service%2Fiin/", "").map(|a| a.route),
            Some(Route::NotFound(_))
        ));
    }

    #[test]
    fn normalize_keeps_folders_and_files_apart() {
        assert_eq!(normalize("//en//services//"), "/en/services/");
        assert_eq!(normalize("/en/services/index.html"), "/en/services/");
        assert_eq!(normalize("/index.html"), "/");
        assert_eq!(normalize(""), "/");
        assert_eq!(normalize("/kk/service/iin"), "/kk/service/iin");
        assert_eq!(normalize("/a/%7e%2D%5F/"), "/a/~-_/");
        assert_eq!(
            normalize("/a/%2F%25%zz%e2%82%ac/"),
            "/a/%2F%25%zz%e2%82%ac/"
        );
        assert_eq!(normalize("/../.."), "/");
    }

    #[test]
    fn the_root_is_the_folder_of_the_apps_files() {
        assert_eq!(root_of("/manifest.webmanifest"), "/");
        assert_eq!(root_of("/en/expat/manifest.webmanifest"), "/en/expat/");
        assert_eq!(root_of("//expat//manifest.webmanifest"), "/expat/");
    }

    #[test]
    fn a_page_without_its_trailing_slash_is_the_same_page() {
        assert_eq!(
            locate("/", "/kk/service/iin", ""),
            Some(Address::new(Lang::Kk, Route::Service(ServiceId::Iin)))
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
            let address = locate("/", &format!("/en/{path}"), "").expect("under the root");
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
