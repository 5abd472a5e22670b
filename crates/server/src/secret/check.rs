//! The key check: every replica must hold the same key, or each would seal confidential info the
//! others cannot open (and show garbage or errors at random, depending on the replica). The first
//! server to start on a database seals a known value with its key (table `server_keys`); every
//! later one must open it, or it refuses to start. With keys rotated (`secret::keys`) the value
//! opens under a retired key too, until `rekey` re-seals it under the current one.

use super::Cipher;
use crate::storage::{self, server_keys, Db};

/// What the check value says when opened.
pub(super) const CHECK: &str = "baton server key check v1";
/// Its associated data, so no other sealed value can stand in for it.
pub(super) const CHECK_AAD: &[u8] = b"baton/server-key-check";

/// Why the key check did not pass.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("the secret key does not open this database's sealed data: every replica needs the same --secret-key (and, while rotating, the old one in --retired-secret-keys)")]
    WrongKey,
    #[error("cannot check the secret key against the database: {0}")]
    Database(#[from] storage::Error),
}

/// Checks that `cipher` opens what this database holds sealed; on a database without a check
/// value yet, writes one (after checking, if the database already holds confidential info from
/// before the check existed, that the key opens it).
pub async fn database(db: &Db, cipher: &Cipher) -> Result<(), CheckError> {
    if server_keys::get(db).await?.is_none() {
        if let Some((tenant_id, ticket_id, sealed)) = server_keys::any_confidential(db).await? {
            cipher.open(&sealed, &super::ticket_aad(tenant_id, ticket_id)).map_err(|_| CheckError::WrongKey)?;
        }
        let sealed = cipher.seal(CHECK, CHECK_AAD).map_err(|_| CheckError::WrongKey)?;
        server_keys::put_if_absent(db, &sealed, &storage::timestamp(storage::now())).await?;
    }
    // Read back whatever is stored now: of two servers starting at once with different keys, the
    // one whose value was not kept finds out here.
    let stored = server_keys::get(db).await?.ok_or(CheckError::WrongKey)?;
    match cipher.open(&stored, CHECK_AAD) {
        Ok(text) if text == CHECK => Ok(()),
        _ => Err(CheckError::WrongKey),
    }
}
