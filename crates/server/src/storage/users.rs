//! Users: customers and staff of one tenant.
//!
//! Emails are unique per tenant, not globally, because one person may be a customer of two help
//! desks: the same email in two tenants is two accounts. Login names the tenant by its slug, or
//! [`find_for_login`] returns every tenant's account and the domain decides (`sessions::login`).

use super::Db;
use baton_core::{GroupRef, Me, Permissions, Role, TenantRef};
use crate::storage::{Conn, Error};

/// A new user, as the seed and (later) the admin API create one.
pub struct NewUser<'a> {
    pub tenant_id: i64,
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub customer_group_id: Option<i64>,
    pub password_hash: &'a str,
}

/// Emails are compared trimmed and lowercased.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Creates a user; its id.
pub async fn create(
    conn: &mut Conn,
    user: &NewUser<'_>,
    now: &str,
) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO users (tenant_id, email, name, role, customer_group_id, password_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(user.tenant_id)
    .bind(normalize_email(user.email))
    .bind(user.name)
    .bind(user.role.code())
    .bind(user.customer_group_id)
    .bind(user.password_hash)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// What login needs to check a password.
#[derive(Debug, sqlx::FromRow)]
pub struct Credentials {
    pub id: i64,
    pub tenant_id: i64,
    pub password_hash: String,
}

/// The active accounts with this email: in the tenant of slug `tenant` (none or one), or in every tenant
/// when `tenant` is `None` (at most `limit`, lowest tenant id first).
pub async fn find_for_login(
    db: &Db,
    email: &str,
    tenant: Option<&str>,
    limit: i64,
) -> Result<Vec<Credentials>, Error> {
    let email = normalize_email(email);
    match tenant {
        Some(slug) => crate::on!(db, |c| sqlx::query_as(
            "SELECT u.id, u.tenant_id, u.password_hash FROM users u
             JOIN tenants t ON t.id = u.tenant_id
             WHERE u.email = $1 AND t.slug = $2 AND u.deactivated_at IS NULL",
        )
        .bind(&email)
        .bind(slug)
        .fetch_all(c).await),
        None => crate::on!(db, |c| sqlx::query_as(
            "SELECT id, tenant_id, password_hash FROM users WHERE email = $1 AND deactivated_at IS NULL
             ORDER BY tenant_id LIMIT $2",
        )
        .bind(&email)
        .bind(limit)
        .fetch_all(c).await),
    }
    .map_err(Error::from)
}

/// Replaces the password hash of user `id` of the tenant.
pub async fn set_password_hash(
    conn: &mut Conn,
    tenant_id: i64,
    id: i64,
    hash: &str,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE users SET password_hash = $1 WHERE tenant_id = $2 AND id = $3")
        .bind(hash)
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct MeRow {
    id: i64,
    name: String,
    email: String,
    role: String,
    tenant_id: i64,
    tenant_name: String,
    logo_text: String,
    language: String,
    group_id: Option<i64>,
    group_name: Option<String>,
    role_permissions: Option<String>,
    available: bool,
}

/// The `Me` document of a user of `tenant_id`, with their effective permissions.
pub async fn me(db: &Db, tenant_id: i64, user_id: i64) -> Result<Option<Me>, Error> {
    let row: Option<MeRow> = crate::on!(db, |c| sqlx::query_as(
        "SELECT u.id, u.name, u.email, u.role, t.id AS tenant_id, t.name AS tenant_name, t.logo_text, t.language,
                g.id AS group_id, g.name AS group_name, r.permissions AS role_permissions, u.available
         FROM users u
         JOIN tenants t ON t.id = u.tenant_id
         LEFT JOIN customer_groups g ON g.id = u.customer_group_id AND g.tenant_id = u.tenant_id
         LEFT JOIN roles r ON r.id = u.role_id AND r.tenant_id = u.tenant_id
         WHERE u.tenant_id = $1 AND u.id = $2",
    )
    .bind(tenant_id)
    .bind(user_id)
    .fetch_optional(c).await)?;
    let groups = super::groups::of_user(db, tenant_id, user_id).await?;
    Ok(row.and_then(|r| {
        let role = Role::from_code(&r.role)?;
        let custom = r.role_permissions.as_deref().map(super::roles::decode);
        Some(Me {
            id: r.id,
            name: r.name,
            email: r.email,
            role,
            tenant: TenantRef {
                id: r.tenant_id,
                name: r.tenant_name,
                logo_text: Some(r.logo_text).filter(|t| !t.is_empty()),
                language: Some(r.language),
            },
            customer_group: match (r.group_id, r.group_name) {
                (Some(id), Some(name)) => Some(GroupRef { id, name }),
                _ => None,
            },
            permissions: Permissions::effective(role, custom).codes(),
            groups,
            available: r.available,
        })
    }))
}

/// The name of user `id` of the tenant.
pub async fn name(db: &Db, tenant_id: i64, id: i64) -> Result<Option<String>, Error> {
    crate::on!(db, |c| sqlx::query_scalar("SELECT name FROM users WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(c).await)
        .map_err(Error::from)
}

/// Whether user `id` of the tenant exists and is not deactivated.
pub async fn is_active(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    let n: i64 = crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM users WHERE tenant_id = $1 AND id = $2 AND deactivated_at IS NULL",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_one(c).await)?;
    Ok(n > 0)
}

/// An account a reset link goes to.
#[derive(Debug, sqlx::FromRow)]
pub struct ResetAccount {
    pub id: i64,
    pub tenant_id: i64,
    pub name: String,
    /// The desk's name.
    pub desk: String,
}

/// The active accounts with this (normalized) email, in the desk of slug `tenant` or in every
/// desk (at most `limit`, lowest tenant id first).
pub async fn find_for_reset(conn: &mut Conn, email: &str, tenant: Option<&str>, limit: i64) -> Result<Vec<ResetAccount>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT u.id, u.tenant_id, u.name, t.name AS desk FROM users u
         JOIN tenants t ON t.id = u.tenant_id
         WHERE u.email = $1 AND u.deactivated_at IS NULL AND ($2 IS NULL OR t.slug = $2)
         ORDER BY u.tenant_id LIMIT $3",
    )
    .bind(email)
    .bind(tenant)
    .bind(limit)
    .fetch_all(c).await).map_err(Error::from)
}

/// An account found by its email in one desk, as sign-up needs it.
#[derive(Debug, sqlx::FromRow)]
pub struct DeskAccount {
    pub id: i64,
    pub name: String,
    /// Deactivated accounts get nothing.
    pub active: bool,
    /// Whether a password was ever set (an account made by staff, or a sign-up not confirmed
    /// yet, has none).
    pub has_password: bool,
}

/// The account with this (normalized) email in desk `tenant_id`, if any.
pub async fn find_in_desk(conn: &mut Conn, tenant_id: i64, email: &str, no_password: &str) -> Result<Option<DeskAccount>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT id, name, deactivated_at IS NULL AS active, password_hash <> $3 AS has_password
         FROM users WHERE tenant_id = $1 AND email = $2",
    )
    .bind(tenant_id)
    .bind(email)
    .bind(no_password)
    .fetch_optional(c).await).map_err(Error::from)
}
