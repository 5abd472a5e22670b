//! A desk's own settings (`GET`/`PATCH /admin/settings`): its name and the days after which a
//! solved ticket closes by itself (`tickets::automatic`). Permission `settings.manage`.

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::storage::{tenants, Db};
use baton_core::{DeskSettings, DeskSettingsPatch, Permission};

/// The caller's desk's settings.
pub async fn get(db: &Db, user: &CurrentUser) -> Result<DeskSettings, Error> {
    user.require(Permission::SettingsManage)?;
    let row = tenants::settings(db, user.tenant_id).await?.ok_or(Error::NotFound)?;
    Ok(DeskSettings {
        name: row.name,
        slug: row.slug.unwrap_or_default(),
        auto_close_days: row.auto_close_days,
    })
}

/// Changes the fields `patch` gives (all checked first: nothing changes if one is wrong); the
/// settings after the change.
pub async fn update(db: &Db, user: &CurrentUser, patch: &DeskSettingsPatch) -> Result<DeskSettings, Error> {
    user.require(Permission::SettingsManage)?;
    let errors = patch.check();
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let mut tx = db.begin_write().await?;
    let name = patch.name.as_deref().map(str::trim);
    tenants::update_settings(&mut tx, user.tenant_id, name, patch.auto_close_days).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, by = user.id, ?patch.auto_close_days, renamed = name.is_some(), "desk settings changed");
    get(db, user).await
}
