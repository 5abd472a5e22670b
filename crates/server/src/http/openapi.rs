//! `GET /openapi.json`: the contract, spec/openapi.yaml, served as JSON; `GET /docs`: the same as
//! a human-readable page (`api_docs`).
//!
//! The YAML is compiled into the binary and converted once at start, so the served document is
//! exactly the committed one (a test compares them) and a broken spec stops the server at start.

use super::{AppState, Routes};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

/// spec/openapi.yaml as committed.
pub const DOCUMENT_YAML: &str = include_str!("../../../../spec/openapi.yaml");

pub fn router() -> Routes {
    Routes::new().get("/openapi.json", document).get("/docs", docs)
}

/// The document converted to JSON.
pub fn document_json() -> Result<Bytes, String> {
    let value: serde_json::Value =
        serde_norway::from_str(DOCUMENT_YAML).map_err(|e| e.to_string())?;
    serde_json::to_vec(&value)
        .map(Bytes::from)
        .map_err(|e| e.to_string())
}

/// The human-readable page of the document (JSON as [`document_json`] made it).
pub fn docs_html(json: &[u8]) -> Result<Bytes, String> {
    let value: serde_json::Value = serde_json::from_slice(json).map_err(|e| e.to_string())?;
    Ok(Bytes::from(super::api_docs::render(&value)))
}

async fn docs(State(state): State<AppState>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], state.api_docs)
}

async fn document(State(state): State<AppState>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], state.openapi)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_committed_spec_parses() {
        let doc = super::document_json().and_then(|json| {
            serde_json::from_slice::<serde_json::Value>(&json).map_err(|e| e.to_string())
        });
        let version = doc
            .as_ref()
            .ok()
            .and_then(|d| d["openapi"].as_str().map(str::to_owned));
        assert!(version.is_some_and(|v| v.starts_with("3.1")), "{doc:?}");
    }
}
