//! Renaming and deleting knowledge-base categories (issue 12). A deleted category's articles stay,
//! without a category: the foreign key is `ON DELETE SET NULL` on both databases.

use crate::storage::{Conn, Error};

/// Renames the category `id` of `tenant_id`; whether it was there. A name another category of
/// the desk holds breaks the unique key (`Error::is_unique_violation`).
pub async fn rename_category(conn: &mut Conn, tenant_id: i64, id: i64, name: &str) -> Result<bool, Error> {
    let renamed = crate::on!(conn, |c| sqlx::query("UPDATE kb_categories SET name = $3 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(name)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(renamed > 0)
}

/// Deletes the category `id` of `tenant_id`; whether it was there.
pub async fn delete_category(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    let deleted = crate::on!(conn, |c| sqlx::query("DELETE FROM kb_categories WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(deleted > 0)
}
