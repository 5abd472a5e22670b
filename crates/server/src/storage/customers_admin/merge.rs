//! The merge of one customer into another: everything that names the source as a customer moves
//! to the target (tickets with their ratings, messages, uploads, CCs, confidential info, events,
//! notifications), and the source is marked merged. Runs inside the caller's transaction.

use crate::storage::{Conn, Error};

/// The tickets customer `id` asked, by id.
pub async fn tickets_of(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<Vec<i64>, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT id FROM tickets WHERE tenant_id = $1 AND requester_id = $2 ORDER BY id")
        .bind(tenant_id)
        .bind(id)
        .fetch_all(c).await)
    .map_err(Error::from)
}

/// Every statement of a merge; `$1` the tenant, `$2` the source, `$3` the target. CCs the target
/// already has (or that would CC them on their own tickets) go first, so no key is duplicated.
const MOVES: &[&str] = &[
    "UPDATE tickets SET requester_id = $3 WHERE tenant_id = $1 AND requester_id = $2",
    "UPDATE messages SET author_id = $3 WHERE tenant_id = $1 AND author_id = $2",
    "UPDATE attachments SET uploader_id = $3 WHERE tenant_id = $1 AND uploader_id = $2",
    "UPDATE ticket_confidential SET updated_by = $3 WHERE tenant_id = $1 AND updated_by = $2",
    "DELETE FROM ticket_cc WHERE tenant_id = $1 AND user_id = $2
       AND (ticket_id IN (SELECT ticket_id FROM ticket_cc WHERE tenant_id = $1 AND user_id = $3)
            OR ticket_id IN (SELECT id FROM tickets WHERE tenant_id = $1 AND requester_id = $3))",
    "UPDATE ticket_cc SET user_id = $3 WHERE tenant_id = $1 AND user_id = $2",
    "UPDATE events SET requester_id = $3 WHERE tenant_id = $1 AND requester_id = $2",
    "UPDATE notifications SET user_id = $3 WHERE tenant_id = $1 AND user_id = $2",
    "UPDATE notifications SET actor_id = $3 WHERE tenant_id = $1 AND actor_id = $2",
];

/// Moves what names customer `from` to customer `into`.
pub async fn move_all(conn: &mut Conn, tenant_id: i64, from: i64, into: i64) -> Result<(), Error> {
    for statement in MOVES {
        crate::on!(conn, |c| sqlx::query(statement)
            .bind(tenant_id)
            .bind(from)
            .bind(into)
            .execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// Marks customer `from` merged into `into` at `now` (and deactivated, if they were not).
pub async fn mark_merged(conn: &mut Conn, tenant_id: i64, from: i64, into: i64, now: &str) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "UPDATE users SET merged_into = $3, merged_at = $4, deactivated_at = COALESCE(deactivated_at, $4)
         WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant_id)
    .bind(from)
    .bind(into)
    .bind(now)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
