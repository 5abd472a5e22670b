//! Accounts (issue 12): login names the desk, the same email in two desks is two accounts, and a
//! single-use link sets a new owner's password and signs them in.

use crate::support::{TestApp, ALICE};
use axum::http::StatusCode;
use baton_server::accounts::{self, NewTenant, SETUP_TTL};
use baton_server::{auth, demo};
use serde_json::{json, Value};

/// The second desk's own password for Alice's account there.
const SECOND_PASSWORD: &str = "second-desk-secret";


/// Alice in the demo desk (password `baton-demo`) and in "Second Desk" (slug `second-desk`,
/// password [`SECOND_PASSWORD`]).
async fn alice_in_two_desks() -> TestApp {
    let app = TestApp::new().await;
    app.new_tenant_with("Second Desk", ALICE).await;
    let hash = auth::hash_password(SECOND_PASSWORD).expect("hash");
    let changed = sqlx::query(
        "UPDATE users SET password_hash = $1
         WHERE email = $2 AND tenant_id = (SELECT id FROM tenants WHERE slug = 'second-desk')",
    )
    .bind(hash)
    .bind(ALICE)
    .execute(&app.sql)
    .await
    .expect("set password");
    assert_eq!(changed.rows_affected(), 1);
    app
}

async fn login(app: &TestApp, body: Value) -> crate::support::Response {
    app.post("/api/v1/session").json(&body).send().await
}

#[tokio::test]
async fn the_same_email_in_two_desks_signs_in_to_each() {
    let app = alice_in_two_desks().await;
    // (tenant, password, the desk signed in to)
    let cases = [
        ("demo", demo::PASSWORD, "Baton Demo"),
        ("second-desk", SECOND_PASSWORD, "Second Desk"),
        (" second-desk ", SECOND_PASSWORD, "Second Desk"),
    ];
    for (tenant, password, desk) in cases {
        let res = login(&app, json!({ "email": ALICE, "password": password, "tenant": tenant })).await;
        assert_eq!(res.status, StatusCode::OK, "{tenant}: {}", res.text());
        assert_eq!(res.json()["tenant"]["name"], desk, "{tenant}");
        assert!(res.cookie("baton_session").is_some());
    }
}

