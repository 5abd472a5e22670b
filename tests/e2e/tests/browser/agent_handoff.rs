//! Issue 19, point 5: handing a ticket to a group one cannot see. The save goes through, the page
//! goes back to the list, which says "handed to Billing" and offers an undo; the undo brings the
//! ticket back (and its page), as long as nobody changed it since.

use baton_e2e::{ApiClient, Chromedriver, Stack, DEMO_PASSWORD};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hand_off_goes_back_to_the_list_and_can_be_undone() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let id = alice.create_ticket("Refund for order 1042").await;
    assert_eq!(agent_api.act(&id, "open").await.0, 200);
    let (_, groups) = agent_api.get("/api/v1/groups").await;
    let billing = groups.as_array().into_iter().flatten().find(|g| g["name"] == "Billing").map(|g| g["id"].to_string()).expect("Billing");

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url(&format!("/agent/tickets/{id}"))).await;
    b.find_with("ticket-detail", "data-status", "open").await;
    b.select("ticket-group", &billing).await;
    b.click("properties-save").await;

    // Back on the list: what happened, and the undo. No "not found" page on the way.
    b.find_with("handoff-notice", "data-ticket-id", &id).await;
    b.wait_text("handoff-notice", |t| t.contains("Billing")).await;
    assert!(b.driver.find_all(baton_e2e::browser::tid("load-error")).await.expect("query").is_empty());
    let (status, _) = agent_api.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(status, 404, "the agent no longer sees it");
    b.assert_accessible("hand-off notice").await;

    b.click("handoff-undo").await;
    b.find_with("ticket-detail", "data-ticket-id", &id).await;
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let (status, t) = agent_api.get(&format!("/api/v1/tickets/{id}")).await;
        if status == 200 && t["staff"]["group"].is_null() {
            break;
        }
        assert!(Instant::now() < deadline, "the undo never arrived: {t}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    b.quit().await;
}
