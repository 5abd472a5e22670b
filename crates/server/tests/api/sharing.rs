//! Customer groups that share tickets: alice and bob (Acme, sharing) see, read and reply to each
//! other's tickets but only the requester drives the lifecycle; carol (Globex) sees neither, and
//! a group that does not share keeps its members to their own tickets.

use crate::support::{TestApp, AGENT, ALICE, BOB, CAROL};
use axum::http::{Method, StatusCode};
use baton_core::Role;
use baton_server::storage::{self, users};
use baton_server::{auth, demo};
use serde_json::json;

#[tokio::test]
async fn group_members_see_and_reply_but_only_the_requester_acts() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let bob = app.login(BOB).await;
    let agent = app.login(AGENT).await;
    let ticket = app.create_ticket(&alice, "Shared printer").await;
    let id = ticket["id"].as_i64().unwrap_or_default();
    app.post(&format!("/api/v1/tickets/{id}/messages"))
        .token(&agent)
        .json(&json!({ "body": "Agents only", "kind": "internal" }))
        .send()
        .await;

    // Bob lists it, with alice named as the requester, and reads it without lifecycle actions.
    let list = app
        .get("/api/v1/tickets?q=printer")
        .token(&bob)
        .send()
        .await
        .json();
    assert_eq!(list["items"][0]["id"], id);
    assert_eq!(list["items"][0]["requester"]["name"], "Alice Chen");
    let seen = app
        .get(&format!("/api/v1/tickets/{id}"))
        .token(&bob)
        .send()
        .await
        .json();
    assert_eq!(seen["requester"]["name"], "Alice Chen");
    assert_eq!(seen["allowed_actions"], json!([]));
    let own = app
        .get(&format!("/api/v1/tickets/{id}"))
        .token(&alice)
        .send()
        .await
        .json();
    assert_eq!(own["allowed_actions"], json!(["close"]));
    let thread = app
        .get(&format!("/api/v1/tickets/{id}/messages"))
        .token(&bob)
        .send()
        .await
        .json();
    assert!(thread["items"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|m| m["kind"] != "internal"));

    // He replies in public (not internally), and may not close, confirm or rate it.
    let res = app
        .post(&format!("/api/v1/tickets/{id}/messages"))
        .token(&bob)
        .json(&json!({ "body": "Same here on floor 2." }))
        .send()
        .await;
    assert_eq!(res.status, StatusCode::CREATED);
    assert_eq!(res.json()["author"]["name"], "Bob Li");
    let res = app
        .post(&format!("/api/v1/tickets/{id}/messages"))
        .token(&bob)
        .json(&json!({ "body": "psst", "kind": "internal" }))
        .send()
        .await;
    res.problem(StatusCode::FORBIDDEN, "forbidden");
    app.act(&bob, id, json!({ "action": "close" }))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    // Confidential info stays the requester's too.
    let res = app
        .call(Method::PUT, &format!("/api/v1/tickets/{id}/confidential"))
        .token(&bob)
        .json(&json!({ "value": "bob's guess" }))
        .send()
        .await;
    res.problem(StatusCode::FORBIDDEN, "forbidden");
    // Alice still can.
    assert_eq!(
        app.act(&alice, id, json!({ "action": "close" }))
            .await
            .status,
        StatusCode::OK
    );
    // And alice sees bob's tickets the same way.
    let bobs = app.create_ticket(&bob, "Bob's laptop").await["id"]
        .as_i64()
        .unwrap_or_default();
    assert_eq!(
        app.get(&format!("/api/v1/tickets/{bobs}"))
            .token(&alice)
            .send()
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn other_groups_get_404_and_non_sharing_groups_stay_private() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let carol = app.login(CAROL).await;
    let id = app.create_ticket(&alice, "Acme internal").await["id"]
        .as_i64()
        .unwrap_or_default();
    for (method, path) in [
        (Method::GET, format!("/api/v1/tickets/{id}")),
        (Method::GET, format!("/api/v1/tickets/{id}/messages")),
        (Method::POST, format!("/api/v1/tickets/{id}/messages")),
        (Method::POST, format!("/api/v1/tickets/{id}/actions")),
    ] {
        let body = json!({ "body": "hi", "action": "close" });
        let mut call = app.call(method.clone(), &path).token(&carol);
        if method == Method::POST {
            // Each endpoint refuses the unknown field of the other: send only its own.
            let own = if path.ends_with("messages") {
                json!({ "body": body["body"] })
            } else {
                json!({ "action": "close" })
            };
            call = call.json(&own);
        }
        call.send()
            .await
            .problem(StatusCode::NOT_FOUND, "not_found");
    }
    let list = app
        .get("/api/v1/tickets?limit=100")
        .token(&carol)
        .send()
        .await
        .json();
    assert!(list["items"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|t| t["id"] != id));

    // Gina joins Globex, which does not share: she and carol see only their own tickets.
    let hash = auth::hash_password(demo::PASSWORD).expect("hash");
    let now = storage::timestamp(storage::now());
    let (tenant_id, group_id): (i64, i64) =
        sqlx::query_as("SELECT tenant_id, id FROM customer_groups WHERE name = 'Globex'")
            .fetch_one(&app.sql)
            .await
            .expect("Globex");
    let mut conn = app.db.acquire().await.expect("connection");
    let gina = users::NewUser {
        tenant_id,
        email: "gina@customer.test",
        name: "Gina Globex",
        role: Role::Customer,
        customer_group_id: Some(group_id),
        password_hash: &hash,
    };
    users::create(&mut conn, &gina, &now).await.expect("gina");
    drop(conn);
    let gina = app.login("gina@customer.test").await;
    let carols = app.create_ticket(&carol, "Carol's own").await["id"]
        .as_i64()
        .unwrap_or_default();
    app.get(&format!("/api/v1/tickets/{carols}"))
        .token(&gina)
        .send()
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");

    // When Acme stops sharing, bob loses sight of alice's ticket at his next request.
    let bob = app.login(BOB).await;
    assert_eq!(
        app.get(&format!("/api/v1/tickets/{id}"))
            .token(&bob)
            .send()
            .await
            .status,
        StatusCode::OK
    );
    sqlx::query("UPDATE customer_groups SET shares_tickets = FALSE WHERE name = 'Acme'")
        .execute(&app.sql)
        .await
        .expect("update");
    app.get(&format!("/api/v1/tickets/{id}"))
        .token(&bob)
        .send()
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    let res = app
        .post(&format!("/api/v1/tickets/{id}/messages"))
        .token(&bob)
        .json(&json!({ "body": "still?" }))
        .send()
        .await;
    res.problem(StatusCode::NOT_FOUND, "not_found");
}
