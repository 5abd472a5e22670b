//! Counts are cached per agent until something is written (`views::counts`); these prove that no
//! write an agent can make leaves a stale count behind, including starring (which emits no event)
//! and editing a view.

use super::{counts, ids};
use super::fixture::Fixture;
use crate::support::{TestApp, ADMIN, AGENT, ALICE};
use axum::http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn every_write_shows_in_the_next_counts() {
    let app = TestApp::new().await;
    let f = Fixture::build(&app).await;
    let agent = app.login(AGENT).await;
    let admin = app.login(ADMIN).await;
    let alice = app.login(ALICE).await;

    let before = counts(&app, &agent).await;
    assert_eq!(counts(&app, &agent).await, before, "asked twice with no write in between");

    // Starring writes no event; the star stamp still notices.
    let support_new = f.ids(&["support_new"]).into_iter().next().expect("fixture");
    let res = app.call(Method::PUT, &format!("/api/v1/tickets/{support_new}/star")).token(&agent).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    let starred = counts(&app, &agent).await;
    assert_eq!(starred["starred"], before["starred"] + 1);
    let res = app.call(Method::DELETE, &format!("/api/v1/tickets/{support_new}/star")).token(&agent).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    assert_eq!(counts(&app, &agent).await["starred"], before["starred"]);

    // A customer's new ticket: the admin's "all" grows at once.
    let admin_before = counts(&app, &admin).await;
    app.create_ticket(&alice, "Counted at once").await;
    assert_eq!(counts(&app, &admin).await["all"], admin_before["all"] + 1);

    // Trashing moves a ticket from "all" to "trash".
    let before = counts(&app, &agent).await;
    let res = app.post(&format!("/api/v1/tickets/{support_new}/trash")).token(&agent).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let after = counts(&app, &agent).await;
    assert_eq!((after["all"], after["trash"]), (before["all"] - 1, before["trash"] + 1));

    // Editing a view's conditions counts it again.
    let cond = |p: &str| json!({ "name": "Hot", "visibility": "private",
        "conditions": [{ "field": "priority", "op": "is", "value": p }] });
    let res = app.post("/api/v1/views").token(&agent).json(&cond("urgent")).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_str().expect("view id").to_owned();
    let urgent = counts(&app, &agent).await[&id];
    let res = app.call(Method::PUT, &format!("/api/v1/views/{id}")).token(&agent).json(&cond("normal")).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let normal = counts(&app, &agent).await[&id];
    assert_ne!(urgent, normal, "the fixture has different numbers of urgent and normal tickets");
}

/// "mine" also holds what the agent requested, whatever its status or assignee: counted beside
/// the buckets, it must still match the list.
#[tokio::test]
async fn mine_counts_what_the_agent_requested() {
    let app = TestApp::new().await;
    let f = Fixture::build(&app).await;
    let agent = app.login(AGENT).await;
    let before = counts(&app, &agent).await;
    for (n, status) in [(900, "solved"), (901, "open")] {
        sqlx::query(
            "INSERT INTO tickets (tenant_id, number, title, description, status, priority, channel,
                 requester_id, created_at, updated_at)
             SELECT tenant_id, $1, 'asked by the agent', 'd', $2, 'normal', 'phone', $3, '2026-02-01T00:00:00Z',
                 '2026-02-01T00:00:00Z' FROM users WHERE id = $4",
        )
        .bind(n).bind(status).bind(f.agent).bind(f.agent)
        .execute(&app.sql).await.expect("ticket");
    }
    // Written straight to the database, without an event: the built-in views' counts come from
    // the buckets the triggers keep, never from the per-agent cache.
    let after = counts(&app, &agent).await;
    assert_eq!(after["mine"], ids(&app, &agent, "mine").await.len() as i64);
    assert_eq!(after["mine"], before["mine"] + 2, "{after:?}");
}
