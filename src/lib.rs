//! expat-navigator: the AIFC Expat Centre guide as a wizard, checklists, fees and deadlines.
//!
//! - [`domain`]: plain Rust, builds and tests natively.
//! - [`route`]: the app's addresses, plain Rust.
//! - `platform`: thin browser adapters (storage, clock, print).
//! - `ui`: Leptos components that read state and render: in the browser (feature `csr`) and,
//!   for the static pages, natively at build time (feature `ssr`).

pub mod domain;
pub mod route;

#[cfg(feature = "browser")]
pub mod platform;
#[cfg(feature = "browser")]
pub mod ui;
