//! The customer's side of the lifecycle (DOMAIN.md) in the real help center: confirm, rate once,
//! close with a confirmation step, and live updates that never carry internal notes.

use baton_e2e::{browser::tid, ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use std::time::{Duration, Instant};

/// solved → confirm → rate (4 stars + comment) → rated; a second rating is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alice_confirms_and_rates_once() {
    let stack = Stack::start().await;
    let alice = ApiClient::login(&stack.base_url(), "alice@customer.test").await;
    let admin = ApiClient::login(&stack.base_url(), "admin@baton.test").await;
    let id = alice.create_ticket("Website down since this morning").await;
    let (status, body) = admin.act(&id, "complete").await;
    assert_eq!(status, 200, "{body}");

    let (_chromedriver, b) = alice_on_ticket(&stack, &id, "solved").await;
    b.assert_accessible("solved ticket").await;
    b.click("action-confirm").await;
    b.find_with("ticket-detail", "data-status", "confirmed").await;
    b.click("rating-star-4").await;
    b.type_into("rating-comment", "Quick and friendly").await;
    b.assert_accessible("rating form").await;
    b.click("rating-submit").await;
    b.find_with("ticket-detail", "data-status", "rated").await;
    b.gone("rating-submit").await;

    let (status, ticket) = alice.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(ticket["rating"], 4, "{ticket}");
    let (status, refused) = alice
        .post(&format!("/api/v1/tickets/{id}/actions"), serde_json::json!({"action": "rate", "rating": 5}))
        .await;
    assert_eq!(status, 409, "{refused}");
    assert_eq!(refused["code"], "transition_refused");
    b.quit().await;
}

/// Close asks first; cancel keeps the ticket, confirm closes it and the reply box goes away.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alice_closes_after_confirming() {
    let stack = Stack::start().await;
    let alice = ApiClient::login(&stack.base_url(), "alice@customer.test").await;
    let id = alice.create_ticket("Never mind, it works again").await;

    let (_chromedriver, b) = alice_on_ticket(&stack, &id, "new").await;
    b.click("action-close").await;
    b.click("action-close-cancel").await;
    b.hidden("action-close-confirm").await;
    b.find_with("ticket-detail", "data-status", "new").await;

    b.click("action-close").await;
    b.assert_accessible("close confirmation").await;
    b.click("action-close-confirm").await;
    b.find_with("ticket-detail", "data-status", "closed").await;
    b.gone("reply-body").await;
    let (_, ticket) = alice.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(ticket["status"], "closed");
    b.quit().await;
}

/// An agent's public reply appears on alice's open page without a reload (within 2 s of being
/// posted); the internal note posted just before it never reaches her page or her API.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agent_reply_arrives_live_and_internal_notes_never_do() {
    let stack = Stack::start().await;
    let alice = ApiClient::login(&stack.base_url(), "alice@customer.test").await;
    let agent = ApiClient::login(&stack.base_url(), "agent@baton.test").await;
    let id = alice.create_ticket("Shop is offline").await;

    let (_chromedriver, b) = alice_on_ticket(&stack, &id, "new").await;
    // A marker a reload would wipe out.
    b.driver.execute("window.__batonMarker = 42;", Vec::new()).await.expect("marker");

    agent.say(&id, "internal", "INTERNAL: customer is on the legacy plan").await;
    agent.say(&id, "public", "We are restarting your shop now.").await;
    let posted = Instant::now();
    let reply = thirtyfour::By::XPath(
        "//*[@data-testid='message-body'][contains(normalize-space(.), 'We are restarting your shop now.')]"
            .to_owned(),
    );
    b.find_by(reply).await;
    let took = posted.elapsed();
    assert!(took < Duration::from_secs(2), "the reply took {took:?} to appear");

    let marker = b.driver.execute("return window.__batonMarker;", Vec::new()).await.expect("marker");
    assert_eq!(marker.json(), &serde_json::json!(42), "the page was reloaded");
    assert!(b.driver.find_all(thirtyfour::By::Css("[data-testid='message'][data-kind='internal']")).await.expect("query").is_empty());
    let html = b.driver.source().await.expect("source");
    assert!(!html.contains("legacy plan"), "the internal note reached the page");
    for m in alice.messages(&id).await {
        assert_ne!(m["kind"], "internal", "{m}");
    }
    b.quit().await;
}

/// Bob (same customer group, Acme, which shares tickets) sees alice's ticket marked with her
/// name; he may reply but not act on it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bob_sees_the_groups_ticket_with_its_requester() {
    let stack = Stack::start().await;
    let alice = ApiClient::login(&stack.base_url(), "alice@customer.test").await;
    let id = alice.create_ticket("Office printer offline").await;

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&stack.base_url(), "bob@customer.test", DEMO_PASSWORD).await;
    b.click("nav-my-tickets").await;
    b.find_by(thirtyfour::By::Css(format!("[data-testid='ticket-row'][data-ticket-id='{id}']"))).await.click().await.expect("open");
    b.find_with("ticket-detail", "data-ticket-id", &id).await;
    b.wait_text("ticket-requester", |t| t.contains("Alice")).await;
    b.find("reply-body").await;
    assert!(b.driver.find_all(tid("action-close")).await.expect("query").is_empty());
    b.assert_accessible("a group member's ticket").await;
    b.quit().await;
}

/// 继续留言: on a solved ticket alice writes again and it goes back to the agents (open), with a
/// system entry for the change; an event the state machine does not allow from there is refused
/// with its reason.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn continue_messaging_reopens_and_stale_actions_are_refused() {
    let stack = Stack::start().await;
    let alice = ApiClient::login(&stack.base_url(), "alice@customer.test").await;
    let admin = ApiClient::login(&stack.base_url(), "admin@baton.test").await;
    let id = alice.create_ticket("Still cannot log in").await;
    let (status, body) = admin.act(&id, "complete").await;
    assert_eq!(status, 200, "{body}");

    let (_chromedriver, b) = alice_on_ticket(&stack, &id, "solved").await;
    b.type_into("reply-body", "It happened again this morning.").await;
    b.click("reply-send").await;
    b.find_with("ticket-detail", "data-status", "open").await;
    let thread = alice.messages(&id).await;
    assert!(
        thread.iter().any(|m| m["kind"] == "system"
            && m["status_change"]["from"] == "solved"
            && m["status_change"]["to"] == "open"),
        "no system entry for solved → open: {thread:?}"
    );

    // A refused event through the API: confirm is only for solved tickets.
    let (status, refused) = alice.act(&id, "confirm").await;
    assert_eq!(status, 409, "{refused}");
    assert_eq!(refused["code"], "transition_refused");
    assert_eq!(refused["reason"], "not_from_state");
    b.quit().await;
}

/// Alice signed in, on ticket `id`'s page once it shows `status`. The driver comes back too: it
/// stops when dropped, so the test keeps it for as long as it uses the browser.
async fn alice_on_ticket(stack: &Stack, id: &str, status: &str) -> (Chromedriver, Browser) {
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&stack.base_url(), "alice@customer.test", DEMO_PASSWORD).await;
    b.goto(&stack.url(&format!("/tickets/{id}"))).await;
    b.find_with("ticket-detail", "data-status", status).await;
    (chromedriver, b)
}
