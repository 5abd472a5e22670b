//! The agent workspace's resources beyond tickets and views: groups and agents, quick replies,
//! my settings, customers with phone registration, and ticket presence. The rules live in
//! `crate::workspace` (and `crate::tickets::create_for`).

use super::extract::{ApiJson, ApiQuery, IdempotencyKey, PathId};
use super::tickets::with_etag;
use super::widget::{check_channel, ChannelHeader};
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::tickets;
use crate::workspace::{self, customers, directory, presence, quick_replies, settings, staff};
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baton_core::{
    AgentGroup, AgentInfo, Channel, CustomerGroupInfo, CustomerInfo, CustomerPanel, NewCustomer, NewQuickReply, NewTicket, Presence,
    PresenceBeat, QuickReply, UserSettings,
};
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .get("/groups", groups)
        .get("/agents", agents)
        .get("/customer-groups", customer_groups)
        .get("/quick-replies", list_replies)
        .post("/quick-replies", create_reply)
        .put("/quick-replies/{id}", update_reply)
        .delete("/quick-replies/{id}", delete_reply)
        .get("/me/settings", get_settings)
        .put("/me/settings", put_settings)
        .get("/customers", search_customers)
        .post("/customers", create_customer)
        .get("/customers/{id}", customer_panel)
        .get("/tickets/{id}/requester", requester_panel)
        .post("/customers/{id}/tickets", register_ticket)
        .get("/tickets/{id}/presence", presence)
        .post("/tickets/{id}/presence", beat)
        .delete("/tickets/{id}/presence", leave)
}

/// A body read only after the role check, so a customer learns nothing from a malformed one.
fn body<T>(user: &CurrentUser, body: Result<ApiJson<T>, Error>) -> Result<T, Error> {
    staff(user)?;
    body.map(|ApiJson(value)| value)
}

async fn groups(State(s): State<AppState>, user: CurrentUser) -> Result<Json<Vec<AgentGroup>>, Error> {
    Ok(Json(directory::groups(&s.db, &user).await?))
}

async fn agents(State(s): State<AppState>, user: CurrentUser) -> Result<Json<Vec<AgentInfo>>, Error> {
    Ok(Json(directory::agents(&s.db, &user).await?))
}

async fn customer_groups(State(s): State<AppState>, user: CurrentUser) -> Result<Json<Vec<CustomerGroupInfo>>, Error> {
    Ok(Json(directory::customer_groups(&s.db, &user).await?))
}

async fn list_replies(State(s): State<AppState>, user: CurrentUser) -> Result<Json<Vec<QuickReply>>, Error> {
    Ok(Json(quick_replies::list(&s.db, &user).await?))
}

async fn create_reply(
    State(s): State<AppState>,
    user: CurrentUser,
    new: Result<ApiJson<NewQuickReply>, Error>,
) -> Result<(StatusCode, Json<QuickReply>), Error> {
    let new = body(&user, new)?;
    Ok((StatusCode::CREATED, Json(quick_replies::create(&s.db, &user, new).await?)))
}

async fn update_reply(
    State(s): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    new: Result<ApiJson<NewQuickReply>, Error>,
) -> Result<Json<QuickReply>, Error> {
    let new = body(&user, new)?;
    Ok(Json(quick_replies::update(&s.db, &user, id, new).await?))
}

async fn delete_reply(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<StatusCode, Error> {
    quick_replies::delete(&s.db, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn get_settings(State(s): State<AppState>, user: CurrentUser) -> Result<Json<UserSettings>, Error> {
    Ok(Json(settings::get(&s.db, &user).await?))
}

async fn put_settings(
    State(s): State<AppState>,
    user: CurrentUser,
    new: Result<ApiJson<UserSettings>, Error>,
) -> Result<Json<UserSettings>, Error> {
    let new = body(&user, new)?;
    Ok(Json(settings::put(&s.db, &user, new).await?))
}

#[derive(Debug, Default, Deserialize)]
struct CustomerQuery {
    #[serde(default)]
    q: String,
    limit: Option<i64>,
}

async fn search_customers(
    State(s): State<AppState>,
    user: CurrentUser,
    query: Result<ApiQuery<CustomerQuery>, Error>,
) -> Result<Json<Vec<CustomerInfo>>, Error> {
    staff(&user)?;
    let ApiQuery(query) = query?;
    Ok(Json(customers::search(&s.db, &user, &query.q, query.limit).await?))
}

async fn create_customer(
    State(s): State<AppState>,
    user: CurrentUser,
    new: Result<ApiJson<NewCustomer>, Error>,
) -> Result<Response, Error> {
    let new = body(&user, new)?;
    let customer = customers::create(&s, &user, new).await?;
    let location = format!("/api/v1/customers/{}", customer.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(customer)).into_response())
}

async fn customer_panel(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<Json<CustomerPanel>, Error> {
    Ok(Json(customers::panel(&s.db, &user, id).await?))
}

/// The panel of ticket `id`'s requester, whoever asked it.
async fn requester_panel(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<Json<CustomerPanel>, Error> {
    Ok(Json(customers::requester_panel(&s.db, &user, id).await?))
}

/// Phone registration: a ticket for customer `id`, by staff; channel `phone` unless the
/// `Baton-Channel` header names another.
async fn register_ticket(
    State(s): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    IdempotencyKey(key): IdempotencyKey,
    headers: HeaderMap,
    channel: Result<ChannelHeader, Error>,
    new: Result<ApiJson<NewTicket>, Error>,
) -> Result<Response, Error> {
    let new = body(&user, new)?;
    let channel = match headers.contains_key("baton-channel") {
        true => check_channel(channel?.0, &user)?,
        false => Channel::Phone,
    };
    let customer = customers::find(&s.db, &user, id).await?;
    let outcome = tickets::create_for(&s, &user, customer.id, new, key.as_deref(), channel).await?;
    let status = if outcome.replayed { StatusCode::OK } else { StatusCode::CREATED };
    let location = format!("/api/v1/tickets/{}", outcome.value.id);
    let mut response = with_etag(status, outcome.value);
    if let Ok(location) = header::HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

async fn presence(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<Json<Presence>, Error> {
    workspace::presence_viewer(&s.db, &user, id).await?;
    Ok(Json(presence::get(&s, user.tenant_id, id).await?))
}

async fn beat(
    State(s): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    beat: Result<ApiJson<PresenceBeat>, Error>,
) -> Result<Json<Presence>, Error> {
    let me = workspace::presence_viewer(&s.db, &user, id).await?;
    let ApiJson(beat) = beat?;
    Ok(Json(presence::beat(&s, user.tenant_id, id, me, beat.typing).await?))
}

async fn leave(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<StatusCode, Error> {
    workspace::presence_viewer(&s.db, &user, id).await?;
    presence::leave(&s, user.tenant_id, id, user.id).await?;
    Ok(StatusCode::NO_CONTENT)
}
