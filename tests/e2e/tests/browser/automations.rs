//! Automations in Chromium (issue 13): the admin makes an event rule on `/admin/automations`
//! (axe-clean, with the form open) — tickets of a type become urgent and get an internal note —
//! a customer submits such a ticket, and the agent sees it urgent with the "by rule" entry and
//! the note in its thread; the customer sees neither.

use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use thirtyfour::By;

const RULE: &str = "E2E outages are urgent";
const NOTE: &str = "Check the status page first";

/// Waits until some element `css` finds has text `check` accepts; that text.
async fn wait_any(b: &Browser, css: &str, check: impl Fn(&str) -> bool) -> String {
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    loop {
        for e in b.driver.find_all(By::Css(css.to_owned())).await.unwrap_or_default() {
            if let Ok(text) = e.text().await {
                if check(&text) {
                    return text;
                }
            }
        }
        assert!(std::time::Instant::now() < deadline, "nothing at {css} as expected");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_makes_a_rule_and_the_agent_sees_what_it_did() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let chromedriver = Chromedriver::start().await;
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let (type_id, subtype_id) = alice.ticket_type("Technical issue", "Site is down").await;

    let b = chromedriver.browser("en").await;
    b.login(&base, "admin@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/admin/automations")).await;
    b.find("automations-list").await;
    b.click("automation-new").await;
    b.type_into("automation-name", RULE).await;
    b.select("automation-trigger", "created").await;
    // If the type is "Technical issue" …
    b.click("automation-condition-add").await;
    b.select("condition-field", "type").await;
    b.select("condition-value", &type_id).await;
    // … then urgent, and a note.
    b.select("automation-action-value", "urgent").await;
    b.click("automation-action-add").await;
    let note = "[data-testid='automation-action-row']:nth-child(2) [data-testid='automation-action-value']";
    b.find_by(By::Css(note.to_owned())).await.send_keys(NOTE).await.expect("type the note");
    b.assert_accessible("/admin/automations with the rule form").await;
    b.click("automation-save").await;
    b.gone("automation-form").await;
    wait_any(&b, "[data-testid='automation-row']", |t| t.contains(RULE)).await;
    b.assert_accessible("/admin/automations").await;
    b.quit().await;

    // The customer submits a ticket of that type.
    let (status, ticket) = alice
        .post("/api/v1/tickets", serde_json::json!({"title": "The site is down", "description": "Since 9:00.", "type_id": type_id.parse::<i64>().ok(), "subtype_id": subtype_id.parse::<i64>().ok()}))
        .await;
    assert!(status.is_success(), "{ticket}");
    let id = ticket["id"].to_string();

    // The agent sees it urgent, with the rule's entry and note.
    let a = chromedriver.browser("en").await;
    a.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    a.goto(&stack.url(&format!("/agent/tickets/{id}"))).await;
    let priority = a.find("ticket-priority").await;
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    while priority.value().await.ok().flatten().as_deref() != Some("urgent") {
        assert!(std::time::Instant::now() < deadline, "the ticket is not urgent");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    wait_any(&a, "[data-testid='message'][data-kind='system']", |t| t.contains(&format!("By rule “{RULE}”"))).await;
    wait_any(&a, "[data-testid='message'][data-kind='internal']", |t| t.contains(NOTE)).await;
    a.quit().await;

    // The customer's thread has neither (the agent opening it is a status change they see).
    let theirs = alice.messages(&id).await;
    assert!(theirs.iter().all(|m| m["kind"] != "internal" && m.get("change").is_none_or(|c| c.is_null())), "{theirs:?}");
    assert!(!theirs.iter().any(|m| m["body"].as_str().is_some_and(|b| b.contains(NOTE))), "{theirs:?}");
}
