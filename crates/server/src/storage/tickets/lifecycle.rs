//! What the scheduler finds and removes for the tickets that move by themselves
//! (`tickets::automatic`): solved tickets due to close, flagged tickets due to be purged.

use crate::storage::{Conn, Db, Error};

/// When a ticket was last solved (its facts, migration 0016; the last change for a ticket that
/// has none), compared with a cutoff.
const SOLVED_AT: &str = "COALESCE((SELECT f.last_solved_at FROM ticket_facts f WHERE f.ticket_id = t.id), t.updated_at)";

/// Up to `limit` tickets of `tenant_id` solved (and neither trashed nor suspended) since before
/// `cutoff`, oldest id first.
pub async fn solved_before(db: &Db, tenant_id: i64, cutoff: &str, limit: i64) -> Result<Vec<i64>, Error> {
    let sql = format!(
        "SELECT t.id FROM tickets t
         WHERE t.tenant_id = $1 AND t.status = 'solved' AND t.trashed_at IS NULL AND t.suspended_at IS NULL
           AND {SOLVED_AT} <= $2
         ORDER BY t.id LIMIT $3"
    );
    crate::on!(db, |c| sqlx::query_scalar(&sql).bind(tenant_id).bind(cutoff).bind(limit).fetch_all(c).await)
        .map_err(Error::from)
}

/// Whether ticket `id` was last solved before `cutoff` (checked again under its lock: a reopen
/// and a new solve in between start the days again).
pub async fn solved_since_before(conn: &mut Conn, id: i64, cutoff: &str) -> Result<bool, Error> {
    let sql = format!("SELECT {SOLVED_AT} <= $2 FROM tickets t WHERE t.id = $1");
    let due: Option<bool> = crate::on!(conn, |c| sqlx::query_scalar(&sql).bind(id).bind(cutoff).fetch_optional(c).await)?;
    Ok(due.unwrap_or(false))
}

/// Up to `limit` tickets trashed or suspended before `cutoff`, as (tenant, id).
pub async fn flagged_before(db: &Db, cutoff: &str, limit: i64) -> Result<Vec<(i64, i64)>, Error> {
    crate::on!(db, |c| sqlx::query_as(
        "SELECT tenant_id, id FROM tickets WHERE trashed_at <= $1
         UNION SELECT tenant_id, id FROM tickets WHERE suspended_at <= $1
         ORDER BY 2 LIMIT $2",
    )
    .bind(cutoff)
    .bind(limit)
    .fetch_all(c).await).map_err(Error::from)
}

/// Deletes ticket `id` of `tenant_id` with everything that hangs off it (the foreign keys
/// cascade: thread, sealed data, links to attachments, facts), if it is still flagged since
/// before `cutoff` (a restore in between keeps it). Whether it was deleted.
pub async fn delete_flagged(conn: &mut Conn, tenant_id: i64, id: i64, cutoff: &str) -> Result<bool, Error> {
    let done = crate::on!(conn, |c| sqlx::query(
        "DELETE FROM tickets WHERE tenant_id = $1 AND id = $2 AND (trashed_at <= $3 OR suspended_at <= $3)",
    )
    .bind(tenant_id)
    .bind(id)
    .bind(cutoff)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}
