//! Live events: what changed, announced to every signed-in user who may see it (SSE,
//! `GET /api/v1/events`), and presence changes, which are live only.
//!
//! A change writes its events into the `events` table inside its own transaction: the table is
//! the source of truth, a client resuming with `Last-Event-ID` replays from it. How committed
//! events reach this process's subscribers depends on who else may write them:
//! - SQLite (one process): [`EventHub::commit`] commits and broadcasts in one critical section, so
//!   subscribers receive events in commit (= id) order.
//! - PostgreSQL (any number of replicas): the commit sends a NOTIFY (a trigger on `events`), and
//!   each process's [relay](relay) reads the rows after the last id it sent, per tenant, and
//!   broadcasts them. Events of one tenant get their ids in commit order (migration 0009), so
//!   reading "after the last id" neither skips nor repeats one, whichever replica wrote it.
//!
//! Payloads carry ids and status only: bodies and confidential info never travel in events.

mod access;
mod feed;
mod relay;
mod slots;

pub use access::{may_receive, may_receive_now};
pub use feed::{Feed, FeedItem, OWNER_RECHECK};
pub use slots::{Slot, StreamSlots, MAX_STREAMS_PER_USER};

use crate::storage::events::{self as event_store, StoredEvent};
use crate::storage::notify;
use crate::storage::tickets::TicketRow;
use crate::storage::{self, Conn, Db, Dialect, Tx};
use crate::workspace::presence::PresenceEvent;
use baton_core::{EventType, LiveEvent, MessageKind, Status};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use tokio::sync::{broadcast, Mutex, OnceCell};

/// How many events a slow subscriber may fall behind before it replays from the table.
const CHANNEL_CAPACITY: usize = 1024;

/// Events older than this are pruned (the scheduler's purge job); a client away longer refetches
/// everything anyway.
pub const RETENTION: time::Duration = time::Duration::days(7);

/// The broadcast side of live events and presence, shared by every request of this process.
#[derive(Clone)]
pub struct EventHub {
    inner: Arc<Hub>,
}

/// An [`EventHub`] that does not keep it alive (for background tasks that end with it).
#[derive(Clone)]
pub struct WeakEventHub(Weak<Hub>);

struct Hub {
    db: Db,
    sender: broadcast::Sender<StoredEvent>,
    presence: broadcast::Sender<PresenceEvent>,
    /// SQLite: held from commit to broadcast, so the broadcast order is the commit (= id) order.
    commit_lock: Mutex<()>,
    /// PostgreSQL: set once the relay listens (on the first subscription; see [`relay`]).
    relay: OnceCell<()>,
    /// Whether the presence sweeper of this process runs (`workspace::presence`).
    sweeping: AtomicBool,
}

impl EventHub {
    pub fn new(db: Db) -> EventHub {
        let (sender, _) = broadcast::channel(CHANNEL_CAPACITY);
        let (presence, _) = broadcast::channel(256);
        EventHub {
            inner: Arc::new(Hub {
                db,
                sender,
                presence,
                commit_lock: Mutex::new(()),
                relay: OnceCell::new(),
                sweeping: AtomicBool::new(false),
            }),
        }
    }

    /// New receivers of stored events and of presence changes. On PostgreSQL the first call
    /// starts the relay and waits until it listens, so nothing committed after this returns is
    /// missed; it fails only if the database cannot be reached.
    pub async fn subscribe(
        &self,
    ) -> Result<(broadcast::Receiver<StoredEvent>, broadcast::Receiver<PresenceEvent>), storage::Error> {
        if self.inner.db.dialect() == Dialect::Postgres {
            self.inner.relay.get_or_try_init(|| relay::start(&self.inner)).await?;
        }
        Ok((self.inner.sender.subscribe(), self.inner.presence.subscribe()))
    }

