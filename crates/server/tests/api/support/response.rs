//! A response with its body read, and the helpers that read problem documents from it.

use axum::http::{header, HeaderMap, StatusCode};
use baton_core::Problem;
use serde_json::Value;

#[derive(Debug)]
pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Response {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn header(&self, name: header::HeaderName) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The value of cookie `name` set by this response.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookie(name)?
            .split(';')
            .next()?
            .split_once('=')
            .map(|(_, v)| v.to_owned())
    }

    /// The whole `Set-Cookie` header for cookie `name`.
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with(&format!("{name}=")))
            .map(str::to_owned)
    }

    /// The problem document, after checking the status and the media type.
    pub fn problem(&self, status: StatusCode, code: &str) -> Problem {
        assert_eq!(self.status, status, "{}", self.text());
        assert_eq!(
            self.header(header::CONTENT_TYPE),
            Some("application/problem+json"),
            "{}",
            self.text()
        );
        let problem: Problem = serde_json::from_slice(&self.body).expect("problem document");
        assert_eq!(
            (problem.status, problem.code.as_str()),
            (status.as_u16(), code),
            "{problem:?}"
        );
        problem
    }

    /// The validation errors of a 422 as (field, code) pairs.
    pub fn field_errors(&self) -> Vec<(String, String)> {
        let p = self.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        p.errors.into_iter().map(|e| (e.field, e.code)).collect()
    }
}

/// `(field, code)` pairs from literals, to compare with [`Response::field_errors`].
pub fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(f, c)| (f.to_string(), c.to_string()))
        .collect()
}
