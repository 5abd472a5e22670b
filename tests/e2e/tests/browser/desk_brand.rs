//! The desk's header text and language in Chromium (issue 12): an admin sets them on
//! `/admin/settings` (a text over 40 characters is said beside its input, which keeps it; the page
//! passes axe); a customer whose browser asks for French — neither of the desk's languages — signs
//! in and reads the help center in the desk's Chinese under the desk's text; one whose browser asks
//! for English keeps English, under the same text. Before signing in, the header names the product.

use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use thirtyfour::By;

const TEXT: &str = "Acme 客服中心";

async fn html_lang(b: &Browser) -> String {
    let ret = b.driver.execute("return document.documentElement.lang;", Vec::new()).await.expect("script");
    ret.json().as_str().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_desks_text_heads_its_pages_and_its_language_is_taken_when_the_browser_asks_for_neither() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let admin = ApiClient::login(&base, "admin@baton.test").await;
    let chromedriver = Chromedriver::start().await;

    let b = chromedriver.browser("en").await;
    b.login(&base, "admin@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/admin/settings")).await;
    let long = "客".repeat(41);
    b.type_into("settings-logo-text", &long).await;
    b.click("settings-save").await;
    b.find_by(By::Css("[data-testid='field-error'][data-field='logo_text']".to_owned())).await;
    assert_eq!(b.find("settings-logo-text").await.value().await.expect("value"), Some(long));
    b.type_into("settings-logo-text", TEXT).await;
    b.select("settings-language", "zh-CN").await;
    b.assert_accessible("/admin/settings with the header text and language").await;
    b.click("settings-save").await;
    b.wait_text("admin-notice", |t| !t.is_empty()).await;
    let (_, settings) = admin.get("/api/v1/admin/settings").await;
    assert_eq!((settings["logo_text"].as_str(), settings["language"].as_str()), (Some(TEXT), Some("zh-CN")), "{settings}");
    b.quit().await;

    // French asked for: the desk's Chinese once signed in, under the desk's text.
    let french = chromedriver.browser("fr").await;
    french.goto(&stack.url("/kb")).await;
    french.wait_text("brand", |t| t != TEXT && !t.is_empty()).await;
    assert_eq!(html_lang(&french).await, "en", "before signing in: English, the fallback");
    french.login(&base, "alice@customer.test", DEMO_PASSWORD).await;
    french.wait_text("brand", |t| t == TEXT).await;
    assert_eq!(html_lang(&french).await, "zh-CN");
    french.assert_accessible("the help center in the desk's language").await;
    french.quit().await;

    // English asked for: English stays, the desk's text all the same.
    let english = chromedriver.browser("en").await;
    english.login(&base, "bob@customer.test", DEMO_PASSWORD).await;
    english.wait_text("brand", |t| t == TEXT).await;
    assert_eq!(html_lang(&english).await, "en");
    english.quit().await;
}
