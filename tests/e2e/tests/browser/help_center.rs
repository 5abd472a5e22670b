//! The help center, as a customer uses it, in real headless Chromium against the real server.

use baton_e2e::{browser::tid, ApiClient, Chromedriver, Stack, DEMO_PASSWORD};

/// Alice signs in (after one wrong password), submits a ticket (after fixing a field error),
/// finds it in her list, continues the conversation and signs out. axe-core checks every page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alice_submits_lists_replies_and_logs_out() {
    let stack = Stack::start().await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    let base = stack.base_url();

    // A wrong password: the error shows, what she typed stays.
    b.goto(&stack.url("/login")).await;
    b.type_into("login-email", "alice@customer.test").await;
    b.type_into("login-password", "not-her-password").await;
    b.click("login-submit").await;
    b.find("login-error").await;
    let email = b.find("login-email").await.value().await.expect("value");
    assert_eq!(email.as_deref(), Some("alice@customer.test"));
    b.assert_accessible("login with error").await;

    b.type_into("login-password", DEMO_PASSWORD).await;
    b.click("login-submit").await;
    b.wait_text("current-user", |t| t.contains("Alice")).await;

    // Submit: an invalid phone is refused next to the field and nothing typed is lost.
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let (type_id, subtype_id) = alice.ticket_type("Technical issue", "Site is down").await;
    b.click("nav-submit").await;
    b.find("ticket-form").await;
    b.assert_accessible("submit form").await;
    b.select("ticket-type", &type_id).await;
    b.select("ticket-subtype", &subtype_id).await;
    b.type_into("ticket-title", "Printer on floor 3 jams").await;
    b.type_into("ticket-description", "Every second page jams since Monday.").await;
    b.type_into("ticket-contact", "call me maybe").await;
    b.click("ticket-submit").await;
    b.find_with("field-error", "data-field", "contact_phone").await;
    let title = b.find("ticket-title").await.value().await.expect("value");
    assert_eq!(title.as_deref(), Some("Printer on floor 3 jams"));
    let description = b.find("ticket-description").await.value().await.expect("value");
    assert_eq!(description.as_deref(), Some("Every second page jams since Monday."));
    b.assert_accessible("submit form with a field error").await;

    b.type_into("ticket-contact", "+86 138 0000 0000").await;
    b.click("ticket-submit").await;
    let detail = b.find_with("ticket-detail", "data-status", "new").await;
    let id = detail.attr("data-ticket-id").await.expect("attr").expect("ticket id");
    b.assert_accessible("ticket detail").await;

    // The list shows it as new.
    b.click("nav-my-tickets").await;
    let row = b.find_by(thirtyfour::By::Css(format!(
        "[data-testid='ticket-row'][data-ticket-id='{id}'][data-status='new']"
    )))
    .await;
    b.assert_accessible("my tickets").await;

    // Continue the conversation from the ticket page.
    row.click().await.expect("open the ticket from its row");
    b.find_with("ticket-detail", "data-ticket-id", &id).await;
    b.type_into("reply-body", "Any news? It still jams.").await;
    b.click("reply-send").await;
    b.find_by(thirtyfour::By::XPath(
        "//*[@data-testid='message-body'][contains(normalize-space(.), 'Any news? It still jams.')]".to_owned(),
    ))
    .await;

    // The server has the ticket and exactly one copy of the reply.
    let thread = alice.messages(&id).await;
    let replies = thread.iter().filter(|m| m["body"] == "Any news? It still jams.").count();
    assert_eq!(replies, 1, "thread: {thread:?}");

    b.click("logout").await;
    b.find("login-email").await;
    b.gone("current-user").await;
    // Signed out, the ticket page sends her back to the login form.
    b.goto(&stack.url(&format!("/tickets/{id}"))).await;
    b.find("login-email").await;
    b.quit().await;
}

