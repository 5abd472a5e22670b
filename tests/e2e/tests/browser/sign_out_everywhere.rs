//! "Sign out everywhere" on /agent/settings (issue 16): the agent's sessions end on every device —
//! this browser lands on the login page, another client's session of theirs is refused — and
//! nobody else's. The page passes axe.

use baton_e2e::{ApiClient, Chromedriver, Stack, DEMO_PASSWORD};
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_everywhere_ends_the_agents_sessions_only() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let other_device = ApiClient::login(&base, "agent@baton.test").await;
    let someone_else = ApiClient::login(&base, "admin@baton.test").await;

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/agent/settings")).await;
    b.find("logout-everywhere").await;
    b.assert_accessible("settings with sign out everywhere").await;
    b.click("logout-everywhere").await;
    b.find("login-email").await;

    assert_eq!(other_device.get("/api/v1/me").await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(someone_else.get("/api/v1/me").await.0, StatusCode::OK);
    // The browser's own session is gone too: the workspace asks for a sign-in.
    b.goto(&stack.url("/agent")).await;
    b.find("login-email").await;
    b.quit().await;
}
