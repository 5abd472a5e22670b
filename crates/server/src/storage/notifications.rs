//! Notifications (migration 0026): one row per recipient, the inbox's page and unread count,
//! marking read, and who a notification may go to (active people of the desk; staff who may see
//! the ticket). Preferences and settings are in [`prefs`], live streams ("online") in [`online`].

pub mod digest;
pub mod online;
pub mod prefs;

use crate::storage::{Conn, Error, Sql};

/// A notification to write.
pub struct NewNotification<'a> {
    pub tenant_id: i64,
    pub user_id: i64,
    pub kind: &'a str,
    pub ticket_id: i64,
    pub actor_id: Option<i64>,
    /// Shown in the inbox (else only mailed).
    pub in_app: bool,
    /// Waits for the recipient's digest.
    pub digest_pending: bool,
    pub now: &'a str,
}

/// Writes a notification; its id.
pub async fn insert(conn: &mut Conn, n: &NewNotification<'_>) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO notifications (tenant_id, user_id, kind, ticket_id, actor_id, created_at, in_app, digest_pending)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(n.tenant_id)
    .bind(n.user_id)
    .bind(n.kind)
    .bind(n.ticket_id)
    .bind(n.actor_id)
    .bind(n.now)
    .bind(n.in_app)
    .bind(n.digest_pending)
    .fetch_one(c).await).map_err(Error::from)
}

/// A notification as the inbox lists it.
#[derive(Debug, sqlx::FromRow)]
pub struct InboxRow {
    pub id: i64,
    pub kind: String,
    pub ticket_id: i64,
    pub ticket_number: i64,
    pub ticket_title: String,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub created_at: String,
    pub read_at: Option<String>,
}

const INBOX_SELECT: &str = "SELECT n.id, n.kind, n.ticket_id, t.number AS ticket_number, t.title AS ticket_title,
        n.actor_id, a.name AS actor_name, n.created_at, n.read_at
 FROM notifications n JOIN tickets t ON t.id = n.ticket_id AND t.tenant_id = n.tenant_id
 LEFT JOIN users a ON a.id = n.actor_id AND a.tenant_id = n.tenant_id
 WHERE n.in_app AND n.tenant_id = ";

/// Up to `limit` of the inbox of `user_id`, newest first, with ids below `before` when given.
pub async fn page(conn: &mut Conn, tenant_id: i64, user_id: i64, before: Option<i64>, limit: i64) -> Result<Vec<InboxRow>, Error> {
    let mut q = Sql::new(INBOX_SELECT);
    q.push_bind(tenant_id).push(" AND n.user_id = ").push_bind(user_id);
    if let Some(before) = before {
        q.push(" AND n.id < ").push_bind(before);
    }
    q.push(" ORDER BY n.id DESC LIMIT ").push_bind(limit);
    q.fetch_all(conn).await
}

/// Notifications `ids` of `user_id` (a mail's, a digest's), oldest first, shown in the app or not.
pub async fn by_ids(conn: &mut Conn, tenant_id: i64, user_id: i64, ids: &[i64]) -> Result<Vec<InboxRow>, Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = Sql::new(INBOX_SELECT.replace("WHERE n.in_app AND", "WHERE"));
    q.push_bind(tenant_id).push(" AND n.user_id = ").push_bind(user_id).push(" AND n.id IN (");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push_bind(*id);
    }
    q.push(") ORDER BY n.id");
    q.fetch_all(conn).await
}

/// How many of `user_id`'s inbox are unread.
pub async fn unread(conn: &mut Conn, tenant_id: i64, user_id: i64) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM notifications WHERE tenant_id = $1 AND user_id = $2 AND in_app AND read_at IS NULL",
    )
    .bind(tenant_id)
    .bind(user_id)
    .fetch_one(c).await).map_err(Error::from)
}

/// Marks read, at `now`, `user_id`'s notifications `ids` (all of them when `None`); ids of others
/// are left alone. How many changed.
pub async fn mark_read(conn: &mut Conn, tenant_id: i64, user_id: i64, ids: Option<&[i64]>, now: &str) -> Result<u64, Error> {
    let mut q = Sql::new("UPDATE notifications SET read_at = ");
    q.push_bind(now).push(" WHERE tenant_id = ").push_bind(tenant_id);
    q.push(" AND user_id = ").push_bind(user_id).push(" AND read_at IS NULL");
    if let Some(ids) = ids {
        if ids.is_empty() {
            return Ok(0);
        }
        q.push(" AND id IN (");
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                q.push(", ");
            }
            q.push_bind(*id);
        }
        q.push(")");
    }
    q.execute(conn).await
}

