//! Each ticket's SLA columns (migration 0022) and what the SLA reads of a ticket's history.

use crate::storage::{Conn, Db, Error};

/// A ticket's SLA as last computed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SlaState {
    pub policy_id: Option<i64>,
    pub policy_name: Option<String>,
    pub due_at: Option<String>,
    pub breached: bool,
    pub warned_at: Option<String>,
    pub timers: Option<String>,
}

pub async fn state(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<Option<SlaState>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT t.sla_policy_id AS policy_id, p.name AS policy_name, t.sla_due_at AS due_at, t.sla_breached AS breached,
                t.sla_warned_at AS warned_at, t.sla_timers AS timers
         FROM tickets t LEFT JOIN sla_policies p ON p.id = t.sla_policy_id
         WHERE t.tenant_id = $1 AND t.id = $2",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_optional(c).await).map_err(Error::from)
}

/// What is stored of a ticket's SLA after a change.
pub struct NewState<'a> {
    pub policy_id: Option<i64>,
    pub due_at: Option<&'a str>,
    pub breached: bool,
    pub timers: Option<&'a str>,
    /// The first-reply and resolution outcomes for reports: `met`, `breached` or none yet.
    pub first_reply: Option<&'static str>,
    pub resolution: Option<&'static str>,
}

/// Stores ticket `id`'s SLA. The warning mark is kept only while the due time stays the same.
pub async fn set_state(conn: &mut Conn, tenant_id: i64, id: i64, new: &NewState<'_>) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "UPDATE tickets SET sla_policy_id = $3, sla_due_at = $4, sla_breached = $5, sla_timers = $6,
                sla_warned_at = CASE WHEN sla_due_at = $4 THEN sla_warned_at ELSE NULL END,
                sla_first_reply = $7, sla_resolution = $8
         WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant_id)
    .bind(id)
    .bind(new.policy_id)
    .bind(new.due_at)
    .bind(new.breached)
    .bind(new.timers)
    .bind(new.first_reply)
    .bind(new.resolution)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Clears ticket `id`'s SLA (no policy applies), writing only if it had one: most desks have no
/// policy, and their tickets' writes should not pay for an update. Whether it had one.
pub async fn clear_state(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    let changed = crate::on!(conn, |c| sqlx::query(
        "UPDATE tickets SET sla_policy_id = NULL, sla_due_at = NULL, sla_breached = FALSE, sla_timers = NULL, sla_warned_at = NULL,
                sla_first_reply = NULL, sla_resolution = NULL
         WHERE tenant_id = $1 AND id = $2 AND (sla_policy_id IS NOT NULL OR sla_timers IS NOT NULL)",
    )
    .bind(tenant_id)
    .bind(id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(changed > 0)
}

// Session 10: the watch handles each passing due time once, breached before or not.
/// Marks ticket `id`'s current due time as handled by the watch.
pub async fn set_due_seen(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE tickets SET sla_due_seen = sla_due_at WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Marks the warning given for ticket `id`'s current due time.
pub async fn set_warned(conn: &mut Conn, tenant_id: i64, id: i64, now: &str) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE tickets SET sla_warned_at = $3 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Up to `limit` tickets whose due time has passed (`now`) without the watch having handled it
/// (`sla_due_seen`, session 10: also on a ticket breached before), or
/// comes before `cutoff` without a warning given yet, as (tenant, id, due), soonest first.
pub async fn coming_due(db: &Db, now: &str, cutoff: &str, limit: i64) -> Result<Vec<(i64, i64, String)>, Error> {
    crate::on!(db, |c| sqlx::query_as(
        "SELECT tenant_id, id, sla_due_at FROM tickets
         WHERE sla_due_at <= $2 AND trashed_at IS NULL AND suspended_at IS NULL
           AND ((sla_due_at <= $1 AND (sla_due_seen IS NULL OR sla_due_seen <> sla_due_at))
                OR (sla_due_at > $1 AND sla_warned_at IS NULL))
         ORDER BY sla_due_at LIMIT $3",
    )
    .bind(now)
    .bind(cutoff)
    .bind(limit)
    .fetch_all(c).await).map_err(Error::from)
}

/// One entry of a ticket's thread as the SLA reads it: when, its kind, the author's role (none
/// for the system), and the status change it records.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HistoryRow {
    pub created_at: String,
    pub kind: String,
    pub author_role: Option<String>,
    pub status_from: Option<String>,
    pub status_to: Option<String>,
}

pub async fn history(conn: &mut Conn, tenant_id: i64, ticket_id: i64) -> Result<Vec<HistoryRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT m.created_at, m.kind, u.role AS author_role, m.status_from, m.status_to
         FROM messages m LEFT JOIN users u ON u.id = m.author_id
         WHERE m.tenant_id = $1 AND m.ticket_id = $2 AND (m.kind = 'public' OR m.status_to IS NOT NULL)
         ORDER BY m.id",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .fetch_all(c).await).map_err(Error::from)
}
