//! Issue 19, point 2: internal triage is not the customer's business. After every kind of staff
//! change (priority, group, assignee, CC, tags, type, a custom field, trash and restore, suspend
//! and unsuspend, a bulk edit), alice's open ticket page shows none of them — no system entry, in
//! no language — while her status changes still arrive live; the agent reads each change as a
//! sentence in their own language (zh-CN here).

use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::{json, Value};
use std::time::Duration;
use thirtyfour::By;

fn system_entries() -> By {
    By::Css("[data-testid='message'][data-kind='system']")
}

async fn texts(b: &Browser, by: By) -> Vec<String> {
    let mut out = Vec::new();
    for e in b.driver.find_all(by).await.expect("query") {
        out.push(e.text().await.expect("text"));
    }
    out
}

/// Every kind of staff change on ticket `id`, through the API as the workspace makes them.
async fn every_staff_change(agent: &ApiClient, id: &str) {
    let (_, groups) = agent.get("/api/v1/groups").await;
    let (_, agents) = agent.get("/api/v1/agents").await;
    let id_of = |list: &Value, key: &str, value: &str| {
        list.as_array().into_iter().flatten().find(|x| x[key] == value).map(|x| x["id"].clone()).expect("in the directory")
    };
    let (billing, invoice) = agent.ticket_type("Billing", "Invoice").await;
    let edits = [
        json!({"priority": "urgent"}),
        json!({"group_id": id_of(&groups, "name", "Support"), "assignee_id": id_of(&agents, "email", "agent@baton.test")}),
        json!({"cc": [id_of(&agents, "email", "agent2@baton.test")], "tags": ["vip", "escalated"]}),
        json!({"type_id": billing.parse::<i64>().expect("id"), "subtype_id": invoice.parse::<i64>().expect("id")}),
        json!({"fields": {"invoice_title": "Acme Trading Ltd"}}),
    ];
    for edit in edits {
        let (status, body) = agent.patch_ticket(id, edit.clone()).await;
        assert_eq!(status, 200, "{edit}: {body}");
    }
    for flag in ["trash", "suspend"] {
        let (status, body) = agent.post(&format!("/api/v1/tickets/{id}/{flag}"), json!(null)).await;
        assert_eq!(status, 200, "{flag}: {body}");
        assert_eq!(agent.delete(&format!("/api/v1/tickets/{id}/{flag}")).await, 200, "un{flag}");
    }
    let (status, body) = agent.post("/api/v1/tickets/bulk", json!({"ids": [id.parse::<i64>().expect("id")], "op": {"kind": "priority", "priority": "high"}})).await;
    assert_eq!((status, body["results"][0]["ok"].clone()), (reqwest::StatusCode::OK, json!(true)), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_customer_page_shows_no_staff_change_and_the_agent_reads_each() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice_api = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let id = alice_api.create_ticket("Invoice title wrong").await;
    assert_eq!(agent_api.act(&id, "open").await.0, 200);

    let chromedriver = Chromedriver::start().await;
    let alice = chromedriver.browser("zh-CN").await;
    alice.login(&base, "alice@customer.test", DEMO_PASSWORD).await;
    alice.goto(&stack.url(&format!("/tickets/{id}"))).await;
    alice.find_with("ticket-detail", "data-status", "open").await;
    alice.find_by(system_entries()).await;
    let before = texts(&alice, system_entries()).await;

    every_staff_change(&agent_api, &id).await;
    // Then a status change, which is hers: it arrives live, as the only new entry.
    assert_eq!(agent_api.act(&id, "complete").await.0, 200);
    alice.find_with("ticket-detail", "data-status", "solved").await;
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    while texts(&alice, system_entries()).await.len() != before.len() + 1 {
        assert!(std::time::Instant::now() < deadline, "the status entry never arrived");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // A reload shows the same: what the API gives her holds no staff change either.
    alice.goto(&stack.url(&format!("/tickets/{id}"))).await;
    alice.find_with("ticket-detail", "data-status", "solved").await;
    alice.find_by(system_entries()).await;
    let after = texts(&alice, system_entries()).await;
    assert_eq!(after.len(), before.len() + 1, "{after:?}");
    assert!(after.iter().all(|t| t.contains("状态")), "only status changes: {after:?}");
    // (The ticket's current type and custom field values are hers to read, as on any ticket page;
    // the record of who changed what is not.)
    let source = alice.driver.source().await.expect("source");
    for word in ["urgent", "紧急", "escalated", "vip", "Li Lei", "回收站", "隔离", "Support", "priority", "优先级", "→ 账单"] {
        assert!(!source.contains(word), "alice's page shows {word:?}");
    }
    assert!(alice_api.messages(&id).await.iter().all(|m| m.get("change").is_none()));
    alice.assert_accessible("customer ticket page after staff changes").await;

    // The agent reads every change, worded in zh-CN.
    let agent = chromedriver.browser("zh-CN").await;
    agent.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    agent.goto(&stack.url(&format!("/agent/tickets/{id}"))).await;
    agent.find_with("ticket-detail", "data-status", "solved").await;
    for text in ["优先级：普通 → 紧急", "标签：— → escalated, vip", "已移入回收站", "已从回收站恢复", "已隔离", "已解除隔离", "工单大类：技术问题 → 账单"] {
        agent.find_by(By::XPath(format!("//*[@data-testid='message-body'][contains(normalize-space(.), '{text}')]"))).await;
    }
    agent.assert_accessible("agent thread with property changes").await;
    alice.quit().await;
    agent.quit().await;
}
