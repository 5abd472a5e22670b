//! Signing in and password links against a fake backend (`fake_server`): the `rate_limited`
//! message with its minutes on login, set-password and forgot-password; the "Forgot password?"
//! link only on a backend with password resets, carrying the desk; the forgot-password page; the
//! "Create an account" link and the sign-up page.

use crate::fake_server::{answer, problem, provide_app, rate_limited, visit, FakeServer};
use crate::fake_server::answered as until;
use crate::support::{mount, type_into, value_of};
use baton::i18n::Locale;
use baton::pages::{ForgotPassword, Login, SetPassword, SignUp};
use leptos::prelude::*;
use serde_json::json;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn login_says_in_how_many_minutes_to_try_again_and_keeps_the_email() {
    let cases = [
        (Locale::En, 900, "Too many attempts — try again in 15 minutes."),
        (Locale::ZhCn, 130, "尝试次数过多，请 3 分钟后再试。"),
        (Locale::En, 20, "Too many attempts — try again in a minute."),
    ];
    for (locale, seconds, expected) in cases {
        let server = FakeServer::start(vec![
            rate_limited("POST", "/session", seconds),
            answer("GET", "/capabilities", 200, json!({})),
        ]);
        let page = mount(locale, || {
            provide_app(None);
            view! { <Login /> }
        });
        type_into(&page.testid("login-email"), "ann@example.com");
        type_into(&page.testid("login-password"), "wrong password");
        page.click("login-submit");
        until("the refusal", || page.find("[data-testid='login-error']").is_some()).await;
        assert_eq!(page.text("login-error"), expected);
        assert_eq!(page.testid("login-error").get_attribute("role").as_deref(), Some("alert"));
        assert_eq!(value_of(&page.testid("login-email")), "ann@example.com");
        assert_eq!(server.sent("POST", "/session").len(), 1);
    }
}

#[wasm_bindgen_test]
async fn the_forgot_password_link_needs_the_capability_and_carries_the_desk() {
    // Without `password_reset`: no link, once the capabilities have been read.
    let server = FakeServer::start(vec![answer("GET", "/capabilities", 200, json!({"reports": true}))]);
    let page = mount(Locale::En, || {
        provide_app(None);
        view! { <Login /> }
    });
    until("the capabilities asked", || !server.sent("GET", "/capabilities").is_empty()).await;
    for _ in 0..10 {
        leptos::task::tick().await;
    }
    assert!(page.find("[data-testid='login-forgot']").is_none());
    drop((page, server));

    let server = FakeServer::start(vec![
        answer("GET", "/capabilities", 200, json!({"password_reset": true})),
        problem("POST", "/session", 400, "tenant_required"),
    ]);
    let page = mount(Locale::En, || {
        provide_app(None);
        view! { <Login /> }
    });
    until("the link", || page.find("[data-testid='login-forgot']").is_some()).await;
    assert_eq!(page.text("login-forgot"), "Forgot password?");
    assert_eq!(page.testid("login-forgot").get_attribute("href").as_deref(), Some("/forgot-password"));
    // The email is in several desks: once the desk is typed, the link carries it.
    type_into(&page.testid("login-email"), "ann@example.com");
    type_into(&page.testid("login-password"), "a password");
    page.click("login-submit");
    until("the desk field", || page.find("[data-testid='login-tenant']").is_some()).await;
    type_into(&page.testid("login-tenant"), "acme shop");
    until("the desk in the link", || {
        page.testid("login-forgot").get_attribute("href").as_deref() == Some("/forgot-password?tenant=acme%20shop")
    })
    .await;
    drop(server);
}

#[wasm_bindgen_test]
async fn forgot_password_checks_the_email_sends_the_desk_and_never_says_whether_it_exists() {
    visit("?tenant=acme");
    let server = FakeServer::start(vec![answer("POST", "/password-resets", 202, json!({}))]);
    let page = mount(Locale::En, || {
        provide_app(None);
        view! { <ForgotPassword /> }
    });
    visit("?");
    until("the desk prefilled from ?tenant=", || value_of(&page.testid("forgot-tenant")) == "acme").await;
    // A malformed email is answered at once, next to the field, and nothing is sent.
    type_into(&page.testid("forgot-email"), "ann@");
    page.click("forgot-submit");
    until("the field error", || page.field_error("email").is_some()).await;
    assert!(server.sent("POST", "/password-resets").is_empty());

    type_into(&page.testid("forgot-email"), " ann@example.com ");
    page.click("forgot-submit");
    until("the answer", || page.find("[data-testid='forgot-sent']").is_some()).await;
    assert_eq!(server.sent("POST", "/password-resets"), vec![json!({"email": "ann@example.com", "tenant": "acme"})]);
    assert!(page.text("forgot-sent").starts_with("If an account exists for that address"));
    assert_eq!(page.testid("forgot-sent").get_attribute("role").as_deref(), Some("status"));
}

