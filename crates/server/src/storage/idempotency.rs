//! Idempotency keys: which resource a keyed POST created, per (tenant, user, scope, key).

use sqlx::SqliteConnection;

/// The resource a previous request with this key created, if any.
pub async fn find(
    tx: &mut SqliteConnection,
    tenant_id: i64,
    user_id: i64,
    scope: &str,
    key: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT resource_id FROM idempotency_keys
         WHERE tenant_id = ? AND user_id = ? AND scope = ? AND key = ?",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(scope)
    .bind(key)
    .fetch_optional(tx)
    .await
}

/// Records what a keyed request created. Call it in the transaction that created the resource, so
/// the two are committed together or not at all.
pub async fn insert(
    tx: &mut SqliteConnection,
    tenant_id: i64,
    user_id: i64,
    scope: &str,
    key: &str,
    resource_id: i64,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO idempotency_keys (tenant_id, user_id, scope, key, resource_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(scope)
    .bind(key)
    .bind(resource_id)
    .bind(now)
    .execute(tx)
    .await?;
    Ok(())
}
