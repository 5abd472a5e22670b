//! The timers a policy puts on a ticket, read through the API as staff (never by its customer)
//! while the ticket changes and the test clock moves: first reply met, next reply breached and
//! recorded by the scheduler's watch, a pending stretch moving the resolution due time, a warning
//! given once; and on a business calendar, a ticket created on a Saturday night not overdue
//! before Monday.

use super::{app, office};
use crate::support::{TestApp, ADMIN, AGENT, ALICE, CAROL};
use axum::http::StatusCode;
use serde_json::{json, Value};
use time::Duration;

async fn watch(app: &TestApp) {
    for job in baton_server::scheduler::jobs().into_iter().filter(|j| j.name == "sla") {
        (job.run)(&app.services).await.expect("sla job");
    }
}

/// Ticket `id`'s SLA as `token` (staff) reads it: the timer of `kind`.
async fn timer(app: &TestApp, token: &str, id: i64, kind: &str) -> Value {
    let ticket = app.get(&format!("/api/v1/tickets/{id}")).token(token).send().await.json();
    let timers = ticket["staff"]["sla"]["timers"].as_array().cloned().unwrap_or_default();
    timers.into_iter().find(|t| t["kind"] == kind).unwrap_or_else(|| panic!("no {kind} timer: {ticket}"))
}

/// What the ticket's customer is promised.
async fn reply_by(app: &TestApp, token: &str, id: i64) -> Value {
    app.get(&format!("/api/v1/tickets/{id}")).token(token).send().await.json()["reply_by"].clone()
}

async fn say(app: &TestApp, token: &str, id: i64, body: &str) {
    let res = app.post(&format!("/api/v1/tickets/{id}/messages")).token(token).json(&json!({"body": body, "kind": "public"})).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
}

#[tokio::test]
async fn timers_follow_the_ticket_and_the_clock() {
    let app = app().await;
    let (admin, agent, alice) = (app.login(ADMIN).await, app.login(AGENT).await, app.login(ALICE).await);
    let policy = json!({"name": "Everyone", "targets": [{"priority": "normal", "first_reply": 60, "next_reply": 30, "resolution": 240}]});
    let res = app.post("/api/v1/admin/sla/policies").token(&admin).json(&policy).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());

    // Created at 02:00 UTC: first reply due 03:00, resolution 06:00.
    let id = app.create_ticket(&alice, "Printer on fire").await["id"].as_i64().expect("id");
    let ticket = app.get(&format!("/api/v1/tickets/{id}")).token(&agent).send().await.json();
    assert_eq!(ticket["staff"]["sla"]["policy"]["name"], "Everyone");
    let first = timer(&app, &agent, id, "first_reply").await;
    assert_eq!((first["due_at"].clone(), first["stopped_at"].clone(), first["breached"].clone()), (json!("2026-12-07T03:00:00Z"), Value::Null, json!(false)));
    assert_eq!(timer(&app, &agent, id, "resolution").await["due_at"], "2026-12-07T06:00:00Z");
    // The customer sees no SLA (staff only), only when a reply is promised.
    let theirs = app.get(&format!("/api/v1/tickets/{id}")).token(&alice).send().await;
    assert!(!theirs.text().contains("sla"), "{}", theirs.text());
    assert_eq!(theirs.json()["reply_by"], "2026-12-07T03:00:00Z");

    // 02:20 the agent answers: the first reply is met.
    app.services.clock.advance(Duration::minutes(20));
    say(&app, &agent, id, "On it").await;
    let first = timer(&app, &agent, id, "first_reply").await;
    assert_eq!((first["stopped_at"].clone(), first["breached"].clone()), (json!("2026-12-07T02:20:00Z"), json!(false)));
    assert_eq!(reply_by(&app, &alice, id).await, Value::Null, "answered: no reply awaited");
    // 02:30 the customer writes: a next reply is due at 03:00.
    app.services.clock.advance(Duration::minutes(10));
    say(&app, &alice, id, "It spreads").await;
    assert_eq!(timer(&app, &agent, id, "next_reply").await["due_at"], "2026-12-07T03:00:00Z");
    assert_eq!(reply_by(&app, &alice, id).await, "2026-12-07T03:00:00Z");
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM tickets WHERE id = {id} AND sla_breached")).await, 0);

    // 03:15 nobody answered: the watch records the breach.
    app.services.clock.advance(Duration::minutes(45));
    watch(&app).await;
    let next = timer(&app, &agent, id, "next_reply").await;
    assert_eq!((next["breached"].clone(), next["stopped_at"].clone()), (json!(true), Value::Null), "{next}");
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM tickets WHERE id = {id} AND sla_breached")).await, 1);

    // The agent answers and waits on the customer for two hours: resolution is due two hours
    // later than it was (08:00), and while pending no due time shows.
    say(&app, &agent, id, "Which printer?").await;
    assert_eq!(app.act(&agent, id, json!({"action": "set_pending"})).await.status, StatusCode::OK);
    let paused = timer(&app, &agent, id, "resolution").await;
    assert_eq!((paused["due_at"].clone(), paused["paused"].clone()), (Value::Null, json!(true)), "{paused}");
    assert_eq!(reply_by(&app, &alice, id).await, Value::Null, "waiting on her: no reply promised");
    app.services.clock.advance(Duration::hours(2));
    say(&app, &alice, id, "The one by the window").await;
    let resumed = timer(&app, &agent, id, "resolution").await;
    assert_eq!((resumed["due_at"].clone(), resumed["paused"].clone()), (json!("2026-12-07T08:00:00Z"), json!(false)), "{resumed}");
}

