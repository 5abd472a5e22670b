//! Issue 19, point 5: handing a ticket to a group one cannot see. The edit answers 200 with the
//! ticket as it now is; the agent then gets 404 for it, except to undo: while the ticket is still
//! at the version their hand-off produced, a PATCH with that version that brings it back into
//! their share is allowed — nothing else, and not once someone else changed it.

use crate::support::{Response, TestApp, AGENT, ALICE};
use crate::workspace::{route_to, AGENT2};
use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};

async fn group_id(app: &TestApp, token: &str, name: &str) -> i64 {
    let groups = app.get("/api/v1/groups").token(token).send().await.json();
    groups.as_array().into_iter().flatten().find(|g| g["name"] == name).and_then(|g| g["id"].as_i64()).expect("group")
}

async fn patch(app: &TestApp, token: &str, id: i64, version: &str, body: Value) -> Response {
    app.call(Method::PATCH, &format!("/api/v1/tickets/{id}")).token(token).header("if-match", version).json(&body).send().await
}

#[tokio::test]
async fn a_hand_off_answers_the_ticket_and_may_be_undone_until_someone_else_changes_it() {
    let app = TestApp::new().await;
    let (alice, agent, agent2) = (app.login(ALICE).await, app.login(AGENT).await, app.login(AGENT2).await);
    let (support, billing) = (group_id(&app, &agent, "Support").await, group_id(&app, &agent, "Billing").await);
    let id = app.create_ticket(&alice, "Refund for order 1042").await["id"].as_i64().expect("id");
    route_to(&app, id, "Support").await;
    let path = format!("/api/v1/tickets/{id}");
    let etag = app.get(&path).token(&agent).send().await.header(header::ETAG).unwrap_or_default().to_owned();

    // Handed to Billing, which the agent is not in: 200 with the ticket as it now is, then 404.
    let res = patch(&app, &agent, id, &etag, json!({"group_id": billing})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["staff"]["group"]["name"], "Billing");
    let handed = res.header(header::ETAG).unwrap_or_default().to_owned();
    assert_eq!(app.get(&path).token(&agent).send().await.status, StatusCode::NOT_FOUND);
    // The hand-off cannot be used to go on editing out of sight.
    let res = patch(&app, &agent, id, &handed, json!({"priority": "urgent"})).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND, "{}", res.text());
    // Undo: back to Support on the version the hand-off produced.
    let res = patch(&app, &agent, id, &handed, json!({"group_id": support})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(app.get(&path).token(&agent).send().await.status, StatusCode::OK);

    // Handed again; Billing's agent changes it meanwhile: the undo is gone (404, as unseen).
    let etag = app.get(&path).token(&agent).send().await.header(header::ETAG).unwrap_or_default().to_owned();
    let res = patch(&app, &agent, id, &etag, json!({"group_id": billing})).await;
    let handed = res.header(header::ETAG).unwrap_or_default().to_owned();
    let res = patch(&app, &agent2, id, &handed, json!({"priority": "high"})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let now = res.header(header::ETAG).unwrap_or_default().to_owned();
    for version in [&handed, &now] {
        let res = patch(&app, &agent, id, version, json!({"group_id": support})).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{version}: {}", res.text());
    }
    // And nobody else may use someone's hand-off: Billing's agent stays in Billing's share anyway,
    // so try it with a ticket out of theirs.
    let other = app.create_ticket(&alice, "Support only").await["id"].as_i64().expect("id");
    route_to(&app, other, "Support").await;
    let etag = app.get(&format!("/api/v1/tickets/{other}")).token(&agent).send().await.header(header::ETAG).unwrap_or_default().to_owned();
    let res = patch(&app, &agent, other, &etag, json!({"priority": "low"})).await;
    let version = res.header(header::ETAG).unwrap_or_default().to_owned();
    let res = patch(&app, &agent2, other, &version, json!({"group_id": billing})).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND, "{}", res.text());
}
