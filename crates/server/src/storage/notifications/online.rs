//! Who is online: a row per open live stream (migration 0026), on whichever replica serves it,
//! renewed while it lives and deleted when it ends. Times are Unix milliseconds of the wall clock
//! (as presence's): liveness is about real connections, not the desk's (testable) clock.

use crate::storage::{Db, Conn, Error};

/// Records an open stream of `user_id`; its id.
pub async fn open(db: &Db, tenant_id: i64, user_id: i64, now_ms: i64) -> Result<i64, Error> {
    crate::on!(db, |c| sqlx::query_scalar(
        "INSERT INTO online_streams (tenant_id, user_id, seen_ms) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(now_ms)
    .fetch_one(c).await).map_err(Error::from)
}

/// Stream `id` is still open at `now_ms`.
pub async fn renew(db: &Db, id: i64, now_ms: i64) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query("UPDATE online_streams SET seen_ms = $2 WHERE id = $1")
        .bind(id)
        .bind(now_ms)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Stream `id` ended.
pub async fn close(db: &Db, id: i64) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query("DELETE FROM online_streams WHERE id = $1")
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whether `user_id` has a stream seen after `cutoff_ms`.
pub async fn is_online(conn: &mut Conn, tenant_id: i64, user_id: i64, cutoff_ms: i64) -> Result<bool, Error> {
    let n: i64 = crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM online_streams WHERE tenant_id = $1 AND user_id = $2 AND seen_ms > $3",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(cutoff_ms)
    .fetch_one(c).await)?;
    Ok(n > 0)
}

/// Deletes the rows of streams not seen since `cutoff_ms` (a replica that died); how many.
pub async fn sweep(db: &Db, cutoff_ms: i64) -> Result<u64, Error> {
    crate::on!(db, |c| sqlx::query("DELETE FROM online_streams WHERE seen_ms <= $1")
        .bind(cutoff_ms)
        .execute(c).await.map(|r| r.rows_affected())).map_err(Error::from)
}
