//! expat-navigator: the AIFC Expat Centre guide as a wizard, checklists, fees and deadlines.
//!
//! - [`domain`]: plain Rust, builds and tests natively.
//! - `platform`: thin browser adapters (storage, clock, print); wasm only.
//! - `ui`: Leptos components that read state and render; wasm only.

pub mod domain;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
