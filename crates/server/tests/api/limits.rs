//! Rate limits and lockout (issue 16): per client address on sign-in, password links and SSO;
//! per account on failed sign-ins. 429 `rate_limited` with `Retry-After`, counted in the database,
//! before any password is hashed; other addresses and accounts go on; the windows end.

use crate::support::{config, TestApp, ALICE, CAROL};
use axum::http::StatusCode;
use baton_server::limits::{ACCOUNT_FAILURES, ACCOUNT_WINDOW_SECS};
use baton_server::Server;
use serde_json::json;

/// A server behind a proxy that names the client in `x-forwarded-for`, allowing `per_ip`.
async fn behind_proxy(per_ip: u32) -> TestApp {
    TestApp::with(|c| {
        c.attempts_per_ip = per_ip;
        c.client_ip_header = Some("X-Forwarded-For".into());
    })
    .await
}

async fn login_from(app: &TestApp, forwarded: &str, email: &str, password: &str) -> crate::support::Response {
    let body = json!({ "email": email, "password": password });
    app.post("/api/v1/session").header("x-forwarded-for", forwarded).json(&body).send().await
}

/// Moves the test clock to the start of a window of `len` seconds (the limits count in fixed
/// windows), so a test's attempts cannot straddle two.
fn at_window_start(app: &TestApp, len: i64) {
    let into = app.services.clock.now().unix_timestamp().rem_euclid(len);
    app.services.clock.advance(time::Duration::seconds(len - into));
}

fn retry_after(res: &crate::support::Response) -> u64 {
    let value = res.headers.get("retry-after").and_then(|v| v.to_str().ok()).expect("Retry-After");
    value.parse().expect("seconds")
}

#[tokio::test]
async fn sign_ins_past_the_limit_of_an_address_are_refused_until_the_minute_ends() {
    let app = behind_proxy(3).await;
    at_window_start(&app, 60);
    for _ in 0..3 {
        assert_eq!(login_from(&app, "203.0.113.7", ALICE, "baton-demo").await.status, StatusCode::OK);
    }
    let refused = login_from(&app, "203.0.113.7", ALICE, "baton-demo").await;
    refused.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    assert!((1..=60).contains(&retry_after(&refused)));
    // Only the last entry counts: the one our proxy added. An earlier one is the client's to forge.
    let forged = login_from(&app, "198.51.100.1, 203.0.113.7", ALICE, "baton-demo").await;
    forged.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    // Another address is not affected, and the next minute starts afresh.
    assert_eq!(login_from(&app, "198.51.100.1", ALICE, "baton-demo").await.status, StatusCode::OK);
    app.services.clock.advance(time::Duration::seconds(61));
    assert_eq!(login_from(&app, "203.0.113.7", ALICE, "baton-demo").await.status, StatusCode::OK);
}

#[tokio::test]
async fn failed_sign_ins_lock_that_account_only_for_its_window() {
    let app = behind_proxy(0).await;
    at_window_start(&app, ACCOUNT_WINDOW_SECS);
    for n in 0..ACCOUNT_FAILURES {
        let res = login_from(&app, &format!("192.0.2.{n}"), ALICE, "wrong password").await;
        res.problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    // Even the right password now waits: the guesser cannot tell it worked.
    let locked = login_from(&app, "192.0.2.200", ALICE, "baton-demo").await;
    locked.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    assert!((1..=ACCOUNT_WINDOW_SECS as u64).contains(&retry_after(&locked)));
    assert_eq!(login_from(&app, "192.0.2.200", CAROL, "baton-demo").await.status, StatusCode::OK);
    // An email without an account locks the same way: a lockout tells nobody what exists.
    for _ in 0..ACCOUNT_FAILURES {
        login_from(&app, "192.0.2.9", "nobody@customer.test", "x").await.problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    login_from(&app, "192.0.2.9", "nobody@customer.test", "x").await.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    app.services.clock.advance(time::Duration::seconds(ACCOUNT_WINDOW_SECS));
    assert_eq!(login_from(&app, "192.0.2.200", ALICE, "baton-demo").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_successful_sign_in_forgets_earlier_failures() {
    let app = behind_proxy(0).await;
    at_window_start(&app, ACCOUNT_WINDOW_SECS);
    for round in 0..2 {
        for _ in 1..ACCOUNT_FAILURES {
            login_from(&app, "192.0.2.1", ALICE, "typo").await.problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
        }
        let res = login_from(&app, "192.0.2.1", ALICE, "baton-demo").await;
        assert_eq!(res.status, StatusCode::OK, "round {round}: {}", res.text());
    }
}

#[tokio::test]
async fn password_links_and_sso_are_limited_per_address() {
    let app = behind_proxy(2).await;
    at_window_start(&app, 60);
    let link = |from: &'static str| {
        let body = json!({ "password": "a long enough password" });
        let call = app.post("/api/v1/password-tokens/0000").header("x-forwarded-for", from).json(&body);
        async move { call.send().await }
    };
    link("203.0.113.7").await.problem(StatusCode::GONE, "token_invalid");
    link("203.0.113.7").await.problem(StatusCode::GONE, "token_invalid");
    link("203.0.113.7").await.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    link("203.0.113.8").await.problem(StatusCode::GONE, "token_invalid");

    let sso = || {
        let body = json!({ "tenant": "demo", "token": "not.a.jwt" });
        let call = app.post("/api/v1/session/jwt").header("x-forwarded-for", "203.0.113.7").json(&body);
        async move { call.send().await }
    };
    sso().await.problem(StatusCode::UNAUTHORIZED, "sso_invalid_token");
    sso().await.problem(StatusCode::UNAUTHORIZED, "sso_invalid_token");
    sso().await.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
}

/// Over a real socket without a proxy header, the connection's peer address is what counts. The
/// server's clock is the real one: should a minute end between the requests, the count starts
/// again once, so the refusal comes by the fifth request at the latest.
#[tokio::test]
async fn without_a_proxy_the_peer_address_counts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = config(&dir);
    config.attempts_per_ip = 2;
    let server = Server::start(config).await.expect("server starts");
    let url = format!("http://{}/api/v1/session", server.local_addr());
    let client = reqwest::Client::new();
    let body = json!({ "email": ALICE, "password": "baton-demo" });
    let mut statuses = Vec::new();
    while statuses.len() < 5 && statuses.last() != Some(&429) {
        statuses.push(client.post(&url).json(&body).send().await.expect("request").status().as_u16());
    }
    assert!(statuses.starts_with(&[200, 200]) && statuses.ends_with(&[429]), "{statuses:?}");
    server.shutdown().await;
}
