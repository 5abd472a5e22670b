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
    crate::on!(db, |c| sqlx::query_as(&format!(
        "{SELECT} WHERE v.tenant_id = $1 AND (v.owner_id IS NULL OR v.owner_id = $2) ORDER BY v.position, v.id"
    ))
    .bind(tenant_id)
    .bind(user_id)
    .fetch_all(c).await).map_err(Error::from)
}

/// One view `user_id` may see.
pub async fn get(db: &Db, tenant_id: i64, user_id: i64, id: i64) -> Result<Option<StoredView>, Error> {
    crate::on!(db, |c| sqlx::query_as(&format!(
        "{SELECT} WHERE v.tenant_id = $1 AND v.id = $2 AND (v.owner_id IS NULL OR v.owner_id = $3)"
    ))
    .bind(tenant_id)
    .bind(id)
    .bind(user_id)
    .fetch_optional(c).await).map_err(Error::from)
}

pub async fn insert(db: &Db, tenant_id: i64, v: &ViewWrite<'_>, now: &str) -> Result<i64, Error> {
    crate::on!(db, |c| sqlx::query_scalar(
        "INSERT INTO views (tenant_id, owner_id, name, conditions, sort_field, sort_dir, columns,
                            position, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7,
                 (SELECT COALESCE(MAX(position), 0) + 1 FROM views WHERE tenant_id = $1), $8, $8)
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
    .fetch_one(c).await).map_err(Error::from)
}

pub async fn update(db: &Db, tenant_id: i64, id: i64, v: &ViewWrite<'_>, now: &str) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query(
        "UPDATE views SET owner_id = $1, name = $2, conditions = $3, sort_field = $4, sort_dir = $5,
                          columns = $6, updated_at = $7
         WHERE tenant_id = $8 AND id = $9",
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
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn delete(db: &Db, tenant_id: i64, id: i64) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query("DELETE FROM views WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    crate::on!(db, |c| sqlx::query("DELETE FROM view_prefs WHERE view_key = $1")
        .bind(id.to_string())
        .execute(c).await.map(|r| r.rows_affected()))?;
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
    crate::on!(conn, |c| sqlx::query(
        "UPDATE views SET position = COALESCE($1, position), hidden = COALESCE($2, hidden)
         WHERE tenant_id = $3 AND id = $4 AND owner_id IS NULL",
    )
    .bind(position)
    .bind(hidden)
    .bind(tenant_id)
    .bind(id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// `user_id`'s own (view key, position, hidden) settings.
pub async fn prefs(db: &Db, user_id: i64) -> Result<Vec<(String, Option<i64>, Option<bool>)>, Error> {
    crate::on!(db, |c| sqlx::query_as("SELECT view_key, position, hidden FROM view_prefs WHERE user_id = $1")
        .bind(user_id)
        .fetch_all(c).await).map_err(Error::from)
}

/// Sets `user_id`'s position and/or hidden flag of one view, keeping what is not given.
pub async fn set_pref(
    conn: &mut Conn,
    user_id: i64,
    key: &str,
    position: Option<i64>,
    hidden: Option<bool>,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO view_prefs (user_id, view_key, position, hidden) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, view_key) DO UPDATE SET
             position = COALESCE($3, view_prefs.position), hidden = COALESCE($4, view_prefs.hidden)",
    )
    .bind(user_id)
    .bind(key)
    .bind(position)
    .bind(hidden)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whether the tenant has a custom field with this key (a view condition may name it).
pub async fn field_key_exists(db: &Db, tenant_id: i64, key: &str) -> Result<bool, Error> {
    crate::on!(db, |c| sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM custom_fields WHERE tenant_id = $1 AND key = $2)")
        .bind(tenant_id)
        .bind(key)
        .fetch_one(c).await).map_err(Error::from)
}
