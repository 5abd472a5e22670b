//! Notifications (issue 13): who is told what, in the app and by mail; the inbox and preferences
//! are each caller's own; never a note's body or confidential info; mail only while offline.

mod delivery;
mod digest;
mod inbox;
mod online;

use crate::support::TestApp;
use axum::http::{Method, StatusCode};
use serde_json::Value;

pub async fn user_id(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM users WHERE email = $1 ORDER BY tenant_id LIMIT 1").bind(email).fetch_one(&app.sql).await.expect("user")
}

/// `token`'s inbox.
pub async fn inbox(app: &TestApp, token: &str) -> Value {
    let res = app.get("/api/v1/notifications").token(token).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()
}

/// The kinds in `token`'s inbox, newest first.
pub async fn kinds(app: &TestApp, token: &str) -> Vec<String> {
    inbox(app, token).await["items"].as_array().into_iter().flatten().map(|n| n["kind"].as_str().unwrap_or_default().to_owned()).collect()
}

/// Posts a message to ticket `id` as `token`.
pub async fn post(app: &TestApp, token: &str, id: i64, body: Value) -> crate::support::Response {
    app.post(&format!("/api/v1/tickets/{id}/messages")).token(token).json(&body).send().await
}

/// Applies a staff edit to ticket `id` at its current version.
pub async fn patch(app: &TestApp, token: &str, id: i64, body: Value) -> crate::support::Response {
    let res = app.get(&format!("/api/v1/tickets/{id}")).token(token).send().await;
    let etag = res.header(axum::http::header::ETAG).expect("etag").to_owned();
    app.call(Method::PATCH, &format!("/api/v1/tickets/{id}")).token(token).header("if-match", &etag).json(&body).send().await
}

/// The notification mails to `email`: (subject, text, references).
pub async fn mails_to(app: &TestApp, email: &str) -> Vec<(String, String, Option<String>)> {
    sqlx::query_as("SELECT subject, body_text, references_id FROM mail_outbox WHERE to_address = $1 AND kind = 'notification' ORDER BY id")
        .bind(email)
        .fetch_all(&app.sql)
        .await
        .expect("mail")
}

/// The demo's sub-types all route to Support (Agent Smith's group), so new tickets land there.
pub async fn route_to_support(app: &TestApp) {
    sqlx::query("UPDATE ticket_subtypes SET group_id = (SELECT id FROM agent_groups WHERE name = 'Support')")
        .execute(&app.sql)
        .await
        .expect("route");
}
