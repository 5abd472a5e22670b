//! A ticket retyped into or out of a workflow: out of it, it leaves its step (its moves stay,
//! its group and assignee too); into it, it starts at the first step in that step's group, as a
//! new ticket of the type would — its assignee kept only when a handler of that group, a group
//! the edit names itself winning. Each is one staff-only change (`workflow_step`).

use super::{desk, Desk};
use crate::support::Response;
use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};

async fn patch(d: &Desk, token: &str, id: i64, body: Value) -> Response {
    let path = format!("/api/v1/tickets/{id}");
    let etag = d.app.get(&path).token(token).send().await.header(header::ETAG).unwrap_or_default().to_owned();
    let res = d.app.call(Method::PATCH, &path).token(token).header("if-match", &etag).json(&body).send().await;
    assert_eq!(res.status, StatusCode::OK, "{body}: {}", res.text());
    res
}

async fn moves(d: &Desk, id: i64) -> Vec<(String, Option<String>, String)> {
    let sql = format!("SELECT kind, from_step_name, to_step_name FROM ticket_workflow_moves WHERE ticket_id = {id} ORDER BY id");
    let rows: Vec<(String, Option<String>, String)> = sqlx::query_as(&sql).fetch_all(&d.app.sql).await.expect("moves");
    rows
}

fn staff(t: &Value) -> (Option<i64>, Option<i64>, Option<i64>) {
    let s = &t["staff"];
    (s["workflow"]["step"]["id"].as_i64(), s["group"]["id"].as_i64(), s["assignee"]["id"].as_i64())
}

#[tokio::test]
async fn a_ticket_retyped_out_of_its_workflow_leaves_it_and_retyped_in_starts_at_the_first_step() {
    let d = desk().await;
    let [intake, _, warehouse] = d.agents;
    let admin = &d.admin;
    let (billing, invoice) = d.app.type_ids(admin, "Billing", "Invoice").await;
    let (returns, goods) = d.app.type_ids(admin, "Returns", "Return of goods").await;
    let id = d.ticket().await;
    assert_eq!(staff(&d.read(admin, id).await), (Some(d.step("intake")), Some(d.groups[0]), Some(intake)));

    // Out: no step any more; group and assignee as they were; the move history kept.
    let res = patch(&d, admin, id, json!({"type_id": billing, "subtype_id": invoice})).await;
    assert_eq!(staff(&res.json()), (None, Some(d.groups[0]), Some(intake)));
    assert!(res.json()["staff"].get("workflow").is_none_or(Value::is_null), "{}", res.text());
    let changes = d.app.changes(admin, id).await;
    assert!(changes.contains(&json!({"field": "workflow_step", "from": "客服受理", "to": null})), "{changes:?}");
    assert_eq!(moves(&d, id).await.len(), 1);

    // Handed to the warehouse agent (no handler of the intake group), then back in: the first
    // step, its group, and nobody assigned; a `start` move by the editor.
    patch(&d, admin, id, json!({"group_id": d.groups[2], "assignee_id": warehouse})).await;
    let fields = json!({"order_no": "A-1", "agree": true});
    let res = patch(&d, admin, id, json!({"type_id": returns, "subtype_id": goods, "fields": fields})).await;
    assert_eq!(staff(&res.json()), (Some(d.step("intake")), Some(d.groups[0]), None));
    let changes = d.app.changes(admin, id).await;
    assert!(changes.contains(&json!({"field": "workflow_step", "from": null, "to": "客服受理"})), "{changes:?}");
    assert_eq!(moves(&d, id).await.last().cloned(), Some(("start".into(), None, "客服受理".into())));

    // A handler of the first step's group stays assigned; a group the edit names wins.
    let other = d.ticket().await;
    patch(&d, admin, other, json!({"type_id": billing, "subtype_id": invoice})).await;
    let res = patch(&d, admin, other, json!({"type_id": returns, "subtype_id": goods, "fields": fields})).await;
    assert_eq!(staff(&res.json()), (Some(d.step("intake")), Some(d.groups[0]), Some(intake)));
    patch(&d, admin, other, json!({"type_id": billing, "subtype_id": invoice})).await;
    let named = json!({"type_id": returns, "subtype_id": goods, "fields": fields, "group_id": d.groups[1], "assignee_id": null});
    let res = patch(&d, admin, other, named).await;
    assert_eq!(staff(&res.json()), (Some(d.step("intake")), Some(d.groups[1]), None));
    // Staff-only: the customer's thread has none of it.
    let thread = d.app.get(&format!("/api/v1/tickets/{other}/messages")).token(&d.alice).send().await.text();
    assert!(!thread.contains("workflow_step") && !thread.contains("客服受理"), "{thread}");
}
