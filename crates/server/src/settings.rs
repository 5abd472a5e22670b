//! A desk's own settings (`GET`/`PATCH /admin/settings`): its name and the days after which a
//! solved ticket closes by itself (`tickets::automatic`), how customers sign up, and the time zone
//! its reports count days in (`reports::period`), the header's text in the logo's place and the
//! desk's language (its people's until they choose one: `Me.tenant`, their mail). Permission
//! `settings.manage`.

use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::services::Services;
use crate::error::Error;
use crate::storage::{tenants, Db};
use baton_core::problem::field_code;
use baton_core::{DeskSettings, DeskSettingsPatch, FieldError, Permission, SignupMode};

/// The caller's desk's settings.
pub async fn get(db: &Db, user: &CurrentUser) -> Result<DeskSettings, Error> {
    user.require(Permission::SettingsManage)?;
    let row = tenants::settings(db, user.tenant_id).await?.ok_or(Error::NotFound)?;
    Ok(DeskSettings {
        name: row.name,
        slug: row.slug.unwrap_or_default(),
        auto_close_days: row.auto_close_days,
        signup_mode: SignupMode::from_code(&row.signup_mode).unwrap_or_default(),
        signup_domains: domains(&row.signup_domains),
        time_zone: row.time_zone,
        logo_text: row.logo_text,
        language: row.language,
    })
}

/// The stored comma-separated domains as a list.
pub fn domains(stored: &str) -> Vec<String> {
    stored.split(',').map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned).collect()
}

/// Changes the fields `patch` gives (all checked first: nothing changes if one is wrong); the
/// settings after the change.
pub async fn update(app: &Services, user: &CurrentUser, patch: &DeskSettingsPatch) -> Result<DeskSettings, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut errors = patch.check();
    // The zone must be one of the IANA database's (the SPA checks only the shape).
    let zone = patch.time_zone.as_deref().map(str::trim);
    if zone.is_some_and(|z| !z.is_empty() && baton_core::zone::parse(z).is_none()) {
        errors.push(FieldError::new("time_zone", field_code::INVALID_VALUE));
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let name = patch.name.as_deref().map(str::trim);
    let joined = patch.signup_domains.as_ref().map(|list| {
        let mut list: Vec<String> = list.iter().map(|d| d.trim().to_ascii_lowercase()).collect();
        list.sort();
        list.dedup();
        list.join(",")
    });
    // "Domains" with no domain would be a closed desk that says it is open: refused, whichever
    // of the two fields this patch changes.
    let stored = tenants::settings(db, user.tenant_id).await?.ok_or(Error::NotFound)?;
    let mode = patch.signup_mode.or(SignupMode::from_code(&stored.signup_mode)).unwrap_or_default();
    if mode == SignupMode::Domains && joined.as_deref().unwrap_or(&stored.signup_domains).is_empty() {
        return Err(Error::Validation(vec![FieldError::new("signup_domains", field_code::REQUIRED)]));
    }
    let before = get(db, user).await?;
    let mut tx = db.begin_write().await?;
    let change = tenants::SettingsChange {
        name,
        auto_close_days: patch.auto_close_days,
        signup_mode: patch.signup_mode.map(SignupMode::code),
        signup_domains: joined.as_deref(),
        time_zone: zone,
        logo_text: patch.logo_text.as_deref().map(str::trim),
        language: patch.language.as_deref(),
    };
    tenants::update_settings(&mut tx, user.tenant_id, &change).await?;
    // audit log (issue 12)
    audit::record(&mut tx, app, user, Entry::new("settings.updated", None, &before.name).patch(&before, &DeskSettingsPatch {
        name: name.map(str::to_owned),
        signup_domains: joined.as_deref().map(domains),
        logo_text: patch.logo_text.as_deref().map(|t| t.trim().to_owned()),
        ..patch.clone()
    })).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, by = user.id, ?patch.auto_close_days, ?patch.signup_mode, ?patch.time_zone, renamed = name.is_some(), "desk settings changed");
    get(db, user).await
}
