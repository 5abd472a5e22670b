//! Agent views (`/views`): the list in my order, custom view editing, order and hiding, the
//! counts of all views in one call, and a view's tickets. The rules live in `crate::views`.

use super::extract::{ApiJson, ApiQuery, PathKey};
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::views::{self, PageQuery};
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baton_core::{NewView, Page, TicketRow, View, ViewCount, ViewHidden, ViewOrder};

pub fn router() -> Routes {
    Routes::new()
        .get("/views", list)
        .post("/views", create)
        .get("/views/counts", counts)
        .put("/views/order", order)
        .get("/views/{id}", show)
        .put("/views/{id}", update)
        .delete("/views/{id}", remove)
        .put("/views/{id}/hidden", hidden)
        .get("/views/{id}/tickets", tickets)
}

async fn list(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Vec<View>>, Error> {
    Ok(Json(views::list(&state, &user).await?))
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(new): ApiJson<NewView>,
) -> Result<Response, Error> {
    let view = views::create(&state, &user, new).await?;
    let location = format!("/api/v1/views/{}", view.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(view)).into_response())
}

async fn counts(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Vec<ViewCount>>, Error> {
    Ok(Json(views::counts(&state, &user).await?))
}

async fn order(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(order): ApiJson<ViewOrder>,
) -> Result<StatusCode, Error> {
    views::set_order(&state, &user, order).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn show(State(state): State<AppState>, user: CurrentUser, PathKey(id): PathKey) -> Result<Json<View>, Error> {
    Ok(Json(views::get(&state, &user, &id).await?))
}

async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    PathKey(id): PathKey,
    ApiJson(new): ApiJson<NewView>,
) -> Result<Json<View>, Error> {
    Ok(Json(views::update(&state, &user, &id, new).await?))
}

async fn remove(State(state): State<AppState>, user: CurrentUser, PathKey(id): PathKey) -> Result<StatusCode, Error> {
    views::delete(&state, &user, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn hidden(
    State(state): State<AppState>,
    user: CurrentUser,
    PathKey(id): PathKey,
    ApiJson(h): ApiJson<ViewHidden>,
) -> Result<StatusCode, Error> {
    views::set_hidden(&state, &user, &id, h).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn tickets(
    State(state): State<AppState>,
    user: CurrentUser,
    PathKey(id): PathKey,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<Page<TicketRow>>, Error> {
    Ok(Json(views::page(&state, &user, &id, query).await?))
}
