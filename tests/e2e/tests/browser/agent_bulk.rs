//! Bulk actions in the workspace (issue 4): tick two rows, set their priority from the bulk bar —
//! both change on the server and the counts follow; a status action the tickets refuse is
//! reported per ticket, translated, and leaves them selected; assigning them to an agent.
//! Every page visited passes axe.


use crate::agent_lists_common::*;
use baton_e2e::{ApiClient, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::json;
use thirtyfour::By;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_selected_rows_get_a_new_priority_and_refusals_are_listed() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let one = alice.create_ticket("Bulk: printer offline").await;
    let two = alice.create_ticket("Bulk: scanner offline").await;
    let other = alice.create_ticket("Bulk: left alone").await;
    // A view whose count depends on the priority.
    let (status, view) = agent_api
        .post("/api/v1/views", json!({"name": "High ones", "visibility": "private",
            "conditions": [{"field": "priority", "op": "is", "value": "high"}]}))
        .await;
    assert_eq!(status, 201, "{view}");
    let high = view["id"].as_str().expect("id").to_owned();
    let high_before = api_view_ids(&agent_api, &high).await.len() as u64;

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("zh-CN").await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/agent?view=all")).await;
    wait_count(&b, &high, high_before).await;
    let tick = |id: String| {
        let b = &b;
        async move {
            b.find_by(By::Css(format!("[data-testid='ticket-row'][data-ticket-id='{id}'] [data-testid='row-select']")))
                .await
                .click()
                .await
                .expect("tick");
        }
    };
    tick(one.clone()).await;
    tick(two.clone()).await;
    b.wait_text("bulk-count", |t| t.contains('2')).await;
    b.assert_accessible("bulk bar (zh-CN)").await;

    b.select("bulk-priority", "high").await;
    b.click("bulk-priority-apply").await;
    wait_count(&b, &high, high_before + 2).await;
    for id in [&one, &two] {
        assert_eq!(ticket(&agent_api, id).await["priority"], "high", "ticket {id}");
        b.find_by(By::Css(format!("[data-testid='ticket-row'][data-ticket-id='{id}'] [data-priority='high']"))).await;
    }
    assert_eq!(ticket(&agent_api, &other).await["priority"], "normal", "an unticked ticket changed");

    // Reopen is refused for new tickets: each is listed with a translated reason, still ticked.
    b.select("bulk-action", "reopen").await;
    b.click("bulk-action-apply").await;
    b.find("bulk-failures").await;
    let failures = b.driver.find_all(By::Css("[data-testid='bulk-failure']")).await.expect("query");
    assert_eq!(failures.len(), 2);
    let text = b.text("bulk-failures").await.unwrap_or_default();
    assert!(!text.contains("transition_refused") && !text.contains("not_from_state"), "untranslated: {text}");
    b.wait_text("bulk-count", |t| t.contains('2')).await;
    assert_eq!(ticket(&agent_api, &one).await["status"], "new");
    b.assert_accessible("bulk failures (zh-CN)").await;

    // Assign both to the agent (group kept).
    let (_, me) = agent_api.get("/api/v1/me").await;
    let me_id = me["id"].to_string();
    b.select("bulk-assignee", &me_id).await;
    b.click("bulk-assign").await;
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    for id in [&one, &two] {
        while ticket(&agent_api, id).await["staff"]["assignee"]["id"] != me["id"] {
            assert!(std::time::Instant::now() < deadline, "ticket {id} never assigned to {me_id}");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
    assert!(ticket(&agent_api, &other).await["staff"]["assignee"].is_null(), "an unticked ticket was assigned");

    // Select all ticks every loaded row; clearing hides the bar.
    b.click("select-all").await;
    let rows = row_ids(&b).await.len();
    b.wait_text("bulk-count", |t| t.contains(&rows.to_string())).await;
    b.click("bulk-clear").await;
    b.gone("bulk-bar").await;
    b.quit().await;
}
