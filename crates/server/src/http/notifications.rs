//! Notifications (issue 13): the caller's inbox (`GET /notifications`), marking read
//! (`POST /notifications/read`) and preferences (`GET`/`PUT /me/notification-preferences`). The
//! rules live in `crate::notifications::inbox`; each endpoint only ever touches the caller's own.

use super::extract::{ApiJson, ApiQuery};
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::notifications::inbox;
use axum::extract::State;
use axum::Json;
use baton_core::{MarkRead, NotificationPage, NotificationPreferences, UnreadCount};

pub fn router() -> Routes {
    Routes::new()
        .get("/notifications", list)
        .post("/notifications/read", mark_read)
        .get("/me/notification-preferences", preferences)
        .put("/me/notification-preferences", set_preferences)
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct InboxQuery {
    #[serde(default)]
    cursor: Option<String>,
    #[serde(default)]
    limit: Option<String>,
}

async fn list(State(s): State<AppState>, user: CurrentUser, ApiQuery(q): ApiQuery<InboxQuery>) -> Result<Json<NotificationPage>, Error> {
    Ok(Json(inbox::list(&s, &user, q.cursor.as_deref(), q.limit.as_deref()).await?))
}

async fn mark_read(State(s): State<AppState>, user: CurrentUser, ApiJson(body): ApiJson<MarkRead>) -> Result<Json<UnreadCount>, Error> {
    Ok(Json(inbox::mark_read(&s, &user, &body).await?))
}

async fn preferences(State(s): State<AppState>, user: CurrentUser) -> Result<Json<NotificationPreferences>, Error> {
    Ok(Json(inbox::preferences(&s, &user).await?))
}

async fn set_preferences(
    State(s): State<AppState>,
    user: CurrentUser,
    ApiJson(body): ApiJson<NotificationPreferences>,
) -> Result<Json<NotificationPreferences>, Error> {
    Ok(Json(inbox::set_preferences(&s, &user, &body).await?))
}
