//! Errors on the wire: RFC 9457 `application/problem+json` with a stable `code` that clients map
//! to translated messages. The codes are part of the contract (spec/openapi.yaml lists them).

use serde::{Deserialize, Serialize};

/// The stable problem codes. Clients switch on these, never on `title` or `detail`.
pub mod code {
    /// 401: no session, or it expired.
    pub const UNAUTHENTICATED: &str = "unauthenticated";
    /// 401: wrong email or password (which one is not said).
    pub const INVALID_CREDENTIALS: &str = "invalid_credentials";
    /// 403: signed in, but this role may not do this.
    pub const FORBIDDEN: &str = "forbidden";
    /// 404: no such resource, or not one this user may see (the two are not told apart).
    pub const NOT_FOUND: &str = "not_found";
    /// 400: the body is not valid JSON or not of the expected shape.
    pub const MALFORMED_JSON: &str = "malformed_json";
    /// 415: the body is not `application/json`.
    pub const UNSUPPORTED_MEDIA_TYPE: &str = "unsupported_media_type";
    /// 413: the body is larger than the server accepts.
    pub const PAYLOAD_TOO_LARGE: &str = "payload_too_large";
    /// 422: one or more fields are invalid; `errors` names them.
    pub const VALIDATION_FAILED: &str = "validation_failed";
    /// 409: the status lifecycle refuses this event now; `reason` says why.
    pub const TRANSITION_REFUSED: &str = "transition_refused";
    /// 500: something failed on the server; details are in its log, never in the response.
    pub const INTERNAL: &str = "internal";
    /// 401: the SSO token is not a usable JWT for this tenant: malformed, not HS256, a claim
    /// missing or invalid, a lifetime over 10 minutes, or SSO not set up for the tenant.
    pub const SSO_INVALID_TOKEN: &str = "sso_invalid_token";
    /// 401: the SSO token's signature does not match the tenant's secret.
    pub const SSO_BAD_SIGNATURE: &str = "sso_bad_signature";
    /// 401: the SSO token has expired (`exp` is past).
    pub const SSO_EXPIRED: &str = "sso_expired";
    /// 401: the SSO token's `jti` was already used; every token signs in once.
    pub const SSO_REPLAYED: &str = "sso_replayed";
    /// 412: `If-Match` names an older version of the ticket; `current_version` says which is now.
    pub const PRECONDITION_FAILED: &str = "precondition_failed";
    /// 428: a property edit came without `If-Match`; staff edits must say which version they saw.
    pub const PRECONDITION_REQUIRED: &str = "precondition_required";
    /// 409: the resource exists already (e.g. a customer with this email).
    pub const ALREADY_EXISTS: &str = "already_exists";
    /// 409: the custom role is still held by someone; give them another role first.
    pub const ROLE_IN_USE: &str = "role_in_use";
    /// An SLA calendar a policy counts in cannot be deleted.
    pub const CALENDAR_IN_USE: &str = "calendar_in_use";
    /// 409: a routing rule or a sub-type still sends tickets to the agent group.
    pub const GROUP_IN_USE: &str = "group_in_use";
    /// 409: the change would leave the desk without an admin or owner.
    pub const LAST_ADMIN: &str = "last_admin";
    /// 409 (workflows): the ticket is in no workflow.
    pub const WORKFLOW_NONE: &str = "workflow_none";
    /// 409 (workflows): steps move only while the ticket is `open`.
    pub const WORKFLOW_NOT_OPEN: &str = "workflow_not_open";
    /// 409 (workflows): the ticket is at the step it started at; there is none to return to.
    pub const WORKFLOW_NO_PREVIOUS_STEP: &str = "workflow_no_previous_step";
    /// 403: a change authenticated by the session cookie without the client header
    /// (`Baton-Client`), or sent from another site's page (`Origin`): what a forged request
    /// looks like.
    pub const CROSS_SITE: &str = "cross_site";
    /// 503: the server cannot serve now (its database does not answer, or lacks this build's
    /// migrations); `Retry-After` says when to ask again.
    pub const UNAVAILABLE: &str = "unavailable";
    /// 422: the email has an account in several desks; sign in again naming one (`tenant`, its
    /// slug). Only told to someone whose password matched one of them.
    pub const TENANT_REQUIRED: &str = "tenant_required";
    /// 429: too many attempts from this address or at this account (sign-in, password links,
    /// SSO); `Retry-After` says in how many seconds to try again.
    pub const RATE_LIMITED: &str = "rate_limited";
    /// 410: the password link is unknown, used already or expired; ask for a new one.
    pub const TOKEN_INVALID: &str = "token_invalid";
    /// 409: the change does not fit what the resource is now (e.g. resending the invitation of
    /// someone who has already joined).
    pub const CONFLICT: &str = "conflict";
    /// 403: the desk does not take sign-ups (only staff, or only single sign-on, create
    /// customers).
    pub const SIGNUP_CLOSED: &str = "signup_closed";
}

