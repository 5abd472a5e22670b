//! A returns ticket walked through its workflow: it starts at the first step in that step's
//! group; a pass-on missing a required field is refused and changes nothing; passes go to the
//! chosen handler, returns to the handler who had the step; every move is a staff-only thread
//! entry and an event; only while open; only by whoever may work the ticket.

use super::{desk, Desk, EMAILS};
use crate::support::{pairs, OTHER_AGENT};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

fn at(ticket: &Value) -> (i64, Option<i64>, Option<i64>) {
    let staff = &ticket["staff"];
    (staff["workflow"]["step"]["id"].as_i64().unwrap_or(0), staff["group"]["id"].as_i64(), staff["assignee"]["id"].as_i64())
}

async fn logins(d: &Desk) -> Vec<String> {
    let mut out = Vec::new();
    for email in EMAILS {
        out.push(d.app.login(email).await);
    }
    out
}

async fn count(d: &Desk, table: &str, id: i64) -> i64 {
    d.app.count(&format!("SELECT COUNT(*) FROM {table} WHERE ticket_id = {id}")).await
}

/// The ticket's events of `kind` (`ticket.updated`, `notification.created`, …).
async fn events_of(d: &Desk, kind: &str, id: i64) -> i64 {
    d.app.count(&format!("SELECT COUNT(*) FROM events WHERE ticket_id = {id} AND type = '{kind}'")).await
}

#[tokio::test]
async fn the_goods_return_walks_through_three_groups() {
    let d = desk().await;
    let [intake, approve, warehouse] = d.agents;
    let t = logins(&d).await;
    let id = d.ticket().await;
    // Created at the first step, in its group, given to its member by the group's round robin.
    let ticket = d.read(&t[0], id).await;
    assert_eq!(at(&ticket), (d.step("intake"), Some(d.groups[0]), Some(intake)));
    let wf = &ticket["staff"]["workflow"];
    assert_eq!((wf["name"].clone(), wf["required_fields"].clone()), (json!("退货"), json!(["amount"])));
    assert_eq!(wf["next_steps"][0]["handlers"][0]["id"], json!(approve), "{wf}");
    assert!(wf.get("previous").is_none(), "{wf}");

    // Not open yet: refused.
    d.pass(&t[0], id, d.step("approval"), approve).await.problem(StatusCode::CONFLICT, "workflow_not_open");
    let res = d.app.act(&t[0], id, json!({"action": "open"})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());

    // The intake step needs `amount`: refused, naming it, and nothing changes.
    let before = d.read(&t[0], id).await;
    let (entries, events) = (count(&d, "messages", id).await, count(&d, "events", id).await);
    let res = d.pass(&t[0], id, d.step("approval"), approve).await;
    assert_eq!(res.field_errors(), pairs(&[("fields.amount", "required")]));
    // A step that is not next and a handler outside the step's group, with it.
    let res = d.pass(&t[0], id, d.step("receipt"), warehouse).await;
    assert_eq!(res.field_errors(), pairs(&[("step_id", "invalid_value"), ("fields.amount", "required")]));
    let res = d.pass(&t[0], id, d.step("approval"), warehouse).await;
    assert_eq!(res.field_errors(), pairs(&[("assignee_id", "invalid_value"), ("fields.amount", "required")]));
    assert_eq!(d.read(&t[0], id).await, before);
    assert_eq!((count(&d, "messages", id).await, count(&d, "events", id).await), (entries, events));
    assert_eq!(count(&d, "ticket_workflow_moves", id).await, 1);

    let version = before["staff"]["version"].as_i64().expect("version");
    let res = d.app.call(Method::PATCH, &format!("/api/v1/tickets/{id}")).token(&t[0])
        .header("if-match", &format!("\"v{version}\"")).json(&json!({"fields": {"amount": 99}})).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let (updates, notices) = (events_of(&d, "ticket.updated", id).await, events_of(&d, "notification.created", id).await);
    let res = d.pass(&t[0], id, d.step("approval"), approve).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(at(&res.json()), (d.step("approval"), Some(d.groups[1]), Some(approve)));
    assert!(res.json()["staff"]["workflow"]["step_due_at"].is_string(), "the approval step's SLA");
    // One event of the ticket's change, and the new handler's "assigned to me".
    assert_eq!(events_of(&d, "ticket.updated", id).await, updates + 1);
    assert_eq!(events_of(&d, "notification.created", id).await, notices + 1);
    let handler_inbox = d.app.get("/api/v1/notifications").token(&t[1]).send().await.json();
    assert!(handler_inbox.to_string().contains("assigned"), "the approver is told: {handler_inbox}");
    // The move, then the group and assignee changes: staff-only system entries.
    let changes = d.app.changes(&t[1], id).await;
    let last: Vec<Value> = changes.iter().rev().take(3).rev().cloned().collect();
    assert_eq!(last, vec![
        json!({"field": "workflow_step", "from": "客服受理", "to": "主管审批"}),
        json!({"field": "group", "from": "Intake", "to": "Approve"}),
        json!({"field": "assignee", "from": EMAILS[0], "to": EMAILS[1]}),
    ]);
    assert!(d.app.changes(&d.alice, id).await.is_empty());
    let customer = d.app.get(&format!("/api/v1/tickets/{id}")).token(&d.alice).send().await.json();
    assert!(customer.get("staff").is_none(), "{customer}");

    // The intake agent no longer works it.
    d.pass(&t[0], id, d.step("receipt"), warehouse).await.problem(StatusCode::NOT_FOUND, "not_found");
    let res = d.pass(&t[1], id, d.step("receipt"), warehouse).await;
    assert_eq!(at(&res.json()), (d.step("receipt"), Some(d.groups[2]), Some(warehouse)));

    // The warehouse returns it, with a reason, to the approver who had it.
    d.back(&t[2], id, "  ").await.field_errors();
    let res = d.back(&t[2], id, "box missing").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(at(&res.json()), (d.step("approval"), Some(d.groups[1]), Some(approve)));
    let thread = d.app.get(&format!("/api/v1/tickets/{id}/messages")).token(&t[1]).send().await.json();
    let entry = thread["items"].as_array().into_iter().flatten().rfind(|m| m["change"]["field"] == "workflow_return").cloned().unwrap_or_default();
    assert_eq!((entry["body"].clone(), entry["change"]["to"].clone()), (json!("box missing"), json!("主管审批")));
    d.back(&t[2], id, "again").await.problem(StatusCode::NOT_FOUND, "not_found");

    // Approval back to intake, to the intake agent; there it started: nothing to return to.
    let res = d.back(&t[1], id, "wrong amount").await;
    let ticket = res.json();
    assert_eq!(at(&ticket), (d.step("intake"), Some(d.groups[0]), Some(intake)));
    d.back(&t[0], id, "once more").await.problem(StatusCode::CONFLICT, "workflow_no_previous_step");
    let kinds: Vec<Value> = ticket["staff"]["workflow"]["history"].as_array().into_iter().flatten().map(|m| m["kind"].clone()).collect();
    assert_eq!(kinds, vec![json!("start"), json!("pass"), json!("pass"), json!("return"), json!("return")]);
    let last = &ticket["staff"]["workflow"]["history"][4];
    assert_eq!((last["reason"].clone(), last["by"]["id"].clone(), last["handler"]["id"].clone()), (json!("wrong amount"), json!(d.agents[1]), json!(intake)));

    // Views filter by step.
    let view = json!({"name": "At intake", "visibility": "private", "conditions": [{"field": "workflow_step", "op": "is", "value": d.step("intake").to_string()}]});
    let res = d.app.post("/api/v1/views").token(&t[0]).json(&view).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let listed = d.app.get(&format!("/api/v1/views/{}/tickets?limit=100", res.json()["id"].as_str().unwrap_or_default())).token(&t[0]).send().await.json();
    let ids: Vec<Value> = listed["items"].as_array().into_iter().flatten().map(|t| t["id"].clone()).collect();
    assert_eq!(ids, vec![json!(id)]);
}

