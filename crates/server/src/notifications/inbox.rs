//! The caller's own inbox and preferences: `GET /notifications`, `POST /notifications/read`,
//! `GET`/`PUT /me/notification-preferences`. Every query is narrowed to the caller (tenant and
//! user): nobody reads or marks anyone else's.

use super::deliver::preference;
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::paging;
use crate::services::Services;
use crate::storage::notifications::{self as store, prefs, prefs::PrefRow, InboxRow};
use crate::storage;
use baton_core::problem::field_code;
use baton_core::{MarkRead, Notification, NotificationKind, NotificationPage, NotificationPreferences, UnreadCount, UserRef};

/// Notifications per page by default, and at most.
pub const PAGE: i64 = 30;
pub const MAX_PAGE: i64 = 100;

/// How long a notification stays in the inbox (read or not): the ticket itself keeps its history.
pub const KEPT: time::Duration = time::Duration::days(90);

/// Most notifications one purge pass deletes (the job runs every minute).
const PURGE_BATCH: i64 = 1000;

/// Most ids one `POST /notifications/read` names.
pub const MAX_IDS: usize = 500;

fn item(r: InboxRow) -> Result<Notification, Error> {
    let kind = NotificationKind::from_code(&r.kind).ok_or_else(|| storage::Error::corrupt(format!("notification kind {:?}", r.kind)))?;
    Ok(Notification {
        id: r.id,
        kind,
        ticket_id: r.ticket_id,
        ticket_number: r.ticket_number,
        ticket_title: r.ticket_title,
        actor: r.actor_id.zip(r.actor_name).map(|(id, name)| UserRef { id, name }),
        created_at: r.created_at,
        read: r.read_at.is_some(),
    })
}

/// The caller's inbox, newest first, after `cursor`; with the unread count.
pub async fn list(app: &Services, user: &CurrentUser, cursor: Option<&str>, limit: Option<&str>) -> Result<NotificationPage, Error> {
    let limit = paging::parse_limit(limit, PAGE, MAX_PAGE)?;
    let before = match cursor.filter(|c| !c.is_empty()) {
        Some(c) => Some(
            paging::decode_cursor(c, 40)
                .and_then(|id| id.parse::<i64>().ok())
                .ok_or_else(|| Error::field("cursor", field_code::INVALID_VALUE))?,
        ),
        None => None,
    };
    let mut conn = app.db.acquire().await?;
    let mut rows = store::page(&mut conn, user.tenant_id, user.id, before, limit + 1).await?;
    let keep = usize::try_from(limit).unwrap_or(usize::MAX);
    let more = rows.len() > keep;
    rows.truncate(keep);
    let next_cursor = more.then(|| rows.last().map(|r| paging::encode_cursor(&r.id.to_string()))).flatten();
    let unread = store::unread(&mut conn, user.tenant_id, user.id).await?;
    Ok(NotificationPage { items: rows.into_iter().map(item).collect::<Result<_, _>>()?, next_cursor, unread })
}

/// Marks the caller's notifications `ids` (or all) read; what is still unread. Ids of others are
/// ignored, as if they did not exist.
pub async fn mark_read(app: &Services, user: &CurrentUser, body: &MarkRead) -> Result<UnreadCount, Error> {
    // Exactly one of the two: ids, or all.
    if body.all != body.ids.is_empty() || body.ids.len() > MAX_IDS {
        return Err(Error::field("ids", field_code::INVALID_VALUE));
    }
    let now = storage::timestamp(app.clock.now());
    let mut tx = app.db.begin_write().await?;
    let ids = (!body.all).then_some(body.ids.as_slice());
    store::mark_read(&mut tx, user.tenant_id, user.id, ids, &now).await?;
    let unread = store::unread(&mut tx, user.tenant_id, user.id).await?;
    tx.commit().await?;
    Ok(UnreadCount { unread })
}

/// The caller's preferences: every kind they receive (customers three, staff six), and the digest.
pub async fn preferences(app: &Services, user: &CurrentUser) -> Result<NotificationPreferences, Error> {
    let mut conn = app.db.acquire().await?;
    let mut events = Vec::new();
    for kind in NotificationKind::of(user.role.is_staff()) {
        events.push(preference(&mut conn, user.tenant_id, user.id, kind).await?);
    }
    let digest = user.role.is_staff() && prefs::digest(&mut conn, user.tenant_id, user.id).await?;
    Ok(NotificationPreferences { events, digest })
}

/// Replaces the caller's preferences with `new` (kinds not named keep theirs). A kind the caller
/// does not receive, a kind named twice, or the digest for a customer is a 422.
pub async fn set_preferences(app: &Services, user: &CurrentUser, new: &NotificationPreferences) -> Result<NotificationPreferences, Error> {
    let staff = user.role.is_staff();
    let mut seen = Vec::new();
    for p in &new.events {
        if p.kind.for_customers() == staff || seen.contains(&p.kind) {
            return Err(Error::field("events", field_code::INVALID_VALUE));
        }
        seen.push(p.kind);
    }
    if new.digest && !staff {
        return Err(Error::field("digest", field_code::INVALID_VALUE));
    }
    let mut tx = app.db.begin_write().await?;
    for p in &new.events {
        let row = PrefRow { kind: p.kind.code().to_owned(), in_app: p.in_app, email: p.email.code().to_owned() };
        prefs::put(&mut tx, user.tenant_id, user.id, &row).await?;
    }
    if staff {
        prefs::set_digest(&mut tx, user.tenant_id, user.id, new.digest).await?;
    }
    tx.commit().await?;
    preferences(app, user).await
}

/// Deletes notifications older than [`KEPT`] (a bounded batch per call; the purge job calls it
/// every minute); how many.
pub async fn purge(app: &Services) -> Result<u64, Error> {
    let cutoff = storage::timestamp(app.clock.now() - KEPT);
    let mut conn = app.db.acquire().await?;
    Ok(store::purge_before(&mut conn, &cutoff, PURGE_BATCH).await?)
}
