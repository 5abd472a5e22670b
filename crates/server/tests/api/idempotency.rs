//! `Idempotency-Key`: a retried POST returns what the first one created, with 200, and creates
//! nothing; keys are per user and per endpoint.

use crate::support::{TestApp, ALICE, CAROL};
use axum::http::StatusCode;
use serde_json::json;

#[tokio::test]
async fn the_same_key_twice_creates_one_ticket() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let body = app.new_ticket(&alice, "Flaky network").await;
    let send = |token: String, key: &'static str| {
        let call = app
            .post("/api/v1/tickets")
            .token(&token)
            .header("idempotency-key", key)
            .json(&body);
        async move { call.send().await }
    };
    let first = send(alice.clone(), "key-1").await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = send(alice.clone(), "key-1").await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["id"], first.json()["id"]);
    assert_eq!(again.json()["number"], first.json()["number"]);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM tickets WHERE title = 'Flaky network'")
            .await,
        1
    );

    // Another key, or another user with the same key, creates a new ticket.
    assert_eq!(
        send(alice.clone(), "key-2").await.status,
        StatusCode::CREATED
    );
    let carol = app.login(CAROL).await;
    let carols = send(carol, "key-1").await;
    assert_eq!(carols.status, StatusCode::CREATED);
    assert_ne!(carols.json()["id"], first.json()["id"]);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM tickets WHERE title = 'Flaky network'")
            .await,
        3
    );
}

#[tokio::test]
async fn the_same_key_twice_posts_one_message() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let a = app.create_ticket(&alice, "A").await["id"]
        .as_i64()
        .unwrap_or_default();
    let b = app.create_ticket(&alice, "B").await["id"]
        .as_i64()
        .unwrap_or_default();
    let post = |ticket: i64| {
        let call = app
            .post(&format!("/api/v1/tickets/{ticket}/messages"))
            .token(&alice)
            .header("idempotency-key", "message-key")
            .json(&json!({ "body": "Once" }));
        async move { call.send().await }
    };
    let first = post(a).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = post(a).await;
    assert_eq!(
        (again.status, again.json()["id"].clone()),
        (StatusCode::OK, first.json()["id"].clone())
    );
    // The scope includes the ticket: the same key on another ticket is another message.
    assert_eq!(post(b).await.status, StatusCode::CREATED);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM messages WHERE body = 'Once'")
            .await,
        2
    );
}
