//! The hourly digest: staff who chose it get one mail an hour instead of one each.

use super::{kinds, patch, post, user_id};
use crate::support::{TestApp, ADMIN, AGENT, ALICE};
use axum::http::{Method, StatusCode};
use baton_server::notifications::digest;
use serde_json::json;

#[tokio::test]
async fn a_digest_collects_an_hour_of_mail_into_one() {
    let app = TestApp::new().await;
    let (alice, agent, admin) = (app.login(ALICE).await, app.login(AGENT).await, app.login(ADMIN).await);
    let res = app.call(Method::PUT, "/api/v1/me/notification-preferences").token(&agent).json(&json!({"events": [], "digest": true})).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let first = app.create_ticket(&alice, "First of the hour").await;
    let second = app.create_ticket(&alice, "Second of the hour").await;
    let agent_id = user_id(&app, AGENT).await;
    for ticket in [&first, &second] {
        let id = ticket["id"].as_i64().expect("id");
        assert_eq!(patch(&app, &admin, id, json!({"assignee_id": agent_id})).await.status, StatusCode::OK);
    }
    post(&app, &alice, first["id"].as_i64().expect("id"), json!({"body": "Hello?"})).await;
    // In the app as ever; no mail of its own.
    assert_eq!(kinds(&app, &agent).await, ["customer_replied", "assigned", "assigned"]);
    let to_agent = "SELECT COUNT(*) FROM mail_outbox WHERE to_address = 'agent@baton.test'";
    assert_eq!(app.count(to_agent).await, 0);
    assert_eq!(digest::run(&app.services).await.expect("digest"), 0, "not an hour yet");
    app.services.clock.advance(time::Duration::minutes(61));
    assert_eq!(digest::run(&app.services).await.expect("digest"), 1);
    let (kind, subject, text): (String, String, String) =
        sqlx::query_as("SELECT kind, subject, body_text FROM mail_outbox WHERE to_address = 'agent@baton.test'")
            .fetch_one(&app.sql).await.expect("one digest");
    assert_eq!(kind, "digest");
    assert!(subject.contains("3 notifications"), "{subject}");
    for ticket in [&first, &second] {
        let number = ticket["number"].as_i64().expect("number");
        assert!(text.contains(&format!("#{number}")) && text.contains(&format!("/agent/tickets/{}", ticket["id"])), "{text}");
    }
    assert!(!text.contains("Hello?"), "never a message body: {text}");
    assert_eq!(digest::run(&app.services).await.expect("digest"), 0, "sent once");
    assert_eq!(app.count(to_agent).await, 1);
}
