//! `GET /events`: live events as server-sent events. Each user receives the events of tickets they
//! may see (`events::may_receive_now`); `Last-Event-ID` (or `?last_event_id=`) first replays what was
//! missed from the events table, then the stream goes live. A comment every 15 s keeps proxies
//! from closing an idle stream.
//!
//! `POST /events/ticket` gives a single-use `?ticket=` for clients that cannot send the session
//! with `EventSource` (the widget's bearer token); see [`crate::stream_tickets`].

use super::extract::ApiQuery;
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::events::may_receive_now;
use crate::storage::events::{self as event_store, StoredEvent};
use crate::storage::tickets as ticket_store;
use crate::workspace::presence::PresenceEvent;
use crate::storage::{self, Db};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::Json;
use baton_core::problem::field_code;
use baton_core::StreamTicket;
use futures_util::stream::{self, Stream};
use serde::Deserialize;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::{self, error::RecvError};

pub const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// How many stored events one replay query reads.
const REPLAY_PAGE: i64 = 500;

pub fn router() -> Routes {
    Routes::new()
        .get("/events", subscribe)
        .post("/events/ticket", issue_ticket)
}

#[derive(Debug, Default, Deserialize)]
struct EventsQuery {
    last_event_id: Option<String>,
    ticket: Option<String>,
}

async fn issue_ticket(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<StreamTicket>, Error> {
    let expires_at = storage::now() + state.stream_tickets.ttl();
    Ok(Json(StreamTicket {
        ticket: state.stream_tickets.issue(user),
        expires_at: storage::timestamp(expires_at),
    }))
}

async fn subscribe(
    State(state): State<AppState>,
    session: Result<CurrentUser, Error>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<EventsQuery>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, Error> {
    // A ticket, when given, decides alone: a bad one is refused even alongside a valid session,
    // so a client never silently streams as someone other than the ticket says.
    let user = match query.ticket.as_deref() {
        Some(ticket) => state
            .stream_tickets
            .redeem(ticket)
            .ok_or(Error::Unauthenticated)?,
        None => session?,
    };
    let header = headers.get("last-event-id").and_then(|v| v.to_str().ok());
    let resume = match header.or(query.last_event_id.as_deref()).map(str::trim) {
        None | Some("") => None,
        Some(id) => Some(
            id.parse::<i64>()
                .ok()
                .filter(|id| *id >= 0)
                .ok_or_else(|| Error::field("last_event_id", field_code::INVALID_VALUE))?,
        ),
    };
    // Subscribe before replaying, so nothing committed in between is lost; duplicates are
    // dropped by id.
    let feed = Feed {
        live: state.events.subscribe(),
        presence: state.events.presence.subscribe(),
        db: state.db.clone(),
        user,
        last_id: resume.unwrap_or(0),
        replaying: resume.is_some(),
        backlog: VecDeque::new(),
    };
    let events = stream::unfold(feed, |mut feed| async move {
        let item = feed.next().await?;
        Some((Ok(item), feed))
    });
    Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE).text("keep-alive")))
}

/// One subscriber's position: the last id sent, stored events still to replay, the live feed.
struct Feed {
    live: broadcast::Receiver<StoredEvent>,
    /// Presence changes: live only, without ids (a resume never replays them).
    presence: broadcast::Receiver<PresenceEvent>,
    db: Db,
    user: CurrentUser,
    last_id: i64,
    replaying: bool,
    backlog: VecDeque<StoredEvent>,
}

impl Feed {
    /// The next event for this user; `None` ends the stream (server shutting down, or the
    /// database failing, which the client answers by reconnecting with its Last-Event-ID).
    async fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(event) = self.backlog.pop_front() {
                if event.id > self.last_id {
                    self.last_id = event.id;
                    if may_receive_now(&self.db, &self.user, &event).await {
                        return Some(frame(&event));
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
                            return Some(presence_frame(&event));
                        }
                    }
                    // Missed presence is stale anyway; the next change brings the whole list.
                    Err(RecvError::Lagged(_)) => {}
                    Err(RecvError::Closed) => return None,
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
    if user.sees_all_tickets() {
        return true;
    }
    match ticket_store::visible(db, user.ticket_scope(), event.presence.ticket_id, false).await {
        Ok(visible) => visible,
        Err(e) => {
            tracing::error!(error = %e, "cannot check who sees presence");
            false
        }
    }
}

fn presence_frame(event: &PresenceEvent) -> Event {
    let data = serde_json::to_string(&event.presence).unwrap_or_else(|_| "{}".to_owned());
    Event::default().event("presence").data(data)
}

fn frame(event: &StoredEvent) -> Event {
    let data = serde_json::to_string(&event.data).unwrap_or_else(|_| "{}".to_owned());
    Event::default()
        .id(event.id.to_string())
        .event(event.event_type.as_str())
        .data(data)
}
