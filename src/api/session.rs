//! Signing in and out, and who is signed in: `/api/v1/session` and `/api/v1/me`.

use super::{Api, ApiError};
use baton_core::{LoginRequest, Me};

impl Api {
    /// `POST /session`: sets the session cookie and returns the user.
    pub async fn login(&self, credentials: &LoginRequest) -> Result<Me, ApiError> {
        self.fetch(self.post("/session").json(credentials)).await
    }

    /// `DELETE /session`: ends the session server-side and clears the cookie.
    pub async fn logout(&self) -> Result<(), ApiError> {
        self.send(self.delete("/session").build()).await.map(drop)
    }

    /// `GET /me`: the signed-in user; 401 `unauthenticated` when there is no session.
    pub async fn me(&self) -> Result<Me, ApiError> {
        self.fetch(self.get("/me").build()).await
    }
}
