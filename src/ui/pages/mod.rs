//! One component per route.

mod about;
mod catalogue;
mod check_answers;
mod drafts;
mod home;
mod not_found;
pub(crate) mod outcome;
mod question;
mod roster;
mod service;
mod share;
mod shell;

pub use about::About;
pub use catalogue::Catalogue;
pub use check_answers::CheckAnswers;
pub use drafts::DraftsPage;
pub use home::Home;
pub use not_found::NotFound;
pub use outcome::Outcome;
pub use question::Question;
pub use roster::RosterPage;
pub use service::Service;
pub use share::Share;
pub use shell::Shell;

use crate::domain::catalogue::catalogue;
use crate::domain::flow;
use crate::domain::lang::Lang;
use crate::route::Route;
use crate::ui::i18n::Key;

/// The page's heading: its own where it comes from data (a service's title, a question), else
/// the interface's word for the page (an unknown service or question is "page not found").
fn heading(route: &Route, lang: Lang) -> String {
    let from_data = match route {
        Route::Service(id) => Some(catalogue().get(*id).title.get(lang).to_owned()),
        Route::Question(q) => Some(flow::title(*q, lang)),
        _ => None,
    };
    from_data.unwrap_or_else(|| {
        let key = match route {
            Route::Home => Key::HomeTitle,
            Route::Catalogue => Key::CatalogueTitle,
            Route::CheckAnswers => Key::CheckTitle,
            Route::Outcome => Key::OutcomeTitle,
            Route::Share(_) => Key::ShareOpenTitle,
            Route::Drafts => Key::DraftsTitle,
            Route::Roster => Key::RosterTitle,
            Route::About => Key::AboutTitle,
            Route::Service(_) | Route::Question(_) | Route::NotFound(_) => Key::NotFoundTitle,
        };
        key.text(lang).to_owned()
    })
}

/// The document's title: the page's heading, then the app's name.
pub fn title(route: &Route, lang: Lang) -> String {
    format!("{} · {}", heading(route, lang), Key::AppName.text(lang))
}

/// The page's summary for search engines and link previews.
#[cfg(feature = "ssr")]
pub fn description(route: &Route, lang: Lang) -> String {
    match route {
        Route::Service(id) => catalogue().get(*id).summary.get(lang).to_owned(),
        Route::Catalogue => Key::CatalogueLead.text(lang).to_owned(),
        _ => Key::HomeLead.text(lang).to_owned(),
    }
}
