//! The domain's one error type: what a rule, a permission or the data refused, independent of any
//! protocol. `http::error` maps each variant to a status and an `application/problem+json` body;
//! nothing here knows about HTTP.

use crate::storage;
use baton_core::{FieldError, Permission, TransitionError};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No (valid) session where one is needed.
    #[error("authentication required")]
    Unauthenticated,
    #[error("wrong email or password")]
    InvalidCredentials,
    /// The email has an account in several desks and the login named none.
    #[error("several desks have this account: name one")]
    TenantRequired,
    /// Too many attempts (`crate::limits`); try again after this many seconds.
    #[error("rate limited for {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    /// The desk takes no sign-ups (only staff or single sign-on make customers).
    #[error("sign-up closed")]
    SignupClosed,
    /// A password link unknown, used already or expired.
    #[error("password link invalid, used or expired")]
    TokenInvalid,
    /// Signed in, but this user may not do this.
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// Signed in, but without this permission (answered like `Forbidden`, naming it).
    #[error("forbidden: requires the permission {0}")]
    MissingPermission(Permission),
    /// Absent, or not visible to this user: the two are never told apart.
    #[error("not found")]
    NotFound,
    /// An upload over the configured attachment limit (in MiB).
    #[error("upload too large")]
    UploadTooLarge { max_mb: u64 },
    /// The request's content broke a rule; one entry per field.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// The status machine refused the event.
    #[error("transition refused: {0}")]
    Transition(#[from] TransitionError),
    /// A refusal outside the state machine (a trashed or suspended ticket); `reason` as in
    /// `Transition`.
    #[error("refused: {detail}")]
    Refused {
        reason: &'static str,
        detail: &'static str,
    },
    /// The edit was made on another version than the stored one; `changed` names the
    /// properties changed since the version sent (`status`, `priority`, `fields.<key>`, …).
    #[error("precondition failed (now v{current_version})")]
    PreconditionFailed { current_version: i64, changed: Vec<String> },
    /// The change would break a rule about what exists now; `code` is a stable problem code of
    /// baton-core (`role_in_use`, `last_admin`).
    #[error("conflict: {detail}")]
    Conflict {
        code: &'static str,
        detail: &'static str,
    },
    /// A unique thing (a customer's email) already exists.
    #[error("already exists: {0}")]
    AlreadyExists(&'static str),
    /// An SSO token refused; `code` is one of baton_core's `sso_*` codes.
    #[error("SSO token refused: {detail}")]
    SsoRefused {
        code: &'static str,
        detail: &'static str,
    },
    #[error("storage: {0}")]
    Storage(#[from] storage::Error),
    /// A failure of the server itself (a cipher, a file); its text is for the log only.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// A single invalid field.
    pub fn field(field: &str, field_code: &str) -> Self {
        Error::Validation(vec![FieldError::new(field, field_code)])
    }
}
