//! The widget's bearer session ends (here: the server forgets it, as when its hour is up): the
//! widget says so, tells the host (`token-expired`), and signs in again with the next token the
//! host gives it (`Baton.identify`), without a reload.

use baton_e2e::host::{page, HostSite};
use baton_e2e::widget::{allow, in_shadow, token, until};
use baton_e2e::{Chromedriver, Stack};
use baton_server::storage::{self, sessions};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ended_session_asks_the_host_for_a_new_token() {
    let stack = Stack::start().await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    let attrs = format!(r#"data-token="{}""#, token("shop-eve", "Eve Ended", 300));
    let host = HostSite::start(page(&stack.base_url(), "demo", &attrs)).await;
    allow(&stack, &[host.origin("127.0.0.1")]).await;
    b.goto(&format!("{}/", host.origin("127.0.0.1"))).await;
    in_shadow(&b, "baton-launcher")
        .await
        .click()
        .await
        .expect("open");
    let frame = in_shadow(&b, "baton-frame").await;
    frame.clone().enter_frame().await.expect("into the widget");
    b.find("ticket-form").await;

    // Every session ends at once, the widget's among them.
    let db = storage::open(&format!("sqlite://{}", stack.database_file().display()))
        .await
        .expect("the test's database");
    sessions::purge_expired(&db, "9999-12-31T23:59:59Z")
        .await
        .expect("end the sessions");
    b.click("nav-my-tickets").await;
    b.find("widget-gate").await;
    b.driver
        .enter_default_frame()
        .await
        .expect("back to the host");
    until(
        &b,
        "token-expired",
        "return batonEvents.find(e => e.name === 'token-expired') || null;",
    )
    .await;

    // The host signs a fresh token; the widget carries on where the user was.
    let fresh = token("shop-eve", "Eve Ended", 300);
    b.driver
        .execute(&format!("Baton.identify('{fresh}');"), Vec::new())
        .await
        .expect("identify");
    frame.enter_frame().await.expect("into the widget");
    b.find("status-filter").await;
    b.wait_text("current-user", |t| t == "Eve Ended").await;
    b.quit().await;
}
