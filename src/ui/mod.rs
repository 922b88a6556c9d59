//! The Leptos interface: components read state, call the domain and render. No logic lives here
//! that the domain could hold.

mod app;
mod components;
pub(crate) mod drafts;
pub(crate) mod i18n;
mod pages;
mod state;

pub use app::App;

/// Mounts the app on the page, with a crash screen instead of a blank page if it ever panics.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_screen();
    }));
    leptos::mount::mount_to_body(App);
    crate::platform::offline::register_service_worker();
}

/// Reveals the static crash message of index.html (it needs no wasm to work) and hides the app.
fn show_crash_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(crash) = document.get_element_by_id("crash") {
        let _ = crash.remove_attribute("hidden");
    }
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.set_attribute("hidden", "");
    }
}
