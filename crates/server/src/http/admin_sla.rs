//! SLA setup (`sla::admin`): business calendars and ordered policies under `/admin/sla/`.

use super::extract::{ApiJson, PathId};
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::sla::admin;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use baton_core::sla::{CalendarSpec, PolicyOrder, PolicySpec, SlaCalendar, SlaPolicy};

pub fn router() -> Routes {
    Routes::new()
        .get("/admin/sla/calendars", calendars)
        .post("/admin/sla/calendars", create_calendar)
        .put("/admin/sla/calendars/{id}", replace_calendar)
        .delete("/admin/sla/calendars/{id}", delete_calendar)
        .get("/admin/sla/policies", policies)
        .post("/admin/sla/policies", create_policy)
        .put("/admin/sla/policies/order", order_policies)
        .put("/admin/sla/policies/{id}", replace_policy)
        .delete("/admin/sla/policies/{id}", delete_policy)
}

async fn calendars(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Vec<SlaCalendar>>, Error> {
    Ok(Json(admin::calendars(&state.db, &user).await?))
}

async fn create_calendar(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(spec): ApiJson<CalendarSpec>,
) -> Result<(StatusCode, Json<SlaCalendar>), Error> {
    Ok((StatusCode::CREATED, Json(admin::save_calendar(&state, &user, None, &spec).await?)))
}

async fn replace_calendar(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    ApiJson(spec): ApiJson<CalendarSpec>,
) -> Result<Json<SlaCalendar>, Error> {
    Ok(Json(admin::save_calendar(&state, &user, Some(id), &spec).await?))
}

async fn delete_calendar(State(state): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<StatusCode, Error> {
    admin::delete_calendar(&state, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn policies(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Vec<SlaPolicy>>, Error> {
    Ok(Json(admin::policies(&state.db, &user).await?))
}

async fn create_policy(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(spec): ApiJson<PolicySpec>,
) -> Result<(StatusCode, Json<SlaPolicy>), Error> {
    Ok((StatusCode::CREATED, Json(admin::save_policy(&state, &user, None, &spec).await?)))
}

async fn replace_policy(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    ApiJson(spec): ApiJson<PolicySpec>,
) -> Result<Json<SlaPolicy>, Error> {
    Ok(Json(admin::save_policy(&state, &user, Some(id), &spec).await?))
}

async fn order_policies(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(order): ApiJson<PolicyOrder>,
) -> Result<Json<Vec<SlaPolicy>>, Error> {
    Ok(Json(admin::order_policies(&state, &user, &order).await?))
}

async fn delete_policy(State(state): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<StatusCode, Error> {
    admin::delete_policy(&state, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
