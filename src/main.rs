//! The browser entry point: install the panic screen, then mount the app.

#[cfg(feature = "csr")]
fn main() {
    expat_navigator::ui::start();
}

// Without the browser app there is nothing to run: the domain is exercised by `cargo test`, the
// static pages are written by the `prerender` binary.
#[cfg(not(feature = "csr"))]
fn main() {}
