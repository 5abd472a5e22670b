//! The scheduler's lease (migration 0011): which process runs the scheduled jobs, and until when.

use super::{Db, Error};

/// Takes the lease `name` for `holder` until `until`, or renews it: succeeds when nobody holds it,
/// when `holder` already does, or when the holder's lease ran out before `now`. One statement, so
/// of two processes trying at once exactly one gets it. Whether `holder` holds it now.
pub async fn take(db: &Db, name: &str, holder: &str, now: &str, until: &str) -> Result<bool, Error> {
    let got: Option<String> = crate::on!(db, |c| sqlx::query_scalar(
        "INSERT INTO scheduler_lease (name, holder, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE scheduler_lease.holder = excluded.holder OR scheduler_lease.expires_at < $4
         RETURNING holder",
    )
    .bind(name)
    .bind(holder)
    .bind(until)
    .bind(now)
    .fetch_optional(c).await)?;
    Ok(got.is_some())
}

/// Gives the lease up, if `holder` has it (a process stopping cleanly: the next one need not wait
/// for it to run out).
pub async fn release(db: &Db, name: &str, holder: &str) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query("DELETE FROM scheduler_lease WHERE name = $1 AND holder = $2")
        .bind(name)
        .bind(holder)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Who holds the lease `name` and until when, if anyone took it (operators and tests look).
pub async fn holder(db: &Db, name: &str) -> Result<Option<(String, String)>, Error> {
    crate::on!(db, |c| sqlx::query_as("SELECT holder, expires_at FROM scheduler_lease WHERE name = $1")
        .bind(name)
        .fetch_optional(c).await)
    .map_err(Error::from)
}
