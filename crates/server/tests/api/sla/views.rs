//! SLA in agent views: rows carry the nearest due time and whether a target was missed, and
//! views filter on `sla` (breached, on time, none) and `sla_due_at` (`before +2h`: due within two
//! hours, overdue ones included).

use super::app;
use crate::support::{TestApp, ADMIN, AGENT, ALICE};
use axum::http::StatusCode;
use serde_json::{json, Value};
use time::Duration;

/// The ids (and SLA columns) of the rows of a new private view with `conditions`.
async fn rows(app: &TestApp, agent: &str, name: &str, conditions: Value) -> Vec<(i64, Value, Value)> {
    let view = json!({"name": name, "visibility": "private", "conditions": conditions});
    let res = app.post("/api/v1/views").token(agent).json(&view).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_str().map(str::to_owned).unwrap_or_else(|| res.json()["id"].to_string());
    let page = app.get(&format!("/api/v1/views/{id}/tickets?limit=100")).token(agent).send().await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let items = page.json()["items"].as_array().cloned().unwrap_or_default();
    let mut out: Vec<_> = items.into_iter().map(|r| (r["id"].as_i64().unwrap_or_default(), r["sla_due_at"].clone(), r["sla_breached"].clone())).collect();
    out.sort_by_key(|r| r.0);
    out
}

#[tokio::test]
async fn views_show_and_filter_by_sla() {
    let app = app().await;
    let (admin, agent, alice) = (app.login(ADMIN).await, app.login(AGENT).await, app.login(ALICE).await);
    let policy = json!({"name": "Everyone", "targets": [{"priority": "normal", "first_reply": 60}]});
    assert_eq!(app.post("/api/v1/admin/sla/policies").token(&admin).json(&policy).send().await.status, StatusCode::CREATED);
    let waiting = app.create_ticket(&alice, "Waiting").await["id"].as_i64().expect("id");
    let answered = app.create_ticket(&alice, "Answered").await["id"].as_i64().expect("id");
    let res = app.post(&format!("/api/v1/tickets/{answered}/messages")).token(&agent).json(&json!({"body": "Hi", "kind": "public"})).send().await;
    assert_eq!(res.status, StatusCode::CREATED);

    let soon = rows(&app, &agent, "Due within 2 hours", json!([{"field": "sla_due_at", "op": "before", "value": "+2h"}])).await;
    assert_eq!(soon, [(waiting, json!("2026-12-07T03:00:00Z"), json!(false))]);
    let later = rows(&app, &agent, "Due in 30 minutes", json!([{"field": "sla_due_at", "op": "before", "value": "+1h"}])).await;
    assert!(later.is_empty(), "{later:?}");

    // 03:30: the watch records the missed first reply.
    app.services.clock.advance(Duration::minutes(90));
    for job in baton_server::scheduler::jobs().into_iter().filter(|j| j.name == "sla") {
        (job.run)(&app.services).await.expect("sla job");
    }
    let breached = rows(&app, &agent, "Breached", json!([{"field": "sla", "op": "is", "value": "breached"}])).await;
    assert_eq!(breached, [(waiting, json!("2026-12-07T03:00:00Z"), json!(true))]);
    let on_time = rows(&app, &agent, "On time", json!([{"field": "sla", "op": "is", "value": "on_time"}])).await;
    assert_eq!(on_time, [(answered, Value::Null, json!(false))]);
    let none = rows(&app, &agent, "No SLA", json!([{"field": "sla", "op": "is", "value": "none"}])).await;
    assert!(!none.is_empty() && none.iter().all(|r| r.0 != waiting && r.0 != answered), "the demo's older tickets: {none:?}");
    let not_breached = rows(&app, &agent, "Not breached", json!([{"field": "sla", "op": "is_not", "value": "breached"}])).await;
    assert!(not_breached.iter().any(|r| r.0 == answered) && not_breached.iter().all(|r| r.0 != waiting));
}
