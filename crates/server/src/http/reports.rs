//! `/reports/*`: the summary and the workload per agent (spec/openapi.yaml, tag `reports`). The
//! numbers and their permissions are `crate::reports`'.

use super::extract::ApiQuery;
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::reports::{self, ReportQuery};
use axum::extract::State;
use axum::Json;
use baton_core::{AgentWorkload, ReportSummary};

pub fn router() -> Routes {
    Routes::new().get("/reports/summary", summary).get("/reports/agents", agents)
}

/// The query is checked after the permission, so a user without it learns nothing from a bad one.
fn query(user: &CurrentUser, query: Result<ApiQuery<ReportQuery>, Error>) -> Result<ReportQuery, Error> {
    user.require(baton_core::Permission::ReportsView)?;
    query.map(|ApiQuery(q)| q)
}

async fn summary(
    State(s): State<AppState>,
    user: CurrentUser,
    q: Result<ApiQuery<ReportQuery>, Error>,
) -> Result<Json<ReportSummary>, Error> {
    let q = query(&user, q)?;
    Ok(Json(reports::summary::summary(&s, &user, &q).await?))
}

async fn agents(
    State(s): State<AppState>,
    user: CurrentUser,
    q: Result<ApiQuery<ReportQuery>, Error>,
) -> Result<Json<Vec<AgentWorkload>>, Error> {
    let q = query(&user, q)?;
    Ok(Json(reports::agents::agents(&s, &user, &q).await?))
}
