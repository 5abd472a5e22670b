//! PATCH `fields`: custom field values edited by staff, checked by baton-core as at creation
//! (each bad value named `fields.<key>`), merged over the stored ones, one audit line per change;
//! attachment fields and typeless tickets refuse them; customers get 404.

use super::ticket;
use crate::catalog::returns_ticket;
use crate::support::{pairs, TestApp, AGENT, ALICE};
use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};

async fn patch(app: &TestApp, token: &str, id: i64, body: Value) -> crate::support::Response {
    let path = format!("/api/v1/tickets/{id}");
    let etag = app.get(&path).token(token).send().await.header(header::ETAG).unwrap_or("\"v0\"").to_owned();
    app.call(Method::PATCH, &path).token(token).header("if-match", &etag).json(&body).send().await
}

fn value(t: &Value, key: &str) -> Value {
    t["fields"].as_array().expect("fields").iter().find(|f| f["key"] == key).map(|f| f["value"].clone()).unwrap_or(Value::Null)
}

#[tokio::test]
async fn values_are_validated_merged_and_audited() {
    let app = TestApp::new().await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let body = returns_ticket(&app, &alice).await;
    let res = app.post("/api/v1/tickets").token(&alice).json(&body).send().await;
    let id = res.json()["id"].as_i64().expect("id");
    let res = patch(&app, &agent, id, json!({"fields": {"order_no": "A-1002", "amount": 199.5}})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let t = res.json();
    assert_eq!((value(&t, "order_no"), value(&t, "amount"), value(&t, "agree")), (json!("A-1002"), json!(199.5), json!(true)));
    assert_eq!(res.header(header::ETAG), Some("\"v2\""));
    assert_eq!(app.changes(&agent, id).await, [
        json!({"field": "fields.amount", "from": null, "to": 199.5}),
        json!({"field": "fields.order_no", "from": "A-1001", "to": "A-1002"}),
    ]);
    // Each bad value is named as at creation; nothing is stored, the version stays.
    let table = [
        (json!({"amount": "12"}), "fields.amount", "invalid_number"),
        (json!({"order_no": ""}), "fields.order_no", "required"),
        (json!({"colour": "red"}), "fields.colour", "invalid_value"),
        (json!({"photos": ["1"]}), "fields.photos", "invalid_value"),
    ];
    for (fields, field, code) in table {
        let res = patch(&app, &agent, id, json!({ "fields": fields })).await;
        assert_eq!(res.field_errors(), pairs(&[(field, code)]), "{fields}");
    }
    let t = app.get(&format!("/api/v1/tickets/{id}")).token(&agent).send().await.json();
    assert_eq!((value(&t, "order_no"), t["staff"]["version"].clone()), (json!("A-1002"), json!(2)));
    // Clearing an optional value is a change too; the same value again is none.
    let res = patch(&app, &agent, id, json!({"fields": {"amount": "", "order_no": "A-1002"}})).await;
    assert_eq!((value(&res.json(), "amount"), res.header(header::ETAG)), (Value::Null, Some("\"v3\"")));
    // A customer never edits: the ticket is not there for them.
    let res = app.call(Method::PATCH, &format!("/api/v1/tickets/{id}")).token(&alice).header("if-match", "\"v3\"").json(&json!({"fields": {"order_no": "X"}})).send().await;
    res.problem(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn a_ticket_without_a_type_has_no_fields() {
    let app = TestApp::new().await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let id = ticket(&app, &alice, "Plain").await;
    sqlx::query("UPDATE tickets SET type_id = NULL, subtype_id = NULL WHERE id = $1").bind(id).execute(&app.sql).await.expect("untype");
    let res = patch(&app, &agent, id, json!({"fields": {"order_no": "A-1"}})).await;
    assert_eq!(res.field_errors(), pairs(&[("fields.order_no", "invalid_value")]));
}
