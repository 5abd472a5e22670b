//! The help articles, as a visitor and a customer use them, in real headless Chromium against the
//! real server: browse and search before signing in, read an article, and get suggestions while
//! typing a ticket title that open in a new tab. axe-core checks every page.

use baton_e2e::{browser::tid, Chromedriver, Stack, DEMO_PASSWORD};
use thirtyfour::By;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn visitors_search_and_read_and_customers_get_suggestions() {
    let stack = Stack::start().await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("zh-CN").await;
    let base = stack.base_url();

    // Not signed in: the header offers the help articles, the list shows the demo desk's.
    b.goto(&stack.url("/kb")).await;
    b.click("nav-kb").await;
    b.find("kb-article-row").await;
    b.assert_accessible("help articles").await;

    // A Chinese search puts the Chinese printer article first and keeps the words in the URL.
    b.type_into("kb-search", "打印机卡纸").await;
    b.click("kb-search-submit").await;
    b.wait_text("kb-article-row", |t| t.contains("打印机卡纸怎么办"))
        .await;
    let first = b.find("kb-article-row").await;
    let url = b.driver.current_url().await.expect("url");
    assert!(url.as_str().contains("q="), "{url}");
    b.assert_accessible("help article search").await;

    // The article page renders the server's sanitized HTML.
    first.click().await.expect("open the article");
    b.find("kb-article").await;
    let bold = b
        .find_by(By::Css("[data-testid='kb-article-body'] strong".to_owned()))
        .await;
    assert!(!bold.text().await.expect("text").is_empty());
    b.assert_accessible("help article").await;

    // Signed in, typing a ticket title suggests articles that open in a new tab.
    b.login(&base, "alice@customer.test", DEMO_PASSWORD).await;
    b.click("nav-submit").await;
    b.type_into("ticket-title", "VPN 连接不上").await;
    let suggestion = b.find("kb-suggestion").await;
    assert_eq!(
        suggestion.attr("target").await.expect("attr").as_deref(),
        Some("_blank")
    );
    let rel = suggestion
        .attr("rel")
        .await
        .expect("attr")
        .unwrap_or_default();
    assert!(rel.contains("noopener"), "{rel}");
    b.assert_accessible("submit form with suggestions").await;
    let tabs = b.driver.windows().await.expect("windows").len();
    suggestion.click().await.expect("open the suggestion");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while b.driver.windows().await.expect("windows").len() == tabs {
        assert!(std::time::Instant::now() < deadline, "no new tab opened");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // The form, and what was typed, are still there in the first tab.
    let title = b.find("ticket-title").await.value().await.expect("value");
    assert_eq!(title.as_deref(), Some("VPN 连接不上"));
    assert!(b.driver.find(tid("ticket-form")).await.is_ok());
    b.quit().await;
}