/// Another customer group's member gets nothing: carol opening alice's ticket sees no detail,
/// and her list does not contain it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn carol_cannot_see_alices_ticket() {
    let stack = Stack::start().await;
    let alice = ApiClient::login(&stack.base_url(), "alice@customer.test").await;
    let (type_id, subtype_id) = alice.ticket_type("Billing", "Invoice").await;
    let (status, ticket) = alice
        .post(
            "/api/v1/tickets",
            serde_json::json!({"title": "Private matter", "description": "Only for Acme",
                "type_id": type_id.parse::<i64>().expect("id"), "subtype_id": subtype_id.parse::<i64>().expect("id")}),
        )
        .await;
    assert_eq!(status, 201, "{ticket}");
    let id = ticket["id"].to_string();

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&stack.base_url(), "carol@customer.test", DEMO_PASSWORD).await;
    b.goto(&stack.url(&format!("/tickets/{id}"))).await;
    b.find_with("load-error", "data-code", "not_found").await;
    assert!(b.driver.find_all(tid("ticket-detail")).await.expect("query").is_empty());
    b.click("nav-my-tickets").await;
    b.find("status-filter").await;
    let rows = b.driver.find_all(tid("ticket-row")).await.expect("rows");
    for row in rows {
        assert_ne!(row.attr("data-ticket-id").await.expect("attr").as_deref(), Some(id.as_str()));
    }
    b.quit().await;
}

/// The first screen follows the browser's language, the switch changes it and is remembered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn language_follows_the_browser_and_the_switch() {
    let stack = Stack::start().await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("zh-CN").await;
    b.goto(&stack.url("/login")).await;
    b.find("login-email").await;
    let lang = |b: &baton_e2e::Browser| {
        let driver = b.driver.clone();
        async move {
            let ret = driver.execute("return document.documentElement.lang;", Vec::new()).await.expect("lang");
            ret.json().as_str().unwrap_or_default().to_owned()
        }
    };
    assert_eq!(lang(&b).await, "zh-CN");
    let zh_label = b.text("login-submit").await.expect("submit label");
    b.assert_accessible("login in Chinese").await;

    b.select("locale-switch", "en").await;
    b.wait_text("login-submit", |t| t != zh_label).await;
    assert_eq!(lang(&b).await, "en");

    // Remembered across a reload.
    b.driver.refresh().await.expect("reload");
    b.find("login-email").await;
    assert_eq!(lang(&b).await, "en");
    b.quit().await;
}

/// My tickets searches by title and by `#number`, keeps the search in the URL (a reload keeps
/// it) and combines it with the status filter.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn my_tickets_search_by_title_and_number() {
    let stack = Stack::start().await;
    let alice = ApiClient::login(&stack.base_url(), "alice@customer.test").await;
    let kettle = alice.create_ticket("Kettle leaks").await;
    let router = alice.create_ticket("Router blinks red").await;
    let (_, ticket) = alice.get(&format!("/api/v1/tickets/{router}")).await;
    let number = ticket["number"].to_string();

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&stack.base_url(), "alice@customer.test", DEMO_PASSWORD).await;
    b.click("nav-my-tickets").await;
    let row = |id: &str| thirtyfour::By::Css(format!("[data-testid='ticket-row'][data-ticket-id='{id}']"));
    b.find_by(row(&kettle)).await;
    b.find_by(row(&router)).await;

    b.type_into("ticket-search", "kettle").await;
    b.click("ticket-search-submit").await;
    b.find_by(row(&kettle)).await;
    b.gone_by(row(&router)).await;
    b.assert_accessible("my tickets, searched").await;

    b.type_into("ticket-search", &format!("#{number}")).await;
    b.click("ticket-search-submit").await;
    b.find_by(row(&router)).await;
    b.gone_by(row(&kettle)).await;

    // Kept in the URL: a reload shows the same result.
    b.driver.refresh().await.expect("reload");
    b.find_by(row(&router)).await;
    let rows = b.driver.find_all(tid("ticket-row")).await.expect("rows");
    assert_eq!(rows.len(), 1, "only #{number} matches");
    b.quit().await;
}
