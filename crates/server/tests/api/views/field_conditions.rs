//! Issue 19, point 9: how a `fields.<key>` condition matches. Text, dates, selects and radios by
//! their text; numbers by value ("3" matches 3 and 3.0); checkboxes as "true" / "false";
//! multiselects item by item (`is`/`in`: any item, `is_not`/`not_in`: no item). The negations
//! keep tickets without a value.

use crate::catalog::returns_ticket;
use crate::support::{TestApp, AGENT, ALICE};
use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};
use std::collections::BTreeSet;

async fn ticket(app: &TestApp, alice: &str, agent: &str, fields: Value) -> i64 {
    let mut body = returns_ticket(app, alice).await;
    for (k, v) in fields.as_object().into_iter().flatten() {
        body["fields"][k] = v.clone();
    }
    let res = app.post("/api/v1/tickets").token(alice).json(&body).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_i64().expect("id");
    let path = format!("/api/v1/tickets/{id}");
    let etag = app.get(&path).token(agent).send().await.header(header::ETAG).unwrap_or_default().to_owned();
    let res = app.call(Method::PATCH, &path).token(agent).header("if-match", &etag).json(&json!({"tags": ["fc"]})).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    id
}

async fn matching(app: &TestApp, agent: &str, key: &str, op: &str, value: Value) -> BTreeSet<i64> {
    let conditions = json!([{"field": "tags", "op": "is", "value": "fc"}, {"field": format!("fields.{key}"), "op": op, "value": value}]);
    let res = app.post("/api/v1/views").token(agent).json(&json!({"name": "fc", "visibility": "private", "conditions": conditions})).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let view = res.json()["id"].as_str().expect("id").to_owned();
    let res = app.get(&format!("/api/v1/views/{view}/tickets?limit=100")).token(agent).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()["items"].as_array().into_iter().flatten().filter_map(|t| t["id"].as_i64()).collect()
}

#[tokio::test]
async fn custom_field_conditions_match_numbers_checkboxes_and_lists_as_documented() {
    let app = TestApp::new().await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let one = ticket(&app, &alice, &agent, json!({"amount": 3, "accessories": ["box", "charger"]})).await;
    let two = ticket(&app, &alice, &agent, json!({"amount": 199.5, "accessories": ["manual"]})).await;
    let three = ticket(&app, &alice, &agent, json!({})).await;
    let set = |ids: &[i64]| ids.iter().copied().collect::<BTreeSet<i64>>();
    let table = [
        ("amount", "is", json!("3"), set(&[one])),
        ("amount", "is", json!("3.0"), set(&[one])),
        ("amount", "in", json!(["199.5", "3"]), set(&[one, two])),
        ("amount", "is_not", json!("3"), set(&[two, three])),
        ("accessories", "is", json!("charger"), set(&[one])),
        ("accessories", "in", json!(["manual", "box"]), set(&[one, two])),
        ("accessories", "not_in", json!(["box"]), set(&[two, three])),
        ("agree", "is", json!("true"), set(&[one, two, three])),
        ("agree", "is", json!("false"), set(&[])),
        ("order_no", "is", json!("A-1001"), set(&[one, two, three])),
    ];
    for (key, op, value, want) in table {
        assert_eq!(matching(&app, &agent, key, op, value.clone()).await, want, "fields.{key} {op} {value}");
    }
}
