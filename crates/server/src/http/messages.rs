//! A ticket's thread: `GET` and `POST /tickets/{id}/messages`. Who may see and post what is
//! decided in `crate::tickets` (internal notes are staff-only; replies may move the status).

use super::extract::{ApiJson, IdempotencyKey, PathId};
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::tickets;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use baton_core::{NewMessage, Page, ThreadEntry};

pub fn router() -> Routes {
    Routes::new()
        .get("/tickets/{id}/messages", list)
        .post("/tickets/{id}/messages", post)
}

async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
) -> Result<Json<Page<ThreadEntry>>, Error> {
    Ok(Json(tickets::messages(&state, &user, id).await?))
}

async fn post(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    IdempotencyKey(key): IdempotencyKey,
    ApiJson(new): ApiJson<NewMessage>,
) -> Result<Response, Error> {
    let outcome = tickets::post_message(&state, &user, id, new, key.as_deref()).await?;
    let status = if outcome.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(outcome.value)).into_response())
}