#[tokio::test]
async fn only_whoever_may_work_the_ticket_moves_it() {
    let d = desk().await;
    let t = logins(&d).await;
    let id = d.ticket().await;
    let res = d.app.act(&t[0], id, json!({"action": "open"})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let other = d.app.login(OTHER_AGENT).await;
    let approval = d.step("approval");
    // (who, status, code): another desk, the customer and another group's agent see no ticket.
    let cases: [(&str, &String, StatusCode, &str); 3] = [
        ("another desk's agent", &other, StatusCode::NOT_FOUND, "not_found"),
        ("the customer", &d.alice, StatusCode::NOT_FOUND, "not_found"),
        ("an agent of another group", &t[2], StatusCode::NOT_FOUND, "not_found"),
    ];
    for (who, token, status, code) in cases {
        let res = d.pass(token, id, approval, d.agents[1]).await;
        assert_eq!(res.status, status, "{who} passing: {}", res.text());
        res.problem(status, code);
        d.back(token, id, "no").await.problem(status, code);
    }
    assert_eq!(d.app.count(&format!("SELECT COUNT(*) FROM ticket_workflow_moves WHERE ticket_id = {id}")).await, 1);
    // The admin sees every ticket (tickets.see_all) and may work it.
    let version = d.read(&d.admin, id).await["staff"]["version"].as_i64().expect("version");
    let res = d.app.call(Method::PATCH, &format!("/api/v1/tickets/{id}")).token(&d.admin)
        .header("if-match", &format!("\"v{version}\"")).json(&json!({"fields": {"amount": 5}})).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(d.pass(&d.admin, id, approval, d.agents[1]).await.status, StatusCode::OK);
    // Pending tickets do not move.
    let res = d.app.act(&t[1], id, json!({"action": "set_pending"})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    d.back(&t[1], id, "late").await.problem(StatusCode::CONFLICT, "workflow_not_open");
    // A ticket in no workflow.
    let plain = d.app.new_ticket(&d.alice, "Plain").await;
    let plain = d.app.post("/api/v1/tickets").token(&d.alice).json(&plain).send().await.json()["id"].as_i64().expect("id");
    assert_eq!(d.app.act(&d.admin, plain, json!({"action": "open"})).await.status, StatusCode::OK);
    d.back(&d.admin, plain, "x").await.problem(StatusCode::CONFLICT, "workflow_none");
    assert!(d.read(&d.admin, plain).await["staff"].get("workflow").is_none());
}
