//! The widget with third-party cookies blocked, so only its bearer session works: a click on an
//! attachment fetches it with the token and saves it, and an agent's reply appears in the open
//! thread without a reload (the live stream opened with a single-use stream ticket).

use baton_e2e::host::{page, HostSite};
use baton_e2e::widget::{allow, eval, in_shadow, technical_issue, token, until};
use baton_e2e::{ApiClient, Chromedriver, Stack};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attachments_download_and_replies_arrive_live_in_the_widget() {
    let stack = Stack::start().await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver
        .browser_blocking_third_party_cookies("en")
        .await;
    let attrs = format!(r#"data-token="{}""#, token("shop-liv", "Live Liv", 300));
    // Baton as `localhost`, the host as `127.0.0.1`: the frame is a third party.
    let baton = stack.base_url().replace("127.0.0.1", "localhost");
    let host = HostSite::start(page(&baton, "demo", &attrs)).await;
    allow(&stack, &[host.origin("127.0.0.1")]).await;
    b.goto(&format!("{}/", host.origin("127.0.0.1"))).await;
    in_shadow(&b, "baton-launcher")
        .await
        .click()
        .await
        .expect("open");
    let frame = in_shadow(&b, "baton-frame").await;
    frame.enter_frame().await.expect("into the widget");
    b.find("ticket-form").await;
    b.wait_text("current-user", |t| t == "Live Liv").await;

    // Submit a ticket with a file.
    let files = tempfile::tempdir().expect("temp dir");
    let receipt = b"order 1042, paid, not delivered\n".repeat(100);
    let path = files.path().join("receipt.txt");
    std::fs::write(&path, &receipt).expect("write the file");
    let (type_id, subtype_id) = technical_issue(&stack).await;
    b.select("ticket-type", &type_id.to_string()).await;
    b.select("ticket-subtype", &subtype_id.to_string()).await;
    b.type_into("ticket-title", "Receipt attached").await;
    b.type_into("ticket-description", "Here is the receipt.")
        .await;
    b.find("ticket-attachments")
        .await
        .send_keys(path.display().to_string())
        .await
        .expect("choose the file");
    b.find_with("upload", "data-state", "done").await;
    b.click("ticket-submit").await;
    let detail = b.find_with("ticket-detail", "data-status", "new").await;
    let id = detail
        .attr("data-ticket-id")
        .await
        .expect("attr")
        .expect("ticket id");

    // The download: the link stays a link; the click fetches the bytes with the bearer token,
    // which the hooked `URL.createObjectURL` sees as a Blob of the file's size.
    let link = b.find("attachment").await;
    let href = link.attr("href").await.expect("attr").unwrap_or_default();
    assert!(href.contains("/api/v1/attachments/"), "{href}");
    eval(
        &b,
        "window.savedBlobs = []; window.stillThisPage = true;\
         const create = URL.createObjectURL;\
         URL.createObjectURL = blob => { savedBlobs.push(blob.size); return create.call(URL, blob); };\
         return null;",
    )
    .await;
    link.click().await.expect("click the attachment");
    let saved = until(
        &b,
        "the attachment saved",
        "return savedBlobs.length ? savedBlobs : null;",
    )
    .await;
    assert_eq!(saved.json(), &json!([receipt.len()]));
    assert_eq!(
        eval(&b, "return document.querySelectorAll(\"[data-testid='toast'][data-kind='error']\").length;").await,
        json!(0),
        "an error toast after the download"
    );

    // An agent answers through the API; the open thread shows it by itself.
    let admin = ApiClient::login(&stack.base_url(), "admin@baton.test").await;
    admin.say(&id, "public", "Refund is on its way.").await;
    until(
        &b,
        "the agent's reply in the widget",
        "return [...document.querySelectorAll(\"[data-testid='message-body']\")]\
         .some(e => e.textContent.includes('Refund is on its way.')) || null;",
    )
    .await;
    assert_eq!(
        eval(&b, "return window.stillThisPage === true;").await,
        json!(true),
        "the frame reloaded"
    );
    b.quit().await;
}
