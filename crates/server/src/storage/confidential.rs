//! Confidential info at rest: ciphertext and nonce per ticket (encryption is `crate::secret`'s),
//! and the audit of who revealed it when.

use baton_core::{ConfidentialReveal, UserRef};
use crate::storage::{Conn, Error};

/// The sealed value of a ticket: what `secret::Cipher::open` needs.
#[derive(sqlx::FromRow)]
pub struct Sealed {
    pub ciphertext: Vec<u8>,
    pub nonce: Vec<u8>,
}

/// Stores (or replaces) a ticket's sealed value.
pub async fn put(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
    sealed: &Sealed,
    user_id: i64,
    now: &str,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO ticket_confidential (ticket_id, tenant_id, ciphertext, nonce, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (ticket_id) DO UPDATE SET ciphertext = excluded.ciphertext,
             nonce = excluded.nonce, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(ticket_id)
    .bind(tenant_id)
    .bind(&sealed.ciphertext)
    .bind(&sealed.nonce)
    .bind(user_id)
    .bind(now)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Removes a ticket's value.
pub async fn clear(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("DELETE FROM ticket_confidential WHERE tenant_id = $1 AND ticket_id = $2")
        .bind(tenant_id)
        .bind(ticket_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The sealed value of a ticket, if any.
pub async fn get(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
) -> Result<Option<Sealed>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT ciphertext, nonce FROM ticket_confidential WHERE tenant_id = $1 AND ticket_id = $2",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .fetch_optional(c).await).map_err(Error::from)
}

/// Whether a ticket has a value (without reading it).
pub async fn is_set(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
) -> Result<bool, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM ticket_confidential WHERE tenant_id = $1 AND ticket_id = $2)",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .fetch_one(c).await).map_err(Error::from)
}

/// Records that `user_id` revealed a ticket's value at `now`.
pub async fn record_reveal(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
    user_id: i64,
    now: &str,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO confidential_reveals (tenant_id, ticket_id, user_id, at) VALUES ($1, $2, $3, $4)",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .bind(user_id)
    .bind(now)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Every reveal of a ticket's value, oldest first.
pub async fn reveals(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
) -> Result<Vec<ConfidentialReveal>, Error> {
    let rows: Vec<(i64, String, String)> = crate::on!(conn, |c| sqlx::query_as(
        "SELECT r.user_id, u.name, r.at FROM confidential_reveals r
         JOIN users u ON u.id = r.user_id AND u.tenant_id = r.tenant_id
         WHERE r.tenant_id = $1 AND r.ticket_id = $2 ORDER BY r.id",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, at)| ConfidentialReveal {
            user: UserRef { id, name },
            at,
        })
        .collect())
}
