//! Uploads: `POST /api/v1/attachments`, one file per request as multipart form data.
//!
//! `fetch()` cannot report upload progress, so this one request goes through `XMLHttpRequest`,
//! whose `upload.onprogress` can; its answer is judged exactly like every other request's.

use super::{problem_of, Api, ApiError};
use baton_core::Attachment;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FormData, ProgressEvent, XmlHttpRequest};

/// Called with each upload progress event; must live until the request ends.
type ProgressHandler = Closure<dyn FnMut(ProgressEvent)>;

impl Api {
    /// Uploads `file`, calling `progress` with the fraction sent so far (0.0–1.0).
    pub async fn upload(
        &self,
        file: &File,
        progress: impl Fn(f64) + 'static,
    ) -> Result<Attachment, ApiError> {
        let (xhr, _on_progress) = self.start_upload(file, Box::new(progress))?;
        let done = js_sys::Promise::new(&mut |resolve, _| xhr.set_onloadend(Some(&resolve)));
        // `loadend` fires after success, error and abort alike: the status tells which.
        let _ = JsFuture::from(done).await;
        let status = xhr.status().unwrap_or(0);
        let body = xhr.response_text().ok().flatten().unwrap_or_default();
        if status == 0 {
            return Err(ApiError::Network("upload failed".to_owned()));
        }
        if (200..300).contains(&status) {
            return super::json::decode(&body).map_err(ApiError::Decode);
        }
        let status_text = xhr.status_text().unwrap_or_default();
        Err(self.refused(problem_of(status, &status_text, &body)))
    }

    /// Opens and sends the request; returns it with the progress handler, which must live until
    /// the request ends.
    fn start_upload(
        &self,
        file: &File,
        progress: Box<dyn Fn(f64)>,
    ) -> Result<(XmlHttpRequest, ProgressHandler), ApiError> {
        let failed = |e: JsValue| ApiError::Network(format!("{e:?}"));
        let xhr = XmlHttpRequest::new().map_err(failed)?;
        xhr.open("POST", &self.url("/attachments"))
            .map_err(failed)?;
        xhr.set_with_credentials(self.cross_origin());
        // The widget authenticates with its bearer session, never with cookies (see `Api::auth`).
        if let Some(token) = self.bearer_token() {
            xhr.set_with_credentials(false);
            xhr.set_request_header("Authorization", &format!("Bearer {token}"))
                .map_err(failed)?;
        } else {
            xhr.set_request_header(super::CLIENT_HEADER, "spa").map_err(failed)?;
        }
        let form = FormData::new().map_err(failed)?;
        form.append_with_blob_and_filename("file", file, &file.name())
            .map_err(failed)?;
        let on_progress = ProgressHandler::new(move |e: ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                progress(e.loaded() / e.total());
            }
        });
        xhr.upload()
            .map_err(failed)?
            .set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        xhr.send_with_opt_form_data(Some(&form)).map_err(failed)?;
        Ok((xhr, on_progress))
    }
}
