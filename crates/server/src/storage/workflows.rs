//! Workflows (migration 0025): the desk's templates, one per ticket type, and their steps
//! (table `workflow_steps`); where each ticket stands and how it moved ([`moves`]).

pub mod moves;

use crate::storage::{Conn, Error};

/// A workflow as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WorkflowRow {
    pub id: i64,
    pub name: String,
    pub type_id: i64,
}

/// A step as stored, with its group's name: `required_fields` and `next_steps` are JSON lists of
/// keys.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StepRow {
    pub id: i64,
    pub workflow_id: i64,
    pub key: String,
    pub position: i64,
    pub name: String,
    pub group_id: i64,
    pub group_name: String,
    pub required_fields: String,
    pub sla_minutes: Option<i64>,
    pub next_steps: String,
}

/// What a step says, as written.
pub struct StepFields<'a> {
    pub key: &'a str,
    pub position: i64,
    pub name: &'a str,
    pub group_id: i64,
    pub required_fields: &'a str,
    pub sla_minutes: Option<i64>,
    pub next_steps: &'a str,
}

/// The desk's workflows by name, or workflow `id` alone.
pub async fn list(conn: &mut Conn, tenant_id: i64, id: Option<i64>) -> Result<Vec<WorkflowRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT id, name, type_id FROM workflows WHERE tenant_id = $1 AND ($2 IS NULL OR id = $2) ORDER BY name, id",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_all(c).await).map_err(Error::from)
}

/// The steps of the desk's workflows (of `workflow_id` alone, if given), in order.
pub async fn steps(conn: &mut Conn, tenant_id: i64, workflow_id: Option<i64>) -> Result<Vec<StepRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT s.id, s.workflow_id, s.key, s.position, s.name, s.group_id, g.name AS group_name,
                s.required_fields, s.sla_minutes, s.next_steps
         FROM workflow_steps s JOIN agent_groups g ON g.id = s.group_id AND g.tenant_id = s.tenant_id
         WHERE s.tenant_id = $1 AND ($2 IS NULL OR s.workflow_id = $2)
         ORDER BY s.workflow_id, s.position, s.id",
    )
    .bind(tenant_id)
    .bind(workflow_id)
    .fetch_all(c).await).map_err(Error::from)
}

/// The first step of ticket type `type_id`'s workflow, if it has one.
pub async fn first_step(conn: &mut Conn, tenant_id: i64, type_id: i64) -> Result<Option<StepRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT s.id, s.workflow_id, s.key, s.position, s.name, s.group_id, g.name AS group_name,
                s.required_fields, s.sla_minutes, s.next_steps
         FROM workflows w JOIN workflow_steps s ON s.workflow_id = w.id
         JOIN agent_groups g ON g.id = s.group_id AND g.tenant_id = s.tenant_id
         WHERE w.tenant_id = $1 AND w.type_id = $2
         ORDER BY s.position, s.id LIMIT 1",
    )
    .bind(tenant_id)
    .bind(type_id)
    .fetch_optional(c).await).map_err(Error::from)
}

/// A new workflow; its id. A type that has one is a unique violation.
pub async fn create(conn: &mut Conn, tenant_id: i64, name: &str, type_id: i64, now: &str) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO workflows (tenant_id, name, type_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(type_id)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// Renames workflow `id` and moves it to `type_id`; whether the desk has it.
pub async fn update(conn: &mut Conn, tenant_id: i64, id: i64, name: &str, type_id: i64) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query("UPDATE workflows SET name = $3, type_id = $4 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(name)
        .bind(type_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Deletes workflow `id` and its steps; its tickets leave it (their step becomes NULL, their
/// history stays). Whether the desk had it.
pub async fn delete(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    for step in steps(conn, tenant_id, Some(id)).await? {
        moves::clear_step(conn, tenant_id, step.id).await?;
    }
    let n = crate::on!(conn, |c| sqlx::query("DELETE FROM workflows WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Inserts a step of workflow `workflow_id`; its id.
pub async fn insert_step(conn: &mut Conn, tenant_id: i64, workflow_id: i64, s: &StepFields<'_>) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO workflow_steps (tenant_id, workflow_id, key, position, name, group_id, required_fields, sla_minutes, next_steps)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(tenant_id)
    .bind(workflow_id)
    .bind(s.key)
    .bind(s.position)
    .bind(s.name)
    .bind(s.group_id)
    .bind(s.required_fields)
    .bind(s.sla_minutes)
    .bind(s.next_steps)
    .fetch_one(c).await).map_err(Error::from)
}

/// Rewrites step `id` (its key stays).
pub async fn update_step(conn: &mut Conn, tenant_id: i64, id: i64, s: &StepFields<'_>) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "UPDATE workflow_steps SET position = $3, name = $4, group_id = $5, required_fields = $6, sla_minutes = $7, next_steps = $8
         WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant_id)
    .bind(id)
    .bind(s.position)
    .bind(s.name)
    .bind(s.group_id)
    .bind(s.required_fields)
    .bind(s.sla_minutes)
    .bind(s.next_steps)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Deletes step `id`; the tickets at it leave the workflow.
pub async fn delete_step(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<(), Error> {
    moves::clear_step(conn, tenant_id, id).await?;
    crate::on!(conn, |c| sqlx::query("DELETE FROM workflow_steps WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The active staff members of group `group_id` (who may handle a step of it), by name.
pub async fn handlers(conn: &mut Conn, tenant_id: i64, group_id: i64) -> Result<Vec<(i64, String)>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT u.id, u.name FROM agent_group_members m
         JOIN users u ON u.id = m.user_id AND u.tenant_id = m.tenant_id
         WHERE m.tenant_id = $1 AND m.group_id = $2 AND u.deactivated_at IS NULL AND u.role IN ('agent', 'admin', 'owner')
         ORDER BY u.name, u.id",
    )
    .bind(tenant_id)
    .bind(group_id)
    .fetch_all(c).await).map_err(Error::from)
}
