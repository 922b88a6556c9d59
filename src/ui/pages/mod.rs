//! One component per route.

mod catalogue;
mod check_answers;
mod home;
mod not_found;
mod outcome;
mod question;
mod service;
mod share;

pub use catalogue::Catalogue;
pub use check_answers::CheckAnswers;
pub use home::Home;
pub use not_found::NotFound;
pub use outcome::Outcome;
pub use question::Question;
pub use service::Service;
pub use share::Share;
