//! One component per route.

mod about;
mod catalogue;
mod check_answers;
mod drafts;
mod home;
mod not_found;
mod outcome;
mod question;
mod service;
mod share;

pub use about::About;
pub use catalogue::Catalogue;
pub use check_answers::CheckAnswers;
pub use drafts::DraftsPage;
pub use home::Home;
pub use not_found::NotFound;
pub use outcome::Outcome;
pub use question::Question;
pub use service::Service;
pub use share::Share;
