//! `POST /tickets/bulk`: per-item outcomes in the order asked, unseen tickets a 404 in their own
//! item (nothing changed, nothing leaked), every change audited and announced like a single edit.

use super::{route_to, ticket, user_id, AGENT2};
use crate::support::{TestApp, AGENT, ALICE, OTHER_AGENT};
use axum::http::StatusCode;
use serde_json::{json, Value};

async fn bulk(app: &TestApp, token: &str, body: Value) -> crate::support::Response {
    app.post("/api/v1/tickets/bulk").token(token).json(&body).send().await
}

/// (id, ok, status, code) of each item.
fn items(res: &crate::support::Response) -> Vec<(i64, bool, u64, Option<String>)> {
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let body = res.json();
    body["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|i| (i["id"].as_i64().expect("id"), i["ok"] == true, i["status"].as_u64().expect("status"), i["code"].as_str().map(str::to_owned)))
        .collect()
}

async fn scalar(app: &TestApp, sql: &str, id: i64) -> String {
    sqlx::query_scalar(sql).bind(id).fetch_one(&app.sql).await.expect(sql)
}

#[tokio::test]
async fn each_ticket_has_its_outcome_in_order_and_unseen_ones_are_404() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let (a, b, hidden) = (ticket(&app, &alice, "A").await, ticket(&app, &alice, "B").await, ticket(&app, &alice, "C").await);
    route_to(&app, hidden, "Billing").await;
    let before = app.count(&format!("SELECT COUNT(*) FROM events WHERE ticket_id = {a} AND type = 'ticket.updated'")).await;
    let res = bulk(&app, &agent, json!({"ids": [a, hidden, b, 999_999], "op": {"kind": "priority", "priority": "high"}})).await;
    let nf = Some("not_found".to_owned());
    assert_eq!(items(&res), vec![(a, true, 200, None), (hidden, false, 404, nf.clone()), (b, true, 200, None), (999_999, false, 404, nf)]);
    assert_eq!(scalar(&app, "SELECT priority FROM tickets WHERE id = $1", a).await, "high");
    assert_eq!(scalar(&app, "SELECT priority FROM tickets WHERE id = $1", hidden).await, "normal");
    // Audited in the thread and announced like a single edit.
    assert_eq!(app.changes(&agent, a).await, [json!({"field": "priority", "from": "normal", "to": "high"})]);
    let after = app.count(&format!("SELECT COUNT(*) FROM events WHERE ticket_id = {a} AND type = 'ticket.updated'")).await;
    assert_eq!(after, before + 1);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM events WHERE ticket_id = {hidden} AND type = 'ticket.updated'")).await, 0);
    // The Billing agent sees only the Billing ticket (and the ungrouped ones).
    let agent2 = app.login(AGENT2).await;
    route_to(&app, a, "Support").await;
    let res = bulk(&app, &agent2, json!({"ids": [a, hidden], "op": {"kind": "trash"}})).await;
    assert_eq!(items(&res), vec![(a, false, 404, Some("not_found".into())), (hidden, true, 200, None)]);
}

#[tokio::test]
async fn assign_actions_trash_and_restore_reuse_the_single_rules() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let (a, b) = (ticket(&app, &alice, "A").await, ticket(&app, &alice, "B").await);
    let me = user_id(&app, AGENT).await;
    let support: i64 = sqlx::query_scalar("SELECT id FROM agent_groups WHERE name = 'Support'").fetch_one(&app.sql).await.expect("group");
    let res = bulk(&app, &agent, json!({"ids": [a, b], "op": {"kind": "assign", "assignee_id": me, "group_id": support}})).await;
    assert_eq!(items(&res), vec![(a, true, 200, None), (b, true, 200, None)]);
    let t = app.get(&format!("/api/v1/tickets/{b}")).token(&agent).send().await.json();
    assert_eq!((t["staff"]["assignee"]["id"].clone(), t["staff"]["group"]["id"].clone()), (json!(me), json!(support)));
    // A customer is no assignee: each item says so as the PATCH would.
    let alice_id = user_id(&app, ALICE).await;
    let res = bulk(&app, &agent, json!({"ids": [a], "op": {"kind": "assign", "assignee_id": alice_id}})).await;
    assert_eq!(items(&res), vec![(a, false, 422, Some("validation_failed".into()))]);
    // Actions follow the state machine: open works once, then is refused with its reason.
    let res = bulk(&app, &agent, json!({"ids": [a], "op": {"kind": "action", "action": "open"}})).await;
    assert_eq!(items(&res), vec![(a, true, 200, None)]);
    let res = bulk(&app, &agent, json!({"ids": [a], "op": {"kind": "action", "action": "open"}})).await;
    assert_eq!(res.json()["results"][0]["status"], 409, "{}", res.text());
    assert_eq!(res.json()["results"][0]["code"], "transition_refused");
    assert!(res.json()["results"][0]["reason"].is_string(), "{}", res.text());
    let res = bulk(&app, &agent, json!({"ids": [a, b], "op": {"kind": "trash"}})).await;
    assert_eq!(items(&res).iter().filter(|i| i.1).count(), 2);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM tickets WHERE id IN ({a}, {b}) AND trashed_at IS NOT NULL")).await, 2);
    let res = bulk(&app, &agent, json!({"ids": [a], "op": {"kind": "action", "action": "complete"}})).await;
    assert_eq!(res.json()["results"][0]["reason"], "ticket_trashed", "{}", res.text());
    let res = bulk(&app, &agent, json!({"ids": [b], "op": {"kind": "restore"}})).await;
    assert_eq!(items(&res), vec![(b, true, 200, None)]);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM tickets WHERE id = {b} AND trashed_at IS NULL")).await, 1);
    assert_eq!(app.changes(&agent, b).await[2..], [
        json!({"field": "trashed", "from": false, "to": true}),
        json!({"field": "trashed", "from": true, "to": false}),
    ]);
}

#[tokio::test]
async fn customers_strangers_and_bad_requests_get_nothing() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let a = ticket(&app, &alice, "A").await;
    let body = json!({"ids": [a], "op": {"kind": "trash"}});
    let res = app.post("/api/v1/tickets/bulk").json(&body).send().await;
    res.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    bulk(&app, &alice, body.clone()).await.problem(StatusCode::FORBIDDEN, "forbidden");
    // Refused before the body is read: a customer learns nothing from a malformed one either.
    bulk(&app, &alice, json!({"ids": "x"})).await.problem(StatusCode::FORBIDDEN, "forbidden");
    let other = app.login(OTHER_AGENT).await;
    let res = bulk(&app, &other, body).await;
    assert_eq!(items(&res), vec![(a, false, 404, Some("not_found".into()))]);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM tickets WHERE id = {a} AND trashed_at IS NULL")).await, 1);
    let many: Vec<i64> = (1..=101).collect();
    for ids in [json!([]), json!(many)] {
        let res = bulk(&app, &agent, json!({"ids": ids, "op": {"kind": "trash"}})).await;
        assert_eq!(res.field_errors(), crate::support::pairs(&[("ids", "invalid_value")]));
    }
    let res = bulk(&app, &agent, json!({"ids": [a], "op": {"kind": "explode"}})).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.text());
}
