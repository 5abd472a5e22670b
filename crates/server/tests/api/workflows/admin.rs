//! The admin API of workflows: checked field by field, one per type, steps kept by key across a
//! replace (their tickets stay), groups in use kept, another desk's ids refused, settings.manage
//! required.

use super::{desk, steps};
use crate::support::{pairs, AGENT};
use axum::http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn templates_are_checked_kept_by_key_and_deleted() {
    let d = desk().await;
    let (app, admin) = (&d.app, &d.admin);
    let type_id = d.workflow["type_id"].clone();
    let path = format!("/api/v1/admin/workflows/{}", d.workflow["id"]);
    // Every mistake at once.
    let bad = json!({"name": "", "type_id": 999999, "steps": [
        {"key": "Bad Key", "name": " ", "group_id": 999999, "required_fields": ["nope"], "sla_minutes": 0, "next": ["missing"]},
        {"key": "two", "name": "x".repeat(101), "group_id": d.groups[0], "next": ["two"]}
    ]});
    let res = app.post("/api/v1/admin/workflows").token(admin).json(&bad).send().await;
    assert_eq!(res.field_errors(), pairs(&[
        ("name", "required"), ("type_id", "invalid_value"),
        ("steps.0.key", "invalid_value"), ("steps.0.name", "required"), ("steps.0.group_id", "invalid_value"),
        ("steps.0.required_fields", "invalid_value"), ("steps.0.sla_minutes", "invalid_value"), ("steps.0.next", "invalid_value"),
        ("steps.1.name", "too_long"), ("steps.1.next", "invalid_value"),
    ]));
    let res = app.post("/api/v1/admin/workflows").token(admin).json(&json!({"name": "W", "type_id": type_id, "steps": []})).send().await;
    assert_eq!(res.field_errors(), pairs(&[("steps", "required")]));
    // One workflow per type.
    let again = json!({"name": "Again", "type_id": type_id, "steps": steps(d.groups)});
    app.post("/api/v1/admin/workflows").token(admin).json(&again).send().await.problem(StatusCode::CONFLICT, "already_exists");

    // A ticket at `approval`; a replace keeps that step (by key) and drops `receipt`.
    let id = d.ticket().await;
    assert_eq!(app.act(admin, id, json!({"action": "open"})).await.status, StatusCode::OK);
    let version = d.read(admin, id).await["staff"]["version"].as_i64().expect("version");
    let res = app.call(Method::PATCH, &format!("/api/v1/tickets/{id}")).token(admin)
        .header("if-match", &format!("\"v{version}\"")).json(&json!({"fields": {"amount": 1}})).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(d.pass(admin, id, d.step("approval"), d.agents[1]).await.status, StatusCode::OK);
    let replaced = json!({"name": "退货 v2", "type_id": type_id, "steps": [
        {"key": "intake", "name": "客服受理", "group_id": d.groups[0], "next": ["approval"]},
        {"key": "approval", "name": "审批", "group_id": d.groups[1], "next": []}
    ]});
    let res = app.call(Method::PUT, &path).token(admin).json(&replaced).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let saved = res.json();
    assert_eq!(saved["steps"][1]["id"], json!(d.step("approval")));
    assert_eq!((saved["steps"][1]["name"].clone(), saved["steps"].as_array().map(Vec::len)), (json!("审批"), Some(2)));
    assert_eq!(app.get(&path).token(admin).send().await.json(), saved);
    let wf = d.read(admin, id).await["staff"]["workflow"].clone();
    assert_eq!((wf["step"]["name"].clone(), wf["next_steps"].clone()), (json!("审批"), json!([])));

    // Its groups stay while a step names them.
    let group = format!("/api/v1/admin/groups/{}", d.groups[1]);
    app.call(Method::DELETE, &group).token(admin).send().await.problem(StatusCode::CONFLICT, "group_in_use");
    // Deleted: its tickets leave it.
    assert_eq!(app.call(Method::DELETE, &path).token(admin).send().await.status, StatusCode::NO_CONTENT);
    assert!(d.read(admin, id).await["staff"].get("workflow").is_none());
    app.call(Method::DELETE, &path).token(admin).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.call(Method::DELETE, &group).token(admin).send().await.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn another_desk_and_agents_get_nothing() {
    let d = desk().await;
    let app = &d.app;
    app.new_tenant("Rival Desk").await;
    let rival: i64 = sqlx::query_scalar("SELECT id FROM tenants WHERE name = 'Rival Desk'").fetch_one(&app.sql).await.expect("tenant");
    let their_type: i64 = sqlx::query_scalar(
        "INSERT INTO ticket_types (tenant_id, name, created_at) VALUES ($1, '{\"en\": \"Theirs\"}', '2026-01-01T00:00:00Z') RETURNING id",
    )
    .bind(rival)
    .fetch_one(&app.sql)
    .await
    .expect("type");
    let theirs: i64 = sqlx::query_scalar(
        "INSERT INTO workflows (tenant_id, type_id, name, created_at) VALUES ($1, $2, 'Theirs', '2026-01-01T00:00:00Z') RETURNING id",
    )
    .bind(rival)
    .bind(their_type)
    .fetch_one(&app.sql)
    .await
    .expect("workflow");
    let path = format!("/api/v1/admin/workflows/{theirs}");
    let body = json!({"name": "Mine", "type_id": d.workflow["type_id"], "steps": steps(d.groups)});
    for (method, body) in [(Method::GET, None), (Method::PUT, Some(&body)), (Method::DELETE, None)] {
        let call = app.call(method.clone(), &path).token(&d.admin);
        let call = match body { Some(b) => call.json(b), None => call };
        call.send().await.problem(StatusCode::NOT_FOUND, "not_found");
    }
    // Their type is not ours to give a workflow (so no field of it may be required either).
    let res = app.post("/api/v1/admin/workflows").token(&d.admin).json(&json!({"name": "X", "type_id": their_type, "steps": steps(d.groups)})).send().await;
    assert_eq!(res.field_errors(), pairs(&[("type_id", "invalid_value"), ("steps.0.required_fields", "invalid_value")]));
    let listed = app.get("/api/v1/admin/workflows").token(&d.admin).send().await.json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    // Agents without settings.manage: 403.
    let agent = app.login(AGENT).await;
    app.get("/api/v1/admin/workflows").token(&agent).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    app.post("/api/v1/admin/workflows").token(&agent).json(&body).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
}
