//! The stable codes the server sends (problem codes, field codes, transition reasons) and the
//! statuses, mapped to translation keys. Unknown codes get a generic message, never the raw code.

use super::Key;
use crate::api::ApiError;
use baton_core::problem::{code, field_code};
use baton_core::Status;

/// The customer-facing label of a status (DOMAIN.md).
pub fn status_key(status: Status) -> Key {
    match status {
        Status::New => Key::StatusNew,
        Status::Open => Key::StatusOpen,
        Status::Pending => Key::StatusPending,
        Status::Solved => Key::StatusSolved,
        Status::Confirmed => Key::StatusConfirmed,
        Status::Rated => Key::StatusRated,
        Status::Closed => Key::StatusClosed,
    }
}

/// A problem+json `code`.
pub fn problem_key(problem_code: &str) -> Key {
    match problem_code {
        code::UNAUTHENTICATED => Key::ErrUnauthenticated,
        code::INVALID_CREDENTIALS => Key::ErrInvalidCredentials,
        code::FORBIDDEN => Key::ErrForbidden,
        code::NOT_FOUND => Key::ErrNotFound,
        code::MALFORMED_JSON => Key::ErrMalformedJson,
        code::UNSUPPORTED_MEDIA_TYPE => Key::ErrUnsupportedMediaType,
        code::PAYLOAD_TOO_LARGE => Key::ErrPayloadTooLarge,
        code::VALIDATION_FAILED => Key::ErrValidationFailed,
        code::TRANSITION_REFUSED => Key::ErrTransitionRefused,
        code::INTERNAL => Key::ErrInternal,
        code::SSO_INVALID_TOKEN => Key::ErrSsoInvalidToken,
        code::SSO_BAD_SIGNATURE => Key::ErrSsoBadSignature,
        code::SSO_EXPIRED => Key::ErrSsoExpired,
        code::SSO_REPLAYED => Key::ErrSsoReplayed,
        // The SPA always sends what `cross_site` asks for; a busy server is a failure to retry:
        // existing messages say both (the help center's bundle has no byte to spare).
        code::CROSS_SITE => Key::ErrForbidden,
        code::UNAVAILABLE => Key::ErrInternal,
        code::TENANT_REQUIRED => Key::ErrTenantRequired,
        code::RATE_LIMITED => Key::ErrRateLimitedLater,
        #[cfg(feature = "console")]
        code::SIGNUP_CLOSED => Key::Admin(super::AdminKey::SignupClosed),
        _ => Key::ErrUnknown,
    }
}

/// A field error the SPA reports itself, never the server: files still uploading when the user
/// sends.
pub const UPLOADS_PENDING: &str = "uploads_pending";

/// A field error `code`.
pub fn field_key(field_error_code: &str) -> Key {
    match field_error_code {
        field_code::REQUIRED => Key::FieldRequired,
        field_code::TOO_LONG => Key::FieldTooLong,
        field_code::INVALID_PHONE => Key::FieldInvalidPhone,
        field_code::INVALID_EMAIL => Key::FieldInvalidEmail,
        field_code::INVALID_URL => Key::FieldInvalidUrl,
        field_code::INVALID_NUMBER => Key::FieldInvalidNumber,
        field_code::INVALID_DATE => Key::FieldInvalidDate,
        field_code::FILE_TYPE => Key::FieldFileType,
        field_code::FILE_TOO_LARGE => Key::FieldFileTooLarge,
        field_code::PASSWORD_TOO_WEAK => Key::FieldPasswordTooWeak,
        UPLOADS_PENDING => Key::UploadsPending,
        // Only the sign-up page (console bundle) meets it.
        #[cfg(feature = "console")]
        field_code::EMAIL_DOMAIN_NOT_ALLOWED => Key::Admin(super::AdminKey::FieldDomainNotAllowed),
        _ => Key::FieldInvalidValue,
    }
}

/// A `transition_refused` reason (`baton_core::status::TransitionError::code`).
pub fn reason_key(reason: &str) -> Key {
    match reason {
        "ticket_final" => Key::ReasonTicketFinal,
        "wrong_actor" => Key::ReasonWrongActor,
        "not_from_state" => Key::ReasonNotFromState,
        _ => Key::ErrTransitionRefused,
    }
}

/// The one message that best explains a failed request: a refused transition gives its reason.
pub fn error_key(error: &ApiError) -> Key {
    match error {
        ApiError::Network(_) => Key::ErrNetwork,
        ApiError::Decode(_) => Key::ErrDecode,
        ApiError::Problem(p) => match (p.code.as_str(), p.reason.as_deref()) {
            (code::TRANSITION_REFUSED, Some(reason)) => reason_key(reason),
            (c, _) => problem_key(c),
        },
    }
}

/// [`error_key`] with the `{0}` of its text: a `rate_limited` answer with `Retry-After` says in how
/// many (whole, rounded up) minutes to try again; every other text has no `{0}`.
pub fn error_message(error: &ApiError) -> (Key, String) {
    let wait = error.problem().filter(|p| p.code == code::RATE_LIMITED).and_then(|p| p.retry_after);
    match wait {
        Some(seconds) if seconds > 60 => (Key::ErrRateLimited, seconds.div_ceil(60).to_string()),
        Some(_) => (Key::ErrRateLimitedMinute, String::new()),
        None => (error_key(error), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::status::{apply, Action, Actor, Status};

    #[test]
    fn every_state_machine_reason_is_translated() {
        let refusals = [
            apply(Status::Closed, Action::Confirm, Actor::Customer),
            apply(Status::Open, Action::Complete, Actor::Customer),
            apply(Status::Open, Action::Confirm, Actor::Customer),
        ];
        for refusal in refusals {
            let reason = refusal.err().map(|e| e.code()).unwrap_or_default();
            assert_ne!(reason_key(reason), Key::ErrTransitionRefused, "{reason}");
        }
    }

    #[test]
    fn rate_limited_says_when_to_try_again() {
        let limited = |retry_after| {
            let mut problem = baton_core::Problem::new(429, code::RATE_LIMITED, "Too many attempts");
            problem.retry_after = retry_after;
            ApiError::Problem(problem)
        };
        let cases = [
            (limited(Some(900)), Key::ErrRateLimited, "15"),
            (limited(Some(61)), Key::ErrRateLimited, "2"),
            (limited(Some(60)), Key::ErrRateLimitedMinute, ""),
            (limited(Some(5)), Key::ErrRateLimitedMinute, ""),
            (limited(None), Key::ErrRateLimitedLater, ""),
            (ApiError::Network("offline".into()), Key::ErrNetwork, ""),
        ];
        for (error, key, minutes) in cases {
            assert_eq!(error_message(&error), (key, minutes.to_owned()), "{error:?}");
        }
    }
}
