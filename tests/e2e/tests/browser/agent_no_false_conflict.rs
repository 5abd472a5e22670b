//! Issue 19, point 1: no false "Someone else changed this ticket". An agent changes a property,
//! then a reply comes in before the save — the agent's own, or the customer's (which moves the
//! ticket from pending to open, a new version) — and someone else edits another property: the
//! save goes through without the conflict panel, and keeps the other edit. A real conflict shows
//! the panel in place of the form, naming only the property both changed.

use baton_e2e::browser::tid;
use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use thirtyfour::By;

async fn ticket(api: &ApiClient, id: &str) -> Value {
    let (status, t) = api.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(status, 200, "{t}");
    t
}

/// Waits until `check` holds for the ticket as the server has it.
async fn wait_stored(api: &ApiClient, id: &str, what: &str, check: impl Fn(&Value) -> bool) {
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let t = ticket(api, id).await;
        if check(&t) {
            return;
        }
        assert!(Instant::now() < deadline, "{what} never happened: {t}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn message_with(text: &str) -> By {
    By::XPath(format!("//*[@data-testid='message-body'][contains(normalize-space(.), '{text}')]"))
}

async fn agent_on(chromedriver: &Chromedriver, stack: &Stack, id: &str, status: &str) -> Browser {
    let b = chromedriver.browser("en").await;
    b.login(&stack.base_url(), "agent@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url(&format!("/agent/tickets/{id}"))).await;
    b.find_with("ticket-detail", "data-status", status).await;
    b.find_by(By::Css("[data-testid='ticket-priority'] option[value='urgent']")).await;
    b
}

/// Saves, waits until the server has what `stored` checks, and checks that no conflict panel
/// came in between (the panel only ever shows instead of a save).
async fn save_without_conflict(b: &Browser, api: &ApiClient, id: &str, stored: impl Fn(&Value) -> bool) {
    b.click("properties-save").await;
    wait_stored(api, id, "the save", stored).await;
    assert!(b.driver.find_all(tid("conflict-panel")).await.expect("query").is_empty(), "a false conflict");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_agents_own_reply_between_edit_and_save_is_no_conflict() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let id = alice.create_ticket("Reply before saving").await;
    assert_eq!(agent_api.act(&id, "open").await.0, 200);
    let chromedriver = Chromedriver::start().await;
    let b = agent_on(&chromedriver, &stack, &id, "open").await;

    b.select("ticket-priority", "high").await;
    b.type_into("reply-body", "We are looking into it.").await;
    b.click("reply-send").await;
    b.find_by(message_with("We are looking into it.")).await;
    // The customer answers too (open stays open).
    alice.say(&id, "public", "Thanks, waiting.").await;
    b.find_by(message_with("Thanks, waiting.")).await;
    // The "reply sent" toast covers the save button until it goes.
    b.gone("toast").await;
    save_without_conflict(&b, &agent_api, &id, |t| t["priority"] == "high").await;
    // The thread words the change for the agent.
    b.find_by(message_with("Priority: Normal → High")).await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_reply_that_reopens_and_anothers_edit_elsewhere_are_no_conflict() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let admin_api = ApiClient::login(&base, "admin@baton.test").await;
    let id = alice.create_ticket("Waiting on the customer").await;
    assert_eq!(agent_api.act(&id, "open").await.0, 200);
    assert_eq!(agent_api.act(&id, "set_pending").await.0, 200);
    let chromedriver = Chromedriver::start().await;
    let b = agent_on(&chromedriver, &stack, &id, "pending").await;

    b.select("ticket-priority", "urgent").await;
    // Meanwhile: the customer's reply moves pending → open (a new version), and the admin tags
    // the ticket (another property). Neither touches the priority.
    alice.say(&id, "public", "Here is the screenshot.").await;
    b.find_with("ticket-detail", "data-status", "open").await;
    let (status, body) = admin_api.patch_ticket(&id, json!({"tags": ["billing"]})).await;
    assert_eq!(status, 200, "{body}");

    save_without_conflict(&b, &agent_api, &id, |t| t["priority"] == "urgent").await;
    let t = ticket(&agent_api, &id).await;
    assert_eq!(t["staff"]["tags"], json!(["billing"]), "the admin's tags were overwritten: {t}");
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    while b.find("ticket-tags").await.value().await.expect("value").as_deref() != Some("billing") {
        assert!(Instant::now() < deadline, "the form never showed the admin's tags");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_conflict_takes_the_forms_place_and_names_only_what_both_changed() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let admin_api = ApiClient::login(&base, "admin@baton.test").await;
    let id = alice.create_ticket("Two agents, one priority").await;
    assert_eq!(agent_api.act(&id, "open").await.0, 200);
    let chromedriver = Chromedriver::start().await;
    let b = agent_on(&chromedriver, &stack, &id, "open").await;

    b.select("ticket-priority", "low").await;
    b.type_into("ticket-tags", "mine").await;
    let (status, body) = admin_api.patch_ticket(&id, json!({"priority": "high", "assignee_id": null, "cc": []})).await;
    assert_eq!(status, 200, "{body}");
    b.click("properties-save").await;
    b.find("conflict-panel").await;
    b.hidden("properties-save").await;
    let rows = b.driver.find_all(tid("conflict-theirs")).await.expect("rows");
    assert_eq!(rows.len(), 1, "only the priority conflicts");
    b.find_with("conflict-theirs", "data-field", "priority").await;
    b.wait_text("conflict-theirs", |t| t == "High").await;
    b.wait_text("conflict-mine", |t| t == "Low").await;
    b.assert_accessible("conflict panel in place of the form").await;
    // Keeping theirs keeps their priority and my tags, unsaved, in the form.
    b.click("conflict-keep").await;
    b.gone("conflict-panel").await;
    b.find("properties-save").await;
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    while b.find("ticket-priority").await.value().await.expect("value").as_deref() != Some("high") {
        assert!(Instant::now() < deadline, "the form never showed their priority");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(b.find("ticket-tags").await.value().await.expect("value").as_deref(), Some("mine"));
    save_without_conflict(&b, &agent_api, &id, |t| t["staff"]["tags"] == json!(["mine"]) && t["priority"] == "high").await;
    b.quit().await;
}
