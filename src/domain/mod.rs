//! The domain: plain Rust, no browser and no clock.
//!
//! Nothing here imports the UI framework or any browser binding, and nothing reads the
//! current date: functions that need it take `today` as an argument. Everything is tested
//! natively with `cargo test`.

pub mod application;
pub mod calendar;
pub mod catalogue;
pub mod checklist;
pub mod csv;
#[cfg(test)]
mod data_tests;
pub mod deadlines;
pub mod draft;
pub mod encoding;
pub mod fees;
pub mod flow;
pub mod ics;
pub mod iso;
pub mod lang;
pub mod money;
pub mod qr;
pub mod roster;
pub mod share;
pub mod store;
