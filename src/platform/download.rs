//! Saving generated text (a calendar, a CSV, an export) as a file: a Blob, an object URL and a
//! temporary `<a download>`, so nothing is sent anywhere.

use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `contents` for download as `filename`. An error says the browser refused: the caller
/// tells the user (see `ui::alert::download`), since a download may be the only way out for
/// data kept aside.
pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;

    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;

    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.set_hidden(true);
    body.append_child(&a)?;
    a.click();
    a.remove();

    // Revoking at once can cancel the download in some browsers: wait a moment.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    Ok(())
}
