//! A custom role in Chromium on the real server (issue 12, "tests that must exist"): the admin
//! creates one on `/admin/roles` with bulk edits only and gives it to an agent on `/admin/agents`;
//! that agent then has no reveal button (and the API refuses the reveal, 403), no reports (no
//! link, the page refuses) and cannot invite (the page refuses, the API says 403). The role cannot
//! be deleted while held; given back the built-in role, it can.

use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::json;
use thirtyfour::components::SelectElement;
use thirtyfour::By;

const AGENT: &str = "agent@baton.test";

/// Chooses `value` in the role select of staff member `id` on `/admin/agents`.
async fn give_role(b: &Browser, id: i64, value: &str) {
    let css = format!("[data-testid='agent-row'][data-agent-id='{id}'] [data-testid='agent-role']");
    b.find_by(By::Css(format!("{css} option[value='{value}']"))).await;
    let select = b.find_by(By::Css(css.clone())).await;
    SelectElement::new(&select).await.expect("a <select>").select_by_value(value).await.expect("choose the role");
    b.find_by(By::Css(format!("{css}[data-role='{value}']"))).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_with_a_custom_role_gets_only_what_it_grants() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let admin_api = ApiClient::login(&base, "admin@baton.test").await;
    let (_, staff) = admin_api.get("/api/v1/admin/agents").await;
    let agent_id = staff.as_array().into_iter().flatten().find(|a| a["email"] == AGENT).and_then(|a| a["id"].as_i64()).expect("the agent");
    // A ticket with confidential info, in the agent's share.
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let ticket = alice.create_ticket("VPN login for the auditor").await;
    let status = alice.put(&format!("/api/v1/tickets/{ticket}/confidential"), json!({"value": "vpn / hunter2"})).await.0;
    assert_eq!(status, 204);

    let chromedriver = Chromedriver::start().await;
    let admin = chromedriver.browser("en").await;
    admin.login(&base, "admin@baton.test", DEMO_PASSWORD).await;
    admin.goto(&stack.url("/admin/roles")).await;
    admin.find_by(By::Css("[data-testid='role'][data-builtin='owner']")).await;
    admin.click("role-new").await;
    admin.type_into("role-name", "Junior").await;
    admin.find_by(By::Css("[data-testid='role-permission'][value='tickets.bulk']")).await.click().await.expect("tick bulk");
    admin.assert_accessible("the role editor").await;
    admin.click("role-save").await;
    admin.wait_text("admin-notice", |t| t.contains("Junior")).await;
    let (_, roles) = admin_api.get("/api/v1/admin/roles").await;
    let junior = roles.as_array().into_iter().flatten().find(|r| r["name"] == "Junior").cloned().expect("saved");
    assert_eq!(junior["permissions"], json!(["tickets.bulk"]));
    let role_id = junior["id"].as_i64().expect("an id");
    // Listed with what it grants (the demo's Auditor is there too).
    let row = format!("[data-testid='role'][data-role-id='{role_id}'] [data-testid='role-permissions']");
    admin.find_by(By::Css(row)).await;

    // Whoever holds the permission has the button (so its absence below means something).
    admin.goto(&stack.url(&format!("/agent/tickets/{ticket}"))).await;
    admin.find("confidential-reveal").await;
    admin.goto(&stack.url("/admin/agents")).await;
    give_role(&admin, agent_id, &format!("agent:{role_id}")).await;

    // The agent, signed in afresh, gets only what the role grants.
    let agent = chromedriver.browser("zh-CN").await;
    agent.login(&base, AGENT, DEMO_PASSWORD).await;
    agent.goto(&stack.url(&format!("/agent/tickets/{ticket}"))).await;
    agent.find("reveal-log").await;
    agent.gone("confidential-reveal").await;
    agent.gone("reports-nav").await;
    agent.goto(&stack.url("/agent/reports")).await;
    agent.find_by(By::Css("[data-testid='reports-refused'][data-code='forbidden']")).await;
    agent.goto(&stack.url("/admin/agents")).await;
    agent.find_by(By::Css("[data-testid='admin-refused'][data-code='forbidden']")).await;
    agent.assert_accessible("a refused admin page").await;
    let agent_api = ApiClient::login(&base, AGENT).await;
    let (status, body) = agent_api.post(&format!("/api/v1/tickets/{ticket}/confidential/reveal"), json!({})).await;
    assert_eq!(status, 403, "{body}");
    let (status, _) = agent_api.get("/api/v1/reports/summary").await;
    assert_eq!(status, 403);
    let (status, _) = agent_api.post("/api/v1/admin/agents", json!({"email": "new@baton.test", "name": "New", "role": "agent"})).await;
    assert_eq!(status, 403);

    // Held, the role stays; given back the built-in role, it goes.
    admin.goto(&stack.url("/admin/roles")).await;
    let ours = format!("[data-testid='role'][data-role-id='{role_id}']");
    admin.find_by(By::Css(format!("{ours} [data-testid='role-delete']"))).await.click().await.expect("delete");
    admin.click("role-confirm-yes").await;
    admin.wait_text("admin-notice", |t| t.contains("Junior") && t.contains("staff")).await;
    admin.find_by(By::Css(ours.clone())).await;
    // Given back the built-in role (through the API: the page's role select was walked above).
    let (status, body) = admin_api.put(&format!("/api/v1/admin/agents/{agent_id}/role"), json!({"role": "agent"})).await;
    assert_eq!(status, 200, "{body}");
    admin.goto(&stack.url("/admin/roles")).await;
    admin.find_by(By::Css(format!("{ours} [data-testid='role-delete']"))).await.click().await.expect("delete");
    admin.click("role-confirm-yes").await;
    admin.gone_by(By::Css(ours)).await;
    agent.quit().await;
    admin.quit().await;
}
