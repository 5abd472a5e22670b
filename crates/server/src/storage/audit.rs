//! The audit log (migration 0032): one row per change to a desk's setup, written in the change's
//! transaction, read newest first with the page's filters, purged after its retention.

use crate::storage::{Conn, Db, Error, Sql};

/// An entry to write. The actor's name is read from `users` in the same statement, as it is now.
pub struct NewEntry<'a> {
    pub tenant_id: i64,
    pub actor_id: Option<i64>,
    pub action: &'a str,
    pub target_kind: &'a str,
    pub target_id: Option<i64>,
    pub target_label: &'a str,
    /// A JSON object, already free of secrets.
    pub changes: &'a str,
    pub at: &'a str,
}

pub async fn insert(conn: &mut Conn, e: &NewEntry<'_>) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO audit_log (tenant_id, actor_id, actor_name, action, target_kind, target_id, target_label, changes, created_at)
         VALUES ($1, $2, COALESCE((SELECT name FROM users WHERE tenant_id = $1 AND id = $2), ''), $3, $4, $5, $6, $7, $8)",
    )
    .bind(e.tenant_id)
    .bind(e.actor_id)
    .bind(e.action)
    .bind(e.target_kind)
    .bind(e.target_id)
    .bind(e.target_label)
    .bind(e.changes)
    .bind(e.at)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
pub struct EntryRow {
    pub id: i64,
    pub actor_id: Option<i64>,
    pub actor_name: String,
    pub action: String,
    pub target_kind: String,
    pub target_id: Option<i64>,
    pub target_label: String,
    pub changes: String,
    pub created_at: String,
}

/// What the page asks for: each filter optional, `before` the last (created_at, id) seen.
#[derive(Debug, Default)]
pub struct Filter<'a> {
    pub actor_id: Option<i64>,
    pub target_kind: Option<&'a str>,
    pub action: Option<&'a str>,
    /// From this time on (inclusive) and before `to` (exclusive).
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub before: Option<(String, i64)>,
}

/// Up to `limit` entries of the desk matching `f`, newest first.
pub async fn page(conn: &mut Conn, tenant_id: i64, f: &Filter<'_>, limit: i64) -> Result<Vec<EntryRow>, Error> {
    let mut q = Sql::new(
        "SELECT id, actor_id, actor_name, action, target_kind, target_id, target_label, changes, created_at
         FROM audit_log WHERE tenant_id = ",
    );
    q.push_bind(tenant_id);
    if let Some(actor) = f.actor_id {
        q.push(" AND actor_id = ").push_bind(actor);
    }
    if let Some(kind) = f.target_kind {
        q.push(" AND target_kind = ").push_bind(kind);
    }
    if let Some(action) = f.action {
        q.push(" AND action = ").push_bind(action);
    }
    if let Some(from) = f.from {
        q.push(" AND created_at >= ").push_bind(from);
    }
    if let Some(to) = f.to {
        q.push(" AND created_at < ").push_bind(to);
    }
    if let Some((at, id)) = &f.before {
        q.push(" AND (created_at < ").push_bind(at.as_str()).push(" OR (created_at = ").push_bind(at.as_str());
        q.push(" AND id < ").push_bind(*id).push("))");
    }
    q.push(" ORDER BY created_at DESC, id DESC LIMIT ").push_bind(limit);
    q.fetch_all(conn).await
}

/// Deletes every desk's entries written before `before`; how many.
pub async fn purge_before(db: &Db, before: &str) -> Result<u64, Error> {
    Ok(crate::on!(db, |c| sqlx::query("DELETE FROM audit_log WHERE created_at < $1").bind(before).execute(c).await.map(|r| r.rows_affected()))?)
}
