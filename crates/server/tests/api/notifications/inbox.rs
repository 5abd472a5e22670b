//! The inbox, marking read and preferences: each only ever the caller's own.

use super::{inbox, kinds, mails_to, post, user_id};
use crate::support::{TestApp, AGENT, ALICE, BOB, DAVE};
use axum::http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn marking_read_touches_only_the_callers_own() {
    let app = TestApp::new().await;
    super::route_to_support(&app).await;
    let (alice, agent, bob, dave) = (app.login(ALICE).await, app.login(AGENT).await, app.login(BOB).await, app.login(DAVE).await);
    let id = app.create_ticket(&alice, "One").await["id"].as_i64().expect("id");
    post(&app, &agent, id, json!({"body": "a"})).await;
    post(&app, &agent, id, json!({"body": "b"})).await;
    let page = inbox(&app, &alice).await;
    assert_eq!(page["unread"], 2);
    let ids: Vec<i64> = page["items"].as_array().expect("items").iter().map(|n| n["id"].as_i64().expect("id")).collect();
    assert!(ids[0] > ids[1], "newest first");
    let agents_own = inbox(&app, &agent).await["items"][0]["id"].as_i64().expect("id");
    // Somebody else's ids change nothing, in this desk or another.
    for token in [&bob, &dave, &agent] {
        let res = app.post("/api/v1/notifications/read").token(token).json(&json!({"ids": ids})).send().await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    }
    assert_eq!(inbox(&app, &alice).await["unread"], 2);
    let res = app.post("/api/v1/notifications/read").token(&alice).json(&json!({"ids": [ids[1], agents_own]})).send().await;
    assert_eq!(res.json(), json!({"unread": 1}));
    assert_eq!(inbox(&app, &agent).await["unread"], 1, "the agent's own stays unread");
    let page = inbox(&app, &alice).await;
    assert_eq!((page["items"][0]["read"].clone(), page["items"][1]["read"].clone()), (json!(false), json!(true)));
    let res = app.post("/api/v1/notifications/read").token(&alice).json(&json!({"all": true})).send().await;
    assert_eq!(res.json(), json!({"unread": 0}));
    for bad in [json!({}), json!({"all": true, "ids": [1]}), json!({"ids": [], "all": false}), json!({"every": true})] {
        let res = app.post("/api/v1/notifications/read").token(&alice).json(&bad).send().await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {}", res.text());
    }
    assert_eq!(app.get("/api/v1/notifications").send().await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_inbox_pages_newest_first() {
    let app = TestApp::new().await;
    super::route_to_support(&app).await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let id = app.create_ticket(&alice, "Many").await["id"].as_i64().expect("id");
    for i in 0..5 {
        post(&app, &agent, id, json!({"body": format!("r{i}")})).await;
    }
    let first = app.get("/api/v1/notifications?limit=3").token(&alice).send().await.json();
    assert_eq!((first["items"].as_array().map(Vec::len), first["unread"].clone()), (Some(3), json!(5)));
    let cursor = first["next_cursor"].as_str().expect("cursor");
    let second = app.get(&format!("/api/v1/notifications?limit=3&cursor={cursor}")).token(&alice).send().await.json();
    assert_eq!(second["items"].as_array().map(Vec::len), Some(2));
    assert!(second.get("next_cursor").is_none());
    assert!(first["items"][2]["id"].as_i64() > second["items"][0]["id"].as_i64());
    for bad in ["limit=0", "cursor=zz"] {
        let res = app.get(&format!("/api/v1/notifications?{bad}")).token(&alice).send().await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
}

#[tokio::test]
async fn preferences_are_per_person_and_kind() {
    let app = TestApp::new().await;
    super::route_to_support(&app).await;
    let (alice, agent, bob) = (app.login(ALICE).await, app.login(AGENT).await, app.login(BOB).await);
    let res = app.get("/api/v1/me/notification-preferences").token(&alice).send().await;
    assert_eq!(res.json(), json!({"events": [
        {"kind": "public_reply", "in_app": true, "email": "offline"},
        {"kind": "solved", "in_app": true, "email": "offline"},
        {"kind": "closed", "in_app": true, "email": "offline"},
    ], "digest": false}));
    let staff = app.get("/api/v1/me/notification-preferences").token(&agent).send().await.json();
    let staff_kinds: Vec<&str> = staff["events"].as_array().expect("events").iter().filter_map(|e| e["kind"].as_str()).collect();
    assert_eq!(staff_kinds, ["new_ticket", "assigned", "customer_replied", "mentioned", "sla_warning", "sla_breach"]);
    // What a person does not receive, a kind twice, the digest for a customer: 422.
    for (token, bad) in [
        (&alice, json!({"events": [{"kind": "assigned", "in_app": true, "email": "never"}]})),
        (&agent, json!({"events": [{"kind": "solved", "in_app": true, "email": "never"}]})),
        (&alice, json!({"events": [{"kind": "solved", "in_app": true, "email": "never"}, {"kind": "solved", "in_app": false, "email": "never"}]})),
        (&alice, json!({"events": [], "digest": true})),
        (&alice, json!({"events": [{"kind": "solved", "in_app": true, "email": "sometimes"}]})),
    ] {
        let res = app.call(Method::PUT, "/api/v1/me/notification-preferences").token(token).json(&bad).send().await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {}", res.text());
    }
    // Alice turns public replies off in the app but keeps the mail; Bob's stay as they were.
    let res = app.call(Method::PUT, "/api/v1/me/notification-preferences").token(&alice)
        .json(&json!({"events": [{"kind": "public_reply", "in_app": false, "email": "always"}]})).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["events"][0], json!({"kind": "public_reply", "in_app": false, "email": "always"}));
    let bobs = app.get("/api/v1/me/notification-preferences").token(&bob).send().await.json();
    assert_eq!(bobs["events"][0], json!({"kind": "public_reply", "in_app": true, "email": "offline"}));
    let id = app.create_ticket(&alice, "Quiet").await["id"].as_i64().expect("id");
    post(&app, &agent, id, json!({"body": "hello"})).await;
    assert!(kinds(&app, &alice).await.is_empty());
    assert_eq!(mails_to(&app, ALICE).await.len(), 1);
    // The agent takes neither: nothing at all.
    let res = app.call(Method::PUT, "/api/v1/me/notification-preferences").token(&agent)
        .json(&json!({"events": [{"kind": "customer_replied", "in_app": false, "email": "never"}], "digest": true})).send().await;
    assert_eq!(res.json()["digest"], true);
    let agent_id = user_id(&app, AGENT).await;
    super::patch(&app, &agent, id, json!({"assignee_id": agent_id})).await;
    post(&app, &alice, id, json!({"body": "more"})).await;
    assert_eq!(kinds(&app, &agent).await, ["new_ticket"]);
}

#[tokio::test]
async fn notifications_leave_the_inbox_after_ninety_days() {
    let app = TestApp::new().await;
    super::route_to_support(&app).await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let id = app.create_ticket(&alice, "Old news").await["id"].as_i64().expect("id");
    post(&app, &agent, id, json!({"body": "old"})).await;
    post(&app, &agent, id, json!({"body": "older"})).await;
    let purge = || async {
        for job in baton_server::scheduler::jobs().into_iter().filter(|j| j.name == "purge") {
            (job.run)(&app.services).await.expect("purge");
        }
    };
    // Sessions do not last two months: each step signs in again.
    app.services.clock.advance(time::Duration::days(60));
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    post(&app, &agent, id, json!({"body": "recent"})).await;
    purge().await;
    assert_eq!(inbox(&app, &alice).await["items"].as_array().map(Vec::len), Some(3), "nothing is 90 days old yet");
    app.services.clock.advance(time::Duration::days(31));
    let alice = app.login(ALICE).await;
    purge().await;
    let page = inbox(&app, &alice).await;
    assert_eq!(page["items"].as_array().map(Vec::len), Some(1), "{page}");
    assert_eq!(page["unread"], 1, "the unread count follows");
}
