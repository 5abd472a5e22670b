//! Agent groups (客服组) and their members.

use super::Db;
use baton_core::GroupRef;
use crate::storage::{Conn, Error};

pub async fn create(
    conn: &mut Conn,
    tenant_id: i64,
    name: &str,
    auto_assign: bool,
    now: &str,
) -> Result<i64, Error> {
    sqlx::query_scalar(
        "INSERT INTO agent_groups (tenant_id, name, auto_assign, created_at) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(auto_assign)
    .bind(now)
    .fetch_one(conn.raw())
    .await.map_err(Error::from)
}

pub async fn add_member(
    conn: &mut Conn,
    tenant_id: i64,
    group_id: i64,
    user_id: i64,
) -> Result<(), Error> {
    sqlx::query("INSERT OR IGNORE INTO agent_group_members (tenant_id, group_id, user_id) VALUES (?, ?, ?)")
        .bind(tenant_id)
        .bind(group_id)
        .bind(user_id)
        .execute(conn.raw())
        .await?;
    Ok(())
}

/// The agent groups `user_id` belongs to, by name.
pub async fn of_user(db: &Db, tenant_id: i64, user_id: i64) -> Result<Vec<GroupRef>, Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT g.id, g.name FROM agent_groups g
         JOIN agent_group_members m ON m.group_id = g.id
         WHERE g.tenant_id = ? AND m.user_id = ? ORDER BY g.name",
    )
    .bind(tenant_id)
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(id, name)| GroupRef { id, name }).collect())
}
