//! The page's address and the browser history: pages are real paths (`en/service/iin/`), and
//! links between them are followed in place, with a history entry, instead of a page load.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The path, such as `/expat/en/service/iin/`.
pub fn pathname() -> String {
    location()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default()
}

/// The site root's path (`/expat/`): the folder of the app's own files, as the page's web app
/// manifest link (written relative to the page, like every asset) resolves.
pub fn site_root() -> String {
    let manifest = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("link[rel=manifest]").ok().flatten())
        .and_then(|link| link.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .and_then(|link| web_sys::Url::new(&link.href()).ok());
    match manifest {
        Some(url) => crate::route::root_of(&url.pathname()),
        None => "/".to_owned(),
    }
}

/// Where the 404 page finds the site root when the path alone cannot say (see
/// `src/bin/prerender.rs`); written only when it changes.
pub const SITE_ROOT_KEY: &str = "expat-navigator.site-root";

/// Remembers the site root for the 404 page. Best effort: without storage, the 404 page reads
/// the root from the path.
pub fn remember_site_root(root: &str) {
    super::storage::best_effort::set(SITE_ROOT_KEY, Some(root));
}

/// The query string with its `?`, or empty.
pub fn search() -> String {
    location().and_then(|l| l.search().ok()).unwrap_or_default()
}

/// `https://example.org`, for links meant to leave the device (share links).
pub fn origin() -> String {
    location().and_then(|l| l.origin().ok()).unwrap_or_default()
}

/// Changes the address to `url`, adding a history entry (Back returns here). `false` when the
/// browser refuses (a sandboxed frame, too many changes in a row): the caller then loads the
/// page itself, so the address always says which page is shown.
#[must_use]
pub fn push(url: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .is_some_and(|history| {
            history
                .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
                .is_ok()
        })
}

/// Loads `url` as a new page (each page of the site has its own HTML).
pub fn load(url: &str) {
    if let Some(location) = location() {
        let _ = location.assign(url);
    }
}

/// Loads the current address again, from the network (or the service worker).
pub fn reload() {
    if let Some(location) = location() {
        let _ = location.reload();
    }
}

/// Replaces the current address without a new history entry (for redirects).
pub fn replace(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// Makes the page head's links (icon, manifest, stylesheet) absolute: they are written relative to
/// the page's folder, and following links in place changes the folder they would resolve from.
pub fn pin_head_links() {
    let Some(links) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("head link[href]").ok())
    else {
        return;
    };
    for i in 0..links.length() {
        if let Some(link) = links
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlLinkElement>().ok())
        {
            link.set_href(&link.href());
        }
    }
}

/// Calls `on_change` on every `popstate` (Back, Forward) for the life of the page.
pub fn on_history_change(on_change: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure = Closure::<dyn Fn()>::new(on_change);
    let _ = window.add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Offers every plain left click on a link to `follow(pathname, search)`, which returns true
/// when it has shown the page itself: the browser then does not load it. Links that open
/// elsewhere (new tab, download, another site) and in-page fragments are left to the browser.
pub fn on_link_click(follow: impl Fn(&str, &str) -> bool + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let closure = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if !link.target().is_empty() || link.has_attribute("download") || link.origin() != origin()
        {
            return;
        }
        let (path, query) = (link.pathname(), link.search());
        if path == pathname() && query == search() && !link.hash().is_empty() {
            return;
        }
        if follow(&path, &query) {
            ev.prevent_default();
        }
    });
    let _ = document.add_event_listener_with_callback("click", closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Calls `on_change(key)` when another tab changes local storage.
pub fn on_storage_change(on_change: impl Fn(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            on_change(ev.key())
        });
    let _ = window.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
    closure.forget();
}
