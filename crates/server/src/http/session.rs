//! Signing in and out, and who is signed in: `POST /session`, `DELETE /session`, `GET /me`.
//!
//! The session token goes out once, in an HttpOnly cookie (and the bearer form accepts the same
//! token); the database keeps only its SHA-256. Sessions last a fixed 14 days from login.

use super::extract::{session_token, ApiJson};
use super::{AppState, Error, Routes};
use crate::auth::{self, CurrentUser, SESSION_COOKIE, SESSION_TTL};
use crate::storage::{self, sessions, users};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baton_core::problem::field_code;
use baton_core::validate::is_email;
use baton_core::{FieldError, LoginRequest, Me};

pub fn router() -> Routes {
    Routes::new()
        .post("/session", login)
        .delete("/session", logout)
        .get("/me", me)
}

async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Response, Error> {
    validate(&req)?;
    let found = users::find_for_login(&state.db, &req.email).await?;
    let hash = found.as_ref().map(|c| c.password_hash.clone());
    // argon2 takes tens of milliseconds of CPU: off the async workers. An unknown email is checked
    // against a dummy hash so it costs the same time as a wrong password.
    let password = req.password;
    let ok = tokio::task::spawn_blocking(move || auth::verify_password(&password, hash.as_deref()))
        .await
        .map_err(|e| Error::Internal(format!("password check task failed: {e}")))?;
    let user = match found {
        Some(user) if ok => user,
        _ => return Err(Error::InvalidCredentials),
    };

    let now = storage::now();
    let token = auth::new_token();
    let created = storage::timestamp(now);
    sessions::purge_expired(&state.db, &created).await?;
    let expires = storage::timestamp(now + SESSION_TTL);
    sessions::create(
        &state.db,
        &auth::token_hash(&token),
        user.id,
        user.tenant_id,
        &created,
        &expires,
    )
    .await?;
    let me = users::me(&state.db, user.tenant_id, user.id)
        .await?
        .ok_or(Error::InvalidCredentials)?;
    tracing::info!(user_id = user.id, tenant_id = user.tenant_id, "signed in");
    let cookie = session_cookie(&token, SESSION_TTL.whole_seconds(), is_https(&headers))?;
    Ok(([(header::SET_COOKIE, cookie)], Json(me)).into_response())
}

/// The contract's 422s for a login form: what is missing or not an email.
fn validate(req: &LoginRequest) -> Result<(), Error> {
    let mut errors = Vec::new();
    if req.email.trim().is_empty() {
        errors.push(FieldError::new("email", field_code::REQUIRED));
    } else if !is_email(req.email.trim()) {
        errors.push(FieldError::new("email", field_code::INVALID_EMAIL));
    }
    if req.password.is_empty() {
        errors.push(FieldError::new("password", field_code::REQUIRED));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Validation(errors))
    }
}

async fn logout(
    State(state): State<AppState>,
    _user: CurrentUser,
    headers: HeaderMap,
) -> Result<Response, Error> {
    if let Some(token) = session_token(&headers) {
        sessions::delete(&state.db, &auth::token_hash(&token)).await?;
    }
    let cookie = session_cookie("", 0, is_https(&headers))?;
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

async fn me(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Me>, Error> {
    // The session outlived its user only if the user was deleted between the two reads.
    let me = users::me(&state.db, user.tenant_id, user.id)
        .await?
        .ok_or(Error::Unauthenticated)?;
    Ok(Json(me))
}

/// `Secure` is set when the request reached us over HTTPS, directly or through a TLS-terminating
/// proxy that says so: browsers refuse Secure cookies over plain http://localhost development.
pub(super) fn is_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"))
}

pub(super) fn session_cookie(token: &str, max_age: i64, secure: bool) -> Result<HeaderValue, Error> {
    let secure = if secure { "; Secure" } else { "" };
    let cookie = format!(
        "{SESSION_COOKIE}={token}; HttpOnly; SameSite=Lax; Path=/; Max-Age={max_age}{secure}"
    );
    HeaderValue::from_str(&cookie).map_err(|e| Error::Internal(format!("session cookie: {e}")))
}
