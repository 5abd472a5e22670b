//! Groups and routing set up in Chromium (issue 13): the admin makes a round-robin group of two
//! agents (one its manager) and a rule sending "Technical issue" tickets to it, moved to the top
//! of the rules, on `/admin/routing` (axe-clean with each form open); new tickets are then handed
//! out in turn. An agent who sets themselves away on `/agent/settings` gets no more of them.

use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::Value;
use std::time::{Duration, Instant};
use thirtyfour::By;

async fn click_at(b: &Browser, by: By) {
    b.find_by(by).await.click().await.expect("click");
}

/// The id of staff member `email`.
async fn staff_id(admin: &ApiClient, email: &str) -> i64 {
    let (_, agents) = admin.get("/api/v1/admin/agents").await;
    agents.as_array().into_iter().flatten().find(|a| a["email"] == email).and_then(|a| a["id"].as_i64()).unwrap_or_else(|| panic!("no {email}: {agents}"))
}

/// Waits until `check` holds of `GET path` as `client`.
async fn until(client: &ApiClient, path: &str, check: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let (_, body) = client.get(path).await;
        if check(&body) {
            return body;
        }
        assert!(Instant::now() < deadline, "{path}: {body}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Who tickets `ids` are assigned to.
async fn assignees(admin: &ApiClient, ids: &[String]) -> Vec<Option<i64>> {
    let mut who = Vec::new();
    for id in ids {
        let (_, t) = admin.get(&format!("/api/v1/tickets/{id}")).await;
        who.push(t["staff"]["assignee"]["id"].as_i64());
    }
    who
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_sets_up_a_round_robin_group_and_a_rule_and_away_agents_are_skipped() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let admin = ApiClient::login(&base, "admin@baton.test").await;
    let (agent, agent2) = (staff_id(&admin, "agent@baton.test").await, staff_id(&admin, "agent2@baton.test").await);

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "admin@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/admin/routing")).await;
    b.find("routing-groups").await;
    b.assert_accessible("/admin/routing").await;

    // The group: round robin, two members, the second its manager (ticking a manager ticks the member).
    b.click("group-new").await;
    b.type_into("group-name", "Night shift").await;
    b.select("group-mode", "round_robin").await;
    click_at(&b, By::Css(format!("[data-testid='group-person'][data-user-id='{agent}'] [data-testid='group-member']"))).await;
    click_at(&b, By::Css(format!("[data-testid='group-person'][data-user-id='{agent2}'] [data-testid='group-manager']"))).await;
    b.assert_accessible("/admin/routing with the group form").await;
    b.click("group-save").await;
    let groups = until(&admin, "/api/v1/admin/groups", |g| g.as_array().into_iter().flatten().any(|g| g["name"] == "Night shift")).await;
    let group = groups.as_array().into_iter().flatten().find(|g| g["name"] == "Night shift").expect("group").clone();
    assert_eq!(group["mode"], "round_robin");
    let ids = |list: &Value| list.as_array().into_iter().flatten().filter_map(|p| p["id"].as_i64()).collect::<Vec<_>>();
    let mut members = ids(&group["members"]);
    members.sort_unstable();
    assert_eq!((members, ids(&group["managers"])), ({ let mut m = vec![agent, agent2]; m.sort_unstable(); m }, vec![agent2]));
    let group_id = group["id"].to_string();
    b.find_by(By::Css(format!("[data-testid='routing-group'][data-group-id='{group_id}']"))).await;

    // The rule: "Technical issue" tickets to the group, whoever its assignment picks.
    let (type_id, _) = admin.ticket_type("Technical issue", "Site is down").await;
    let (_, before) = admin.get("/api/v1/admin/routing/rules").await;
    b.click("rule-new").await;
    b.type_into("rule-name", "Technical to the night shift").await;
    b.select("rule-group", &group_id).await;
    click_at(&b, By::XPath("//label[normalize-space(.)='Technical issue']/input[@data-testid='rule-type']".to_owned())).await;
    b.assert_accessible("/admin/routing with the rule form").await;
    b.click("rule-save").await;
    let rules = until(&admin, "/api/v1/admin/routing/rules", |r| r.as_array().map(Vec::len) == before.as_array().map(|b| b.len() + 1)).await;
    let rule = rules.as_array().into_iter().flatten().find(|r| r["name"] == "Technical to the night shift").expect("rule").clone();
    assert_eq!(rule["conditions"]["type_ids"], serde_json::json!([type_id.parse::<i64>().expect("id")]));
    let rule_id = rule["id"].to_string();
    // Moved to the top (first match wins), with its arrow.
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    while admin.get("/api/v1/admin/routing/rules").await.1[0]["id"] != rule["id"] {
        assert!(Instant::now() < deadline, "the rule never reached the top");
        click_at(&b, By::Css(format!("[data-testid='routing-rule'][data-rule-id='{rule_id}'] [data-testid='rule-up']"))).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    b.quit().await;

    // New tickets go to the two in turn.
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let first = [alice.create_ticket("Night one").await, alice.create_ticket("Night two").await];
    let who = assignees(&admin, &first).await;
    let mut sorted = who.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, { let mut m = vec![Some(agent), Some(agent2)]; m.sort_unstable(); m }, "one each, in turn");

    // The agent goes away on their settings page; routing skips them from then on.
    let a = chromedriver.browser("en").await;
    a.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    a.goto(&stack.url("/agent/settings")).await;
    a.find("availability-settings").await;
    a.assert_accessible("/agent/settings with availability").await;
    click_at(&a, By::Css("[data-testid='availability'][value='away']".to_owned())).await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    until(&agent_api, "/api/v1/me", |me| me["available"] == false).await;
    a.quit().await;
    let later = [alice.create_ticket("Night three").await, alice.create_ticket("Night four").await];
    assert_eq!(assignees(&admin, &later).await, vec![Some(agent2), Some(agent2)], "the away agent gets none");
}
