//! The one error type of the HTTP layer and its `application/problem+json` (RFC 9457) rendering.
//!
//! Clients switch on `code` (baton_core::problem::code), never on `title` or `detail`. Database and
//! internal failures are logged here and answered as a bare 500 `internal`: their text may hold
//! SQL or paths, which are nobody's business outside the server log.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use baton_core::problem::{code, field_code};
use baton_core::{FieldError, Problem, TransitionError};

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// 405 has no code in baton-core (clients never cause it on purpose); the server names it here and
/// spec/openapi.yaml documents it.
pub const METHOD_NOT_ALLOWED: &str = "method_not_allowed";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("authentication required")]
    Unauthenticated,
    #[error("wrong email or password")]
    InvalidCredentials,
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("payload too large")]
    PayloadTooLarge,
    /// An upload over the configured attachment limit (in MiB).
    #[error("upload too large")]
    UploadTooLarge { max_mb: u64 },
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("transition refused: {0}")]
    Transition(#[from] TransitionError),
    /// A refusal outside the state machine (a trashed or suspended ticket); `reason` as in
    /// `Transition`.
    #[error("refused: {detail}")]
    Refused {
        reason: &'static str,
        detail: &'static str,
    },
    /// `If-Match` names another version than the stored one.
    #[error("precondition failed (now v{current_version})")]
    PreconditionFailed { current_version: i64 },
    /// An edit that must name the version it was made on came without `If-Match`.
    #[error("precondition required")]
    PreconditionRequired,
    /// A unique thing (a customer's email) already exists.
    #[error("already exists: {0}")]
    AlreadyExists(&'static str),
    /// An SSO token refused; `code` is one of baton_core's `sso_*` codes.
    #[error("SSO token refused: {detail}")]
    SsoRefused {
        code: &'static str,
        detail: &'static str,
    },
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// A single invalid field.
    pub fn field(field: &str, field_code: &str) -> Self {
        Error::Validation(vec![FieldError::new(field, field_code)])
    }

    pub fn status_code(&self) -> StatusCode {
        match self {
            Error::Unauthenticated | Error::InvalidCredentials | Error::SsoRefused { .. } => {
                StatusCode::UNAUTHORIZED
            }
            Error::Forbidden(_) => StatusCode::FORBIDDEN,
            Error::NotFound => StatusCode::NOT_FOUND,
            Error::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Error::MalformedJson(_) => StatusCode::BAD_REQUEST,
            Error::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Error::PayloadTooLarge | Error::UploadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Error::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Error::Transition(_) | Error::Refused { .. } | Error::AlreadyExists(_) => {
                StatusCode::CONFLICT
            }
            Error::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            Error::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            Error::Database(_) | Error::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The error for a status that a layer answered without a body of ours (axum's 405, the body
    /// limit's 413, …), so every API error has the same shape.
    pub fn from_status(status: StatusCode) -> Self {
        match status {
            StatusCode::UNAUTHORIZED => Error::Unauthenticated,
            StatusCode::FORBIDDEN => Error::Forbidden("not allowed"),
            StatusCode::NOT_FOUND => Error::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => Error::MethodNotAllowed,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Error::UnsupportedMediaType,
            StatusCode::PAYLOAD_TOO_LARGE => Error::PayloadTooLarge,
            StatusCode::UNPROCESSABLE_ENTITY => Error::Validation(Vec::new()),
            s if s.is_client_error() => Error::MalformedJson(s.to_string()),
            s => Error::Internal(format!("bare {s} response")),
        }
    }

    /// The problem document sent for this error.
    pub fn problem(&self) -> Problem {
        let status = self.status_code().as_u16();
        match self {
            Error::Unauthenticated => {
                Problem::new(status, code::UNAUTHENTICATED, "Authentication required")
            }
            Error::InvalidCredentials => {
                Problem::new(status, code::INVALID_CREDENTIALS, "Wrong email or password")
            }
            Error::Forbidden(why) => {
                Problem::new(status, code::FORBIDDEN, "Forbidden").with_detail(*why)
            }
            Error::NotFound => Problem::new(status, code::NOT_FOUND, "Not found"),
            Error::MethodNotAllowed => {
                Problem::new(status, METHOD_NOT_ALLOWED, "Method not allowed")
            }
            Error::MalformedJson(detail) => {
                Problem::new(status, code::MALFORMED_JSON, "Malformed JSON").with_detail(detail)
            }
            Error::UnsupportedMediaType => Problem::new(
                status,
                code::UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type",
            )
            .with_detail("send the body as application/json"),
            Error::PayloadTooLarge => {
                Problem::new(status, code::PAYLOAD_TOO_LARGE, "Payload too large")
                    .with_detail("the body may be at most 1 MiB")
            }
            Error::UploadTooLarge { max_mb } => {
                Problem::new(status, code::PAYLOAD_TOO_LARGE, "Payload too large")
                    .with_detail(format!("files may be at most {max_mb} MiB"))
                    .with_errors(vec![FieldError::new("file", field_code::FILE_TOO_LARGE)])
            }
            Error::Validation(errors) => {
                Problem::new(status, code::VALIDATION_FAILED, "Validation failed")
                    .with_errors(errors.clone())
            }
            Error::Transition(refusal) => {
                let mut p = Problem::new(status, code::TRANSITION_REFUSED, "Transition refused")
                    .with_detail(refusal.to_string());
                p.reason = Some(refusal.code().to_owned());
                p
            }
            Error::Refused { reason, detail } => {
                let mut p = Problem::new(status, code::TRANSITION_REFUSED, "Transition refused")
                    .with_detail(*detail);
                p.reason = Some((*reason).to_owned());
                p
            }
            Error::PreconditionFailed { current_version } => {
                let mut p = Problem::new(status, code::PRECONDITION_FAILED, "Precondition failed")
                    .with_detail("the ticket changed since you loaded it; reload it and re-apply");
                p.current_version = Some(*current_version);
                p
            }
            Error::PreconditionRequired => {
                Problem::new(status, code::PRECONDITION_REQUIRED, "Precondition required")
                    .with_detail("send If-Match: \"v<version>\" from the ticket's ETag")
            }
            Error::AlreadyExists(what) => {
                Problem::new(status, code::ALREADY_EXISTS, "Already exists").with_detail(*what)
            }
            Error::SsoRefused { code, detail } => {
                Problem::new(status, code, "SSO token refused").with_detail(*detail)
            }
            Error::Database(_) | Error::Internal(_) => {
                Problem::new(status, code::INTERNAL, "Internal server error")
            }
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        match &self {
            Error::Database(e) => tracing::error!(error = %e, "database error"),
            Error::Internal(e) => tracing::error!(error = %e, "internal error"),
            _ => {}
        }
        let status = self.status_code();
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if status == StatusCode::UNAUTHORIZED {
            // RFC 9110 asks a 401 to name a scheme; Bearer never makes a browser show a dialog.
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::{Action, Actor, Status};

    #[test]
    fn transition_refusals_carry_the_reason() {
        let refusal = TransitionError::WrongActor {
            action: Action::Complete,
            actor: Actor::Customer,
        };
        let p = Error::from(refusal).problem();
        assert_eq!((p.status, p.code.as_str()), (409, "transition_refused"));
        assert_eq!(p.reason.as_deref(), Some("wrong_actor"));
        let p = Error::Transition(TransitionError::Final(Status::Closed)).problem();
        assert_eq!(p.reason.as_deref(), Some("ticket_final"));
    }

    #[test]
    fn internal_errors_say_nothing() {
        let p = Error::Internal("secret path /var/x".into()).problem();
        assert_eq!(
            (p.status, p.code.as_str(), p.detail),
            (500, "internal", None)
        );
    }
}
