//! Back-pressure on SQLite (issue 16): write transactions queue for the one writer connection,
//! apart from the connections reads use, so a burst of writers stuck behind a long write never
//! leaves a reader without a connection. With a write transaction held open and sixteen ticket
//! creations waiting behind it, a list read still answers; once the write ends, every creation
//! goes through. (On PostgreSQL writers run side by side: the same test passes there too.)

use crate::support::{TestApp, ALICE};
use axum::http::StatusCode;
use futures_util::future::join_all;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reads_go_on_while_writers_queue() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let body = app.new_ticket(&alice, "Queued").await;
    let held = app.services.db.begin_write().await.expect("a write transaction");
    let writers = join_all((0..16).map(|_| app.post("/api/v1/tickets").token(&alice).json(&body).send()));
    let reader = async {
        // The writers are waiting by now.
        tokio::time::sleep(Duration::from_millis(300)).await;
        // Not a timing of the read: without a writer queue it waits for a free connection until
        // the writers give up (10 s), so 5 s tells the two apart on any machine.
        let read = tokio::time::timeout(Duration::from_secs(5), app.get("/api/v1/tickets").token(&alice).send()).await;
        drop(held);
        read
    };
    let (created, read) = tokio::join!(writers, reader);
    let read = read.expect("the read answered while the writers queued");
    assert_eq!(read.status, StatusCode::OK, "{}", read.text());
    let statuses: Vec<StatusCode> = created.iter().map(|r| r.status).collect();
    assert!(statuses.iter().all(|s| *s == StatusCode::CREATED), "{statuses:?}");
}
