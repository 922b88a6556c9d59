//! The static pages: every address rendered to HTML at build time by the same components as the
//! live app, so a link opens at once (and without JavaScript) and the app takes over without a
//! visible change. Pages that depend on the visitor's answers render as shells (`pages::Shell`).

use leptos::prelude::*;

use crate::domain::catalogue::catalogue;
use crate::domain::flow::{MAX_FAMILY, QuestionId};
use crate::domain::lang::Lang;
use crate::route::{Address, Route};
use crate::ui::app::{App, Built};
use crate::ui::pages;
use crate::ui::state::{AppState, Mode};

/// What kind of file a static page is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A page at its own address in one language.
    Page,
    /// The site root's `index.html`: the English home page, which sends readers of another
    /// language, and the old `#/...` links, to their page.
    NeutralHome,
    /// `share/index.html`: a share link in no language: the English share page, which sends
    /// readers of another language to theirs.
    NeutralShare,
    /// `404.html`, which static hosts serve for any missing path.
    NotFound,
}

/// One file to write.
pub struct StaticPage {
    pub kind: Kind,
    /// The page shown: its language and route.
    pub address: Address,
    /// The file, below the site root: `en/service/iin/index.html`.
    pub file: String,
    /// From this file to the site root: `../../../`, or empty.
    pub to_root: String,
    pub title: String,
    pub description: String,
    /// The `<div id="app">` as the live app renders it on arrival.
    pub body: String,
}

/// Every address the app has, in every language; then the neutral pages and the 404 page.
pub fn all_pages() -> Vec<StaticPage> {
    let mut routes = vec![
        Route::Home,
        Route::Catalogue,
        Route::About,
        Route::Drafts,
        Route::Roster,
        Route::CheckAnswers,
        Route::Outcome,
        Route::Share(String::new()),
    ];
    routes.extend(catalogue().services.iter().map(|s| Route::Service(s.id)));
    routes.extend(
        QuestionId::ROUTING
            .into_iter()
            .filter(|q| !matches!(q, QuestionId::Member(_)))
            .chain((1..=MAX_FAMILY).map(QuestionId::Member))
            .map(Route::Question),
    );
    let mut pages: Vec<StaticPage> = Lang::ALL
        .into_iter()
        .flat_map(|lang| routes.iter().map(move |r| Address::new(lang, r.clone())))
        .map(|address| {
            let file = format!("{}index.html", address.path());
            render(
                Kind::Page,
                address.clone(),
                file,
                "../".repeat(address.depth()),
            )
        })
        .collect();
    pages.push(render(
        Kind::NeutralHome,
        Address::new(Lang::En, Route::Home),
        "index.html".into(),
        String::new(),
    ));
    pages.push(render(
        Kind::NeutralShare,
        Address::new(Lang::En, Route::Share(String::new())),
        "share/index.html".into(),
        "../".into(),
    ));
    // Relative to the `<base>` that the 404 page's script sets to the site root.
    pages.push(render(
        Kind::NotFound,
        Address::new(Lang::En, Route::NotFound(String::new())),
        "404.html".into(),
        String::new(),
    ));
    pages
}

fn render(kind: Kind, address: Address, file: String, to_root: String) -> StaticPage {
    let owner = Owner::new();
    let body = owner.with(|| {
        AppState::provide(Mode::Static, to_root.clone(), address.clone());
        let built = RwSignal::new(Built::Footer);
        view! { <App built=built.read_only()/> }.to_html()
    });
    StaticPage {
        title: pages::title(&address.route, address.lang),
        description: pages::description(&address.route, address.lang),
        kind,
        address,
        file,
        to_root,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_address_has_one_page_with_its_own_heading() {
        let pages = all_pages();
        let files: BTreeSet<&str> = pages.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(files.len(), pages.len(), "one file per page");
        // 23 services, 7 other pages and every routing question, in each language; then the
        // site root, the neutral share link and 404.html.
        let questions = QuestionId::ROUTING
            .iter()
            .filter(|q| !matches!(q, QuestionId::Member(_)))
            .count()
            + usize::from(MAX_FAMILY);
        assert_eq!(pages.len(), Lang::ALL.len() * (8 + 23 + questions) + 3);
        for page in &pages {
            assert_eq!(page.body.matches("<h1").count(), 1, "{}", page.file);
            assert!(
                !page.body.contains("href=\"#/"),
                "{}: an old fragment link",
                page.file
            );
            assert!(
                !page.title.is_empty() && !page.description.is_empty(),
                "{}",
                page.file
            );
        }
        for file in [
            "index.html",
            "kk/index.html",
            "en/services/index.html",
            "share/index.html",
            "404.html",
        ] {
            assert!(files.contains(file), "{file}");
        }
    }

    #[test]
    fn a_service_page_holds_every_document_of_the_service_in_its_language() {
        let cat = catalogue();
        for page in all_pages() {
            let Route::Service(id) = &page.address.route else {
                continue;
            };
            let service = cat.get(*id);
            let lang = page.address.lang;
            for name in service
                .documents
                .iter()
                .filter_map(|r| cat.document(r.doc))
                .map(|d| d.name.get(lang))
            {
                let escaped = name
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;");
                assert!(page.body.contains(&escaped), "{}: {name}", page.file);
            }
            assert!(page.body.contains(service.title.get(lang)), "{}", page.file);
        }
    }

    #[test]
    fn links_in_a_static_page_are_relative_to_its_folder() {
        for page in all_pages().iter().filter(|p| p.kind == Kind::Page) {
            let home = format!("href=\"{}{}/\"", page.to_root, page.address.lang.code());
            assert!(page.body.contains(&home), "{}: {home}", page.file);
        }
    }
}
