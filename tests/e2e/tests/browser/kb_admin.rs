//! The knowledge-base and quick-reply editors in Chromium (issue 12). An admin adds a category and
//! writes an article whose Markdown holds a heading and a `<script>`: the preview shows the
//! server's sanitized HTML (the heading, no script), the admin publishes it, and a visitor without
//! a session reads it at /kb without the script; the category is renamed (a blank name refused
//! beside its input) and deleted (the article stays, without one); the article deleted (after a
//! confirmation), it is gone. An agent adds a personal quick reply on
//! `/agent/settings` (a blank title is said beside its field, the text typed kept) and inserts it
//! into a ticket reply. axe-core checks each page; the pages fit a 390 px phone and a laptop, in
//! light and dark (screenshots into `$BATON_SCREENSHOTS` when it names a directory).

use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use thirtyfour::By;

/// The two screens: a phone (390 × 844, touch) and a laptop (1366 × 900).
const SCREENS: [(i64, i64, bool); 2] = [(390, 844, true), (1366, 900, false)];

/// Lays the page out on `screen` with `prefers-color-scheme` light or dark.
async fn emulate(b: &Browser, (width, height, mobile): (i64, i64, bool), dark: bool) {
    let dev = b.driver.cdp();
    let metrics = json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile });
    dev.send_raw("Emulation.setDeviceMetricsOverride", metrics).await.expect("device metrics");
    let media = json!({ "features": [{ "name": "prefers-color-scheme", "value": if dark { "dark" } else { "light" } }] });
    dev.send_raw("Emulation.setEmulatedMedia", media).await.expect("emulated media");
}

