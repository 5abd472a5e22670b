//! Round robin under concurrency. Through the API: concurrent creations never give an agent a
//! second ticket before every available one has had one (creations also queue on the desk's
//! ticket counter). Beneath it, the group's own lock: a second turn waits for the first to
//! commit and then sees its pick, so routing stays in turn wherever it is called from.

use super::desk;
use axum::http::StatusCode;
use baton_server::demo;
use baton_server::storage::{routing, tenants};
use futures_util::future::join_all;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_creations_take_turns() {
    let desk = desk("round_robin", 4).await;
    let tries = (0..24).map(|_| desk.app.post("/api/v1/tickets").token(&desk.alice).json(&desk.body).send());
    let answers = join_all(tries).await;
    assert!(answers.iter().all(|r| r.status == StatusCode::CREATED), "{:?}", answers.iter().map(|r| r.status).collect::<Vec<_>>());
    // In the order the creations committed (ticket numbers are taken under the desk's counter).
    let rows: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT number, assignee_id FROM tickets WHERE assignee_group_id = $1 ORDER BY number",
    )
    .bind(desk.group)
    .fetch_all(&desk.app.sql)
    .await
    .expect("tickets");
    assert_eq!(rows.len(), 24);
    for round in rows.chunks(4) {
        let mut got: Vec<Option<i64>> = round.iter().map(|(_, a)| *a).collect();
        got.sort();
        let want: Vec<Option<i64>> = desk.agents.iter().map(|a| Some(*a)).collect();
        assert_eq!(got, want, "every agent once per round: {rows:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_turn_waits_for_the_one_before_it() {
    let desk = desk("round_robin", 2).await;
    let db = desk.app.db.clone();
    let tenant = tenants::find_by_name(&db, demo::TENANT).await.expect("tenant").expect("demo tenant");
    let group = desk.group;
    let mut first = db.begin_write().await.expect("first");
    let (seq, _) = routing::take_turn(&mut first, tenant, group).await.expect("turn").expect("group");
    let pick = routing::next_member(&mut first, tenant, group, false).await.expect("pick").expect("a member");
    let second = tokio::spawn(async move {
        let mut tx = db.begin_write().await.expect("second");
        let (seq, _) = routing::take_turn(&mut tx, tenant, group).await.expect("turn").expect("group");
        let pick = routing::next_member(&mut tx, tenant, group, false).await.expect("pick").expect("a member");
        routing::mark_routed(&mut tx, tenant, group, pick, seq).await.expect("mark");
        tx.commit().await.expect("commit");
        (seq, pick)
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!second.is_finished(), "the second turn did not wait for the first");
    routing::mark_routed(&mut first, tenant, group, pick, seq).await.expect("mark");
    first.commit().await.expect("commit");
    let other = desk.agents.iter().copied().find(|a| *a != pick).expect("the other agent");
    assert_eq!(second.await.expect("second turn"), (seq + 1, other));
}
