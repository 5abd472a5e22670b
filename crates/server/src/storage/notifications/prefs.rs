//! Each person's notification preferences (per kind: in the app, when mailed) and settings (the
//! digest, the language of their mail).

use crate::storage::{Conn, Error};

/// One stored preference.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PrefRow {
    pub kind: String,
    pub in_app: bool,
    pub email: String,
}

/// The preferences `user_id` stored (kinds without a row keep the defaults).
pub async fn list(conn: &mut Conn, tenant_id: i64, user_id: i64) -> Result<Vec<PrefRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT kind, in_app, email FROM notification_preferences WHERE tenant_id = $1 AND user_id = $2 ORDER BY kind",
    )
    .bind(tenant_id)
    .bind(user_id)
    .fetch_all(c).await).map_err(Error::from)
}

/// `user_id`'s preference for `kind`, if stored.
pub async fn get(conn: &mut Conn, tenant_id: i64, user_id: i64, kind: &str) -> Result<Option<PrefRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT kind, in_app, email FROM notification_preferences WHERE tenant_id = $1 AND user_id = $2 AND kind = $3",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(kind)
    .fetch_optional(c).await).map_err(Error::from)
}

/// Stores `user_id`'s preference for one kind.
pub async fn put(conn: &mut Conn, tenant_id: i64, user_id: i64, p: &PrefRow) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO notification_preferences (tenant_id, user_id, kind, in_app, email) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, user_id, kind) DO UPDATE SET in_app = excluded.in_app, email = excluded.email",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(&p.kind)
    .bind(p.in_app)
    .bind(&p.email)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whether `user_id` chose the digest (`false` when never set).
pub async fn digest(conn: &mut Conn, tenant_id: i64, user_id: i64) -> Result<bool, Error> {
    let digest: Option<bool> = crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT digest FROM notification_settings WHERE tenant_id = $1 AND user_id = $2",
    )
    .bind(tenant_id)
    .bind(user_id)
    .fetch_optional(c).await)?;
    Ok(digest.unwrap_or(false))
}

/// Sets `user_id`'s digest choice.
pub async fn set_digest(conn: &mut Conn, tenant_id: i64, user_id: i64, digest: bool) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO notification_settings (tenant_id, user_id, digest) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, user_id) DO UPDATE SET digest = excluded.digest",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(digest)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Remembers the language `user_id` reads (`zh-CN`, `en`), for their mail.
pub async fn set_language(conn: &mut Conn, tenant_id: i64, user_id: i64, language: &str) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO notification_settings (tenant_id, user_id, language) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, user_id) DO UPDATE SET language = excluded.language",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(language)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
