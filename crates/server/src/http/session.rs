//! Signing in and out, and who is signed in: `POST /session`, `DELETE /session`, `GET /me`, and
//! `POST /password-tokens/{token}` (a link sets the password and signs in), and
//! `POST /password-resets` (a link mailed to set a forgotten one), `POST /signups` (a customer asks
//! for an account; a mailed link confirms it).
//!
//! The session token goes out once, in an HttpOnly cookie (and the bearer form accepts the same
//! token); the database keeps only its SHA-256. Sessions last a fixed 14 days from login; staff sessions
//! also end after `--staff-idle-minutes` unused (`sessions::resolve`).

use super::extract::{session_token, ApiJson, ClientIp, PathKey};
use super::{AppState, Error, Routes};
use crate::error::Error as DomainError;
use crate::auth::{session_cookie_name, CurrentUser, SESSION_TTL};
use crate::{accounts, sessions};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baton_core::problem::field_code;
use baton_core::validate::is_email;
use baton_core::{FieldError, LoginRequest, Me, PasswordResetRequest, SetPasswordRequest, SignUpRequest};

pub fn router() -> Routes {
    Routes::new()
        .post("/session", login)
        .delete("/session", logout)
        .delete("/sessions", logout_everywhere)
        .get("/me", me)
        .post("/password-tokens/{token}", set_password)
        .post("/password-resets", request_reset)
        .post("/signups", sign_up)
}

/// `POST /signups`: 202 `{}` when the desk takes this sign-up, whether or not the email already
/// has an account there (a mail says the rest).
async fn sign_up(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    ApiJson(req): ApiJson<SignUpRequest>,
) -> Result<(StatusCode, Json<serde_json::Value>), Error> {
    accounts::sign_up(&state, &req, mail_lang(&headers), ip).await?;
    Ok((StatusCode::ACCEPTED, Json(serde_json::json!({}))))
}

/// The language of mail a request causes: its `Accept-Language` (`mail::Lang`).
pub(super) fn mail_lang(headers: &HeaderMap) -> crate::mail::Lang {
    crate::mail::Lang::from_accept_language(headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()))
}

/// `POST /password-resets`: 202 `{}` for any well-formed email, whether or not it has an account.
async fn request_reset(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    ApiJson(req): ApiJson<PasswordResetRequest>,
) -> Result<(StatusCode, Json<serde_json::Value>), Error> {
    accounts::request_reset(&state, &req.email, req.tenant.as_deref(), mail_lang(&headers), ip).await?;
    Ok((StatusCode::ACCEPTED, Json(serde_json::json!({}))))
}

async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Response, Error> {
    validate(&req)?;
    let signed_in = sessions::login(&state, &req.email, req.password, req.tenant.as_deref(), ip).await?;
    let cookie = session_cookie(&signed_in.token, SESSION_TTL.whole_seconds(), is_https(&headers))?;
    Ok(([(header::SET_COOKIE, cookie)], Json(signed_in.me)).into_response())
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
        Err(Error::Domain(DomainError::Validation(errors)))
    }
}

/// Sets the password of the link's account and signs it in, with the same cookie and body as a
/// login.
async fn set_password(
    State(state): State<AppState>,
    PathKey(token): PathKey,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    ApiJson(req): ApiJson<SetPasswordRequest>,
) -> Result<Response, Error> {
    let signed_in = accounts::set_password(&state, &token, req.password, ip).await?;
    let cookie = session_cookie(&signed_in.token, SESSION_TTL.whole_seconds(), is_https(&headers))?;
    Ok(([(header::SET_COOKIE, cookie)], Json(signed_in.me)).into_response())
}

async fn logout(
    State(state): State<AppState>,
    _user: CurrentUser,
    headers: HeaderMap,
) -> Result<Response, Error> {
    if let Some(token) = session_token(&headers) {
        sessions::logout(&state, &token).await?;
    }
    let cookie = session_cookie("", 0, is_https(&headers))?;
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

/// `DELETE /sessions`: every session of the signed-in user ends, this one too.
async fn logout_everywhere(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
) -> Result<Response, Error> {
    sessions::logout_everywhere(&state, &user).await?;
    let cookie = session_cookie("", 0, is_https(&headers))?;
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

async fn me(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Me>, Error> {
    Ok(Json(sessions::me(&state, &user).await?))
}

/// `Secure` is set when the request reached us over HTTPS, directly or through a TLS-terminating
/// proxy that says so: browsers refuse Secure cookies over plain http://localhost development.
pub(super) fn is_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"))
}

/// The session cookie: over HTTPS `Secure` and named `__Host-…` ([`session_cookie_name`]).
pub(super) fn session_cookie(token: &str, max_age: i64, https: bool) -> Result<HeaderValue, Error> {
    let (name, secure) = (session_cookie_name(https), if https { "; Secure" } else { "" });
    let cookie = format!("{name}={token}; HttpOnly; SameSite=Lax; Path=/; Max-Age={max_age}{secure}");
    HeaderValue::from_str(&cookie).map_err(|e| Error::Domain(DomainError::Internal(format!("session cookie: {e}"))))
}
