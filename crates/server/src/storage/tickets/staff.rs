//! The staff-only side of a ticket: CC, tags, per-agent stars, assignment and group, the trash
//! and suspended flags, and the routing of new tickets to a group and its least-loaded member.

use baton_core::UserRef;
use crate::storage::{Conn, Error};

/// The users CC'd on a ticket, by name.
pub async fn cc(conn: &mut Conn, tenant_id: i64, ticket_id: i64) -> Result<Vec<UserRef>, Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT u.id, u.name FROM ticket_cc c JOIN users u ON u.id = c.user_id
         WHERE c.tenant_id = ? AND c.ticket_id = ? ORDER BY u.name, u.id",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .fetch_all(conn.raw())
    .await?;
    Ok(rows.into_iter().map(|(id, name)| UserRef { id, name }).collect())
}

pub async fn tags(conn: &mut Conn, tenant_id: i64, ticket_id: i64) -> Result<Vec<String>, Error> {
    sqlx::query_scalar("SELECT tag FROM ticket_tags WHERE tenant_id = ? AND ticket_id = ? ORDER BY tag")
        .bind(tenant_id)
        .bind(ticket_id)
        .fetch_all(conn.raw())
        .await.map_err(Error::from)
}

pub async fn starred(conn: &mut Conn, user_id: i64, ticket_id: i64) -> Result<bool, Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ticket_stars WHERE user_id = ? AND ticket_id = ?")
        .bind(user_id)
        .bind(ticket_id)
        .fetch_one(conn.raw())
        .await?;
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
    let q = if on {
        sqlx::query(
            "INSERT OR IGNORE INTO ticket_stars (tenant_id, user_id, ticket_id, created_at) VALUES (?, ?, ?, ?)",
        )
        .bind(tenant_id)
        .bind(user_id)
        .bind(ticket_id)
        .bind(now)
    } else {
        sqlx::query("DELETE FROM ticket_stars WHERE tenant_id = ? AND user_id = ? AND ticket_id = ?")
            .bind(tenant_id)
            .bind(user_id)
            .bind(ticket_id)
    };
    q.execute(conn.raw()).await?;
    Ok(())
}

pub async fn replace_cc(conn: &mut Conn, tenant_id: i64, ticket_id: i64, users: &[i64]) -> Result<(), Error> {
    sqlx::query("DELETE FROM ticket_cc WHERE tenant_id = ? AND ticket_id = ?")
        .bind(tenant_id)
        .bind(ticket_id)
        .execute(conn.raw())
        .await?;
    for user in users {
        sqlx::query("INSERT OR IGNORE INTO ticket_cc (tenant_id, ticket_id, user_id) VALUES (?, ?, ?)")
            .bind(tenant_id)
            .bind(ticket_id)
            .bind(user)
            .execute(conn.raw())
            .await?;
    }
    Ok(())
}

pub async fn replace_tags(conn: &mut Conn, tenant_id: i64, ticket_id: i64, tags: &[String]) -> Result<(), Error> {
    sqlx::query("DELETE FROM ticket_tags WHERE tenant_id = ? AND ticket_id = ?")
        .bind(tenant_id)
        .bind(ticket_id)
        .execute(conn.raw())
        .await?;
    for tag in tags {
        sqlx::query("INSERT OR IGNORE INTO ticket_tags (tenant_id, ticket_id, tag) VALUES (?, ?, ?)")
            .bind(tenant_id)
            .bind(ticket_id)
            .bind(tag)
            .execute(conn.raw())
            .await?;
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
    let sql = format!("UPDATE tickets SET {} = ? WHERE tenant_id = ? AND id = ?", column.sql());
    let q = sqlx::query(&sql);
    let q = match value {
        Value::Id(v) => q.bind(*v),
        Value::Text(v) => q.bind(v.clone()),
    };
    q.bind(tenant_id).bind(ticket_id).execute(conn.raw()).await?;
    Ok(())
}

/// Whether `user_id` is staff (agent, admin, owner) of the tenant, and their name.
pub async fn staff_name(conn: &mut Conn, tenant_id: i64, user_id: i64) -> Result<Option<String>, Error> {
    sqlx::query_scalar("SELECT name FROM users WHERE tenant_id = ? AND id = ? AND role IN ('agent', 'admin', 'owner')")
        .bind(tenant_id)
        .bind(user_id)
        .fetch_optional(conn.raw())
        .await.map_err(Error::from)
}

/// The name of agent group `group_id` of the tenant.
pub async fn group_name(conn: &mut Conn, tenant_id: i64, group_id: i64) -> Result<Option<String>, Error> {
    sqlx::query_scalar("SELECT name FROM agent_groups WHERE tenant_id = ? AND id = ?")
        .bind(tenant_id)
        .bind(group_id)
        .fetch_optional(conn.raw())
        .await.map_err(Error::from)
}

/// Where a new ticket of `subtype_id` goes: the sub-type's group and, when that group assigns
/// automatically, its member with the fewest new/open/pending tickets (ties: the lowest id).
pub async fn route(
    conn: &mut Conn,
    tenant_id: i64,
    subtype_id: i64,
) -> Result<Option<(i64, Option<i64>)>, Error> {
    let group: Option<(i64, bool)> = sqlx::query_as(
        "SELECT g.id, g.auto_assign FROM ticket_subtypes s JOIN agent_groups g ON g.id = s.group_id
         WHERE s.tenant_id = ? AND s.id = ?",
    )
    .bind(tenant_id)
    .bind(subtype_id)
    .fetch_optional(conn.raw())
    .await?;
    let Some((group_id, auto_assign)) = group else {
        return Ok(None);
    };
    if !auto_assign {
        return Ok(Some((group_id, None)));
    }
    let assignee: Option<i64> = sqlx::query_scalar(
        "SELECT m.user_id FROM agent_group_members m
         WHERE m.tenant_id = ? AND m.group_id = ?
         ORDER BY (SELECT COUNT(*) FROM tickets t WHERE t.tenant_id = m.tenant_id
                   AND t.assignee_id = m.user_id AND t.status IN ('new', 'open', 'pending')), m.user_id
         LIMIT 1",
    )
    .bind(tenant_id)
    .bind(group_id)
    .fetch_optional(conn.raw())
    .await?;
    Ok(Some((group_id, assignee)))
}
