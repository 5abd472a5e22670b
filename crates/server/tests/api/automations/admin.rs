//! The admin API: what a rule reads back as, the checks by field (baton_core's, then the ids the
//! actions name, which must be the desk's), names unique per desk, `settings.manage` (agents and
//! customers 403), and another desk's rules as good as absent (404).

use super::{desk, on, rule};
use crate::support::{CAROL, OTHER_AGENT};
use axum::http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn a_rule_reads_back_as_written_and_is_replaced_ordered_and_deleted() {
    let d = desk().await;
    let body = json!({"name": "Timed", "active": false, "trigger": {"kind": "time", "basis": "sla_due", "hours": 4},
        "conditions": [{"field": "priority", "op": "in", "value": ["high", "urgent"]}],
        "actions": [{"kind": "notify", "to": "group"}, {"kind": "set_priority", "priority": "urgent"}]});
    let id = d.rule(body.clone()).await;
    let got = d.app.get(&format!("/api/v1/admin/automations/{id}")).token(&d.admin).send().await;
    assert_eq!(got.status, StatusCode::OK);
    let mut want = body.clone();
    want["id"] = json!(id);
    want["position"] = json!(1);
    assert_eq!(got.json(), want);
    let second = d.rule(rule("Second", on("created"), json!([]), json!([{"kind": "add_tags", "tags": ["x"]}]))).await;
    let list = d.app.get("/api/v1/admin/automations").token(&d.admin).send().await.json();
    assert_eq!(list.as_array().map(|l| l.iter().map(|r| r["id"].clone()).collect::<Vec<_>>()), Some(vec![json!(id), json!(second)]));
    let mut renamed = body.clone();
    renamed["name"] = json!("Renamed");
    let res = d.app.call(Method::PUT, &format!("/api/v1/admin/automations/{id}")).token(&d.admin).json(&renamed).send().await;
    assert_eq!((res.status, res.json()["name"].clone(), res.json()["position"].clone()), (StatusCode::OK, json!("Renamed"), json!(1)));
    // The order names every rule once.
    for ids in [json!([second]), json!([second, id, id]), json!([second, 999_999])] {
        let res = d.app.call(Method::PUT, "/api/v1/admin/automations/order").token(&d.admin).json(&json!({"ids": ids})).send().await;
        res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(res.field_errors(), [("ids".to_owned(), "invalid_value".to_owned())]);
    }
    // A taken name is a conflict.
    let res = d.app.post("/api/v1/admin/automations").token(&d.admin).json(&renamed).send().await;
    res.problem(StatusCode::CONFLICT, "already_exists");
    let res = d.app.call(Method::DELETE, &format!("/api/v1/admin/automations/{id}")).token(&d.admin).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let res = d.app.get(&format!("/api/v1/admin/automations/{id}")).token(&d.admin).send().await;
    res.problem(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn mistakes_are_named_by_field() {
    let d = desk().await;
    let other_tenant_agent = d.user_id(OTHER_AGENT).await;
    let customer = d.user_id(CAROL).await;
    let cases = [
        (json!({"name": "", "trigger": on("created"), "actions": []}), vec![("name", "required"), ("actions", "required")]),
        (json!({"name": "t", "trigger": {"kind": "time", "basis": "created", "hours": 0}, "actions": [{"kind": "add_tags", "tags": ["a"]}]}),
            vec![("trigger.hours", "invalid_value")]),
        (json!({"name": "c", "trigger": on("created"), "conditions": [{"field": "priority", "op": "before", "value": "high"}],
                "actions": [{"kind": "add_tags", "tags": ["a"]}]}), vec![("conditions[0].op", "invalid_operator")]),
        (json!({"name": "ids", "trigger": on("created"), "actions": [
                {"kind": "assign_group", "group_id": 999_999}, {"kind": "assign_agent", "agent_id": other_tenant_agent},
                {"kind": "notify", "to": "agent", "agent_id": customer}, {"kind": "set_type", "type_id": 999_999},
                {"kind": "quick_reply", "quick_reply_id": 999_999}, {"kind": "add_note", "body": " "}]}),
            vec![("actions[5].body", "required"), ("actions[0].group_id", "invalid_value"), ("actions[1].agent_id", "invalid_value"),
                 ("actions[2].agent_id", "invalid_value"), ("actions[3].type_id", "invalid_value"),
                 ("actions[4].quick_reply_id", "invalid_value")]),
    ];
    for (body, want) in cases {
        let res = d.app.post("/api/v1/admin/automations").token(&d.admin).json(&body).send().await;
        res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        let want: Vec<(String, String)> = want.into_iter().map(|(f, c)| (f.to_owned(), c.to_owned())).collect();
        assert_eq!(res.field_errors(), want, "{body}");
    }
    // Unknown action kinds and fields are malformed requests.
    let res = d.app.post("/api/v1/admin/automations").token(&d.admin)
        .json(&json!({"name": "x", "trigger": on("created"), "actions": [{"kind": "explode"}]})).send().await;
    assert_eq!(res.status.as_u16() / 100, 4, "{}", res.text());
    assert_eq!(d.app.count("SELECT COUNT(*) FROM automations").await, 0);
}

#[tokio::test]
async fn only_settings_managers_configure_rules_and_other_desks_rules_are_not_found() {
    let d = desk().await;
    let body = rule("Mine", on("created"), json!([]), json!([{"kind": "add_tags", "tags": ["x"]}]));
    for token in [&d.agent, &d.alice] {
        d.app.get("/api/v1/admin/automations").token(token).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
        d.app.post("/api/v1/admin/automations").token(token).json(&body).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    }
    // Another desk's rule (written straight into its tenant).
    let other_tenant: i64 = sqlx::query_scalar("SELECT tenant_id FROM users WHERE email = $1").bind(OTHER_AGENT).fetch_one(&d.app.sql).await.expect("tenant");
    let theirs: i64 = sqlx::query_scalar(
        "INSERT INTO automations (tenant_id, name, active, position, trigger_kind, conditions, actions, created_at)
         VALUES ($1, 'Theirs', TRUE, 1, 'created', '[]', '[{\"kind\":\"add_tags\",\"tags\":[\"x\"]}]', '2026-01-01T00:00:00Z') RETURNING id",
    )
    .bind(other_tenant)
    .fetch_one(&d.app.sql)
    .await
    .expect("their rule");
    let path = format!("/api/v1/admin/automations/{theirs}");
    d.app.get(&path).token(&d.admin).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    d.app.call(Method::PUT, &path).token(&d.admin).json(&body).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    d.app.call(Method::DELETE, &path).token(&d.admin).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    assert!(d.app.get("/api/v1/admin/automations").token(&d.admin).send().await.json().as_array().is_some_and(|l| l.is_empty()));
    // Nor does it run on this desk's tickets.
    let id = d.ticket("Here").await;
    assert!(d.ran(id).await.is_empty());
}
