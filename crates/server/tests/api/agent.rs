//! The staff side of a ticket: the staff part and its ETag (never for customers), property edits
//! with If-Match (428 without, 412 for the second of two sessions on one version), flags and
//! stars, routing of new tickets by sub-type, and customers kept out of every agent endpoint.

use crate::support::{TestApp, ADMIN, AGENT, ALICE, BOB};
use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};

const AGENT2: &str = "agent2@baton.test";

async fn patch(app: &TestApp, token: &str, id: i64, etag: Option<&str>, body: Value) -> crate::support::Response {
    let mut call = app.call(Method::PATCH, &format!("/api/v1/tickets/{id}")).token(token).json(&body);
    if let Some(etag) = etag {
        call = call.header("if-match", etag);
    }
    call.send().await
}

async fn user_id(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(&app.sql).await.expect("user")
}

#[tokio::test]
async fn staff_see_the_staff_part_and_an_etag_customers_never() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let id = app.create_ticket(&alice, "Printer on fire").await["id"].as_i64().expect("id");
    let res = app.get(&format!("/api/v1/tickets/{id}")).token(&alice).send().await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.json().get("staff").is_none(), "{}", res.text());
    assert_eq!(res.header(header::ETAG), None);
    let res = app.get(&format!("/api/v1/tickets/{id}")).token(&agent).send().await;
    let staff = &res.json()["staff"];
    assert_eq!(staff["version"], 1, "{}", res.text());
    assert_eq!(staff["starred"], false);
    assert_eq!(res.header(header::ETAG), Some("\"v1\""));
}

#[tokio::test]
async fn edits_need_the_version_and_the_second_session_is_told_the_current_one() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let (one, two) = (app.login(AGENT).await, app.login(AGENT).await);
    let id = app.create_ticket(&alice, "Refund").await["id"].as_i64().expect("id");
    let res = patch(&app, &one, id, None, json!({"priority": "urgent"})).await;
    assert_eq!((res.status, res.json()["code"].clone()), (StatusCode::PRECONDITION_REQUIRED, json!("precondition_required")));
    let agent_id = user_id(&app, AGENT).await;
    let res = patch(&app, &one, id, Some("\"v1\""), json!({"priority": "urgent", "assignee_id": agent_id, "tags": ["vip", " vip"]})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.header(header::ETAG), Some("\"v2\""));
    let t = res.json();
    assert_eq!((t["priority"].clone(), t["staff"]["assignee"]["id"].clone(), t["staff"]["tags"].clone()), (json!("urgent"), json!(agent_id), json!(["vip"])));
    let res = patch(&app, &two, id, Some("\"v1\""), json!({"priority": "low"})).await;
    assert_eq!(res.status, StatusCode::PRECONDITION_FAILED, "{}", res.text());
    assert_eq!((res.json()["code"].clone(), res.json()["current_version"].clone()), (json!("precondition_failed"), json!(2)));
    assert_eq!(res.json()["changed"], json!(["priority", "assignee", "tags"]), "{}", res.text());
    let changes = app.changes(&one, id).await;
    assert_eq!(changes, [
        json!({"field": "priority", "from": "normal", "to": "urgent"}),
        json!({"field": "assignee", "from": null, "to": "Agent Smith"}),
        json!({"field": "tags", "from": null, "to": ["vip"]}),
    ]);
    // Invalid values name their field.
    let table = [
        (json!({"assignee_id": user_id(&app, BOB).await}), "assignee_id"),
        (json!({"group_id": 999_999}), "group_id"),
        (json!({"cc": [user_id(&app, ALICE).await]}), "cc"),
        (json!({"tags": ["a,b"]}), "tags"),
    ];
    for (body, field) in table {
        let res = patch(&app, &one, id, Some("\"v2\""), body.clone()).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(res.json()["errors"][0]["field"], field, "{body}");
    }
}

#[tokio::test]
async fn trash_and_suspend_stop_the_lifecycle_and_stars_are_mine() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let id = app.create_ticket(&alice, "Spam?").await["id"].as_i64().expect("id");
    let base = format!("/api/v1/tickets/{id}");
    for (flag, reason) in [("trash", "ticket_trashed"), ("suspend", "ticket_suspended")] {
        let res = app.post(&format!("{base}/{flag}")).token(&agent).send().await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        let res = app.act(&agent, id, json!({"action": "open"})).await;
        assert_eq!((res.status, res.json()["reason"].clone()), (StatusCode::CONFLICT, json!(reason)));
        let res = app.call(Method::DELETE, &format!("{base}/{flag}")).token(&agent).send().await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    }
    // Four flag changes: version 5; a stale If-Match on an action is refused.
    let res = app.act(&agent, id, json!({"action": "open"})).await;
    assert_eq!(res.header(header::ETAG), Some("\"v6\""), "{}", res.text());
    let stale = app.post(&format!("{base}/actions")).token(&agent).header("if-match", "\"v1\"").json(&json!({"action": "set_pending"})).send().await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    let res = app.call(Method::PUT, &format!("{base}/star")).token(&agent).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let t = app.get(&base).token(&agent).send().await.json();
    assert_eq!((t["staff"]["starred"].clone(), t["staff"]["version"].clone()), (json!(true), json!(6)));
    let other = app.login(ADMIN).await;
    assert_eq!(app.get(&base).token(&other).send().await.json()["staff"]["starred"], false);
}

