//! Thin browser adapters: the only place (with `ui`) that touches web-sys and js-sys.

// The static render (feature ssr alone) compiles them without calling them.
#![cfg_attr(not(feature = "csr"), allow(dead_code))]

pub mod clock;
pub mod download;
pub mod location;
pub mod print;
pub mod storage;
