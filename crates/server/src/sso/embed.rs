//! The embedding settings of a tenant: the SSO settings an admin reads and the origins allowed to
//! embed the widget, and the public widget configuration a host page's loader reads.

use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::services::Services;
use crate::error::Error;
use crate::storage::{sso as sso_store, Db};
use baton_core::sso::{embed_origins, EmbedOrigins, SsoSettings, WidgetConfig};
use baton_core::Permission;

/// Single sign-on and embedding are desk settings: `settings.manage`.
pub fn require_settings(user: &CurrentUser) -> Result<(), Error> {
    user.require(Permission::SettingsManage)
}

/// The tenant's SSO and embedding settings (never the secret itself).
pub async fn settings(db: &Db, user: &CurrentUser) -> Result<SsoSettings, Error> {
    require_settings(user)?;
    let tenant_id = user.tenant_id;
    let secret = sso_store::secret(db, tenant_id).await?;
    Ok(SsoSettings {
        // A tenant without a slug cannot be embedded yet; the empty string says so.
        tenant: sso_store::slug(db, tenant_id).await?.unwrap_or_default(),
        secret_set: secret.is_some(),
        secret_rotated_at: secret.map(|s| s.rotated_at),
        allowed_origins: sso_store::origins(db, tenant_id).await?,
    })
}

/// Replaces the origins allowed to embed the widget; the settings after the change.
pub async fn set_origins(app: &Services, user: &CurrentUser, req: &EmbedOrigins) -> Result<SsoSettings, Error> {
    let db = &app.db;
    require_settings(user)?;
    let origins = embed_origins(req).map_err(Error::Validation)?;
    let before = sso_store::origins(db, user.tenant_id).await?;
    let mut tx = db.begin_write().await?;
    sso_store::set_origins(&mut tx, user.tenant_id, &origins).await?;
    // audit log (issue 12)
    audit::record(&mut tx, app, user, Entry::new("sso.origins_updated", None, "SSO").field("allowed_origins", Some(&before), Some(&origins))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, count = origins.len(), "embed origins set");
    settings(db, user).await
}

/// What the widget's loader needs to know about tenant `slug`; public.
pub async fn widget_config(db: &Db, slug: &str) -> Result<WidgetConfig, Error> {
    let tenant = sso_store::tenant_by_slug(db, slug).await?.ok_or(Error::NotFound)?;
    let allowed_origins = sso_store::origins(db, tenant.id).await?;
    Ok(WidgetConfig { tenant: tenant.slug, name: tenant.name, allowed_origins })
}

/// The origins allowed to embed tenant `slug` (none for an unknown tenant).
pub async fn origins_of(db: &Db, slug: &str) -> Result<Vec<String>, Error> {
    Ok(match sso_store::tenant_by_slug(db, slug).await? {
        Some(t) => sso_store::origins(db, t.id).await?,
        None => Vec::new(),
    })
}
