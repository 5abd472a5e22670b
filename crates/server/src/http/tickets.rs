//! Tickets: create (`POST /tickets`), list (`GET /tickets`), read (`GET /tickets/{id}`) and move
//! through the lifecycle (`POST /tickets/{id}/actions`); staff edits and flags in `staff`. The
//! rules live in `crate::tickets`.

mod staff;

pub(super) use staff::with_etag;

use super::extract::{ApiJson, ApiQuery, IdempotencyKey, PathId};
use super::widget::{check_channel, ChannelHeader};
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::tickets::{self, ListQuery};
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baton_core::{NewTicket, Page, TicketAction, TicketSummary};

pub fn router() -> Routes {
    Routes::new()
        .post("/tickets", create)
        .get("/tickets", list)
        .post("/tickets/bulk", staff::bulk)
        .get("/tickets/{id}", show)
        .patch("/tickets/{id}", staff::patch)
        .post("/tickets/{id}/actions", act)
        .post("/tickets/{id}/trash", staff::trash)
        .delete("/tickets/{id}/trash", staff::restore)
        .post("/tickets/{id}/suspend", staff::suspend)
        .delete("/tickets/{id}/suspend", staff::unsuspend)
        .put("/tickets/{id}/star", staff::star)
        .delete("/tickets/{id}/star", staff::unstar)
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    IdempotencyKey(key): IdempotencyKey,
    ChannelHeader(channel): ChannelHeader,
    ApiJson(new): ApiJson<NewTicket>,
) -> Result<Response, Error> {
    let channel = check_channel(channel, &user)?;
    let outcome = tickets::create_via(&state, &user, new, key.as_deref(), channel).await?;
    // A replay answers 200: nothing new was created this time.
    let status = if outcome.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let location = format!("/api/v1/tickets/{}", outcome.value.id);
    Ok((status, [(header::LOCATION, location)], Json(outcome.value)).into_response())
}

async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<Page<TicketSummary>>, Error> {
    Ok(Json(tickets::list(&state, &user, query).await?))
}

async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
) -> Result<Response, Error> {
    Ok(staff::with_etag(StatusCode::OK, tickets::get(&state, &user, id).await?))
}

async fn act(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    staff::IfMatch(expected): staff::IfMatch,
    ApiJson(event): ApiJson<TicketAction>,
) -> Result<Response, Error> {
    let ticket = tickets::act(&state, &user, id, expected, event).await?;
    Ok(staff::with_etag(StatusCode::OK, ticket))
}
