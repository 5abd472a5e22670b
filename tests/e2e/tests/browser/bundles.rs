//! The two SPA bundles: the help center (`dist/`) and the agent workspace (`dist/ws/`, served for
//! `/agent` and below). Crossing between them is a full page load that ends in the right bundle.

use baton_e2e::{Browser, Chromedriver, Stack, DEMO_PASSWORD};
use std::time::{Duration, Instant};

/// Which bundle the current document loaded: its module script (minified: any quotes) imports
/// `/ws/baton-agent-…` or `/baton-…`.
async fn bundle(b: &Browser) -> String {
    let script = "const s = [...document.querySelectorAll('script[type=module]')].map(e => e.textContent).join(' ');\
        return s.includes('/ws/baton-agent-') ? 'agent' : s.includes('/baton-') ? 'help-center' : 'none';";
    let ret = b.driver.execute(script, Vec::new()).await.expect("script");
    ret.json().as_str().unwrap_or_default().to_owned()
}

/// Waits until the address bar shows `path_and_query` in the `expected` bundle.
async fn until_at(b: &Browser, path_and_query: &str, expected: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let url = b.driver.current_url().await.expect("url");
        let here = match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        };
        let which = bundle(b).await;
        if here == path_and_query && which == expected {
            return;
        }
        assert!(Instant::now() < deadline, "at {here} in {which}, waited for {path_and_query} in {expected}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agents_and_customers_cross_between_the_bundles_by_page_loads() {
    let stack = Stack::start().await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;

    // Not signed in, the workspace sends the browser to the help center's login page.
    b.goto(&stack.url("/agent")).await;
    b.find("login-email").await;
    until_at(&b, "/login?next=%2Fagent", "help-center").await;

    // An agent signs in and lands in the workspace, the agent bundle.
    b.type_into("login-email", "agent@baton.test").await;
    b.type_into("login-password", DEMO_PASSWORD).await;
    b.click("login-submit").await;
    b.find("view-item").await;
    until_at(&b, "/agent", "agent").await;
    b.find("current-user").await;

    // The header's help articles link leaves the workspace for the help center.
    b.click("nav-kb").await;
    b.find_with("nav-kb", "aria-current", "page").await;
    until_at(&b, "/kb", "help-center").await;

    // From the help center's home, staff go back to the workspace.
    b.goto(&stack.url("/")).await;
    b.find("view-item").await;
    until_at(&b, "/agent", "agent").await;

    // Signing out in the workspace ends at the help center's login page.
    b.click("logout").await;
    b.find("login-email").await;
    until_at(&b, "/login", "help-center").await;

    // A customer who opens the workspace is sent to their tickets, in the help center.
    b.type_into("login-email", "alice@customer.test").await;
    b.type_into("login-password", DEMO_PASSWORD).await;
    b.click("login-submit").await;
    b.find("current-user").await;
    until_at(&b, "/tickets", "help-center").await;
    b.goto(&stack.url("/agent")).await;
    b.find("nav-my-tickets").await;
    until_at(&b, "/tickets", "help-center").await;

    // A path under /agent that matches no route is the workspace's "not found", not a reload loop.
    b.goto(&stack.url("/agent/nope")).await;
    b.find_by(thirtyfour::By::XPath("//h1[normalize-space(.)='Page not found']".to_owned())).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    until_at(&b, "/agent/nope", "agent").await;
    b.quit().await;
}

/// `/robots.txt` is a file of its own (not the app's document, which crawlers misread): the help
/// articles may be crawled, the signed-in pages, the API and the widget frame not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn robots_txt_is_served_as_text() {
    let stack = Stack::start().await;
    let response = reqwest::get(stack.url("/robots.txt")).await.expect("GET /robots.txt");
    assert_eq!(response.status(), 200);
    let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(kind.starts_with("text/plain"), "{kind}");
    let body = response.text().await.expect("body");
    for line in ["User-agent: *", "Disallow: /agent", "Disallow: /api/", "Disallow: /tickets", "Allow: /"] {
        assert!(body.lines().any(|l| l == line), "{line:?} missing from {body}");
    }
}
