//! Browser benchmarks of the agent workspace (issue 4's goals; numbers go into BENCHMARKS.md, no
//! test asserts a time): how long the ticket page takes to open a 1,000-message thread in headless
//! Chromium (rendered as the reader sees it: the latest `Thread` window with "show earlier" above),
//! and how many row elements a 10,000-ticket view keeps in the DOM while it is scrolled to the end.
//!
//!   scripts/bench-browser.sh [LOADS]   (builds dist/, then runs this example in release mode)
//!
//! The reference server runs in this process on a temporary SQLite file with the demo desk plus
//! `baton-server seed`'s data (10,000 tickets of 3 messages, one of 1,000), as the e2e tests do.

use baton_e2e::{Browser, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::{json, Value};

const TICKETS: usize = 10_000;
const ADMIN: &str = "admin@baton.test";
/// What the thread shows first (`baton::components::ticket::thread::WINDOW`).
const SHOWN: usize = 100;

#[tokio::main]
async fn main() {
    let loads: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(10);
    let stack = Stack::start().await;
    let db = baton_server::storage::open(&format!("sqlite://{}", stack.database_file().display()))
        .await
        .expect("open the bench database");
    let seeded = baton_server::demo::bulk::seed(&db, TICKETS, 3).await.expect("seed");
    eprintln!("bench: seeded {} tickets, the long thread is ticket {}", seeded.tickets, seeded.long_ticket);

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&stack.base_url(), ADMIN, DEMO_PASSWORD).await;

    println!("| measurement | n | p50 | p95 | max |");
    println!("|---|---|---|---|---|");
    let thread = open_long_thread(&b, &stack, seeded.long_ticket, loads).await;
    row("open /agent/tickets/{long} by page load: navigation start → thread rendered (ms)", &thread);
    let in_app = open_long_thread_in_app(&b, &stack, seeded.long_ticket, loads).await;
    row("open it from the workspace (in-app navigation) → thread rendered (ms)", &in_app);
    let rows = scroll_all_view(&b, &stack).await;
    row("scroll the all-tickets view (10,000+ rows) to the end: ticket-row elements in the DOM", &rows);
    b.quit().await;
}

/// Loads the ticket page `loads` times (a full page load each time: Wasm from the HTTP cache)
/// and reads `performance.now()` when the thread holds every message.
async fn open_long_thread(b: &Browser, stack: &Stack, ticket: i64, loads: usize) -> Vec<f64> {
    let wait_for_thread = "const [want, done] = arguments;\
        const check = () => {\
          const n = document.querySelectorAll('[data-testid=\"message\"]').length;\
          const earlier = document.querySelector('[data-testid=\"thread-earlier\"]');\
          if (n >= want && earlier) { done(performance.now()); } else { requestAnimationFrame(check); }\
        };\
        check();";
    let mut times = Vec::new();
    for _ in 0..loads {
        b.goto(&stack.url(&format!("/agent/tickets/{ticket}"))).await;
        let t = b.driver.execute_async(wait_for_thread, vec![json!(SHOWN)]).await.expect("thread rendered");
        times.push(t.json().as_f64().expect("a time"));
    }
    times
}

/// From the workspace, opens the ticket the way a click on its row does (a router navigation,
/// no page load), timing from the navigation to the rendered thread.
async fn open_long_thread_in_app(b: &Browser, stack: &Stack, ticket: i64, loads: usize) -> Vec<f64> {
    let open = "const [path, want, done] = arguments;\
        const start = performance.now();\
        history.pushState(null, '', path);\
        dispatchEvent(new PopStateEvent('popstate', { state: null }));\
        const check = () => {\
          const n = document.querySelectorAll('[data-testid=\"message\"]').length;\
          const earlier = document.querySelector('[data-testid=\"thread-earlier\"]');\
          if (n >= want && earlier) { done(performance.now() - start); } else { requestAnimationFrame(check); }\
        };\
        check();";
    let mut times = Vec::new();
    for _ in 0..loads {
        b.goto(&stack.url("/agent?view=all")).await;
        b.find("ticket-row").await;
        let path = format!("/agent/tickets/{ticket}");
        let t = b.driver.execute_async(open, vec![json!(path), json!(SHOWN)]).await.expect("thread rendered");
        times.push(t.json().as_f64().expect("a time"));
    }
    times
}

/// Opens the admin's "all" view and scrolls its table to the bottom until every row is loaded,
/// counting the row elements after each scroll.
async fn scroll_all_view(b: &Browser, stack: &Stack) -> Vec<f64> {
    b.goto(&stack.url("/agent?view=all")).await;
    b.find("ticket-row").await;
    let step = "const [done] = arguments;\
        const box = document.querySelector('.ticket-scroll');\
        box.scrollTop = box.scrollHeight;\
        requestAnimationFrame(() => requestAnimationFrame(() => done({\
          rows: document.querySelectorAll('[data-testid=\"ticket-row\"]').length,\
          loaded: Number(document.querySelector('.ticket-table').getAttribute('aria-rowcount')) - 1\
        })));";
    let mut in_dom = Vec::new();
    let (mut loaded, mut still) = (0, 0);
    while still < 50 {
        let v: Value = b.driver.execute_async(step, Vec::new()).await.expect("scroll").json().clone();
        in_dom.push(v["rows"].as_f64().unwrap_or_default());
        let now = v["loaded"].as_i64().unwrap_or_default();
        if now > loaded {
            (loaded, still) = (now, 0);
        } else {
            still += 1;
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
    eprintln!("bench: {loaded} rows loaded into the view after {} scrolls", in_dom.len());
    assert!(loaded as usize >= TICKETS, "only {loaded} rows loaded: the view stopped paging");
    in_dom
}

fn row(label: &str, values: &[f64]) {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() as f64 * q).ceil() as usize).clamp(1, v.len()) - 1];
    println!("| {label} | {} | {:.0} | {:.0} | {:.0} |", v.len(), at(0.5), at(0.95), at(1.0));
}
