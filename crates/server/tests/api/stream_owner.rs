//! A live event stream lasts as long as the session it was opened with and the rights its user
//! had then (issue 16): a logout, by cookie or bearer session or through a stream ticket, and a
//! role change or a deactivation end it within `OWNER_RECHECK`; a stream of another, still live session goes on.
//! `DELETE /sessions` signs a user out everywhere: every session and stream of theirs ends, no
//! one else's.

use crate::roles::put_role;
use crate::sse::Sse;
use crate::support::{TestApp, ADMIN, AGENT, ALICE};
use axum::http::StatusCode;
use baton_server::events::OWNER_RECHECK;
use serde_json::json;
use std::time::Duration;

/// Longer than one recheck, with room for a slow machine.
const WITHIN: Duration = Duration::from_secs(OWNER_RECHECK.as_secs() * 2 + 1);

async fn stream(app: &TestApp, token: &str) -> Sse {
    Sse::new(app.get("/api/v1/events").token(token).open().await)
}

async fn logout(app: &TestApp, token: &str) {
    let res = app.call(axum::http::Method::DELETE, "/api/v1/session").token(token).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
}

#[tokio::test]
async fn a_logout_ends_that_sessions_streams_only() {
    let app = TestApp::new().await;
    let (phone, laptop) = (app.login(ALICE).await, app.login(ALICE).await);
    let mut on_phone = stream(&app, &phone).await;
    let mut on_laptop = stream(&app, &laptop).await;
    // Through a stream ticket, as the widget opens it.
    let ticket = app.post("/api/v1/events/ticket").token(&phone).send().await.json()["ticket"].clone();
    let ticket = ticket.as_str().expect("ticket");
    let mut by_ticket = Sse::new(app.get(&format!("/api/v1/events?ticket={ticket}")).open().await);

    logout(&app, &phone).await;
    assert!(on_phone.ends_within(WITHIN).await, "the signed-out session's stream went on");
    assert!(by_ticket.ends_within(WITHIN).await, "the ticket stream of the signed-out session went on");
    assert!(!on_laptop.ends_within(Duration::ZERO).await, "the other session's stream ended");
    // And it goes on receiving: a ticket of Alice's shows up there.
    app.create_ticket(&laptop, "Still live").await;
    let event = on_laptop.next_within(WITHIN).await.expect("an event on the live session");
    assert_eq!(event.event, "ticket.created", "{event:?}");
}

#[tokio::test]
async fn a_role_change_ends_the_users_streams() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let agent = app.login(AGENT).await;
    let id = app.get("/api/v1/me").token(&agent).send().await.json()["id"].as_i64().expect("id");
    let mut streaming = stream(&app, &agent).await;
    assert!(!streaming.ends_within(OWNER_RECHECK + Duration::from_millis(500)).await, "ended unchanged");

    let res = put_role(&app, &admin, id, json!({ "role": "admin" })).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert!(streaming.ends_within(WITHIN).await, "the stream kept the old rights");
    // Reconnecting serves the new rights.
    stream(&app, &agent).await;
}

#[tokio::test]
async fn deactivation_ends_the_users_streams_and_stream_tickets() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let agent = app.login(AGENT).await;
    let id = app.get("/api/v1/me").token(&agent).send().await.json()["id"].as_i64().expect("id");
    let mut streaming = stream(&app, &agent).await;
    let ticket = app.post("/api/v1/events/ticket").token(&agent).send().await.json()["ticket"].clone();
    let ticket = ticket.as_str().expect("ticket").to_owned();
    let body = json!({ "active": false });
    let res = app.call(axum::http::Method::PATCH, &format!("/api/v1/admin/agents/{id}")).token(&admin).json(&body).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert!(streaming.ends_within(WITHIN).await, "a deactivated agent's stream went on");
    // A stream ticket issued before is worth nothing now.
    let res = app.get(&format!("/api/v1/events?ticket={ticket}")).open().await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_session_of_that_user_only() {
    let app = TestApp::new().await;
    let (phone, laptop, other) = (app.login(ALICE).await, app.login(ALICE).await, app.login(AGENT).await);
    let mut on_laptop = stream(&app, &laptop).await;
    let mut agents = stream(&app, &other).await;
    let res = app.call(axum::http::Method::DELETE, "/api/v1/sessions").token(&phone).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    let cookie = res.headers.get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(cookie.starts_with("baton_session=;") && cookie.contains("Max-Age=0"), "{cookie}");
    for token in [&phone, &laptop] {
        app.get("/api/v1/me").token(token).send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    }
    assert_eq!(app.get("/api/v1/me").token(&other).send().await.status, StatusCode::OK);
    assert!(on_laptop.ends_within(WITHIN).await, "a signed-out device kept its stream");
    assert!(!agents.ends_within(Duration::ZERO).await, "another user's stream ended");
    // Without a session there is nobody to sign out.
    let res = app.call(axum::http::Method::DELETE, "/api/v1/sessions").send().await;
    res.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn one_user_holds_a_bounded_number_of_streams() {
    let app = TestApp::with(|c| c.streams_per_user = 3).await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(stream(&app, &alice).await);
    }
    let res = app.get("/api/v1/events").token(&alice).send().await;
    res.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    stream(&app, &agent).await;
    // A closed stream gives its place back.
    held.pop();
    stream(&app, &alice).await;
}
