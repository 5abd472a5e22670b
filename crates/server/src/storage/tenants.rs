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
