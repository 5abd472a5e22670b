//! Workflows (`crate::workflows`, issue 13): templates under `/admin/workflows` and a ticket's
//! moves, `POST /tickets/{id}/workflow/pass` and `/workflow/return` (answered with the ticket and
//! its ETag, as the other ticket writes are).

use super::extract::{ApiJson, PathId};
use super::tickets::with_etag;
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::tickets;
use crate::workflows::admin;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use baton_core::{PassOn, ReturnStep, Workflow, WorkflowSpec};

pub fn router() -> Routes {
    Routes::new()
        .get("/admin/workflows", list)
        .post("/admin/workflows", create)
        .get("/admin/workflows/{id}", get)
        .put("/admin/workflows/{id}", replace)
        .delete("/admin/workflows/{id}", delete)
        .post("/tickets/{id}/workflow/pass", pass)
        .post("/tickets/{id}/workflow/return", return_step)
}

async fn list(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Vec<Workflow>>, Error> {
    Ok(Json(admin::list(&state.db, &user).await?))
}

async fn get(State(state): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<Json<Workflow>, Error> {
    Ok(Json(admin::get(&state.db, &user, id).await?))
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(spec): ApiJson<WorkflowSpec>,
) -> Result<(StatusCode, Json<Workflow>), Error> {
    Ok((StatusCode::CREATED, Json(admin::save(&state, &user, None, &spec).await?)))
}

async fn replace(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    ApiJson(spec): ApiJson<WorkflowSpec>,
) -> Result<Json<Workflow>, Error> {
    Ok(Json(admin::save(&state, &user, Some(id), &spec).await?))
}

async fn delete(State(state): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<StatusCode, Error> {
    admin::delete(&state, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn pass(State(state): State<AppState>, user: CurrentUser, PathId(id): PathId, ApiJson(body): ApiJson<PassOn>) -> Result<Response, Error> {
    let ticket = tickets::pass(&state, &user, id, &body).await?;
    Ok(with_etag(StatusCode::OK, ticket))
}

async fn return_step(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    ApiJson(body): ApiJson<ReturnStep>,
) -> Result<Response, Error> {
    let ticket = tickets::return_step(&state, &user, id, &body).await?;
    Ok(with_etag(StatusCode::OK, ticket))
}
