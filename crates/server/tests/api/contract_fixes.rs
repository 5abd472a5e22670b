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

/// A textual path segment that is not UTF-8 (`%FF%FE`) names no view and no tenant: 404
/// `not_found` as problem+json, as for any unknown id (it was a 400 `malformed_json`).
#[tokio::test]
async fn undecodable_view_keys_and_tenant_slugs_are_not_found() {
    let app = TestApp::new().await;
    let agent = app.login(AGENT).await;
    for path in ["/api/v1/views/%FF%FE", "/api/v1/views/%FF%FE/tickets", "/api/v1/widget/%FF"] {
        let res = app.get(path).token(&agent).send().await;
        res.problem(StatusCode::NOT_FOUND, "not_found");
    }
    let res = app.call(axum::http::Method::PUT, "/api/v1/views/%C3%28/hidden").token(&agent)
        .json(&json!({ "hidden": true })).send().await;
    res.problem(StatusCode::NOT_FOUND, "not_found");
    // A decodable unknown key is the same 404.
    app.get("/api/v1/views/nope").token(&agent).send().await.problem(StatusCode::NOT_FOUND, "not_found");
}
