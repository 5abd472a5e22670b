//! The staff admin API (`agents.manage`): `GET/POST /admin/agents`,
//! `POST /admin/agents/{id}/invitation` and `PATCH /admin/agents/{id}`. The rules live in
//! `crate::agents`; mail goes out in the language of the request (`Accept-Language`).

use super::extract::{ApiJson, PathId};
use super::admin_roles::body;
use super::session::mail_lang;
use super::{AppState, Error, Routes};
use crate::agents;
use crate::auth::CurrentUser;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use baton_core::{AdminAgent, AgentPatch, NewAgent};

pub fn router() -> Routes {
    Routes::new()
        .get("/admin/agents", list)
        .post("/admin/agents", invite)
        .post("/admin/agents/{id}/invitation", resend)
        .patch("/admin/agents/{id}", change)
}

async fn list(State(s): State<AppState>, user: CurrentUser) -> Result<Json<Vec<AdminAgent>>, Error> {
    Ok(Json(agents::list(&s, &user).await?))
}

async fn invite(
    State(s): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    new: Result<ApiJson<NewAgent>, Error>,
) -> Result<(StatusCode, Json<AdminAgent>), Error> {
    let new = body(&user, new)?;
    Ok((StatusCode::CREATED, Json(agents::invite(&s, &user, new, mail_lang(&headers)).await?)))
}

async fn resend(
    State(s): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<(StatusCode, Json<serde_json::Value>), Error> {
    agents::resend(&s, &user, id, mail_lang(&headers)).await?;
    Ok((StatusCode::ACCEPTED, Json(serde_json::json!({}))))
}

async fn change(
    State(s): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    patch: Result<ApiJson<AgentPatch>, Error>,
) -> Result<Json<AdminAgent>, Error> {
    let patch = body(&user, patch)?;
    Ok(Json(agents::change(&s, &user, id, patch).await?))
}
