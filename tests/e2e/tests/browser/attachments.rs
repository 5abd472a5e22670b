//! Attachments from the submit form: a progress bar while uploading, a clear error for a file
//! over the limit, and downloads only for those who may see the ticket.

use baton_e2e::{ApiClient, Chromedriver, Stack, DEMO_PASSWORD};
use thirtyfour::By;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upload_with_progress_download_by_owner_only_and_oversize_refused() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let (type_id, subtype_id) = alice.ticket_type("Technical issue", "Site is down").await;

    let files = tempfile::tempdir().expect("temp dir");
    let log: Vec<u8> = (0..3_000_000u32).map(|i| b"error 503 at checkout\n"[(i % 22) as usize]).collect();
    let log_path = files.path().join("server.log");
    std::fs::write(&log_path, &log).expect("write log");
    // Over the default 20 MB limit.
    let big_path = files.path().join("huge.txt");
    std::fs::write(&big_path, vec![b'x'; 21 * 1024 * 1024]).expect("write big file");

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "alice@customer.test", DEMO_PASSWORD).await;
    b.click("nav-submit").await;
    b.select("ticket-type", &type_id).await;
    b.select("ticket-subtype", &subtype_id).await;
    b.type_into("ticket-title", "Checkout fails with 503").await;
    b.type_into("ticket-description", "The log is attached.").await;
    // Record whether a progress bar is ever shown: the upload may be quicker than any poll.
    b.driver
        .execute(
            "window.__sawProgress = false;\
             new MutationObserver(() => { if (document.querySelector('[role=progressbar]')) window.__sawProgress = true; })\
               .observe(document.body, { childList: true, subtree: true });",
            Vec::new(),
        )
        .await
        .expect("observer");

    let input = b.find("ticket-attachments").await;
    input.send_keys(big_path.display().to_string()).await.expect("choose the big file");
    b.find_with("upload", "data-state", "failed").await;
    b.find_with("field-error", "data-field", "file").await;
    b.click("upload-remove").await;
    b.gone("upload").await;

    let input = b.find("ticket-attachments").await;
    input.send_keys(log_path.display().to_string()).await.expect("choose the log");
    b.find_with("upload", "data-state", "done").await;
    let saw = b.driver.execute("return window.__sawProgress;", Vec::new()).await.expect("flag");
    assert_eq!(saw.json(), &serde_json::json!(true), "no progress bar was shown");
    b.assert_accessible("form with an uploaded file").await;

    b.click("ticket-submit").await;
    let detail = b.find_with("ticket-detail", "data-status", "new").await;
    let id = detail.attr("data-ticket-id").await.expect("attr").expect("id");
    let link = b.find_by(By::Css("[data-testid='attachment'] a, a[data-testid='attachment']")).await;
    let href = link.attr("href").await.expect("attr").expect("href");
    let path = href.strip_prefix(&base).unwrap_or(&href).to_owned();
    assert!(path.starts_with("/api/v1/attachments/"), "{href}");

    let (status, bytes) = alice.download(&path).await;
    assert_eq!(status, 200);
    assert_eq!(bytes, log, "the downloaded file differs");
    let carol = ApiClient::login(&base, "carol@customer.test").await;
    let (status, _) = carol.download(&path).await;
    assert_eq!(status, 404, "carol must not download alice's attachment");
    let (_, ticket) = alice.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(ticket["attachments"].as_array().map(Vec::len), Some(1), "{ticket}");
    b.quit().await;
}
