//! Custom roles (migration 0012) and the staff's roles: which role each staff user holds, who
//! holds a role, and the changes the roles admin API makes.
//!
//! A role's permissions are stored as one JSON array of codes (see the migration for why); this
//! module alone reads and writes that form ([`encode`], [`decode`]).

use crate::storage::{Conn, Dialect, Error};
use baton_core::{Permissions, Role};

/// The stored form of `set`: a JSON array of its codes, in the fixed order.
pub fn encode(set: Permissions) -> String {
    // A list of strings always serializes; the fallback keeps this total all the same.
    serde_json::to_string(&set.codes()).unwrap_or_else(|_| "[]".to_owned())
}

/// The set stored as `json`. Codes this build does not know are dropped, and anything but an
/// array of strings reads as no permission at all: what cannot be read grants nothing.
pub fn decode(json: &str) -> Permissions {
    match serde_json::from_str::<Vec<String>>(json) {
        Ok(codes) => Permissions::from_codes(codes.iter().map(String::as_str)),
        Err(_) => Permissions::NONE,
    }
}

/// A custom role with how many users hold it.
#[derive(Debug, sqlx::FromRow)]
pub struct RoleRow {
    pub id: i64,
    pub name: String,
    pub permissions: String,
    pub members: i64,
}

const SELECT: &str = "SELECT r.id, r.name, r.permissions,
        (SELECT COUNT(*) FROM users u WHERE u.tenant_id = r.tenant_id AND u.role_id = r.id) AS members
     FROM roles r WHERE r.tenant_id = $1";

/// The tenant's custom roles, by name.
pub async fn list(conn: &mut Conn, tenant_id: i64) -> Result<Vec<RoleRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(&format!("{SELECT} ORDER BY r.name, r.id"))
        .bind(tenant_id)
        .fetch_all(c).await)
        .map_err(Error::from)
}

/// Custom role `id` of the tenant.
pub async fn get(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<Option<RoleRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(&format!("{SELECT} AND r.id = $2"))
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(c).await)
        .map_err(Error::from)
}

/// (built-in role code, how many) of the tenant's staff who hold a built-in role: owners, admins,
/// and agents without a custom role.
pub async fn builtin_members(conn: &mut Conn, tenant_id: i64) -> Result<Vec<(String, i64)>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT role, COUNT(*) FROM users
         WHERE tenant_id = $1 AND role IN ('agent', 'admin', 'owner') AND (role <> 'agent' OR role_id IS NULL)
         GROUP BY role",
    )
    .bind(tenant_id)
    .fetch_all(c).await)
    .map_err(Error::from)
}

/// Creates a custom role; its id, or `None` if the tenant has a role of that name.
pub async fn insert(conn: &mut Conn, tenant_id: i64, name: &str, set: Permissions, now: &str) -> Result<Option<i64>, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO roles (tenant_id, name, permissions, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (tenant_id, name) DO NOTHING RETURNING id",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(encode(set))
    .bind(now)
    .fetch_optional(c).await)
    .map_err(Error::from)
}

/// Renames role `id` and/or replaces its permissions (`None` keeps each); whether a role of the
/// tenant was changed. A name another role of the tenant has is a unique violation.
pub async fn update(
    conn: &mut Conn,
    tenant_id: i64,
    id: i64,
    name: Option<&str>,
    set: Option<Permissions>,
    now: &str,
) -> Result<bool, Error> {
    crate::on!(conn, |c| sqlx::query(
        "UPDATE roles SET name = COALESCE($3, name), permissions = COALESCE($4, permissions), updated_at = $5
         WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant_id)
    .bind(id)
    .bind(name)
    .bind(set.map(encode))
    .bind(now)
    .execute(c).await.map(|r| r.rows_affected() > 0))
    .map_err(Error::from)
}

/// Deletes role `id` of the tenant if nobody holds it; whether it did. A holder that commits
/// between the check and the delete makes the foreign key refuse it ([`Error::is_foreign_key_violation`]).
pub async fn delete_unused(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    crate::on!(conn, |c| sqlx::query(
        "DELETE FROM roles WHERE tenant_id = $1 AND id = $2
         AND NOT EXISTS (SELECT 1 FROM users u WHERE u.role_id = $2)",
    )
    .bind(tenant_id)
    .bind(id)
    .execute(c).await.map(|r| r.rows_affected() > 0))
    .map_err(Error::from)
}

/// A staff user's roles: the built-in one (its code) and the custom one with its permissions.
#[derive(Debug, sqlx::FromRow)]
pub struct StaffRole {
    pub role: String,
    pub role_id: Option<i64>,
    pub permissions: Option<String>,
}

/// Makes the tenant's role changes take turns until the transaction ends: the rule "a desk keeps
/// an admin" reads the other admins, and two admins demoting each other at once must not both
/// see the other still there. PostgreSQL locks the tenant's row, FOR NO KEY UPDATE: FOR UPDATE
/// also blocked the key-share lock every insert referencing the tenant takes (an audit entry),
/// and a concurrent change of the same agent (`PATCH /admin/agents/{id}`, holding the user's row
/// and then auditing) deadlocked with it; SQLite's write transaction holds the whole database
/// already.
pub async fn lock_staff(tx: &mut Conn, tenant_id: i64) -> Result<(), Error> {
    if tx.dialect() == Dialect::Postgres {
        crate::on!(tx, |c| sqlx::query("SELECT id FROM tenants WHERE id = $1 FOR NO KEY UPDATE")
            .bind(tenant_id)
            .execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// The roles of staff user `id` of the tenant; `None` for customers and unknown ids.
pub async fn staff_role(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<Option<StaffRole>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT u.role, u.role_id, r.permissions FROM users u
         LEFT JOIN roles r ON r.id = u.role_id AND r.tenant_id = u.tenant_id
         WHERE u.tenant_id = $1 AND u.id = $2 AND u.role IN ('agent', 'admin', 'owner')",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_optional(c).await)
    .map_err(Error::from)
}

/// How many admins and owners the tenant has besides user `except`.
pub async fn other_admins(conn: &mut Conn, tenant_id: i64, except: i64) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM users WHERE tenant_id = $1 AND id <> $2 AND role IN ('admin', 'owner')",
    )
    .bind(tenant_id)
    .bind(except)
    .fetch_one(c).await)
    .map_err(Error::from)
}

/// Sets staff user `id`'s built-in role and custom role.
pub async fn set_staff_role(conn: &mut Conn, tenant_id: i64, id: i64, role: Role, role_id: Option<i64>) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE users SET role = $3, role_id = $4 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(role.code())
        .bind(role_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::Permission;

    #[test]
    fn permissions_round_trip_and_unreadable_grants_nothing() {
        let set = Permissions::of(&[Permission::ReportsView, Permission::TicketsSeeAll]);
        assert_eq!(encode(set), r#"["tickets.see_all","reports.view"]"#);
        assert_eq!(decode(&encode(set)), set);
        assert_eq!(decode(r#"["reports.view","reports.rewrite"]"#), Permissions::of(&[Permission::ReportsView]));
        assert_eq!(decode(r#"{"all": true}"#), Permissions::NONE);
        assert_eq!(decode("[]"), Permissions::NONE);
    }
}
