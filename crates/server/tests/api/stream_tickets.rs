//! Stream tickets (`POST /events/ticket`, `GET /events?ticket=`): how a client without cookies
//! opens the live-events stream. A ticket works once, within its lifetime, as its user only.

use crate::sse::Sse;
use crate::support::{TestApp, AGENT, ALICE, CAROL};
use axum::http::StatusCode;
use baton_server::stream_tickets::StreamTickets;
use serde_json::json;
use std::time::Duration;

const QUIET: Duration = Duration::from_millis(300);

/// A fresh ticket for the session `token` (sent as a bearer token, as the widget does).
async fn ticket(app: &TestApp, token: &str) -> String {
    let res = app.post("/api/v1/events/ticket").token(token).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let body = res.json();
    assert!(body["expires_at"].is_string(), "{body}");
    body["ticket"].as_str().unwrap_or_default().to_owned()
}

/// `GET /events?ticket=…` with no session at all.
async fn open(app: &TestApp, ticket: &str) -> axum::response::Response {
    app.get(&format!("/api/v1/events?ticket={ticket}"))
        .open()
        .await
}

#[tokio::test]
async fn a_ticket_opens_its_users_stream_once() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let carol = app.login(CAROL).await;
    let agent = app.login(AGENT).await;
    let alices_ticket = ticket(&app, &alice).await;
    let carols_ticket = ticket(&app, &carol).await;
    assert_ne!(alices_ticket, carols_ticket);
    let mut alices = Sse::new(open(&app, &alices_ticket).await);
    let mut carols = Sse::new(open(&app, &carols_ticket).await);

    let id = app.create_ticket(&alice, "Live through a ticket").await["id"]
        .as_i64()
        .unwrap_or_default();
    let res = app
        .post(&format!("/api/v1/tickets/{id}/messages"))
        .token(&agent)
        .json(&json!({ "body": "On it", "kind": "public" }))
        .send()
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let created = alices.next().await;
    assert_eq!(
        (created.event.as_str(), created.json()),
        ("ticket.created", json!({ "ticket_id": id }))
    );
    assert_eq!(alices.next().await.event, "message.created");
    assert!(
        carols.next_within(QUIET).await.is_none(),
        "carol's stream carries nothing of alice's ticket"
    );

    // Used up when the stream opened.
    let again = open(&app, &alices_ticket).await;
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn unknown_and_expired_tickets_are_refused() {
    let app = TestApp::with_state(|s| s.services.stream_tickets = StreamTickets::new(Duration::ZERO)).await;
    let alice = app.login(ALICE).await;
    let expired = ticket(&app, &alice).await;
    for bad in [expired.as_str(), "not-a-ticket", ""] {
        let res = app
            .get(&format!("/api/v1/events?ticket={bad}"))
            .send()
            .await;
        res.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    }
    // A bad ticket is refused even beside a valid session.
    let res = app
        .get("/api/v1/events?ticket=not-a-ticket")
        .token(&alice)
        .send()
        .await;
    res.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    // Without a session there is no ticket to get.
    let res = app.post("/api/v1/events/ticket").send().await;
    res.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}
