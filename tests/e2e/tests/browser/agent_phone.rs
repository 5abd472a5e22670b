//! Registering a ticket for a caller (电话工单): the agent finds bob, or adds a new customer
//! inline, fills in the help center's own form, and the ticket exists with channel phone and
//! that customer as requester.

use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use thirtyfour::By;

/// Fills the form with the demo type "Technical issue / Site is down", submits it and returns the
/// new ticket's id from the agent's ticket page it opens.
async fn fill_and_submit(b: &Browser, api: &ApiClient, title: &str) -> String {
    let (type_id, subtype_id) = api.ticket_type("Technical issue", "Site is down").await;
    b.select("ticket-type", &type_id).await;
    b.select("ticket-subtype", &subtype_id).await;
    b.type_into("ticket-title", title).await;
    b.type_into("ticket-description", "Called at 10:05, the site shows error 502.").await;
    b.click("ticket-submit").await;
    let detail = b.find_with("ticket-channel", "data-channel", "phone").await;
    drop(detail);
    let page = b.find("ticket-detail").await;
    page.attr("data-ticket-id").await.expect("attr").expect("ticket id")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_agent_registers_a_call_from_bob() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let bob_api = ApiClient::login(&base, "bob@customer.test").await;
    let (_, me) = bob_api.get("/api/v1/me").await;

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/agent")).await;
    b.click("phone-ticket-link").await;
    b.find("customer-search").await;
    b.assert_accessible("phone registration: caller").await;
    b.type_into("customer-search", "bob").await;
    b.click("customer-search-submit").await;
    let pick = b.find_by(By::Css(format!("[data-testid='customer-pick'][data-customer-id='{}']", me["id"]))).await;
    pick.click().await.expect("pick bob");
    b.wait_text("phone-caller", |t| t.contains("Bob Li")).await;
    b.find("ticket-form").await;
    b.assert_accessible("phone registration: form").await;
    let id = fill_and_submit(&b, &agent_api, "Bob called: site down").await;
    b.wait_text("ticket-requester", |t| t.contains("Bob Li")).await;
    b.assert_accessible("phone ticket").await;

    let (status, ticket) = agent_api.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(status, 200, "{ticket}");
    assert_eq!(ticket["channel"], "phone", "{ticket}");
    assert_eq!(ticket["requester"]["id"], me["id"], "{ticket}");
    assert_eq!(ticket["title"], "Bob called: site down");
    // Bob finds it among his own tickets.
    let (status, his) = bob_api.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(status, 200, "{his}");
    assert_eq!(his["channel"], "phone");
    b.quit().await;

    // A customer who opens the page lands in the help center instead, and the API refuses them.
    let bob = chromedriver.browser("en").await;
    bob.login(&base, "bob@customer.test", DEMO_PASSWORD).await;
    bob.goto(&stack.url("/agent/tickets/new")).await;
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    while !bob.driver.current_url().await.expect("url").path().ends_with("/tickets") {
        assert!(std::time::Instant::now() < deadline, "bob stayed on the phone registration page");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(bob.driver.find_all(thirtyfour::By::Css("[data-testid='customer-search']")).await.expect("query").is_empty());
    let (status, refused) = bob_api.get("/api/v1/customers?q=alice").await;
    assert_eq!(status, 403, "{refused}");
    bob.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_caller_is_added_inline_and_a_known_email_is_refused() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("zh-CN").await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/agent/tickets/new")).await;
    // A known email: refused beside the form, nothing typed lost.
    b.type_into("customer-name", "Alice Again").await;
    b.type_into("customer-email", "alice@customer.test").await;
    b.click("customer-create").await;
    b.find("customer-exists").await;
    let name = b.find("customer-name").await.value().await.expect("value");
    assert_eq!(name.as_deref(), Some("Alice Again"));
    b.assert_accessible("phone registration: refused customer").await;

    b.type_into("customer-name", "Dan Caller").await;
    b.type_into("customer-email", "dan.caller@customer.test").await;
    b.type_into("customer-phone", "+86 138 0000 1234").await;
    b.click("customer-create").await;
    b.wait_text("phone-caller", |t| t.contains("Dan Caller")).await;
    let caller = b.find("phone-caller").await.attr("data-customer-id").await.expect("attr").expect("id");
    let id = fill_and_submit(&b, &agent_api, "Dan called about the outage").await;

    let (status, ticket) = agent_api.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(status, 200, "{ticket}");
    assert_eq!(ticket["channel"], "phone", "{ticket}");
    assert_eq!(ticket["requester"]["id"].to_string(), caller, "{ticket}");
    assert_eq!(ticket["requester"]["name"], "Dan Caller");
    let (status, found) = agent_api.get("/api/v1/customers?q=dan.caller").await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(found[0]["phone"], "+86 138 0000 1234", "{found}");
    b.quit().await;
}
