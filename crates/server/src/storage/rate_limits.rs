//! Attempt counters (migration 0018): a fixed window per bucket, shared by every replica.

use super::{Db, Error};

/// Counts one hit in `bucket`'s window starting at `window_start` (a new window resets the
/// count); the hits in it now, this one included. One statement, so concurrent hits on any
/// replica each count.
pub async fn hit(db: &Db, bucket: &str, window_start: &str) -> Result<i64, Error> {
    let hits = crate::on!(db, |c| sqlx::query_scalar(
        "INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1)
         ON CONFLICT (bucket) DO UPDATE SET
             hits = CASE WHEN rate_limits.window_start = $2 THEN rate_limits.hits + 1 ELSE 1 END,
             window_start = $2
         RETURNING hits",
    )
    .bind(bucket)
    .bind(window_start)
    .fetch_one(c).await)?;
    Ok(hits)
}

/// The hits in `bucket`'s window starting at `window_start` (0 for another window or none).
pub async fn hits(db: &Db, bucket: &str, window_start: &str) -> Result<i64, Error> {
    let hits: Option<i64> = crate::on!(db, |c| sqlx::query_scalar(
        "SELECT hits FROM rate_limits WHERE bucket = $1 AND window_start = $2",
    )
    .bind(bucket)
    .bind(window_start)
    .fetch_optional(c).await)?;
    Ok(hits.unwrap_or(0))
}

/// Forgets `bucket` (a successful sign-in clears its account's failures).
pub async fn clear(db: &Db, bucket: &str) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query("DELETE FROM rate_limits WHERE bucket = $1")
        .bind(bucket)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Deletes the windows that started before `before`; how many.
pub async fn purge(db: &Db, before: &str) -> Result<u64, Error> {
    let gone = crate::on!(db, |c| sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
        .bind(before)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(gone)
}
