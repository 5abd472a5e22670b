//! `GET/PUT /me/settings`: the user's keyboard shortcuts, stored as they sent them and answered
//! merged over `baton_core::DEFAULT_SHORTCUTS`.

use super::staff;
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::storage::{directory, Db};
use baton_core::UserSettings;

/// The user's settings over the defaults. Stored JSON that no longer parses (an action since
/// removed) falls back to the defaults rather than failing the workspace.
pub async fn get(db: &Db, user: &CurrentUser) -> Result<UserSettings, Error> {
    staff(user)?;
    let stored = directory::settings(db, user.id).await?;
    let settings = stored
        .and_then(|json| serde_json::from_str::<UserSettings>(&json).ok())
        .unwrap_or_default();
    Ok(settings.with_defaults())
}

/// Replaces the user's settings after validating them; the result as [`get`] answers it.
pub async fn put(db: &Db, user: &CurrentUser, settings: UserSettings) -> Result<UserSettings, Error> {
    staff(user)?;
    settings.validate().map_err(Error::Validation)?;
    let json = serde_json::to_string(&settings).map_err(|e| Error::Internal(e.to_string()))?;
    directory::put_settings(db, user.id, &json).await?;
    Ok(settings.with_defaults())
}
