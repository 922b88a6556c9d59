//! The browser entry point: install the panic screen, then mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    expat_navigator::ui::start();
}

// Natively there is nothing to run: the domain is exercised by `cargo test`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
