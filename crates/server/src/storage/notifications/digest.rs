//! What the hourly digest reads and clears: notifications waiting for their recipient's digest.

use super::InboxRow;
use crate::storage::{Conn, Db, Error};

/// Up to `limit` (tenant, user) whose oldest waiting notification is from `cutoff` or before.
pub async fn due(db: &Db, cutoff: &str, limit: i64) -> Result<Vec<(i64, i64)>, Error> {
    crate::on!(db, |c| sqlx::query_as(
        "SELECT tenant_id, user_id FROM notifications WHERE digest_pending
         GROUP BY tenant_id, user_id HAVING MIN(created_at) <= $1 ORDER BY MIN(created_at) LIMIT $2",
    )
    .bind(cutoff)
    .bind(limit)
    .fetch_all(c).await).map_err(Error::from)
}

/// The notifications waiting for `user_id`'s digest, oldest first (at most `limit`).
pub async fn pending(conn: &mut Conn, tenant_id: i64, user_id: i64, limit: i64) -> Result<Vec<InboxRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT n.id, n.kind, n.ticket_id, t.number AS ticket_number, t.title AS ticket_title,
                n.actor_id, a.name AS actor_name, n.created_at, n.read_at
         FROM notifications n JOIN tickets t ON t.id = n.ticket_id AND t.tenant_id = n.tenant_id
         LEFT JOIN users a ON a.id = n.actor_id AND a.tenant_id = n.tenant_id
         WHERE n.tenant_id = $1 AND n.user_id = $2 AND n.digest_pending ORDER BY n.id LIMIT $3",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(limit)
    .fetch_all(c).await).map_err(Error::from)
}

/// Takes `user_id`'s waiting notifications up to id `last` out of the digest, and notes when it
/// went out.
pub async fn clear(conn: &mut Conn, tenant_id: i64, user_id: i64, last: i64, now: &str) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "UPDATE notifications SET digest_pending = FALSE WHERE tenant_id = $1 AND user_id = $2 AND digest_pending AND id <= $3",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(last)
    .execute(c).await.map(|r| r.rows_affected()))?;
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO notification_settings (tenant_id, user_id, digest_sent_at) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, user_id) DO UPDATE SET digest_sent_at = excluded.digest_sent_at",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(now)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
