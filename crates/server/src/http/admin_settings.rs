//! The desk's settings: `GET /admin/settings` and `PATCH /admin/settings` (`settings`).

use super::extract::ApiJson;
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::settings;
use axum::extract::State;
use axum::Json;
use baton_core::{DeskSettings, DeskSettingsPatch};

pub fn router() -> Routes {
    Routes::new().get("/admin/settings", show).patch("/admin/settings", change)
}

async fn show(State(state): State<AppState>, user: CurrentUser) -> Result<Json<DeskSettings>, Error> {
    Ok(Json(settings::get(&state.db, &user).await?))
}

async fn change(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(patch): ApiJson<DeskSettingsPatch>,
) -> Result<Json<DeskSettings>, Error> {
    Ok(Json(settings::update(&state, &user, &patch).await?))
}
