//! Accounts by mail (issue 12), in Chromium against the real server mailing a real SMTP server
//! (aiosmtpd, `baton_smtp_fixture`): an admin invites an agent from `/admin/agents`, the mailed
//! link is followed and the agent lands signed in; a customer who forgot her password asks for a
//! link on the login page, sets a new one from the mail and signs in with it; the same link
//! again says it is no longer valid, and what was typed stays; a customer signs up, confirms by
//! the mailed link and submits a ticket.

use baton_e2e::{browser::tid, Chromedriver, Stack, DEMO_PASSWORD};
use baton_smtp_fixture::{link_in, Message, SmtpSink};
use std::time::Duration;

/// The newest mail to `to`, waiting for the server's outbox to send it.
fn mail_to(sink: &SmtpSink, to: &str) -> Message {
    tokio::task::block_in_place(|| sink.wait_for(to, Duration::from_secs(20)))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invited_agent_joins_from_the_mail() {
    let sink = SmtpSink::start();
    let stack = Stack::start_with_mail(&sink).await;
    let chromedriver = Chromedriver::start().await;
    let admin = chromedriver.browser("en").await;
    admin.login(&stack.base_url(), "admin@baton.test", DEMO_PASSWORD).await;

    admin.click("nav-admin").await;
    admin.find_with("admin-page", "data-section", "/admin/agents").await;
    admin.assert_accessible("admin agents").await;
    admin.click("invite-open").await;
    admin.find("invite-form").await;
    admin.type_into("invite-email", "newbie@baton.test").await;
    admin.type_into("invite-name", "Nina Newbie").await;
    admin.click("invite-submit").await;
    admin.wait_text("admin-notice", |t| t.contains("newbie@baton.test")).await;
    admin.find_with("agent-row", "data-state", "invited").await;

    let mail = mail_to(&sink, "newbie@baton.test");
    assert!(mail.subject.contains("Baton"), "the desk in the subject: {}", mail.subject);
    let link = link_in(&mail.text).expect("a link in the invitation");
    assert!(link.starts_with(&stack.base_url()), "{link}");

    let newbie = chromedriver.browser("en").await;
    newbie.goto(&link).await;
    newbie.find("set-password-form").await;
    newbie.assert_accessible("set password from an invitation").await;
    newbie.type_into("set-password", "nina's own password").await;
    newbie.click("set-password-submit").await;
    newbie.wait_text("current-user", |t| t.contains("Nina")).await;
    let url = newbie.driver.current_url().await.expect("url");
    assert_eq!(url.path(), "/agent", "{url}");

    // The admin sees her joined.
    admin.driver.refresh().await.expect("reload");
    admin.find_with("agent-row", "data-state", "active").await;
    let row = admin
        .find_by(thirtyfour::By::XPath("//*[@data-testid='agent-row'][.//*[contains(., 'newbie@baton.test')]]"))
        .await;
    assert_eq!(row.attr("data-state").await.expect("attr").as_deref(), Some("active"));
    newbie.quit().await;
    admin.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forgotten_password_is_reset_by_mail_once() {
    let sink = SmtpSink::start();
    let stack = Stack::start_with_mail(&sink).await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.goto(&stack.url("/login")).await;
    b.click("login-forgot").await;
    b.find("forgot-form").await;
    b.assert_accessible("forgot password").await;
    // A malformed address is refused next to the field; what was typed stays.
    b.type_into("forgot-email", "alice-at-customer").await;
    b.click("forgot-submit").await;
    b.find_with("field-error", "data-field", "email").await;
    assert_eq!(b.find("forgot-email").await.value().await.expect("value").as_deref(), Some("alice-at-customer"));
    b.find("forgot-email").await.clear().await.expect("clear");
    b.type_into("forgot-email", "alice@customer.test").await;
    b.click("forgot-submit").await;
    b.find("forgot-sent").await;

    let mail = mail_to(&sink, "alice@customer.test");
    let link = link_in(&mail.text).expect("a link in the reset mail");
    assert!(!mail.text.contains(DEMO_PASSWORD), "no password in mail");
    b.goto(&link).await;
    b.type_into("set-password", "alice's new password").await;
    b.click("set-password-submit").await;
    b.wait_text("current-user", |t| t.contains("Alice")).await;

    // The new password signs her in; the old one no longer does.
    let client = reqwest::Client::new();
    let login = |password: &'static str| {
        client
            .post(stack.url("/api/v1/session"))
            .json(&serde_json::json!({ "email": "alice@customer.test", "password": password }))
            .send()
    };
    assert_eq!(login("alice's new password").await.expect("login").status(), 200);
    assert_eq!(login(DEMO_PASSWORD).await.expect("login").status(), 401);

    // The same link again: refused with a clear message, the typed password kept.
    let again = chromedriver.browser("en").await;
    again.goto(&link).await;
    again.type_into("set-password", "yet another password").await;
    again.click("set-password-submit").await;
    let said = again.wait_text("set-password-error", |t| !t.is_empty()).await;
    assert!(said.contains("expired or was already used"), "{said}");
    let kept = again.find_by(tid("set-password")).await.value().await.expect("value");
    assert_eq!(kept.as_deref(), Some("yet another password"));
    again.assert_accessible("set password with a dead link").await;
    again.quit().await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_signs_up_confirms_by_mail_and_submits_a_ticket() {
    let sink = SmtpSink::start();
    let stack = Stack::start_with_mail(&sink).await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("zh-CN").await;
    b.goto(&stack.url("/login")).await;
    b.click("login-signup").await;
    b.find("signup-form").await;
    b.assert_accessible("sign up").await;
    b.type_into("signup-name", "Sam Signup").await;
    b.type_into("signup-email", "sam@signup.test").await;
    // The demo installation has two desks: the server asks which, next to the desk field, and
    // nothing typed is lost.
    b.click("signup-submit").await;
    b.find_with("field-error", "data-field", "tenant").await;
    assert_eq!(b.find("signup-email").await.value().await.expect("value").as_deref(), Some("sam@signup.test"));
    b.assert_accessible("sign up with a field error").await;
    b.type_into("signup-tenant", "demo").await;
    b.click("signup-submit").await;
    b.find("signup-sent").await;

    let mail = mail_to(&sink, "sam@signup.test");
    assert!(mail.subject.contains("请确认邮箱"), "the request's language: {}", mail.subject);
    let link = link_in(&mail.text).expect("a link in the sign-up mail");
    // Not signed up yet: no password works until the mail is read.
    let client = reqwest::Client::new();
    let login = |password: &'static str| {
        client
            .post(stack.url("/api/v1/session"))
            .json(&serde_json::json!({ "email": "sam@signup.test", "password": password, "tenant": "demo" }))
            .send()
    };
    assert_eq!(login("sam's own password").await.expect("login").status(), 401);

    b.goto(&link).await;
    b.type_into("set-password", "sam's own password").await;
    b.click("set-password-submit").await;
    b.wait_text("current-user", |t| t.contains("Sam Signup")).await;
    assert_eq!(login("sam's own password").await.expect("login").status(), 200);

    // A customer like any other: the help center's form takes the ticket (the desk's types are
    // read as another of its customers).
    let alice = baton_e2e::ApiClient::login(&stack.base_url(), "alice@customer.test").await;
    let (type_id, subtype_id) = alice.ticket_type("Technical issue", "Site is down").await;
    b.click("nav-submit").await;
    b.find("ticket-form").await;
    b.select("ticket-type", &type_id).await;
    b.select("ticket-subtype", &subtype_id).await;
    b.type_into("ticket-title", "My first question").await;
    b.type_into("ticket-description", "Signed up a minute ago.").await;
    b.click("ticket-submit").await;
    b.find_with("ticket-detail", "data-status", "new").await;
    b.quit().await;
}
