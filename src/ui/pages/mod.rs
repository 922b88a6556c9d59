//! One component per route.

mod catalogue;
mod home;
mod not_found;
mod service;

pub use catalogue::Catalogue;
pub use home::Home;
pub use not_found::NotFound;
pub use service::Service;
