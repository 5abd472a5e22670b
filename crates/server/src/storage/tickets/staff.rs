//! The staff-only side of a ticket: CC, tags, per-agent stars, assignment and group (which
//! routing sets too: `storage::routing` picks them), the trash and suspended flags.

use baton_core::UserRef;
use crate::storage::{Conn, Error, Sql};

/// The users CC'd on a ticket, by name.
pub async fn cc(conn: &mut Conn, tenant_id: i64, ticket_id: i64) -> Result<Vec<UserRef>, Error> {
    let rows: Vec<(i64, String)> = crate::on!(conn, |c| sqlx::query_as(
        "SELECT u.id, u.name FROM ticket_cc c JOIN users u ON u.id = c.user_id
         WHERE c.tenant_id = $1 AND c.ticket_id = $2 ORDER BY u.name, u.id",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .fetch_all(c).await)?;
    Ok(rows.into_iter().map(|(id, name)| UserRef { id, name }).collect())
}

pub async fn tags(conn: &mut Conn, tenant_id: i64, ticket_id: i64) -> Result<Vec<String>, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT tag FROM ticket_tags WHERE tenant_id = $1 AND ticket_id = $2 ORDER BY tag")
        .bind(tenant_id)
        .bind(ticket_id)
        .fetch_all(c).await).map_err(Error::from)
}

pub async fn starred(conn: &mut Conn, user_id: i64, ticket_id: i64) -> Result<bool, Error> {
    let n: i64 = crate::on!(conn, |c| sqlx::query_scalar("SELECT COUNT(*) FROM ticket_stars WHERE user_id = $1 AND ticket_id = $2")
        .bind(user_id)
        .bind(ticket_id)
        .fetch_one(c).await)?;
    Ok(n > 0)
}

pub async fn set_star(
    conn: &mut Conn,
    tenant_id: i64,
    user_id: i64,
    ticket_id: i64,
    on: bool,
    now: &str,
) -> Result<(), Error> {
    if on {
        crate::on!(conn, |c| sqlx::query(
            "INSERT INTO ticket_stars (tenant_id, user_id, ticket_id, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
        )
        .bind(tenant_id)
        .bind(user_id)
        .bind(ticket_id)
        .bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    } else {
        crate::on!(conn, |c| sqlx::query("DELETE FROM ticket_stars WHERE tenant_id = $1 AND user_id = $2 AND ticket_id = $3")
            .bind(tenant_id)
            .bind(user_id)
            .bind(ticket_id)
            .execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

pub async fn replace_cc(conn: &mut Conn, tenant_id: i64, ticket_id: i64, users: &[i64]) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("DELETE FROM ticket_cc WHERE tenant_id = $1 AND ticket_id = $2")
        .bind(tenant_id)
        .bind(ticket_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    for user in users {
        crate::on!(conn, |c| sqlx::query("INSERT INTO ticket_cc (tenant_id, ticket_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
            .bind(tenant_id)
            .bind(ticket_id)
            .bind(user)
            .execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

pub async fn replace_tags(conn: &mut Conn, tenant_id: i64, ticket_id: i64, tags: &[String]) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("DELETE FROM ticket_tags WHERE tenant_id = $1 AND ticket_id = $2")
        .bind(tenant_id)
        .bind(ticket_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    for tag in tags {
        crate::on!(conn, |c| sqlx::query("INSERT INTO ticket_tags (tenant_id, ticket_id, tag) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
            .bind(tenant_id)
            .bind(ticket_id)
            .bind(tag)
            .execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// One plain column of the ticket row that a property edit may set. A closed set, so the column
/// name put into the SQL text never comes from a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Priority,
    TypeId,
    SubtypeId,
    GroupId,
    AssigneeId,
    TrashedAt,
    SuspendedAt,
}

impl Column {
    fn sql(self) -> &'static str {
        match self {
            Column::Priority => "priority",
            Column::TypeId => "type_id",
            Column::SubtypeId => "subtype_id",
            Column::GroupId => "assignee_group_id",
            Column::AssigneeId => "assignee_id",
            Column::TrashedAt => "trashed_at",
            Column::SuspendedAt => "suspended_at",
        }
    }
}

/// A value for a [`Column`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Id(Option<i64>),
    Text(Option<String>),
}

pub async fn set(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
    column: Column,
    value: &Value,
) -> Result<(), Error> {
    let mut q = Sql::new(format!("UPDATE tickets SET {} = ", column.sql()));
    match value {
        Value::Id(v) => q.push_bind(*v),
        Value::Text(v) => q.push_bind(v.clone()),
    };
    q.push(" WHERE tenant_id = ").push_bind(tenant_id).push(" AND id = ").push_bind(ticket_id);
    q.execute(conn).await?;
    Ok(())
}

/// Whether `user_id` is active staff (agent, admin, owner, not deactivated) of the tenant, and their name.
pub async fn staff_name(conn: &mut Conn, tenant_id: i64, user_id: i64) -> Result<Option<String>, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT name FROM users WHERE tenant_id = $1 AND id = $2 AND role IN ('agent', 'admin', 'owner') AND deactivated_at IS NULL",
    )
        .bind(tenant_id)
        .bind(user_id)
        .fetch_optional(c).await).map_err(Error::from)
}

/// The name of agent group `group_id` of the tenant.
pub async fn group_name(conn: &mut Conn, tenant_id: i64, group_id: i64) -> Result<Option<String>, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT name FROM agent_groups WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(group_id)
        .fetch_optional(c).await).map_err(Error::from)
}
