//! Concurrency on the agent's ticket page: two agent sessions hold the same version; the first
//! saves a priority, the second saves another from the stale version and gets the conflict panel
//! (their value beside mine), the server value untouched until they choose to re-apply.

use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use std::time::{Duration, Instant};

async fn priority(api: &ApiClient, id: &str) -> String {
    let (status, t) = api.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(status, 200, "{t}");
    t["priority"].as_str().unwrap_or_default().to_owned()
}

/// Waits until the ticket's priority on the server is `want`.
async fn wait_priority(api: &ApiClient, id: &str, want: &str) {
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    while priority(api, id).await != want {
        assert!(Instant::now() < deadline, "the priority never became {want}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn open(b: &Browser, stack: &Stack, id: &str) {
    b.goto(&stack.url(&format!("/agent/tickets/{id}"))).await;
    b.find_with("ticket-detail", "data-status", "open").await;
    b.find("ticket-priority").await;
}

/// The agent and the admin, each in a browser of their own, on ticket `id`'s page (the driver
/// must outlive the browsers).
async fn two_agents_on(stack: &Stack, id: &str) -> (Chromedriver, Browser, Browser) {
    let chromedriver = Chromedriver::start().await;
    let first = chromedriver.browser("en").await;
    let second = chromedriver.browser("en").await;
    first.login(&stack.base_url(), "agent@baton.test", DEMO_PASSWORD).await;
    second.login(&stack.base_url(), "admin@baton.test", DEMO_PASSWORD).await;
    open(&first, stack, id).await;
    open(&second, stack, id).await;
    (chromedriver, first, second)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_priority_change_gets_the_conflict_panel_and_overwrites_nothing() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let id = alice.create_ticket("Invoices do not download").await;
    let (status, body) = agent_api.act(&id, "open").await;
    assert_eq!(status, 200, "{body}");

    let (_chromedriver, first, second) = two_agents_on(&stack, &id).await;

    // The second agent starts an edit; the first saves theirs meanwhile.
    second.select("ticket-priority", "urgent").await;
    first.select("ticket-priority", "high").await;
    first.click("properties-save").await;
    wait_priority(&agent_api, &id, "high").await;

    // The second save is from the stale version: the panel says what changed, nothing is written.
    second.click("properties-save").await;
    second.find("conflict-panel").await;
    second.hidden("properties-save").await;
    second.find_with("conflict-theirs", "data-field", "priority").await;
    second.wait_text("conflict-theirs", |t| t == "High").await;
    second.wait_text("conflict-mine", |t| t == "Urgent").await;
    assert_eq!(priority(&agent_api, &id).await, "high", "the stale save overwrote the first agent's value");
    second.assert_accessible("conflict panel").await;

    // Re-applied on purpose, on the current version: now it is written, and the first agent's
    // page follows live.
    second.click("conflict-reapply").await;
    second.gone("conflict-panel").await;
    wait_priority(&agent_api, &id, "urgent").await;
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let value = first.find("ticket-priority").await.value().await.expect("value");
        if value.as_deref() == Some("urgent") {
            break;
        }
        assert!(Instant::now() < deadline, "the first agent's page still shows {value:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let changes: Vec<serde_json::Value> = agent_api.messages(&id).await.into_iter().filter_map(|m| m.get("change").cloned()).collect();
    assert_eq!(changes, [
        serde_json::json!({"field": "priority", "from": "normal", "to": "high"}),
        serde_json::json!({"field": "priority", "from": "high", "to": "urgent"}),
    ]);
    first.quit().await;
    second.quit().await;
}

/// Keeping theirs drops my edit: the form shows the server's value and nothing is written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keeping_theirs_writes_nothing() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let id = alice.create_ticket("Password reset mail missing").await;
    let (status, body) = agent_api.act(&id, "open").await;
    assert_eq!(status, 200, "{body}");

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("zh-CN").await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    open(&b, &stack, &id).await;
    b.select("ticket-priority", "low").await;
    let (_, t) = agent_api.get(&format!("/api/v1/tickets/{id}")).await;
    let version = t["staff"]["version"].as_i64().expect("version");
    let res = baton_e2e::api::cookie_client();
    let login = res.post(format!("{base}/api/v1/session"))
        .json(&serde_json::json!({"email": "admin@baton.test", "password": DEMO_PASSWORD})).send().await.expect("login");
    assert_eq!(login.status(), 200);
    let patched = res.patch(format!("{base}/api/v1/tickets/{id}")).header("If-Match", format!("\"v{version}\""))
        .json(&serde_json::json!({"priority": "high"})).send().await.expect("patch");
    assert_eq!(patched.status(), 200);

    b.click("properties-save").await;
    b.find("conflict-panel").await;
    b.wait_text("conflict-theirs", |t| t == "高").await;
    b.wait_text("conflict-mine", |t| t == "低").await;
    b.wait_text("ticket-channel", |t| t.contains("网页")).await;
    b.assert_accessible("conflict panel (zh-CN)").await;
    b.click("conflict-keep").await;
    b.gone("conflict-panel").await;
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    while b.find("ticket-priority").await.value().await.expect("value").as_deref() != Some("high") {
        assert!(Instant::now() < deadline, "the form never showed the server's value");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(priority(&agent_api, &id).await, "high");
    b.quit().await;
}

/// Type and sub-type (the sub-type list and custom fields follow the type), CC, tags, a custom
/// field and the star, saved from the properties panel and stored; the customer panel lists the
/// requester's other ticket and one click opens it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_property_is_saved_and_the_customer_panel_switches_tickets() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let id = alice.create_ticket("Invoice needs our company name").await;
    let other = alice.create_ticket("Earlier question about the site").await;
    let (billing, invoice) = agent_api.ticket_type("Billing", "Invoice").await;
    let (_, agents) = agent_api.get("/api/v1/agents").await;
    let li_lei = agents.as_array().into_iter().flatten().find(|a| a["email"] == "agent2@baton.test").expect("agent2")["id"].to_string();

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    open(&b, &stack, &id).await;
    b.select("ticket-type", &billing).await;
    b.select("ticket-subtype", &invoice).await;
    b.type_into("field-invoice_title", "Acme Trading Ltd").await;
    b.find_by(thirtyfour::By::Css(format!("[data-testid='ticket-cc-option'][value='{li_lei}']"))).await.click().await.expect("cc");
    b.type_into("ticket-tags", "vip, invoice").await;
    b.assert_accessible("properties with custom fields").await;
    b.click("properties-save").await;
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    let ticket = loop {
        let (_, t) = agent_api.get(&format!("/api/v1/tickets/{id}")).await;
        if t["subtype"]["id"] == invoice.parse::<i64>().expect("a sub-type id") {
            break t;
        }
        assert!(Instant::now() < deadline, "the properties were never saved: {t}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(ticket["type"]["id"].to_string(), billing, "{ticket}");
    assert!(ticket["fields"].as_array().into_iter().flatten().any(|f| f["key"] == "invoice_title" && f["value"] == "Acme Trading Ltd"), "{ticket}");
    assert_eq!(ticket["staff"]["cc"][0]["id"].to_string(), li_lei, "{ticket}");
    assert_eq!(ticket["staff"]["tags"], serde_json::json!(["invoice", "vip"]), "{ticket}");
    assert_eq!(ticket["priority"], "normal", "an unchanged property was written: {ticket}");

    b.click("action-star").await;
    b.find_with("action-star", "aria-pressed", "true").await;
    let (_, starred) = agent_api.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(starred["staff"]["starred"], true, "{starred}");

    b.wait_text("customer-group", |t| t.contains("Acme")).await;
    b.find_by(thirtyfour::By::Css(format!("[data-testid='customer-ticket'][data-ticket-id='{other}']"))).await.click().await.expect("switch");
    b.find_with("ticket-detail", "data-ticket-id", &other).await;
    b.wait_text("ticket-requester", |t| t.contains("Alice Chen")).await;
    b.find_by(thirtyfour::By::Css(format!("[data-testid='customer-ticket'][data-ticket-id='{id}']"))).await;
    b.quit().await;
}

/// A custom field edited in two sessions: the conflict names the field with both values; the
/// server keeps the first until the second agent re-applies theirs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_custom_field_conflict_names_the_field() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let (billing, invoice) = alice.ticket_type("Billing", "Invoice").await;
    let new = serde_json::json!({
        "title": "Invoice title is wrong", "description": "Please fix it.",
        "type_id": billing.parse::<i64>().expect("id"), "subtype_id": invoice.parse::<i64>().expect("id"),
        "fields": {"invoice_title": "Acme"},
    });
    let (status, created) = alice.post("/api/v1/tickets", new).await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].to_string();
    let (status, body) = agent_api.act(&id, "open").await;
    assert_eq!(status, 200, "{body}");
    let title = |t: &serde_json::Value| {
        t["fields"].as_array().into_iter().flatten().find(|f| f["key"] == "invoice_title").map(|f| f["value"].clone())
    };

    let (_chromedriver, first, second) = two_agents_on(&stack, &id).await;
    second.type_into("field-invoice_title", "Acme Holding").await;
    first.type_into("field-invoice_title", "Acme Trading Ltd").await;
    first.click("properties-save").await;
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    while title(&agent_api.get(&format!("/api/v1/tickets/{id}")).await.1) != Some("Acme Trading Ltd".into()) {
        assert!(Instant::now() < deadline, "the first save never arrived");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    second.click("properties-save").await;
    second.find_with("conflict-theirs", "data-field", "fields.invoice_title").await;
    second.wait_text("conflict-theirs", |t| t == "Acme Trading Ltd").await;
    second.wait_text("conflict-mine", |t| t == "Acme Holding").await;
    assert_eq!(title(&agent_api.get(&format!("/api/v1/tickets/{id}")).await.1), Some("Acme Trading Ltd".into()));
    second.click("conflict-reapply").await;
    second.gone("conflict-panel").await;
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    while title(&agent_api.get(&format!("/api/v1/tickets/{id}")).await.1) != Some("Acme Holding".into()) {
        assert!(Instant::now() < deadline, "the re-applied value never arrived");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    first.quit().await;
    second.quit().await;
}
