//! The writes of a ticket's lifecycle: its status, its rating, and its version, which counts what
//! PATCH and the actions change (properties, status, flags) and is checked inside the UPDATE.

use baton_core::Status;
use crate::storage::{Conn, Error};

/// Sets the status (and touches `updated_at`) of a ticket of `tenant_id`, which makes a new
/// version; that version.
///
/// With `expected`, only if the ticket is still at that version: the check is part of the UPDATE
/// (the row lock makes a concurrent writer wait, then see the new version), so two writers on one
/// version cannot both win. `None` when the version had moved on, and nothing was written.
pub async fn set_status(
    tx: &mut Conn,
    tenant_id: i64,
    id: i64,
    status: Status,
    now: &str,
    expected: Option<i64>,
) -> Result<Option<i64>, Error> {
    crate::on!(tx, |c| sqlx::query_scalar(
        "UPDATE tickets SET status = $1, updated_at = $2, version = version + 1
         WHERE tenant_id = $3 AND id = $4 AND ($5 IS NULL OR version = $5)
         RETURNING version",
    )
    .bind(status.code())
    .bind(now)
    .bind(tenant_id)
    .bind(id)
    .bind(expected)
    .fetch_optional(c).await)
    .map_err(Error::from)
}

/// Stores the customer's rating; only ever called on the `rate` transition, which happens once.
pub async fn set_rating(
    tx: &mut Conn,
    tenant_id: i64,
    id: i64,
    rating: u8,
    comment: Option<&str>,
) -> Result<(), Error> {
    crate::on!(tx, |c| sqlx::query("UPDATE tickets SET rating = $1, rating_comment = $2 WHERE tenant_id = $3 AND id = $4")
        .bind(i64::from(rating))
        .bind(comment)
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Marks a ticket's properties or flags as changed: `updated_at` and a new version; that version.
/// The version counts what `PATCH` and the actions change (properties, status, flags), not the
/// thread: a message alone goes through [`touch_updated`].
///
/// With `expected`, only if the ticket is still at that version (checked inside the UPDATE, as
/// in [`set_status`]); `None` when it had moved on.
pub async fn touch(
    tx: &mut Conn,
    tenant_id: i64,
    id: i64,
    now: &str,
    expected: Option<i64>,
) -> Result<Option<i64>, Error> {
    crate::on!(tx, |c| sqlx::query_scalar(
        "UPDATE tickets SET updated_at = $1, version = version + 1
         WHERE tenant_id = $2 AND id = $3 AND ($4 IS NULL OR version = $4)
         RETURNING version",
    )
    .bind(now)
    .bind(tenant_id)
    .bind(id)
    .bind(expected)
    .fetch_optional(c).await)
    .map_err(Error::from)
}

/// Marks a ticket as updated without a new version: a message in its thread, or the requester's
/// confidential info, which no property edit can conflict with.
pub async fn touch_updated(tx: &mut Conn, tenant_id: i64, id: i64, now: &str) -> Result<(), Error> {
    crate::on!(tx, |c| sqlx::query("UPDATE tickets SET updated_at = $1 WHERE tenant_id = $2 AND id = $3")
        .bind(now)
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
