//! Issue 19, points 1 and 2. The version counts what `PATCH` and the actions change (properties,
//! status, flags), not the thread: replies and notes never make an agent's property edit stale,
//! and a 412 names what changed since the version sent. Staff changes are structured system
//! entries that customers never see: after every kind of staff change, the customer's thread,
//! ticket and live events (live and replayed) show none of them; status changes still reach them.

use crate::catalog::returns_ticket;
use crate::sse::{Sse, SseEvent};
use crate::support::{Response, TestApp, ADMIN, AGENT, ALICE, BOB};
use crate::workspace::{user_id, AGENT2};
use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

const QUIET: Duration = Duration::from_millis(300);

async fn version(app: &TestApp, token: &str, id: i64) -> i64 {
    let t = app.get(&format!("/api/v1/tickets/{id}")).token(token).send().await.json();
    t["staff"]["version"].as_i64().expect("a version")
}

async fn patch(app: &TestApp, token: &str, id: i64, version: i64, body: Value) -> Response {
    app.call(Method::PATCH, &format!("/api/v1/tickets/{id}"))
        .token(token)
        .header("if-match", &format!("\"v{version}\""))
        .json(&body)
        .send()
        .await
}

async fn say(app: &TestApp, token: &str, id: i64, kind: &str) {
    let res = app
        .post(&format!("/api/v1/tickets/{id}/messages"))
        .token(token)
        .json(&json!({"body": format!("a {kind} message"), "kind": kind}))
        .send()
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
}

async fn flag(app: &TestApp, token: &str, id: i64, method: Method, flag: &str) {
    let res = app.call(method, &format!("/api/v1/tickets/{id}/{flag}")).token(token).send().await;
    assert_eq!(res.status, StatusCode::OK, "{flag}: {}", res.text());
}

#[tokio::test]
async fn messages_leave_the_version_alone_so_an_edit_begun_before_them_saves() {
    let app = TestApp::new().await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let id = app.create_ticket(&alice, "Invoices do not download").await["id"].as_i64().expect("id");
    assert_eq!(app.act(&agent, id, json!({"action": "open"})).await.status, StatusCode::OK);
    let seen = version(&app, &agent, id).await;
    // The agent's reply, a note, the customer's reply (open stays open) and the customer's
    // confidential info: none is a property, none makes a new version.
    say(&app, &agent, id, "public").await;
    say(&app, &agent, id, "internal").await;
    say(&app, &alice, id, "public").await;
    let res = app.call(Method::PUT, &format!("/api/v1/tickets/{id}/confidential")).token(&alice)
        .json(&json!({"value": "PIN 1234"})).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    assert_eq!(version(&app, &agent, id).await, seen);
    let res = patch(&app, &agent, id, seen, json!({"priority": "high"})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.header(header::ETAG), Some(format!("\"v{}\"", seen + 1).as_str()));
    // A reply that moves the status (pending → open) is a status change: a new version, and
    // the 412 says that only the status changed, so a client may re-apply its edit safely.
    assert_eq!(app.act(&agent, id, json!({"action": "set_pending"})).await.status, StatusCode::OK);
    let before_reply = version(&app, &agent, id).await;
    say(&app, &alice, id, "public").await;
    let res = patch(&app, &agent, id, before_reply, json!({"tags": ["billing"]})).await;
    assert_eq!(res.status, StatusCode::PRECONDITION_FAILED, "{}", res.text());
    assert_eq!((res.json()["current_version"].clone(), res.json()["changed"].clone()), (json!(before_reply + 1), json!(["status"])));
    // A patch that changes nothing writes nothing: no entry, no new version.
    let now = version(&app, &agent, id).await;
    let res = patch(&app, &agent, id, now, json!({"priority": "high", "tags": []})).await;
    assert_eq!((res.status, res.header(header::ETAG)), (StatusCode::OK, Some(format!("\"v{now}\"").as_str())));
}

#[tokio::test]
async fn a_412_names_every_property_changed_since_the_version_sent() {
    let app = TestApp::new().await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let id = app.create_ticket(&alice, "Which changed?").await["id"].as_i64().expect("id");
    let v1 = version(&app, &agent, id).await;
    let res = patch(&app, &agent, id, v1, json!({"priority": "low"})).await;
    assert_eq!(res.status, StatusCode::OK);
    flag(&app, &agent, id, Method::POST, "trash").await;
    flag(&app, &agent, id, Method::DELETE, "trash").await;
    let res = patch(&app, &agent, id, v1, json!({"priority": "urgent"})).await;
    assert_eq!(res.json()["changed"], json!(["priority", "trashed"]), "{}", res.text());
    let res = patch(&app, &agent, id, v1 + 1, json!({"priority": "urgent"})).await;
    assert_eq!(res.json()["changed"], json!(["trashed"]), "{}", res.text());
    let stale = app.post(&format!("/api/v1/tickets/{id}/actions")).token(&agent)
        .header("if-match", &format!("\"v{v1}\"")).json(&json!({"action": "open"})).send().await;
    assert_eq!((stale.status, stale.json()["changed"].clone()), (StatusCode::PRECONDITION_FAILED, json!(["priority", "trashed"])));
}

