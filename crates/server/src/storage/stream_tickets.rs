//! Stream tickets (migration 0011): the SHA-256 of each, whose it is, until when. Kept in the
//! database so a ticket issued by one replica opens the stream on any other.

use super::sessions::SessionRow;
use super::{Db, Error};

/// Stores a ticket for `user_id` of `tenant_id`, issued under the session `session_hash`, valid
/// until `expires_at`.
pub async fn insert(
    db: &Db,
    token_hash: &[u8],
    (tenant_id, user_id): (i64, i64),
    session_hash: &[u8],
    expires_at: &str,
) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query(
        "INSERT INTO stream_tickets (token_hash, tenant_id, user_id, session_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(tenant_id)
    .bind(user_id)
    .bind(session_hash)
    .bind(expires_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Uses the ticket up (whether or not it is still valid) and, if it was valid at `now`, whom it
/// stands for, read afresh (a role or group changed since it was issued counts), with the session
/// it was issued under. The DELETE is the single use: of two replicas redeeming the same ticket at
/// once, one gets the row.
pub async fn redeem(
    db: &Db,
    token_hash: &[u8],
    now: &str,
) -> Result<Option<(SessionRow, Option<Vec<u8>>)>, Error> {
    let taken: Option<(i64, i64, String, Option<Vec<u8>>)> = crate::on!(db, |c| sqlx::query_as(
        "DELETE FROM stream_tickets WHERE token_hash = $1
         RETURNING tenant_id, user_id, expires_at, session_hash",
    )
    .bind(token_hash)
    .fetch_optional(c).await)?;
    let Some((tenant_id, user_id, expires_at, session)) = taken else { return Ok(None) };
    if expires_at.as_str() <= now {
        return Ok(None);
    }
    Ok(super::sessions::user(db, tenant_id, user_id).await?.map(|row| (row, session)))
}

/// Deletes the tickets that expired at or before `now` (nobody redeemed them); how many.
pub async fn purge_expired(db: &Db, now: &str) -> Result<u64, Error> {
    let gone = crate::on!(db, |c| sqlx::query("DELETE FROM stream_tickets WHERE expires_at <= $1")
        .bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(gone)
}
