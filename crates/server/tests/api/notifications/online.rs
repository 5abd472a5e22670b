//! Mail only when the person is not online in Baton (no live stream open on any replica), unless
//! they chose "always"; the live stream carries their notifications (ids and kind) to them alone.

use super::{kinds, mails_to, post, user_id};
use crate::sse::Sse;
use crate::support::{TestApp, AGENT, ALICE, BOB};
use axum::http::{Method, StatusCode};
use serde_json::json;
use std::time::Duration;

fn now_ms() -> i64 {
    i64::try_from(time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000).expect("ms")
}

async fn streams(app: &TestApp, email: &str) -> i64 {
    let id = user_id(app, email).await;
    sqlx::query_scalar("SELECT COUNT(*) FROM online_streams WHERE user_id = $1").bind(id).fetch_one(&app.sql).await.expect("count")
}

/// `email`'s stream rows once they are `want` (or after 2.5 s).
async fn until(app: &TestApp, email: &str, want: i64) -> i64 {
    let mut n = streams(app, email).await;
    for _ in 0..50 {
        if n == want {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        n = streams(app, email).await;
    }
    n
}

#[tokio::test]
async fn an_open_stream_gets_the_notification_live_and_no_mail() {
    let app = TestApp::new().await;
    let (alice, agent, bob) = (app.login(ALICE).await, app.login(AGENT).await, app.login(BOB).await);
    let id = app.create_ticket(&alice, "Live").await["id"].as_i64().expect("id");
    let mut stream = Sse::new(app.get("/api/v1/events").token(&alice).open().await);
    let mut bobs = Sse::new(app.get("/api/v1/events").token(&bob).open().await);
    // Recorded by a task of the stream's own, within moments.
    assert_eq!(until(&app, ALICE, 1).await, 1);
    assert_eq!(until(&app, BOB, 1).await, 1);
    post(&app, &agent, id, json!({"body": "Online reply"})).await;
    let mut got = None;
    while let Some(event) = stream.next_within(Duration::from_secs(5)).await {
        if event.event == "notification.created" {
            got = Some(event.json());
            break;
        }
    }
    let data = got.expect("a notification event");
    let own = super::inbox(&app, &alice).await["items"][0]["id"].clone();
    assert_eq!(data, json!({"ticket_id": id, "notification_id": own, "notification": "public_reply"}));
    // Bob shares Alice's tickets and sees the reply, never her notification.
    while let Some(event) = bobs.next_within(Duration::from_millis(500)).await {
        assert_ne!(event.event, "notification.created");
    }
    assert!(mails_to(&app, ALICE).await.is_empty(), "online: no mail");
    drop(stream);
    assert_eq!(until(&app, ALICE, 0).await, 0, "the stream's row goes with it");
    post(&app, &agent, id, json!({"body": "Offline reply"})).await;
    assert_eq!(mails_to(&app, ALICE).await.len(), 1, "offline: mailed");
}

#[tokio::test]
async fn a_stream_on_another_replica_counts_and_a_dead_one_does_not() {
    let app = TestApp::new().await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let id = app.create_ticket(&alice, "Replicas").await["id"].as_i64().expect("id");
    let (alice_id, tenant_id): (i64, i64) = sqlx::query_as("SELECT id, tenant_id FROM users WHERE email = $1")
        .bind(ALICE).fetch_one(&app.sql).await.expect("alice");
    // A stream another replica holds (its row), then one whose replica died a minute ago.
    let insert = "INSERT INTO online_streams (tenant_id, user_id, seen_ms) VALUES ($1, $2, $3)";
    sqlx::query(insert).bind(tenant_id).bind(alice_id).bind(now_ms()).execute(&app.sql).await.expect("row");
    let replica = app.replica().await;
    post(&replica, &agent, id, json!({"body": "one"})).await;
    assert!(mails_to(&app, ALICE).await.is_empty());
    assert_eq!(kinds(&app, &alice).await, ["public_reply"]);
    // "Always" mails even while online.
    let res = app.call(Method::PUT, "/api/v1/me/notification-preferences").token(&alice)
        .json(&json!({"events": [{"kind": "public_reply", "in_app": true, "email": "always"}]})).send().await;
    assert_eq!(res.status, StatusCode::OK);
    post(&app, &agent, id, json!({"body": "two"})).await;
    assert_eq!(mails_to(&app, ALICE).await.len(), 1);
    let res = app.call(Method::PUT, "/api/v1/me/notification-preferences").token(&alice)
        .json(&json!({"events": [{"kind": "public_reply", "in_app": true, "email": "offline"}]})).send().await;
    assert_eq!(res.status, StatusCode::OK);
    sqlx::query("UPDATE online_streams SET seen_ms = $1").bind(now_ms() - 120_000).execute(&app.sql).await.expect("age");
    post(&app, &agent, id, json!({"body": "three"})).await;
    assert_eq!(mails_to(&app, ALICE).await.len(), 2, "a stale row is offline");
    assert_eq!(baton_server::notifications::online::sweep(&app.services).await.expect("sweep"), 1);
}
