//! A ticket's thread: who may post what, what customers never see, and how replies move the
//! status (baton-core's `on_reply`) with a system entry.

use crate::support::{pairs, TestApp, AGENT, ALICE};
use axum::http::StatusCode;
use serde_json::{json, Value};

fn kinds(thread: &Value) -> Vec<String> {
    let items = thread["items"].as_array().cloned().unwrap_or_default();
    items
        .iter()
        .map(|m| m["kind"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn customers_post_public_and_never_see_internal_notes() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let id = app.create_ticket(&alice, "Thread").await["id"]
        .as_i64()
        .unwrap_or_default();
    let path = format!("/api/v1/tickets/{id}/messages");

    let res = app
        .post(&path)
        .token(&alice)
        .json(&json!({ "body": "Hello" }))
        .send()
        .await;
    assert_eq!(res.status, StatusCode::CREATED);
    let message = res.json();
    assert_eq!(
        (message["kind"].as_str(), message["ticket_id"].as_i64()),
        (Some("public"), Some(id))
    );
    assert_eq!(message["author"]["name"], "Alice Chen");

    let note = json!({ "body": "Customer note", "kind": "internal" });
    app.post(&path)
        .token(&alice)
        .json(&note)
        .send()
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let system = json!({ "body": "Fake", "kind": "system" });
    assert_eq!(
        app.post(&path)
            .token(&agent)
            .json(&system)
            .send()
            .await
            .field_errors(),
        pairs(&[("kind", "invalid_value")])
    );
    let blank = app
        .post(&path)
        .token(&alice)
        .json(&json!({ "body": "  " }))
        .send()
        .await;
    assert_eq!(blank.field_errors(), pairs(&[("body", "required")]));

    let note = json!({ "body": "Secret agent note", "kind": "internal" });
    assert_eq!(
        app.post(&path)
            .token(&agent)
            .json(&note)
            .send()
            .await
            .status,
        StatusCode::CREATED
    );
    let reply = json!({ "body": "Agent reply" });
    assert_eq!(
        app.post(&path)
            .token(&agent)
            .json(&reply)
            .send()
            .await
            .status,
        StatusCode::CREATED
    );

    let customer_view = app.get(&path).token(&alice).send().await;
    assert_eq!(kinds(&customer_view.json()), ["public", "public"]);
    assert!(!customer_view.text().contains("Secret agent note"));
    assert_eq!(customer_view.json()["next_cursor"], Value::Null);
    let agent_view = app.get(&path).token(&agent).send().await.json();
    assert_eq!(kinds(&agent_view), ["public", "internal", "public"]);
    // Replies on a new ticket leave the status alone.
    assert_eq!(
        app.get(&format!("/api/v1/tickets/{id}"))
            .token(&alice)
            .send()
            .await
            .json()["status"],
        "new"
    );
}

#[tokio::test]
async fn a_customer_reply_on_pending_reopens_with_a_system_entry() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let id = app.create_ticket(&alice, "Waiting").await["id"]
        .as_i64()
        .unwrap_or_default();
    assert_eq!(
        app.act(&agent, id, json!({ "action": "set_pending" }))
            .await
            .json()["status"],
        "pending"
    );

    let path = format!("/api/v1/tickets/{id}/messages");
    let res = app
        .post(&path)
        .token(&alice)
        .json(&json!({ "body": "Here you go" }))
        .send()
        .await;
    assert_eq!(res.status, StatusCode::CREATED);
    let ticket = app
        .get(&format!("/api/v1/tickets/{id}"))
        .token(&alice)
        .send()
        .await
        .json();
    assert_eq!(ticket["status"], "open");

    let thread = app.get(&path).token(&alice).send().await.json();
    assert_eq!(kinds(&thread), ["system", "public", "system"]);
    let last = &thread["items"][2];
    assert_eq!(
        last["status_change"],
        json!({ "from": "pending", "to": "open" })
    );
    assert_eq!(
        (last["body"].as_str(), &last["author"]),
        (Some(""), &Value::Null)
    );
}

#[tokio::test]
async fn replies_on_a_closed_ticket_are_refused() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let id = app.create_ticket(&alice, "Done").await["id"]
        .as_i64()
        .unwrap_or_default();
    assert_eq!(
        app.act(&alice, id, json!({ "action": "close" }))
            .await
            .status,
        StatusCode::OK
    );
    let path = format!("/api/v1/tickets/{id}/messages");
    for token in [&alice, &agent] {
        let res = app
            .post(&path)
            .token(token)
            .json(&json!({ "body": "Still there?" }))
            .send()
            .await;
        let problem = res.problem(StatusCode::CONFLICT, "transition_refused");
        assert_eq!(problem.reason.as_deref(), Some("ticket_final"));
    }
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM messages WHERE ticket_id = {id} AND kind <> 'system'"
        ))
        .await,
        0
    );
}
