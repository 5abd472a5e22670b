//! Where a ticket stands in its workflow (`tickets.workflow_step_id`, `workflow_step_at`) and how
//! it got there (table `ticket_workflow_moves`).

use crate::storage::{Conn, Error};

/// The step ticket `ticket_id` is at and since when; `None` when it is in no workflow.
pub async fn current(conn: &mut Conn, tenant_id: i64, ticket_id: i64) -> Result<Option<(i64, String)>, Error> {
    let row: Option<(Option<i64>, Option<String>)> = crate::on!(conn, |c| sqlx::query_as(
        "SELECT workflow_step_id, workflow_step_at FROM tickets WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .fetch_optional(c).await)?;
    Ok(row.and_then(|(step, at)| step.zip(at)))
}

/// Puts ticket `ticket_id` at step `step_id` from `now`.
pub async fn set_step(conn: &mut Conn, tenant_id: i64, ticket_id: i64, step_id: i64, now: &str) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE tickets SET workflow_step_id = $3, workflow_step_at = $4 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(ticket_id)
        .bind(step_id)
        .bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Takes the tickets at step `step_id` out of their workflow.
pub async fn clear_step(conn: &mut Conn, tenant_id: i64, step_id: i64) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "UPDATE tickets SET workflow_step_id = NULL, workflow_step_at = NULL WHERE tenant_id = $1 AND workflow_step_id = $2",
    )
    .bind(tenant_id)
    .bind(step_id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// One move to record.
pub struct NewMove<'a> {
    pub tenant_id: i64,
    pub ticket_id: i64,
    pub kind: &'a str,
    pub from_step: Option<(i64, &'a str)>,
    pub to_step: (i64, &'a str),
    pub from_handler_id: Option<i64>,
    pub to_handler_id: Option<i64>,
    pub by_id: Option<i64>,
    pub reason: Option<&'a str>,
    pub now: &'a str,
}

pub async fn insert(conn: &mut Conn, m: &NewMove<'_>) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO ticket_workflow_moves (tenant_id, ticket_id, kind, from_step_id, from_step_name, to_step_id, to_step_name,
                                            from_handler_id, to_handler_id, by_id, reason, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(m.tenant_id)
    .bind(m.ticket_id)
    .bind(m.kind)
    .bind(m.from_step.map(|s| s.0))
    .bind(m.from_step.map(|s| s.1))
    .bind(m.to_step.0)
    .bind(m.to_step.1)
    .bind(m.from_handler_id)
    .bind(m.to_handler_id)
    .bind(m.by_id)
    .bind(m.reason)
    .bind(m.now)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A recorded move, with the names of the handler it went to and of who made it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MoveRow {
    pub kind: String,
    pub from_step_name: Option<String>,
    pub to_step_name: String,
    pub to_handler_id: Option<i64>,
    pub to_handler_name: Option<String>,
    pub by_id: Option<i64>,
    pub by_name: Option<String>,
    pub reason: Option<String>,
    pub created_at: String,
}

/// Ticket `ticket_id`'s moves, oldest first.
pub async fn list(conn: &mut Conn, tenant_id: i64, ticket_id: i64) -> Result<Vec<MoveRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT m.kind, m.from_step_name, m.to_step_name, m.to_handler_id, h.name AS to_handler_name,
                m.by_id, b.name AS by_name, m.reason, m.created_at
         FROM ticket_workflow_moves m
         LEFT JOIN users h ON h.id = m.to_handler_id
         LEFT JOIN users b ON b.id = m.by_id
         WHERE m.tenant_id = $1 AND m.ticket_id = $2 ORDER BY m.id",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .fetch_all(c).await).map_err(Error::from)
}

/// Where a return from step `step_id` goes: the step the latest pass into it came from (if that
/// step still exists), and the handler who passed it on (and their name).
pub async fn previous(conn: &mut Conn, tenant_id: i64, ticket_id: i64, step_id: i64) -> Result<Option<(i64, Option<i64>, Option<String>)>, Error> {
    let row: Option<(Option<i64>, Option<i64>, Option<String>)> = crate::on!(conn, |c| sqlx::query_as(
        "SELECT m.from_step_id, m.from_handler_id, h.name FROM ticket_workflow_moves m
         LEFT JOIN users h ON h.id = m.from_handler_id
         WHERE m.tenant_id = $1 AND m.ticket_id = $2 AND m.to_step_id = $3 AND m.kind = 'pass'
         ORDER BY m.id DESC LIMIT 1",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .bind(step_id)
    .fetch_optional(c).await)?;
    Ok(row.and_then(|(step, handler, name)| step.map(|s| (s, handler, name))))
}

/// Takes ticket `ticket_id` out of its workflow (retyped to a type without one, or another's);
/// its moves stay, as history.
pub async fn leave(conn: &mut Conn, tenant_id: i64, ticket_id: i64) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE tickets SET workflow_step_id = NULL, workflow_step_at = NULL WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(ticket_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
