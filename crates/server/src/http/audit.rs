//! The audit log (issue 12): `GET /admin/audit` (`settings.manage`). The rules live in
//! `crate::audit`.

use super::extract::ApiQuery;
use super::{AppState, Error, Routes};
use crate::audit;
use crate::auth::CurrentUser;
use axum::extract::State;
use axum::Json;
use baton_core::AuditPage;

pub fn router() -> Routes {
    Routes::new().get("/admin/audit", list)
}

async fn list(State(s): State<AppState>, user: CurrentUser, ApiQuery(q): ApiQuery<audit::list::Query>) -> Result<Json<AuditPage>, Error> {
    Ok(Json(audit::list(&s, &user, &q).await?))
}
