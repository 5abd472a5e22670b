//! [`ApiError`]: why a request failed, and what the app asks of it.

use baton_core::Problem;

/// Why a request failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, CORS, server down).
    #[error("network error: {0}")]
    Network(String),
    /// The server answered with an error (problem+json, or a synthetic `internal` one).
    #[error("{} ({})", .0.title, .0.code)]
    Problem(Problem),
    /// The server answered 2xx with a body that is not what the contract says.
    #[error("unexpected response: {0}")]
    Decode(String),
}

impl ApiError {
    /// The problem document, if the server sent one.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ApiError::Problem(p) => Some(p),
            _ => None,
        }
    }

    /// True if the server refused this because of the problem `code` given.
    pub fn is(&self, problem_code: &str) -> bool {
        self.problem().is_some_and(|p| p.code == problem_code)
    }

    /// The field errors of a `validation_failed` answer (empty for any other error).
    pub fn field_errors(&self) -> Vec<baton_core::FieldError> {
        self.problem().map(|p| p.errors.clone()).unwrap_or_default()
    }

    /// Whether trying the same request again may work: no answer at all, or a server-side
    /// failure (5xx). A refusal (4xx) will be refused again.
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network(_) => true,
            ApiError::Problem(p) => p.status >= 500,
            ApiError::Decode(_) => false,
        }
    }
}
