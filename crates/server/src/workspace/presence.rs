//! Presence: which staff have a ticket open now and whether they are typing. In memory only (a
//! restart forgets it, as it should); a viewer who sends no heartbeat for [`TTL`] is gone. Every
//! change (join, leave, typing flip, expiry) is broadcast as a [`PresenceEvent`], which the live
//! stream forwards to staff of the tenant who may see the ticket — never to customers.

use baton_core::{Presence, UserRef, Viewer};
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;

/// How long a viewer stays without a heartbeat (the SPA beats about every 10 s).
pub const TTL: Duration = Duration::from_secs(30);

/// A change of one ticket's viewers, for the live stream to filter and send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresenceEvent {
    pub tenant_id: i64,
    pub presence: Presence,
}

struct Entry {
    name: String,
    typing: bool,
    seen: Instant,
}

/// (tenant, ticket) → user id → entry.
type Board = HashMap<(i64, i64), BTreeMap<i64, Entry>>;

/// The presence board and its broadcast channel, shared by every request (inside `EventHub`).
#[derive(Clone)]
pub struct PresenceHub {
    board: Arc<Mutex<Board>>,
    sender: broadcast::Sender<PresenceEvent>,
    ttl: Duration,
    sweeping: Arc<AtomicBool>,
}

impl PresenceHub {
    pub fn new(ttl: Duration) -> PresenceHub {
        let (sender, _) = broadcast::channel(256);
        PresenceHub { board: Arc::default(), sender, ttl, sweeping: Arc::default() }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<PresenceEvent> {
        self.sender.subscribe()
    }

    /// A heartbeat of `user` on ticket `ticket_id`; who is there now.
    pub fn beat(&self, tenant_id: i64, ticket_id: i64, user: UserRef, typing: bool) -> Presence {
        self.start_sweeper();
        let now = Instant::now();
        let mut board = self.lock();
        let viewers = board.entry((tenant_id, ticket_id)).or_default();
        let changed = match viewers.get_mut(&user.id) {
            Some(entry) => {
                entry.seen = now;
                entry.name = user.name;
                std::mem::replace(&mut entry.typing, typing) != typing
            }
            None => {
                viewers.insert(user.id, Entry { name: user.name, typing, seen: now });
                true
            }
        };
        let presence = snapshot(ticket_id, viewers);
        drop(board);
        if changed {
            self.announce(tenant_id, presence.clone());
        }
        presence
    }

    /// `user_id` leaves ticket `ticket_id` (nothing happens if they were not there).
    pub fn leave(&self, tenant_id: i64, ticket_id: i64, user_id: i64) {
        let mut board = self.lock();
        let Some(viewers) = board.get_mut(&(tenant_id, ticket_id)) else { return };
        if viewers.remove(&user_id).is_none() {
            return;
        }
        let presence = snapshot(ticket_id, viewers);
        if viewers.is_empty() {
            board.remove(&(tenant_id, ticket_id));
        }
        drop(board);
        self.announce(tenant_id, presence);
    }

    /// Who is on ticket `ticket_id` now.
    pub fn get(&self, tenant_id: i64, ticket_id: i64) -> Presence {
        let board = self.lock();
        match board.get(&(tenant_id, ticket_id)) {
            Some(viewers) => snapshot(ticket_id, viewers),
            None => Presence { ticket_id, viewers: Vec::new() },
        }
    }

    /// Drops viewers silent for longer than the TTL, announcing each ticket that changed.
    pub fn sweep(&self) {
        let now = Instant::now();
        let mut changed = Vec::new();
        let mut board = self.lock();
        board.retain(|&(tenant_id, ticket_id), viewers| {
            let before = viewers.len();
            viewers.retain(|_, e| now.duration_since(e.seen) < self.ttl);
            if viewers.len() != before {
                changed.push((tenant_id, snapshot(ticket_id, viewers)));
            }
            !viewers.is_empty()
        });
        drop(board);
        for (tenant_id, presence) in changed {
            self.announce(tenant_id, presence);
        }
    }

    fn announce(&self, tenant_id: i64, presence: Presence) {
        // Nobody listening is fine: presence is only ever live.
        let _ = self.sender.send(PresenceEvent { tenant_id, presence });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Board> {
        // A panic while holding the lock cannot leave the board half-written in a way that
        // matters (each entry is replaced whole), so a poisoned lock is used as is.
        self.board.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Starts, once, the task that expires silent viewers; it ends when the hub is dropped.
    fn start_sweeper(&self) {
        if self.sweeping.swap(true, Ordering::SeqCst) {
            return;
        }
        let weak: Weak<Mutex<Board>> = Arc::downgrade(&self.board);
        let (sender, ttl, sweeping) = (self.sender.clone(), self.ttl, self.sweeping.clone());
        let every = (ttl / 3).clamp(Duration::from_millis(50), Duration::from_secs(5));
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                let Some(board) = weak.upgrade() else { break };
                PresenceHub { board, sender: sender.clone(), ttl, sweeping: sweeping.clone() }.sweep();
            }
        });
    }
}

fn snapshot(ticket_id: i64, viewers: &BTreeMap<i64, Entry>) -> Presence {
    let viewers = viewers
        .iter()
        .map(|(id, e)| Viewer { user: UserRef { id: *id, name: e.name.clone() }, typing: e.typing })
        .collect();
    Presence { ticket_id, viewers }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(p: &Presence) -> Vec<(i64, bool)> {
        p.viewers.iter().map(|v| (v.user.id, v.typing)).collect()
    }

    #[tokio::test]
    async fn joins_flips_leaves_and_expiry_are_announced_once_each() {
        let hub = PresenceHub::new(Duration::from_secs(60));
        let mut rx = hub.subscribe();
        let u = |id| UserRef { id, name: format!("u{id}") };
        assert_eq!(who(&hub.beat(1, 5, u(7), false)), [(7, false)]);
        hub.beat(1, 5, u(7), false); // no change, no event
        hub.beat(1, 5, u(8), true);
        hub.leave(1, 5, 7);
        let got: Vec<_> = std::iter::from_fn(|| rx.try_recv().ok()).map(|e| who(&e.presence)).collect();
        assert_eq!(got, [vec![(7, false)], vec![(7, false), (8, true)], vec![(8, true)]]);
        assert_eq!(who(&hub.get(2, 5)), []); // another tenant's ticket 5 is another board
        let short = PresenceHub { ttl: Duration::ZERO, ..hub.clone() };
        short.sweep();
        assert_eq!(rx.try_recv().map(|e| who(&e.presence)).ok(), Some(vec![]));
        assert_eq!(who(&hub.get(1, 5)), []);
    }
}
