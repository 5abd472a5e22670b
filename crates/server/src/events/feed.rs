//! One subscriber's live feed: stored events it may receive (replayed from the table after a
//! `Last-Event-ID`, then live) and presence changes, in id order without duplicates.

use super::may_receive_now;
use crate::auth::CurrentUser;
use crate::services::Services;
use crate::sessions::StreamOwner;
use crate::storage::events::{self as event_store, StoredEvent};
use crate::storage::tickets as ticket_store;
use crate::storage::{self, Db};
use crate::workspace::presence::PresenceEvent;
use std::collections::VecDeque;
use tokio::sync::broadcast::{self, error::RecvError};

/// How many stored events one replay query reads.
const REPLAY_PAGE: i64 = 500;

/// How often a stream checks that its session is live and its user's rights unchanged (one
/// primary-key read): a logout, an expiry, a deactivation or a role change ends it within this.
pub const OWNER_RECHECK: std::time::Duration = std::time::Duration::from_secs(3);

/// What a live feed delivers next.
pub enum FeedItem {
    /// A stored event (it has an id a client can resume from).
    Stored(StoredEvent),
    /// Who is viewing a ticket: live only, never stored.
    Presence(PresenceEvent),
}

/// One subscriber's position: the last id sent, stored events still to replay, the live feed.
pub struct Feed {
    live: broadcast::Receiver<StoredEvent>,
    /// Presence changes: live only, without ids (a resume never replays them).
    presence: broadcast::Receiver<PresenceEvent>,
    db: Db,
    user: CurrentUser,
    app: Services,
    owner: StreamOwner,
    recheck: tokio::time::Interval,
    last_id: i64,
    replaying: bool,
    backlog: VecDeque<StoredEvent>,
}

impl Feed {
    /// The feed of `user`, resuming after event `resume` when given (replayed from the table
    /// first), else live from now. It subscribes before reading where to start, so nothing
    /// committed in between is lost; duplicates are dropped by id.
    ///
    /// "Now" is the tenant's last event id, read after subscribing: on PostgreSQL the relay may
    /// still be broadcasting events committed before the client asked, which a live-only client
    /// must not receive as if they were new (on SQLite it is a cheap read of an index's end).
    pub async fn new(app: &Services, owner: StreamOwner, resume: Option<i64>) -> Result<Feed, storage::Error> {
        let user = owner.user;
        let (live, presence) = app.events.subscribe().await?;
        let last_id = match resume {
            Some(id) => id,
            None => event_store::last_id(&app.db, user.tenant_id).await?,
        };
        Ok(Feed {
            live,
            presence,
            db: app.db.clone(),
            user,
            app: app.clone(),
            owner,
            recheck: tokio::time::interval_at(tokio::time::Instant::now() + OWNER_RECHECK, OWNER_RECHECK),
            last_id,
            replaying: resume.is_some(),
            backlog: VecDeque::new(),
        })
    }

    /// The next event for this user; `None` ends the stream (server shutting down, the database
    /// failing, which the client answers by reconnecting with its Last-Event-ID, or the owner's
    /// session or rights gone: [`OWNER_RECHECK`]).
    pub async fn next(&mut self) -> Option<FeedItem> {
        loop {
            if let Some(event) = self.backlog.pop_front() {
                if event.id > self.last_id {
                    match may_receive_now(&self.db, &self.user, &event).await {
                        Ok(receives) => {
                            self.last_id = event.id;
                            if receives {
                                return Some(FeedItem::Stored(event));
                            }
                        }
                        Err(e) => {
                            // Ending here makes the client reconnect from the last event it got,
                            // so this one is checked again instead of lost.
                            tracing::error!(error = %e, "cannot check who sees an event");
                            return None;
                        }
                    }
                }
                continue;
            }
            if self.replaying {
                let page = match event_store::since(
                    &self.db,
                    self.user.tenant_id,
                    self.last_id,
                    REPLAY_PAGE,
                )
                .await
                {
                    Ok(page) => page,
                    Err(e) => {
                        tracing::error!(error = %e, "cannot replay events");
                        return None;
                    }
                };
                self.replaying = page.len() as i64 == REPLAY_PAGE;
                self.backlog.extend(page);
                continue;
            }
            tokio::select! {
                live = self.live.recv() => match live {
                    Ok(event) => self.backlog.push_back(event),
                    // Fell behind the channel: the table has everything, catch up from there.
                    Err(RecvError::Lagged(_)) => self.replaying = true,
                    Err(RecvError::Closed) => return None,
                },
                presence = self.presence.recv() => match presence {
                    Ok(event) => {
                        if may_see_presence(&self.db, &self.user, &event).await {
                            return Some(FeedItem::Presence(event));
                        }
                    }
                    // Missed presence is stale anyway; the next change brings the whole list.
                    Err(RecvError::Lagged(_)) => {}
                    Err(RecvError::Closed) => return None,
                },
                _ = self.recheck.tick() => match self.owner.still_holds(&self.app).await {
                    Ok(true) => {}
                    Ok(false) => {
                        tracing::info!(user_id = self.user.id, "event stream ended: its session or rights changed");
                        return None;
                    }
                    // The client reconnects and is checked afresh.
                    Err(e) => {
                        tracing::error!(error = %e, "cannot check an event stream's session");
                        return None;
                    }
                },
            }
        }
    }
}

/// Presence goes to staff of the tenant who may see the ticket now; customers never get it.
async fn may_see_presence(db: &Db, user: &CurrentUser, event: &PresenceEvent) -> bool {
    if !user.role.is_staff() || event.tenant_id != user.tenant_id {
        return false;
    }
    if user.can(baton_core::Permission::TicketsSeeAll) {
        return true;
    }
    match ticket_store::visible(db, user.ticket_scope(), event.presence.ticket_id).await {
        Ok(visible) => visible,
        Err(e) => {
            tracing::error!(error = %e, "cannot check who sees presence");
            false
        }
    }
}

