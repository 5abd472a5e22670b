//! Tenants (help desks) and their customer groups.

use super::Db;
use crate::storage::{Conn, Error};

/// Creates a tenant with its unique `slug`; its id. A slug already taken is a unique violation
/// ([`Error::is_unique_violation`]).
pub async fn create(
    conn: &mut Conn,
    name: &str,
    slug: &str,
    now: &str,
) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO tenants (name, slug, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(name)
    .bind(slug)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// Whether any tenant exists (the demo seed runs only on an empty database).
pub async fn any(conn: &mut Conn) -> Result<bool, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM tenants)")
        .fetch_one(c).await).map_err(Error::from)
}

/// The id of the tenant called `name`, the lowest if several are.
pub async fn find_by_name(db: &Db, name: &str) -> Result<Option<i64>, Error> {
    crate::on!(db, |c| sqlx::query_scalar("SELECT id FROM tenants WHERE name = $1 ORDER BY id LIMIT 1")
        .bind(name)
        .fetch_optional(c).await).map_err(Error::from)
}

/// Creates a customer group in `tenant_id`; its id.
pub async fn create_customer_group(
    conn: &mut Conn,
    tenant_id: i64,
    name: &str,
    shares_tickets: bool,
    now: &str,
) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO customer_groups (tenant_id, name, shares_tickets, created_at)
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(shares_tickets)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// A desk's settings as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SettingsRow {
    pub name: String,
    pub slug: Option<String>,
    pub auto_close_days: i64,
}

/// The settings of `tenant_id`.
pub async fn settings(db: &Db, tenant_id: i64) -> Result<Option<SettingsRow>, Error> {
    crate::on!(db, |c| sqlx::query_as("SELECT name, slug, auto_close_days FROM tenants WHERE id = $1")
        .bind(tenant_id)
        .fetch_optional(c).await).map_err(Error::from)
}

/// Sets the settings of `tenant_id` (the fields given; `None` keeps one).
pub async fn update_settings(
    conn: &mut Conn,
    tenant_id: i64,
    name: Option<&str>,
    auto_close_days: Option<i64>,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "UPDATE tenants SET name = COALESCE($2, name), auto_close_days = COALESCE($3, auto_close_days) WHERE id = $1",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(auto_close_days)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Every desk that closes solved tickets by itself, with its number of days.
pub async fn auto_closing(db: &Db) -> Result<Vec<(i64, i64)>, Error> {
    crate::on!(db, |c| sqlx::query_as("SELECT id, auto_close_days FROM tenants WHERE auto_close_days > 0 ORDER BY id")
        .fetch_all(c).await).map_err(Error::from)
}
