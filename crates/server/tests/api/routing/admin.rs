//! The admin API of routing: groups and rules checked field by field, names unique per desk,
//! groups in use kept, another desk's ids refused, and settings.manage required.

use super::{create_group, desk};
use crate::support::{pairs, OTHER_AGENT};
use axum::http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn groups_are_checked_unique_and_kept_while_used() {
    let desk = desk("manual", 2).await;
    let (app, admin) = (&desk.app, &desk.admin);
    let (a0, a1) = (desk.agents[0], desk.agents[1]);
    let alice: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = 'alice@customer.test'").fetch_one(&app.sql).await.expect("alice");
    // Every mistake at once: no name, a customer as member, a manager who is not a member, a mode.
    let res = app.post("/api/v1/admin/groups").token(admin).json(&json!({"name": " ", "members": [a0, alice], "managers": [a1]})).send().await;
    res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(res.field_errors(), pairs(&[("name", "required"), ("members", "invalid_value"), ("managers", "invalid_value")]));
    let res = app.post("/api/v1/admin/groups").token(admin).json(&json!({"name": "X", "mode": "random"})).send().await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.text());
    app.post("/api/v1/admin/groups").token(admin).json(&json!({"name": "Routed"})).send().await.problem(StatusCode::CONFLICT, "already_exists");

    let id = create_group(app, admin, json!({"name": "Night shift", "mode": "least_loaded", "members": [a0, a1], "managers": [a1]})).await;
    let path = format!("/api/v1/admin/groups/{id}");
    let res = app.call(Method::PATCH, &path).token(admin).json(&json!({"name": "Late shift", "mode": "round_robin", "members": [a1]})).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let group = res.json();
    assert_eq!((group["name"].clone(), group["mode"].clone()), (json!("Late shift"), json!("round_robin")));
    assert_eq!((group["members"][0]["id"].clone(), group["managers"][0]["id"].clone()), (json!(a1), json!(a1)));
    let listed = app.get("/api/v1/admin/groups").token(admin).send().await.json();
    assert!(listed.as_array().into_iter().flatten().any(|g| *g == group), "{listed}");
    let res = app.call(Method::PATCH, &path).token(admin).json(&json!({"managers": [a0]})).send().await;
    assert_eq!(res.field_errors(), pairs(&[("managers", "invalid_value")]));
    let res = app.call(Method::PATCH, &path).token(admin).json(&json!({"name": "Routed"})).send().await;
    res.problem(StatusCode::CONFLICT, "already_exists");
    // The workspace's group list shows the mode.
    let groups = app.get("/api/v1/groups").token(admin).send().await.json();
    let late = groups.as_array().into_iter().flatten().find(|g| g["id"] == id).cloned().unwrap_or_default();
    assert_eq!((late["mode"].clone(), late["auto_assign"].clone()), (json!("round_robin"), json!(true)));

    // A rule routes to it: kept (409); the sub-type's group too.
    let res = app.post("/api/v1/admin/routing/rules").token(admin).json(&json!({"name": "Nights", "group_id": id})).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let rule = res.json()["id"].as_i64().expect("rule");
    // Two tickets: the second one's move out of the group meets the first's (SQLite's foreign-key
    // action would fire the bucket triggers without their OR IGNORE).
    let routed = desk.create(2).await;
    assert_eq!(desk.placed(&routed).await, vec![(Some(id), Some(a1)); 2]);
    app.call(Method::DELETE, &path).token(admin).send().await.problem(StatusCode::CONFLICT, "group_in_use");
    app.call(Method::DELETE, &format!("/api/v1/admin/groups/{}", desk.group)).token(admin).send().await.problem(StatusCode::CONFLICT, "group_in_use");
    app.call(Method::DELETE, &format!("/api/v1/admin/routing/rules/{rule}")).token(admin).send().await;
    let res = app.call(Method::DELETE, &path).token(admin).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    // Its ticket keeps the assignee and loses the group.
    assert_eq!(desk.placed(&routed).await, vec![(None, Some(a1)); 2]);
    app.call(Method::DELETE, &path).token(admin).send().await.problem(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn rules_are_checked_by_field_and_desk() {
    let desk = desk("manual", 2).await;
    let (app, admin) = (&desk.app, &desk.admin);
    let outsider = app.new_agent("outsider@baton.test").await;
    app.new_tenant("Rival Desk").await;
    let rival: i64 = sqlx::query_scalar("SELECT id FROM tenants WHERE name = 'Rival Desk'").fetch_one(&app.sql).await.expect("tenant");
    let foreign: i64 = sqlx::query_scalar(
        "INSERT INTO agent_groups (tenant_id, name, created_at) VALUES ($1, 'Theirs', '2026-01-01T00:00:00Z') RETURNING id",
    )
    .bind(rival)
    .fetch_one(&app.sql)
    .await
    .expect("group");
    let rules = "/api/v1/admin/routing/rules";
    // Every mistake at once, by field.
    let bad = json!({"name": "", "group_id": desk.group, "agent_id": outsider,
                     "conditions": {"type_ids": [999999], "subtype_ids": [999999], "customer_group_ids": [999999]}});
    let res = app.post(rules).token(admin).json(&bad).send().await;
    res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        res.field_errors(),
        pairs(&[
            ("name", "required"),
            ("agent_id", "invalid_value"),
            ("conditions.type_ids", "invalid_value"),
            ("conditions.subtype_ids", "invalid_value"),
            ("conditions.customer_group_ids", "invalid_value"),
        ])
    );
    // Another desk's group is not ours to route to.
    let res = app.post(rules).token(admin).json(&json!({"name": "Theirs", "group_id": foreign})).send().await;
    assert_eq!(res.field_errors(), pairs(&[("group_id", "invalid_value")]));
    let res = app.post(rules).token(admin).json(&json!({"name": "Priority", "conditions": {"priorities": ["sky-high"]}, "group_id": desk.group})).send().await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.text());

    let res = app.post(rules).token(admin).json(&json!({"name": "Mine", "group_id": desk.group})).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_i64().expect("id");
    assert_eq!(res.json(), json!({"id": id, "position": 1, "name": "Mine", "group_id": desk.group, "agent_id": null,
        "conditions": {"type_ids": [], "subtype_ids": [], "priorities": [], "customer_group_ids": [], "channels": []}}));
    app.post(rules).token(admin).json(&json!({"name": "Mine", "group_id": desk.group})).send().await.problem(StatusCode::CONFLICT, "already_exists");
    let res = app.call(Method::PUT, &format!("{rules}/order")).token(admin).json(&json!({"ids": [id, id]})).send().await;
    assert_eq!(res.field_errors(), pairs(&[("ids", "invalid_value")]));

    // Another desk's admin finds nothing of ours.
    let other = app.login(OTHER_AGENT).await;
    sqlx::query("UPDATE users SET role = 'admin' WHERE email = $1").bind(OTHER_AGENT).execute(&app.sql).await.expect("promote");
    let res = app.call(Method::PUT, &format!("{rules}/{id}")).token(&other).json(&json!({"name": "Stolen", "group_id": desk.group})).send().await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.text());
    app.call(Method::DELETE, &format!("{rules}/{id}")).token(&other).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    let path = format!("/api/v1/admin/groups/{}", desk.group);
    app.call(Method::PATCH, &path).token(&other).json(&json!({"name": "Ours"})).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.get(rules).token(&other).send().await.json(), json!([]));
}
