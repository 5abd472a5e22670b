//! The CSV import's reads and writes: the desk's users by email (to tell new rows from updates
//! and from staff), and customers inserted or updated inside the import's transaction.

use crate::storage::{Conn, Error};

/// A user of the desk as the import compares a row with them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Known {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub phone: Option<String>,
    pub customer_group_id: Option<i64>,
    pub role: String,
}

/// Every user of the tenant (staff too: their emails are taken).
pub async fn known(conn: &mut Conn, tenant_id: i64) -> Result<Vec<Known>, Error> {
    crate::on!(conn, |c| sqlx::query_as("SELECT id, email, name, phone, customer_group_id, role FROM users WHERE tenant_id = $1")
        .bind(tenant_id)
        .fetch_all(c).await)
    .map_err(Error::from)
}

/// A customer to create from a row.
pub struct NewRow<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub phone: Option<&'a str>,
    pub group_id: Option<i64>,
}

/// Inserts a customer with the password hash `no_password` (they claim the account by a reset);
/// their id.
pub async fn insert(conn: &mut Conn, tenant_id: i64, row: &NewRow<'_>, no_password: &str, now: &str) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO users (tenant_id, email, name, role, customer_group_id, password_hash, created_at, phone)
         VALUES ($1, $2, $3, 'customer', $4, $5, $6, $7) RETURNING id",
    )
    .bind(tenant_id)
    .bind(row.email)
    .bind(row.name)
    .bind(row.group_id)
    .bind(no_password)
    .bind(now)
    .bind(row.phone)
    .fetch_one(c).await)
    .map_err(Error::from)
}
