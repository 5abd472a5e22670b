//! Live events: what changed, announced to every signed-in user who may see it (SSE,
//! `GET /api/v1/events`).
//!
//! A change writes its events into the `events` table inside its own transaction, then
//! [`EventHub::commit`] commits and broadcasts them in one critical section, so subscribers
//! receive events in id order and a client resuming from the table (`Last-Event-ID`) sees exactly
//! what was committed. Payloads carry ids and status only: bodies and confidential info never
//! travel in events.

mod feed;

pub use feed::{Feed, FeedItem};

use crate::auth::CurrentUser;
use crate::storage::events::{self as event_store, StoredEvent};
use crate::storage::tickets::{self as ticket_store, TicketRow};
use crate::storage::Db;
use crate::storage::{self, Tx};
use crate::workspace::presence::{self, PresenceHub};

use baton_core::{EventType, LiveEvent, MessageKind, Permission, Status};
use crate::storage::Conn;
use std::sync::Arc;
use tokio::sync::{broadcast, Mutex};

/// How many events a slow subscriber may fall behind before it replays from the table.
const CHANNEL_CAPACITY: usize = 1024;

/// Events older than this are pruned; a client away longer refetches everything anyway.
pub const RETENTION: time::Duration = time::Duration::days(7);

/// Prune once every this many events, rather than on a timer: cheap, and needs no task.
const PRUNE_EVERY: i64 = 256;

/// The broadcast side of live events, shared by every request.
#[derive(Clone)]
pub struct EventHub {
    sender: broadcast::Sender<StoredEvent>,
    /// Held from commit to broadcast, so the broadcast order is the commit (= id) order.
    commit_lock: Arc<Mutex<()>>,
    /// Who has which ticket open: live only, never stored.
    pub presence: PresenceHub,
}

impl Default for EventHub {
    fn default() -> Self {
        EventHub::new()
    }
}

impl EventHub {
    pub fn new() -> EventHub {
        EventHub::with_presence_ttl(presence::TTL)
    }

    /// A hub whose presence viewers expire after `ttl` (tests use a short one).
    pub fn with_presence_ttl(ttl: std::time::Duration) -> EventHub {
        let (sender, _) = broadcast::channel(CHANNEL_CAPACITY);
        EventHub {
            sender,
            commit_lock: Arc::new(Mutex::new(())),
            presence: PresenceHub::new(ttl),
        }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<StoredEvent> {
        self.sender.subscribe()
    }

    /// Commits `tx`, then broadcasts `events` (written in it by [`record`]).
    pub async fn commit(&self, tx: Tx, events: Vec<StoredEvent>) -> Result<(), storage::Error> {
        let _order = self.commit_lock.lock().await;
        tx.commit().await?;
        for event in events {
            // No subscriber is not an error: the table keeps the event for later replays.
            let _ = self.sender.send(event);
        }
        Ok(())
    }
}

/// What happened to a ticket.
#[derive(Debug, Clone, Copy)]
pub enum Change {
    Created,
    Updated(Status),
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
    };
    let event_type = match change {
        Change::Created => EventType::TicketCreated,
        Change::Updated(status) => {
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
    };
    let now = storage::now();
    let stored = event_store::insert(conn, &event, &storage::timestamp(now)).await?;
    if stored.id % PRUNE_EVERY == 0 {
        event_store::prune(conn, &storage::timestamp(now - RETENTION)).await?;
    }
    Ok(stored)
}

/// Whether `user` may receive `event`: staff of the tenant receive all of it; customers the events
/// of tickets they may see (their own, their sharing group's), never those of internal notes.
pub fn may_receive(user: &CurrentUser, event: &StoredEvent) -> bool {
    if event.tenant_id != user.tenant_id {
        return false;
    }
    if user.role.is_staff() {
        return true;
    }
    let internal = event.data.kind == Some(MessageKind::Internal);
    let sees_ticket = event.requester_id == user.id
        || (user.share_group_id.is_some() && event.share_group_id == user.share_group_id);
    sees_ticket && !internal
}

/// [`may_receive`], then what only the database knows: an agent without `tickets.see_all`
/// receives the events of tickets in their share (groups, assigned, CC'd); a customer nothing of a
/// trashed or suspended ticket. A database failure withholds the event: better missed (the client
/// refetches on reconnect) than leaked.
pub async fn may_receive_now(db: &Db, user: &CurrentUser, event: &StoredEvent) -> bool {
    if !may_receive(user, event) {
        return false;
    }
    let staff = user.role.is_staff();
    if staff && user.can(Permission::TicketsSeeAll) {
        return true;
    }
    match ticket_store::visible(db, user.ticket_scope(), event.data.ticket_id, !staff).await {
        Ok(visible) => visible,
        Err(e) => {
            tracing::error!(error = %e, "cannot check who sees an event");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::Role;

    fn event(
        requester_id: i64,
        share_group_id: Option<i64>,
        kind: Option<MessageKind>,
    ) -> StoredEvent {
        StoredEvent {
            id: 1,
            tenant_id: 1,
            event_type: EventType::MessageCreated,
            data: LiveEvent {
                ticket_id: 5,
                status: None,
                message_id: Some(9),
                kind,
            },
            requester_id,
            share_group_id,
        }
    }

    #[test]
    fn who_receives_what() {
        let user = |id, role, share_group_id| CurrentUser {
            id,
            tenant_id: 1,
            role,
            share_group_id,
            permissions: baton_core::Permissions::of_role(role),
        };
        let alice = user(1, Role::Customer, Some(7));
        let bob = user(2, Role::Customer, Some(7));
        let carol = user(3, Role::Customer, None);
        let agent = user(4, Role::Agent, None);
        let other_tenant_agent = CurrentUser {
            tenant_id: 2,
            ..agent
        };
        let public = event(1, Some(7), Some(MessageKind::Public));
        let internal = event(1, Some(7), Some(MessageKind::Internal));
        let unshared = event(1, None, Some(MessageKind::Public));
        let cases = [
            (alice, &public, true),
            (bob, &public, true),
            (carol, &public, false),
            (agent, &public, true),
            (other_tenant_agent, &public, false),
            (alice, &internal, false),
            (agent, &internal, true),
            (alice, &unshared, true),
            (bob, &unshared, false),
        ];
        for (who, e, expected) in cases {
            assert_eq!(may_receive(&who, e), expected, "{who:?} {e:?}");
        }
    }
}
