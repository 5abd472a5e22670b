//! Custom views as stored (conditions and columns as JSON), and `view_prefs`: each user's own
//! position and hidden flag for any view key (a built-in's key or a custom view's id).

use crate::storage::Db;
use crate::storage::{Conn, Error};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredView {
    pub id: i64,
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub name: String,
    pub conditions: String,
    pub sort_field: String,
    pub sort_dir: String,
    pub columns: String,
    pub position: i64,
    pub hidden: bool,
}

/// The JSON-encoded parts of a view to write.
pub struct ViewWrite<'a> {
    pub owner_id: Option<i64>,
    pub name: &'a str,
    pub conditions: &'a str,
    pub sort_field: &'a str,
    pub sort_dir: &'a str,
    pub columns: &'a str,
}

const SELECT: &str = "SELECT v.id, v.owner_id, o.name AS owner_name, v.name, v.conditions, v.sort_field,
        v.sort_dir, v.columns, v.position, v.hidden
    FROM views v LEFT JOIN users o ON o.id = v.owner_id";

/// The public views of the tenant and `user_id`'s private ones.
pub async fn visible(db: &Db, tenant_id: i64, user_id: i64) -> Result<Vec<StoredView>, Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE v.tenant_id = ? AND (v.owner_id IS NULL OR v.owner_id = ?) ORDER BY v.position, v.id"
    ))
    .bind(tenant_id)
    .bind(user_id)
    .fetch_all(db.pool())
    .await.map_err(Error::from)
}

/// One view `user_id` may see.
pub async fn get(db: &Db, tenant_id: i64, user_id: i64, id: i64) -> Result<Option<StoredView>, Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE v.tenant_id = ? AND v.id = ? AND (v.owner_id IS NULL OR v.owner_id = ?)"
    ))
    .bind(tenant_id)
    .bind(id)
    .bind(user_id)
    .fetch_optional(db.pool())
    .await.map_err(Error::from)
}

pub async fn insert(db: &Db, tenant_id: i64, v: &ViewWrite<'_>, now: &str) -> Result<i64, Error> {
    sqlx::query_scalar(
        "INSERT INTO views (tenant_id, owner_id, name, conditions, sort_field, sort_dir, columns,
                            position, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
                 (SELECT COALESCE(MAX(position), 0) + 1 FROM views WHERE tenant_id = ?1), ?8, ?8)
         RETURNING id",
    )
    .bind(tenant_id)
    .bind(v.owner_id)
    .bind(v.name)
    .bind(v.conditions)
    .bind(v.sort_field)
    .bind(v.sort_dir)
    .bind(v.columns)
    .bind(now)
    .fetch_one(db.pool())
    .await.map_err(Error::from)
}

pub async fn update(db: &Db, tenant_id: i64, id: i64, v: &ViewWrite<'_>, now: &str) -> Result<(), Error> {
    sqlx::query(
        "UPDATE views SET owner_id = ?, name = ?, conditions = ?, sort_field = ?, sort_dir = ?,
                          columns = ?, updated_at = ?
         WHERE tenant_id = ? AND id = ?",
    )
    .bind(v.owner_id)
    .bind(v.name)
    .bind(v.conditions)
    .bind(v.sort_field)
    .bind(v.sort_dir)
    .bind(v.columns)
    .bind(now)
    .bind(tenant_id)
    .bind(id)
    .execute(db.pool())
    .await?;
    Ok(())
}

pub async fn delete(db: &Db, tenant_id: i64, id: i64) -> Result<(), Error> {
    sqlx::query("DELETE FROM views WHERE tenant_id = ? AND id = ?")
        .bind(tenant_id)
        .bind(id)
        .execute(db.pool())
        .await?;
    sqlx::query("DELETE FROM view_prefs WHERE view_key = ?")
        .bind(id.to_string())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The admins' default position and hidden flag of a public view.
pub async fn set_public(
    conn: &mut Conn,
    tenant_id: i64,
    id: i64,
    position: Option<i64>,
    hidden: Option<bool>,
) -> Result<(), Error> {
    sqlx::query(
        "UPDATE views SET position = COALESCE(?, position), hidden = COALESCE(?, hidden)
         WHERE tenant_id = ? AND id = ? AND owner_id IS NULL",
    )
    .bind(position)
    .bind(hidden)
    .bind(tenant_id)
    .bind(id)
    .execute(conn.raw())
    .await?;
    Ok(())
}

/// `user_id`'s own (view key, position, hidden) settings.
pub async fn prefs(db: &Db, user_id: i64) -> Result<Vec<(String, Option<i64>, Option<bool>)>, Error> {
    sqlx::query_as("SELECT view_key, position, hidden FROM view_prefs WHERE user_id = ?")
        .bind(user_id)
        .fetch_all(db.pool())
        .await.map_err(Error::from)
}

/// Sets `user_id`'s position and/or hidden flag of one view, keeping what is not given.
pub async fn set_pref(
    conn: &mut Conn,
    user_id: i64,
    key: &str,
    position: Option<i64>,
    hidden: Option<bool>,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO view_prefs (user_id, view_key, position, hidden) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (user_id, view_key) DO UPDATE SET
             position = COALESCE(?3, position), hidden = COALESCE(?4, hidden)",
    )
    .bind(user_id)
    .bind(key)
    .bind(position)
    .bind(hidden)
    .execute(conn.raw())
    .await?;
    Ok(())
}

/// Whether the tenant has a custom field with this key (a view condition may name it).
pub async fn field_key_exists(db: &Db, tenant_id: i64, key: &str) -> Result<bool, Error> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM custom_fields WHERE tenant_id = ? AND key = ?)")
        .bind(tenant_id)
        .bind(key)
        .fetch_one(db.pool())
        .await.map_err(Error::from)
}
