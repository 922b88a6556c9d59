//! The app's alert: something the user asked for did not happen (the browser refused a
//! download), said on every page in one `role="alert"` region under the header, until dismissed
//! or until the same action works. One signal for the whole app, provided once.

use leptos::prelude::*;

use crate::platform::download as platform;
use crate::ui::i18n::Key;
use crate::ui::state::AppState;

/// What the alert region says, if anything.
#[derive(Clone, Copy)]
pub struct Alert(RwSignal<Option<Key>>);

impl Alert {
    pub fn provide() {
        provide_context(Alert(RwSignal::new(None)));
    }

    /// Shows `key` in the alert region, or clears it (the static pages have no alert).
    fn set(key: Option<Key>) {
        if let Some(alert) = use_context::<Alert>() {
            alert.0.set(key);
        }
    }
}

/// Offers `contents` for download as `filename`; if the browser refuses, the alert says so
/// (and a download that works clears it).
pub fn download(filename: &str, mime: &str, contents: &str) {
    let failed = platform::download(filename, mime, contents).is_err();
    Alert::set(failed.then_some(Key::DownloadFailed));
}

/// The alert region: nothing until there is something to say.
#[component]
pub fn AlertBanner() -> impl IntoView {
    let lang = AppState::expect().lang;
    let alert = use_context::<Alert>();
    move || {
        let alert = alert?;
        let key = alert.0.get()?;
        let l = lang.get();
        Some(view! {
            <div class="container alert warning" role="alert">
                <p>
                    {key.text(l)} " "
                    <button type="button" class="link" on:click=move |_| alert.0.set(None)>
                        {Key::Dismiss.text(l)}
                    </button>
                </p>
            </div>
        })
    }
}
