//! Notifications (issue 13) in Chromium against the real server mailing a real SMTP sink: while
//! the customer is online the bell counts the agent's reply live and no mail goes out; once she
//! has left, the next reply is mailed (ticket number in the subject, threaded by ticket, a link to
//! her ticket page, never the reply's text). The inbox and its preferences pass axe.

use baton_e2e::{ApiClient, Chromedriver, Stack, DEMO_PASSWORD};
use baton_smtp_fixture::{link_in, SmtpSink};
use std::time::Duration;

const ALICE: &str = "alice@customer.test";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_gets_the_reply_mail_only_when_not_online() {
    let sink = SmtpSink::start();
    let stack = Stack::start_with_mail(&sink).await;
    let alice_api = ApiClient::login(&stack.base_url(), ALICE).await;
    let agent = ApiClient::login(&stack.base_url(), "agent@baton.test").await;
    let id = alice_api.create_ticket("Printer on fire").await;

    let chromedriver = Chromedriver::start().await;
    let alice = chromedriver.browser("en").await;
    alice.login(&stack.base_url(), ALICE, DEMO_PASSWORD).await;
    alice.find("notification-bell").await;
    // Online: the reply is counted on the bell as it happens, and nobody mails her.
    agent.say(&id, "public", "SECRET-REPLY-TEXT we are on it").await;
    alice.wait_text("notification-count", |t| t == "1").await;
    tokio::time::sleep(Duration::from_secs(8)).await;
    assert!(sink.messages_to(ALICE).is_empty(), "no mail while she is online");

    alice.click("notification-bell").await;
    let item = alice.find("notification-item").await;
    assert_eq!(item.attr("data-kind").await.expect("attr").as_deref(), Some("public_reply"));
    alice.assert_accessible("the inbox with its preferences").await;
    alice.click("notification-open").await;
    alice.find("ticket-detail").await;
    let url = alice.driver.current_url().await.expect("url");
    assert_eq!(url.path(), format!("/tickets/{id}"));
    alice.hidden("notification-count").await;
    alice.quit().await;

    // Gone: the next reply is mailed, once her stream has closed.
    let mut mail = None;
    for _ in 0..20 {
        agent.say(&id, "public", "SECRET-REPLY-TEXT second answer").await;
        let got = tokio::task::block_in_place(|| {
            let deadline = std::time::Instant::now() + Duration::from_secs(8);
            while std::time::Instant::now() < deadline {
                if let Some(m) = sink.messages_to(ALICE).pop() {
                    return Some(m);
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            None
        });
        if got.is_some() {
            mail = got;
            break;
        }
    }
    let mail = mail.expect("a mail once she is offline");
    let (_, ticket) = alice_api.get(&format!("/api/v1/tickets/{id}")).await;
    let number = ticket["number"].as_i64().expect("number");
    assert!(mail.subject.starts_with(&format!("[#{number}] Printer on fire")), "{}", mail.subject);
    let root = mail.header("References").expect("References").to_owned();
    assert_eq!(mail.header("In-Reply-To"), Some(root.as_str()));
    assert!(root.starts_with("<ticket-"), "{root}");
    assert_eq!(link_in(&mail.text), Some(stack.url(&format!("/tickets/{id}"))));
    assert!(!mail.text.contains("SECRET-REPLY-TEXT"), "never the reply itself: {}", mail.text);
}

/// The SLA watch warns the assignee by mail (offline) once the clock has moved close to the due
/// time; the agent's console inbox lists it and passes axe.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_is_mailed_an_sla_warning_after_the_clock_moves() {
    let sink = SmtpSink::start();
    let stack = Stack::start_with_mail(&sink).await;
    let admin = ApiClient::login(&stack.base_url(), "admin@baton.test").await;
    let policy = serde_json::json!({"name": "Everyone", "targets": [{"priority": "normal", "first_reply": 60}]});
    let (status, body) = admin.post("/api/v1/admin/sla/policies", policy).await;
    assert_eq!(status, 201, "{body}");
    let alice = ApiClient::login(&stack.base_url(), ALICE).await;
    let id = alice.create_ticket("Due within the hour").await;
    let (_, me) = ApiClient::login(&stack.base_url(), "agent@baton.test").await.get("/api/v1/me").await;
    let (status, body) = admin.patch_ticket(&id, serde_json::json!({"assignee_id": me["id"]})).await;
    assert_eq!(status, 200, "{body}");
    stack.clock().advance(time::Duration::minutes(31));
    let mail = tokio::task::block_in_place(|| {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(m) = sink.messages_to("agent@baton.test").into_iter().find(|m| m.subject.contains("SLA")) {
                return m;
            }
            assert!(std::time::Instant::now() < deadline, "no SLA mail");
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    assert!(mail.subject.contains("Due within the hour"), "{}", mail.subject);
    assert_eq!(link_in(&mail.text), Some(stack.url(&format!("/agent/tickets/{id}"))));

    let chromedriver = Chromedriver::start().await;
    let agent = chromedriver.browser("zh-CN").await;
    agent.login(&stack.base_url(), "agent@baton.test", DEMO_PASSWORD).await;
    agent.click("notification-bell").await;
    agent.find_with("notification-item", "data-kind", "sla_warning").await;
    agent.find("pref-digest").await;
    agent.assert_accessible("the console's inbox").await;
    agent.quit().await;
}

/// How many `[data-testid=testid]` elements with `attr`'s value `value` (any when `None`) there are.
async fn count(b: &baton_e2e::browser::Browser, testid: &str, attr: Option<(&str, &str)>) -> usize {
    let css = match attr {
        Some((name, value)) => format!("[data-testid='{testid}'][{name}='{value}']"),
        None => format!("[data-testid='{testid}']"),
    };
    b.driver.find_all(thirtyfour::By::Css(css)).await.expect("query").len()
}

/// Waits until there are `want` of them.
async fn wait_count(b: &baton_e2e::browser::Browser, testid: &str, attr: Option<(&str, &str)>, want: usize) {
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let n = count(b, testid, attr).await;
        if n == want {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "{testid} {attr:?}: {n}, wanted {want}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The inbox shows a page at a time and loads older notifications when asked; "mark all read"
/// marks what is shown, older pages included.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_inbox_loads_older_notifications_on_demand() {
    let stack = Stack::start().await;
    let alice_api = ApiClient::login(&stack.base_url(), ALICE).await;
    let agent = ApiClient::login(&stack.base_url(), "agent@baton.test").await;
    let id = alice_api.create_ticket("Many answers").await;
    for i in 0..32 {
        agent.say(&id, "public", &format!("answer {i}")).await;
    }
    let (_, page) = alice_api.get("/api/v1/notifications?limit=100").await;
    let total = page["items"].as_array().map_or(0, Vec::len);
    assert!(total >= 32, "{page}");

    let chromedriver = Chromedriver::start().await;
    let alice = chromedriver.browser("en").await;
    alice.login(&stack.base_url(), ALICE, DEMO_PASSWORD).await;
    alice.goto(&stack.url("/notifications")).await;
    wait_count(&alice, "notification-item", None, 30).await;
    alice.click("load-more").await;
    wait_count(&alice, "notification-item", None, total.min(60)).await;
    if total <= 60 {
        alice.gone("load-more").await;
    }
    alice.click("notifications-mark-all").await;
    wait_count(&alice, "notification-item", Some(("data-read", "false")), 0).await;
    wait_count(&alice, "notification-item", Some(("data-read", "true")), total.min(60)).await;
    alice.hidden("notification-count").await;
    alice.quit().await;
}
