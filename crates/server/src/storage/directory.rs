//! The tenant's people and groups as the workspace lists them: agent groups with their members,
//! staff, customer groups, and each user's stored workspace settings.

use crate::storage::{Db, Error};

/// (group id, member id, member name) of every agent-group membership of the tenant, by name.
pub async fn memberships(db: &Db, tenant_id: i64) -> Result<Vec<(i64, i64, String)>, Error> {
    crate::on!(db, |c| sqlx::query_as(
        "SELECT m.group_id, u.id, u.name FROM agent_group_members m
         JOIN users u ON u.id = m.user_id AND u.tenant_id = m.tenant_id
         WHERE m.tenant_id = $1 ORDER BY u.name, u.id",
    )
    .bind(tenant_id)
    .fetch_all(c).await)
    .map_err(Error::from)
}

/// (id, name, assignment mode code) of the tenant's agent groups, by name.
pub async fn agent_groups(db: &Db, tenant_id: i64) -> Result<Vec<(i64, String, String)>, Error> {
    crate::on!(db, |c| sqlx::query_as("SELECT id, name, assign_mode FROM agent_groups WHERE tenant_id = $1 ORDER BY name, id")
        .bind(tenant_id)
        .fetch_all(c).await)
        .map_err(Error::from)
}

/// (id, name, email, role code, custom role, available) of the tenant's staff, by name.
pub async fn staff(db: &Db, tenant_id: i64) -> Result<Vec<(i64, String, String, String, Option<i64>, bool)>, Error> {
    crate::on!(db, |c| sqlx::query_as(
        "SELECT id, name, email, role, role_id, available FROM users
         WHERE tenant_id = $1 AND role IN ('agent', 'admin', 'owner') AND deactivated_at IS NULL ORDER BY name, id",
    )
    .bind(tenant_id)
    .fetch_all(c).await)
    .map_err(Error::from)
}

/// (id, name, shares tickets) of the tenant's customer groups, by name.
pub async fn customer_groups(db: &Db, tenant_id: i64) -> Result<Vec<(i64, String, bool)>, Error> {
    crate::on!(db, |c| sqlx::query_as("SELECT id, name, shares_tickets FROM customer_groups WHERE tenant_id = $1 ORDER BY name, id")
        .bind(tenant_id)
        .fetch_all(c).await)
        .map_err(Error::from)
}

/// Whether customer group `id` is the tenant's.
pub async fn customer_group_exists(db: &Db, tenant_id: i64, id: i64) -> Result<bool, Error> {
    let n: i64 = crate::on!(db, |c| sqlx::query_scalar("SELECT COUNT(*) FROM customer_groups WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .fetch_one(c).await)?;
    Ok(n > 0)
}

/// The user's workspace settings as stored (JSON), if they saved any.
pub async fn settings(db: &Db, user_id: i64) -> Result<Option<String>, Error> {
    crate::on!(db, |c| sqlx::query_scalar("SELECT settings FROM user_settings WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(c).await)
        .map_err(Error::from)
}

/// Replaces the user's workspace settings (JSON).
pub async fn put_settings(db: &Db, user_id: i64, json: &str) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query(
        "INSERT INTO user_settings (user_id, settings) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET settings = excluded.settings",
    )
    .bind(user_id)
    .bind(json)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
