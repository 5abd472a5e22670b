//! The audit log in Chromium (issue 12): an admin changes the desk's settings in the console
//! (its name with markup in it, and the auto-close days), opens `/admin/audit` from the admin
//! navigation, finds the entry (who, the translated change, each field as text — the markup shown
//! as text, never as HTML), filters it away and back by kind, actor and dates (each filter in
//! the URL), and the page passes axe.

use baton_e2e::{ApiClient, Chromedriver, Stack, DEMO_PASSWORD};
use std::time::{Duration, Instant};
use thirtyfour::By;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admins_change_shows_in_the_audit_log_and_filters_find_it() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let admin = ApiClient::login(&base, "admin@baton.test").await;
    let (_, me) = admin.get("/api/v1/me").await;
    let admin_id = me["id"].as_i64().expect("admin id");

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "admin@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/admin/settings")).await;
    b.type_into("settings-name", "Demo <b>Desk</b>").await;
    b.set_value("settings-auto-close", "7").await;
    b.click("settings-save").await;
    b.wait_text("admin-notice", |t| !t.is_empty()).await;

    // From the admin navigation to the log.
    b.find_by(By::Css("[data-testid='admin-nav-link'][data-section='/admin/audit']")).await.click().await.expect("click");
    let row = "[data-testid='audit-row'][data-action='settings.updated']";
    b.find_by(By::Css(row)).await;
    let changes = b.wait_text("audit-changes", |t| t.contains("auto_close_days: 3 → 7")).await;
    assert!(changes.contains("name: Baton Demo → Demo <b>Desk</b>"), "{changes}");
    assert!(b.driver.find_all(By::Css("[data-testid='audit-changes'] b")).await.expect("query").is_empty(), "markup became HTML");
    assert_eq!(b.text("audit-actor-name").await.as_deref(), Some("Ada Admin"));
    assert_eq!(b.text("audit-action").await.as_deref(), Some("Desk settings · changed"));
    b.assert_accessible("/admin/audit").await;

    // Filters: another kind hides it, its own kind and its actor show it, a later date hides it;
    // each is in the URL.
    b.select("audit-kind", "sla_policy").await;
    b.find("audit-empty").await;
    assert!(b.driver.current_url().await.expect("url").as_str().contains("kind=sla_policy"));
    b.select("audit-kind", "settings").await;
    b.find_by(By::Css(row)).await;
    b.select("audit-actor", &admin_id.to_string()).await;
    b.find_by(By::Css(row)).await;
    let url = b.driver.current_url().await.expect("url");
    assert!(url.as_str().contains(&format!("actor={admin_id}")) && url.as_str().contains("kind=settings"), "{url}");
    b.set_value("audit-from", "2099-01-01").await;
    b.find("audit-empty").await;
    b.assert_accessible("/admin/audit, nothing found").await;
    // A reload keeps the filters.
    b.driver.refresh().await.expect("reload");
    b.find("audit-empty").await;
    assert_eq!(b.find("audit-from").await.value().await.expect("value").as_deref(), Some("2099-01-01"));
    b.click("audit-clear").await;
    b.find_by(By::Css(row)).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while b.driver.current_url().await.expect("url").as_str().contains('?') {
        assert!(Instant::now() < deadline, "the filters stay in the URL");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    b.quit().await;
}
