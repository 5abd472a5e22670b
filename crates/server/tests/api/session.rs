//! Signing in and out: cookie attributes, the 401/422 answers, /me, logout, the bearer form.

use crate::support::{pairs, TestApp, AGENT, ALICE};
use axum::http::{Method, StatusCode};
use baton_server::demo;
use serde_json::json;

#[tokio::test]
async fn login_sets_an_http_only_lax_cookie_and_answers_me() {
    let app = TestApp::new().await;
    let res = app
        .post("/api/v1/session")
        .json(&json!({ "email": ALICE, "password": demo::PASSWORD }))
        .send()
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let cookie = res.set_cookie("baton_session").expect("Set-Cookie");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=1209600"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    assert!(
        !cookie.contains("Secure"),
        "plain http must not get a Secure cookie: {cookie}"
    );
    let me = res.json();
    assert_eq!(me["email"], ALICE);
    assert_eq!(me["role"], "customer");
    assert_eq!(me["tenant"]["name"], "Baton Demo");
    assert_eq!(me["customer_group"]["name"], "Acme");
    assert!(me.get("password_hash").is_none());

    // The cookie alone authenticates.
    let token = res.cookie("baton_session").expect("token");
    let me = app
        .get("/api/v1/me")
        .header("cookie", &format!("baton_session={token}"))
        .send()
        .await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json()["email"], ALICE);
}

#[tokio::test]
async fn secure_cookie_behind_an_https_proxy() {
    let app = TestApp::new().await;
    let res = app
        .post("/api/v1/session")
        .header("x-forwarded-proto", "https")
        .json(&json!({ "email": ALICE, "password": demo::PASSWORD }))
        .send()
        .await;
    // Over HTTPS the cookie is `__Host-` (Secure, Path=/, no Domain) and the only one read.
    let cookie = res.set_cookie("__Host-baton_session").expect("the __Host- cookie").to_owned();
    assert!(cookie.contains("; Secure") && cookie.contains("; Path=/") && !cookie.contains("Domain"), "{cookie}");
    assert!(res.set_cookie("baton_session").is_none(), "no plain cookie over HTTPS");
    let token = cookie.split(';').next().and_then(|p| p.split_once('=')).map(|(_, t)| t.to_owned()).expect("token");
    let me = |name: &str, proto: &str| app.get("/api/v1/me").header("x-forwarded-proto", proto).header("cookie", &format!("{name}={token}")).send();
    assert_eq!(me("__Host-baton_session", "https").await.status, StatusCode::OK);
    assert_eq!(me("baton_session", "https").await.status, StatusCode::UNAUTHORIZED, "a tossed plain cookie is not read");
    assert_eq!(me("__Host-baton_session", "http").await.status, StatusCode::UNAUTHORIZED);
    let out = app.call(Method::DELETE, "/api/v1/session").header("x-forwarded-proto", "https").token(&token).send().await;
    assert!(out.set_cookie("__Host-baton_session").is_some_and(|c| c.contains("Max-Age=0")), "signing out clears the same name");
    // HTTPS pins itself for a year (HSTS); plain http, as `make run` serves, never does.
    assert_eq!(res.header(axum::http::header::STRICT_TRANSPORT_SECURITY), Some("max-age=31536000"));
    let plain = app.get("/api/v1/health").send().await;
    assert_eq!(plain.header(axum::http::header::STRICT_TRANSPORT_SECURITY), None);
    let page = app.get("/api/v1/health").header("x-forwarded-proto", "https").send().await;
    assert!(page.header(axum::http::header::STRICT_TRANSPORT_SECURITY).is_some());
}

#[tokio::test]
async fn refused_logins() {
    let app = TestApp::new().await;
    let unknown = "nobody@customer.test";
    let bad = [
        (
            json!({ "email": ALICE, "password": "wrong" }),
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
            vec![],
        ),
        (
            json!({ "email": unknown, "password": demo::PASSWORD }),
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
            vec![],
        ),
        (
            json!({ "email": "", "password": "x" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            vec![("email", "required")],
        ),
        (
            json!({ "email": "alice", "password": "x" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            vec![("email", "invalid_email")],
        ),
        (
            json!({ "email": ALICE, "password": "" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            vec![("password", "required")],
        ),
        (
            json!({ "email": ALICE }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            vec![("password", "required")],
        ),
        (
            json!({ "email": ALICE, "password": "x", "remember": true }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            vec![("remember", "invalid_value")],
        ),
    ];
    let mut bodies = Vec::new();
    for (body, status, code, fields) in bad {
        let res = app.post("/api/v1/session").json(&body).send().await;
        let problem = res.problem(status, code);
        let got: Vec<_> = problem
            .errors
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert_eq!(got, pairs(&fields), "{body}");
        assert!(res.set_cookie("baton_session").is_none(), "{body}");
        if status == StatusCode::UNAUTHORIZED {
            bodies.push(res.body);
        }
    }
    // A wrong password and an unknown email are indistinguishable.
    assert_eq!(bodies[0], bodies[1]);
}

#[tokio::test]
async fn emails_are_case_insensitive() {
    let app = TestApp::new().await;
    let res = app
        .post("/api/v1/session")
        .json(&json!({ "email": " Alice@Customer.TEST ", "password": demo::PASSWORD }))
        .send()
        .await;
    assert_eq!(res.status, StatusCode::OK);
}

#[tokio::test]
async fn me_needs_a_session() {
    let app = TestApp::new().await;
    let res = app.get("/api/v1/me").send().await;
    res.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    assert_eq!(
        res.header(axum::http::header::WWW_AUTHENTICATE),
        Some("Bearer")
    );
    app.get("/api/v1/me")
        .token("never-issued")
        .send()
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    app.get("/api/v1/me")
        .header("cookie", "baton_session=never-issued")
        .send()
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn bearer_token_works_and_logout_kills_the_session() {
    let app = TestApp::new().await;
    let token = app.login(AGENT).await;
    let other = app.login(AGENT).await;
    assert_ne!(token, other);

    let me = app.get("/api/v1/me").token(&token).send().await;
    assert_eq!(me.json()["role"], "agent");

    let out = app
        .call(Method::DELETE, "/api/v1/session")
        .header("cookie", &format!("baton_session={token}"))
        .header("baton-client", "spa")
        .send()
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    let cleared = out.set_cookie("baton_session").expect("cleared cookie");
    assert!(
        cleared.starts_with("baton_session=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );

    // The old cookie and the same token as bearer are dead; the other session lives on.
    for call in [
        app.get("/api/v1/me")
            .header("cookie", &format!("baton_session={token}")),
        app.get("/api/v1/me").token(&token),
    ] {
        call.send()
            .await
            .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    }
    assert_eq!(
        app.get("/api/v1/me").token(&other).send().await.status,
        StatusCode::OK
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 1);

    // Logging out without a session is a 401 like every protected endpoint.
    app.call(Method::DELETE, "/api/v1/session")
        .send()
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn sessions_store_only_a_hash_of_the_token() {
    let app = TestApp::new().await;
    let token = app.login(ALICE).await;
    let stored: Vec<u8> = sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_one(&app.sql)
        .await
        .expect("row");
    assert_eq!(stored, baton_server::auth::token_hash(&token));
    assert_ne!(stored, token.as_bytes());
}
