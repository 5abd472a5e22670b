//! The admin's SSO and embedding settings: read them (`GET /admin/sso`), rotate the SSO secret
//! (`POST /admin/sso/secret`, the new secret shown once) and set the origins allowed to embed
//! the widget (`PUT /admin/sso/origins`). Admins and owners of the caller's own tenant only.

use super::extract::ApiJson;
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::sso;
use crate::storage::{sso as sso_store, Db};
use axum::extract::State;
use axum::Json;
use baton_core::sso::{embed_origins, EmbedOrigins, SsoSecret, SsoSettings};
use baton_core::Role;

pub fn router() -> Routes {
    Routes::new()
        .get("/admin/sso", show)
        .post("/admin/sso/secret", rotate)
        .put("/admin/sso/origins", set_origins)
}

fn require_admin(user: &CurrentUser) -> Result<(), Error> {
    match user.role {
        Role::Admin | Role::Owner => Ok(()),
        Role::Customer | Role::Agent => Err(Error::Forbidden("only admins manage single sign-on")),
    }
}

async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<SsoSettings>, Error> {
    require_admin(&user)?;
    Ok(Json(settings(&state.db, user.tenant_id).await?))
}

async fn rotate(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<SsoSecret>, Error> {
    require_admin(&user)?;
    let (secret, rotated_at) = sso::rotate_secret(&state.db, &state.cipher, user.tenant_id).await?;
    Ok(Json(SsoSecret { secret, rotated_at }))
}

async fn set_origins(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<EmbedOrigins>,
) -> Result<Json<SsoSettings>, Error> {
    require_admin(&user)?;
    let origins = embed_origins(&req).map_err(Error::Validation)?;
    let mut tx = crate::storage::begin_write(&state.db).await?;
    sso_store::set_origins(&mut tx, user.tenant_id, &origins).await?;
    tx.commit().await?;
    tracing::info!(
        tenant_id = user.tenant_id,
        count = origins.len(),
        "embed origins set"
    );
    Ok(Json(settings(&state.db, user.tenant_id).await?))
}

async fn settings(db: &Db, tenant_id: i64) -> Result<SsoSettings, Error> {
    let secret = sso_store::secret(db, tenant_id).await?;
    Ok(SsoSettings {
        // A tenant without a slug cannot be embedded yet; the empty string says so.
        tenant: sso_store::slug(db, tenant_id).await?.unwrap_or_default(),
        secret_set: secret.is_some(),
        secret_rotated_at: secret.map(|s| s.rotated_at),
        allowed_origins: sso_store::origins(db, tenant_id).await?,
    })
}
