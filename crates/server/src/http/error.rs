//! The one error type of the HTTP layer and its `application/problem+json` (RFC 9457) rendering.
//!
//! Clients switch on `code` (baton_core::problem::code), never on `title` or `detail`. Database and
//! internal failures are logged here and answered as a bare 500 `internal`: their text may hold
//! SQL or paths, which are nobody's business outside the server log.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use baton_core::problem::{code, field_code};
use baton_core::{FieldError, Problem};

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// 405 has no code in baton-core (clients never cause it on purpose); the server names it here and
/// spec/openapi.yaml documents it.
pub const METHOD_NOT_ALLOWED: &str = "method_not_allowed";

pub use crate::error::Error as DomainError;

/// An error answered over HTTP: the domain's, or a rejection of the request's form that only this
/// layer can make (method, media type, body size, malformed JSON, a missing `If-Match`).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("payload too large")]
    PayloadTooLarge,
    /// An edit that must name the version it was made on came without `If-Match`.
    #[error("precondition required")]
    PreconditionRequired,
    /// A cookie-authenticated change that does not come from a page of ours (see `http::csrf`).
    #[error("cross-site request refused")]
    CrossSite,
    /// The server cannot serve now (`GET /ready`: the database does not answer, or lacks this
    /// build's migrations); the answer says when to ask again.
    #[error("unavailable: {0}")]
    Unavailable(&'static str),
}

impl From<crate::storage::Error> for Error {
    fn from(e: crate::storage::Error) -> Self {
        Error::Domain(DomainError::Storage(e))
    }
}

impl From<baton_core::TransitionError> for Error {
    fn from(e: baton_core::TransitionError) -> Self {
        Error::Domain(DomainError::Transition(e))
    }
}

impl Error {
    /// A single invalid field.
    pub fn field(field: &str, field_code: &str) -> Self {
        DomainError::field(field, field_code).into()
    }

