//! The admin's SSO and embedding settings: read them (`GET /admin/sso`), rotate the SSO secret
//! (`POST /admin/sso/secret`, the new secret shown once) and set the origins allowed to embed
//! the widget (`PUT /admin/sso/origins`). Admins and owners of the caller's own tenant only.

use super::extract::ApiJson;
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::sso::{self, embed};
use axum::extract::State;
use axum::Json;
use baton_core::sso::{EmbedOrigins, SsoSecret, SsoSettings};

pub fn router() -> Routes {
    Routes::new()
        .get("/admin/sso", show)
        .post("/admin/sso/secret", rotate)
        .put("/admin/sso/origins", set_origins)
}

async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<SsoSettings>, Error> {
    Ok(Json(embed::settings(&state.db, &user).await?))
}

async fn rotate(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<SsoSecret>, Error> {
    let (secret, rotated_at) = sso::rotate_secret(&state, &user).await?;
    Ok(Json(SsoSecret { secret, rotated_at }))
}

async fn set_origins(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<EmbedOrigins>,
) -> Result<Json<SsoSettings>, Error> {
    Ok(Json(embed::set_origins(&state, &user, &req).await?))
}
