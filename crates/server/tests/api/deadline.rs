//! The request deadline (issue 16): a request that cannot answer in `--request-timeout-secs`
//! (here its ticket creation waits on a write lock the test holds) is stopped with 503
//! `unavailable` and `Retry-After`, nothing of it is kept, and the same request succeeds once the
//! database is free. Live-event streams are not cut by it.

use crate::support::{TestApp, ALICE};
use axum::http::StatusCode;
use baton_server::storage::Dialect;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_past_its_deadline_is_503_and_leaves_nothing() {
    let app = TestApp::with(|c| c.request_timeout_secs = 1).await;
    let alice = app.login(ALICE).await;
    let body = app.new_ticket(&alice, "Waits for the lock").await;
    let tickets = app.count("SELECT COUNT(*) FROM tickets").await;

    // Someone else holds what a ticket creation needs.
    let mut holder = app.sql.acquire().await.expect("connection");
    let statements: &[&str] = match app.db.dialect() {
        Dialect::Sqlite => &["BEGIN IMMEDIATE"],
        Dialect::Postgres => &["BEGIN", "LOCK TABLE tenant_counters IN ACCESS EXCLUSIVE MODE"],
    };
    for statement in statements {
        sqlx::query(statement).execute(&mut *holder).await.expect(statement);
    }
    let started = Instant::now();
    let res = app.post("/api/v1/tickets").token(&alice).json(&body).send().await;
    let took = started.elapsed();
    res.problem(StatusCode::SERVICE_UNAVAILABLE, "unavailable");
    assert!(res.headers.contains_key("retry-after"));
    assert!(took < Duration::from_secs(5), "answered after {took:?}, not at its 1 s deadline");

    // A stream outlives the deadline: it answered at once and goes on.
    let mut stream = crate::sse::Sse::new(app.get("/api/v1/events").token(&alice).open().await);
    sqlx::query("ROLLBACK").execute(&mut *holder).await.expect("release");
    drop(holder);
    assert_eq!(app.count("SELECT COUNT(*) FROM tickets").await, tickets, "the stopped request left a ticket");
    let res = app.post("/api/v1/tickets").token(&alice).json(&body).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert!(!stream.ends_within(Duration::ZERO).await, "the deadline cut a live stream");
}
