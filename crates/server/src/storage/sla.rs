//! SLA calendars and policies (migration 0022), and each ticket's SLA columns.

// Session 10 (reports): the targets that came due.
pub mod outcomes;
pub mod tickets;

use crate::storage::{Conn, Db, Error};

/// A calendar as stored: its definition is `CalendarSpec` JSON less the name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CalendarRow {
    pub id: i64,
    pub name: String,
    pub definition: String,
}

/// A policy as stored: its definition is `PolicySpec` JSON less name and calendar.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PolicyRow {
    pub id: i64,
    pub name: String,
    pub position: i64,
    pub calendar_id: Option<i64>,
    pub definition: String,
}

pub async fn calendars(conn: &mut Conn, tenant_id: i64) -> Result<Vec<CalendarRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as("SELECT id, name, definition FROM sla_calendars WHERE tenant_id = $1 ORDER BY name, id")
        .bind(tenant_id)
        .fetch_all(c).await).map_err(Error::from)
}

pub async fn calendar(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<Option<CalendarRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as("SELECT id, name, definition FROM sla_calendars WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(c).await).map_err(Error::from)
}

/// A new calendar's id; a name the desk already has is a unique violation.
pub async fn create_calendar(conn: &mut Conn, tenant_id: i64, name: &str, definition: &str, now: &str) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO sla_calendars (tenant_id, name, definition, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(definition)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// Replaces calendar `id`; whether it exists in the desk.
pub async fn replace_calendar(conn: &mut Conn, tenant_id: i64, id: i64, name: &str, definition: &str) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query("UPDATE sla_calendars SET name = $3, definition = $4 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(name)
        .bind(definition)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Whether a policy counts in calendar `id`.
pub async fn calendar_in_use(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM sla_policies WHERE tenant_id = $1 AND calendar_id = $2)")
        .bind(tenant_id)
        .bind(id)
        .fetch_one(c).await).map_err(Error::from)
}

pub async fn delete_calendar(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query("DELETE FROM sla_calendars WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The desk's policies, first match first.
pub async fn policies(conn: &mut Conn, tenant_id: i64) -> Result<Vec<PolicyRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT id, name, position, calendar_id, definition FROM sla_policies WHERE tenant_id = $1 ORDER BY position, id",
    )
    .bind(tenant_id)
    .fetch_all(c).await).map_err(Error::from)
}

/// A new policy, tried after the existing ones; its id. A name the desk already has is a unique
/// violation.
pub async fn create_policy(
    conn: &mut Conn,
    tenant_id: i64,
    name: &str,
    calendar_id: Option<i64>,
    definition: &str,
    now: &str,
) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO sla_policies (tenant_id, name, position, calendar_id, definition, created_at)
         VALUES ($1, $2, (SELECT CAST(COALESCE(MAX(position), 0) + 1 AS BIGINT) FROM sla_policies WHERE tenant_id = $1), $3, $4, $5)
         RETURNING id",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(calendar_id)
    .bind(definition)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// Replaces policy `id` (its place stays); whether it exists in the desk.
pub async fn replace_policy(
    conn: &mut Conn,
    tenant_id: i64,
    id: i64,
    name: &str,
    calendar_id: Option<i64>,
    definition: &str,
) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query(
        "UPDATE sla_policies SET name = $3, calendar_id = $4, definition = $5 WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant_id)
    .bind(id)
    .bind(name)
    .bind(calendar_id)
    .bind(definition)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn delete_policy(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query("DELETE FROM sla_policies WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Puts policy `id` at `position`.
pub async fn set_position(conn: &mut Conn, tenant_id: i64, id: i64, position: i64) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE sla_policies SET position = $3 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(position)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// What a policy's conditions name.
#[derive(Debug, Clone, Copy)]
pub enum Named {
    Customers,
    CustomerGroups,
    Types,
    Subtypes,
}

/// Whether each of `ids` is a `what` of the desk.
pub async fn all_in_desk(db: &Db, tenant_id: i64, what: Named, ids: &[i64]) -> Result<bool, Error> {
    let sql = match what {
        Named::Customers => "SELECT EXISTS (SELECT 1 FROM users WHERE tenant_id = $1 AND id = $2 AND role = 'customer')",
        Named::CustomerGroups => "SELECT EXISTS (SELECT 1 FROM customer_groups WHERE tenant_id = $1 AND id = $2)",
        Named::Types => "SELECT EXISTS (SELECT 1 FROM ticket_types WHERE tenant_id = $1 AND id = $2)",
        Named::Subtypes => "SELECT EXISTS (SELECT 1 FROM ticket_subtypes WHERE tenant_id = $1 AND id = $2)",
    };
    for id in ids {
        let found: bool = crate::on!(db, |c| sqlx::query_scalar(sql).bind(tenant_id).bind(*id).fetch_one(c).await)?;
        if !found {
            return Ok(false);
        }
    }
    Ok(true)
}
