//! Single-use stream tickets: `EventSource` cannot send `Authorization`, so a client with a
//! bearer session trades it (`POST /events/ticket`) for a short-lived random ticket it puts in the
//! stream's query string (`GET /events?ticket=…`).
//!
//! Held in memory only: a ticket lives a minute, and a restart merely makes the client ask for a
//! new one. Query strings are never logged (see `http::request_span`), so the ticket does not
//! end up in the logs either.

use crate::auth::{new_token, CurrentUser};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a ticket may wait before it opens a stream.
pub const TICKET_TTL: Duration = Duration::from_secs(60);

/// The tickets issued and not yet used or expired, shared by every request.
#[derive(Clone)]
pub struct StreamTickets {
    ttl: Duration,
    open: Arc<Mutex<HashMap<String, Issued>>>,
}

/// Whom a ticket stands for, until when.
struct Issued {
    user: CurrentUser,
    expires: Instant,
}

impl Default for StreamTickets {
    fn default() -> Self {
        StreamTickets::new(TICKET_TTL)
    }
}

impl StreamTickets {
    pub fn new(ttl: Duration) -> StreamTickets {
        StreamTickets {
            ttl,
            open: Arc::default(),
        }
    }

    /// How long a ticket issued now stays valid.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// A fresh ticket for `user`.
    pub fn issue(&self, user: CurrentUser) -> String {
        let ticket = new_token();
        let now = Instant::now();
        let mut open = self.lock();
        // Pruned here as well as on use, so tickets nobody redeems cannot pile up.
        open.retain(|_, issued| issued.expires > now);
        open.insert(
            ticket.clone(),
            Issued {
                user,
                expires: now + self.ttl,
            },
        );
        ticket
    }

    /// The user `ticket` was issued to, if it is known and not expired; it is used up either way.
    pub fn redeem(&self, ticket: &str) -> Option<CurrentUser> {
        let now = Instant::now();
        let mut open = self.lock();
        let issued = open.remove(ticket);
        open.retain(|_, issued| issued.expires > now);
        issued.filter(|i| i.expires > now).map(|i| i.user)
    }

    /// The map, even after a panic elsewhere poisoned the lock: it holds no invariant a panic
    /// could break halfway.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Issued>> {
        self.open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::Role;

    fn user() -> CurrentUser {
        CurrentUser {
            id: 7,
            tenant_id: 1,
            role: Role::Customer,
            share_group_id: None,
            permissions: baton_core::Permissions::NONE,
        }
    }

    #[test]
    fn a_ticket_works_once() {
        let tickets = StreamTickets::default();
        let ticket = tickets.issue(user());
        assert_eq!(tickets.redeem(&ticket), Some(user()));
        assert_eq!(tickets.redeem(&ticket), None);
        assert_eq!(tickets.redeem("unknown"), None);
    }

    #[test]
    fn an_expired_ticket_is_refused_and_pruned() {
        let tickets = StreamTickets::new(Duration::ZERO);
        let ticket = tickets.issue(user());
        tickets.issue(user());
        assert_eq!(tickets.redeem(&ticket), None);
        assert!(tickets.lock().is_empty());
    }
}
