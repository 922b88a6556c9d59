//! The Leptos interface: components read state, call the domain and render. No logic lives here
//! that the domain could hold.

mod app;
mod components;
pub(crate) mod drafts;
pub(crate) mod i18n;
mod pages;
mod state;

pub use app::{App, Built};

use leptos::prelude::*;

/// Mounts the app on the page, with a crash screen instead of a blank page if it ever panics.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_screen();
    }));
    // Not in the task that instantiated the wasm: that one is long enough already.
    set_timeout(mount_in_parts, std::time::Duration::ZERO);
    crate::platform::offline::register_service_worker();
}

/// The first render is split over short tasks, a part of the page each, built out of sight and
/// then shown at once: one long task would freeze a slow phone for a quarter of a second (half
/// of it compiling code on its first call). Nothing shows half-built, and on a first visit the
/// static snapshot of the home page (index.html) stays until the app takes its place.
fn mount_in_parts() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(root) = document.create_element("div") else {
        return;
    };
    let app = root.clone();
    leptos::mount::mount_to(wasm_bindgen::JsCast::unchecked_into(root), move || {
        let built = RwSignal::new(Built::State);
        build_rest(built, move || show(&document, &app));
        view! { <App built=built.read_only()/> }
    })
    .forget();
}

/// Builds the next part in a task of its own; after the last one, `then`.
fn build_rest(built: RwSignal<Built>, then: impl FnOnce() + 'static) {
    let step = move || match built.get_untracked().next() {
        Some(part) => {
            built.set(part);
            build_rest(built, then);
        }
        None => then(),
    };
    set_timeout(step, std::time::Duration::ZERO);
}

/// Puts the built app on the page in place of the snapshot, in one task: no frame shows both.
fn show(document: &web_sys::Document, app: &web_sys::Element) {
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    if let Some(body) = document.body() {
        let _ = body.append_child(app);
    }
}

/// Reveals the static crash message of index.html (it needs no wasm to work) and hides the app.
fn show_crash_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    if let Some(crash) = document.get_element_by_id("crash") {
        let _ = crash.remove_attribute("hidden");
    }
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.set_attribute("hidden", "");
    }
}
