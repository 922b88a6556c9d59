//! The domain: plain Rust, no browser and no clock.
//!
//! Nothing here imports leptos, web-sys, gloo, js-sys or wasm-bindgen, and nothing reads the
//! current date: functions that need it take `today` as an argument. Everything is tested
//! natively with `cargo test`.

pub mod catalogue;
pub mod lang;
