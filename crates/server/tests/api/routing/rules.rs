//! Routing rules: the first match wins over the sub-type's group, order changes which, a named
//! agent gets the ticket while they can take it, and a reassignment is recorded in the thread.

use super::{create_group, desk};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

async fn rule(desk: &super::Desk, body: Value) -> i64 {
    let res = desk.app.post("/api/v1/admin/routing/rules").token(&desk.admin).json(&body).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    res.json()["id"].as_i64().expect("id")
}

#[tokio::test]
async fn the_first_matching_rule_wins_over_the_sub_type() {
    let desk = desk("manual", 2).await;
    let (a0, a1) = (desk.agents[0], desk.agents[1]);
    let app = &desk.app;
    let urgent = create_group(app, &desk.admin, json!({"name": "Urgent", "mode": "round_robin", "members": [a1]})).await;
    let catch_all = create_group(app, &desk.admin, json!({"name": "Catch-all"})).await;
    // (name, conditions, group): phone tickets (none here), this type, everything.
    let phone = rule(&desk, json!({"name": "Phone", "conditions": {"channels": ["phone"]}, "group_id": catch_all})).await;
    let typed = rule(&desk, json!({"name": "Typed", "conditions": {"type_ids": [desk.type_id], "priorities": ["normal", "high"]}, "group_id": urgent})).await;
    let all = rule(&desk, json!({"name": "All", "group_id": catch_all})).await;
    let ids = desk.create(2).await;
    assert_eq!(desk.placed(&ids).await, vec![(Some(urgent), Some(a1)); 2]);

    // "All" first: it wins.
    let res = app.call(Method::PUT, "/api/v1/admin/routing/rules/order").token(&desk.admin).json(&json!({"ids": [all, phone, typed]})).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let positions: Vec<(Value, Value)> = res.json().as_array().into_iter().flatten().map(|r| (r["name"].clone(), r["position"].clone())).collect();
    assert_eq!(positions, vec![(json!("All"), json!(1)), (json!("Phone"), json!(2)), (json!("Typed"), json!(3))]);
    let ids = desk.create(1).await;
    assert_eq!(desk.placed(&ids).await, vec![(Some(catch_all), None)]);

    // A rule naming an agent: they get it even in a manual group, while available.
    let res = app
        .call(Method::PUT, &format!("/api/v1/admin/routing/rules/{all}"))
        .token(&desk.admin)
        .json(&json!({"name": "All", "group_id": desk.group, "agent_id": a0}))
        .send()
        .await;
    assert_eq!((res.status, res.json()["agent_id"].clone()), (StatusCode::OK, json!(a0)));
    let ids = desk.create(1).await;
    assert_eq!(desk.placed(&ids).await, vec![(Some(desk.group), Some(a0))]);
    let away = desk.login(0).await;
    app.call(Method::PUT, "/api/v1/me/availability").token(&away).json(&json!({"available": false})).send().await;
    let ids = desk.create(1).await;
    assert_eq!(desk.placed(&ids).await, vec![(Some(desk.group), None)]);

    // No rule matches: the sub-type's group, as before rules.
    for id in [all, phone, typed] {
        let res = app.call(Method::DELETE, &format!("/api/v1/admin/routing/rules/{id}")).token(&desk.admin).send().await;
        assert_eq!(res.status, StatusCode::NO_CONTENT);
    }
    let ids = desk.create(1).await;
    assert_eq!(desk.placed(&ids).await, vec![(Some(desk.group), None)]);
}

#[tokio::test]
async fn a_reassignment_of_a_routed_ticket_is_recorded_in_the_thread() {
    let desk = desk("round_robin", 2).await;
    let (a0, a1) = (desk.agents[0], desk.agents[1]);
    let id = desk.create(1).await[0];
    assert_eq!(desk.assignees(&[id]).await, vec![Some(a0)]);
    let path = format!("/api/v1/tickets/{id}");
    let version = desk.app.get(&path).token(&desk.admin).send().await.json()["staff"]["version"].clone();
    let res = desk
        .app
        .call(Method::PATCH, &path)
        .token(&desk.admin)
        .header("if-match", &format!("\"v{version}\""))
        .json(&json!({"assignee_id": a1}))
        .send()
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let changes = desk.app.changes(&desk.admin, id).await;
    let assignee: Vec<&Value> = changes.iter().filter(|c| c["field"] == "assignee").collect();
    assert_eq!(assignee.len(), 1, "{changes:?}");
    // Agents' names here are their emails.
    assert_eq!(*assignee[0], json!({"field": "assignee", "from": "routed0@baton.test", "to": "routed1@baton.test"}));
}
