//! Round robin under concurrent creations: the group's turn is taken under its row lock, so no
//! agent gets a second ticket before every available one has had one.

use super::desk;
use axum::http::StatusCode;
use futures_util::future::join_all;

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
