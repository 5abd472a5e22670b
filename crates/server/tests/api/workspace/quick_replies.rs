//! Quick replies: the demo's public ones for every agent, public writes for admins only (403),
//! private ones their owner's alone (404 for everyone else), validation beside the field, and
//! customers, sessionless callers and the other tenant kept out.

use super::AGENT2;
use crate::support::{pairs, TestApp, ADMIN, AGENT, ALICE, OTHER_AGENT};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

fn titles(list: &Value) -> Vec<String> {
    list.as_array().expect("array").iter().map(|r| r["title"].as_str().unwrap_or_default().to_owned()).collect()
}

async fn create(app: &TestApp, token: &str, body: Value) -> crate::support::Response {
    app.post("/api/v1/quick-replies").token(token).json(&body).send().await
}

#[tokio::test]
async fn public_for_everyone_private_for_me() {
    let app = TestApp::new().await;
    let (agent, agent2, admin) = (app.login(AGENT).await, app.login(AGENT2).await, app.login(ADMIN).await);
    let demo = app.get("/api/v1/quick-replies").token(&agent).send().await.json();
    assert_eq!(demo.as_array().map(Vec::len), Some(3), "{demo}");
    assert!(demo.as_array().expect("replies").iter().all(|r| r["visibility"] == "public" && r["body"].as_str().unwrap_or_default().contains("{{requester.name}}")));
    let res = create(&app, &agent, json!({"title": "My sign-off", "body": "— {{agent.name}}"})).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let mine = res.json();
    assert_eq!((mine["visibility"].as_str(), mine["owner"]["name"].as_str()), (Some("private"), Some("Agent Smith")));
    let id = mine["id"].as_i64().expect("id");
    assert!(titles(&app.get("/api/v1/quick-replies").token(&agent).send().await.json()).contains(&"My sign-off".to_owned()));
    // Another agent (even an admin) neither lists nor touches it.
    for other in [&agent2, &admin] {
        assert!(!titles(&app.get("/api/v1/quick-replies").token(other).send().await.json()).contains(&"My sign-off".to_owned()));
        let path = format!("/api/v1/quick-replies/{id}");
        let res = app.call(Method::PUT, &path).token(other).json(&json!({"title": "x", "body": "y"})).send().await;
        res.problem(StatusCode::NOT_FOUND, "not_found");
        app.call(Method::DELETE, &path).token(other).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    }
    let res = app.call(Method::PUT, &format!("/api/v1/quick-replies/{id}")).token(&agent).json(&json!({"title": "Bye", "body": "b"})).send().await;
    assert_eq!((res.status, res.json()["title"].clone()), (StatusCode::OK, json!("Bye")));
    let res = app.call(Method::DELETE, &format!("/api/v1/quick-replies/{id}")).token(&agent).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM quick_replies WHERE id = {id}")).await, 0);
}

#[tokio::test]
async fn public_replies_are_the_admins() {
    let app = TestApp::new().await;
    let (agent, admin) = (app.login(AGENT).await, app.login(ADMIN).await);
    let public = json!({"title": "Holiday hours", "body": "We are closed on 1 October.", "visibility": "public"});
    create(&app, &agent, public.clone()).await.problem(StatusCode::FORBIDDEN, "forbidden");
    let res = create(&app, &admin, public).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_i64().expect("id");
    assert!(titles(&app.get("/api/v1/quick-replies").token(&agent).send().await.json()).contains(&"Holiday hours".to_owned()));
    let path = format!("/api/v1/quick-replies/{id}");
    let edit = json!({"title": "Mine now", "body": "b", "visibility": "private"});
    app.call(Method::PUT, &path).token(&agent).json(&edit).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    app.call(Method::DELETE, &path).token(&agent).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    let res = app.call(Method::DELETE, &path).token(&admin).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    // Validation names each field.
    let res = create(&app, &agent, json!({"title": " ", "body": "x".repeat(5001)})).await;
    assert_eq!(res.field_errors(), pairs(&[("title", "required"), ("body", "too_long")]));
}

#[tokio::test]
async fn customers_strangers_and_the_other_tenant_get_nothing() {
    let app = TestApp::new().await;
    let (alice, agent, other) = (app.login(ALICE).await, app.login(AGENT).await, app.login(OTHER_AGENT).await);
    let id = create(&app, &agent, json!({"title": "Mine", "body": "b"})).await.json()["id"].as_i64().expect("id");
    let path = format!("/api/v1/quick-replies/{id}");
    app.get("/api/v1/quick-replies").send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    app.get("/api/v1/quick-replies").token(&alice).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    create(&app, &alice, json!({"title": "t", "body": "b"})).await.problem(StatusCode::FORBIDDEN, "forbidden");
    app.call(Method::DELETE, &path).token(&alice).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    // The other tenant has its own (none of ours, not even the public ones).
    let theirs = app.get("/api/v1/quick-replies").token(&other).send().await.json();
    assert_eq!(theirs, json!([]));
    app.call(Method::DELETE, &path).token(&other).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM quick_replies WHERE id = {id}")).await, 1);
}
