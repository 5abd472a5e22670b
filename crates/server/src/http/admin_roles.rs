//! The roles admin API (`agents.manage`): `GET/POST /admin/roles`, `PATCH/DELETE /admin/roles/{id}`
//! and `PUT /admin/agents/{id}/role`. The rules live in `crate::roles`.

use super::extract::{ApiJson, PathId};
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::roles;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use baton_core::{AgentInfo, AgentRole, NewRole, Permission, RoleInfo, RolePatch};

pub fn router() -> Routes {
    Routes::new()
        .get("/admin/roles", list)
        .post("/admin/roles", create)
        .patch("/admin/roles/{id}", update)
        .delete("/admin/roles/{id}", remove)
        .put("/admin/agents/{id}/role", set_agent_role)
}

/// A body read only after the permission check (`agents.manage`, here and in `admin_agents`), so
/// whoever lacks it learns nothing from a malformed one.
pub(super) fn body<T>(user: &CurrentUser, body: Result<ApiJson<T>, Error>) -> Result<T, Error> {
    user.require(Permission::AgentsManage)?;
    body.map(|ApiJson(value)| value)
}

async fn list(State(s): State<AppState>, user: CurrentUser) -> Result<Json<Vec<RoleInfo>>, Error> {
    Ok(Json(roles::list(&s, &user).await?))
}

async fn create(
    State(s): State<AppState>,
    user: CurrentUser,
    new: Result<ApiJson<NewRole>, Error>,
) -> Result<(StatusCode, Json<RoleInfo>), Error> {
    let new = body(&user, new)?;
    Ok((StatusCode::CREATED, Json(roles::create(&s, &user, new).await?)))
}

async fn update(
    State(s): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    patch: Result<ApiJson<RolePatch>, Error>,
) -> Result<Json<RoleInfo>, Error> {
    let patch = body(&user, patch)?;
    Ok(Json(roles::update(&s, &user, id, patch).await?))
}

async fn remove(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<StatusCode, Error> {
    roles::delete(&s, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn set_agent_role(
    State(s): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    change: Result<ApiJson<AgentRole>, Error>,
) -> Result<Json<AgentInfo>, Error> {
    let change = body(&user, change)?;
    Ok(Json(roles::set_agent_role(&s, &user, id, change).await?))
}
