//! Agent groups (客服组) and their members; how admins change them is in [`admin`].

pub mod admin;

use super::Db;
use baton_core::GroupMembership;
use crate::storage::{Conn, Error};

pub async fn create(
    conn: &mut Conn,
    tenant_id: i64,
    name: &str,
    mode: &str,
    now: &str,
) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO agent_groups (tenant_id, name, assign_mode, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(mode)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

pub async fn add_member(
    conn: &mut Conn,
    tenant_id: i64,
    group_id: i64,
    user_id: i64,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("INSERT INTO agent_group_members (tenant_id, group_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(tenant_id)
        .bind(group_id)
        .bind(user_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Makes member `user_id` of group `group_id` its manager (组长), or not; whether they are a member.
pub async fn set_manager(conn: &mut Conn, tenant_id: i64, group_id: i64, user_id: i64, manager: bool) -> Result<bool, Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE agent_group_members SET is_manager = $4 WHERE tenant_id = $1 AND group_id = $2 AND user_id = $3")
        .bind(tenant_id)
        .bind(group_id)
        .bind(user_id)
        .bind(manager)
        .execute(c).await.map(|r| r.rows_affected() > 0))
        .map_err(Error::from)
}

/// The agent groups `user_id` belongs to, by name, and whether they manage each.
pub async fn of_user(db: &Db, tenant_id: i64, user_id: i64) -> Result<Vec<GroupMembership>, Error> {
    let rows: Vec<(i64, String, bool)> = crate::on!(db, |c| sqlx::query_as(
        "SELECT g.id, g.name, m.is_manager FROM agent_groups g
         JOIN agent_group_members m ON m.group_id = g.id
         WHERE g.tenant_id = $1 AND m.user_id = $2 ORDER BY g.name",
    )
    .bind(tenant_id)
    .bind(user_id)
    .fetch_all(c).await)?;
    Ok(rows.into_iter().map(|(id, name, is_manager)| GroupMembership { id, name, is_manager }).collect())
}
