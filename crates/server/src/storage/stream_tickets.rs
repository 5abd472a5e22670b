//! Stream tickets (migration 0011): the SHA-256 of each, whose it is, until when. Kept in the
//! database so a ticket issued by one replica opens the stream on any other.

use super::sessions::SessionRow;
use super::{Db, Error};

/// Stores a ticket for `user_id` of `tenant_id`, valid until `expires_at`.
pub async fn insert(db: &Db, token_hash: &[u8], tenant_id: i64, user_id: i64, expires_at: &str) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query(
        "INSERT INTO stream_tickets (token_hash, tenant_id, user_id, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(tenant_id)
    .bind(user_id)
    .bind(expires_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Uses the ticket up (whether or not it is still valid) and, if it was valid at `now`, whom it
/// stands for, read afresh: a role or group changed since it was issued counts. The DELETE is the
/// single use: of two replicas redeeming the same ticket at once, one gets the row.
pub async fn redeem(db: &Db, token_hash: &[u8], now: &str) -> Result<Option<SessionRow>, Error> {
    let taken: Option<(i64, i64, String)> = crate::on!(db, |c| sqlx::query_as(
        "DELETE FROM stream_tickets WHERE token_hash = $1 RETURNING tenant_id, user_id, expires_at",
    )
    .bind(token_hash)
    .fetch_optional(c).await)?;
    let Some((tenant_id, user_id, expires_at)) = taken else { return Ok(None) };
    if expires_at.as_str() <= now {
        return Ok(None);
    }
    super::sessions::user(db, tenant_id, user_id).await
}

/// Deletes the tickets that expired at or before `now` (nobody redeemed them); how many.
pub async fn purge_expired(db: &Db, now: &str) -> Result<u64, Error> {
    let gone = crate::on!(db, |c| sqlx::query("DELETE FROM stream_tickets WHERE expires_at <= $1")
        .bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(gone)
}
