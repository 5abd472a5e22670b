//! Confidential info (机密信息): set, replace and clear by the requester; revealed to staff only,
//! each reveal recorded; and the plaintext is nowhere else — not in any other response of the
//! flow, not in the live events, not in the database files (the log: `confidential_logs`).

use crate::sse::Sse;
use crate::support::{pairs, Response, TestApp, ADMIN, AGENT, ALICE, BOB, CAROL, OTHER_AGENT};
use axum::http::{Method, StatusCode};
use serde_json::json;
use std::time::Duration;

const SECRET: &str = "vpn-pw: Zq7!plaintext-4821";
const REPLACED: &str = "vpn-pw: Kx9!plaintext-5530";

fn assert_absent(what: &str, haystack: &[u8]) {
    for secret in [SECRET, REPLACED] {
        let found = haystack
            .windows(secret.len())
            .any(|w| w == secret.as_bytes());
        assert!(!found, "the plaintext {secret:?} appears in {what}");
    }
}

/// A response's status line, headers and body, as one byte string to search.
fn everything(res: &Response) -> Vec<u8> {
    let mut bytes = format!("{} {:?}\n", res.status, res.headers).into_bytes();
    bytes.extend_from_slice(&res.body);
    bytes
}

async fn put(app: &TestApp, token: &str, id: i64, value: &str) -> Response {
    app.call(Method::PUT, &format!("/api/v1/tickets/{id}/confidential"))
        .token(token)
        .json(&json!({ "value": value }))
        .send()
        .await
}

async fn reveal(app: &TestApp, token: &str, id: i64) -> Response {
    app.post(&format!("/api/v1/tickets/{id}/confidential/reveal"))
        .token(token)
        .send()
        .await
}

// (The server log is searched too, in `confidential_logs`.)
#[tokio::test]
async fn the_plaintext_appears_only_in_a_reveal() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let bob = app.login(BOB).await;
    let agent = app.login(AGENT).await;
    let mut alices = Sse::new(app.get("/api/v1/events").token(&alice).open().await);
    let mut agents = Sse::new(app.get("/api/v1/events").token(&agent).open().await);
    let mut seen: Vec<(String, Vec<u8>)> = Vec::new();
    let mut keep = |what: &str, res: &Response| seen.push((what.to_owned(), everything(res)));

    let mut new = app.new_ticket(&alice, "VPN access").await;
    new["confidential"] = SECRET.into();
    let res = app
        .post("/api/v1/tickets")
        .token(&alice)
        .json(&new)
        .send()
        .await;
    assert_eq!(res.status, StatusCode::CREATED);
    assert_eq!(res.json()["confidential_set"], true);
    keep("create", &res);
    let id = res.json()["id"].as_i64().unwrap_or_default();
    let ticket = format!("/api/v1/tickets/{id}");

    // Every read of the ticket, by every side.
    for (who, token) in [("alice", &alice), ("bob", &bob), ("agent", &agent)] {
        for path in [
            ticket.clone(),
            format!("{ticket}/messages"),
            "/api/v1/tickets?q=VPN".to_owned(),
            "/api/v1/tickets".to_owned(),
        ] {
            let res = app.get(&path).token(token).send().await;
            assert_eq!(res.status, StatusCode::OK, "{who} {path}");
            keep(&format!("{who} GET {path}"), &res);
        }
    }
    // Refusals say nothing of the value either.
    for (what, res) in [
        ("customer reveal", reveal(&app, &alice, id).await),
        ("group member put", put(&app, &bob, id, REPLACED).await),
        ("agent put", put(&app, &agent, id, REPLACED).await),
        (
            "too long",
            put(&app, &alice, id, &format!("{REPLACED}{}", "x".repeat(2000))).await,
        ),
    ] {
        assert!(res.status.is_client_error(), "{what}");
        keep(what, &res);
    }
    // The agent reveals: the one answer that carries the value, and it is recorded.
    let revealed = reveal(&app, &agent, id).await;
    assert_eq!(revealed.json(), json!({ "value": SECRET }));
    let res = put(&app, &alice, id, REPLACED).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    keep("replace", &res);
    assert_eq!(
        reveal(&app, &agent, id).await.json(),
        json!({ "value": REPLACED })
    );
    let res = app
        .get(&format!("{ticket}/confidential/reveals"))
        .token(&agent)
        .send()
        .await;
    keep("reveals", &res);
    assert_eq!(res.json().as_array().map(Vec::len), Some(2));

    for (what, bytes) in &seen {
        assert_absent(what, bytes);
    }
    let events = alices.drain(Duration::from_millis(300)).await.len()
        + agents.drain(Duration::from_millis(300)).await.len();
    assert!(
        events >= 4,
        "the streams carried the changes ({events} events)"
    );
    assert_absent("alice's events", alices.raw.as_bytes());
    assert_absent("the agent's events", agents.raw.as_bytes());
    // Nor in any file of the data directory (the database, its WAL, attachments) or the key file. On
    // PostgreSQL the database is elsewhere: a dump of it is scanned with them.
    if app.db.url().starts_with("postgres") {
        let dump = app.data_dir().join("database.sql");
        let status = std::process::Command::new("pg_dump")
            .args([app.db.url(), "-f"])
            .arg(&dump)
            .status()
            .expect("run pg_dump");
        assert!(status.success(), "pg_dump");
    }
    let mut files = vec![app.data_dir(), app.key_file()];
    let mut scanned = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(
                std::fs::read_dir(&path)
                    .expect("dir")
                    .flatten()
                    .map(|e| e.path()),
            );
        } else {
            assert_absent(
                &path.display().to_string(),
                &std::fs::read(&path).expect("file"),
            );
            scanned += 1;
        }
    }
    assert!(scanned >= 2, "database and key file scanned");
    let stored: Vec<u8> = sqlx::query_scalar("SELECT ciphertext FROM ticket_confidential")
        .fetch_one(&app.sql)
        .await
        .expect("row");
    assert!(!stored.is_empty());
}

