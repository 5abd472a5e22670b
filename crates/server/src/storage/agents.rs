//! Staff accounts as the admin console manages them (`/admin/agents`): where each stands
//! (invited, active, deactivated), their agent groups, and the tickets a deactivation hands back.

use crate::storage::{Conn, Error, Sql};

/// A staff user with what the admin list shows besides their groups.
#[derive(Debug, sqlx::FromRow)]
pub struct AgentRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub role_id: Option<i64>,
    /// 1 while they have not set a password (`accounts::NO_PASSWORD`).
    pub invited: i64,
    pub deactivated_at: Option<String>,
    pub invited_at: Option<String>,
    pub last_seen_at: Option<String>,
    pub available: bool,
}

/// The tenant's staff by name (only `id` when given); `no_password` is the hash of an account
/// without a password.
pub async fn list(conn: &mut Conn, tenant_id: i64, id: Option<i64>, no_password: &str) -> Result<Vec<AgentRow>, Error> {
    let mut sql = Sql::new("SELECT u.id, u.name, u.email, u.role, u.role_id, CAST(CASE WHEN u.password_hash = ");
    sql.push_bind(no_password);
    sql.push(
        " THEN 1 ELSE 0 END AS BIGINT) AS invited, u.deactivated_at, u.invited_at,
         (SELECT MAX(COALESCE(s.last_seen_at, s.created_at)) FROM sessions s WHERE s.user_id = u.id) AS last_seen_at, u.available
         FROM users u WHERE u.role IN ('agent', 'admin', 'owner') AND u.tenant_id = ",
    );
    sql.push_bind(tenant_id);
    if let Some(id) = id {
        sql.push(" AND u.id = ").push_bind(id);
    }
    sql.push(" ORDER BY u.name, u.id");
    sql.fetch_all(conn).await
}

/// Whether user `id` of the tenant (any role) has this email: for a 409 on invitation.
pub async fn email_taken(conn: &mut Conn, tenant_id: i64, email: &str) -> Result<bool, Error> {
    let n: i64 = crate::on!(conn, |c| sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE tenant_id = $1 AND email = $2")
        .bind(tenant_id)
        .bind(email)
        .fetch_one(c).await)?;
    Ok(n > 0)
}

/// How many of `ids` are agent groups of the tenant.
pub async fn groups_found(conn: &mut Conn, tenant_id: i64, ids: &[i64]) -> Result<usize, Error> {
    if ids.is_empty() {
        return Ok(0);
    }
    let mut sql = Sql::new("SELECT COUNT(*) FROM agent_groups WHERE tenant_id = ");
    sql.push_bind(tenant_id).push(" AND id IN (");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        sql.push_bind(*id);
    }
    sql.push(")");
    let n: i64 = sql.fetch_scalar(conn).await?;
    Ok(usize::try_from(n).unwrap_or_default())
}

/// Makes `groups` the agent groups of user `id` (keeping manager flags of the groups kept).
pub async fn set_groups(conn: &mut Conn, tenant_id: i64, id: i64, groups: &[i64]) -> Result<(), Error> {
    let mut sql = Sql::new("DELETE FROM agent_group_members WHERE tenant_id = ");
    sql.push_bind(tenant_id).push(" AND user_id = ").push_bind(id);
    for group in groups {
        sql.push(" AND group_id <> ").push_bind(*group);
    }
    sql.execute(conn).await?;
    for group in groups {
        super::groups::add_member(conn, tenant_id, *group, id).await?;
    }
    Ok(())
}

/// Records that an invitation went to user `id` at `now`.
pub async fn set_invited_at(conn: &mut Conn, tenant_id: i64, id: i64, now: &str) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE users SET invited_at = $3 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Renames user `id`.
pub async fn set_name(conn: &mut Conn, tenant_id: i64, id: i64, name: &str) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE users SET name = $3 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(name)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Deactivates user `id` at `at`, or reactivates them (`None`).
pub async fn set_deactivated(conn: &mut Conn, tenant_id: i64, id: i64, at: Option<&str>) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE users SET deactivated_at = $3 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(at)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The ids of the new, open and pending tickets assigned to user `id`.
pub async fn assigned_open(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<Vec<i64>, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT id FROM tickets WHERE tenant_id = $1 AND assignee_id = $2 AND status IN ('new', 'open', 'pending') ORDER BY id",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_all(c).await).map_err(Error::from)
}
