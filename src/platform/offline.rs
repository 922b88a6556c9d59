//! Registers the service worker that keeps the app working offline (see public/sw.js).

/// Release builds only: in `trunk serve` a cache would fight live reload.
pub fn register_service_worker(root: &str) {
    if cfg!(debug_assertions) {
        return;
    }
    if let Some(window) = web_sys::window() {
        // At the site root (a sub-path too), whichever page registers it: its scope is the site.
        let _ = window
            .navigator()
            .service_worker()
            .register(&format!("{root}sw.js"));
    }
}
