//! Agent groups as admins change them (`/admin/groups`): name, mode, members and managers, and
//! what still routes to a group before it may go.

use crate::storage::{Conn, Error};

/// (id, name, mode code) of the desk's groups by name, or of group `id` alone.
pub async fn list(conn: &mut Conn, tenant_id: i64, id: Option<i64>) -> Result<Vec<(i64, String, String)>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT id, name, assign_mode FROM agent_groups WHERE tenant_id = $1 AND ($2 IS NULL OR id = $2) ORDER BY name, id",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_all(c).await).map_err(Error::from)
}

/// (group id, user id, name, manages) of every membership of the desk, by name.
pub async fn members(conn: &mut Conn, tenant_id: i64) -> Result<Vec<(i64, i64, String, bool)>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT m.group_id, u.id, u.name, m.is_manager FROM agent_group_members m
         JOIN users u ON u.id = m.user_id AND u.tenant_id = m.tenant_id
         WHERE m.tenant_id = $1 ORDER BY u.name, u.id",
    )
    .bind(tenant_id)
    .fetch_all(c).await).map_err(Error::from)
}

/// Renames group `id` and sets its mode; whether the desk has it. A taken name is a unique violation.
pub async fn update(conn: &mut Conn, tenant_id: i64, id: i64, name: &str, mode: &str) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query("UPDATE agent_groups SET name = $3, assign_mode = $4 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(name)
        .bind(mode)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Removes member `user_id` from group `id`.
pub async fn remove_member(conn: &mut Conn, tenant_id: i64, id: i64, user_id: i64) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("DELETE FROM agent_group_members WHERE tenant_id = $1 AND group_id = $2 AND user_id = $3")
        .bind(tenant_id)
        .bind(id)
        .bind(user_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whether user `id` is staff of the desk who has not been deactivated.
pub async fn active_staff(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM users WHERE tenant_id = $1 AND id = $2
                        AND role IN ('agent', 'admin', 'owner') AND deactivated_at IS NULL)",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_one(c).await).map_err(Error::from)
}

/// Whether a routing rule, a sub-type or a workflow step (0025) sends tickets to group `id`.
pub async fn in_use(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM routing_rules WHERE tenant_id = $1 AND group_id = $2)
             OR EXISTS (SELECT 1 FROM ticket_subtypes WHERE tenant_id = $1 AND group_id = $2)
             OR EXISTS (SELECT 1 FROM workflow_steps WHERE tenant_id = $1 AND group_id = $2)",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_one(c).await).map_err(Error::from)
}

/// Deletes group `id`; its tickets keep their assignee and lose the group. They are moved out by
/// an UPDATE of our own first: SQLite runs the ticket_buckets triggers for a foreign key's SET
/// NULL under the delete's conflict rule, which overrides their OR IGNORE (a second ticket
/// landing in an existing bucket would fail).
pub async fn delete(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE tickets SET assignee_group_id = NULL WHERE tenant_id = $1 AND assignee_group_id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    let n = crate::on!(conn, |c| sqlx::query("DELETE FROM agent_groups WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
