//! `GET /events`: live events as server-sent events. Each user receives the events of tickets they
//! may see (`events::may_receive_now`); `Last-Event-ID` (or `?last_event_id=`) first replays what was
//! missed from the events table, then the stream goes live. A comment every 15 s keeps proxies
//! from closing an idle stream.
//!
//! `POST /events/ticket` gives a single-use `?ticket=` for clients that cannot send the session
//! with `EventSource` (the widget's bearer token); see [`crate::stream_tickets`].

use super::extract::ApiQuery;
use super::{AppState, Error, Routes};
use crate::error::Error as DomainError;
use crate::auth::{token_hash, CurrentUser};
use crate::sessions::StreamOwner;
use super::extract::session_token;
use crate::events::{Feed, FeedItem};
use crate::notifications::online::Online;
use crate::storage::events::StoredEvent;
use crate::workspace::presence::PresenceEvent;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::Json;
use baton_core::problem::field_code;
use baton_core::StreamTicket;
use futures_util::stream::{self, Stream};
use serde::Deserialize;
use std::convert::Infallible;
use std::time::Duration;

pub const KEEP_ALIVE: Duration = Duration::from_secs(15);

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
    headers: HeaderMap,
) -> Result<Json<StreamTicket>, Error> {
    // The extractor above found this token, so it is there.
    let session = session_token(&headers).ok_or(Error::Domain(DomainError::Unauthenticated))?;
    let issued = state.stream_tickets.issue(&state, &user, &session).await?;
    Ok(Json(StreamTicket {
        ticket: issued.ticket,
        expires_at: issued.expires_at,
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
    let owner = match query.ticket.as_deref() {
        Some(ticket) => state
            .stream_tickets
            .redeem(&state, ticket)
            .await?
            .ok_or(Error::Domain(DomainError::Unauthenticated))?,
        None => StreamOwner { user: session?, session: session_token(&headers).map(|t| token_hash(&t)) },
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
    // The place goes with the stream: dropped when the client goes or the stream ends.
    let slot = state
        .stream_slots
        .take((owner.user.tenant_id, owner.user.id))
        .ok_or(Error::Domain(DomainError::RateLimited { retry_after_secs: 5 }))?;
    let (tenant_id, user_id) = (owner.user.tenant_id, owner.user.id);
    let lang = crate::mail::Lang::from_accept_language(headers.get("accept-language").and_then(|v| v.to_str().ok()));
    let feed = Feed::new(&state, owner, resume).await.map_err(DomainError::from)?;
    // Online while the stream lives, on whichever replica (notifications mail only the offline).
    let online = Online::start(&state, tenant_id, user_id, lang);
    let events = stream::unfold((feed, slot, online), |(mut feed, slot, online)| async move {
        let frame = match feed.next().await? {
            FeedItem::Stored(event) => frame(&event),
            FeedItem::Presence(event) => presence_frame(&event),
        };
        Some((Ok(frame), (feed, slot, online)))
    });
    Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE).text("keep-alive")))
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
