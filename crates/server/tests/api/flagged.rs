//! Issue 19, point 4: a trashed or suspended ticket is frozen for the lifecycle and out of its
//! customers' sight until staff restore it. Staff see it with no `allowed_actions`; status actions
//! and public replies are refused (409 with the flag's reason), internal notes and property edits
//! are not; its customers get 404 everywhere and do not find it in their list.

use crate::support::{TestApp, AGENT, ALICE, BOB};
use axum::http::{header, Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn a_flagged_ticket_offers_no_action_and_its_customers_do_not_see_it() {
    let app = TestApp::new().await;
    let (alice, bob, agent) = (app.login(ALICE).await, app.login(BOB).await, app.login(AGENT).await);
    for (flag, reason) in [("trash", "ticket_trashed"), ("suspend", "ticket_suspended")] {
        let id = app.create_ticket(&alice, &format!("To {flag}")).await["id"].as_i64().expect("id");
        let base = format!("/api/v1/tickets/{id}");
        let res = app.post(&format!("{base}/{flag}")).token(&agent).send().await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        assert_eq!(res.json()["allowed_actions"], json!([]), "{flag}: no status action while flagged");
        // Staff: no status action, no public reply; notes and property edits go on.
        let res = app.act(&agent, id, json!({"action": "open"})).await;
        assert_eq!((res.status, res.json()["reason"].clone()), (StatusCode::CONFLICT, json!(reason)));
        let say = |token: &str, kind: &str| {
            app.post(&format!("{base}/messages")).token(token).json(&json!({"body": "b", "kind": kind})).send()
        };
        let res = say(&agent, "public").await;
        assert_eq!((res.status, res.json()["reason"].clone()), (StatusCode::CONFLICT, json!(reason)), "{}", res.text());
        assert_eq!(say(&agent, "internal").await.status, StatusCode::CREATED);
        let etag = app.get(&base).token(&agent).send().await.header(header::ETAG).unwrap_or_default().to_owned();
        let res = app.call(Method::PATCH, &base).token(&agent).header("if-match", &etag).json(&json!({"tags": ["spam"]})).send().await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        // Its customers: the requester and her group see nothing of it.
        for token in [&alice, &bob] {
            assert_eq!(app.get(&base).token(token).send().await.status, StatusCode::NOT_FOUND);
            assert_eq!(app.get(&format!("{base}/messages")).token(token).send().await.status, StatusCode::NOT_FOUND);
            assert_eq!(say(token, "public").await.status, StatusCode::NOT_FOUND);
            let list = app.get("/api/v1/tickets").token(token).send().await.json();
            assert!(list["items"].as_array().into_iter().flatten().all(|t| t["id"] != id), "{flag}: listed for a customer");
        }
        assert_eq!(app.act(&alice, id, json!({"action": "close"})).await.status, StatusCode::NOT_FOUND);
        // Restored, it is back as it was, with its actions.
        let res = app.call(Method::DELETE, &format!("{base}/{flag}")).token(&agent).send().await;
        assert_eq!(res.json()["allowed_actions"], json!(["open", "set_pending", "complete"]), "{}", res.text());
        let res = app.get(&base).token(&alice).send().await;
        assert_eq!((res.status, res.json()["allowed_actions"].clone()), (StatusCode::OK, json!(["close"])));
    }
}