#[tokio::test]
async fn a_wrong_desk_is_a_wrong_password() {
    let app = alice_in_two_desks().await;
    // Each desk's password opens that desk only; a desk without Alice, or none at all, is the
    // same 401 as a wrong password.
    let cases = [
        ("demo", SECOND_PASSWORD),
        ("second-desk", demo::PASSWORD),
        ("other", demo::PASSWORD),
        ("no-such-desk", demo::PASSWORD),
        ("demo", "wrong password!"),
    ];
    for (tenant, password) in cases {
        let res = login(&app, json!({ "email": ALICE, "password": password, "tenant": tenant })).await;
        res.problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
}

#[tokio::test]
async fn an_email_of_several_desks_must_name_one() {
    let app = alice_in_two_desks().await;
    for password in [demo::PASSWORD, SECOND_PASSWORD] {
        for body in [
            json!({ "email": ALICE, "password": password }),
            json!({ "email": ALICE, "password": password, "tenant": "" }),
        ] {
            let problem = login(&app, body).await.problem(StatusCode::UNPROCESSABLE_ENTITY, "tenant_required");
            let errors: Vec<_> = problem.errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
            assert_eq!(errors, [("tenant", "required")]);
        }
    }
    // Without a matching password nobody learns that the email is in several desks.
    let res = login(&app, json!({ "email": ALICE, "password": "wrong password!" })).await;
    res.problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
}

#[tokio::test]
async fn an_email_of_one_desk_needs_no_tenant() {
    let app = alice_in_two_desks().await;
    let fresh = app.new_tenant("Fresh Desk").await;
    // Bob is only in the demo desk, the fresh desk's customer only there.
    for (email, desk) in [(crate::support::BOB, "Baton Demo"), (fresh.as_str(), "Fresh Desk")] {
        let res = login(&app, json!({ "email": email, "password": demo::PASSWORD })).await;
        assert_eq!(res.status, StatusCode::OK, "{email}: {}", res.text());
        assert_eq!(res.json()["tenant"]["name"], desk);
    }
}

/// A new desk "Acme Support" (slug `acme`) made as `baton-server tenant create` makes it; the
/// token of its owner's setup link.
async fn acme(app: &TestApp) -> String {
    let new = NewTenant { slug: "acme", name: "Acme Support", owner_email: "Owner@Acme.test" };
    accounts::create_tenant(&app.db, app.services.clock.now(), &new).await.expect("tenant").token
}

async fn set_password(app: &TestApp, token: &str, password: &str) -> crate::support::Response {
    app.post(&format!("/api/v1/password-tokens/{token}"))
        .json(&json!({ "password": password }))
        .send()
        .await
}

#[tokio::test]
async fn a_setup_link_sets_the_owners_password_once_and_signs_in() {
    let app = TestApp::new().await;
    let token = acme(&app).await;
    // No password works before the link is used.
    let res = login(&app, json!({ "email": "owner@acme.test", "password": "!password-not-set", "tenant": "acme" })).await;
    res.problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    // A weak password is refused and does not use the link up.
    for weak in ["short", "1234567890"] {
        let res = set_password(&app, &token, weak).await;
        res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(res.field_errors(), crate::support::pairs(&[("password", "password_too_weak")]));
    }
    let res = set_password(&app, &token, "acme owner password").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let me = res.json();
    assert_eq!((me["email"].as_str(), me["role"].as_str()), (Some("owner@acme.test"), Some("owner")));
    assert_eq!(me["tenant"]["name"], "Acme Support");
    let session = res.cookie("baton_session").expect("session cookie");
    let me = app.get("/api/v1/me").token(&session).send().await;
    assert_eq!(me.json()["tenant"]["name"], "Acme Support");
    // Once only.
    set_password(&app, &token, "another good password").await.problem(StatusCode::GONE, "token_invalid");
    // The password signs in, with or without naming the desk.
    for body in [
        json!({ "email": "owner@acme.test", "password": "acme owner password", "tenant": "acme" }),
        json!({ "email": "owner@acme.test", "password": "acme owner password" }),
    ] {
        assert_eq!(login(&app, body).await.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn unknown_and_expired_links_are_refused_alike() {
    let app = TestApp::new().await;
    let token = acme(&app).await;
    set_password(&app, &"0".repeat(64), "a good long password").await.problem(StatusCode::GONE, "token_invalid");
    app.services.clock.advance(SETUP_TTL + time::Duration::seconds(1));
    set_password(&app, &token, "a good long password").await.problem(StatusCode::GONE, "token_invalid");
}

#[tokio::test]
async fn a_link_works_until_it_expires() {
    let app = TestApp::new().await;
    let token = acme(&app).await;
    // A minute before the end: the test clock also moves with real time.
    app.services.clock.advance(SETUP_TTL - time::Duration::minutes(1));
    assert_eq!(set_password(&app, &token, "a good long password").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_taken_or_bad_slug_creates_nothing() {
    let app = TestApp::new().await;
    let before = app.count("SELECT COUNT(*) FROM tenants").await;
    let cases = [
        (NewTenant { slug: "demo", name: "Copy", owner_email: "o@copy.test" }, "already exists"),
        (NewTenant { slug: "Bad Slug", name: "Copy", owner_email: "o@copy.test" }, "validation"),
        (NewTenant { slug: "copy", name: " ", owner_email: "o@copy.test" }, "validation"),
        (NewTenant { slug: "copy", name: "Copy", owner_email: "not an email" }, "validation"),
    ];
    for (new, expected) in cases {
        let err = accounts::create_tenant(&app.db, app.services.clock.now(), &new).await.expect_err(new.slug);
        assert!(err.to_string().contains(expected), "{}: {err}", new.slug);
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM tenants").await, before);
    assert_eq!(app.count("SELECT COUNT(*) FROM password_tokens").await, 0);
}
