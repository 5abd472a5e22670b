//! `GET/PUT /me/settings`: the defaults (j/k, Enter, r, n, c…) merged under what the user stored;
//! unknown actions, keys bound twice (also against the defaults) and the help key `?` are 422
//! naming `shortcuts.<action>`; each user has their own; customers and strangers get nothing.

use crate::support::{pairs, TestApp, ADMIN, AGENT, ALICE};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

async fn put(app: &TestApp, token: &str, body: Value) -> crate::support::Response {
    app.call(Method::PUT, "/api/v1/me/settings").token(token).json(&body).send().await
}

#[tokio::test]
async fn defaults_then_my_own_map() {
    let app = TestApp::new().await;
    let agent = app.login(AGENT).await;
    let res = app.get("/api/v1/me/settings").token(&agent).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let s = &res.json()["shortcuts"];
    let keys: Vec<&str> = ["next_ticket", "prev_ticket", "open_ticket", "reply", "note", "complete"].iter().map(|a| s[a].as_str().unwrap_or("?")).collect();
    assert_eq!(keys, ["j", "k", "Enter", "r", "n", "c"]);
    let res = put(&app, &agent, json!({"shortcuts": {"reply": "R", "complete": "s"}})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!((res.json()["shortcuts"]["reply"].clone(), res.json()["shortcuts"]["note"].clone()), (json!("R"), json!("n")));
    let again = app.get("/api/v1/me/settings").token(&agent).send().await.json();
    assert_eq!((again["shortcuts"]["reply"].clone(), again["shortcuts"]["complete"].clone()), (json!("R"), json!("s")));
    // Another user keeps the defaults; a PUT replaces (reply is back to r).
    let admin = app.login(ADMIN).await;
    assert_eq!(app.get("/api/v1/me/settings").token(&admin).send().await.json()["shortcuts"]["reply"], "r");
    let res = put(&app, &agent, json!({"shortcuts": {}})).await;
    assert_eq!(res.json()["shortcuts"]["reply"], "r");
}

#[tokio::test]
async fn bad_maps_name_the_action_and_change_nothing() {
    let app = TestApp::new().await;
    let agent = app.login(AGENT).await;
    put(&app, &agent, json!({"shortcuts": {"star": "s"}})).await;
    let table = [
        (json!({"fly": "f"}), vec![("shortcuts.fly", "invalid_value")]),
        (json!({"reply": "x", "note": "x"}), vec![("shortcuts.note", "invalid_value"), ("shortcuts.reply", "invalid_value")]),
        // j stays next_ticket's unless that moves too.
        (json!({"reply": "j"}), vec![("shortcuts.reply", "invalid_value")]),
        (json!({"reply": "?"}), vec![("shortcuts.reply", "invalid_value")]),
        (json!({"reply": " "}), vec![("shortcuts.reply", "invalid_value")]),
    ];
    for (map, errors) in table {
        let res = put(&app, &agent, json!({ "shortcuts": map })).await;
        assert_eq!(res.field_errors(), pairs(&errors), "{map}");
    }
    assert_eq!(app.get("/api/v1/me/settings").token(&agent).send().await.json()["shortcuts"]["star"], "s");
    let res = put(&app, &agent, json!({"shortcuts": {"reply": "j", "next_ticket": "J"}})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
}

#[tokio::test]
async fn customers_and_sessionless_callers_get_nothing() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    app.get("/api/v1/me/settings").send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    app.get("/api/v1/me/settings").token(&alice).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    put(&app, &alice, json!({"shortcuts": {"reply": "R"}})).await.problem(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(app.count("SELECT COUNT(*) FROM user_settings").await, 0);
}
