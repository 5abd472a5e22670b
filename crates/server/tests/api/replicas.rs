//! Two replicas on one database (`TestApp::replica`: a second pool, event hub and caches, as a
//! second process would have): what one writes, the other serves. Presence, stream tickets and
//! the scheduler's lease are shared on both databases; live events cross replicas on PostgreSQL,
//! where each process's relay reads the rows another one committed (SQLite serves one process).

use crate::sse::{Sse, SseEvent};
use crate::support::{TestApp, AGENT, ALICE};
use crate::workspace::{route_to, ticket};
use axum::http::StatusCode;
use baton_server::scheduler::{Scheduler, LEASE};
use baton_server::storage::{self, Dialect};
use serde_json::json;
use std::time::Duration;

async fn stream(app: &TestApp, token: &str, last_event_id: Option<&str>) -> Sse {
    let mut call = app.get("/api/v1/events").token(token);
    if let Some(id) = last_event_id {
        call = call.header("last-event-id", id);
    }
    Sse::new(call.open().await)
}

async fn say(app: &TestApp, token: &str, id: i64, body: &str) {
    let res = app.post(&format!("/api/v1/tickets/{id}/messages")).token(token).json(&json!({ "body": body, "kind": "public" })).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
}

fn viewer_names(presence: &serde_json::Value) -> Vec<String> {
    presence["viewers"].as_array().into_iter().flatten().map(|v| v["user"]["name"].as_str().unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn presence_set_on_one_replica_shows_on_the_other() {
    let a = TestApp::new().await;
    let b = a.replica().await;
    let (alice, agent) = (a.login(ALICE).await, a.login(AGENT).await);
    let id = ticket(&a, &alice, "Seen from both").await;
    route_to(&a, id, "Support").await;
    let mut live_on_b = stream(&b, &agent, None).await;
    let path = format!("/api/v1/tickets/{id}/presence");
    let res = a.post(&path).token(&agent).json(&json!({ "typing": true })).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(viewer_names(&b.get(&path).token(&agent).send().await.json()), ["Agent Smith"]);
    if a.db.dialect() == Dialect::Postgres {
        let change = live_on_b.next().await;
        assert_eq!((change.event.as_str(), viewer_names(&change.json())), ("presence", vec!["Agent Smith".to_owned()]));
    }
    assert_eq!(b.call(axum::http::Method::DELETE, &path).token(&agent).send().await.status, StatusCode::NO_CONTENT);
    assert_eq!(viewer_names(&a.get(&path).token(&agent).send().await.json()), Vec::<String>::new());
}

#[tokio::test]
async fn a_stream_ticket_issued_by_one_replica_opens_the_stream_once_on_any() {
    let a = TestApp::new().await;
    let b = a.replica().await;
    let alice = a.login(ALICE).await;
    let res = a.post("/api/v1/events/ticket").token(&alice).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let pass = res.json()["ticket"].as_str().unwrap_or_default().to_owned();
    let opened = b.get(&format!("/api/v1/events?ticket={pass}")).open().await;
    assert_eq!(opened.status(), StatusCode::OK);
    for app in [&a, &b] {
        app.get(&format!("/api/v1/events?ticket={pass}")).send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    }
}

/// The stored events a stream delivers within `wait` of each other.
async fn stored(sse: &mut Sse, wait: Duration) -> Vec<SseEvent> {
    sse.drain(wait).await.into_iter().filter(|e| !e.id.is_empty()).collect()
}

#[tokio::test]
async fn live_events_cross_replicas_in_order_and_resume_on_another_without_a_gap() {
    let a = TestApp::new().await;
    if a.db.dialect() != Dialect::Postgres {
        // One process per SQLite file: its in-process hub is tested by sse.rs and events.rs.
        return;
    }
    let b = a.replica().await;
    let (alice, agent) = (a.login(ALICE).await, a.login(AGENT).await);
    let mut on_b = stream(&b, &agent, None).await;
    let created = a.create_ticket(&alice, "Written on A").await;
    let id = created["id"].as_i64().unwrap_or_default();
    let first = tokio::time::timeout(Duration::from_secs(2), on_b.next()).await.expect("within 2 s");
    assert_eq!((first.event.as_str(), first.json()["ticket_id"].as_i64()), ("ticket.created", Some(id)));

    // Writers on both replicas at once: B's stream gets every event once, in id order.
    let writes = (0..12).map(|i| {
        let (app, who) = if i % 2 == 0 { (&a, &alice) } else { (&b, &agent) };
        say(app, who, id, "busy")
    });
    futures_util::future::join_all(writes).await;
    let got = stored(&mut on_b, Duration::from_millis(700)).await;
    let ids: Vec<i64> = got.iter().map(|e| e.id.parse().unwrap_or_default()).collect();
    // Alice's notifications of the agent's replies (issue 13) are hers alone.
    let in_table: Vec<i64> = sqlx::query_scalar("SELECT id FROM events WHERE id > $1 AND recipient_id IS NULL ORDER BY id")
        .bind(first.id.parse::<i64>().unwrap_or_default())
        .fetch_all(&a.sql)
        .await
        .expect("events");
    assert_eq!(ids, in_table);
    assert_eq!(ids.len(), 12);

    // The client loses B and reconnects to A with its Last-Event-ID: what was written meanwhile
    // (on B) comes first, then the live ones.
    let last = got.last().map(|e| e.id.clone()).unwrap_or_default();
    drop(on_b);
    say(&b, &agent, id, "while you were away").await;
    let mut on_a = stream(&a, &agent, Some(&last)).await;
    say(&a, &alice, id, "after").await;
    let resumed = stored(&mut on_a, Duration::from_millis(700)).await;
    let kinds: Vec<_> = resumed.iter().map(|e| e.event.as_str()).collect();
    assert_eq!(kinds, ["message.created", "message.created"]);
    let after: i64 = last.parse().unwrap_or_default();
    assert!(resumed.iter().all(|e| e.id.parse::<i64>().unwrap_or_default() > after));
}

#[tokio::test]
async fn the_scheduler_lease_has_one_holder_and_moves_when_it_runs_out() {
    let a = TestApp::new().await;
    let b = a.replica().await;
    let lease = Duration::from_secs(30);
    let (mut on_a, mut on_b) = (Scheduler::new(a.services.clone(), lease), Scheduler::new(b.services.clone(), lease));
    assert_ne!(on_a.holder(), on_b.holder());
    let holder = || async { storage::scheduler::holder(&a.db, LEASE).await.expect("lease").map(|(who, _)| who) };
    assert!(on_a.tick().await.expect("tick"));
    assert!(!on_b.tick().await.expect("tick"));
    assert!(on_a.tick().await.expect("renewed"));
    assert_eq!(holder().await.as_deref(), Some(on_a.holder()));
    // A stops renewing (its process died): B waits for the lease to run out, not a second less.
    let clock = &a.services.clock;
    clock.advance(time::Duration::seconds(29));
    assert!(!on_b.tick().await.expect("tick"));
    clock.advance(time::Duration::seconds(2));
    assert!(on_b.tick().await.expect("tick"));
    assert_eq!(holder().await.as_deref(), Some(on_b.holder()));
    assert!(!on_a.tick().await.expect("tick"), "A came back: it must not take the jobs back");
}

#[tokio::test]
async fn the_purge_job_removes_what_outlived_its_use() {
    let app = TestApp::new().await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let id = ticket(&app, &alice, "Old and new").await;
    sqlx::query("UPDATE events SET created_at = '2000-01-01T00:00:00Z'").execute(&app.sql).await.expect("age events");
    say(&app, &agent, id, "recent").await;
    // Two keyed requests: one key claimed 8 days ago (forgotten), one now (kept 7 days).
    for key in ["old-key", "new-key"] {
        let body = json!({ "body": key });
        let res = app.post(&format!("/api/v1/tickets/{id}/messages")).token(&alice).header("idempotency-key", key).json(&body).send().await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    }
    let eight_days_ago = baton_server::storage::timestamp(app.services.clock.now() - time::Duration::days(8));
    sqlx::query("UPDATE idempotency_keys SET created_at = $1 WHERE key = 'old-key'")
        .bind(eight_days_ago)
        .execute(&app.sql)
        .await
        .expect("age a key");
    let pass = app.post("/api/v1/events/ticket").token(&alice).send().await.json();
    assert!(pass["ticket"].is_string(), "{pass}");
    let path = format!("/api/v1/tickets/{id}/presence");
    assert_eq!(app.post(&path).token(&agent).json(&json!({ "typing": false })).send().await.status, StatusCode::OK);
    let mut live = stream(&app, &agent, None).await;
    // Two minutes on: the stream ticket (1 min) and the viewer (30 s) are past; the recent event
    // is not (7 days).
    app.services.clock.advance(time::Duration::minutes(2));
    let mut scheduler = Scheduler::new(app.services.clone(), Duration::from_secs(30));
    assert!(scheduler.tick().await.expect("tick"));
    assert_eq!(app.count("SELECT COUNT(*) FROM events WHERE created_at < '2001-01-01T00:00:00Z'").await, 0);
    let kept = "SELECT COUNT(*) FROM events WHERE type <> 'notification.created'";
    assert_eq!(app.count(kept).await, 3, "the recent reply's and the two keyed replies' events stay");
    assert_eq!(app.count("SELECT COUNT(*) FROM stream_tickets").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM presence").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM idempotency_keys WHERE key = 'old-key'").await, 0, "forgotten after 7 days");
    assert_eq!(app.count("SELECT COUNT(*) FROM idempotency_keys WHERE key = 'new-key'").await, 1, "kept");
    let expired = live.next().await;
    assert_eq!((expired.event.as_str(), expired.json()["viewers"].clone()), ("presence", json!([])));
}

#[tokio::test]
async fn a_relay_that_lost_its_connection_catches_up_on_what_it_missed() {
    let a = TestApp::new().await;
    if a.db.dialect() != Dialect::Postgres {
        return;
    }
    let b = a.replica().await;
    let (alice, agent) = (a.login(ALICE).await, a.login(AGENT).await);
    let mut on_b = stream(&b, &agent, None).await;
    let id = a.create_ticket(&alice, "Written while B was deaf").await["id"].as_i64().unwrap_or_default();
    assert_eq!(on_b.next().await.event, "ticket.created");
    // B's request pool keeps connections open (its stream checks who sees each event with them);
    // only its listener, on a connection of its own, has to connect again.
    let warm: Vec<_> = futures_util::future::join_all((0..3).map(|_| b.db.acquire())).await;
    assert!(warm.iter().all(Result::is_ok));
    drop(warm);
    // Cut B's listening connection and keep it from coming back (from the server's maintenance
    // database: a database cannot refuse connections to itself) while an event is written through
    // a connection already open: its notification reaches nobody on B.
    let server = crate::support::sql_pool(&std::env::var("BATON_TEST_POSTGRES_URL").unwrap_or_default()).await;
    let database: String = sqlx::query_scalar("SELECT CAST(current_database() AS TEXT)").fetch_one(&a.sql).await.expect("name");
    let allow = |on: bool| format!("ALTER DATABASE {database} ALLOW_CONNECTIONS {on}");
    sqlx::query(&allow(false)).execute(&server).await.expect("refuse new connections");
    let cut: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'",
    )
    .bind(&database)
    .fetch_all(&server)
    .await
    .expect("terminate the listener");
    assert_eq!(cut, [true], "one replica listens");
    sqlx::query(
        "INSERT INTO events (tenant_id, type, ticket_id, requester_id, status, created_at)
         SELECT tenant_id, 'ticket.updated', id, requester_id, status, created_at FROM tickets WHERE id = $1",
    )
    .bind(id)
    .execute(&a.sql)
    .await
    .expect("an event while B is deaf");
    assert!(on_b.next_within(Duration::from_millis(500)).await.is_none(), "B heard of it without listening");
    sqlx::query(&allow(true)).execute(&server).await.expect("allow connections again");
    // B reconnects (retrying at most 2 s apart) and reads what it missed.
    let caught_up = on_b.next_within(Duration::from_secs(5)).await.expect("caught up");
    assert_eq!((caught_up.event.as_str(), caught_up.json()["ticket_id"].as_i64()), ("ticket.updated", Some(id)));
}
