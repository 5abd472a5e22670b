//! Request extractors whose rejections are the contract's problem documents: the JSON body
//! ([`ApiJson`]), the query string ([`ApiQuery`]), the signed-in user (`CurrentUser`, from the
//! session cookie or a bearer token) and the optional `Idempotency-Key` header.

use super::error::{DomainError, Error};
use super::AppState;
use crate::auth::{session_cookie_name, CurrentUser};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use baton_core::problem::field_code;
use baton_core::FieldError;
use serde::de::DeserializeOwned;
use serde_json::error::Category;

/// A JSON body. Unlike axum's `Json`, every rejection is problem+json with the contract's codes:
/// 415 for another media type, 413 over the body limit, 400 for broken JSON or a body of the wrong
/// shape, 422 naming the field that is missing, unknown or of the wrong type.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Error;

    async fn from_request(req: Request, state: &S) -> Result<Self, Error> {
        if !is_json(req.headers()) {
            return Err(Error::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                Error::PayloadTooLarge
            } else {
                Error::MalformedJson("the body could not be read".to_owned())
            }
        })?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// `application/json`, with or without parameters, or any `+json` type.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Deserializes `bytes` as `T`, classifying failures as the contract asks. The body must be a JSON
/// object: serde would otherwise accept an array for a struct (`["title", "description"]`).
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| Error::MalformedJson(e.to_string()))?;
    if !value.is_object() {
        return Err(Error::MalformedJson(
            "the body must be a JSON object".to_owned(),
        ));
    }
    // Text holds no NUL: PostgreSQL's text refuses it (a 500 there), and no field means one. The
    // field is named, as for any value it does not take.
    if let Some(field) = nul_at(&value, "") {
        return Err(Error::Domain(DomainError::Validation(vec![FieldError::new(&field, field_code::INVALID_VALUE)])));
    }
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        classify(&path, err.into_inner())
    })
}

/// The dotted path of the first string (or key) in `value` that holds a NUL character.
fn nul_at(value: &serde_json::Value, path: &str) -> Option<String> {
    let at = |name: &str| if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
    match value {
        serde_json::Value::String(s) if s.contains('\0') => Some(path.to_owned()),
        serde_json::Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| nul_at(v, &at(&i.to_string()))),
        serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| if k.contains('\0') { Some(at(k)) } else { nul_at(v, &at(k)) }),
        _ => None,
    }
}

fn classify(path: &str, err: serde_json::Error) -> Error {
    if err.classify() != Category::Data {
        return Error::MalformedJson(err.to_string());
    }
    let message = err.to_string();
    let named = backticked(&message);
    let (code, field) = if message.starts_with("missing field") {
        (field_code::REQUIRED, join(path, named))
    } else if message.starts_with("unknown field") {
        (field_code::INVALID_VALUE, join(path, named))
    } else if path == "." || path.is_empty() {
        // The whole body has the wrong shape: not one field's fault.
        return Error::MalformedJson(message);
    } else {
        (field_code::INVALID_VALUE, path.to_owned())
    };
    Error::Domain(DomainError::Validation(vec![FieldError::new(&field, code)]))
}

/// The first `name` quoted in backticks in serde's message ("missing field `title`").
fn backticked(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message.get(start..)?.find('`')?;
    message.get(start..start + len)
}

/// The dotted path of field `name` inside the value at `path` (serde_path_to_error reports
/// missing and unknown fields at their parent).
fn join(path: &str, name: Option<&str>) -> String {
    let name = name.unwrap_or_default();
    match path {
        "." | "" => name.to_owned(),
        p if p == name || p.ends_with(&format!(".{name}")) => p.to_owned(),
        p => format!("{p}.{name}"),
    }
}

/// A query string; a value that does not parse is a 422 like a bad body field.
#[derive(Debug, Clone, Default)]
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(value)| ApiQuery(value))
            .map_err(|_| Error::field("query", field_code::INVALID_VALUE))
    }
}

/// The numeric `{id}` of a path. Anything else names no resource, so it is a 404, not a 400.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathId(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| Error::Domain(DomainError::NotFound))?;
        raw.parse::<i64>().map(PathId).map_err(|_| Error::Domain(DomainError::NotFound))
    }
}

/// A textual `{id}` or `{tenant}` of a path (a view key, a tenant slug). A segment that does not
/// decode as UTF-8 names no resource either: 404, not axum's plain-text 400.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathKey(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathKey {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| Error::Domain(DomainError::NotFound))?;
        Ok(PathKey(raw))
    }
}

/// The client's address, for rate limits: the last entry of the configured proxy header (the one
/// the proxy in front of us added; earlier ones are the client's to forge), else the peer the
/// connection came from. `None` when neither is known (a request handed to the router in-process).
pub struct ClientIp(pub Option<std::net::IpAddr>);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(name) = &state.client_ip_header {
            let last = parts
                .headers
                .get_all(name)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .last()
                .and_then(|ip| ip.trim().parse().ok());
            return Ok(ClientIp(last));
        }
        let peer = parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>();
        Ok(ClientIp(peer.map(|info| info.0.ip())))
    }
}

/// The session token of a request: `Authorization: Bearer …` if present, else the session cookie
/// (named for how the request came: over HTTPS only the `__Host-` one counts).
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    session_credential(headers).map(|(token, _)| token)
}

/// [`session_token`], and whether it came from the cookie (an ambient credential the browser
/// sends by itself, so a change made with it must pass [`super::csrf::check`]).
fn session_credential(headers: &HeaderMap) -> Option<(String, bool)> {
    if let Some(value) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        let (scheme, token) = value.trim().split_once(' ')?;
        return scheme
            .eq_ignore_ascii_case("bearer")
            .then(|| (token.trim().to_owned(), false));
    }
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == session_cookie_name(super::session::is_https(headers)))
        .map(|(_, token)| (token.trim().to_owned(), true))
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let credential = session_credential(&parts.headers).filter(|(t, _)| !t.is_empty() && t.len() <= 256);
        let (token, by_cookie) = credential.ok_or(Error::Domain(DomainError::Unauthenticated))?;
        let user = crate::sessions::resolve(state, &token).await?;
        if by_cookie {
            super::csrf::check(&parts.method, &parts.headers, &state.cors_origins)?;
        }
        Ok(user)
    }
}

/// The optional `Idempotency-Key` header: at most 100 printable ASCII characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdempotencyKey(pub Option<String>);

/// The header's name, also the `field` of its validation error.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Error> {
        let Some(value) = parts.headers.get(IDEMPOTENCY_KEY) else {
            return Ok(IdempotencyKey(None));
        };
        let key = value.to_str().ok().filter(|k| {
            (1..=100).contains(&k.len()) && k.bytes().all(|b| (0x20..=0x7e).contains(&b))
        });
        match key {
            Some(key) => Ok(IdempotencyKey(Some(key.to_owned()))),
            None => Err(Error::field(IDEMPOTENCY_KEY, field_code::INVALID_VALUE)),
        }
    }
}

#[cfg(test)]
mod tests;