#[tokio::test]
async fn a_warning_comes_once_before_the_due_time() {
    let app = app().await;
    let (admin, alice) = (app.login(ADMIN).await, app.login(ALICE).await);
    let policy = json!({"name": "Everyone", "targets": [{"priority": "normal", "first_reply": 60}]});
    assert_eq!(app.post("/api/v1/admin/sla/policies").token(&admin).json(&policy).send().await.status, StatusCode::CREATED);
    let id = app.create_ticket(&alice, "Slow").await["id"].as_i64().expect("id");
    let query = format!("SELECT COUNT(*) FROM tickets WHERE id = {id} AND sla_warned_at IS NOT NULL");
    let warned = || app.count(&query);
    app.services.clock.advance(Duration::minutes(29));
    watch(&app).await;
    assert_eq!(warned().await, 0, "too early");
    app.services.clock.advance(Duration::minutes(2));
    watch(&app).await;
    assert_eq!(warned().await, 1);
    let at: String = sqlx::query_scalar(&format!("SELECT sla_warned_at FROM tickets WHERE id = {id}")).fetch_one(&app.sql).await.expect("warned at");
    app.services.clock.advance(Duration::minutes(5));
    watch(&app).await;
    let again: String = sqlx::query_scalar(&format!("SELECT sla_warned_at FROM tickets WHERE id = {id}")).fetch_one(&app.sql).await.expect("warned at");
    assert_eq!(again, at, "warned once per due time");
}

#[tokio::test]
async fn on_office_hours_a_saturday_night_ticket_is_due_on_monday() {
    let app = app().await;
    let (admin, agent) = (app.login(ADMIN).await, app.login(AGENT).await);
    let calendar = app.post("/api/v1/admin/sla/calendars").token(&admin).json(&office("Office")).send().await.json();
    let carol_id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(CAROL).fetch_one(&app.sql).await.expect("carol");
    for policy in [
        json!({"name": "Carol on office hours", "calendar_id": calendar["id"], "conditions": {"customer_ids": [carol_id]},
               "targets": [{"priority": "normal", "first_reply": 60}]}),
        json!({"name": "Everyone", "targets": [{"priority": "normal", "first_reply": 15}]}),
    ] {
        let res = app.post("/api/v1/admin/sla/policies").token(&admin).json(&policy).send().await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    }
    // Saturday 12 December, 23:00 in Shanghai.
    app.services.clock.pin(time::macros::datetime!(2026-12-12 15:00 UTC));
    let carol = app.login(CAROL).await;
    let id = app.create_ticket(&carol, "Weekend question").await["id"].as_i64().expect("id");
    let alice = app.login(ALICE).await;
    let other = app.create_ticket(&alice, "Also at the weekend").await["id"].as_i64().expect("id");
    let ticket = app.get(&format!("/api/v1/tickets/{id}")).token(&agent).send().await.json();
    assert_eq!(ticket["staff"]["sla"]["policy"]["name"], "Carol on office hours", "the first match applies");
    assert_eq!(timer(&app, &agent, id, "first_reply").await["due_at"], "2026-12-14T02:00:00Z");
    assert_eq!(timer(&app, &agent, other, "first_reply").await["due_at"], "2026-12-12T15:15:00Z", "around the clock");

    // Sunday evening: not overdue. Monday 10:01: overdue.
    app.services.clock.advance(Duration::hours(20));
    watch(&app).await;
    assert_eq!(timer(&app, &agent, id, "first_reply").await["breached"], false);
    assert_eq!(timer(&app, &agent, other, "first_reply").await["breached"], true);
    app.services.clock.pin(time::macros::datetime!(2026-12-14 02:01 UTC));
    watch(&app).await;
    assert_eq!(timer(&app, &agent, id, "first_reply").await["breached"], true);
}
