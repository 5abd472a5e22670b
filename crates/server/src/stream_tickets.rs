//! Single-use stream tickets: `EventSource` cannot send `Authorization`, so a client with a
//! bearer session trades it (`POST /events/ticket`) for a short-lived random ticket it puts in the
//! stream's query string (`GET /events?ticket=…`).
//!
//! Kept in the database (its SHA-256, like session tokens), so a ticket issued by one replica
//! opens the stream on whichever replica the load balancer picks; redeeming deletes the row, so it
//! works once across all of them. Expired ones nobody redeemed are purged by the scheduler. Query
//! strings are never logged (see `http::request_span`), so the ticket does not end up in the logs.

use crate::auth::{new_token, token_hash, CurrentUser};
use crate::error::Error;
use crate::services::Services;
use crate::sessions::{self, StreamOwner};
use crate::storage::{self, stream_tickets as store};
use std::time::Duration;

/// How long a ticket may wait before it opens a stream.
pub const TICKET_TTL: Duration = Duration::from_secs(60);

/// How long the tickets of this server live (tests shorten it).
#[derive(Debug, Clone, Copy)]
pub struct StreamTickets {
    ttl: Duration,
}

impl Default for StreamTickets {
    fn default() -> Self {
        StreamTickets::new(TICKET_TTL)
    }
}

/// A ticket as handed out: the secret, and until when it is valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub ticket: String,
    pub expires_at: String,
}

impl StreamTickets {
    pub fn new(ttl: Duration) -> StreamTickets {
        StreamTickets { ttl }
    }

    /// A fresh ticket for `user`, signed in with the session token `session`: the stream it opens
    /// ends when that session does.
    pub async fn issue(&self, app: &Services, user: &CurrentUser, session: &str) -> Result<Issued, Error> {
        let ticket = new_token();
        let ttl = time::Duration::try_from(self.ttl).unwrap_or(time::Duration::MAX);
        let expires_at = storage::timestamp(app.clock.now() + ttl);
        store::insert(&app.db, &token_hash(&ticket), (user.tenant_id, user.id), &token_hash(session), &expires_at)
            .await?;
        Ok(Issued { ticket, expires_at })
    }

    /// Whom `ticket` was issued to (user and session), if it is known and not expired; it is
    /// used up either way.
    pub async fn redeem(&self, app: &Services, ticket: &str) -> Result<Option<StreamOwner>, Error> {
        let now = storage::timestamp(app.clock.now());
        match store::redeem(&app.db, &token_hash(ticket), &now).await? {
            Some((row, session)) => Ok(Some(StreamOwner { user: sessions::current_user(row)?, session })),
            None => Ok(None),
        }
    }
}
