//! Mail (issue 12): the outbox and its sending job, against a real SMTP server (aiosmtpd, in
//! `baton-smtp-fixture`). Mail arrives with its desk in the subject and a working link in zh-CN or
//! English; without `--smtp-url` it waits and the admin's outbox lists it (never a body); a server
//! that is absent or refuses gets retried with backoff until the mail is `failed`.

use crate::support::{TestApp, ADMIN, AGENT, ALICE};
use axum::http::StatusCode;
use baton_server::accounts::{self, NewTenant, SetupMail};
use baton_server::mail::{send, Lang};
use baton_smtp_fixture::{link_in, Message, SmtpSink};
use serde_json::json;
use std::time::Duration;

/// The application sending its mail to `sink`.
pub async fn mailing_app(sink: &SmtpSink) -> TestApp {
    let url = sink.url();
    TestApp::with(move |c| c.smtp_url = Some(url)).await
}

/// Runs the sending job once, as the scheduler would; how many mails went out.
pub async fn deliver(app: &TestApp) -> usize {
    send::run(&app.services).await.expect("the sending job")
}

/// The newest mail to `to` caught by `sink` (it arrived during [`deliver`]).
pub fn caught(sink: &SmtpSink, to: &str) -> Message {
    sink.wait_for(to, Duration::from_secs(5))
}

/// The token of a `/set-password?token=…` link in `text`.
pub fn token_in(text: &str) -> String {
    let link = link_in(text).expect("a link in the mail");
    link.split("token=").nth(1).expect("a token in the link").to_owned()
}

async fn acme(app: &TestApp, lang: Lang) -> String {
    let new = NewTenant { slug: "acme", name: "Acme Support", owner_email: "owner@acme.test" };
    let mail = SetupMail { public_url: "https://help.acme.test", lang };
    accounts::create_tenant_mailing(&app.db, app.services.clock.now(), &new, Some(&mail)).await.expect("desk").token
}

#[tokio::test]
async fn a_new_desks_setup_mail_arrives_in_its_language_with_a_link_that_works_once() {
    // (language, subject, a phrase of the text)
    let cases = [
        (Lang::En, "Acme Support: set your password", "you are its owner"),
        (Lang::ZhCn, "Acme Support:请设置密码", "您是它的所有者"),
    ];
    for (lang, subject, phrase) in cases {
        let sink = SmtpSink::start();
        let app = mailing_app(&sink).await;
        let printed = acme(&app, lang).await;
        assert_eq!(deliver(&app).await, 1);
        let mail = caught(&sink, "owner@acme.test");
        assert_eq!(mail.subject, subject);
        assert!(mail.text.contains(phrase), "{lang:?}: {}", mail.text);
        let link = link_in(&mail.text).expect("link");
        assert_eq!(link, format!("https://help.acme.test/set-password?token={printed}"));
        assert!(mail.html.as_deref().is_some_and(|h| h.contains("set-password")), "an HTML part");
        assert!(mail.header("Message-ID").is_some_and(|id| id.ends_with("@help.acme.test>")), "{:?}", mail.headers);
        assert_eq!(mail.header("From"), Some("Baton <baton@localhost>"));
        let token = token_in(&mail.text);
        let set = |password: &'static str| app.post(&format!("/api/v1/password-tokens/{token}")).json(&json!({ "password": password }));
        assert_eq!(set("a fine new password").send().await.status, StatusCode::OK);
        set("another fine password").send().await.problem(StatusCode::GONE, "token_invalid");
        // Sent: the bodies (the link) are gone from the database; nothing is sent twice.
        let (status, text, html): (String, String, String) =
            sqlx::query_as("SELECT status, body_text, body_html FROM mail_outbox").fetch_one(&app.sql).await.expect("row");
        assert_eq!((status.as_str(), text.as_str(), html.as_str()), ("sent", "", ""));
        assert_eq!(deliver(&app).await, 0);
        assert_eq!(sink.messages().len(), 1);
    }
}

#[tokio::test]
async fn without_smtp_mail_waits_in_the_outbox_which_admins_list_without_bodies() {
    let app = TestApp::new().await;
    acme(&app, Lang::En).await;
    let res = app.post("/api/v1/password-resets").json(&json!({ "email": ALICE })).send().await;
    assert_eq!(res.status, StatusCode::ACCEPTED, "{}", res.text());
    assert_eq!(deliver(&app).await, 0);
    let admin = app.login(ADMIN).await;
    let res = app.get("/api/v1/admin/mail").token(&admin).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let page = res.json();
    assert_eq!(page["smtp"], false);
    // The demo desk's mail only (Acme's setup mail is Acme's).
    let items = page["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{page}");
    let mail = &items[0];
    let mut keys: Vec<&str> = mail.as_object().expect("object").keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["attempts", "created_at", "id", "kind", "last_error", "next_attempt_at", "sent_at", "status", "subject", "to"]);
    assert_eq!((mail["to"].as_str(), mail["kind"].as_str(), mail["status"].as_str()), (Some(ALICE), Some("password_reset"), Some("queued")));
    assert_eq!(mail["subject"], "Baton Demo: reset your password");
    for (query, count) in [("?status=queued", 1), ("?status=sent", 0), ("?status=failed", 0)] {
        let res = app.get(&format!("/api/v1/admin/mail{query}")).token(&admin).send().await;
        assert_eq!(res.json()["items"].as_array().map(Vec::len), Some(count), "{query}");
    }
    app.get("/api/v1/admin/mail?status=lost").token(&admin).send().await.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.get("/api/v1/admin/mail?cursor=zz").token(&admin).send().await.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    for who in [AGENT, ALICE] {
        let token = app.login(who).await;
        app.get("/api/v1/admin/mail").token(&token).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    }
}

