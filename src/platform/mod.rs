//! Thin browser adapters: the only place (with `ui`) that touches web-sys, js-sys and gloo.

pub mod clock;
pub mod download;
pub mod location;
pub mod offline;
pub mod print;
pub mod storage;