/// Every kind of staff change, on a ticket alice asked (bob shares her customer group).
async fn every_staff_change(app: &TestApp, agent: &str, id: i64) {
    let (billing, invoice) = app.type_ids(agent, "Billing", "Invoice").await;
    let groups = app.get("/api/v1/groups").token(agent).send().await.json();
    let group = |name: &str| groups.as_array().into_iter().flatten().find(|g| g["name"] == name).map(|g| g["id"].clone()).expect("group");
    let (me, li_lei) = (user_id(app, AGENT).await, user_id(app, AGENT2).await);
    let edits = [
        json!({"priority": "urgent"}),
        json!({"group_id": group("Support"), "assignee_id": me}),
        json!({"cc": [li_lei], "tags": ["vip", "escalated"]}),
        json!({"fields": {"order_no": "A-2002"}}),
        json!({"type_id": billing, "subtype_id": invoice}),
    ];
    for edit in edits {
        let v = version(app, agent, id).await;
        let res = patch(app, agent, id, v, edit.clone()).await;
        assert_eq!(res.status, StatusCode::OK, "{edit}: {}", res.text());
    }
    for f in ["trash", "suspend"] {
        flag(app, agent, id, Method::POST, f).await;
        flag(app, agent, id, Method::DELETE, f).await;
    }
    let res = app.post("/api/v1/tickets/bulk").token(agent)
        .json(&json!({"ids": [id], "op": {"kind": "priority", "priority": "low"}})).send().await;
    assert_eq!(res.json()["results"][0]["ok"], true, "{}", res.text());
    say(app, agent, id, "internal").await;
}

fn events_of(events: &[SseEvent], id: i64) -> Vec<(String, Value)> {
    events.iter().filter(|e| e.json()["ticket_id"] == id).map(|e| (e.event.clone(), e.json())).collect()
}

#[tokio::test]
async fn customers_see_none_of_the_staff_changes_but_every_status_change() {
    let app = TestApp::new().await;
    let (alice, bob, agent) = (app.login(ALICE).await, app.login(BOB).await, app.login(AGENT).await);
    // Outside the demo's goods-return workflow, which would start the ticket in Support already.
    sqlx::query("DELETE FROM workflows").execute(&app.sql).await.expect("no workflow");
    let body = returns_ticket(&app, &alice).await;
    let res = app.post("/api/v1/tickets").token(&alice).json(&body).send().await;
    let id = res.json()["id"].as_i64().expect("id");
    assert_eq!(app.act(&agent, id, json!({"action": "open"})).await.status, StatusCode::OK);
    let before = app.get(&format!("/api/v1/tickets/{id}/messages")).token(&alice).send().await.json();
    let mut streams = Vec::new();
    for token in [&alice, &bob, &agent] {
        streams.push(Sse::new(app.get("/api/v1/events").token(token).open().await));
    }
    let last_id = app.count("SELECT COALESCE(MAX(id), 0) FROM events").await;

    every_staff_change(&app, &agent, id).await;

    // Staff see each change, structured; the customers' thread is what it was.
    let fields: Vec<Value> = app.changes(&agent, id).await.iter().map(|c| c["field"].clone()).collect();
    let want = ["priority", "group", "assignee", "cc", "tags", "fields.order_no", "type", "subtype", "fields.agree", "fields.order_no", "trashed", "trashed", "suspended", "suspended", "priority"];
    assert_eq!(fields, want.map(|f| json!(f)));
    let admin = app.login(ADMIN).await;
    assert_eq!(app.changes(&admin, id).await.len(), want.len());
    for token in [&alice, &bob] {
        let thread = app.get(&format!("/api/v1/tickets/{id}/messages")).token(token).send().await;
        assert_eq!(thread.json(), before, "a staff change reached a customer's thread");
        assert!(!thread.text().contains("\"change\""), "{}", thread.text());
    }
    // No live event of them reached a customer, nor does a replay from before them.
    let agent_events = streams.pop().expect("agent").drain(QUIET).await;
    assert_eq!(events_of(&agent_events, id).iter().filter(|(e, _)| e == "ticket.updated").count(), 10, "{agent_events:?}");
    for mut stream in streams {
        assert_eq!(events_of(&stream.drain(QUIET).await, id), [], "a customer was told of a staff change");
    }
    let replay = app.get("/api/v1/events").token(&alice).header("last-event-id", &last_id.to_string()).open().await;
    assert_eq!(events_of(&Sse::new(replay).drain(QUIET).await, id), []);

    // A status change is the customer's business: event and entry.
    let mut alices = Sse::new(app.get("/api/v1/events").token(&alice).open().await);
    assert_eq!(app.act(&agent, id, json!({"action": "complete"})).await.status, StatusCode::OK);
    let solved = events_of(&alices.drain(QUIET).await, id);
    assert_eq!(solved[0], ("ticket.updated".to_owned(), json!({"ticket_id": id, "status": "solved"})));
    // And her notification of it (issue 13).
    assert_eq!((solved.len(), solved[1].0.as_str(), solved[1].1["notification"].clone()), (2, "notification.created", json!("solved")));
    let thread = app.get(&format!("/api/v1/tickets/{id}/messages")).token(&alice).send().await.json();
    let last = thread["items"].as_array().and_then(|items| items.last()).cloned().unwrap_or_default();
    assert_eq!((last["kind"].clone(), last["status_change"].clone(), last["body"].clone()), (json!("system"), json!({"from": "open", "to": "solved"}), json!("")));
}

#[tokio::test]
async fn entries_written_before_they_were_structured_stay_with_staff() {
    let app = TestApp::new().await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let id = app.create_ticket(&alice, "Old thread").await["id"].as_i64().expect("id");
    sqlx::query("INSERT INTO messages (tenant_id, ticket_id, kind, body, created_at)
                 SELECT tenant_id, id, 'system', 'priority: normal → high', created_at FROM tickets WHERE id = $1")
        .bind(id)
        .execute(&app.sql)
        .await
        .expect("legacy entry");
    let staff = app.get(&format!("/api/v1/tickets/{id}/messages")).token(&agent).send().await.text();
    assert!(staff.contains("priority: normal → high"), "{staff}");
    let customer = app.get(&format!("/api/v1/tickets/{id}/messages")).token(&alice).send().await.text();
    assert!(!customer.contains("priority"), "{customer}");
}
