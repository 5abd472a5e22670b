//! Tickets that move by themselves (issue 13's built-in rules), on the test clock: a solved
//! ticket nobody confirms closes after the desk's days (3 by default, set in `/admin/settings`,
//! 0 for never), recorded in its thread without an author; what the customer or an agent did
//! meanwhile wins; trashed and suspended tickets are purged after 30 days with their thread,
//! sealed data and attachment bytes, restored ones are kept. Running a pass again changes nothing.

use crate::support::{TestApp, ADMIN, AGENT, ALICE, OWNER};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use time::Duration;

async fn app() -> TestApp {
    // Days pass on the test clock; staff idle timeouts are tested elsewhere.
    TestApp::with(|c| c.staff_idle_minutes = 0).await
}

/// One pass of the scheduler's lifecycle job.
async fn pass(app: &TestApp) {
    for job in baton_server::scheduler::jobs().into_iter().filter(|j| j.name == "lifecycle") {
        (job.run)(&app.services).await.expect("lifecycle job");
    }
}

async fn status(app: &TestApp, token: &str, id: i64) -> String {
    let res = app.get(&format!("/api/v1/tickets/{id}")).token(token).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()["status"].as_str().unwrap_or_default().to_owned()
}

async fn solved_ticket(app: &TestApp, alice: &str, agent: &str, title: &str) -> i64 {
    let id = app.create_ticket(alice, title).await["id"].as_i64().expect("id");
    let res = app.act(agent, id, json!({"action": "complete"})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    id
}

#[tokio::test]
async fn solved_tickets_close_after_the_desks_days_unless_someone_acted() {
    let app = app().await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let quiet = solved_ticket(&app, &alice, &agent, "Nobody answers").await;
    let answered = solved_ticket(&app, &alice, &agent, "The customer writes back").await;
    let confirmed = solved_ticket(&app, &alice, &agent, "The customer confirms").await;
    let resolved_again = solved_ticket(&app, &alice, &agent, "Reopened and solved again").await;
    let trashed = solved_ticket(&app, &alice, &agent, "Trashed while solved").await;
    assert_eq!(app.act(&alice, answered, json!({"action": "continue"})).await.status, StatusCode::OK);
    assert_eq!(app.act(&alice, confirmed, json!({"action": "confirm"})).await.status, StatusCode::OK);
    let admin = app.login(ADMIN).await;
    assert_eq!(app.post(&format!("/api/v1/tickets/{trashed}/trash")).token(&admin).send().await.status, StatusCode::OK);

    // Two days on, one is reopened and solved again: its three days start over.
    app.services.clock.advance(Duration::days(2));
    assert_eq!(app.act(&agent, resolved_again, json!({"action": "reopen"})).await.status, StatusCode::OK);
    assert_eq!(app.act(&agent, resolved_again, json!({"action": "complete"})).await.status, StatusCode::OK);
    // A minute short of three days: nothing closes.
    app.services.clock.advance(Duration::days(1) - Duration::minutes(1));
    pass(&app).await;
    assert_eq!(status(&app, &alice, quiet).await, "solved");
    app.services.clock.advance(Duration::minutes(2));
    pass(&app).await;
    for (id, want) in [(quiet, "closed"), (answered, "open"), (confirmed, "confirmed"), (resolved_again, "solved")] {
        assert_eq!(status(&app, &alice, id).await, want, "ticket {id}");
    }
    assert_eq!(status(&app, &admin, trashed).await, "solved", "a trashed ticket is frozen");
    // The thread says so, without an author; the customer sees it like any status change.
    let thread = app.get(&format!("/api/v1/tickets/{quiet}/messages")).token(&alice).send().await.json();
    let last = thread["items"].as_array().and_then(|m| m.last()).cloned().unwrap_or(Value::Null);
    assert_eq!((last["kind"].clone(), last["status_change"].clone()), (json!("system"), json!({"from": "solved", "to": "closed"})), "{thread}");
    assert!(last["author"].is_null(), "{last}");
    // Again: nothing more happens.
    let entries = app.count("SELECT COUNT(*) FROM messages").await;
    pass(&app).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM messages").await, entries);
    // Three days after the second solve, that one closes too.
    app.services.clock.advance(Duration::days(2));
    pass(&app).await;
    assert_eq!(status(&app, &alice, resolved_again).await, "closed");
}

#[tokio::test]
async fn a_desk_chooses_its_days_or_none() {
    let app = app().await;
    let (alice, agent, owner) = (app.login(ALICE).await, app.login(AGENT).await, app.login(OWNER).await);
    let settings = app.get("/api/v1/admin/settings").token(&owner).send().await;
    assert_eq!(settings.status, StatusCode::OK, "{}", settings.text());
    assert_eq!(settings.json()["auto_close_days"], json!(3));
    let slug = settings.json()["slug"].clone();
    assert!(slug.as_str().is_some_and(|s| !s.is_empty()), "{slug}");

    // Wrong values are refused field by field, and nothing changes.
    let patch = |body: Value| app.call(Method::PATCH, "/api/v1/admin/settings").token(&owner).json(&body).send();
    let res = patch(json!({"name": " ", "auto_close_days": 91})).await;
    res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(res.field_errors(), crate::support::pairs(&[("name", "required"), ("auto_close_days", "invalid_value")]));
    patch(json!({"auto_close_days": 1, "colour": "red"})).await.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(app.get("/api/v1/admin/settings").token(&owner).send().await.json()["auto_close_days"], json!(3));
    // The agent set holds no settings.manage.
    app.get("/api/v1/admin/settings").token(&agent).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    patch(json!({"auto_close_days": 1})).await;
    let res = app.call(Method::PATCH, "/api/v1/admin/settings").token(&agent).json(&json!({"auto_close_days": 0})).send().await;
    res.problem(StatusCode::FORBIDDEN, "forbidden");

    let one_day = solved_ticket(&app, &alice, &agent, "Closes after a day").await;
    app.services.clock.advance(Duration::days(1) + Duration::minutes(1));
    pass(&app).await;
    assert_eq!(status(&app, &alice, one_day).await, "closed");

    let res = patch(json!({"name": "Baton Help", "auto_close_days": 0})).await;
    assert_eq!((res.json()["name"].clone(), res.json()["auto_close_days"].clone()), (json!("Baton Help"), json!(0)), "{}", res.text());
    assert_eq!(res.json()["slug"], slug, "the slug is not changed here");
    let never = solved_ticket(&app, &alice, &agent, "Never closes by itself").await;
    app.services.clock.advance(Duration::days(60));
    pass(&app).await;
    // (Sessions last two weeks: sign in again.)
    assert_eq!(status(&app, &app.login(ALICE).await, never).await, "solved");
}

#[tokio::test]
async fn flagged_tickets_are_purged_after_thirty_days_with_what_they_hold() {
    let app = app().await;
    let (alice, admin) = (app.login(ALICE).await, app.login(ADMIN).await);
    // Three tickets, each with a file and confidential info: one trashed, one suspended, one
    // trashed and restored.
    let mut ids = Vec::new();
    for title in ["Trashed", "Suspended", "Restored"] {
        let upload = app.post("/api/v1/attachments").token(&alice).multipart("file", "proof.txt", "text/plain", b"bytes").send().await;
        assert_eq!(upload.status, StatusCode::CREATED, "{}", upload.text());
        let mut ticket = app.new_ticket(&alice, title).await;
        ticket["attachment_ids"] = json!([upload.json()["id"]]);
        let res = app.post("/api/v1/tickets").token(&alice).json(&ticket).send().await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        let id = res.json()["id"].as_i64().expect("id");
        let res = app.call(Method::PUT, &format!("/api/v1/tickets/{id}/confidential")).token(&alice).json(&json!({"value": "card 4111"})).send().await;
        assert!(res.status.is_success(), "{}", res.text());
        ids.push(id);
    }
    let flag = |id: i64, what: &str| app.post(&format!("/api/v1/tickets/{id}/{what}")).token(&admin).send();
    assert_eq!(flag(ids[0], "trash").await.status, StatusCode::OK);
    assert_eq!(flag(ids[1], "suspend").await.status, StatusCode::OK);
    assert_eq!(flag(ids[2], "trash").await.status, StatusCode::OK);
    let blobs = app.data_dir().join("attachments");
    let files = || walk(&blobs);
    assert_eq!(files(), 3);

    app.services.clock.advance(Duration::days(10));
    let admin = app.login(ADMIN).await;
    assert_eq!(app.call(Method::DELETE, &format!("/api/v1/tickets/{}/trash", ids[2])).token(&admin).send().await.status, StatusCode::OK);
    app.services.clock.advance(Duration::days(20) - Duration::minutes(1));
    pass(&app).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM tickets WHERE title IN ('Trashed', 'Suspended', 'Restored')").await, 3, "purged early");

    app.services.clock.advance(Duration::minutes(2));
    pass(&app).await;
    // (Sessions last two weeks: sign in again.)
    let admin = app.login(ADMIN).await;
    for id in &ids[..2] {
        app.get(&format!("/api/v1/tickets/{id}")).token(&admin).send().await.problem(StatusCode::NOT_FOUND, "not_found");
        for table in ["messages", "ticket_confidential", "ticket_attachments", "ticket_facts"] {
            let left = app.count(&format!("SELECT COUNT(*) FROM {table} WHERE ticket_id = {id}")).await;
            assert_eq!(left, 0, "{table} of purged ticket {id}");
        }
    }
    assert_eq!(status(&app, &admin, ids[2]).await, "new", "the restored ticket stays");
    assert_eq!(app.count("SELECT COUNT(*) FROM attachments").await, 1, "only the kept ticket's file row");
    assert_eq!(files(), 1, "only the kept ticket's bytes");
    pass(&app).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM tickets WHERE title = 'Restored'").await, 1);
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.flatten().map(|e| if e.path().is_dir() { walk(&e.path()) } else { 1 }).sum())
}