/// Each screen and scheme: the page does not scroll sideways, axe finds nothing (contrast in
/// both schemes), and a screenshot of the element `shown` (a testid) is kept when asked for.
async fn check_layouts(b: &Browser, name: &str, shown: &str) {
    for screen in SCREENS {
        for dark in [false, true] {
            emulate(b, screen, dark).await;
            tokio::time::sleep(Duration::from_millis(200)).await;
            let script = "const d = document.documentElement; return [d.scrollWidth, d.clientWidth, innerWidth];";
            let w: Vec<i64> = serde_json::from_value(b.driver.execute(script, Vec::new()).await.expect("script").json().clone()).expect("widths");
            assert_eq!(w[2], screen.0, "{name}: the emulation did not take: {w:?}");
            assert!(w[0] <= w[1], "{name} scrolls sideways at {} px: {w:?}", screen.0);
            let scheme = if dark { "dark" } else { "light" };
            b.assert_accessible(&format!("{name} at {} px, {scheme}", screen.0)).await;
            if let Some(dir) = std::env::var_os("BATON_SCREENSHOTS") {
                let element = b.find(shown).await.to_json().expect("element");
                b.driver.execute("arguments[0].scrollIntoView();", vec![element]).await.expect("scroll");
                let file = std::path::Path::new(&dir).join(format!("{}-{}-{scheme}.png", name.replace('/', "_"), screen.0));
                let png = b.driver.screenshot_as_png().await.expect("screenshot");
                std::fs::write(&file, png).expect("write the screenshot");
            }
        }
    }
    b.driver.cdp().send_raw("Emulation.clearDeviceMetricsOverride", json!({})).await.expect("clear metrics");
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

/// Whether the page ran a script planted in an article (it would set `window.__planted`), and
/// how many `<script>` elements `selector` holds.
async fn scripts_in(b: &Browser, selector: &str) -> Value {
    let script = format!("return [typeof window.__planted, document.querySelectorAll(\"{selector} script\").length];");
    b.driver.execute(&script, Vec::new()).await.expect("script").json().clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_writes_and_publishes_an_article_that_a_visitor_reads_sanitized() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let admin = ApiClient::login(&base, "admin@baton.test").await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "admin@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/admin/kb")).await;
    b.find("kb-row").await;
    b.find_by(By::Css("[data-testid='admin-nav-link'][data-section='/admin/kb'][aria-current='page']".to_owned())).await;
    b.assert_accessible("/admin/kb").await;

    // On a phone the admin pages fold behind a button naming this one; it opens them.
    emulate(&b, SCREENS[0], false).await;
    let toggle = b.find("admin-nav-toggle").await;
    let link = b.find_with("admin-nav-link", "data-section", "/admin/kb").await;
    assert!(toggle.is_displayed().await.expect("shown") && !link.is_displayed().await.expect("shown"), "the phone's admin navigation is not folded");
    assert!(toggle.text().await.expect("text").contains("Knowledge base"));
    toggle.click().await.expect("open");
    assert_eq!(toggle.attr("aria-expanded").await.expect("attr").as_deref(), Some("true"));
    assert!(link.is_displayed().await.expect("shown"), "the opened navigation hides its links");
    b.assert_accessible("/admin/kb on a phone, the navigation open").await;
    b.driver.cdp().send_raw("Emulation.clearDeviceMetricsOverride", json!({})).await.expect("clear metrics");
    assert!(!toggle.is_displayed().await.expect("shown"), "the button shows on a laptop");

    // A category; a taken name is said beside the field and stays typed.
    b.type_into("kb-category-name", "Home network").await;
    b.click("kb-category-add").await;
    let row = b.find_by(By::XPath("//li[@data-testid='kb-category-row'][.//*[@data-testid='kb-category-title'][normalize-space(.)='Home network']]".to_owned())).await;
    let category = row.attr("data-category-id").await.expect("attr").expect("id");
    b.type_into("kb-category-name", "Home network").await;
    b.click("kb-category-add").await;
    b.find_by(By::Css("[data-testid='field-error'][data-field='name']".to_owned())).await;
    assert_eq!(b.find("kb-category-name").await.value().await.expect("value").as_deref(), Some("Home network"));

    // The article: a blank title is refused beside its field, the body kept.
    b.click("kb-new").await;
    let markdown = "# Router reset\n\nHold the **reset** button for ten seconds.\n\n<script>window.__planted = 1</script>\n";
    b.type_into("kb-body", markdown).await;
    b.click("kb-save").await;
    b.find_by(By::Css("[data-testid='field-error'][data-field='title']".to_owned())).await;
    assert_eq!(b.find("kb-body").await.value().await.expect("value").as_deref(), Some(markdown));
    b.type_into("kb-title", "Resetting the router").await;
    b.select("kb-article-category", &category).await;
    b.assert_accessible("/admin/kb with the editor").await;

    // Save and preview: the server's rendering, heading in, script out; a draft until published.
    b.click("kb-preview").await;
    let heading = b.find_by(By::Css("[data-testid='kb-preview-body'] h1".to_owned())).await;
    assert_eq!(heading.text().await.expect("text"), "Router reset");
    b.find_by(By::Css("[data-testid='kb-preview-body'] strong".to_owned())).await;
    assert_eq!(scripts_in(&b, "[data-testid='kb-preview-body']").await, json!(["undefined", 0]));
    let list = until(&admin, "/api/v1/kb/articles?status=all", |l| l["items"].as_array().into_iter().flatten().any(|a| a["title"] == "Resetting the router")).await;
    let article = list["items"].as_array().into_iter().flatten().find(|a| a["title"] == "Resetting the router").expect("article").clone();
    assert_eq!(article["status"], "draft");
    assert_eq!(article["category"]["name"], "Home network");
    let id = article["id"].to_string();
    b.assert_accessible("/admin/kb with the preview").await;
    check_layouts(&b, "admin-kb-editor", "kb-editor").await;

    // Published from the editor, then the list says so.
    b.click("kb-publish").await;
    until(&admin, &format!("/api/v1/kb/articles/{id}"), |a| a["status"] == "published").await;
    b.find_by(By::Css(format!("[data-testid='kb-row'][data-article-id='{id}'][data-status='published']"))).await;
    b.find("kb-open").await;
    b.click("kb-close").await;
    // Filtered to drafts, it is gone from the list.
    b.select("kb-status", "draft").await;
    b.gone_by(By::Css(format!("[data-testid='kb-row'][data-article-id='{id}']"))).await;

    // A visitor without a session reads it in the help center: the heading, no script.
    let visitor = chromedriver.browser("en").await;
    visitor.goto(&stack.url(&format!("/kb/{id}"))).await;
    let heading = visitor.find_by(By::Css("[data-testid='kb-article-body'] h1".to_owned())).await;
    assert_eq!(heading.text().await.expect("text"), "Router reset");
    assert_eq!(scripts_in(&visitor, "[data-testid='kb-article-body']").await, json!(["undefined", 0]));
    visitor.assert_accessible("the published article").await;

    // The category renamed in its row: a blank name is said beside the input; the article follows
    // the new name.
    b.select("kb-status", "all").await;
    let category_row = format!("[data-testid='kb-category-row'][data-category-id='{category}']");
    b.find_by(By::Css(format!("{category_row} [data-testid='kb-category-rename']"))).await.click().await.expect("rename");
    assert_eq!(b.find("kb-category-new-name").await.value().await.expect("value").as_deref(), Some("Home network"));
    b.type_into("kb-category-new-name", " ").await;
    b.click("kb-category-rename-save").await;
    b.find_by(By::Css("[data-testid='kb-category-rename-form'] [data-testid='field-error'][data-field='name']".to_owned())).await;
    check_layouts(&b, "admin-kb-category-rename", "kb-categories").await;
    b.type_into("kb-category-new-name", "Home and office network").await;
    b.click("kb-category-rename-save").await;
    b.wait_text("kb-category-notice", |t| t.contains("Home and office network")).await;
    b.gone("kb-category-rename-form").await;
    until(&admin, &format!("/api/v1/kb/articles/{id}"), |a| a["category"]["name"] == "Home and office network").await;
    b.find_by(By::XPath(format!("//tr[@data-testid='kb-row'][@data-article-id='{id}'][.//td[normalize-space(.)='Home and office network']]"))).await;

    // Deleted after the question: the article stays, published, without a category.
    b.find_by(By::Css(format!("{category_row} [data-testid='kb-category-delete']"))).await.click().await.expect("delete");
    b.find("kb-category-confirm").await;
    b.assert_accessible("/admin/kb asking to delete a category").await;
    b.click("kb-category-confirm-yes").await;
    b.gone_by(By::Css(category_row)).await;
    let article = until(&admin, &format!("/api/v1/kb/articles/{id}"), |a| a["category"].is_null()).await;
    assert_eq!(article["status"], "published");
    b.find_by(By::XPath(format!("//tr[@data-testid='kb-row'][@data-article-id='{id}'][.//td[normalize-space(.)='No category']]"))).await;

    // The admin deletes it after a confirmation; the visitor no longer finds it.
    let row = format!("[data-testid='kb-row'][data-article-id='{id}']");
    b.find_by(By::Css(format!("{row} [data-testid='kb-delete']"))).await.click().await.expect("delete");
    b.find("kb-confirm").await;
    b.assert_accessible("/admin/kb asking to delete").await;
    b.click("kb-confirm-yes").await;
    b.gone_by(By::Css(row)).await;
    let (status, _) = admin.get(&format!("/api/v1/kb/articles/{id}")).await;
    assert_eq!(status, 404);
    visitor.goto(&stack.url(&format!("/kb/{id}"))).await;
    visitor.find_with("load-error", "data-code", "not_found").await;
    visitor.quit().await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_keeps_a_personal_quick_reply_and_answers_with_it() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let id = alice.create_ticket("The router blinks red").await;
    let (status, ticket) = agent_api.act(&id, "open").await;
    assert_eq!(status, 200, "{ticket}");

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/agent/settings")).await;
    b.find_with("quick-replies", "data-visibility", "private").await;
    b.click("qr-new").await;
    b.type_into("qr-body", "Hi {{requester.name}}, please restart the router.").await;
    b.click("qr-save").await;
    b.find_by(By::Css("[data-testid='field-error'][data-field='title']".to_owned())).await;
    assert_eq!(b.find("qr-body").await.value().await.expect("value").as_deref(), Some("Hi {{requester.name}}, please restart the router."));
    b.type_into("qr-title", "Restart steps").await;
    b.assert_accessible("/agent/settings with the quick-reply form").await;
    b.click("qr-save").await;
    b.wait_text("qr-notice", |t| t.contains("Restart steps")).await;
    let replies = until(&agent_api, "/api/v1/quick-replies", |l| l.as_array().into_iter().flatten().any(|r| r["title"] == "Restart steps")).await;
    let reply = replies.as_array().into_iter().flatten().find(|r| r["title"] == "Restart steps").expect("reply").clone();
    assert_eq!(reply["visibility"], "private");
    b.find_with("qr-row", "data-reply-id", &reply["id"].to_string()).await;
    check_layouts(&b, "agent-settings", "quick-replies").await;

    // In the ticket's reply box: picked, inserted with the placeholder filled in, sent.
    b.goto(&stack.url(&format!("/agent/tickets/{id}"))).await;
    b.find_with("ticket-detail", "data-status", "open").await;
    b.find_by(By::Css(format!("[data-testid='quick-reply'] option[value='{}']", reply["id"]))).await;
    b.select("quick-reply", &reply["id"].to_string()).await;
    b.click("quick-reply-insert").await;
    let expected = "Hi Alice Chen, please restart the router.";
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    while b.find("reply-body").await.value().await.expect("value").as_deref() != Some(expected) {
        assert!(Instant::now() < deadline, "the composer never held the reply");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    b.click("reply-send").await;
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    while !alice.messages(&id).await.iter().any(|m| m["body"] == expected) {
        assert!(Instant::now() < deadline, "the customer never got the reply");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Deleted again after a confirmation.
    b.goto(&stack.url("/agent/settings")).await;
    b.find_with("qr-row", "data-reply-id", &reply["id"].to_string()).await;
    b.click("qr-delete").await;
    b.assert_accessible("/agent/settings asking to delete").await;
    b.click("qr-confirm-yes").await;
    b.gone_by(By::Css(format!("[data-testid='qr-row'][data-reply-id='{}']", reply["id"]))).await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_shares_a_quick_reply_every_agent_sees() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("zh-CN").await;
    b.login(&base, "admin@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/admin/quick-replies")).await;
    b.find_with("quick-replies", "data-visibility", "public").await;
    b.assert_accessible("/admin/quick-replies").await;
    b.click("qr-new").await;
    b.type_into("qr-title", "节假日安排").await;
    b.type_into("qr-body", "{{requester.name}}，您好：假期期间我们照常处理工单。").await;
    b.click("qr-save").await;
    let replies = until(&agent_api, "/api/v1/quick-replies", |l| l.as_array().into_iter().flatten().any(|r| r["title"] == "节假日安排")).await;
    let reply = replies.as_array().into_iter().flatten().find(|r| r["title"] == "节假日安排").expect("reply").clone();
    assert_eq!(reply["visibility"], "public");
    // Changed: the new text is what agents get.
    let row = b.find_with("qr-row", "data-reply-id", &reply["id"].to_string()).await;
    row.find(By::Css("[data-testid='qr-edit']")).await.expect("edit").click().await.expect("click");
    b.type_into("qr-title", "节假日安排（春节）").await;
    b.click("qr-save").await;
    until(&agent_api, "/api/v1/quick-replies", |l| l.as_array().into_iter().flatten().any(|r| r["title"] == "节假日安排（春节）")).await;
    check_layouts(&b, "admin-quick-replies", "quick-replies").await;
    b.quit().await;
}
