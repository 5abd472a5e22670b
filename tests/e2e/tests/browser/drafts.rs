//! Nothing typed is lost: drafts survive a reload, a send to a stopped server keeps the text and
//! says so, and "retry" sends it exactly once. Confidential info never comes back.

use baton_e2e::{ApiClient, Chromedriver, Stack, DEMO_PASSWORD};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reply_draft_survives_reload_and_retry_sends_once() {
    let mut stack = Stack::start().await;
    let alice = ApiClient::login(&stack.base_url(), "alice@customer.test").await;
    let id = alice.create_ticket("Mailbox full").await;

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&stack.base_url(), "alice@customer.test", DEMO_PASSWORD).await;
    b.goto(&stack.url(&format!("/tickets/{id}"))).await;
    let text = "I deleted old mail but it is still full.";
    b.type_into("reply-body", text).await;

    b.driver.refresh().await.expect("reload");
    b.find_with("ticket-detail", "data-ticket-id", &id).await;
    let kept = b.find("reply-body").await.value().await.expect("value");
    assert_eq!(kept.as_deref(), Some(text), "the draft did not survive a reload");

    // The server goes away: the send fails visibly and the text stays.
    stack.stop().await;
    b.click("reply-send").await;
    b.find("send-error").await;
    let kept = b.find("reply-body").await.value().await.expect("value");
    assert_eq!(kept.as_deref(), Some(text), "a failed send lost the text");
    b.assert_accessible("a failed send").await;

    // It comes back: retry sends once, even if the first attempt had reached it.
    stack.restart().await;
    b.click("retry").await;
    b.find_by(thirtyfour::By::XPath(format!(
        "//*[@data-testid='message-body'][contains(normalize-space(.), '{text}')]"
    )))
    .await;
    b.gone("send-error").await;
    let alice = ApiClient::login(&stack.base_url(), "alice@customer.test").await;
    let copies = alice.messages(&id).await.iter().filter(|m| m["body"] == text).count();
    assert_eq!(copies, 1, "retry must not duplicate the message");
    // Sent and acknowledged: the draft is gone after a reload.
    b.driver.refresh().await.expect("reload");
    b.find_with("ticket-detail", "data-ticket-id", &id).await;
    let after = b.find("reply-body").await.value().await.expect("value");
    assert_eq!(after.as_deref(), Some(""));
    b.quit().await;
}

/// Submitted through the form, the confidential text is in no API answer (list, detail, thread,
/// for the customer or an agent) and not in the database file: only ciphertext is stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn confidential_info_is_masked_and_never_stored_in_clear() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let (type_id, subtype_id) = alice.ticket_type("Technical issue", "Site is down").await;
    let secret = "Adm1n-Passw0rd-7f3a9";

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "alice@customer.test", DEMO_PASSWORD).await;
    b.click("nav-submit").await;
    b.select("ticket-type", &type_id).await;
    b.select("ticket-subtype", &subtype_id).await;
    b.type_into("ticket-title", "Admin panel login fails").await;
    b.type_into("ticket-description", "The admin login says wrong password.").await;
    b.type_into("ticket-confidential", secret).await;
    b.click("ticket-submit").await;
    let detail = b.find_with("ticket-detail", "data-status", "new").await;
    let id = detail.attr("data-ticket-id").await.expect("attr").expect("id");
    b.find("confidential-masked").await;
    assert!(!b.driver.source().await.expect("source").contains(secret), "the page shows the secret");

    let admin = ApiClient::login(&base, "admin@baton.test").await;
    for (who, client) in [("alice", &alice), ("admin", &admin)] {
        for path in [
            "/api/v1/tickets".to_owned(),
            format!("/api/v1/tickets/{id}"),
            format!("/api/v1/tickets/{id}/messages"),
        ] {
            let (status, body) = client.get(&path).await;
            assert_eq!(status, 200, "{who} {path}: {body}");
            assert!(!body.to_string().contains(secret), "{who} {path} leaks the secret");
        }
    }
    let (_, ticket) = alice.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(ticket["confidential_set"], true, "{ticket}");

    // Every file of the database (main, WAL, shared memory) holds only ciphertext.
    let db = stack.database_file();
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{}{suffix}", db.display());
        if let Ok(bytes) = std::fs::read(&path) {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{path} contains the plaintext"
            );
        }
    }
    b.quit().await;
}
