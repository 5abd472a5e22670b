//! The PostgreSQL relay: one task per process that turns other replicas' (and this one's)
//! commits into local broadcasts.
//!
//! It listens on two channels (storage::notify). `baton_events` says "tenant T has new events":
//! the relay reads T's rows after the last id it broadcast for T and broadcasts them in id order,
//! so the notification is only a wake-up and the rows stay the truth; a burst of notifications for
//! one tenant costs one read. `baton_presence` carries a presence change itself (live only, never
//! stored), broadcast as received. When the listening connection was lost, notifications sent
//! meanwhile are gone: the relay then compares every tenant's last event id with its own and
//! catches up. A read that fails is retried until the database answers again; the relay never
//! moves past an event it has not broadcast.

use super::Hub;
use crate::storage::events::{self as event_store, StoredEvent};
use crate::storage::notify::{self, Listener, Notice};
use crate::storage::{self, Db};
use crate::workspace::presence::PresenceEvent;
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Weak};
use std::time::Duration;

/// How many events one read takes.
const PAGE: i64 = 500;

/// How long to wait before reading again after the database failed.
const RETRY: Duration = Duration::from_millis(500);

/// The relay's state, owned by its task.
struct Relay {
    hub: Weak<Hub>,
    db: Db,
    /// Per tenant, the last event id broadcast (or, at start, already committed).
    cursors: HashMap<i64, i64>,
    /// Tenants with events to read.
    pending: BTreeSet<i64>,
    /// Every tenant must be compared (after a lost connection, or a notification not understood).
    catch_up: bool,
}

/// Listens, then notes where every tenant's events stand, then starts the task. In that order:
/// an event committed after the snapshot is notified to a listener already in place, so none
/// falls between the two.
pub(super) async fn start(hub: &Arc<Hub>) -> Result<(), storage::Error> {
    let Some(listener) = Listener::start(&hub.db, &[notify::EVENTS, notify::PRESENCE]).await? else {
        return Ok(());
    };
    let cursors = event_store::last_ids(&hub.db).await?.into_iter().collect();
    let relay = Relay {
        hub: Arc::downgrade(hub),
        db: hub.db.clone(),
        cursors,
        pending: BTreeSet::new(),
        catch_up: false,
    };
    tokio::spawn(relay.run(listener));
    Ok(())
}

impl Relay {
    /// Until the pool closes (the server stops) or the hub is dropped.
    async fn run(mut self, mut listener: Listener) {
        loop {
            let Some(hub) = self.hub.upgrade() else { return };
            if !self.pump(&hub).await {
                drop(hub);
                tokio::time::sleep(RETRY).await;
                continue;
            }
            drop(hub);
            let Some(notice) = listener.next().await else { return };
            let Some(hub) = self.hub.upgrade() else { return };
            self.note(&hub, notice);
            while let Some(notice) = listener.buffered() {
                self.note(&hub, notice);
            }
        }
    }

    fn note(&mut self, hub: &Hub, notice: Notice) {
        match notice {
            Notice::Resumed => self.catch_up = true,
            Notice::Message { channel, payload } if channel == notify::EVENTS => match payload.parse() {
                Ok(tenant_id) => {
                    self.pending.insert(tenant_id);
                }
                Err(_) => {
                    tracing::warn!(payload, "an events notification without a tenant id; catching up");
                    self.catch_up = true;
                }
            },
            Notice::Message { channel, payload } if channel == notify::PRESENCE => {
                match serde_json::from_str::<PresenceEvent>(&payload) {
                    // Nobody listening is fine: presence is only ever live.
                    Ok(event) => drop(hub.presence.send(event)),
                    Err(e) => tracing::warn!(error = %e, "a presence notification that does not parse"),
                }
            }
            Notice::Message { channel, .. } => tracing::warn!(channel, "a notification on a channel not listened to"),
        }
    }

    /// Broadcasts everything pending; false if the database failed (what is left stays pending).
    async fn pump(&mut self, hub: &Hub) -> bool {
        if self.catch_up {
            match event_store::last_ids(&self.db).await {
                Ok(last) => {
                    for (tenant_id, id) in last {
                        if id > self.cursors.get(&tenant_id).copied().unwrap_or(0) {
                            self.pending.insert(tenant_id);
                        }
                    }
                    self.catch_up = false;
                }
                Err(e) => {
                    tracing::error!(error = %e, "cannot read where each tenant's events stand");
                    return false;
                }
            }
        }
        while let Some(&tenant_id) = self.pending.first() {
            if let Err(e) = self.drain(hub, tenant_id).await {
                tracing::error!(error = %e, tenant_id, "cannot read new events");
                return false;
            }
            self.pending.remove(&tenant_id);
        }
        true
    }

    /// Broadcasts the events of `tenant_id` after its cursor, in id order.
    async fn drain(&mut self, hub: &Hub, tenant_id: i64) -> Result<(), storage::Error> {
        // A tenant unknown at start had no events then: all of its events are new.
        let cursor = self.cursors.entry(tenant_id).or_insert(0);
        loop {
            let page = event_store::since(&self.db, tenant_id, *cursor, PAGE).await?;
            let full = page.len() as i64 == PAGE;
            for event in page {
                *cursor = event.id;
                broadcast(hub, event);
            }
            if !full {
                return Ok(());
            }
        }
    }
}

fn broadcast(hub: &Hub, event: StoredEvent) {
    // No subscriber is not an error: the table keeps the event for later replays.
    let _ = hub.sender.send(event);
}

/// A presence change as the payload of a notification. PostgreSQL takes at most 8000 bytes: a
/// list too long for that (dozens of viewers with long names on one ticket) is cut, with a
/// warning; `GET /tickets/{id}/presence` still lists everyone.
pub(super) fn presence_payload(event: &PresenceEvent) -> String {
    let mut event = event.clone();
    loop {
        let payload = serde_json::to_string(&event).unwrap_or_default();
        if payload.len() <= notify::MAX_PAYLOAD || event.presence.viewers.is_empty() {
            return payload;
        }
        tracing::warn!(ticket_id = event.presence.ticket_id, "presence list too long for a notification; cut");
        let keep = event.presence.viewers.len() / 2;
        event.presence.viewers.truncate(keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::{Presence, UserRef, Viewer};

    #[test]
    fn presence_payloads_round_trip_and_stay_within_the_limit() {
        let viewer = |id| Viewer { user: UserRef { id, name: "N".repeat(200) }, typing: id % 2 == 0 };
        let small = PresenceEvent { tenant_id: 3, presence: Presence { ticket_id: 9, viewers: vec![viewer(1)] } };
        let back: PresenceEvent = serde_json::from_str(&presence_payload(&small)).expect("parses");
        assert_eq!(back, small);
        let crowd = PresenceEvent { tenant_id: 3, presence: Presence { ticket_id: 9, viewers: (0..100).map(viewer).collect() } };
        let cut: PresenceEvent = serde_json::from_str(&presence_payload(&crowd)).expect("parses");
        assert!(serde_json::to_string(&cut).expect("json").len() <= notify::MAX_PAYLOAD);
        assert!(!cut.presence.viewers.is_empty() && cut.presence.viewers.len() < 100);
    }
}