/// One invalid field: `field` is the JSON name, `code` a stable reason (see [`field_code`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

impl FieldError {
    pub fn new(field: &str, code: &str) -> Self {
        FieldError { field: field.to_owned(), code: code.to_owned() }
    }
}

/// Stable reasons for [`FieldError::code`].
pub mod field_code {
    pub const REQUIRED: &str = "required";
    pub const TOO_LONG: &str = "too_long";
    pub const INVALID_PHONE: &str = "invalid_phone";
    pub const INVALID_EMAIL: &str = "invalid_email";
    pub const INVALID_VALUE: &str = "invalid_value";
    /// Not an http(s) URL.
    pub const INVALID_URL: &str = "invalid_url";
    /// Not a finite number.
    pub const INVALID_NUMBER: &str = "invalid_number";
    /// Not a real date (`YYYY-MM-DD`) or date-time (`YYYY-MM-DDTHH:MM`).
    pub const INVALID_DATE: &str = "invalid_date";
    /// An upload whose type is not on the allow-list.
    pub const FILE_TYPE: &str = "file_type";
    /// An upload larger than the server's limit.
    pub const FILE_TOO_LARGE: &str = "file_too_large";
    /// A view condition names no known ticket field.
    pub const UNKNOWN_FIELD: &str = "unknown_field";
    /// A view condition uses an operator its field does not take.
    pub const INVALID_OPERATOR: &str = "invalid_operator";
    /// A new password shorter than [`crate::validate::PASSWORD_MIN`] characters or on the list of
    /// common passwords.
    pub const PASSWORD_TOO_WEAK: &str = "password_too_weak";
    /// A tenant slug that is not 2 to 40 of `a-z`, `0-9` and inner `-`.
    pub const INVALID_SLUG: &str = "invalid_slug";
    /// Sign-up with an email outside the domains the desk takes sign-ups from.
    pub const EMAIL_DOMAIN_NOT_ALLOWED: &str = "email_domain_not_allowed";
    // customers administration (issue 12): the CSV import.
    /// The file has more data rows than the import takes at once.
    pub const TOO_MANY_ROWS: &str = "too_many_rows";
    /// The file is neither UTF-8 nor GBK/GB18030 (or not the `encoding` named).
    pub const INVALID_ENCODING: &str = "invalid_encoding";
    /// The header row lacks a column the import needs (`email`).
    pub const MISSING_COLUMN: &str = "missing_column";
    /// The same email on an earlier row of the file.
    pub const DUPLICATE: &str = "duplicate";
    /// An imported row's email is a staff member's of the desk.
    pub const ALREADY_EXISTS: &str = "already_exists";
}

/// An RFC 9457 problem document with Baton's extensions `code`, `errors` and `reason`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type", default = "about_blank")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub code: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// For `transition_refused`: the state machine's reason (`ticket_final`, `wrong_actor`,
    /// `not_from_state`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// For `precondition_failed`: the ticket's version now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i64>,
    /// The answer's `Retry-After` in seconds (`rate_limited`, `unavailable`): a header, not part
    /// of the body, which a client copies in to say when to try again.
    #[serde(skip)]
    pub retry_after: Option<u32>,
}

fn about_blank() -> String {
    "about:blank".to_owned()
}

impl Problem {
    pub fn new(status: u16, code: &str, title: &str) -> Self {
        Problem {
            kind: about_blank(),
            title: title.to_owned(),
            status,
            detail: None,
            code: code.to_owned(),
            errors: Vec::new(),
            reason: None,
            current_version: None,
            retry_after: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    /// The error for `field`, if the problem names it.
    pub fn field(&self, field: &str) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == field)
    }
}
