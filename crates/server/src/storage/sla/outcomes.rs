//! Each ticket's SLA targets that came due (migration 0031, `sla_outcomes`), kept by
//! `sla::apply::refresh` with the ticket's timers; reports read them (storage::reports::sla).

use crate::storage::{Conn, Error, Sql};

/// One target that came due.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// `first_reply`, `next_reply` or `resolution`.
    pub target: &'static str,
    pub started_at: String,
    pub due_at: String,
    pub stopped_at: Option<String>,
    /// `met` or `breached`.
    pub outcome: &'static str,
}

/// Replaces ticket `ticket_id`'s outcomes with `outcomes` (set by `policy_id`), keeping the
/// next-reply outcomes of earlier cycles, those begun before `cycle` (the current next-reply
/// cycle's start; `None`: no next-reply target applies now, and none is kept).
pub async fn replace(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
    policy_id: i64,
    cycle: Option<&str>,
    outcomes: &[Outcome],
) -> Result<(), Error> {
    // Rows that stay are updated in place (their ids, the breach list's order, do not churn).
    let mut q = Sql::new("DELETE FROM sla_outcomes WHERE tenant_id = ");
    q.push_bind(tenant_id).push(" AND ticket_id = ").push_bind(ticket_id);
    q.push(" AND (target <> 'next_reply'");
    match cycle {
        Some(cycle) => q.push(" OR started_at >= ").push_bind(cycle.to_owned()).push(")"),
        None => q.push(" OR TRUE)"),
    };
    for o in outcomes {
        q.push(" AND NOT (target = ").push_bind(o.target).push(" AND started_at = ").push_bind(o.started_at.clone()).push(")");
    }
    q.execute(conn).await?;
    for o in outcomes {
        crate::on!(conn, |c| sqlx::query(
            "INSERT INTO sla_outcomes (tenant_id, ticket_id, target, started_at, policy_id, due_at, stopped_at, outcome)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (ticket_id, target, started_at) DO UPDATE SET policy_id = $5, due_at = $6, stopped_at = $7, outcome = $8",
        )
        .bind(tenant_id)
        .bind(ticket_id)
        .bind(o.target)
        .bind(&o.started_at)
        .bind(policy_id)
        .bind(&o.due_at)
        .bind(&o.stopped_at)
        .bind(o.outcome)
        .execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// Removes ticket `ticket_id`'s outcomes (no policy applies to it any more).
pub async fn clear(conn: &mut Conn, tenant_id: i64, ticket_id: i64) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("DELETE FROM sla_outcomes WHERE tenant_id = $1 AND ticket_id = $2")
        .bind(tenant_id)
        .bind(ticket_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
