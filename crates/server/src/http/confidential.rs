//! Confidential info of a ticket: `PUT /tickets/{id}/confidential` (the requester sets, replaces
//! or clears it), `POST …/reveal` and `GET …/reveals` (staff). The rules live in
//! `crate::tickets`; the value never appears in a log line from here.

use super::extract::{ApiJson, PathId};
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::tickets;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use baton_core::{ConfidentialReveal, ConfidentialValue};

pub fn router() -> Routes {
    Routes::new()
        .put("/tickets/{id}/confidential", put)
        .post("/tickets/{id}/confidential/reveal", reveal)
        .get("/tickets/{id}/confidential/reveals", reveals)
}

async fn put(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    ApiJson(value): ApiJson<ConfidentialValue>,
) -> Result<StatusCode, Error> {
    tickets::put_confidential(&state, &user, id, value).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn reveal(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
) -> Result<Json<ConfidentialValue>, Error> {
    Ok(Json(tickets::reveal_confidential(&state, &user, id).await?))
}

async fn reveals(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
) -> Result<Json<Vec<ConfidentialReveal>>, Error> {
    Ok(Json(tickets::reveals(&state, &user, id).await?))
}
