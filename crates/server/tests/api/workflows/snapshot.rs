//! A ticket read while workflow moves commit beside it is one snapshot: the group and assignee it
//! shows are always those of the step it shows. (Read in several statements outside one
//! transaction, a read could show a move's new step with the properties from before it — seen
//! once in the Chromium walk.)

use super::{desk, EMAILS};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

/// (step, group, assignee) of a read.
fn at(ticket: &Value) -> (i64, Option<i64>, Option<i64>) {
    let staff = &ticket["staff"];
    (staff["workflow"]["step"]["id"].as_i64().unwrap_or(0), staff["group"]["id"].as_i64(), staff["assignee"]["id"].as_i64())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ticket_read_during_moves_shows_each_move_whole() {
    let d = desk().await;
    let [intake, approve, _] = d.agents;
    let (first, second) = (d.app.login(EMAILS[0]).await, d.app.login(EMAILS[1]).await);
    let id = d.ticket().await;
    let res = d.app.act(&first, id, json!({"action": "open"})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let version = res.json()["staff"]["version"].as_i64().expect("version");
    let res = d.app.call(Method::PATCH, &format!("/api/v1/tickets/{id}")).token(&first)
        .header("if-match", &format!("\"v{version}\"")).json(&json!({"fields": {"amount": 12}})).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let whole = [
        (d.step("intake"), Some(d.groups[0]), Some(intake)),
        (d.step("approval"), Some(d.groups[1]), Some(approve)),
    ];
    // Moves back and forth on one side, reads on the other, at once.
    let moves = async {
        for _ in 0..15 {
            let res = d.pass(&first, id, d.step("approval"), approve).await;
            assert_eq!(res.status, StatusCode::OK, "{}", res.text());
            let res = d.back(&second, id, "again").await;
            assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        }
    };
    let reads = async {
        for _ in 0..120 {
            let ticket = d.read(&d.admin, id).await;
            assert!(whole.contains(&at(&ticket)), "a move seen in part: {}", ticket["staff"]);
        }
    };
    tokio::join!(moves, reads);
}
