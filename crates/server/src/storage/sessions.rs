//! Sessions: the SHA-256 of each token, whose user, and until when.

use crate::storage::Error;
use super::Db;

/// The user behind a live session, as read on every authenticated request.
#[derive(Debug, sqlx::FromRow)]
pub struct SessionRow {
    pub user_id: i64,
    pub tenant_id: i64,
    pub role: String,
    /// The user's customer group, if it shares tickets among its members.
    pub share_group_id: Option<i64>,
    /// The permissions of the user's custom role, as stored ([`super::roles::decode`]), if they
    /// have one.
    pub role_permissions: Option<String>,
    /// When the session was last used (its creation until first touched); `None` for a user read
    /// without a session ([`user`]).
    pub seen_at: Option<String>,
}

pub async fn create(
    db: &Db,
    token_hash: &[u8],
    user_id: i64,
    tenant_id: i64,
    now: &str,
    expires_at: &str,
) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, tenant_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(tenant_id)
    .bind(now)
    .bind(expires_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The session with this token hash if it has not expired at `now` and its user is not
/// deactivated. The user's tenant must match
/// the session's, so a user moved between tenants cannot keep an old session. One statement, run
/// on every authenticated request: the user, their sharing customer group and their custom role's
/// permissions, all by primary key.
pub async fn find(
    db: &Db,
    token_hash: &[u8],
    now: &str,
) -> Result<Option<SessionRow>, Error> {
    crate::on!(db, |c| sqlx::query_as(
        "SELECT u.id AS user_id, u.tenant_id, u.role,
                CASE WHEN g.shares_tickets THEN g.id END AS share_group_id,
                r.permissions AS role_permissions,
                COALESCE(s.last_seen_at, s.created_at) AS seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id AND u.tenant_id = s.tenant_id
         LEFT JOIN customer_groups g ON g.id = u.customer_group_id AND g.tenant_id = u.tenant_id
         LEFT JOIN roles r ON r.id = u.role_id AND r.tenant_id = u.tenant_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.deactivated_at IS NULL",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(c).await).map_err(Error::from)
}

/// The user `user_id` of `tenant_id` as a session would resolve them (a stream ticket's user).
pub async fn user(db: &Db, tenant_id: i64, user_id: i64) -> Result<Option<SessionRow>, Error> {
    crate::on!(db, |c| sqlx::query_as(
        "SELECT u.id AS user_id, u.tenant_id, u.role,
                CASE WHEN g.shares_tickets THEN g.id END AS share_group_id,
                r.permissions AS role_permissions, CAST(NULL AS TEXT) AS seen_at
         FROM users u
         LEFT JOIN customer_groups g ON g.id = u.customer_group_id AND g.tenant_id = u.tenant_id
         LEFT JOIN roles r ON r.id = u.role_id AND r.tenant_id = u.tenant_id
         WHERE u.tenant_id = $1 AND u.id = $2 AND u.deactivated_at IS NULL",
    )
    .bind(tenant_id)
    .bind(user_id)
    .fetch_optional(c).await).map_err(Error::from)
}

/// Notes that the session was used at `now`.
pub async fn touch(db: &Db, token_hash: &[u8], now: &str) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1")
        .bind(token_hash)
        .bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn delete(db: &Db, token_hash: &[u8]) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Ends every session of user `user_id` of `tenant_id`; how many there were.
pub async fn delete_all_of(db: &Db, tenant_id: i64, user_id: i64) -> Result<u64, Error> {
    let gone = crate::on!(db, |c| sqlx::query("DELETE FROM sessions WHERE tenant_id = $1 AND user_id = $2")
        .bind(tenant_id)
        .bind(user_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(gone)
}

/// Removes expired sessions; run at login so the table does not grow without bound.
pub async fn purge_expired(db: &Db, now: &str) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
