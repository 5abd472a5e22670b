//! The staff side of a ticket: property edits (`PATCH /tickets/{id}` with `If-Match`), the trash
//! and suspended flags, stars, and the `ETag: "v<version>"` every staff answer carries.

use crate::http::extract::{ApiJson, PathId};
use crate::http::{AppState, Error};
use crate::error::Error as DomainError;
use crate::auth::CurrentUser;
use crate::tickets::{self, Flag};
use axum::extract::FromRequestParts;
use axum::extract::State;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baton_core::{BulkItem, BulkRequest, BulkResult, Permission, Ticket, TicketPatch};

/// The version named by `If-Match: "v<n>"`, if the header is there. A value that is no version
/// of ours can never match, so it is a stale precondition (412), not a malformed request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IfMatch(pub Option<i64>);

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Error> {
        let Some(raw) = parts.headers.get(header::IF_MATCH) else {
            return Ok(IfMatch(None));
        };
        let version = raw.to_str().ok().and_then(parse_etag);
        // -1 matches no stored version (they start at 1): the answer is 412 with the current one.
        Ok(IfMatch(Some(version.unwrap_or(-1))))
    }
}

/// `"v7"` (or weak `W/"v7"`) → 7.
fn parse_etag(value: &str) -> Option<i64> {
    let value = value.trim();
    let value = value.strip_prefix("W/").unwrap_or(value);
    value.strip_prefix("\"v")?.strip_suffix('"')?.parse().ok()
}

/// The ticket as JSON, with its ETag when the staff part (and so the version) is there.
pub fn with_etag(status: StatusCode, ticket: Ticket) -> Response {
    let etag = ticket
        .staff
        .as_ref()
        .and_then(|s| HeaderValue::from_str(&format!("\"v{}\"", s.version)).ok());
    let mut response = (status, Json(ticket)).into_response();
    if let Some(etag) = etag {
        response.headers_mut().insert(header::ETAG, etag);
    }
    response
}

pub async fn patch(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    IfMatch(expected): IfMatch,
    ApiJson(patch): ApiJson<TicketPatch>,
) -> Result<Response, Error> {
    // A customer hears 404 (as for any staff-only ticket endpoint), not 428.
    tickets::staff_only(&user)?;
    let expected = expected.ok_or(Error::PreconditionRequired)?;
    let ticket = tickets::patch(&state, &user, id, expected, patch).await?;
    Ok(with_etag(StatusCode::OK, ticket))
}

async fn flag(state: AppState, user: CurrentUser, id: i64, expected: Option<i64>, flag: Flag) -> Result<Response, Error> {
    let ticket = tickets::set_flag(&state, &user, id, expected, flag).await?;
    Ok(with_etag(StatusCode::OK, ticket))
}

pub async fn trash(State(s): State<AppState>, u: CurrentUser, PathId(id): PathId, IfMatch(v): IfMatch) -> Result<Response, Error> {
    flag(s, u, id, v, Flag::Trash).await
}

pub async fn restore(State(s): State<AppState>, u: CurrentUser, PathId(id): PathId, IfMatch(v): IfMatch) -> Result<Response, Error> {
    flag(s, u, id, v, Flag::Restore).await
}

pub async fn suspend(State(s): State<AppState>, u: CurrentUser, PathId(id): PathId, IfMatch(v): IfMatch) -> Result<Response, Error> {
    flag(s, u, id, v, Flag::Suspend).await
}

pub async fn unsuspend(State(s): State<AppState>, u: CurrentUser, PathId(id): PathId, IfMatch(v): IfMatch) -> Result<Response, Error> {
    flag(s, u, id, v, Flag::Unsuspend).await
}

/// `POST /tickets/bulk`. Whoever lacks `tickets.bulk` (customers included) is refused before
/// their body is read.
pub async fn bulk(
    State(state): State<AppState>,
    user: CurrentUser,
    body: Result<ApiJson<BulkRequest>, Error>,
) -> Result<Json<BulkResult>, Error> {
    user.require(Permission::TicketsBulk)?;
    let ApiJson(req) = body?;
    let results = tickets::bulk(&state, &user, req).await?;
    let results = results.into_iter().map(|(id, outcome)| bulk_item(id, outcome)).collect();
    Ok(Json(BulkResult { results }))
}

pub async fn star(State(s): State<AppState>, u: CurrentUser, PathId(id): PathId) -> Result<StatusCode, Error> {
    tickets::star(&s, &u, id, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn unstar(State(s): State<AppState>, u: CurrentUser, PathId(id): PathId) -> Result<StatusCode, Error> {
    tickets::star(&s, &u, id, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// One ticket's outcome as the single request would have answered it.
fn bulk_item(id: i64, outcome: Result<Ticket, DomainError>) -> BulkItem {
    match outcome {
        Ok(_) => BulkItem { id, ok: true, status: 200, code: None, reason: None },
        Err(e) => {
            let problem = Error::from(e).problem();
            BulkItem { id, ok: false, status: problem.status, code: Some(problem.code), reason: problem.reason }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn etags_parse() {
        let cases = [("\"v7\"", Some(7)), ("W/\"v3\"", Some(3)), (" \"v12\" ", Some(12)), ("v7", None), ("\"7\"", None), ("*", None)];
        for (raw, expected) in cases {
            assert_eq!(super::parse_etag(raw), expected, "{raw}");
        }
    }
}
