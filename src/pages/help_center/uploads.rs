//! Uploading the files a form's picker hands over: each goes to `POST /attachments` at once,
//! reporting progress and then the attachment, or why the server refused it.

use crate::api::{Api, ApiError};
use crate::components::ui::Upload;
use crate::i18n::{error_key, field_key, Key};
use baton_core::problem::code;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The `on_upload` of a file picker, uploading with `api`.
pub fn uploader(api: Api) -> Callback<web_sys::File, Upload> {
    Callback::new(move |file: web_sys::File| {
        let upload = Upload::new(file.name(), file.size());
        let (progress, result) = (upload.progress.clone(), upload.result.clone());
        let api = api.clone();
        spawn_local(async move {
            // The form may be gone when the answer comes; then there is nothing to update.
            let answer = api
                .upload(&file, move |sent| {
                    progress.try_set(sent);
                })
                .await;
            result.try_set(Some(answer.map_err(|e| refusal(&e))));
        });
        upload
    })
}

/// Why an upload failed, as the message under the file: the server's reason about the file
/// (`file_type`, `file_too_large`), else the general one (offline, server error…).
fn refusal(error: &ApiError) -> Key {
    if let Some(about_file) = error.field_errors().iter().find(|e| e.field == "file") {
        return field_key(&about_file.code);
    }
    if error.is(code::PAYLOAD_TOO_LARGE) {
        return Key::FieldFileTooLarge;
    }
    error_key(error)
}
