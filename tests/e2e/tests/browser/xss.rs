//! Issue 16: an XSS corpus rendered in Chromium under the documents' Content-Security-Policy.
//! 26 payloads × 4 places (ticket title, description, a public reply, a knowledge-base article's
//! Markdown) = 104, shown where customers and agents read them: the help center's list and ticket
//! page, the workspace's list and ticket page, the article page. Nothing may run
//! (`window.__xss` stays unset, no alert opens) and nothing may become markup (no element carries
//! the payloads' `data-xss` marker): user text is text, and the article's HTML is sanitised.

use baton_e2e::browser::tid;
use baton_e2e::{ApiClient, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::json;
use thirtyfour::By;

/// Each payload tries to run `window.__xss=1` and to leave an element marked `data-xss`.
const PAYLOADS: [&str; 26] = [
    "<script data-xss>window.__xss=1</script>",
    "<img data-xss src=x onerror=window.__xss=1>",
    "<svg data-xss onload=window.__xss=1>",
    "<iframe data-xss src=\"javascript:window.__xss=1\"></iframe>",
    "<body data-xss onload=window.__xss=1>",
    "<a data-xss href=\"javascript:window.__xss=1\">click</a>",
    "\"><img data-xss src=x onerror=window.__xss=1>",
    "'><svg data-xss/onload=window.__xss=1>",
    "</textarea><img data-xss src=x onerror=window.__xss=1>",
    "</title><script data-xss>window.__xss=1</script>",
    "<details data-xss open ontoggle=window.__xss=1>",
    "<video data-xss><source onerror=window.__xss=1></video>",
    "<math data-xss><mtext><img src=x onerror=window.__xss=1></mtext></math>",
    "<object data-xss data=\"javascript:window.__xss=1\"></object>",
    "<embed data-xss src=\"javascript:window.__xss=1\">",
    "<form data-xss action=\"javascript:window.__xss=1\"><button>go</button></form>",
    "<input data-xss autofocus onfocus=window.__xss=1>",
    "<marquee data-xss onstart=window.__xss=1>",
    "<style data-xss>*{background:url(javascript:window.__xss=1)}</style>",
    "<link data-xss rel=import href=\"data:text/html,<script>window.__xss=1</script>\">",
    "<meta data-xss http-equiv=refresh content=\"0;url=javascript:window.__xss=1\">",
    "<base data-xss href=\"javascript:window.__xss=1//\">",
    "<div data-xss style=\"background:url(javascript:window.__xss=1)\">",
    "[link](javascript:window.__xss=1) <span data-xss>",
    "![img](x\" onerror=\"window.__xss=1) <em data-xss>",
    "{{constructor.constructor('window.__xss=1')()}} <u data-xss>",
];

/// Waits until the page's text contains `needle`; that text.
async fn page_text_with(b: &baton_e2e::browser::Browser, needle: &str) -> String {
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let text = b.driver.find(By::Tag("body")).await.expect("body").text().await.unwrap_or_default();
        if text.contains(needle) {
            return text;
        }
        assert!(std::time::Instant::now() < deadline, "{needle:?} never showed: {text}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Nothing ran and nothing became markup on the page shown now.
async fn assert_inert(b: &baton_e2e::browser::Browser, page: &str) {
    let ran = b.driver.execute("return window.__xss === undefined && document.querySelectorAll('[data-xss]').length === 0;", Vec::new()).await.expect("probe");
    assert_eq!(ran.json(), &json!(true), "a payload ran or became markup on {page}");
    // An alert would block the page: there must be none.
    assert!(b.driver.get_alert_text().await.is_err(), "an alert opened on {page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corpus_of_payloads_stays_text_everywhere_it_is_shown() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let admin = ApiClient::login(&base, "admin@baton.test").await;
    let (type_id, subtype_id) = alice.ticket_type("Technical issue", "Site is down").await;
    let mut tickets = Vec::new();
    for (i, payload) in PAYLOADS.iter().enumerate() {
        let body = json!({
            "title": format!("x{i} {payload}"),
            "description": format!("d{i} {payload}"),
            "type_id": type_id.parse::<i64>().expect("type id"),
            "subtype_id": subtype_id.parse::<i64>().expect("sub-type id"),
        });
        let (status, ticket) = alice.post("/api/v1/tickets", body).await;
        assert_eq!(status, 201, "{ticket}");
        let id = ticket["id"].to_string();
        alice.say(&id, "public", &format!("m{i} {payload}")).await;
        tickets.push(id);
    }
    let markdown: String = PAYLOADS.iter().enumerate().map(|(i, p)| format!("k{i} {p}\n\n")).collect();
    let (status, article) = admin
        .post("/api/v1/kb/articles", json!({ "title": "Payloads <img data-xss src=x onerror=window.__xss=1>", "body_markdown": markdown, "status": "published" }))
        .await;
    assert_eq!(status, 201, "{article}");
    let article = article["id"].to_string();

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "alice@customer.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/tickets")).await;
    b.wait_text("ticket-row", |t| t.contains("x25")).await;
    assert_inert(&b, "the customer's list").await;
    for (i, id) in tickets.iter().enumerate().step_by(5) {
        b.goto(&stack.url(&format!("/tickets/{id}"))).await;
        b.find_with("ticket-detail", "data-ticket-id", id).await;
        let page = page_text_with(&b, &format!("m{i} ")).await;
        assert!(page.contains(&format!("m{i} {}", PAYLOADS[i])), "the reply shows its payload as text: {}", PAYLOADS[i]);
        assert!(page.contains(&format!("d{i} {}", PAYLOADS[i])), "the description shows its payload as text: {}", PAYLOADS[i]);
        assert_inert(&b, &format!("ticket {id}")).await;
    }
    b.goto(&stack.url(&format!("/kb/{article}"))).await;
    b.find_with("kb-article", "data-article-id", &article).await;
    b.wait_text("kb-article-body", |t| t.contains("k25")).await;
    assert_inert(&b, "the article").await;
    b.quit().await;

    // The workspace: its list, then each ticket page in a browser of its own. (In one browser a
    // fourth full load of a ticket page stalled — left open in issue 16's note: it looks like the
    // per-host connection limit with the live-event streams of earlier pages still held.)
    let agent = chromedriver.browser("en").await;
    agent.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    agent.goto(&stack.url("/agent?view=all")).await;
    agent.find_by(tid("ticket-row")).await;
    assert_inert(&agent, "the workspace's list").await;
    agent.quit().await;
    for (i, id) in tickets.iter().enumerate().skip(2).step_by(5) {
        let agent = chromedriver.browser("en").await;
        agent.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
        agent.goto(&stack.url(&format!("/agent/tickets/{id}"))).await;
        page_text_with(&agent, &format!("m{i} ")).await;
        agent.find_with("ticket-detail", "data-ticket-id", id).await;
        assert_inert(&agent, &format!("the agent's ticket {id}")).await;
        agent.quit().await;
    }
}
