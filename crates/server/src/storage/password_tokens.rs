//! Links that set a password: the SHA-256 of each token, what it is for, whose, until when, and
//! when it was used.

use crate::storage::{Conn, Error};

/// A new link's row.
pub struct NewToken<'a> {
    pub token_hash: &'a [u8],
    pub tenant_id: i64,
    pub user_id: i64,
    /// `setup`, `invite` or `reset` (the table's CHECK).
    pub purpose: &'a str,
    pub now: &'a str,
    pub expires_at: &'a str,
}

pub async fn create(conn: &mut Conn, t: &NewToken<'_>) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO password_tokens (token_hash, tenant_id, user_id, purpose, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(t.token_hash)
    .bind(t.tenant_id)
    .bind(t.user_id)
    .bind(t.purpose)
    .bind(t.now)
    .bind(t.expires_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whose a redeemed link was.
#[derive(Debug, sqlx::FromRow)]
pub struct Redeemed {
    pub tenant_id: i64,
    pub user_id: i64,
    pub purpose: String,
}

/// Marks the link of `token_hash` used at `now` if it is unused and has not expired; whose it
/// was, or `None` (unknown, used or expired: one statement, so two concurrent uses cannot both
/// succeed).
pub async fn redeem(conn: &mut Conn, token_hash: &[u8], now: &str) -> Result<Option<Redeemed>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "UPDATE password_tokens SET used_at = $2
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING tenant_id, user_id, purpose",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(c).await).map_err(Error::from)
}

/// Removes links that expired before `now`, used or not: the table does not grow without bound.
pub async fn purge_expired(conn: &mut Conn, now: &str) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("DELETE FROM password_tokens WHERE expires_at <= $1")
        .bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Marks the unused links of `purpose` for user `user_id` used at `now`: a newer link (or a
/// deactivation, with `purpose` `None`: every link) makes them stop working.
pub async fn void_unused(conn: &mut Conn, tenant_id: i64, user_id: i64, purpose: impl Into<Option<&str>>, now: &str) -> Result<u64, Error> {
    let purpose = purpose.into();
    crate::on!(conn, |c| sqlx::query(
        "UPDATE password_tokens SET used_at = $4
         WHERE tenant_id = $1 AND user_id = $2 AND ($3 IS NULL OR purpose = $3) AND used_at IS NULL",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(purpose)
    .bind(now)
    .execute(c).await.map(|r| r.rows_affected())).map_err(Error::from)
}
