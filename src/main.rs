//! The browser entry point of the wizard's build: every page but the HR desk's (`ui::Desk`),
//! so a foreign employee's phone never downloads the desk's code.

#[cfg(feature = "csr")]
fn main() {
    expat_navigator::ui::start(None);
}

// Without the browser app there is nothing to run: the domain is exercised by `cargo test`, the
// static pages are written by the `prerender` binary.
#[cfg(not(feature = "csr"))]
fn main() {}
