//! The desk's routing rules, first match first (table `routing_rules`).

use crate::storage::{Conn, Error};

/// A rule as stored: `conditions` is baton_core's `RoutingConditions` JSON.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RuleRow {
    pub id: i64,
    pub name: String,
    pub position: i64,
    pub conditions: String,
    pub group_id: i64,
    pub agent_id: Option<i64>,
}

/// What a rule says, as written.
pub struct RuleFields<'a> {
    pub name: &'a str,
    pub conditions: &'a str,
    pub group_id: i64,
    pub agent_id: Option<i64>,
}

/// The desk's rules, first match first.
pub async fn list(conn: &mut Conn, tenant_id: i64) -> Result<Vec<RuleRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT id, name, position, conditions, group_id, agent_id FROM routing_rules
         WHERE tenant_id = $1 ORDER BY position, id",
    )
    .bind(tenant_id)
    .fetch_all(c).await).map_err(Error::from)
}

/// A new rule, tried after the others; its id. A name the desk has is a unique violation.
pub async fn create(conn: &mut Conn, tenant_id: i64, rule: &RuleFields<'_>, now: &str) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO routing_rules (tenant_id, name, position, conditions, group_id, agent_id, created_at)
         VALUES ($1, $2, (SELECT CAST(COALESCE(MAX(position), 0) + 1 AS BIGINT) FROM routing_rules WHERE tenant_id = $1),
                 $3, $4, $5, $6)
         RETURNING id",
    )
    .bind(tenant_id)
    .bind(rule.name)
    .bind(rule.conditions)
    .bind(rule.group_id)
    .bind(rule.agent_id)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// Replaces rule `id` (its place stays); whether the desk has it.
pub async fn replace(conn: &mut Conn, tenant_id: i64, id: i64, rule: &RuleFields<'_>) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query(
        "UPDATE routing_rules SET name = $3, conditions = $4, group_id = $5, agent_id = $6 WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant_id)
    .bind(id)
    .bind(rule.name)
    .bind(rule.conditions)
    .bind(rule.group_id)
    .bind(rule.agent_id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn delete(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query("DELETE FROM routing_rules WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Puts rule `id` at `position`.
pub async fn set_position(conn: &mut Conn, tenant_id: i64, id: i64, position: i64) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE routing_rules SET position = $3 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(position)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
