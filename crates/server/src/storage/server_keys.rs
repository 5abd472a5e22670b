//! The key check (migration 0011): one value sealed with the key of the first server that started
//! on this database, which every later server must be able to open (`secret::check`).

use super::confidential::Sealed;
use super::{Db, Error};

/// The sealed check value, if a server has written it.
pub async fn get(db: &Db) -> Result<Option<Sealed>, Error> {
    crate::on!(db, |c| sqlx::query_as("SELECT ciphertext, nonce FROM server_keys WHERE id = 1")
        .fetch_optional(c).await)
    .map_err(Error::from)
}

/// Writes the check value unless one is there already (two servers starting at once: the first
/// insert wins, and each then checks the stored one).
pub async fn put_if_absent(db: &Db, sealed: &Sealed, now: &str) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query(
        "INSERT INTO server_keys (id, ciphertext, nonce, created_at) VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(&sealed.ciphertext)
    .bind(&sealed.nonce)
    .bind(now)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Some ticket's sealed confidential info, with its (tenant, ticket): a database that predates the
/// check value still proves which key it was written with.
pub async fn any_confidential(db: &Db) -> Result<Option<(i64, i64, Sealed)>, Error> {
    let row: Option<(i64, i64, Vec<u8>, Vec<u8>)> = crate::on!(db, |c| sqlx::query_as(
        "SELECT tenant_id, ticket_id, ciphertext, nonce FROM ticket_confidential ORDER BY ticket_id LIMIT 1",
    )
    .fetch_optional(c).await)?;
    Ok(row.map(|(tenant_id, ticket_id, ciphertext, nonce)| (tenant_id, ticket_id, Sealed { ciphertext, nonce })))
}
