//! Automations (`crate::automations`): the desk's rules under `/admin/automations`
//! (`settings.manage`).

use super::extract::{ApiJson, PathId};
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::automations::admin;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use baton_core::automation::{Automation, AutomationOrder, AutomationSpec};

pub fn router() -> Routes {
    Routes::new()
        .get("/admin/automations", list)
        .post("/admin/automations", create)
        .put("/admin/automations/order", order)
        .get("/admin/automations/{id}", get)
        .put("/admin/automations/{id}", replace)
        .delete("/admin/automations/{id}", delete)
}

async fn list(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Vec<Automation>>, Error> {
    Ok(Json(admin::list(&state.db, &user).await?))
}

async fn get(State(state): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<Json<Automation>, Error> {
    Ok(Json(admin::get(&state.db, &user, id).await?))
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(spec): ApiJson<AutomationSpec>,
) -> Result<(StatusCode, Json<Automation>), Error> {
    Ok((StatusCode::CREATED, Json(admin::save(&state, &user, None, &spec).await?)))
}

async fn replace(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    ApiJson(spec): ApiJson<AutomationSpec>,
) -> Result<Json<Automation>, Error> {
    Ok(Json(admin::save(&state, &user, Some(id), &spec).await?))
}

async fn order(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(order): ApiJson<AutomationOrder>,
) -> Result<Json<Vec<Automation>>, Error> {
    Ok(Json(admin::order(&state, &user, &order).await?))
}

async fn delete(State(state): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<StatusCode, Error> {
    admin::delete(&state, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
