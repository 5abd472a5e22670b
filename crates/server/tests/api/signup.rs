//! Customer sign-up (`POST /signups`, issue 12): a desk that takes sign-ups mails a link that
//! confirms the address and sets the password; until it is followed nobody can sign in. The
//! answer is the same for an email that already has an account (which gets a reset link instead),
//! a desk closed to sign-ups or outside its domains says so, and another desk is never touched.

use crate::mail::{caught, deliver, mailing_app, token_in};
use crate::support::{TestApp, ALICE, DAVE, OWNER};
use axum::http::{Method, StatusCode};
use baton_server::accounts::SIGNUP_TTL;
use baton_smtp_fixture::SmtpSink;
use serde_json::{json, Value};

async fn sign_up(app: &TestApp, body: Value) -> crate::support::Response {
    app.post("/api/v1/signups").json(&body).send().await
}

async fn set(app: &TestApp, token: &str, password: &str) -> crate::support::Response {
    app.post(&format!("/api/v1/password-tokens/{token}")).json(&json!({ "password": password })).send().await
}

async fn login(app: &TestApp, email: &str, password: &str, tenant: &str) -> StatusCode {
    let body = json!({ "email": email, "password": password, "tenant": tenant });
    app.post("/api/v1/session").json(&body).send().await.status
}

/// The owner sets the demo desk's sign-up mode (and domains).
async fn settle(app: &TestApp, body: Value) {
    let owner = app.login(OWNER).await;
    let res = app.call(Method::PATCH, "/api/v1/admin/settings").token(&owner).json(&body).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
}

#[tokio::test]
async fn a_customer_signs_up_confirms_by_mail_and_is_signed_in() {
    let sink = SmtpSink::start();
    let app = mailing_app(&sink).await;
    let body = json!({ "email": " New.Person@Example.org ", "name": "New Person", "tenant": "demo" });
    let res = app.post("/api/v1/signups").header("accept-language", "zh-CN").json(&body).send().await;
    assert_eq!((res.status, res.json()), (StatusCode::ACCEPTED, json!({})), "{}", res.text());
    // Not before the mail is read.
    assert_eq!(login(&app, "new.person@example.org", "", "demo").await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(login(&app, "new.person@example.org", "!password-not-set", "demo").await, StatusCode::UNAUTHORIZED);
    assert_eq!(deliver(&app).await, 1);
    let mail = caught(&sink, "new.person@example.org");
    assert_eq!(mail.subject, "Baton Demo:请确认邮箱");
    assert!(mail.text.contains("New Person") && mail.text.contains("24 小时内有效"), "{}", mail.text);
    let res = set(&app, &token_in(&mail.text), "a password of my own").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!((res.json()["email"].clone(), res.json()["role"].clone()), (json!("new.person@example.org"), json!("customer")));
    let token = res.cookie("baton_session").expect("signed in");
    assert_eq!(login(&app, "new.person@example.org", "a password of my own", "demo").await, StatusCode::OK);
    // A customer like any other: submits a ticket.
    assert!(app.create_ticket(&token, "My first ticket").await["id"].is_i64());
}

#[tokio::test]
async fn the_link_expires_and_a_new_sign_up_sends_a_fresh_one() {
    let sink = SmtpSink::start();
    let app = mailing_app(&sink).await;
    let body = json!({ "email": "late@example.org", "name": "Late", "tenant": "demo" });
    sign_up(&app, body.clone()).await;
    deliver(&app).await;
    let first = token_in(&caught(&sink, "late@example.org").text);
    app.services.clock.advance(SIGNUP_TTL + time::Duration::seconds(1));
    set(&app, &first, "too late a password").await.problem(StatusCode::GONE, "token_invalid");
    // Signing up again claims the same account (one row), with a working link.
    assert_eq!(sign_up(&app, body).await.status, StatusCode::ACCEPTED);
    deliver(&app).await;
    let second = token_in(&caught(&sink, "late@example.org").text);
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE email = 'late@example.org'").await, 1);
    assert_eq!(set(&app, &second, "in time this time").await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_existing_account_gets_the_same_answer_and_a_reset_link_not_a_second_account() {
    let sink = SmtpSink::start();
    let app = mailing_app(&sink).await;
    let res = sign_up(&app, json!({ "email": ALICE, "name": "Someone Else", "tenant": "demo" })).await;
    assert_eq!((res.status, res.json()), (StatusCode::ACCEPTED, json!({})));
    deliver(&app).await;
    let mail = caught(&sink, ALICE);
    assert_eq!(mail.subject, "Baton Demo: you already have an account");
    assert!(!mail.text.contains("Someone Else"), "the mail greets the account's own name: {}", mail.text);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM users WHERE email = '{ALICE}'")).await, 1);
    // Her password still works until she uses the link, which is a reset link (an hour).
    assert_eq!(login(&app, ALICE, baton_server::demo::PASSWORD, "demo").await, StatusCode::OK);
    assert_eq!(app.count("SELECT COUNT(*) FROM password_tokens WHERE purpose = 'reset'").await, 1);
}

#[tokio::test]
async fn each_mode_takes_or_refuses_and_refusals_create_nothing() {
    let app = TestApp::new().await;
    let ann = |email: &str| json!({ "email": email, "name": "Ann", "tenant": "demo" });
    // (settings, email, status, problem code, field error)
    type Case<'a> = (Value, &'a str, StatusCode, Option<&'a str>, Option<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        (json!({"signup_mode": "open"}), "ann@anywhere.org", StatusCode::ACCEPTED, None, None),
        (json!({"signup_mode": "staff"}), "ann2@anywhere.org", StatusCode::FORBIDDEN, Some("signup_closed"), None),
        (json!({"signup_mode": "sso"}), "ann3@anywhere.org", StatusCode::FORBIDDEN, Some("signup_closed"), None),
        (json!({"signup_mode": "domains", "signup_domains": [" ACME.test ", "acme.cn"]}), "ann4@acme.test", StatusCode::ACCEPTED, None, None),
        (json!({"signup_mode": "domains"}), "ann5@acme.cn", StatusCode::ACCEPTED, None, None),
        (json!({"signup_mode": "domains"}), "ann6@evil.acme.test", StatusCode::UNPROCESSABLE_ENTITY, Some("validation_failed"), Some(("email", "email_domain_not_allowed"))),
    ];
    for (settings, email, status, code, field) in cases {
        settle(&app, settings.clone()).await;
        let res = sign_up(&app, ann(email)).await;
        assert_eq!(res.status, status, "{settings} {email}: {}", res.text());
        if let Some(code) = code {
            let problem = res.problem(status, code);
            let errors: Vec<(&str, &str)> = problem.errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
            assert_eq!(errors, field.into_iter().collect::<Vec<_>>(), "{email}");
        }
        let made = app.count(&format!("SELECT COUNT(*) FROM users WHERE email = '{email}'")).await;
        assert_eq!(made, i64::from(status == StatusCode::ACCEPTED), "{email}");
    }
    let domains = app.get("/api/v1/admin/settings").token(&app.login(OWNER).await).send().await.json()["signup_domains"].clone();
    assert_eq!(domains, json!(["acme.cn", "acme.test"]));
}

#[tokio::test]
async fn domains_mode_needs_a_domain_and_bad_domains_are_refused() {
    let app = TestApp::new().await;
    let owner = app.login(OWNER).await;
    let patch = |body: Value| app.call(Method::PATCH, "/api/v1/admin/settings").token(&owner).json(&body).send();
    // (patch, field error)
    let cases = [
        (json!({"signup_mode": "domains"}), ("signup_domains", "required")),
        (json!({"signup_mode": "domains", "signup_domains": []}), ("signup_domains", "required")),
        (json!({"signup_domains": ["localhost"]}), ("signup_domains", "invalid_value")),
        (json!({"signup_mode": "everyone"}), ("signup_mode", "invalid_value")),
    ];
    for (body, field) in cases {
        let res = patch(body.clone()).await;
        res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(res.field_errors(), crate::support::pairs(&[field]), "{body}");
    }
    assert_eq!(app.get("/api/v1/admin/settings").token(&owner).send().await.json()["signup_mode"], json!("open"));
}

#[tokio::test]
async fn the_desk_is_named_or_found_and_another_desk_is_never_touched() {
    let app = TestApp::new().await;
    // Two desks here: without a slug the server cannot tell which.
    let res = sign_up(&app, json!({ "email": "x@example.org", "name": "X" })).await;
    let problem = res.problem(StatusCode::UNPROCESSABLE_ENTITY, "tenant_required");
    assert_eq!(problem.errors.len(), 1);
    sign_up(&app, json!({ "email": "x@example.org", "name": "X", "tenant": "no-such-desk" }))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    // The other desk takes no sign-ups; its own customer's email signs up at the demo desk as a
    // new, separate account.
    sign_up(&app, json!({ "email": "x@example.org", "name": "X", "tenant": "other" }))
        .await
        .problem(StatusCode::FORBIDDEN, "signup_closed");
    assert_eq!(sign_up(&app, json!({ "email": DAVE, "name": "Dave Again", "tenant": "demo" })).await.status, StatusCode::ACCEPTED);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM users WHERE email = '{DAVE}'")).await, 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE email = 'x@example.org'").await, 0);
}

