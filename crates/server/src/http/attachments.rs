//! Attachments: `POST /attachments` (multipart, one part `file`) and `GET /attachments/{id}`
//! (the bytes, streamed). The upload route has its own body limit, the configured
//! `max_upload_mb`, instead of the API's 1 MiB (see `http::app`).

use super::extract::PathId;
use super::{AppState, Error, Routes};
use crate::error::Error as DomainError;
use crate::attachments::{self, content_disposition, served_type};
use crate::auth::CurrentUser;
use axum::body::Body;
use axum::extract::multipart::{MultipartError, MultipartRejection};
use axum::extract::{Multipart, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baton_core::problem::field_code;

/// Room for the multipart framing around the file, on top of the file size limit.
pub const MULTIPART_OVERHEAD: usize = 64 * 1024;

/// The upload route, which `http::app` mounts outside the API's 1 MiB body limit.
pub fn upload_router() -> Routes {
    Routes::new().post("/attachments", upload)
}

pub fn router() -> Routes {
    Routes::new().get("/attachments/{id}", download)
}

async fn upload(
    State(state): State<AppState>,
    user: CurrentUser,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, Error> {
    let mut multipart = multipart.map_err(|_| Error::UnsupportedMediaType)?;
    loop {
        let field = multipart
            .next_field()
            .await
            .map_err(|e| multipart_error(&e, state.max_upload_mb))?;
        let Some(field) = field else {
            return Err(Error::field("file", field_code::REQUIRED));
        };
        // Other parts are skipped: the contract names one part, and a form may send more.
        if field.name() == Some("file") {
            let incoming = attachments::Incoming {
                file_name: field.file_name().unwrap_or_default().to_owned(),
                declared_type: field.content_type().map(str::to_owned),
                chunks: field,
            };
            let attachment = attachments::receive(&state, &user, incoming)
                .await
                .map_err(|refused| match refused {
                    attachments::Refused::Rule(e) => Error::from(e),
                    attachments::Refused::Read(e) => multipart_error(&e, state.max_upload_mb),
                })?;
            let location = format!("/api/v1/attachments/{}", attachment.id);
            return Ok((
                StatusCode::CREATED,
                [(header::LOCATION, location)],
                Json(attachment),
            )
                .into_response());
        }
    }
}

async fn download(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
) -> Result<Response, Error> {
    let download = attachments::open(&state, &user, id).await?;
    let row = download.row;
    let header_value = |value: &str| {
        HeaderValue::from_str(value)
            .map_err(|_| Error::Domain(DomainError::Internal(format!("attachment {id}: bad header value"))))
    };
    let headers = [
        (
            header::CONTENT_TYPE,
            header_value(served_type(&row.content_type))?,
        ),
        (
            header::CONTENT_DISPOSITION,
            header_value(&content_disposition(&row.name))?,
        ),
        (header::CONTENT_LENGTH, header_value(&row.size.to_string())?),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        ),
    ];
    Ok((headers, Body::from_stream(download.bytes)).into_response())
}

/// What a multipart read failure means for the client: over the limit, or a broken body.
fn multipart_error(e: &MultipartError, max_mb: u64) -> Error {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        DomainError::UploadTooLarge { max_mb }.into()
    } else {
        Error::MalformedJson("the multipart body could not be read".to_owned())
    }
}
