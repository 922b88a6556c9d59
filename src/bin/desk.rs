//! The HR desk's build of the app: every page, with the Drafts and Roster pages (`ui::Desk`).
//! Trunk builds it beside the wizard's (`index.html`); the desk's pages load it.

#[cfg(feature = "csr")]
fn main() {
    expat_navigator::ui::start(Some(expat_navigator::ui::DESK));
}

// Without the browser app there is nothing to run (see `src/main.rs`).
#[cfg(not(feature = "csr"))]
fn main() {}
