//! The events table: every live event, written in the transaction of the change it announces, so
//! a reconnecting client can replay what it missed (`Last-Event-ID`).

use super::{decode_code, encode_code, Db};
use baton_core::{EventType, LiveEvent, MessageKind, Status};
use crate::storage::{Conn, Error};

/// An event and who may receive it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub id: i64,
    pub tenant_id: i64,
    pub event_type: EventType,
    pub data: LiveEvent,
    /// The ticket's requester, and their customer group if it shares tickets.
    pub requester_id: i64,
    pub share_group_id: Option<i64>,
    /// Only staff may receive it (a property or flag change): customers never get it.
    pub staff_only: bool,
    /// Only this user may receive it (`notification.created`).
    pub recipient_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    id: i64,
    tenant_id: i64,
    #[sqlx(rename = "type")]
    event_type: String,
    ticket_id: i64,
    requester_id: i64,
    share_group_id: Option<i64>,
    status: Option<String>,
    message_id: Option<i64>,
    kind: Option<String>,
    staff_only: bool,
    recipient_id: Option<i64>,
    notification_id: Option<i64>,
    notification_kind: Option<String>,
}

impl EventRow {
    fn decode(self) -> Result<StoredEvent, Error> {
        let event_type = EventType::from_code(&self.event_type).ok_or_else(|| {
            Error::corrupt(format!("column type: {:?}", self.event_type))
        })?;
        Ok(StoredEvent {
            id: self.id,
            tenant_id: self.tenant_id,
            event_type,
            data: LiveEvent {
                ticket_id: self.ticket_id,
                status: self
                    .status
                    .as_deref()
                    .map(|s| decode_code::<Status>("status", s))
                    .transpose()?,
                message_id: self.message_id,
                kind: self
                    .kind
                    .as_deref()
                    .map(|k| decode_code::<MessageKind>("kind", k))
                    .transpose()?,
                notification_id: self.notification_id,
                notification: self
                    .notification_kind
                    .as_deref()
                    .map(|k| baton_core::NotificationKind::from_code(k).ok_or_else(|| Error::corrupt(format!("column notification_kind: {k:?}"))))
                    .transpose()?,
            },
            requester_id: self.requester_id,
            share_group_id: self.share_group_id,
            staff_only: self.staff_only,
            recipient_id: self.recipient_id,
        })
    }
}

/// Writes an event (its `id` is ignored); the stored event with its new id.
///
/// It first takes the tenant's counter row (migration 0009) and holds it until the transaction
/// ends: writers of one tenant then insert their events one after the other, so ids within a
/// tenant follow commit order and a client reading "after id N" never misses an event that
/// committed late with a smaller id.
pub async fn insert(
    conn: &mut Conn,
    e: &StoredEvent,
    now: &str,
) -> Result<StoredEvent, Error> {
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO tenant_counters (tenant_id, events) VALUES ($1, 1)
         ON CONFLICT (tenant_id) DO UPDATE SET events = tenant_counters.events + 1",
    )
    .bind(e.tenant_id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    let id: i64 = crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO events (tenant_id, type, ticket_id, requester_id, share_group_id, status,
                             message_id, kind, staff_only, created_at, recipient_id, notification_id,
                             notification_kind)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(e.tenant_id)
    .bind(e.event_type.as_str())
    .bind(e.data.ticket_id)
    .bind(e.requester_id)
    .bind(e.share_group_id)
    .bind(e.data.status.map(|s| s.code()))
    .bind(e.data.message_id)
    .bind(e.data.kind.map(|k| encode_code(&k)))
    .bind(e.staff_only)
    .bind(now)
    .bind(e.recipient_id)
    .bind(e.data.notification_id)
    .bind(e.data.notification.map(|k| k.code()))
    .fetch_one(c).await)?;
    Ok(StoredEvent { id, ..e.clone() })
}

/// Up to `limit` events of `tenant_id` after `after_id`, oldest first.
pub async fn since(
    db: &Db,
    tenant_id: i64,
    after_id: i64,
    limit: i64,
) -> Result<Vec<StoredEvent>, Error> {
    let rows: Vec<EventRow> = crate::on!(db, |c| sqlx::query_as(
        "SELECT id, tenant_id, type, ticket_id, requester_id, share_group_id, status, message_id, kind,
                staff_only, recipient_id, notification_id, notification_kind
         FROM events WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3",
    )
    .bind(tenant_id)
    .bind(after_id)
    .bind(limit)
    .fetch_all(c).await)?;
    rows.into_iter().map(EventRow::decode).collect()
}

/// Deletes events created before `cutoff`.
pub async fn prune(conn: &mut Conn, cutoff: &str) -> Result<u64, Error> {
    let done = crate::on!(conn, |c| sqlx::query("DELETE FROM events WHERE created_at < $1")
        .bind(cutoff)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done)
}

/// The last event id of every tenant that has events: where a relay starting now begins.
pub async fn last_ids(db: &Db) -> Result<Vec<(i64, i64)>, Error> {
    crate::on!(db, |c| sqlx::query_as("SELECT tenant_id, MAX(id) FROM events GROUP BY tenant_id")
        .fetch_all(c)
        .await)
    .map_err(Error::from)
}

/// The last event id of `tenant_id` (0 when it has none): where a live feed starting now begins.
pub async fn last_id(db: &Db, tenant_id: i64) -> Result<i64, Error> {
    crate::on!(db, |c| sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events WHERE tenant_id = $1")
        .bind(tenant_id)
        .fetch_one(c)
        .await)
    .map_err(Error::from)
}
