//! A desk set up from nothing, as a new customer of Baton would (issue 12), in Chromium against
//! the real server mailing a real SMTP server: `baton-server tenant create`'s link → the owner's
//! password → an agent invited by mail who joins → a group with that agent (least loaded) → a
//! ticket type whose sub-type that group handles → sign-ups opened → a customer who finds the
//! desk at `/t/acme/login`, signs up, confirms by mail and submits a ticket → the ticket is
//! routed to the agent, who signs in at the same address and finds it in the console.

use baton_e2e::{ApiClient, Browser, Chromedriver, Stack};
use baton_server::accounts::{self, NewTenant};
use baton_server::storage;
use baton_smtp_fixture::{link_in, SmtpSink};
use std::time::{Duration, Instant};
use thirtyfour::By;

/// The link in the newest mail to `to`.
fn link_to(sink: &SmtpSink, to: &str) -> String {
    let mail = tokio::task::block_in_place(|| sink.wait_for(to, Duration::from_secs(20)));
    link_in(&mail.text).unwrap_or_else(|| panic!("no link in {}", mail.text))
}

async fn type_at(b: &Browser, css: &str, text: &str) {
    b.find_by(By::Css(css.to_owned())).await.send_keys(text).await.expect("type");
}

async fn click_at(b: &Browser, css: &str) {
    b.find_by(By::Css(css.to_owned())).await.click().await.expect("click");
}

/// Sets a password from a mailed (or printed) link; lands signed in.
async fn set_password(b: &Browser, link: &str, password: &str) {
    b.goto(link).await;
    b.type_into("set-password", password).await;
    b.click("set-password-submit").await;
    b.find("current-user").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_desk_is_set_up_from_nothing_and_its_first_ticket_reaches_its_agent() {
    let sink = SmtpSink::start();
    let stack = Stack::start_with_mail(&sink).await;
    let base = stack.base_url();
    let db = storage::open(stack.database_url()).await.expect("open the database");
    let new = NewTenant { slug: "acme", name: "Acme Support", owner_email: "owner@acme.test" };
    let created = accounts::create_tenant(&db, storage::now(), &new).await.expect("create the desk");
    db.close().await;
    let chromedriver = Chromedriver::start().await;

    // The owner.
    let owner = chromedriver.browser("en").await;
    set_password(&owner, &accounts::password_link(&base, &created.token), "acme owner password").await;

    // An agent, invited by mail, joins.
    owner.goto(&stack.url("/admin/agents")).await;
    owner.click("invite-open").await;
    owner.type_into("invite-email", "ann@acme.test").await;
    owner.type_into("invite-name", "Ann Agent").await;
    owner.click("invite-submit").await;
    owner.wait_text("admin-notice", |t| t.contains("ann@acme.test")).await;
    let ann = chromedriver.browser("en").await;
    set_password(&ann, &link_to(&sink, "ann@acme.test"), "ann's own password").await;
    ann.quit().await;

    // A group with her, least loaded.
    owner.goto(&stack.url("/admin/routing")).await;
    owner.click("group-new").await;
    owner.type_into("group-name", "Front desk").await;
    owner.select("group-mode", "least_loaded").await;
    owner.find("group-member").await.click().await.expect("tick Ann");
    owner.click("group-save").await;
    let group = owner.find("routing-group").await.attr("data-group-id").await.expect("attr").expect("group id");

    // A ticket type whose sub-type the group handles.
    owner.goto(&stack.url("/admin/types")).await;
    type_at(&owner, "[data-testid='type-form'] [data-testid='name-en']", "Orders").await;
    type_at(&owner, "[data-testid='type-form'] [data-testid='name-zh']", "订单").await;
    owner.click("type-form-add").await;
    let card = "[data-testid='catalog-type']";
    type_at(&owner, &format!("{card} [data-testid='subtype-form'] [data-testid='name-en']"), "Delivery").await;
    type_at(&owner, &format!("{card} [data-testid='subtype-form'] [data-testid='name-zh']"), "配送").await;
    click_at(&owner, &format!("{card} [data-testid='new-subtype-group'] option[value='{group}']")).await;
    click_at(&owner, &format!("{card} [data-testid='subtype-form-add']")).await;
    owner.find_by(By::Css(format!("{card} [data-testid='catalog-subtype']"))).await;

    // Sign-ups opened.
    owner.goto(&stack.url("/admin/settings")).await;
    owner.select("settings-signup", "open").await;
    owner.click("settings-save").await;
    owner.wait_text("admin-notice", |t| !t.is_empty()).await;
    owner.quit().await;

    // A customer finds the desk by its address, signs up, confirms and asks.
    let carl = chromedriver.browser("en").await;
    carl.goto(&stack.url("/t/acme/login")).await;
    let desk = carl.find("login-tenant").await.value().await.expect("value");
    assert_eq!(desk.as_deref(), Some("acme"), "the address names the desk");
    carl.assert_accessible("/t/acme/login").await;
    carl.click("login-signup").await;
    assert_eq!(carl.find("signup-tenant").await.value().await.expect("value").as_deref(), Some("acme"));
    carl.type_into("signup-name", "Carl Customer").await;
    carl.type_into("signup-email", "carl@example.test").await;
    carl.click("signup-submit").await;
    carl.find("signup-sent").await;
    set_password(&carl, &link_to(&sink, "carl@example.test"), "carl's own password").await;
    carl.click("nav-submit").await;
    carl.find("ticket-form").await;
    let option = |name: &str| format!("//option[normalize-space(.)='{name}']");
    let type_id = carl.find_by(By::XPath(option("Orders"))).await.attr("value").await.expect("attr").expect("value");
    carl.select("ticket-type", &type_id).await;
    let subtype_id = carl.find_by(By::XPath(option("Delivery"))).await.attr("value").await.expect("attr").expect("value");
    carl.select("ticket-subtype", &subtype_id).await;
    carl.type_into("ticket-title", "Where is my parcel?").await;
    carl.type_into("ticket-description", "Ordered a week ago.").await;
    carl.click("ticket-submit").await;
    carl.find_with("ticket-detail", "data-status", "new").await;
    let path = carl.driver.current_url().await.expect("url").path().to_owned();
    let id = path.rsplit('/').next().expect("ticket id").to_owned();
    carl.quit().await;

    // Routed to Ann, who signs in at the desk's address and finds it.
    let ann_api = ApiClient::login_with(&base, "ann@acme.test", "ann's own password").await;
    let (_, me) = ann_api.get("/api/v1/me").await;
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let (_, t) = ann_api.get(&format!("/api/v1/tickets/{id}")).await;
        if t["staff"]["assignee"]["id"] == me["id"] {
            break;
        }
        assert!(Instant::now() < deadline, "not routed to Ann: {t}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let ann = chromedriver.browser("en").await;
    ann.goto(&stack.url("/t/acme/login")).await;
    ann.type_into("login-email", "ann@acme.test").await;
    ann.type_into("login-password", "ann's own password").await;
    ann.click("login-submit").await;
    ann.find_by(By::Css(format!("[data-testid='ticket-row'][data-ticket-id='{id}']"))).await;
    ann.quit().await;
}
