//! SLA attainment in the report summary (DOMAIN.md "Reports": targets met ÷ targets that applied
//! and came due), per target, on a pinned clock: a met and a breached first reply, a met and a
//! breached resolution, and a target not yet due that counts in neither.

use super::app;
use crate::support::{TestApp, ADMIN, AGENT, ALICE};
use axum::http::StatusCode;
use serde_json::{json, Value};
use time::Duration;

async fn reply(app: &TestApp, token: &str, id: i64) {
    let res = app.post(&format!("/api/v1/tickets/{id}/messages")).token(token).json(&json!({"body": "Hello", "kind": "public"})).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
}

async fn sla(app: &TestApp, admin: &str) -> Value {
    let res = app.get("/api/v1/reports/summary?from=2026-12-07&to=2026-12-08").token(admin).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()["sla"].clone()
}

#[tokio::test]
async fn attainment_counts_the_targets_that_came_due() {
    let app = app().await;
    let (admin, agent, alice) = (app.login(ADMIN).await, app.login(AGENT).await, app.login(ALICE).await);
    let policy = json!({"name": "Everyone", "targets": [{"priority": "normal", "first_reply": 60, "resolution": 240}]});
    assert_eq!(app.post("/api/v1/admin/sla/policies").token(&admin).json(&policy).send().await.status, StatusCode::CREATED);
    // No SLA yet: nothing came due, no share.
    assert_eq!(sla(&app, &admin).await, json!({"first_reply": {"met": 0, "breached": 0, "share": null}, "resolution": {"met": 0, "breached": 0, "share": null}}));

    // 02:00 three tickets. The first is answered at 02:20 and solved at 03:00: both met.
    let ids: Vec<i64> = futures_util::future::join_all(["Quick", "Slow", "Waiting"].map(|t| app.create_ticket(&alice, t)))
        .await
        .iter()
        .map(|t| t["id"].as_i64().expect("id"))
        .collect();
    app.services.clock.advance(Duration::minutes(20));
    reply(&app, &agent, ids[0]).await;
    app.services.clock.advance(Duration::minutes(40));
    assert_eq!(app.act(&agent, ids[0], json!({"action": "complete"})).await.status, StatusCode::OK);
    // The second is answered at 03:30 (late) and solved at 07:00 (late).
    app.services.clock.advance(Duration::minutes(30));
    reply(&app, &agent, ids[1]).await;
    // The third waits: its first reply is breached once the watch has seen 03:00 pass.
    let now = sla(&app, &admin).await;
    assert_eq!(now["first_reply"], json!({"met": 1, "breached": 1, "share": 0.5}), "the third is not recorded until the watch runs");
    assert_eq!(now["resolution"], json!({"met": 1, "breached": 0, "share": 1.0}), "the others' resolutions are not due yet");
    for job in baton_server::scheduler::jobs().into_iter().filter(|j| j.name == "sla") {
        (job.run)(&app.services).await.expect("sla job");
    }
    app.services.clock.advance(Duration::hours(3) + Duration::minutes(30));
    assert_eq!(app.act(&agent, ids[1], json!({"action": "complete"})).await.status, StatusCode::OK);
    let later = sla(&app, &admin).await;
    assert_eq!(later["first_reply"]["met"], 1);
    assert_eq!(later["first_reply"]["breached"], 2);
    assert_eq!(later["resolution"]["met"], 1);
    assert_eq!(later["resolution"]["breached"], 1);
    assert_eq!(later["resolution"]["share"], 0.5);
}
