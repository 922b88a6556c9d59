//! Registers the service worker that keeps the app working offline (see public/sw.js).

/// Release builds only: in `trunk serve` a cache would fight live reload.
pub fn register_service_worker() {
    if cfg!(debug_assertions) {
        return;
    }
    if let Some(window) = web_sys::window() {
        // Relative, so the worker's scope is wherever the app is hosted (a sub-path too).
        let _ = window.navigator().service_worker().register("./sw.js");
    }
}
