//! Custom views through the view editor (issue 4): an agent's private "urgent Acme" (priority is
//! urgent AND customer group is Acme) lists exactly the matching tickets; a bad condition is
//! refused beside its row with nothing typed lost; another agent sees it neither in the API nor in
//! the UI; an admin's public view reaches every agent. Editing, managing (order, hide) and deleting.
//! Every page visited passes axe.


use crate::agent_lists_common::*;
use baton_e2e::{browser::tid, ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::Value;
use thirtyfour::By;

/// The id of my view named `name`, if `GET /views` lists it.
async fn view_id(api: &ApiClient, name: &str) -> Option<String> {
    let (status, views) = api.get("/api/v1/views").await;
    assert_eq!(status, 200, "{views}");
    views.as_array().expect("views").iter().find(|v| v["name"] == name).map(|v| v["id"].as_str().expect("id").to_owned())
}

async fn input_value(b: &Browser, testid: &str) -> String {
    b.find(testid).await.value().await.expect("value").unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn private_urgent_acme_view_lists_exactly_its_tickets_and_a_public_one_reaches_others() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let bob = ApiClient::login(&base, "bob@customer.test").await;
    let carol = ApiClient::login(&base, "carol@customer.test").await;
    let admin_api = ApiClient::login(&base, "admin@baton.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let agent2_api = ApiClient::login(&base, "agent2@baton.test").await;
    let acme = customer_group_of(&alice).await;
    assert_eq!(customer_group_of(&bob).await, acme);
    assert_ne!(customer_group_of(&carol).await, acme);
    let t1 = alice.create_ticket("Acme: urgent outage").await;
    let t2 = bob.create_ticket("Acme: urgent invoice").await;
    let t3 = alice.create_ticket("Acme: normal question").await;
    let t4 = carol.create_ticket("Globex: urgent outage").await;
    set_priority(&admin_api, &[&t1, &t2, &t4], "urgent").await;

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/agent")).await;
    b.find("view-item").await;
    b.assert_accessible("workspace").await;
    b.click("view-new").await;
    b.find("view-editor").await;
    assert!(
        b.driver.find_all(By::Css("[data-testid='view-visibility'] option[value='public']")).await.expect("query").is_empty(),
        "an agent was offered a public view"
    );
    b.type_into("view-name", "urgent Acme").await;
    select_nth(&b, "condition-field", 0, "priority").await;
    select_nth(&b, "condition-value", 0, "urgent").await;
    b.click("condition-add").await;
    select_nth(&b, "condition-field", 1, "customer_group").await;
    // The customer groups are offered by name (GET /customer-groups).
    let option = format!("select[data-testid='condition-value'] option[value='{acme}']");
    assert_eq!(b.find_by(By::Css(option)).await.text().await.expect("text"), "Acme");
    b.assert_accessible("view editor").await;

    // No value for the second condition: refused beside that row, the rest kept.
    b.click("view-save").await;
    b.find_with("field-error", "data-field", "conditions[1].value").await;
    assert_eq!(input_value(&b, "view-name").await, "urgent Acme");
    assert_eq!(view_id(&agent_api, "urgent Acme").await, None, "a refused view was stored");
    b.assert_accessible("view editor with an error").await;

    select_nth(&b, "condition-value", 1, &acme).await;
    b.click("view-save").await;
    b.gone("view-editor").await;
    let id = view_id(&agent_api, "urgent Acme").await.expect("the view was stored");
    let (_, stored) = agent_api.get(&format!("/api/v1/views/{id}")).await;
    assert_eq!(stored["visibility"], "private", "{stored}");
    b.find_with("view-item", "data-view-id", &id).await;

    // Exactly the matching tickets: the server's answer, which holds t1 and t2 but not t3, t4,
    // and every one of which is urgent and Acme's.
    let expected = api_view_ids(&agent_api, &id).await;
    assert!(expected.contains(&t1) && expected.contains(&t2), "{expected:?}");
    assert!(!expected.contains(&t3) && !expected.contains(&t4), "{expected:?}");
    for t in &expected {
        let ticket: Value = ticket(&agent_api, t).await;
        assert_eq!(ticket["priority"], "urgent", "{ticket}");
        assert_eq!(ticket["staff"]["customer_group"]["id"].to_string(), acme, "{ticket}");
    }
    b.find_with("view-item", "data-view-id", &id).await.click().await.expect("open the view");
    wait_rows(&b, &expected).await;
    wait_count(&b, &id, expected.len() as u64).await;
    b.assert_accessible("urgent Acme view").await;

    // Another agent sees nothing of it.
    assert_eq!(view_id(&agent2_api, "urgent Acme").await, None);
    let (status, body) = agent2_api.get(&format!("/api/v1/views/{id}")).await;
    assert_eq!(status, 404, "{body}");
    let b2 = chromedriver.browser("en").await;
    b2.login(&base, "agent2@baton.test", DEMO_PASSWORD).await;
    b2.goto(&stack.url("/agent")).await;
    b2.find("view-item").await;
    let names = view_names(&b2).await;
    assert!(!names.iter().any(|n| n == "urgent Acme"), "{names:?}");

    // The admin makes a public view; the other agent gets it.
    let admin = chromedriver.browser("en").await;
    admin.login(&base, "admin@baton.test", DEMO_PASSWORD).await;
    admin.goto(&stack.url("/agent")).await;
    admin.find("view-item").await;
    admin.click("view-new").await;
    admin.type_into("view-name", "Urgent, everyone").await;
    admin.select("view-visibility", "public").await;
    select_nth(&admin, "condition-value", 0, "urgent").await;
    admin.assert_accessible("admin view editor").await;
    admin.click("view-save").await;
    admin.gone("view-editor").await;
    let public_id = view_id(&admin_api, "Urgent, everyone").await.expect("the public view was stored");
    let (_, listed) = agent2_api.get("/api/v1/views").await;
    let seen = listed.as_array().expect("views").iter().find(|v| v["id"] == public_id.as_str()).cloned();
    assert_eq!(seen.as_ref().map(|v| v["visibility"].clone()), Some("public".into()), "{listed}");
    b2.goto(&stack.url("/agent")).await;
    b2.find_with("view-item", "data-view-id", &public_id).await;
    assert!(view_names(&b2).await.iter().any(|n| n == "Urgent, everyone"));
    b2.assert_accessible("workspace with a public view").await;
    b.quit().await;
    b2.quit().await;
    admin.quit().await;
}

/// The owner renames a view, moves it up, hides and shows it, and deletes it; the server agrees.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agent_edits_orders_hides_and_deletes_a_view() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let new_view = serde_json::json!({"name": "Phone tickets", "visibility": "private",
        "conditions": [{"field": "channel", "op": "is", "value": "phone"}]});
    let (status, view) = agent_api.post("/api/v1/views", new_view).await;
    assert_eq!(status, 201, "{view}");
    let id = view["id"].as_str().expect("id").to_owned();

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("zh-CN").await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url(&format!("/agent?view={id}"))).await;
    b.click("view-edit").await;
    b.find("view-editor").await;
    assert_eq!(input_value(&b, "view-name").await, "Phone tickets", "the editor starts from the stored view");
    b.type_into("view-name", "Phone and widget").await;
    // A custom select field offers its options.
    b.click("condition-add").await;
    select_nth(&b, "condition-field", 1, "fields.category").await;
    let script = "const s = document.querySelectorAll(\"select[data-testid='condition-value']\")[1];\
                  return s && s.options.length > 1 ? s.options[1].value : null;";
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    let option = loop {
        if let Some(v) = b.driver.execute(script, Vec::new()).await.expect("script").json().as_str() {
            break v.to_owned();
        }
        assert!(std::time::Instant::now() < deadline, "fields.category never offered its options");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    select_nth(&b, "condition-value", 1, &option).await;
    b.click("view-save").await;
    b.gone("view-editor").await;
    let (_, stored) = agent_api.get(&format!("/api/v1/views/{id}")).await;
    assert_eq!(stored["name"], "Phone and widget", "{stored}");
    assert_eq!(stored["conditions"][0]["value"], "phone", "{stored}");
    assert_eq!(stored["conditions"][1]["field"], "fields.category", "{stored}");
    assert_eq!(stored["conditions"][1]["value"], option.as_str(), "{stored}");

    // Manage: move it up one place, hide it, show it again.
    b.click("view-manage").await;
    b.find("view-manager").await;
    b.assert_accessible("managing views (zh-CN)").await;
    let ids_before: Vec<String> = {
        let (_, v) = agent_api.get("/api/v1/views").await;
        v.as_array().expect("views").iter().map(|v| v["id"].as_str().expect("id").to_owned()).collect()
    };
    let at = ids_before.iter().position(|v| *v == id).expect("listed");
    b.find_by(By::Css(format!("[data-view-id='{id}'] [data-testid='view-move-up']"))).await.click().await.expect("up");
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let (_, v) = agent_api.get("/api/v1/views").await;
        let ids: Vec<&str> = v.as_array().expect("views").iter().map(|v| v["id"].as_str().expect("id")).collect();
        if ids.iter().position(|v| *v == id) == Some(at - 1) {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the order never changed: {ids:?}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let focused = b.driver.execute("return document.activeElement.dataset.testid;", Vec::new()).await.expect("focus");
    assert_eq!(focused.json(), "view-move-up", "focus stays on the moved view's button");
    b.find_by(By::Css(format!("[data-view-id='{id}'] [data-testid='view-toggle-hidden']"))).await.click().await.expect("hide");
    b.find_by(By::Css(format!("[data-view-id='{id}'] [data-testid='view-toggle-hidden'][aria-pressed='true']"))).await;
    b.gone_by(By::Css(format!("[data-testid='view-item'][data-view-id='{id}']"))).await;
    // (GET /views/{id} does not say `hidden` for me, the list does.)
    let (_, v) = agent_api.get("/api/v1/views").await;
    let mine = v.as_array().expect("views").iter().find(|v| v["id"] == id.as_str()).cloned().expect("still listed");
    assert_eq!(mine["hidden"], true, "{mine}");
    b.find_by(By::Css(format!("[data-view-id='{id}'] [data-testid='view-toggle-hidden']"))).await.click().await.expect("show");
    b.find_with("view-item", "data-view-id", &id).await;
    b.click("view-manage-close").await;

    // Delete, with its confirmation step.
    b.goto(&stack.url(&format!("/agent?view={id}"))).await;
    b.click("view-edit").await;
    b.click("view-delete").await;
    b.assert_accessible("delete confirmation (zh-CN)").await;
    b.click("view-delete-confirm").await;
    b.gone("view-editor").await;
    b.gone_by(By::Css(format!("[data-testid='view-item'][data-view-id='{id}']"))).await;
    let (status, _) = agent_api.get(&format!("/api/v1/views/{id}")).await;
    assert_eq!(status, 404);
    assert!(b.driver.find_all(tid("view-delete")).await.expect("query").is_empty());
    b.quit().await;
}

/// An admin hides a public view for every agent from the manager (scope everyone); the view stays
/// in the other agent's list, flagged hidden, and leaves their side list.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_hides_a_public_view_for_everyone() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let admin_api = ApiClient::login(&base, "admin@baton.test").await;
    let agent2_api = ApiClient::login(&base, "agent2@baton.test").await;
    let new_view = serde_json::json!({"name": "Team queue", "visibility": "public",
        "conditions": [{"field": "status", "op": "in", "value": ["new", "open"]}]});
    let (status, view) = admin_api.post("/api/v1/views", new_view).await;
    assert_eq!(status, 201, "{view}");
    let id = view["id"].as_str().expect("id").to_owned();
    let hidden_for_agent2 = || async {
        let (_, v) = agent2_api.get("/api/v1/views").await;
        v.as_array().expect("views").iter().find(|v| v["id"] == id.as_str()).map(|v| v["hidden"] == true)
    };
    assert_eq!(hidden_for_agent2().await, Some(false));

    let chromedriver = Chromedriver::start().await;
    let admin = chromedriver.browser("en").await;
    admin.login(&base, "admin@baton.test", DEMO_PASSWORD).await;
    admin.goto(&stack.url("/agent")).await;
    admin.find_with("view-item", "data-view-id", &id).await;
    admin.click("view-manage").await;
    admin.find_with("view-manage-item", "data-view-id", "mine").await;
    admin.click("view-manage-everyone").await;
    admin.gone_by(By::Css("[data-testid='view-manage-item'][data-view-id='mine']")).await;
    admin.assert_accessible("managing public views for everyone").await;
    admin.find_by(By::Css(format!("[data-view-id='{id}'] [data-testid='view-toggle-hidden']"))).await.click().await.expect("hide");
    admin.find_by(By::Css(format!("[data-view-id='{id}'] [data-testid='view-toggle-hidden'][aria-pressed='true']"))).await;
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    while hidden_for_agent2().await != Some(true) {
        assert!(std::time::Instant::now() < deadline, "never hidden for agent2");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let b2 = chromedriver.browser("en").await;
    b2.login(&base, "agent2@baton.test", DEMO_PASSWORD).await;
    b2.goto(&stack.url("/agent")).await;
    b2.find("view-item").await;
    assert!(!view_names(&b2).await.iter().any(|n| n == "Team queue"), "a view hidden for everyone showed");
    admin.quit().await;
    b2.quit().await;
}
