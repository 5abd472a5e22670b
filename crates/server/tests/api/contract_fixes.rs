//! Regressions found by schemathesis (scripts/schemathesis.sh), one test per server fix.

use crate::support::{TestApp, AGENT, ALICE};
use axum::http::StatusCode;
use serde_json::json;

/// The contract's bulk `assign` requires `assignee_id` (null unassigns). serde read a missing one
/// as null, so `{"kind": "assign"}` answered 200 and silently unassigned every ticket.
#[tokio::test]
async fn bulk_assign_without_assignee_id_is_refused_and_changes_nothing() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let new = app.new_ticket(&alice, "Keep my assignee").await;
    let res = app.post("/api/v1/tickets").token(&alice).json(&new).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_i64().expect("id");
    let me = app.get("/api/v1/me").token(&agent).send().await.json()["id"].as_i64().expect("me");
    let assign = |op| json!({ "ids": [id], "op": op });
    let res = app.post("/api/v1/tickets/bulk").token(&agent)
        .json(&assign(json!({ "kind": "assign", "assignee_id": me }))).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["results"][0]["ok"], true, "{}", res.text());

    let res = app.post("/api/v1/tickets/bulk").token(&agent)
        .json(&assign(json!({ "kind": "assign", "group_id": null }))).send().await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.text());
    assert_eq!(res.field_errors(), crate::support::pairs(&[("op.assignee_id", "required")]));
    let ticket = app.get(&format!("/api/v1/tickets/{id}")).token(&agent).send().await.json();
    assert_eq!(ticket["staff"]["assignee"]["id"], me, "{ticket}");

    // An explicit null still unassigns.
    let res = app.post("/api/v1/tickets/bulk").token(&agent)
        .json(&assign(json!({ "kind": "assign", "assignee_id": null }))).send().await;
    assert_eq!(res.json()["results"][0]["ok"], true, "{}", res.text());
    let ticket = app.get(&format!("/api/v1/tickets/{id}")).token(&agent).send().await.json();
    assert!(ticket["staff"]["assignee"].is_null(), "{ticket}");
}
