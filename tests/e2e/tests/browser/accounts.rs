//! Setting up a desk (issue 12): a desk created as `baton-server tenant create` creates it, its
//! printed link followed in Chromium, a weak password refused on the spot, a good one set, and the
//! owner lands signed in in the workspace; the same link then says it is no longer valid.

use baton_e2e::{browser::tid, Chromedriver, Stack};
use baton_server::accounts::{self, NewTenant};
use baton_server::storage;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_owner_sets_a_password_from_the_link_and_lands_signed_in() {
    let stack = Stack::start().await;
    // The CLI's code path, on the running server's database (as a second process would be).
    let db = storage::open(stack.database_url()).await.expect("open the database");
    let new = NewTenant { slug: "acme", name: "Acme Support", owner_email: "owner@acme.test" };
    let created = accounts::create_tenant(&db, storage::now(), &new).await.expect("create the desk");
    db.close().await;
    let link = accounts::password_link(&stack.base_url(), &created.token);

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.goto(&link).await;
    b.find("set-password-form").await;
    b.assert_accessible("set password").await;

    // Too short: refused next to the field before anything is sent; the typed value stays.
    b.type_into("set-password", "short").await;
    b.click("set-password-submit").await;
    b.find_with("field-error", "data-field", "password").await;
    let kept = b.find("set-password").await.value().await.expect("value");
    assert_eq!(kept.as_deref(), Some("short"));

    b.type_into("set-password", "acme owner password").await;
    b.click("set-password-submit").await;
    b.find("current-user").await;
    let url = b.driver.current_url().await.expect("url");
    assert_eq!(url.path(), "/agent", "{url}");

    // The owner signs in with it by the desk's name, through the API.
    let client = reqwest::Client::new();
    let res = client
        .post(stack.url("/api/v1/session"))
        .json(&serde_json::json!({ "email": "owner@acme.test", "password": "acme owner password", "tenant": "acme" }))
        .send()
        .await
        .expect("login");
    assert_eq!(res.status(), 200);

    // The link worked once.
    b.goto(&link).await;
    b.type_into("set-password", "another good password").await;
    b.click("set-password-submit").await;
    let said = b.wait_text("set-password-error", |t| !t.is_empty()).await;
    assert!(said.contains("expired or was already used"), "{said}");
    let kept = b.find_by(tid("set-password")).await.value().await.expect("value");
    assert_eq!(kept.as_deref(), Some("another good password"));
    b.quit().await;
}
