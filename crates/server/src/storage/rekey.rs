//! What `baton-server rekey` (`secret::rekey`) reads and rewrites: every sealed value, a batch at a
//! time in key order, each replaced only if it is still the value that was read (a nonce is never
//! sealed twice, so it names the value), without counting as anyone's edit.

use super::confidential::Sealed;
use super::{Conn, Db, Error};

/// A ticket's sealed confidential info.
pub struct SealedTicket {
    pub tenant_id: i64,
    pub ticket_id: i64,
    pub sealed: Sealed,
}

/// Up to `limit` tickets' sealed values with ticket ids above `after`, in id order.
pub async fn confidential_after(db: &Db, after: i64, limit: i64) -> Result<Vec<SealedTicket>, Error> {
    let rows: Vec<(i64, i64, Vec<u8>, Vec<u8>)> = crate::on!(db, |c| sqlx::query_as(
        "SELECT tenant_id, ticket_id, ciphertext, nonce FROM ticket_confidential
         WHERE ticket_id > $1 ORDER BY ticket_id LIMIT $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .map(|(tenant_id, ticket_id, ciphertext, nonce)| SealedTicket { tenant_id, ticket_id, sealed: Sealed { ciphertext, nonce } })
        .collect())
}

/// Replaces a ticket's sealed value if its nonce is still `old_nonce`; whether it did.
pub async fn reseal_confidential(conn: &mut Conn, ticket_id: i64, old_nonce: &[u8], new: &Sealed) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query(
        "UPDATE ticket_confidential SET ciphertext = $1, nonce = $2 WHERE ticket_id = $3 AND nonce = $4",
    )
    .bind(&new.ciphertext)
    .bind(&new.nonce)
    .bind(ticket_id)
    .bind(old_nonce)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Up to `limit` tenants' stored SSO secrets (sealed or the demo's plain ones) with tenant ids
/// above `after`, in id order.
pub async fn sso_secrets_after(db: &Db, after: i64, limit: i64) -> Result<Vec<(i64, String)>, Error> {
    crate::on!(db, |c| sqlx::query_as(
        "SELECT tenant_id, secret FROM tenant_sso WHERE tenant_id > $1 ORDER BY tenant_id LIMIT $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(c).await)
    .map_err(Error::from)
}

/// Replaces a tenant's stored SSO secret if it is still `old` (keeping `rotated_at`: the secret
/// itself did not change); whether it did.
pub async fn reseal_sso_secret(conn: &mut Conn, tenant_id: i64, old: &str, new: &str) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query("UPDATE tenant_sso SET secret = $1 WHERE tenant_id = $2 AND secret = $3")
        .bind(new)
        .bind(tenant_id)
        .bind(old)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Replaces the key check value if its nonce is still `old_nonce`; whether it did.
pub async fn reseal_check(db: &Db, old_nonce: &[u8], new: &Sealed) -> Result<bool, Error> {
    let n = crate::on!(db, |c| sqlx::query("UPDATE server_keys SET ciphertext = $1, nonce = $2 WHERE id = 1 AND nonce = $3")
        .bind(&new.ciphertext)
        .bind(&new.nonce)
        .bind(old_nonce)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
