//! Attachment downloads with the widget's bearer session: `GET /api/v1/attachments/{id}` through
//! `fetch()` with `Authorization`, then saved as a file.
//!
//! A plain link cannot carry a header, and inside a third-party iframe the cookie it would rely on
//! may be blocked, so in bearer mode the click fetches the bytes itself. With cookies the link
//! stays the browser's ordinary download.

use super::{Api, ApiError};
use leptos::prelude::set_timeout;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// How long a saved file's object URL lives: long enough for the browser to start the download.
const REVOKE_AFTER: Duration = Duration::from_secs(10);

impl Api {
    /// Whether requests authenticate with a bearer token (the widget) rather than cookies.
    pub fn holds_bearer(&self) -> bool {
        self.bearer_token().is_some()
    }

    /// Fetches attachment `id` with this client's credentials and saves it as `name`.
    pub async fn download(&self, id: i64, name: &str) -> Result<(), ApiError> {
        let response = self
            .send(self.get(&format!("/attachments/{id}")).build())
            .await?;
        let bytes = response
            .binary()
            .await
            .map_err(|e| ApiError::Network(super::describe(e)))?;
        save(&bytes, name).map_err(|e| ApiError::Decode(format!("cannot save the file: {e:?}")))
    }
}

/// Hands `bytes` to the browser as a download named `name`: a Blob behind an object URL, clicked
/// through a temporary `<a download>`, the URL revoked shortly after.
fn save(bytes: &[u8], name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let clicked = click_link(&url, name);
    // Some browsers resolve the blob URL after the click returns, so it is revoked a moment later
    // rather than at once; also when the click failed, so a failure does not leak the blob.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        REVOKE_AFTER,
    );
    clicked
}

/// Clicks a detached `<a href=url download=name>`; the browser starts the download synchronously.
fn click_link(url: &str, name: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link = document
        .create_element("a")?
        .dyn_into::<web_sys::HtmlElement>()?;
    link.set_attribute("href", url)?;
    link.set_attribute("download", name)?;
    link.click();
    Ok(())
}
