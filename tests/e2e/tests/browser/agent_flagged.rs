//! Issue 19, point 4: flagged tickets in the agent's page. A `new` ticket in the spam queue opens
//! without posting `open` (no 409, no error toast, it stays `new`) and offers unsuspend, no status
//! action and notes only; a trashed one offers restore instead of Complete.

use baton_e2e::browser::tid;
use baton_e2e::{ApiClient, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::json;
use std::time::Duration;
use thirtyfour::By;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flagged_tickets_offer_their_flag_not_the_lifecycle() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let spam = alice.create_ticket("Cheap watches").await;
    let (status, body) = agent_api.post(&format!("/api/v1/tickets/{spam}/suspend"), json!(null)).await;
    assert_eq!(status, 200, "{body}");
    let trashed = alice.create_ticket("Duplicate of yesterday's").await;
    assert_eq!(agent_api.act(&trashed, "open").await.0, 200);
    let (status, body) = agent_api.post(&format!("/api/v1/tickets/{trashed}/trash"), json!(null)).await;
    assert_eq!(status, 200, "{body}");

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url(&format!("/agent/tickets/{spam}"))).await;
    b.find_with("ticket-detail", "data-status", "new").await;
    b.find("action-unsuspend").await;
    // Give a wrongly posted `open` the time to come back as an error.
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(b.driver.find_all(By::Css("[data-testid='toast'][data-kind='error']")).await.expect("query").is_empty());
    assert!(b.driver.find_all(tid("action-complete")).await.expect("query").is_empty());
    assert!(b.driver.find_all(tid("action-suspend")).await.expect("query").is_empty());
    let public = b.find("reply-mode-public").await;
    assert!(public.attr("disabled").await.expect("attr").is_some(), "notes only while suspended");
    let (_, t) = agent_api.get(&format!("/api/v1/tickets/{spam}")).await;
    assert_eq!(t["status"], "new", "opening it posted open: {t}");
    b.assert_accessible("suspended ticket").await;

    b.goto(&stack.url(&format!("/agent/tickets/{trashed}"))).await;
    b.find_with("ticket-detail", "data-status", "open").await;
    b.find("action-restore").await;
    assert!(b.driver.find_all(tid("action-complete")).await.expect("query").is_empty());
    // Restored, the lifecycle is back.
    b.click("action-restore").await;
    b.find("action-complete").await;
    b.find("action-trash").await;
    b.quit().await;
}