#[tokio::test]
async fn an_agent_opening_a_new_ticket_moves_it_for_the_customer() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let id = app.create_ticket(&alice, "Hello").await["id"].as_i64().expect("id");
    let res = app.act(&agent, id, json!({"action": "open"})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let events = app.count(&format!("SELECT COUNT(*) FROM events WHERE ticket_id = {id} AND type = 'ticket.updated' AND status = 'open'")).await;
    assert_eq!(events, 1);
}

#[tokio::test]
async fn new_tickets_are_routed_by_sub_type() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let (_, subtype) = app.plain_type(&alice).await.expect("demo type");
    let support: i64 = sqlx::query_scalar("SELECT id FROM agent_groups WHERE name = 'Support'").fetch_one(&app.sql).await.expect("group");
    sqlx::query("UPDATE ticket_subtypes SET group_id = $1 WHERE id = $2").bind(support).bind(subtype).execute(&app.sql).await.expect("route");
    let agent = app.login(AGENT).await;
    let agent2 = app.login(AGENT2).await;
    // Without auto-assign the ticket waits in the group, unassigned; Billing's agent cannot see it.
    let id = app.create_ticket(&alice, "Down").await["id"].as_i64().expect("id");
    let t = app.get(&format!("/api/v1/tickets/{id}")).token(&agent).send().await.json();
    assert_eq!((t["staff"]["group"]["name"].clone(), t["staff"]["assignee"].clone()), (json!("Support"), Value::Null));
    assert_eq!(app.get(&format!("/api/v1/tickets/{id}")).token(&agent2).send().await.status, StatusCode::NOT_FOUND);
    // With auto-assign, the least-loaded member (the only one) gets it.
    sqlx::query("UPDATE agent_groups SET assign_mode = 'least_loaded' WHERE id = $1").bind(support).execute(&app.sql).await.expect("auto");
    let id = app.create_ticket(&alice, "Down again").await["id"].as_i64().expect("id");
    let t = app.get(&format!("/api/v1/tickets/{id}")).token(&agent).send().await.json();
    assert_eq!(t["staff"]["assignee"]["id"], user_id(&app, AGENT).await);
}

#[tokio::test]
async fn customers_are_kept_out_of_every_agent_endpoint() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let id = app.create_ticket(&alice, "Mine").await["id"].as_i64().expect("id");
    let t = format!("/api/v1/tickets/{id}");
    // (method, path, body, the customer's status)
    let table: Vec<(Method, String, Option<Value>, StatusCode)> = vec![
        (Method::PATCH, t.clone(), Some(json!({"priority": "high"})), StatusCode::NOT_FOUND),
        (Method::POST, format!("{t}/trash"), None, StatusCode::NOT_FOUND),
        (Method::DELETE, format!("{t}/trash"), None, StatusCode::NOT_FOUND),
        (Method::POST, format!("{t}/suspend"), None, StatusCode::NOT_FOUND),
        (Method::DELETE, format!("{t}/suspend"), None, StatusCode::NOT_FOUND),
        (Method::PUT, format!("{t}/star"), None, StatusCode::NOT_FOUND),
        (Method::DELETE, format!("{t}/star"), None, StatusCode::NOT_FOUND),
        (Method::GET, "/api/v1/views".to_owned(), None, StatusCode::FORBIDDEN),
        (Method::GET, "/api/v1/views/counts".to_owned(), None, StatusCode::FORBIDDEN),
        (Method::GET, "/api/v1/views/all/tickets".to_owned(), None, StatusCode::FORBIDDEN),
    ];
    for (method, path, body, expected) in table {
        for (token, status) in [(None, StatusCode::UNAUTHORIZED), (Some(alice.as_str()), expected)] {
            let mut call = app.call(method.clone(), &path);
            if let Some(token) = token {
                call = call.token(token).header("if-match", "\"v1\"");
            }
            if let Some(body) = &body {
                call = call.json(body);
            }
            let res = call.send().await;
            assert_eq!(res.status, status, "{method} {path} as {token:?}: {}", res.text());
        }
    }
}