    pub fn status_code(&self) -> StatusCode {
        match self {
            Error::Domain(e) => domain_status(e),
            Error::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Error::MalformedJson(_) => StatusCode::BAD_REQUEST,
            Error::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Error::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Error::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            Error::CrossSite => StatusCode::FORBIDDEN,
            Error::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The error for a status that a layer answered without a body of ours (axum's 405, the body
    /// limit's 413, …), so every API error has the same shape.
    pub fn from_status(status: StatusCode) -> Self {
        match status {
            StatusCode::UNAUTHORIZED => DomainError::Unauthenticated.into(),
            StatusCode::FORBIDDEN => DomainError::Forbidden("not allowed").into(),
            StatusCode::NOT_FOUND => DomainError::NotFound.into(),
            StatusCode::METHOD_NOT_ALLOWED => Error::MethodNotAllowed,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Error::UnsupportedMediaType,
            StatusCode::PAYLOAD_TOO_LARGE => Error::PayloadTooLarge,
            StatusCode::UNPROCESSABLE_ENTITY => DomainError::Validation(Vec::new()).into(),
            s if s.is_client_error() => Error::MalformedJson(s.to_string()),
            s => DomainError::Internal(format!("bare {s} response")).into(),
        }
    }

    /// The problem document sent for this error.
    pub fn problem(&self) -> Problem {
        let status = self.status_code().as_u16();
        match self {
            Error::Domain(e) => domain_problem(status, e),
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
            Error::PreconditionRequired => {
                Problem::new(status, code::PRECONDITION_REQUIRED, "Precondition required")
                    .with_detail("send If-Match: \"v<version>\" from the ticket's ETag")
            }
            Error::CrossSite => Problem::new(status, code::CROSS_SITE, "Cross-site request refused")
                .with_detail("changes made with the session cookie need the Baton-Client header and a page of this site"),
            Error::Unavailable(why) => Problem::new(status, code::UNAVAILABLE, "Unavailable").with_detail(*why),
        }
    }
}

fn domain_status(e: &DomainError) -> StatusCode {
    match e {
        DomainError::Unauthenticated
        | DomainError::InvalidCredentials
        | DomainError::SsoRefused { .. } => StatusCode::UNAUTHORIZED,
        DomainError::Forbidden(_) | DomainError::MissingPermission(_) | DomainError::SignupClosed => StatusCode::FORBIDDEN,
        DomainError::NotFound => StatusCode::NOT_FOUND,
        DomainError::TokenInvalid => StatusCode::GONE,
        DomainError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        DomainError::UploadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        DomainError::Validation(_) | DomainError::TenantRequired => StatusCode::UNPROCESSABLE_ENTITY,
        DomainError::Transition(_)
        | DomainError::Refused { .. }
        | DomainError::AlreadyExists(_)
        | DomainError::Conflict { .. } => {
            StatusCode::CONFLICT
        }
        DomainError::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
        DomainError::Storage(e) if e.is_busy() => StatusCode::SERVICE_UNAVAILABLE,
        DomainError::Storage(_) | DomainError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

fn domain_problem(status: u16, e: &DomainError) -> Problem {
    match e {
        DomainError::Unauthenticated => {
            Problem::new(status, code::UNAUTHENTICATED, "Authentication required")
        }
        DomainError::InvalidCredentials => {
            Problem::new(status, code::INVALID_CREDENTIALS, "Wrong email or password")
        }
        DomainError::TenantRequired => {
            Problem::new(status, code::TENANT_REQUIRED, "Tenant required")
                .with_detail("this email has an account in several desks: sign in naming one (tenant)")
                .with_errors(vec![FieldError::new("tenant", field_code::REQUIRED)])
        }
        DomainError::RateLimited { retry_after_secs } => Problem::new(status, code::RATE_LIMITED, "Too many attempts")
            .with_detail(format!("try again in {retry_after_secs} s")),
        DomainError::TokenInvalid => Problem::new(status, code::TOKEN_INVALID, "Link no longer valid")
            .with_detail("the link is unknown, used already or expired: ask for a new one"),
        DomainError::Forbidden(why) => {
            Problem::new(status, code::FORBIDDEN, "Forbidden").with_detail(*why)
        }
        DomainError::SignupClosed => Problem::new(status, code::SIGNUP_CLOSED, "Sign-up closed")
            .with_detail("this desk does not take sign-ups: ask its staff for an account"),
        DomainError::MissingPermission(p) => Problem::new(status, code::FORBIDDEN, "Forbidden")
            .with_detail(format!("requires the permission {p}")),
        DomainError::NotFound => Problem::new(status, code::NOT_FOUND, "Not found"),
        DomainError::UploadTooLarge { max_mb } => {
            Problem::new(status, code::PAYLOAD_TOO_LARGE, "Payload too large")
                .with_detail(format!("files may be at most {max_mb} MiB"))
                .with_errors(vec![FieldError::new("file", field_code::FILE_TOO_LARGE)])
        }
        DomainError::Validation(errors) => {
            Problem::new(status, code::VALIDATION_FAILED, "Validation failed")
                .with_errors(errors.clone())
        }
        DomainError::Transition(refusal) => {
            let mut p = Problem::new(status, code::TRANSITION_REFUSED, "Transition refused")
                .with_detail(refusal.to_string());
            p.reason = Some(refusal.code().to_owned());
            p
        }
        DomainError::Refused { reason, detail } => {
            let mut p = Problem::new(status, code::TRANSITION_REFUSED, "Transition refused")
                .with_detail(*detail);
            p.reason = Some((*reason).to_owned());
            p
        }
        DomainError::PreconditionFailed { current_version, .. } => {
            let mut p = Problem::new(status, code::PRECONDITION_FAILED, "Precondition failed")
                .with_detail("the ticket changed since you loaded it; reload it and re-apply");
            p.current_version = Some(*current_version);
            p
        }
        DomainError::Conflict { code, detail } => Problem::new(status, code, "Conflict").with_detail(*detail),
        DomainError::AlreadyExists(what) => {
            Problem::new(status, code::ALREADY_EXISTS, "Already exists").with_detail(*what)
        }
        DomainError::SsoRefused { code, detail } => {
            Problem::new(status, code, "SSO token refused").with_detail(*detail)
        }
        DomainError::Storage(e) if e.is_busy() => {
            Problem::new(status, code::UNAVAILABLE, "Busy").with_detail("the database is busy; retry shortly")
        }
        DomainError::Storage(_) | DomainError::Internal(_) => {
            Problem::new(status, code::INTERNAL, "Internal server error")
        }
    }
}

/// A problem as sent: baton-core's [`Problem`], plus a 412's `changed` (the properties changed
/// since the version sent). The extension lives here rather than in `Problem` because the SPA
/// never reads it (it compares the refetched ticket itself), and every field of `Problem` costs
/// the help center's size-budgeted bundle a deserializer.
#[derive(serde::Serialize)]
struct Wire<'a> {
    #[serde(flatten)]
    problem: &'a Problem,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    changed: &'a [String],
}

/// Seconds a client refused with 503 should wait before asking again.
const RETRY_AFTER_SECS: &str = "5";

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        match &self {
            Error::Domain(DomainError::Storage(e)) => tracing::error!(error = %e, "database error"),
            Error::Domain(DomainError::Internal(e)) => tracing::error!(error = %e, "internal error"),
            _ => {}
        }
        let status = self.status_code();
        let changed = match &self {
            Error::Domain(DomainError::PreconditionFailed { changed, .. }) => changed.as_slice(),
            _ => &[],
        };
        let wire = Wire { problem: &self.problem(), changed };
        let body = serde_json::to_vec(&wire).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if status == StatusCode::UNAUTHORIZED {
            // RFC 9110 asks a 401 to name a scheme; Bearer never makes a browser show a dialog.
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if status == StatusCode::SERVICE_UNAVAILABLE {
            headers.insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECS));
        }
        if let Error::Domain(DomainError::RateLimited { retry_after_secs }) = &self {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::{Action, Actor, Status, TransitionError};

    #[test]
    fn transition_refusals_carry_the_reason() {
        let refusal = TransitionError::WrongActor {
            action: Action::Complete,
            actor: Actor::Customer,
        };
        let p = Error::from(refusal).problem();
        assert_eq!((p.status, p.code.as_str()), (409, "transition_refused"));
        assert_eq!(p.reason.as_deref(), Some("wrong_actor"));
        let p = Error::from(TransitionError::Final(Status::Closed)).problem();
        assert_eq!(p.reason.as_deref(), Some("ticket_final"));
    }

    #[test]
    fn internal_errors_say_nothing() {
        let p = Error::from(DomainError::Internal("secret path /var/x".into())).problem();
        assert_eq!(
            (p.status, p.code.as_str(), p.detail),
            (500, "internal", None)
        );
    }

    /// A database that is only busy (no connection free in time) is a 503 to retry, with
    /// `Retry-After`; anything else from the database stays a 500 that says nothing.
    #[test]
    fn a_busy_database_is_503_with_retry_after() {
        let busy = Error::from(crate::storage::Error::busy());
        assert_eq!(busy.status_code(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(busy.problem().code, "unavailable");
        let response = busy.into_response();
        assert_eq!(response.headers().get(header::RETRY_AFTER).and_then(|v| v.to_str().ok()), Some("5"));
        let broken = Error::from(crate::storage::Error::corrupt("a broken row"));
        assert_eq!(broken.status_code(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
