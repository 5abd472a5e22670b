//! Presence rows (migration 0011): who has which ticket open, whether they are typing, when they
//! were last seen (Unix milliseconds). A row older than the caller's cutoff is dead: reads skip
//! it and [`expire`] deletes it.

use super::{Db, Error};

/// One viewer of a ticket, as the presence list shows them.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ViewerRow {
    pub user_id: i64,
    pub name: String,
    pub typing: bool,
}

/// A heartbeat of `user_id` on a ticket at `now_ms`; whether it changed anything others see (a
/// viewer who was not there, or whose typing flag flipped), as opposed to a mere heartbeat.
pub async fn beat(
    db: &Db,
    (tenant_id, ticket_id, user_id): (i64, i64, i64),
    typing: bool,
    now_ms: i64,
    cutoff_ms: i64,
) -> Result<bool, Error> {
    // The common case first: the same viewer, the same flag, alive. One UPDATE says whether that
    // is so, without a read-then-write that two replicas could interleave.
    let same = crate::on!(db, |c| sqlx::query(
        "UPDATE presence SET seen_ms = $4
         WHERE tenant_id = $1 AND ticket_id = $2 AND user_id = $3 AND typing = $5 AND seen_ms >= $6",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .bind(user_id)
    .bind(now_ms)
    .bind(typing)
    .bind(cutoff_ms)
    .execute(c).await.map(|r| r.rows_affected()))?;
    if same == 1 {
        return Ok(false);
    }
    crate::on!(db, |c| sqlx::query(
        "INSERT INTO presence (tenant_id, ticket_id, user_id, typing, seen_ms) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, ticket_id, user_id)
         DO UPDATE SET typing = excluded.typing, seen_ms = excluded.seen_ms",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .bind(user_id)
    .bind(typing)
    .bind(now_ms)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(true)
}

/// `user_id` leaves a ticket; whether they were on it.
pub async fn leave(db: &Db, tenant_id: i64, ticket_id: i64, user_id: i64) -> Result<bool, Error> {
    let gone = crate::on!(db, |c| sqlx::query(
        "DELETE FROM presence WHERE tenant_id = $1 AND ticket_id = $2 AND user_id = $3",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .bind(user_id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(gone > 0)
}

/// The live viewers of a ticket (seen at or after `cutoff_ms`), in user-id order.
pub async fn viewers(db: &Db, tenant_id: i64, ticket_id: i64, cutoff_ms: i64) -> Result<Vec<ViewerRow>, Error> {
    crate::on!(db, |c| sqlx::query_as(
        "SELECT p.user_id, u.name, p.typing FROM presence p
         JOIN users u ON u.id = p.user_id AND u.tenant_id = p.tenant_id
         WHERE p.tenant_id = $1 AND p.ticket_id = $2 AND p.seen_ms >= $3
         ORDER BY p.user_id",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .bind(cutoff_ms)
    .fetch_all(c).await)
    .map_err(Error::from)
}

/// Deletes the rows last seen before `cutoff_ms`; the (tenant, ticket) of each, once. A row is
/// deleted by one process only, so each expiry is announced once however many replicas sweep.
pub async fn expire(db: &Db, cutoff_ms: i64) -> Result<Vec<(i64, i64)>, Error> {
    let mut gone: Vec<(i64, i64)> = crate::on!(db, |c| sqlx::query_as(
        "DELETE FROM presence WHERE seen_ms < $1 RETURNING tenant_id, ticket_id",
    )
    .bind(cutoff_ms)
    .fetch_all(c).await)?;
    gone.sort_unstable();
    gone.dedup();
    Ok(gone)
}
