//! Routing (`crate::routing`): my availability, agent groups under `/admin/groups` and routing
//! rules under `/admin/routing/rules`.

use super::extract::{ApiJson, PathId};
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::routing::{self, groups, rules};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use baton_core::routing::RuleOrder;
use baton_core::{AdminGroup, Availability, GroupPatch, NewGroup, RoutingRule, RuleSpec};

pub fn router() -> Routes {
    Routes::new()
        .put("/me/availability", set_availability)
        .get("/admin/groups", list_groups)
        .post("/admin/groups", create_group)
        .patch("/admin/groups/{id}", update_group)
        .delete("/admin/groups/{id}", delete_group)
        .get("/admin/routing/rules", list_rules)
        .post("/admin/routing/rules", create_rule)
        .put("/admin/routing/rules/order", order_rules)
        .put("/admin/routing/rules/{id}", replace_rule)
        .delete("/admin/routing/rules/{id}", delete_rule)
}

async fn set_availability(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(body): ApiJson<Availability>,
) -> Result<Json<Availability>, Error> {
    routing::set_availability(&state.db, &user, body.available).await?;
    Ok(Json(body))
}

async fn list_groups(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Vec<AdminGroup>>, Error> {
    Ok(Json(groups::list(&state.db, &user).await?))
}

async fn create_group(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(new): ApiJson<NewGroup>,
) -> Result<(StatusCode, Json<AdminGroup>), Error> {
    Ok((StatusCode::CREATED, Json(groups::create(&state, &user, &new).await?)))
}

async fn update_group(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    ApiJson(patch): ApiJson<GroupPatch>,
) -> Result<Json<AdminGroup>, Error> {
    Ok(Json(groups::update(&state, &user, id, &patch).await?))
}

async fn delete_group(State(state): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<StatusCode, Error> {
    groups::delete(&state, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn list_rules(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Vec<RoutingRule>>, Error> {
    Ok(Json(rules::list(&state.db, &user).await?))
}

async fn create_rule(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(spec): ApiJson<RuleSpec>,
) -> Result<(StatusCode, Json<RoutingRule>), Error> {
    Ok((StatusCode::CREATED, Json(rules::save(&state, &user, None, &spec).await?)))
}

async fn replace_rule(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    ApiJson(spec): ApiJson<RuleSpec>,
) -> Result<Json<RoutingRule>, Error> {
    Ok(Json(rules::save(&state, &user, Some(id), &spec).await?))
}

async fn order_rules(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(order): ApiJson<RuleOrder>,
) -> Result<Json<Vec<RoutingRule>>, Error> {
    Ok(Json(rules::order(&state, &user, &order).await?))
}

async fn delete_rule(State(state): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<StatusCode, Error> {
    rules::delete(&state, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
