//! Customers administration in Chromium (issue 12, `/admin/customers`): the owner previews a
//! small CSV import (one bad row shown with its field and code), imports it, finds an imported
//! customer and moves them to another group, then merges a demo customer into them and sees that
//! customer's tickets under the target. Axe-clean with the preview, the panel and the merge open.

use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use thirtyfour::By;

/// Searches the list for `text` and waits for the row of `email`.
async fn find_customer(b: &Browser, text: &str, email: &str) -> String {
    b.set_value("customers-search", text).await;
    b.click("customers-apply").await;
    b.find_with("customer-row", "data-email", email).await;
    format!("[data-testid='customer-row'][data-email='{email}']")
}

async fn click_at(b: &Browser, css: &str) {
    b.find_by(By::Css(css.to_owned())).await.click().await.expect("click");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_owner_imports_edits_and_merges_customers() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let owner = ApiClient::login(&base, "owner@baton.test").await;
    let (_, groups) = owner.get("/api/v1/admin/customer-groups").await;
    let globex = groups.as_array().into_iter().flatten().find(|g| g["name"] == "Globex").map(|g| g["id"].to_string()).unwrap_or_else(|| panic!("{groups}"));
    // Bob asks something, so the merge has a ticket to move.
    let bob = ApiClient::login(&base, "bob@customer.test").await;
    let ticket = bob.create_ticket("Bob's question before the merge").await;
    let (_, bobs) = owner.get("/api/v1/admin/customers?q=bob@customer.test").await;
    let bob_tickets = bobs["items"][0]["tickets"].as_i64().unwrap_or_else(|| panic!("{bobs}"));

    let files = tempfile::tempdir().expect("temp dir");
    let csv = files.path().join("customers.csv");
    std::fs::write(&csv, "email,name,phone,group\nzoe@import.test,Zoe Import,,Acme\nnot-an-email,Bad Row,,\nyan@import.test,Yan Import,,\n").expect("write csv");

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "owner@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/admin/customers")).await;
    b.find("customers-table").await;
    b.find_with("admin-nav-link", "data-section", "/admin/customers").await;
    b.assert_accessible("/admin/customers").await;

    // The import: a preview with the bad row, then for real.
    b.click("import-open").await;
    b.find("import-file").await.send_keys(csv.display().to_string()).await.expect("choose the file");
    b.click("import-preview").await;
    b.find_with("import-summary", "data-dry-run", "true").await;
    let bad = "[data-testid='import-row'][data-row='3'][data-outcome='failed'] [data-testid='import-error-code'][data-field='email'][data-code='invalid_email']";
    b.find_by(By::Css(bad.to_owned())).await;
    b.find_with("import-row", "data-outcome", "created").await;
    b.assert_accessible("/admin/customers with an import preview").await;
    let (_, before) = owner.get("/api/v1/admin/customers?q=zoe@import.test").await;
    assert_eq!(before["total"], 0, "the preview wrote: {before}");
    b.click("import-submit").await;
    b.find_with("import-summary", "data-dry-run", "false").await;
    b.wait_text("admin-notice", |t| t.contains("2 new")).await;

    // Zoe, found and moved from Acme to Globex.
    let zoe = find_customer(&b, "zoe@import", "zoe@import.test").await;
    b.wait_text("customers-total", |t| t.starts_with('1')).await;
    click_at(&b, &format!("{zoe} [data-testid='customer-edit']")).await;
    b.find("customer-panel").await;
    b.select("customer-group", &globex).await;
    b.click("customer-save").await;
    b.gone("customer-panel").await;
    b.wait_text("customer-group-cell", |t| t == "Globex").await;

    // Bob merged into Zoe: his tickets are hers.
    let bob_row = find_customer(&b, "bob@customer", "bob@customer.test").await;
    click_at(&b, &format!("{bob_row} [data-testid='customer-edit']")).await;
    b.set_value("merge-search", "zoe@import").await;
    b.click("merge-find").await;
    b.find_with("merge-candidate", "data-email", "zoe@import.test").await.click().await.expect("pick zoe");
    b.find("merge-question").await;
    b.assert_accessible("/admin/customers with a merge to confirm").await;
    b.click("merge-confirm").await;
    b.gone("customer-panel").await;
    let zoe = find_customer(&b, "zoe@import", "zoe@import.test").await;
    let cell = b.find_by(By::Css(format!("{zoe} [data-testid='customer-tickets']"))).await;
    assert_eq!(cell.text().await.expect("tickets"), bob_tickets.to_string());
    let (_, after) = owner.get("/api/v1/admin/customers?q=zoe@import.test").await;
    assert_eq!(after["items"][0]["tickets"].as_i64(), Some(bob_tickets), "{after}");
    let (status, moved) = owner.get(&format!("/api/v1/tickets/{ticket}")).await;
    assert!(status.is_success() && moved["requester"]["id"] == after["items"][0]["id"], "{moved}");
    b.quit().await;
}
