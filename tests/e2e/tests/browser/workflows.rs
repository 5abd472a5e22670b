//! Workflows (issue 13, 流程流转): the demo desk's goods-return flow walked in Chromium by three
//! agents of three groups. Carol's return starts at 客服受理 in Support; Agent Smith's pass-on
//! to the supervisor is refused while the amount paid is missing (the panel names it, the choices
//! stay), goes through once it is filled; the supervisor passes it to the warehouse; the
//! warehouse returns it, with a reason, to the supervisor, who sees the reason in the history.
//! axe on the panel, with and without the refusal.

use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::{json, Value};

/// The id of the demo workflow's step at `index`.
fn step(workflow: &Value, index: usize) -> String {
    workflow["steps"][index]["id"].to_string()
}

/// Waits until ticket `id` (as the admin reads it) satisfies `check`; the ticket.
async fn wait_for(admin: &ApiClient, id: &str, what: &str, check: impl Fn(&Value) -> bool) -> Value {
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let (_, t) = admin.get(&format!("/api/v1/tickets/{id}")).await;
        if check(&t) {
            return t;
        }
        assert!(std::time::Instant::now() < deadline, "{what} never happened: {t}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

fn at_step(t: &Value) -> String {
    t["staff"]["workflow"]["step"]["id"].to_string()
}

async fn id_of(api: &ApiClient) -> String {
    let (_, me) = api.get("/api/v1/me").await;
    me["id"].to_string()
}

/// `b` signed in as `email` on ticket `id`'s page, its workflow panel at step `step_id`.
async fn on_ticket(chromedriver: &Chromedriver, stack: &Stack, email: &str, id: &str, step_id: &str) -> Browser {
    let b = chromedriver.browser("en").await;
    b.login(&stack.base_url(), email, DEMO_PASSWORD).await;
    b.goto(&stack.url(&format!("/agent/tickets/{id}"))).await;
    b.find_with("workflow-panel", "data-step-id", step_id).await;
    b
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_goods_return_walks_through_three_groups_with_a_refusal_and_a_return() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let admin = ApiClient::login(&base, "admin@baton.test").await;
    let (_, workflows) = admin.get("/api/v1/admin/workflows").await;
    let workflow = workflows[0].clone();
    let (intake, approval, receipt) = (step(&workflow, 0), step(&workflow, 1), step(&workflow, 2));
    let supervisor_api = ApiClient::login(&base, "supervisor@baton.test").await;
    let (supervisor, warehouse) = (id_of(&supervisor_api).await, id_of(&ApiClient::login(&base, "warehouse@baton.test").await).await);
    let carol = ApiClient::login(&base, "carol@customer.test").await;
    let (type_id, subtype_id) = carol.ticket_type("Returns", "Return of goods").await;
    let body = json!({
        "title": "Blender arrived broken", "description": "The jar is cracked.",
        "type_id": type_id.parse::<i64>().expect("type"), "subtype_id": subtype_id.parse::<i64>().expect("sub-type"),
        "fields": {"order_no": "B-7781", "agree": true},
    });
    let (status, ticket) = carol.post("/api/v1/tickets", body).await;
    assert_eq!(status, 201, "{ticket}");
    let id = ticket["id"].to_string();

    // 客服受理: the agent opens it (new → open) and passes it on without the amount: refused.
    let chromedriver = Chromedriver::start().await;
    let agent = on_ticket(&chromedriver, &stack, "agent@baton.test", &id, &intake).await;
    agent.find_with("ticket-detail", "data-status", "open").await;
    agent.find("workflow-pass").await;
    agent.assert_accessible("the workflow panel").await;
    agent.select("workflow-next-step", &approval).await;
    agent.select("workflow-handler", &supervisor).await;
    agent.click("workflow-pass").await;
    agent.find_with("workflow-missing", "data-fields", "amount").await;
    agent.assert_accessible("the workflow panel with a refused pass-on").await;
    let kept = agent.find("workflow-handler").await.value().await.expect("value");
    assert_eq!(kept.as_deref(), Some(supervisor.as_str()), "the chosen handler stays");
    agent.find_with("workflow-panel", "data-step-id", &intake).await;

    // The amount filled in the properties, the same choice goes through.
    agent.set_value("field-amount", "349").await;
    agent.click("properties-save").await;
    wait_for(&admin, &id, "saving the amount", |t| t["fields"].as_array().into_iter().flatten().any(|f| f["key"] == "amount")).await;
    agent.click("workflow-pass").await;
    let t = wait_for(&admin, &id, "the pass to approval", |t| at_step(t) == approval).await;
    assert_eq!(t["staff"]["assignee"]["id"].to_string(), supervisor, "{t}");
    agent.quit().await;

    // 主管审批: the supervisor passes it to the warehouse.
    let boss = on_ticket(&chromedriver, &stack, "supervisor@baton.test", &id, &approval).await;
    boss.find_with("workflow-move", "data-kind", "pass").await;
    boss.select("workflow-next-step", &receipt).await;
    boss.select("workflow-handler", &warehouse).await;
    boss.click("workflow-pass").await;
    wait_for(&admin, &id, "the pass to the warehouse", |t| at_step(t) == receipt).await;

    // 仓库收货: the warehouse returns it, with a reason, to the supervisor who had it.
    let store = on_ticket(&chromedriver, &stack, "warehouse@baton.test", &id, &receipt).await;
    store.type_into("workflow-reason", "The parcel arrived empty").await;
    store.click("workflow-return").await;
    let t = wait_for(&admin, &id, "the return to approval", |t| at_step(t) == approval).await;
    assert_eq!(t["staff"]["assignee"]["id"].to_string(), supervisor, "back to the supervisor who had it: {t}");
    store.quit().await;

    // The supervisor's page follows: back at approval, the reason in the history.
    boss.goto(&stack.url(&format!("/agent/tickets/{id}"))).await;
    boss.find_with("workflow-panel", "data-step-id", &approval).await;
    boss.find_with("workflow-move", "data-kind", "return").await;
    boss.wait_text("workflow-move-reason", |t| t == "The parcel arrived empty").await;
    boss.find("workflow-return").await;
    boss.assert_accessible("the workflow panel after a return").await;
    boss.quit().await;

    // Carol's thread says nothing of it.
    let thread = carol.messages(&id).await;
    assert!(thread.iter().all(|m| m.get("change").is_none() && m["body"] != "The parcel arrived empty"), "{thread:?}");
}

/// `/admin/workflows` shows the demo's goods-return workflow; its editor (every step's fields)
/// passes axe.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_page_lists_the_goods_return_and_its_editor_is_accessible() {
    let stack = Stack::start().await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("zh-CN").await;
    b.login(&stack.base_url(), "admin@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/admin/workflows")).await;
    b.wait_text("workflow-row", |t| t.contains("客服受理") && t.contains("完成")).await;
    b.assert_accessible("/admin/workflows").await;
    b.click("workflow-edit").await;
    b.find("workflow-form").await;
    b.find("workflow-add-step").await;
    b.assert_accessible("the workflow editor").await;
    b.quit().await;
}
