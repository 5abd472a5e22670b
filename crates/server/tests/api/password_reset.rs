//! Password reset (`POST /password-resets`, issue 12): a mailed single-use link of an hour, the
//! same answer whether or not the email has an account, the desk named or every desk's account,
//! a newer link voiding the older, and a limit per client address.

use crate::mail::{caught, deliver, mailing_app, token_in};
use crate::support::{TestApp, ALICE, BOB};
use axum::http::StatusCode;
use baton_server::accounts::RESET_TTL;
use baton_smtp_fixture::SmtpSink;
use serde_json::{json, Value};

async fn ask(app: &TestApp, body: Value) -> crate::support::Response {
    app.post("/api/v1/password-resets").json(&body).send().await
}

async fn set(app: &TestApp, token: &str, password: &str) -> crate::support::Response {
    app.post(&format!("/api/v1/password-tokens/{token}")).json(&json!({ "password": password })).send().await
}

async fn login(app: &TestApp, email: &str, password: &str, tenant: Option<&str>) -> StatusCode {
    let body = json!({ "email": email, "password": password, "tenant": tenant });
    app.post("/api/v1/session").json(&body).send().await.status
}

#[tokio::test]
async fn a_reset_link_arrives_sets_the_password_once_and_signs_in() {
    let sink = SmtpSink::start();
    let app = mailing_app(&sink).await;
    // A session opened before the reset (another device's, or a thief's).
    let before = app.login(ALICE).await;
    assert_eq!(app.get("/api/v1/me").token(&before).send().await.status, StatusCode::OK);
    let res = app.post("/api/v1/password-resets").header("accept-language", "zh-CN,zh;q=0.9").json(&json!({ "email": " Alice@Customer.test " })).send().await;
    assert_eq!(res.status, StatusCode::ACCEPTED, "{}", res.text());
    assert_eq!(res.json(), json!({}));
    assert_eq!(deliver(&app).await, 1);
    let mail = caught(&sink, ALICE);
    assert_eq!(mail.subject, "Baton Demo:重置密码");
    assert!(mail.text.contains("1 小时内有效"), "{}", mail.text);
    let token = token_in(&mail.text);
    assert_eq!(token.len(), 64);
    let res = set(&app, &token, "my brand new password").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["email"], ALICE);
    assert!(res.cookie("baton_session").is_some());
    // The new password ended every older session; the one the link opened works.
    assert_eq!(app.get("/api/v1/me").token(&before).send().await.status, StatusCode::UNAUTHORIZED);
    let fresh = res.cookie("baton_session").unwrap_or_default();
    assert_eq!(app.get("/api/v1/me").token(&fresh).send().await.status, StatusCode::OK);
    assert_eq!(login(&app, ALICE, "my brand new password", None).await, StatusCode::OK);
    assert_eq!(login(&app, ALICE, baton_server::demo::PASSWORD, None).await, StatusCode::UNAUTHORIZED);
    set(&app, &token, "yet another password").await.problem(StatusCode::GONE, "token_invalid");
}

#[tokio::test]
async fn an_expired_or_superseded_link_is_gone() {
    let sink = SmtpSink::start();
    let app = mailing_app(&sink).await;
    // (wait after the mail, works)
    let cases = [
        (RESET_TTL - time::Duration::minutes(1), true),
        (RESET_TTL + time::Duration::seconds(1), false),
    ];
    for (wait, works) in cases {
        ask(&app, json!({ "email": BOB })).await;
        deliver(&app).await;
        let token = token_in(&caught(&sink, BOB).text);
        app.services.clock.advance(wait);
        let res = set(&app, &token, "a password for bob!").await;
        if works {
            assert_eq!(res.status, StatusCode::OK, "{wait}: {}", res.text());
        } else {
            res.problem(StatusCode::GONE, "token_invalid");
        }
    }
    // A newer link voids the older one.
    ask(&app, json!({ "email": BOB })).await;
    deliver(&app).await;
    let older = token_in(&caught(&sink, BOB).text);
    ask(&app, json!({ "email": BOB })).await;
    deliver(&app).await;
    let newer = token_in(&caught(&sink, BOB).text);
    assert_ne!(older, newer);
    set(&app, &older, "the older link's password").await.problem(StatusCode::GONE, "token_invalid");
    assert_eq!(set(&app, &newer, "the newer link's password").await.status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_emails_get_the_same_answer_and_no_mail() {
    let sink = SmtpSink::start();
    let app = mailing_app(&sink).await;
    for body in [
        json!({ "email": "nobody@nowhere.test" }),
        json!({ "email": ALICE, "tenant": "no-such-desk" }),
        json!({ "email": ALICE, "tenant": "other" }),
    ] {
        let res = ask(&app, body.clone()).await;
        assert_eq!((res.status, res.json()), (StatusCode::ACCEPTED, json!({})), "{body}");
    }
    assert_eq!(deliver(&app).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM mail_outbox").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM password_tokens").await, 0);
    assert!(sink.messages().is_empty());
}

#[tokio::test]
async fn a_named_desk_resets_only_its_own_account_and_without_one_every_desk_gets_a_mail() {
    let sink = SmtpSink::start();
    let app = mailing_app(&sink).await;
    app.new_tenant_with("Second Desk", ALICE).await;
    ask(&app, json!({ "email": ALICE, "tenant": "second-desk" })).await;
    assert_eq!(deliver(&app).await, 1);
    let mail = caught(&sink, ALICE);
    assert_eq!(mail.subject, "Second Desk: reset your password");
    assert_eq!(set(&app, &token_in(&mail.text), "second desk password").await.status, StatusCode::OK);
    // The demo desk's Alice is untouched.
    assert_eq!(login(&app, ALICE, baton_server::demo::PASSWORD, Some("demo")).await, StatusCode::OK);
    assert_eq!(login(&app, ALICE, "second desk password", Some("second-desk")).await, StatusCode::OK);
    ask(&app, json!({ "email": ALICE })).await;
    assert_eq!(deliver(&app).await, 2);
    let mut subjects: Vec<String> = sink.messages().into_iter().skip(1).map(|m| m.subject).collect();
    subjects.sort();
    assert_eq!(subjects, ["Baton Demo: reset your password", "Second Desk: reset your password"]);
}

#[tokio::test]
async fn malformed_requests_are_refused() {
    let app = TestApp::new().await;
    // (body, field, code)
    let cases = [
        (json!({ "email": "" }), "email", "required"),
        (json!({ "email": "not an email" }), "email", "invalid_email"),
        (json!({ "email": ALICE, "extra": 1 }), "extra", "invalid_value"),
    ];
    for (body, field, code) in cases {
        let problem = ask(&app, body.clone()).await.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        let errors: Vec<_> = problem.errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(errors, [(field, code)], "{body}");
    }
}

#[tokio::test]
async fn requests_past_the_limit_of_an_address_are_refused() {
    let app = TestApp::with(|c| {
        c.attempts_per_ip = 2;
        c.client_ip_header = Some("x-forwarded-for".into());
    })
    .await;
    let from = |ip: &'static str| app.post("/api/v1/password-resets").header("x-forwarded-for", ip).json(&json!({ "email": "nobody@nowhere.test" }));
    let now = app.services.clock.now().unix_timestamp();
    app.services.clock.advance(time::Duration::seconds(60 - now.rem_euclid(60)));
    for _ in 0..2 {
        assert_eq!(from("203.0.113.9").send().await.status, StatusCode::ACCEPTED);
    }
    from("203.0.113.9").send().await.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    assert_eq!(from("198.51.100.9").send().await.status, StatusCode::ACCEPTED);
}
