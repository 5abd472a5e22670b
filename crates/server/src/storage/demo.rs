//! The statements of the demo seeders (`crate::demo`) that no resource module has: the customers'
//! phone numbers and the public quick replies of the demo seed, and the lookups and multi-row
//! inserts of the bulk benchmark seed ([`bulk`]).
//!
//! They run inside the seeders' write transactions, hence `&mut Conn` where the resource modules'
//! counterparts (`quick_replies::insert`) take the pool.

pub mod bulk;

use crate::storage::{Conn, Error};

/// Sets the phone number of user `user_id`.
pub async fn set_phone(conn: &mut Conn, user_id: i64, phone: &str) -> Result<(), Error> {
    // By id alone: the seed passes ids of users it has just created in this transaction.
    crate::on!(conn, |c| sqlx::query("UPDATE users SET phone = $1 WHERE id = $2")
        .bind(phone)
        .bind(user_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Adds a public quick reply (one without an owner, shown to every agent) to `tenant_id`.
pub async fn insert_public_quick_reply(
    conn: &mut Conn,
    tenant_id: i64,
    title: &str,
    body: &str,
    now: &str,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO quick_replies (tenant_id, owner_id, title, body, created_at) VALUES ($1, NULL, $2, $3, $4)",
    )
    .bind(tenant_id)
    .bind(title)
    .bind(body)
    .bind(now)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
