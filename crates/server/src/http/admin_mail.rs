//! `GET /admin/mail`: the desk's mail outbox (`settings.manage`), newest first, never a body. The
//! rules live in `crate::mail::outbox`.

use super::extract::ApiQuery;
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::mail::outbox;
use axum::extract::State;
use axum::Json;
use baton_core::OutboxPage;

pub fn router() -> Routes {
    Routes::new().get("/admin/mail", list)
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MailQuery {
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    cursor: Option<String>,
}

async fn list(State(s): State<AppState>, user: CurrentUser, ApiQuery(q): ApiQuery<MailQuery>) -> Result<Json<OutboxPage>, Error> {
    Ok(Json(outbox::list(&s, &user, q.status.as_deref(), q.cursor.as_deref()).await?))
}