#[tokio::test]
async fn the_outbox_pages_by_fifty_newest_first() {
    let app = TestApp::new().await;
    for _ in 0..51 {
        app.post("/api/v1/password-resets").json(&json!({ "email": ALICE })).send().await;
    }
    let admin = app.login(ADMIN).await;
    let first = app.get("/api/v1/admin/mail").token(&admin).send().await.json();
    let ids: Vec<i64> = first["items"].as_array().expect("items").iter().filter_map(|m| m["id"].as_i64()).collect();
    assert_eq!(ids.len(), 50);
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first");
    let cursor = first["next_cursor"].as_str().expect("a next page");
    let second = app.get(&format!("/api/v1/admin/mail?cursor={cursor}")).token(&admin).send().await.json();
    let rest: Vec<i64> = second["items"].as_array().expect("items").iter().filter_map(|m| m["id"].as_i64()).collect();
    assert_eq!(rest.len(), 1);
    assert!(rest[0] < ids[49]);
    assert_eq!(second["next_cursor"], serde_json::Value::Null);
}

/// A loopback SMTP server that refuses every conversation with a 554 greeting.
async fn refusing_server() -> String {
    use tokio::io::AsyncWriteExt;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let _ = stream.write_all(b"554 no service here\r\n").await;
        }
    });
    format!("smtp://{addr}")
}

/// A loopback address nobody listens on.
fn absent_server() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    format!("smtp://{addr}")
}

#[tokio::test]
async fn an_absent_or_refusing_server_is_retried_with_backoff_until_the_mail_fails() {
    for url in [absent_server(), refusing_server().await] {
        let app = TestApp::with({
            let url = url.clone();
            move |c| c.smtp_url = Some(url)
        })
        .await;
        // Stopped, so the due times computed here and by the job are the same second (real time
        // crossed a second between them once on a loaded machine).
        app.services.clock.pin(app.services.clock.now());
        let res = app.post("/api/v1/password-resets").json(&json!({ "email": ALICE })).send().await;
        assert_eq!(res.status, StatusCode::ACCEPTED);
        for (attempt, delay) in send::BACKOFF.iter().enumerate() {
            assert_eq!(deliver(&app).await, 0, "{url}");
            let (status, attempts, error, next): (String, i64, Option<String>, Option<String>) =
                sqlx::query_as("SELECT status, attempts, last_error, next_attempt_at FROM mail_outbox").fetch_one(&app.sql).await.expect("row");
            assert_eq!((status.as_str(), attempts), ("queued", i64::try_from(attempt).expect("small") + 1), "{url}");
            assert!(error.is_some_and(|e| !e.is_empty()), "{url}: the error is kept");
            let expected = baton_server::storage::timestamp(app.services.clock.now() + *delay);
            assert_eq!(next.as_deref(), Some(expected.as_str()), "{url}: attempt {attempt}");
            // Not yet due: nothing is tried.
            app.services.clock.advance(*delay - time::Duration::seconds(1));
            deliver(&app).await;
            let attempts_now: i64 = sqlx::query_scalar("SELECT attempts FROM mail_outbox").fetch_one(&app.sql).await.expect("row");
            assert_eq!(attempts_now, attempts, "{url}: tried before it was due");
            app.services.clock.advance(time::Duration::seconds(1));
        }
        deliver(&app).await;
        let (status, text, next): (String, String, Option<String>) =
            sqlx::query_as("SELECT status, body_text, next_attempt_at FROM mail_outbox").fetch_one(&app.sql).await.expect("row");
        assert_eq!((status.as_str(), text.as_str(), next), ("failed", "", None), "{url}");
        let admin = app.login(ADMIN).await;
        let listed = app.get("/api/v1/admin/mail?status=failed").token(&admin).send().await.json();
        assert_eq!(listed["smtp"], true);
        assert_eq!(listed["items"][0]["attempts"], 6);
        assert!(listed["items"][0]["last_error"].as_str().is_some_and(|e| !e.is_empty()));
    }
}

/// A real server: the scheduler's job sends mail queued by a request at once (woken), not at its
/// next round ten seconds later.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_server_sends_queued_mail_promptly() {
    let sink = SmtpSink::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = crate::support::config(&dir);
    config.smtp_url = Some(sink.url());
    config.public_url = "https://help.example.test".into();
    let server = baton_server::Server::start(config).await.expect("server starts");
    // Past the scheduler's first round, which found the outbox empty.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let res = reqwest::Client::new()
        .post(format!("http://{}/api/v1/password-resets", server.local_addr()))
        .header("baton-client", "test")
        .json(&json!({ "email": ALICE }))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status().as_u16(), 202);
    let mail = tokio::task::spawn_blocking(move || {
        let mail = sink.wait_for(ALICE, Duration::from_secs(5));
        drop(sink);
        mail
    })
    .await
    .expect("sink");
    assert!(link_in(&mail.text).is_some_and(|l| l.starts_with("https://help.example.test/set-password?token=")), "{}", mail.text);
    server.shutdown().await;
}

#[tokio::test]
async fn a_failure_leaves_the_rest_of_the_queue_for_the_next_round() {
    let url = absent_server();
    let app = TestApp::with(move |c| c.smtp_url = Some(url)).await;
    for email in [ALICE, crate::support::BOB, crate::support::CAROL] {
        app.post("/api/v1/password-resets").json(&json!({ "email": email })).send().await;
    }
    deliver(&app).await;
    assert_eq!(app.count("SELECT CAST(SUM(attempts) AS BIGINT) FROM mail_outbox").await, 1, "one attempt per round while the server is down");
    deliver(&app).await;
    assert_eq!(app.count("SELECT CAST(SUM(attempts) AS BIGINT) FROM mail_outbox").await, 2, "the next waiting mail, not the one backing off");
}
