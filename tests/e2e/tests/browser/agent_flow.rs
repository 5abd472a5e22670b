//! The agent workspace's main flow with two browsers (issue 4): alice submits in hers → the
//! agent's view count rises live → the agent opens it (alice sees 处理中) → an internal note
//! (alice never sees it, in her page or her API) → a public reply (alice sees it live) → complete →
//! alice confirms and rates → the agent sees `rated` and the rating. Every agent page passes axe.


use crate::agent_lists_common::{press, view_count};
use baton_e2e::{browser::tid, ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::json;
use std::time::Instant;
use thirtyfour::By;

fn message_with(text: &str) -> By {
    By::XPath(format!("//*[@data-testid='message-body'][contains(normalize-space(.), '{text}')]"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alice_and_the_agent_take_a_ticket_from_new_to_rated() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice_api = ApiClient::login(&base, "alice@customer.test").await;
    let (type_id, subtype_id) = alice_api.ticket_type("Technical issue", "Site is down").await;

    let chromedriver = Chromedriver::start().await;
    let alice = chromedriver.browser("zh-CN").await;
    let agent = chromedriver.browser("en").await;
    alice.login(&base, "alice@customer.test", DEMO_PASSWORD).await;
    agent.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    agent.goto(&stack.url("/agent?view=all")).await;
    agent.find_with("view-item", "data-view-id", "all").await;
    let before = view_count(&agent, "all").await;
    agent.assert_accessible("workspace").await;
    agent.driver.execute("window.__batonMarker = 7;", Vec::new()).await.expect("marker");

    // alice submits in her browser.
    alice.click("nav-submit").await;
    alice.select("ticket-type", &type_id).await;
    alice.select("ticket-subtype", &subtype_id).await;
    alice.type_into("ticket-title", "Checkout page is blank").await;
    alice.type_into("ticket-description", "Since 9:00 the checkout shows nothing.").await;
    alice.click("ticket-submit").await;
    let detail = alice.find_with("ticket-detail", "data-status", "new").await;
    let id = detail.attr("data-ticket-id").await.expect("attr").expect("ticket id");

    // The agent's count rises, and the row appears, without a reload. (The demo routes no sub-type
    // to a group, so the new ticket is every agent's: in "all I may see" and in "unassigned".)
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    while view_count(&agent, "all").await != before + 1 {
        assert!(Instant::now() < deadline, "the count of 'all' never rose above {before}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let row = agent.find_by(By::Css(format!("[data-testid='ticket-row'][data-ticket-id='{id}']"))).await;
    let marker = agent.driver.execute("return window.__batonMarker;", Vec::new()).await.expect("marker");
    assert_eq!(marker.json(), &json!(7), "the workspace was reloaded");

    // The agent opens it: new → open, and alice's page says 处理中 by itself.
    row.find(By::Css("a")).await.expect("the row's link").click().await.expect("open");
    agent.find_with("ticket-detail", "data-status", "open").await;
    alice.find_with("ticket-detail", "data-status", "open").await;
    alice.wait_text("ticket-status", |t| t.contains("处理中")).await;
    agent.find("customer-panel").await;
    agent.wait_text("customer-requester", |t| t.contains("Alice")).await;
    agent.assert_accessible("agent ticket page").await;

    // An internal note: on the agent's page, never on alice's or in her API.
    agent.click("reply-mode-internal").await;
    agent.type_into("reply-body", "INTERNAL: she is on the legacy plan").await;
    agent.click("reply-send").await;
    agent.find_by(By::Css("[data-testid='message'][data-kind='internal']")).await;
    // A public reply, which alice sees live.
    agent.click("reply-mode-public").await;
    agent.type_into("reply-body", "We restarted the checkout service.").await;
    agent.click("reply-send").await;
    agent.find_by(message_with("We restarted the checkout service.")).await;
    alice.find_by(message_with("We restarted the checkout service.")).await;
    assert!(alice.driver.find_all(By::Css("[data-testid='message'][data-kind='internal']")).await.expect("query").is_empty());
    assert!(!alice.driver.source().await.expect("source").contains("legacy plan"), "the note reached alice's page");
    let thread = alice_api.messages(&id).await;
    assert!(thread.iter().any(|m| m["body"] == "We restarted the checkout service."), "{thread:?}");
    for m in &thread {
        assert_ne!(m["kind"], "internal", "{m}");
        assert!(!m.to_string().contains("legacy plan"), "{m}");
    }

    // Complete; alice confirms and rates; the agent sees it without reloading.
    agent.click("action-complete").await;
    agent.find_with("ticket-detail", "data-status", "solved").await;
    alice.find_with("ticket-detail", "data-status", "solved").await;
    alice.click("action-confirm").await;
    alice.find_with("ticket-detail", "data-status", "confirmed").await;
    alice.click("rating-star-5").await;
    alice.type_into("rating-comment", "Fast, thank you").await;
    alice.click("rating-submit").await;
    alice.find_with("ticket-detail", "data-status", "rated").await;
    agent.find_with("ticket-detail", "data-status", "rated").await;
    agent.find_with("ticket-rating", "data-rating", "5").await;
    agent.wait_text("ticket-rating", |t| t.contains("Fast, thank you")).await;
    assert!(agent.driver.find_all(tid("action-complete")).await.expect("query").is_empty());
    agent.assert_accessible("rated ticket").await;
    alice.quit().await;
    agent.quit().await;
}

/// The value of the agent's composer.
async fn reply_value(b: &Browser) -> String {
    b.find("reply-body").await.value().await.expect("value").unwrap_or_default()
}

/// A quick reply lands at the cursor with its placeholders filled in and stays editable; the other
/// agent on the ticket sees who is viewing and typing, live; r / n / complete work as mapped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_replies_presence_and_shortcuts() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let id = alice.create_ticket("Coupons are rejected").await;
    let (status, ticket) = agent_api.act(&id, "open").await;
    assert_eq!(status, 200, "{ticket}");
    let body = "Hello {{requester.name}}, about #{{ticket.number}}: {{unknown}} — {{agent.name}}";
    let (status, reply) = agent_api
        .post("/api/v1/quick-replies", json!({"title": "Greeting", "body": body, "visibility": "private"}))
        .await;
    assert_eq!(status, 201, "{reply}");
    let (_, me) = agent_api.get("/api/v1/me").await;

    let chromedriver = Chromedriver::start().await;
    let agent = chromedriver.browser("en").await;
    let admin = chromedriver.browser("en").await;
    agent.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    admin.login(&base, "admin@baton.test", DEMO_PASSWORD).await;
    let page = stack.url(&format!("/agent/tickets/{id}"));
    agent.goto(&page).await;
    admin.goto(&page).await;
    agent.find_with("ticket-detail", "data-status", "open").await;

    // The admin sees the agent viewing, then typing, then (after ~3 s idle) not typing.
    let viewer = format!("[data-testid='presence-viewer'][data-user-id='{}']", me["id"]);
    admin.find_by(By::Css(format!("{viewer}[data-typing='false']"))).await;
    // Each change arrives as an SSE event, well before the next 10-second heartbeat would bring it.
    let typed = Instant::now();
    agent.type_into("reply-body", "Start. End.").await;
    admin.find_by(By::Css(format!("{viewer}[data-typing='true']"))).await;
    let to_typing = typed.elapsed();
    admin.wait_text("presence", |t| t.contains("Agent Smith is typing")).await;
    admin.find_by(By::Css(format!("{viewer}[data-typing='false']"))).await;
    let to_idle = typed.elapsed();
    println!("presence: typing shown after {to_typing:?}, idle after {to_idle:?}");
    assert!(to_typing < std::time::Duration::from_secs(3), "typing took {to_typing:?} to show");
    assert!(to_idle < std::time::Duration::from_secs(6), "idle took {to_idle:?} to show (3 s pause + event)");

    // The quick reply goes in at the cursor (after "Start. "), placeholders filled in.
    let area = agent.find("reply-body").await;
    agent.driver.execute("arguments[0].focus(); arguments[0].setSelectionRange(7, 7);", vec![area.to_json().expect("ref")]).await.expect("caret");
    // Keyboard only: type-ahead in the list picks "Greeting" (the demo replies' titles start in
    // Chinese), Tab reaches Insert, Enter inserts.
    agent.find_by(By::Css(format!("[data-testid='quick-reply'] option[value='{}']", reply["id"]))).await;
    agent.assert_accessible("composer with quick replies").await;
    agent.find("quick-reply").await.send_keys("G").await.expect("type-ahead");
    let picked = agent.find("quick-reply").await.value().await.expect("value");
    assert_eq!(picked, Some(reply["id"].to_string()));
    agent.driver.action_chain().send_keys(thirtyfour::Key::Tab).send_keys(thirtyfour::Key::Enter).perform().await.expect("tab, enter");
    let number = ticket["number"].to_string();
    let expected = format!("Start. Hello Alice Chen, about #{number}: {{{{unknown}}}} — Agent SmithEnd.");
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    while reply_value(&agent).await != expected {
        assert!(Instant::now() < deadline, "composer holds {:?}", reply_value(&agent).await);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    agent.find("reply-body").await.send_keys(" Thanks!").await.expect("type");
    assert!(reply_value(&agent).await.contains("Thanks!"), "the inserted text is not editable");
    agent.find("reply-body").await.clear().await.expect("clear");

    // Shortcuts, as the hint names them: note, reply, complete.
    let hint = agent.wait_text("shortcuts-hint", |t| !t.is_empty()).await;
    assert!(hint.contains("r reply") && hint.contains("n internal note"), "{hint}");
    press(&agent, "n").await;
    assert!(agent.find("reply-mode-internal").await.is_selected().await.expect("checked"));
    let focused = agent.driver.execute("return document.activeElement.id;", Vec::new()).await.expect("focus");
    assert_eq!(focused.json(), &json!("reply-body"));
    press(&agent, "r").await;
    assert!(agent.find("reply-mode-public").await.is_selected().await.expect("checked"));
    let complete_key = hint.split(", ").last().and_then(|s| s.split(' ').next()).expect("the complete key").to_owned();
    press(&agent, &complete_key).await;
    agent.find_with("ticket-detail", "data-status", "solved").await;
    let (_, now) = agent_api.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(now["status"], "solved");

    // Leaving the page leaves the ticket: the admin sees nobody else.
    agent.click("back-to-list").await;
    agent.find("view-item").await;
    admin.gone_by(By::Css(viewer.clone())).await;
    // So does a full page load elsewhere (as closing the tab): no cleanup runs then, the
    // `pagehide` request does — well before the server's 30 s expiry, longer than WAIT.
    agent.goto(&page).await;
    admin.find_by(By::Css(viewer.clone())).await;
    let left = Instant::now();
    agent.goto(&stack.url("/kb")).await;
    admin.gone_by(By::Css(viewer)).await;
    println!("presence: gone {:?} after the page was left", left.elapsed());
    agent.quit().await;
    admin.quit().await;
}
