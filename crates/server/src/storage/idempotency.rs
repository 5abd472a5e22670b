//! Idempotency keys: which resource a keyed POST created, per (tenant, user, scope, key).
//!
//! A keyed request first *claims* its key inside its write transaction, then *completes* it with
//! the id of what it created. The claim is an insert under the table's primary key: a concurrent
//! request with the same key waits on that key until the first commits (PostgreSQL blocks on the
//! conflicting row; SQLite's write lock serializes anyway), then finds it done and replays it — so
//! concurrent retries make one resource, never a duplicate and never a 500. A refused request rolls
//! its claim back with everything else, so its key is not remembered.

use crate::storage::{Conn, Db, Error};

/// Claims `key` for a new request: `None` if the claim is ours (go on, then [`complete`] it),
/// or the resource an earlier request with this key created.
pub async fn claim(
    tx: &mut Conn,
    tenant_id: i64,
    user_id: i64,
    scope: &str,
    key: &str,
    now: &str,
) -> Result<Option<i64>, Error> {
    // resource_id 0 marks a claim in progress; it is only ever seen by its own transaction.
    let done = crate::on!(tx, |c| sqlx::query(
        "INSERT INTO idempotency_keys (tenant_id, user_id, scope, key, resource_id, created_at)
         VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT DO NOTHING",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(scope)
    .bind(key)
    .bind(now)
    .execute(c).await.map(|r| r.rows_affected()))?;
    if done == 1 {
        return Ok(None);
    }
    let id: i64 = crate::on!(tx, |c| sqlx::query_scalar(
        "SELECT resource_id FROM idempotency_keys
         WHERE tenant_id = $1 AND user_id = $2 AND scope = $3 AND key = $4",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(scope)
    .bind(key)
    .fetch_one(c).await)?;
    Ok(Some(id))
}

/// Records what the request that claimed `key` created, in the same transaction, so the two are
/// committed together or not at all.
pub async fn complete(
    tx: &mut Conn,
    tenant_id: i64,
    user_id: i64,
    scope: &str,
    key: &str,
    resource_id: i64,
) -> Result<(), Error> {
    crate::on!(tx, |c| sqlx::query(
        "UPDATE idempotency_keys SET resource_id = $1
         WHERE tenant_id = $2 AND user_id = $3 AND scope = $4 AND key = $5",
    )
    .bind(resource_id)
    .bind(tenant_id)
    .bind(user_id)
    .bind(scope)
    .bind(key)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Forgets the keys claimed before `before`; how many.
pub async fn purge_older_than(db: &Db, before: &str) -> Result<u64, Error> {
    crate::on!(db, |c| sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
        .bind(before)
        .execute(c).await.map(|r| r.rows_affected()))
    .map_err(Error::from)
}
