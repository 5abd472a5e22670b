//! Customer groups (客户组) as the admin console manages them: listed with their active members,
//! created, renamed and switched between sharing tickets or not.

use crate::storage::{Conn, Error};

/// A customer group with how many active customers are in it.
#[derive(Debug, sqlx::FromRow)]
pub struct GroupRow {
    pub id: i64,
    pub name: String,
    pub shares_tickets: bool,
    pub members: i64,
}

const SELECT: &str = "SELECT g.id, g.name, g.shares_tickets,
     (SELECT COUNT(*) FROM users u WHERE u.tenant_id = g.tenant_id AND u.customer_group_id = g.id
        AND u.role = 'customer' AND u.deactivated_at IS NULL) AS members
     FROM customer_groups g WHERE g.tenant_id = $1";

/// The tenant's customer groups by name.
pub async fn list(conn: &mut Conn, tenant_id: i64) -> Result<Vec<GroupRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(&format!("{SELECT} ORDER BY g.name, g.id"))
        .bind(tenant_id)
        .fetch_all(c).await)
    .map_err(Error::from)
}

/// Customer group `id` of the tenant.
pub async fn one(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<Option<GroupRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(&format!("{SELECT} AND g.id = $2"))
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(c).await)
    .map_err(Error::from)
}

/// A new group; its id, or a unique violation when the desk has one of that name.
pub async fn create(conn: &mut Conn, tenant_id: i64, name: &str, shares_tickets: bool, now: &str) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO customer_groups (tenant_id, name, shares_tickets, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(shares_tickets)
    .bind(now)
    .fetch_one(c).await)
    .map_err(Error::from)
}

/// Renames group `id` and sets whether it shares tickets.
pub async fn update(conn: &mut Conn, tenant_id: i64, id: i64, name: &str, shares_tickets: bool) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE customer_groups SET name = $3, shares_tickets = $4 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(name)
        .bind(shares_tickets)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
