//! `baton-server rekey`: re-seals every sealed value (tickets' confidential info, SSO secrets, the
//! key check) under the current key, so the retired keys can be dropped afterwards.
//!
//! In batches, each in a transaction of its own, so an interrupted run keeps what it did and a
//! second run goes on from there (values already under the current key are passed over). Servers
//! may keep running: a value is replaced only if it is still the one that was read. Plaintexts
//! live in memory between opening and sealing and are never logged; errors name no value.

use super::check::{self, CheckError, CHECK_AAD};
use super::{ticket_aad, Cipher, SealError};
use crate::storage::{self, rekey as store, Db};

/// Values read per batch by default.
pub const DEFAULT_BATCH: i64 = 500;

/// What a run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Values re-sealed under the current key (the key check not counted).
    pub resealed: u64,
    /// Values that were under the current key already.
    pub current: u64,
    /// Values none of the keys opens: their key is still needed (add it to the retired keys).
    pub unopened: u64,
    /// Values a server replaced while this run had them: a second run looks at them again.
    pub changed: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum RekeyError {
    #[error(transparent)]
    Check(#[from] CheckError),
    #[error("cannot re-seal: {0}")]
    Database(#[from] storage::Error),
    #[error(transparent)]
    Seal(#[from] SealError),
}

/// Re-seals everything on `db` not yet under `cipher`'s current key, `batch` values at a time.
/// Refuses, like a starting server, keys that do not open the database's key check.
pub async fn run(db: &Db, cipher: &Cipher, batch: i64) -> Result<Report, RekeyError> {
    check::database(db, cipher).await?;
    let mut report = Report::default();
    tickets(db, cipher, batch.max(1), &mut report).await?;
    sso_secrets(db, cipher, batch.max(1), &mut report).await?;
    // The check value last: until everything else opens under the current key, servers holding
    // only the old key still start (and can open what they find).
    if report.unopened == 0 {
        if let Some(stored) = storage::server_keys::get(db).await?.filter(|s| !cipher.is_current(&s.nonce)) {
            let text = cipher.open(&stored, CHECK_AAD).map_err(|_| CheckError::WrongKey)?;
            store::reseal_check(db, &stored.nonce, &cipher.seal(&text, CHECK_AAD)?).await?;
        }
    }
    Ok(report)
}

async fn tickets(db: &Db, cipher: &Cipher, batch: i64, report: &mut Report) -> Result<(), RekeyError> {
    let mut after = 0;
    loop {
        let rows = store::confidential_after(db, after, batch).await?;
        let Some(last) = rows.last() else { return Ok(()) };
        after = last.ticket_id;
        let mut tx = db.begin_write().await?;
        for row in rows {
            if cipher.is_current(&row.sealed.nonce) {
                report.current += 1;
                continue;
            }
            let aad = ticket_aad(row.tenant_id, row.ticket_id);
            let Ok(text) = cipher.open(&row.sealed, &aad) else {
                report.unopened += 1;
                continue;
            };
            let new = cipher.seal(&text, &aad)?;
            drop(text);
            match store::reseal_confidential(&mut tx, row.ticket_id, &row.sealed.nonce, &new).await? {
                true => report.resealed += 1,
                false => report.changed += 1,
            }
        }
        tx.commit().await?;
    }
}

async fn sso_secrets(db: &Db, cipher: &Cipher, batch: i64, report: &mut Report) -> Result<(), RekeyError> {
    let mut after = 0;
    loop {
        let rows = store::sso_secrets_after(db, after, batch).await?;
        let Some(&(last, _)) = rows.last() else { return Ok(()) };
        after = last;
        let mut tx = db.begin_write().await?;
        for (tenant_id, stored) in rows {
            match crate::sso::reseal(cipher, tenant_id, &stored) {
                Ok(None) => report.current += 1,
                Ok(Some(new)) => match store::reseal_sso_secret(&mut tx, tenant_id, &stored, &new).await? {
                    true => report.resealed += 1,
                    false => report.changed += 1,
                },
                Err(_) => report.unopened += 1,
            }
        }
        tx.commit().await?;
    }
}
