//! Signing in and out, and who is signed in: `/api/v1/session` and `/api/v1/me`.

use super::{Api, ApiError, JsonBody};
use baton_core::sso::{BearerSession, JwtExchange, WidgetConfig};
use baton_core::{Capabilities, LoginRequest, Me, SetPasswordRequest};
#[cfg(feature = "console")]
use baton_core::{PasswordResetRequest, SignUpRequest};

impl Api {
    /// `POST /session`: sets the session cookie and returns the user.
    pub async fn login(&self, credentials: &LoginRequest) -> Result<Me, ApiError> {
        self.fetch(self.post("/session").json_body(credentials)).await
    }

    /// `POST /password-tokens/{token}`: sets the password of the link's account and signs it in
    /// (the session cookie, as a login).
    pub async fn set_password(&self, token: &str, request: &SetPasswordRequest) -> Result<Me, ApiError> {
        let token = String::from(js_sys::encode_uri_component(token));
        self.fetch(self.post(&format!("/password-tokens/{token}")).json_body(request)).await
    }

    /// `DELETE /session`: ends the session server-side and clears the cookie.
    pub async fn logout(&self) -> Result<(), ApiError> {
        self.send(self.delete("/session").build()).await.map(drop)
    }

    /// `GET /capabilities`: which optional parts of the contract this backend has.
    pub async fn capabilities(&self) -> Result<Capabilities, ApiError> {
        self.fetch(self.get("/capabilities").build()).await
    }

    /// Whether `GET /capabilities` has `flag` (a missing or non-boolean one is `false`). Read from
    /// the parsed JSON without a decoder: the help center asks for one flag (`password_reset`),
    /// and a decoder of its own measured 134 B brotli more of its budget.
    pub async fn offers(&self, flag: &str) -> Result<bool, ApiError> {
        let body = self.body(self.get("/capabilities").build()).await?;
        Ok(js_sys::Reflect::get(&body, &flag.into()).ok().and_then(|v| v.as_bool()).unwrap_or(false))
    }

    /// `POST /password-resets`: 202 whether or not an account has that email (the server never
    /// says); a malformed email is a 422, too many asks from here a 429 `rate_limited`.
    #[cfg(feature = "console")]
    pub async fn request_password_reset(&self, request: &PasswordResetRequest) -> Result<(), ApiError> {
        self.send(self.post("/password-resets").json_body(request)).await.map(drop)
    }

    /// `POST /signups`: 202 when the desk takes the sign-up, whether or not the email has an
    /// account (a mail says the rest); 403 `signup_closed`, 422 naming fields, 429.
    #[cfg(feature = "console")]
    pub async fn sign_up(&self, request: &SignUpRequest) -> Result<(), ApiError> {
        self.send(self.post("/signups").json_body(request)).await.map(drop)
    }

    /// `DELETE /sessions`: ends every session of the signed-in user, on every device (this one
    /// too), and clears the cookie.
    pub async fn logout_everywhere(&self) -> Result<(), ApiError> {
        self.send(self.delete("/sessions").build()).await.map(drop)
    }

    /// `POST /session/jwt`: a host-signed SSO token for a bearer session (no cookie is set).
    pub async fn exchange_jwt(&self, request: &JwtExchange) -> Result<BearerSession, ApiError> {
        self.fetch(self.post("/session/jwt").json_body(request)).await
    }

    /// `GET /widget/{tenant}`: the widget's public configuration.
    pub async fn widget_config(&self, tenant: &str) -> Result<WidgetConfig, ApiError> {
        let tenant = String::from(js_sys::encode_uri_component(tenant));
        self.fetch(self.get(&format!("/widget/{tenant}")).build()).await
    }

    /// `GET /me`: the signed-in user; 401 `unauthenticated` when there is no session.
    pub async fn me(&self) -> Result<Me, ApiError> {
        self.fetch(self.get("/me").build()).await
    }
}