/// Deletes, oldest first, at most `batch` notifications created before `cutoff`; how many.
/// Ids grow with time, so looking only at the `batch` oldest rows (by the primary key) finds
/// them without an index on `created_at` and costs the same when there is nothing to delete.
pub async fn purge_before(conn: &mut Conn, cutoff: &str, batch: i64) -> Result<u64, Error> {
    crate::on!(conn, |c| sqlx::query(
        "DELETE FROM notifications WHERE id IN (
             SELECT id FROM (SELECT id, created_at FROM notifications ORDER BY id LIMIT $2) AS oldest
             WHERE created_at < $1)",
    )
    .bind(cutoff)
    .bind(batch)
    .execute(c).await.map(|r| r.rows_affected())).map_err(Error::from)
}

/// A person a notification may go to, as mail needs them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Person {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    /// The language they read (from their last stream), else the desk's.
    pub language: Option<String>,
    pub digest: Option<bool>,
}

/// Active user `user_id` of the desk.
pub async fn person(conn: &mut Conn, tenant_id: i64, user_id: i64) -> Result<Option<Person>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT u.id, u.email, u.name, u.role, COALESCE(s.language, t.language) AS language, s.digest
         FROM users u JOIN tenants t ON t.id = u.tenant_id
         LEFT JOIN notification_settings s ON s.tenant_id = u.tenant_id AND s.user_id = u.id
         WHERE u.tenant_id = $1 AND u.id = $2 AND u.deactivated_at IS NULL",
    )
    .bind(tenant_id)
    .bind(user_id)
    .fetch_optional(c).await).map_err(Error::from)
}

/// A staff member and whether ticket `ticket_id` is in their share (group, assigned, CC'd, or a
/// ticket of no group); their role decides the rest (`tickets.see_all`).
#[derive(Debug, sqlx::FromRow)]
pub struct Audience {
    pub id: i64,
    pub role: String,
    pub role_permissions: Option<String>,
    pub in_share: bool,
}

/// The active staff among `ids`, with what decides whether they may see ticket `ticket_id`.
pub async fn staff_audience(conn: &mut Conn, tenant_id: i64, ticket_id: i64, ids: &[i64]) -> Result<Vec<Audience>, Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = Sql::new(
        "SELECT u.id, u.role, r.permissions AS role_permissions,
                CASE WHEN t.assignee_group_id IS NULL OR t.assignee_id = u.id
                          OR t.assignee_group_id IN (SELECT m.group_id FROM agent_group_members m WHERE m.user_id = u.id)
                          OR EXISTS (SELECT 1 FROM ticket_cc c WHERE c.ticket_id = t.id AND c.user_id = u.id)
                     THEN TRUE ELSE FALSE END AS in_share
         FROM users u JOIN tickets t ON t.tenant_id = u.tenant_id AND t.id = ",
    );
    q.push_bind(ticket_id);
    q.push(" LEFT JOIN roles r ON r.id = u.role_id AND r.tenant_id = u.tenant_id WHERE u.tenant_id = ").push_bind(tenant_id);
    q.push(" AND u.role <> 'customer' AND u.deactivated_at IS NULL AND u.id IN (");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push_bind(*id);
    }
    q.push(") ORDER BY u.id");
    q.fetch_all(conn).await
}

/// The ids among `ids` that are active staff of the desk (a mention's check).
pub async fn active_staff(conn: &mut Conn, tenant_id: i64, ids: &[i64]) -> Result<Vec<i64>, Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = Sql::new("SELECT id FROM users WHERE role <> 'customer' AND deactivated_at IS NULL AND tenant_id = ");
    q.push_bind(tenant_id).push(" AND id IN (");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push_bind(*id);
    }
    q.push(")");
    q.fetch_scalars(conn).await
}

/// The members of agent group `group_id`.
pub async fn group_members(conn: &mut Conn, tenant_id: i64, group_id: i64) -> Result<Vec<i64>, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT user_id FROM agent_group_members WHERE tenant_id = $1 AND group_id = $2 ORDER BY user_id",
    )
    .bind(tenant_id)
    .bind(group_id)
    .fetch_all(c).await).map_err(Error::from)
}

/// The desk's name.
pub async fn desk_name(conn: &mut Conn, tenant_id: i64) -> Result<String, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT name FROM tenants WHERE id = $1")
        .bind(tenant_id)
        .fetch_one(c).await).map_err(Error::from)
}
