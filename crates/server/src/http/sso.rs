//! Signing in with a host-signed JWT: `POST /session/jwt` for the widget and API clients (a
//! bearer token in the body, never a cookie), and the full-page link `GET /sso/jwt?tenant=…&token=…`
//! that sets the usual session cookie and redirects into the help center.

use super::extract::{ApiJson, ClientIp};
use super::session::{is_https, session_cookie};
use super::{AppState, Error, Routes};
use crate::error::Error as DomainError;
use crate::auth::SESSION_TTL;
use crate::limits::{self, Attempt};
use crate::sso::{self, BEARER_TTL};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use baton_core::problem::{code, field_code};
use baton_core::sso::{BearerSession, JwtExchange};
use baton_core::FieldError;
use serde::Deserialize;

/// The longest token accepted; real ones are a few hundred bytes.
const MAX_TOKEN: usize = 8 * 1024;

/// Where the login link lands when it names no `return_to`.
const LANDING: &str = "/tickets";

pub fn router() -> Routes {
    Routes::new().post("/session/jwt", exchange)
}

async fn exchange(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(req): ApiJson<JwtExchange>,
) -> Result<Json<BearerSession>, Error> {
    limits::per_ip(&state, Attempt::Sso, ip).await?;
    let mut errors = Vec::new();
    for (field, value) in [("tenant", &req.tenant), ("token", &req.token)] {
        if value.trim().is_empty() {
            errors.push(FieldError::new(field, field_code::REQUIRED));
        } else if value.len() > MAX_TOKEN {
            errors.push(FieldError::new(field, field_code::TOO_LONG));
        }
    }
    if !errors.is_empty() {
        return Err(Error::Domain(DomainError::Validation(errors)));
    }
    let signed_in = sso::exchange(
        &state.db,
        &state.cipher,
        req.tenant.trim(),
        req.token.trim(),
        BEARER_TTL,
    )
    .await?;
    Ok(Json(BearerSession {
        token: signed_in.token,
        expires_at: signed_in.expires_at,
        me: signed_in.me,
    }))
}

#[derive(Debug, Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    tenant: String,
    #[serde(default)]
    token: String,
    return_to: Option<String>,
}

/// `GET /sso/jwt`: the host links its signed-in users here. Success sets the session cookie
/// (a first-party, top-level response, so no third-party cookie rule applies) and goes on to
/// `return_to` (a path of this site) or the tickets; a refusal goes to the login page with the
/// problem code in `sso_error`, which the SPA translates.
pub async fn link(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    query: Result<Query<LinkQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    match limits::per_ip(&state, Attempt::Sso, ip).await {
        Ok(()) => {}
        Err(DomainError::RateLimited { .. }) => return refused(code::RATE_LIMITED),
        Err(e) => return Error::from(e).into_response(),
    }
    let Ok(Query(q)) = query else {
        return refused(code::SSO_INVALID_TOKEN);
    };
    if q.tenant.trim().is_empty() || q.token.trim().is_empty() || q.token.len() > MAX_TOKEN {
        return refused(code::SSO_INVALID_TOKEN);
    }
    let signed_in = match sso::exchange(
        &state.db,
        &state.cipher,
        q.tenant.trim(),
        q.token.trim(),
        SESSION_TTL,
    )
    .await
    {
        Ok(s) => s,
        Err(DomainError::SsoRefused { code, .. }) => return refused(code),
        Err(DomainError::Forbidden(_)) => return refused(code::FORBIDDEN),
        Err(e) => return Error::from(e).into_response(),
    };
    let cookie = match session_cookie(
        &signed_in.token,
        SESSION_TTL.whole_seconds(),
        is_https(&headers),
    ) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let to = q
        .return_to
        .filter(|p| is_local_path(p))
        .unwrap_or_else(|| LANDING.to_owned());
    ([(header::SET_COOKIE, cookie)], Redirect::to(&to)).into_response()
}

fn refused(problem_code: &str) -> Response {
    Redirect::to(&format!("/login?sso_error={problem_code}")).into_response()
}

/// A path of this site: `/…` but not `//host` or `/\host`, which browsers treat as other sites.
fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && !path.chars().any(|c| c.is_control())
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn return_to_stays_on_this_site() {
        assert!(is_local_path("/tickets/3"));
        assert!(is_local_path("/tickets?status=open"));
        for other in [
            "//evil.test",
            "/\\evil.test",
            "https://evil.test",
            "tickets",
            "/\nx",
        ] {
            assert!(!is_local_path(other), "{other:?}");
        }
    }
}
