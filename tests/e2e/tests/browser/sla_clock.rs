//! The clock of SLA and of the lifecycle in the real console and help center (issue 13): a due
//! time shown to the agent and promised to the customer, paused while the ticket is pending,
//! breached once the server's clock has moved past it; a solved ticket closing by itself three
//! days later. The tests move the server's clock (its scheduled jobs read it) instead of waiting.

use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::json;
use std::time::{Duration, Instant};
use thirtyfour::By;

const ALICE: &str = "alice@customer.test";

/// The agent's timer `kind` in state `state`, reloading the page until it is (the server's
/// scheduled jobs run a tick after the clock moved).
async fn timer(b: &Browser, url: &str, kind: &str, state: &str) {
    let css = format!("[data-testid='sla-timer'][data-kind='{kind}'][data-state='{state}']");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        b.goto(url).await;
        b.find("sla-panel").await;
        if !b.driver.find_all(By::Css(css.clone())).await.expect("query").is_empty() {
            return;
        }
        assert!(Instant::now() < deadline, "no {kind} timer {state}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_sla_due_is_shown_paused_while_pending_and_breached_after_the_clock_moves() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let admin = ApiClient::login(&base, "admin@baton.test").await;
    let policy = json!({"name": "Everyone", "targets": [{"priority": "normal", "first_reply": 60, "resolution": 240}]});
    let (status, body) = admin.post("/api/v1/admin/sla/policies", policy).await;
    assert_eq!(status, 201, "{body}");
    let alice = ApiClient::login(&base, ALICE).await;
    let id = alice.create_ticket("Invoices stuck in the outbox").await;
    let (agent_url, customer_url) = (stack.url(&format!("/agent/tickets/{id}")), stack.url(&format!("/tickets/{id}")));

    let chromedriver = Chromedriver::start().await;
    // The customer is promised a reply, a time in her page.
    let customer = chromedriver.browser("en").await;
    customer.login(&base, ALICE, DEMO_PASSWORD).await;
    customer.goto(&customer_url).await;
    let promised = customer.find("ticket-reply-by").await;
    assert!(promised.find(By::Css("time[datetime]")).await.is_ok(), "a <time datetime> in the promise");
    // The agent sees both timers running, the policy named.
    let agent = chromedriver.browser("zh-CN").await;
    agent.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    timer(&agent, &agent_url, "first_reply", "due").await;
    timer(&agent, &agent_url, "resolution", "due").await;
    agent.wait_text("sla-policy", |t| t.contains("Everyone")).await;
    agent.assert_accessible("the ticket's SLA panel").await;

    // Answered, then waiting on the customer: the first reply met, resolution paused — also
    // after six hours, far past its four.
    admin.say(&id, "public", "Could you send us the invoice number?").await;
    let (status, body) = admin.act(&id, "set_pending").await;
    assert_eq!(status, 200, "{body}");
    timer(&agent, &agent_url, "first_reply", "met").await;
    timer(&agent, &agent_url, "resolution", "paused").await;
    stack.clock().advance(time::Duration::hours(6));
    timer(&agent, &agent_url, "resolution", "paused").await;
    customer.goto(&customer_url).await;
    customer.find_by(By::Css("[data-testid='ticket-detail'][data-status='pending']")).await;
    customer.gone("ticket-reply-by").await;

    // The customer answers, the ticket is open again: the pause was added to the due time, so
    // it is not breached yet…
    alice.say(&id, "public", "It is INV-2041.").await;
    timer(&agent, &agent_url, "resolution", "due").await;
    let (_, ticket) = admin.get(&format!("/api/v1/tickets/{id}")).await;
    let timers = ticket["staff"]["sla"]["timers"].as_array().cloned().unwrap_or_default();
    let resolution = timers.iter().find(|t| t["kind"] == "resolution").cloned().unwrap_or_default();
    assert_eq!(resolution["breached"], false, "{ticket}");
    let at = |v: &serde_json::Value| time::OffsetDateTime::parse(v.as_str().unwrap_or(""), &time::format_description::well_known::Rfc3339).expect("a time");
    let moved = at(&resolution["due_at"]) - at(&ticket["created_at"]);
    assert!(moved >= time::Duration::hours(10), "four hours plus the six pending: {moved}");
    // …until the clock passes it: the SLA job records the breach and the page says so.
    stack.clock().advance(time::Duration::hours(5));
    timer(&agent, &agent_url, "resolution", "breached").await;
    agent.assert_accessible("a breached SLA timer").await;
    agent.quit().await;
    customer.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_solved_ticket_closes_by_itself_three_days_later() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, ALICE).await;
    let admin = ApiClient::login(&base, "admin@baton.test").await;
    let id = alice.create_ticket("Password reset link expired").await;
    let (status, body) = admin.act(&id, "complete").await;
    assert_eq!(status, 200, "{body}");

    let chromedriver = Chromedriver::start().await;
    let customer = chromedriver.browser("zh-CN").await;
    customer.login(&base, ALICE, DEMO_PASSWORD).await;
    let url = stack.url(&format!("/tickets/{id}"));
    customer.goto(&url).await;
    customer.find_by(By::Css("[data-testid='ticket-detail'][data-status='solved']")).await;
    customer.find("action-confirm").await;

    // Two days: still waiting for her.
    stack.clock().advance(time::Duration::days(2));
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (_, ticket) = alice.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(ticket["status"], "solved", "{ticket}");
    // Three days and a bit after it was solved: closed by the desk (the page follows live).
    stack.clock().advance(time::Duration::days(1) + time::Duration::minutes(10));
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (_, ticket) = alice.get(&format!("/api/v1/tickets/{id}")).await;
        if ticket["status"] == "closed" {
            break;
        }
        assert!(Instant::now() < deadline, "not closed: {ticket}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    customer.find_by(By::Css("[data-testid='ticket-detail'][data-status='closed']")).await;
    customer.gone("reply-body").await;
    customer.gone("action-confirm").await;
    customer.assert_accessible("a ticket closed by the desk").await;
    customer.quit().await;
}