#[wasm_bindgen_test]
async fn forgot_password_shows_the_servers_refusals_and_keeps_the_input() {
    let cases = [
        (rate_limited("POST", "/password-resets", 3600), "forgot-error", "尝试次数过多，请 60 分钟后再试。"),
        (
            answer("POST", "/password-resets", 422, json!({"type": "about:blank", "title": "Invalid", "status": 422,
                "code": "validation_failed", "errors": [{"field": "email", "code": "invalid_email"}]})),
            "field-error",
            "请输入有效的邮箱地址。",
        ),
    ];
    for (refusal, testid, expected) in cases {
        let server = FakeServer::start(vec![refusal]);
        let page = mount(Locale::ZhCn, || {
            provide_app(None);
            view! { <ForgotPassword /> }
        });
        type_into(&page.testid("forgot-email"), "ann@example.com");
        page.click("forgot-submit");
        until("the refusal", || page.find(&format!("[data-testid='{testid}']")).is_some()).await;
        assert_eq!(page.text(testid), expected);
        assert_eq!(value_of(&page.testid("forgot-email")), "ann@example.com");
        assert!(page.find("[data-testid='forgot-sent']").is_none());
        drop((page, server));
    }
}

#[wasm_bindgen_test]
async fn set_password_says_when_to_try_again() {
    visit("?token=abc");
    let server = FakeServer::start(vec![rate_limited("POST", "/password-tokens/abc", 300)]);
    let page = mount(Locale::En, || {
        provide_app(None);
        view! { <SetPassword /> }
    });
    visit("?");
    type_into(&page.testid("set-password"), "a long enough passphrase 42");
    page.click("set-password-submit");
    until("the refusal", || page.find("[data-testid='set-password-error']").is_some()).await;
    assert_eq!(page.text("set-password-error"), "Too many attempts — try again in 5 minutes.");
    assert_eq!(value_of(&page.testid("set-password")), "a long enough passphrase 42");
    drop(server);
}

#[wasm_bindgen_test]
async fn the_sign_up_link_needs_the_capability_and_carries_the_desk() {
    let server = FakeServer::start(vec![
        answer("GET", "/capabilities", 200, json!({"signup": true})),
        problem("POST", "/session", 400, "tenant_required"),
    ]);
    let page = mount(Locale::ZhCn, || {
        provide_app(None);
        view! { <Login /> }
    });
    until("the link", || page.find("[data-testid='login-signup']").is_some()).await;
    assert_eq!(page.text("login-signup"), "注册账号");
    assert_eq!(page.testid("login-signup").get_attribute("href").as_deref(), Some("/signup"));
    assert!(page.find("[data-testid='login-forgot']").is_none(), "no password_reset here");
    type_into(&page.testid("login-email"), "ann@example.com");
    type_into(&page.testid("login-password"), "a password");
    page.click("login-submit");
    until("the desk field", || page.find("[data-testid='login-tenant']").is_some()).await;
    type_into(&page.testid("login-tenant"), "acme");
    until("the desk in the link", || page.testid("login-signup").get_attribute("href").as_deref() == Some("/signup?tenant=acme")).await;
    drop(server);
}

#[wasm_bindgen_test]
async fn sign_up_checks_here_sends_the_desk_and_says_to_read_the_mail() {
    visit("?tenant=acme");
    let server = FakeServer::start(vec![answer("POST", "/signups", 202, json!({}))]);
    let page = mount(Locale::En, || {
        provide_app(None);
        view! { <SignUp /> }
    });
    visit("?");
    until("the desk prefilled from ?tenant=", || value_of(&page.testid("signup-tenant")) == "acme").await;
    type_into(&page.testid("signup-email"), "ann@");
    page.click("signup-submit");
    until("the field errors", || page.field_error("email").is_some() && page.field_error("name").is_some()).await;
    assert!(server.sent("POST", "/signups").is_empty());

    type_into(&page.testid("signup-name"), " Ann Lee ");
    type_into(&page.testid("signup-email"), "ann@example.com");
    page.click("signup-submit");
    until("the answer", || page.find("[data-testid='signup-sent']").is_some()).await;
    assert_eq!(server.sent("POST", "/signups"), vec![json!({"email": "ann@example.com", "name": "Ann Lee", "tenant": "acme"})]);
    assert!(page.text("signup-sent").starts_with("Check your inbox"));
    assert_eq!(page.testid("signup-sent").get_attribute("role").as_deref(), Some("status"));
}

#[wasm_bindgen_test]
async fn sign_up_shows_the_desks_refusals_translated_and_keeps_the_input() {
    let cases = [
        (problem("POST", "/signups", 403, "signup_closed"), "signup-error", "该服务台不开放注册，请联系客服为您开通账号。"),
        (
            answer("POST", "/signups", 422, json!({"type": "about:blank", "title": "Invalid", "status": 422,
                "code": "validation_failed", "errors": [{"field": "email", "code": "email_domain_not_allowed"}]})),
            "field-error",
            "该服务台只接受其指定邮箱域名的注册。",
        ),
        (
            answer("POST", "/signups", 422, json!({"type": "about:blank", "title": "Tenant required", "status": 422,
                "code": "tenant_required", "errors": [{"field": "tenant", "code": "required"}]})),
            "field-error",
            "此项为必填项。",
        ),
    ];
    for (refusal, testid, expected) in cases {
        let server = FakeServer::start(vec![refusal]);
        let page = mount(Locale::ZhCn, || {
            provide_app(None);
            view! { <SignUp /> }
        });
        type_into(&page.testid("signup-name"), "Ann");
        type_into(&page.testid("signup-email"), "ann@example.com");
        page.click("signup-submit");
        until("the refusal", || page.find(&format!("[data-testid='{testid}']")).is_some()).await;
        assert_eq!(page.text(testid), expected);
        assert_eq!(value_of(&page.testid("signup-email")), "ann@example.com");
        assert_eq!(value_of(&page.testid("signup-name")), "Ann");
        assert!(page.find("[data-testid='signup-sent']").is_none());
        drop((page, server));
    }
}
