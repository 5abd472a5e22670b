//! Presence: heartbeats, typing flips, leaving and expiry each reach (as SSE `presence`) exactly
//! the staff who may see the ticket — not an agent outside its group, not the customer, not the
//! other tenant — and the endpoints answer 404 to all of those.

use super::{route_to, ticket, AGENT2};
use crate::sse::Sse;
use crate::support::{TestApp, ADMIN, AGENT, ALICE, OTHER_AGENT};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

async fn stream(app: &TestApp, token: &str) -> Sse {
    Sse::new(app.get("/api/v1/events").token(token).open().await)
}

async fn beat(app: &TestApp, token: &str, id: i64, typing: bool) -> crate::support::Response {
    app.post(&format!("/api/v1/tickets/{id}/presence")).token(token).json(&json!({ "typing": typing })).send().await
}

/// (name, typing) of each viewer.
fn viewers(presence: &Value) -> Vec<(String, bool)> {
    presence["viewers"].as_array().expect("viewers").iter().map(|v| (v["user"]["name"].as_str().unwrap_or_default().to_owned(), v["typing"] == true)).collect()
}

/// The presence events of `sse` arriving within a short wait.
async fn presence_events(sse: &mut Sse) -> Vec<Value> {
    sse.drain(Duration::from_millis(400)).await.into_iter().filter(|e| e.event == "presence").map(|e| e.json()).collect()
}

#[tokio::test]
async fn changes_reach_the_staff_who_see_the_ticket_and_nobody_else() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let (agent, admin, agent2, other) = (app.login(AGENT).await, app.login(ADMIN).await, app.login(AGENT2).await, app.login(OTHER_AGENT).await);
    let id = ticket(&app, &alice, "Who is here").await;
    route_to(&app, id, "Support").await;
    let mut watching = stream(&app, &agent).await;
    let mut outsiders = vec![stream(&app, &agent2).await, stream(&app, &alice).await, stream(&app, &other).await];
    let res = beat(&app, &admin, id, false).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(viewers(&res.json()), [("Ada Admin".to_owned(), false)]);
    assert_eq!(beat(&app, &admin, id, false).await.status, StatusCode::OK); // a heartbeat: no event
    let res = beat(&app, &agent, id, true).await;
    assert_eq!(viewers(&res.json()).len(), 2);
    let res = app.call(Method::DELETE, &format!("/api/v1/tickets/{id}/presence")).token(&admin).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let got: Vec<_> = presence_events(&mut watching).await;
    // Viewers in user-id order (the demo's agent before its admin).
    assert_eq!(got.iter().map(viewers).collect::<Vec<_>>(), vec![
        vec![("Ada Admin".to_owned(), false)],
        vec![("Agent Smith".to_owned(), true), ("Ada Admin".to_owned(), false)],
        vec![("Agent Smith".to_owned(), true)],
    ]);
    assert!(got.iter().all(|p| p["ticket_id"] == id));
    for sse in &mut outsiders {
        assert_eq!(presence_events(sse).await, Vec::<Value>::new());
        assert!(!sse.raw.contains("presence"), "{}", sse.raw);
    }
    let now = app.get(&format!("/api/v1/tickets/{id}/presence")).token(&agent).send().await;
    assert_eq!(viewers(&now.json()), [("Agent Smith".to_owned(), true)]);
}

#[tokio::test]
async fn outsiders_get_404_and_no_session_401() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let id = ticket(&app, &alice, "Private").await;
    route_to(&app, id, "Support").await;
    let path = format!("/api/v1/tickets/{id}/presence");
    for token in [alice.clone(), app.login(AGENT2).await, app.login(OTHER_AGENT).await] {
        beat(&app, &token, id, false).await.problem(StatusCode::NOT_FOUND, "not_found");
        app.get(&path).token(&token).send().await.problem(StatusCode::NOT_FOUND, "not_found");
        app.call(Method::DELETE, &path).token(&token).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    }
    app.post(&path).json(&json!({"typing": false})).send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    let agent = app.login(AGENT).await;
    assert_eq!(app.get(&path).token(&agent).send().await.json()["viewers"], json!([]));
}

#[tokio::test]
async fn silent_viewers_expire_and_that_is_announced() {
    let app = TestApp::with_state(|s| s.services.presence_ttl = Duration::from_millis(300)).await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let id = ticket(&app, &alice, "Brief visit").await;
    let mut sse = stream(&app, &agent).await;
    assert_eq!(beat(&app, &agent, id, false).await.status, StatusCode::OK);
    let joined = sse.next().await;
    assert_eq!((joined.event.as_str(), viewers(&joined.json()).len()), ("presence", 1));
    let expired = sse.next().await;
    assert_eq!((expired.event.as_str(), expired.json()["viewers"].clone()), ("presence", json!([])));
    let path = format!("/api/v1/tickets/{id}/presence");
    assert_eq!(app.get(&path).token(&agent).send().await.json()["viewers"], json!([]));
}