#[tokio::test]
async fn malformed_requests_are_refused_field_by_field() {
    let app = TestApp::new().await;
    let long = "x".repeat(101);
    // (body, errors)
    let cases = [
        (json!({ "email": "", "name": "", "tenant": "demo" }), vec![("email", "required"), ("name", "required")]),
        (json!({ "email": "nope", "name": long, "tenant": "demo" }), vec![("email", "invalid_email"), ("name", "too_long")]),
        (json!({ "email": "a@b.org", "name": "A", "tenant": "demo", "role": "admin" }), vec![("role", "invalid_value")]),
    ];
    for (body, errors) in cases {
        let res = sign_up(&app, body.clone()).await;
        res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(res.field_errors(), crate::support::pairs(&errors), "{body}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE email = 'a@b.org'").await, 0);
}

#[tokio::test]
async fn requests_past_the_limit_of_an_address_are_refused() {
    let app = TestApp::with(|c| {
        c.attempts_per_ip = 2;
        c.client_ip_header = Some("x-forwarded-for".into());
    })
    .await;
    let from = |ip: &'static str, n: u8| {
        app.post("/api/v1/signups").header("x-forwarded-for", ip).json(&json!({ "email": format!("n{n}@example.org"), "name": "N", "tenant": "demo" }))
    };
    let now = app.services.clock.now().unix_timestamp();
    app.services.clock.advance(time::Duration::seconds(60 - now.rem_euclid(60)));
    for n in 0..2 {
        assert_eq!(from("203.0.113.9", n).send().await.status, StatusCode::ACCEPTED);
    }
    from("203.0.113.9", 2).send().await.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    assert_eq!(from("198.51.100.9", 3).send().await.status, StatusCode::ACCEPTED);
}
