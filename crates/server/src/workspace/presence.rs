//! Presence: which staff have a ticket open now and whether they are typing. Kept in the database
//! (migration 0011), so a heartbeat sent to one replica shows on every other; a viewer who sends
//! no heartbeat for [`TTL`] is gone. Every change (join, leave, typing flip, expiry) is announced
//! as a [`PresenceEvent`] through the event hub, which carries it to every replica's live streams;
//! those forward it to staff of the tenant who may see the ticket — never to customers.

use crate::clock::Clock;
use crate::error::Error;
use crate::events::{EventHub, WeakEventHub};
use crate::services::Services;
use crate::storage::presence::{self as store, ViewerRow};
use crate::storage::{self, Db};
use baton_core::{Presence, UserRef, Viewer};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// How long a viewer stays without a heartbeat (the SPA beats about every 10 s).
pub const TTL: Duration = Duration::from_secs(30);

/// A change of one ticket's viewers, for the live stream to filter and send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceEvent {
    pub tenant_id: i64,
    pub presence: Presence,
}

/// What presence needs: the database, the clock, the hub that carries changes, and the lifetime
/// of a viewer without heartbeat (tests shorten it).
struct Board<'a> {
    db: &'a Db,
    clock: &'a Clock,
    events: &'a EventHub,
    ttl: Duration,
}

impl Board<'_> {
    fn of(app: &Services) -> Board<'_> {
        Board { db: &app.db, clock: &app.clock, events: &app.events, ttl: app.presence_ttl }
    }

    /// The oldest heartbeat still alive at `now_ms`.
    fn cutoff(&self, now_ms: i64) -> i64 {
        now_ms - i64::try_from(self.ttl.as_millis()).unwrap_or(i64::MAX)
    }

    async fn get(&self, tenant_id: i64, ticket_id: i64) -> Result<Presence, storage::Error> {
        let rows = store::viewers(self.db, tenant_id, ticket_id, self.cutoff(self.clock.now_ms())).await?;
        Ok(Presence { ticket_id, viewers: rows.into_iter().map(viewer).collect() })
    }

    async fn announce(&self, tenant_id: i64, ticket_id: i64) -> Result<Presence, storage::Error> {
        let presence = self.get(tenant_id, ticket_id).await?;
        self.events.announce(PresenceEvent { tenant_id, presence: presence.clone() }).await?;
        Ok(presence)
    }

    /// Deletes the viewers silent for longer than the TTL, announcing each ticket that changed.
    async fn sweep(&self) -> Result<usize, storage::Error> {
        let gone = store::expire(self.db, self.cutoff(self.clock.now_ms())).await?;
        for &(tenant_id, ticket_id) in &gone {
            self.announce(tenant_id, ticket_id).await?;
        }
        Ok(gone.len())
    }
}

fn viewer(row: ViewerRow) -> Viewer {
    Viewer { user: UserRef { id: row.user_id, name: row.name }, typing: row.typing }
}

/// A heartbeat of `user` on ticket `ticket_id`; who is there now. A join or a typing flip is
/// announced, a mere heartbeat is not.
pub async fn beat(app: &Services, tenant_id: i64, ticket_id: i64, user: UserRef, typing: bool) -> Result<Presence, Error> {
    start_sweeper(app);
    let board = Board::of(app);
    let now_ms = app.clock.now_ms();
    let changed = store::beat(&app.db, (tenant_id, ticket_id, user.id), typing, now_ms, board.cutoff(now_ms)).await?;
    let presence = if changed {
        board.announce(tenant_id, ticket_id).await?
    } else {
        board.get(tenant_id, ticket_id).await?
    };
    Ok(presence)
}

/// `user_id` leaves ticket `ticket_id` (nothing happens if they were not there).
pub async fn leave(app: &Services, tenant_id: i64, ticket_id: i64, user_id: i64) -> Result<(), Error> {
    if store::leave(&app.db, tenant_id, ticket_id, user_id).await? {
        Board::of(app).announce(tenant_id, ticket_id).await?;
    }
    Ok(())
}

/// Who is on ticket `ticket_id` now.
pub async fn get(app: &Services, tenant_id: i64, ticket_id: i64) -> Result<Presence, Error> {
    Ok(Board::of(app).get(tenant_id, ticket_id).await?)
}

/// Expires silent viewers now; how many tickets changed. The scheduler's purge runs it too, for
/// rows a stopped replica's sweeper left behind.
pub async fn sweep(app: &Services) -> Result<usize, Error> {
    Ok(Board::of(app).sweep().await?)
}

/// Starts, once per process, the task that expires silent viewers (every third of the TTL, so an
/// expiry is announced within a third of a TTL late). Every replica with viewers runs one: the
/// DELETE … RETURNING hands each expired row to exactly one of them. It ends with the hub.
fn start_sweeper(app: &Services) {
    if !app.events.start_sweeping() {
        return;
    }
    let (db, clock, ttl): (Db, Clock, Duration) = (app.db.clone(), app.clock.clone(), app.presence_ttl);
    let hub: WeakEventHub = app.events.downgrade();
    let every = (ttl / 3).clamp(Duration::from_millis(50), Duration::from_secs(5));
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            let Some(events) = hub.upgrade() else { break };
            let board = Board { db: &db, clock: &clock, events: &events, ttl };
            if let Err(e) = board.sweep().await {
                if db.is_closed() {
                    break;
                }
                tracing::error!(error = %e, "cannot expire silent viewers");
            }
        }
    });
}