    /// Commits `tx`, then (SQLite) broadcasts `events`, written in it by [`record`]. On
    /// PostgreSQL the commit itself wakes every replica's relay, this one's included.
    pub async fn commit(&self, tx: Tx, events: Vec<StoredEvent>) -> Result<(), storage::Error> {
        if tx.dialect() == Dialect::Postgres {
            return tx.commit().await;
        }
        let _order = self.inner.commit_lock.lock().await;
        tx.commit().await?;
        for event in events {
            // No subscriber is not an error: the table keeps the event for later replays.
            let _ = self.inner.sender.send(event);
        }
        Ok(())
    }

    /// Sends a presence change to the subscribers of every replica.
    pub async fn announce(&self, event: PresenceEvent) -> Result<(), storage::Error> {
        if self.inner.db.dialect() == Dialect::Sqlite {
            // Nobody listening is fine: presence is only ever live.
            let _ = self.inner.presence.send(event);
            return Ok(());
        }
        // Through the database, to this process's relay as to the others', so every replica sees
        // the changes of one ticket in the same order.
        let payload = relay::presence_payload(&event);
        notify::publish(&self.inner.db, notify::PRESENCE, &payload).await
    }

    /// Whether this call is the first to ask (the presence sweeper starts once per process).
    pub(crate) fn start_sweeping(&self) -> bool {
        !self.inner.sweeping.swap(true, Ordering::SeqCst)
    }

    pub fn downgrade(&self) -> WeakEventHub {
        WeakEventHub(Arc::downgrade(&self.inner))
    }
}

impl WeakEventHub {
    pub fn upgrade(&self) -> Option<EventHub> {
        self.0.upgrade().map(|inner| EventHub { inner })
    }
}

/// What happened to a ticket.
#[derive(Debug, Clone, Copy)]
pub enum Change {
    Created,
    /// A status change (every one who sees the ticket is told).
    Updated(Status),
    /// A property or flag change: a `ticket.updated` for staff only, since internal triage is not
    /// the customer's business (and would otherwise make their page refetch for nothing).
    StaffUpdated(Status),
    Message { id: i64, kind: MessageKind },
}

/// Writes the event of `change` to `ticket` into the transaction; pass it to
/// [`EventHub::commit`].
pub async fn record(
    conn: &mut Conn,
    ticket: &TicketRow,
    tenant_id: i64,
    change: Change,
) -> Result<StoredEvent, storage::Error> {
    let mut data = LiveEvent {
        ticket_id: ticket.id,
        status: None,
        message_id: None,
        kind: None,
        notification_id: None,
        notification: None,
    };
    let event_type = match change {
        Change::Created => EventType::TicketCreated,
        Change::Updated(status) | Change::StaffUpdated(status) => {
            data.status = Some(status);
            EventType::TicketUpdated
        }
        Change::Message { id, kind } => {
            data.message_id = Some(id);
            data.kind = Some(kind);
            EventType::MessageCreated
        }
    };
    let event = StoredEvent {
        id: 0,
        tenant_id,
        event_type,
        data,
        requester_id: ticket.requester_id,
        share_group_id: ticket.share_group_id,
        staff_only: matches!(change, Change::StaffUpdated(_)),
        recipient_id: None,
    };
    event_store::insert(conn, &event, &storage::timestamp(storage::now())).await
}

/// Writes the `notification.created` event of notification `id` (of `kind`, about `ticket`) for
/// its recipient alone: ids and the kind, never a text.
pub async fn record_notification(
    conn: &mut Conn,
    ticket: &TicketRow,
    tenant_id: i64,
    recipient_id: i64,
    (id, kind): (i64, baton_core::NotificationKind),
) -> Result<StoredEvent, storage::Error> {
    let event = StoredEvent {
        id: 0,
        tenant_id,
        event_type: EventType::NotificationCreated,
        data: LiveEvent { ticket_id: ticket.id, status: None, message_id: None, kind: None, notification_id: Some(id), notification: Some(kind) },
        requester_id: ticket.requester_id,
        share_group_id: ticket.share_group_id,
        staff_only: false,
        recipient_id: Some(recipient_id),
    };
    event_store::insert(conn, &event, &storage::timestamp(storage::now())).await
}
