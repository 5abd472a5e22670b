//! `/reports/*`: the summary, the workload per agent and per group, the tickets behind a number and their CSV
//! and XLSX exports (spec/openapi.yaml, tag `reports`). The numbers and their permissions are
//! `crate::reports`'; the export's body is streamed as the domain produces it.

use super::extract::ApiQuery;
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::reports::{self, ReportQuery};
use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use baton_core::{AgentWorkload, GroupWorkload, Page, RatingComment, Permission, ReportSummary, ReportTicket};
use baton_core::{PolicyAttainment, SlaBreach};

pub fn router() -> Routes {
    Routes::new()
        .get("/reports/summary", summary)
        .get("/reports/agents", agents)
        .get("/reports/groups", groups)
        .get("/reports/comments", comments)
        .get("/reports/tickets", tickets)
        .get("/reports/tickets.csv", export)
        .get("/reports/tickets.xlsx", export_xlsx)
        // Session 10: SLA attainment per policy and the breaches.
        .get("/reports/sla", sla)
        .get("/reports/sla/breaches", sla_breaches)
}

/// The query is checked after the permission, so a user without it learns nothing from a bad one.
fn query(user: &CurrentUser, query: Result<ApiQuery<ReportQuery>, Error>) -> Result<ReportQuery, Error> {
    query_for(user, query, Permission::ReportsView)
}

fn query_for(user: &CurrentUser, query: Result<ApiQuery<ReportQuery>, Error>, permission: Permission) -> Result<ReportQuery, Error> {
    user.require(permission)?;
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

async fn groups(
    State(s): State<AppState>,
    user: CurrentUser,
    q: Result<ApiQuery<ReportQuery>, Error>,
) -> Result<Json<Vec<GroupWorkload>>, Error> {
    let q = query(&user, q)?;
    Ok(Json(reports::groups::groups(&s, &user, &q).await?))
}

async fn comments(
    State(s): State<AppState>,
    user: CurrentUser,
    q: Result<ApiQuery<ReportQuery>, Error>,
) -> Result<Json<Page<RatingComment>>, Error> {
    let q = query(&user, q)?;
    Ok(Json(reports::comments::comments(&s, &user, &q).await?))
}

async fn tickets(
    State(s): State<AppState>,
    user: CurrentUser,
    q: Result<ApiQuery<ReportQuery>, Error>,
) -> Result<Json<Page<ReportTicket>>, Error> {
    let q = query(&user, q)?;
    Ok(Json(reports::tickets::tickets(&s, &user, &q).await?))
}

async fn export(State(s): State<AppState>, user: CurrentUser, q: Result<ApiQuery<ReportQuery>, Error>) -> Result<Response, Error> {
    let q = query_for(&user, q, Permission::ReportsExport)?;
    let rx = reports::export::export(&s, &user, &q).await?;
    // Fused: the compression layer polls the body once more after its end, which a bare unfold
    // answers with a panic (seen as a broken chunked response when the client asked for gzip).
    let chunks = futures_util::StreamExt::fuse(futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    }));
    let headers = [
        (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
        (header::CONTENT_DISPOSITION, "attachment; filename=\"baton-report.csv\""),
        (header::CACHE_CONTROL, "no-store"),
    ];
    Ok((headers, Body::from_stream(chunks)).into_response())
}

async fn export_xlsx(State(s): State<AppState>, user: CurrentUser, q: Result<ApiQuery<ReportQuery>, Error>) -> Result<Response, Error> {
    let q = query_for(&user, q, Permission::ReportsExport)?;
    let rx = reports::xlsx::export(&s, &user, &q).await?;
    // Fused for the compression layer, as the CSV's.
    let chunks = futures_util::StreamExt::fuse(futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    }));
    let headers = [
        (header::CONTENT_TYPE, reports::xlsx::CONTENT_TYPE),
        (header::CONTENT_DISPOSITION, "attachment; filename=\"baton-report.xlsx\""),
        (header::CACHE_CONTROL, "no-store"),
    ];
    Ok((headers, Body::from_stream(chunks)).into_response())
}

// Session 10: SLA attainment per policy and the breaches.
async fn sla(
    State(s): State<AppState>,
    user: CurrentUser,
    q: Result<ApiQuery<ReportQuery>, Error>,
) -> Result<Json<Vec<PolicyAttainment>>, Error> {
    let q = query(&user, q)?;
    Ok(Json(reports::sla::attainment_per_policy(&s, &user, &q).await?))
}

async fn sla_breaches(
    State(s): State<AppState>,
    user: CurrentUser,
    q: Result<ApiQuery<ReportQuery>, Error>,
) -> Result<Json<Page<SlaBreach>>, Error> {
    let q = query(&user, q)?;
    Ok(Json(reports::sla::breaches(&s, &user, &q).await?))
}
