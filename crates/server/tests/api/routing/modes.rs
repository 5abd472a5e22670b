//! A batch of 100 tickets distributed exactly as each mode says, and who routing skips.

use super::desk;
use axum::http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn round_robin_hands_a_hundred_tickets_out_in_turn() {
    let desk = desk("round_robin", 3).await;
    let ids = desk.create(100).await;
    let got = desk.assignees(&ids).await;
    let want: Vec<Option<i64>> = (0..100).map(|i| Some(desk.agents[i % 3])).collect();
    assert_eq!(got, want);
    let counts: Vec<usize> = desk.agents.iter().map(|a| got.iter().filter(|g| **g == Some(*a)).count()).collect();
    assert_eq!(counts, [34, 33, 33]);
}

#[tokio::test]
async fn least_loaded_evens_out_a_preloaded_agent_first() {
    let desk = desk("least_loaded", 3).await;
    let (a0, a1, a2) = (desk.agents[0], desk.agents[1], desk.agents[2]);
    // Agent 0 alone in the group takes 10 tickets; then the others join.
    desk.patch_group(json!({"members": [a0]})).await;
    let early = desk.create(10).await;
    assert_eq!(desk.assignees(&early).await, vec![Some(a0); 10]);
    desk.patch_group(json!({"members": [a0, a1, a2]})).await;
    let ids = desk.create(100).await;
    let got = desk.assignees(&ids).await;
    // The newcomers first, alternately, until each has 10; then all three in turn, the one who
    // got a ticket longest ago first.
    let mut want: Vec<Option<i64>> = (0..20).map(|i| Some([a1, a2][i % 2])).collect();
    want.extend((0..80).map(|i| Some([a0, a1, a2][i % 3])));
    assert_eq!(got, want);
    // Now 37, 37 and 36 open: solving two of agent 1's makes them the least loaded.
    let of_a1: Vec<i64> = ids.iter().zip(&got).filter(|(_, a)| **a == Some(a1)).map(|(id, _)| *id).take(2).collect();
    for id in of_a1 {
        sqlx::query("UPDATE tickets SET status = 'solved' WHERE id = $1").bind(id).execute(&desk.app.sql).await.expect("solve");
    }
    let next = desk.create(1).await;
    assert_eq!(desk.assignees(&next).await, vec![Some(a1)]);
}

#[tokio::test]
async fn manual_groups_keep_every_ticket_unassigned() {
    let desk = desk("manual", 3).await;
    let ids = desk.create(100).await;
    assert_eq!(desk.placed(&ids).await, vec![(Some(desk.group), None); 100]);
}

#[tokio::test]
async fn away_and_deactivated_agents_get_nothing_and_nobody_means_unassigned() {
    let desk = desk("round_robin", 3).await;
    let (a0, a1, a2) = (desk.agents[0], desk.agents[1], desk.agents[2]);
    let away = desk.login(1).await;
    let res = desk.app.call(Method::PUT, "/api/v1/me/availability").token(&away).json(&json!({"available": false})).send().await;
    assert_eq!((res.status, res.json()), (StatusCode::OK, json!({"available": false})));
    assert_eq!(desk.app.get("/api/v1/me").token(&away).send().await.json()["available"], false);
    let agents = desk.app.get("/api/v1/agents").token(&desk.admin).send().await.json();
    let listed = |id: i64| agents.as_array().into_iter().flatten().find(|a| a["id"] == id).map(|a| a["available"].clone());
    assert_eq!((listed(a0), listed(a1)), (Some(json!(true)), Some(json!(false))));
    let res = desk.app.call(Method::PATCH, &format!("/api/v1/admin/agents/{a2}")).token(&desk.admin).json(&json!({"active": false})).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());

    let ids = desk.create(10).await;
    assert_eq!(desk.assignees(&ids).await, vec![Some(a0); 10]);

    // Back from the break, agent 1 takes turns again; agent 0 away too: nobody but agent 1.
    let res = desk.app.call(Method::PUT, "/api/v1/me/availability").token(&away).json(&json!({"available": true})).send().await;
    assert_eq!(res.status, StatusCode::OK);
    let ids = desk.create(4).await;
    assert_eq!(desk.assignees(&ids).await, vec![Some(a1), Some(a0), Some(a1), Some(a0)]);

    // Nobody available: the ticket waits in the group.
    let zero = desk.login(0).await;
    for token in [&zero, &away] {
        let res = desk.app.call(Method::PUT, "/api/v1/me/availability").token(token).json(&json!({"available": false})).send().await;
        assert_eq!(res.status, StatusCode::OK);
    }
    let ids = desk.create(3).await;
    assert_eq!(desk.placed(&ids).await, vec![(Some(desk.group), None); 3]);

    // Customers have no availability.
    let res = desk.app.call(Method::PUT, "/api/v1/me/availability").token(&desk.alice).json(&json!({"available": false})).send().await;
    res.problem(StatusCode::FORBIDDEN, "forbidden");
}
