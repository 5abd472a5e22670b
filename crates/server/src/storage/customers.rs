//! Customers as staff look them up: by id, by a part of name, email or phone, and registered by
//! an agent.

use super::decode_code;
use crate::storage::{Conn, Db, Error};
use baton_core::{CustomerInfo, GroupRef, Role};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    name: String,
    email: String,
    phone: Option<String>,
    group_id: Option<i64>,
    group_name: Option<String>,
    role: String,
}

impl Row {
    fn into_info(self) -> Result<CustomerInfo, Error> {
        let customer_group = self.group_id.zip(self.group_name).map(|(id, name)| GroupRef { id, name });
        let role = decode_code::<Role>("role", &self.role)?;
        Ok(CustomerInfo { id: self.id, name: self.name, email: self.email, phone: self.phone, customer_group, role })
    }
}

/// Customers only (the first parameter is the tenant).
const SELECT: &str = "SELECT u.id, u.name, u.email, u.phone, g.id AS group_id, g.name AS group_name, u.role
     FROM users u LEFT JOIN customer_groups g ON g.id = u.customer_group_id AND g.tenant_id = u.tenant_id
     WHERE u.role = 'customer' AND u.tenant_id = $1";


/// Active customers (neither deactivated nor merged into another) whose name, email or phone
/// matches the LIKE `pattern`, by name; at most `limit`.
pub async fn search(db: &Db, tenant_id: i64, pattern: &str, limit: i64) -> Result<Vec<CustomerInfo>, Error> {
    let like = db.dialect().like();
    let rows: Vec<Row> = crate::on!(db, |c| sqlx::query_as(&format!(
        "{SELECT} AND (u.name {like} $2 ESCAPE '\\' OR u.email {like} $2 ESCAPE '\\' OR u.phone {like} $2 ESCAPE '\\')
         AND u.deactivated_at IS NULL AND u.merged_into IS NULL
         ORDER BY u.name, u.id LIMIT $3"
    ))
    .bind(tenant_id)
    .bind(pattern)
    .bind(limit)
    .fetch_all(c).await)?;
    rows.into_iter().map(Row::into_info).collect()
}

/// Customer `id` of the tenant (not staff).
pub async fn find(db: &Db, tenant_id: i64, id: i64) -> Result<Option<CustomerInfo>, Error> {
    let row: Option<Row> = crate::on!(db, |c| sqlx::query_as(&format!("{SELECT} AND u.id = $2"))
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(c).await)?;
    row.map(Row::into_info).transpose()
}

/// A customer to register.
pub struct NewCustomerRow<'a> {
    pub tenant_id: i64,
    pub email: &'a str,
    pub name: &'a str,
    pub customer_group_id: Option<i64>,
    pub password_hash: &'a str,
    pub phone: Option<&'a str>,
    pub now: &'a str,
}

/// Inserts the customer unless the tenant has a user with that email: the new id, or `None`.
/// UNIQUE (tenant_id, email) decides, so two agents registering one caller at once get one row.
pub async fn insert(conn: &mut Conn, c: &NewCustomerRow<'_>) -> Result<Option<i64>, Error> {
    crate::on!(conn, |ex| sqlx::query_scalar(
        "INSERT INTO users (tenant_id, email, name, role, customer_group_id, password_hash, created_at, phone)
         VALUES ($1, $2, $3, 'customer', $4, $5, $6, $7) ON CONFLICT (tenant_id, email) DO NOTHING RETURNING id",
    )
    .bind(c.tenant_id)
    .bind(c.email)
    .bind(c.name)
    .bind(c.customer_group_id)
    .bind(c.password_hash)
    .bind(c.now)
    .bind(c.phone)
    .fetch_optional(ex).await)
    .map_err(Error::from)
}

/// User `id` of the tenant, whatever their role: a ticket's requester as its panel shows them.
pub async fn user(db: &Db, tenant_id: i64, id: i64) -> Result<Option<CustomerInfo>, Error> {
    let row: Option<Row> = crate::on!(db, |c| sqlx::query_as(
        "SELECT u.id, u.name, u.email, u.phone, g.id AS group_id, g.name AS group_name, u.role
         FROM users u LEFT JOIN customer_groups g ON g.id = u.customer_group_id AND g.tenant_id = u.tenant_id
         WHERE u.tenant_id = $1 AND u.id = $2",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_optional(c).await)?;
    row.map(Row::into_info).transpose()
}
