//! Saving a file to the user's downloads.

use crate::model::format::DownloadError;
use wasm_bindgen::JsCast;

/// Offers `content` as a download named `filename`.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), DownloadError> {
    download_bytes(filename, mime, content.as_bytes())
}

/// Offers `bytes` as a download named `filename`.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| DownloadError::File)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError::File)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(DownloadError::NoPage)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| DownloadError::Link)?.dyn_into().map_err(|_| DownloadError::Link)?;
    a.set_href(&url);
    a.set_download(filename);
    // A detached link is enough for Chromium and Safari; Firefox wants it in the document.
    let body = document.body().ok_or(DownloadError::NoPage)?;
    body.append_child(&a).map_err(|_| DownloadError::Link)?;
    a.click();
    let _ = body.remove_child(&a);
    // Revoke later: revoking at once can cancel the download in some browsers.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