#[tokio::test]
async fn set_replace_clear_and_who_may_reveal() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let admin = app.login(ADMIN).await;
    let id = app.create_ticket(&alice, "No secret yet").await["id"]
        .as_i64()
        .unwrap_or_default();
    let ticket = format!("/api/v1/tickets/{id}");
    let is_set = |t: serde_json::Value| t["confidential_set"].as_bool();
    assert_eq!(
        is_set(app.get(&ticket).token(&alice).send().await.json()),
        Some(false)
    );
    reveal(&app, &agent, id)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");

    assert_eq!(
        put(&app, &alice, id, SECRET).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        is_set(app.get(&ticket).token(&agent).send().await.json()),
        Some(true)
    );
    assert_eq!(reveal(&app, &agent, id).await.json()["value"], SECRET);
    assert_eq!(reveal(&app, &admin, id).await.json()["value"], SECRET);
    let reveals = app
        .get(&format!("{ticket}/confidential/reveals"))
        .token(&agent)
        .send()
        .await
        .json();
    let who: Vec<&str> = reveals
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["user"]["name"].as_str())
        .collect();
    assert_eq!(who, ["Agent Smith", "Ada Admin"]);
    assert!(reveals[0]["at"]
        .as_str()
        .is_some_and(|at| at.ends_with('Z')));

    // Customers never read it back, nor the audit: staff-only ticket endpoints answer them 404,
    // even the requester; other customers and desks do not find it either.
    reveal(&app, &alice, id)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    let res = app
        .get(&format!("{ticket}/confidential/reveals"))
        .token(&alice)
        .send()
        .await;
    res.problem(StatusCode::NOT_FOUND, "not_found");
    let carol = app.login(CAROL).await;
    put(&app, &carol, id, "mine now")
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    let other = app.login(OTHER_AGENT).await;
    reveal(&app, &other, id)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");

    // Validation, then clearing with an empty value.
    let res = put(&app, &alice, id, &"x".repeat(2001)).await;
    assert_eq!(res.field_errors(), pairs(&[("value", "too_long")]));
    let res = app
        .call(Method::PUT, &format!("{ticket}/confidential"))
        .token(&alice)
        .json(&json!({}))
        .send()
        .await;
    assert_eq!(res.field_errors(), pairs(&[("value", "required")]));
    assert_eq!(
        put(&app, &alice, id, "").await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        is_set(app.get(&ticket).token(&alice).send().await.json()),
        Some(false)
    );
    reveal(&app, &agent, id)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    // The audit outlives the value.
    let reveals = app
        .get(&format!("{ticket}/confidential/reveals"))
        .token(&agent)
        .send()
        .await
        .json();
    assert_eq!(reveals.as_array().map(Vec::len), Some(2));
    // The key file is private to the server's user, and not in the data directory.
    assert!(!app.data_dir().join("secret.key").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(app.key_file())
            .expect("key file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
