//! Helpers shared by the workspace tests (agent_views, agent_bulk, agent_shortcuts, agent_flow,
//! agent_view_requester).

use baton_e2e::{browser::tid, ApiClient, Browser};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use thirtyfour::By;

/// Chooses `value` in the `n`-th (0-based) `<select>` with this testid.
pub async fn select_nth(b: &Browser, testid: &str, n: usize, value: &str) {
    b.find_by(By::Css(format!("[data-testid='{testid}'] option[value='{value}']"))).await;
    let all = b.driver.find_all(tid(testid)).await.expect("query");
    let select = all.get(n).unwrap_or_else(|| panic!("no {testid} number {n}"));
    thirtyfour::components::SelectElement::new(select)
        .await
        .expect("a <select>")
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("choose {value} in {testid}[{n}]: {e}"));
}

/// The `data-ticket-id`s of the rows in the table, in order.
pub async fn row_ids(b: &Browser) -> Vec<String> {
    let script = "return [...document.querySelectorAll(\"[data-testid='ticket-row']\")].map(e => e.dataset.ticketId);";
    let ret = b.driver.execute(script, Vec::new()).await.expect("script");
    serde_json::from_value(ret.json().clone()).expect("ids")
}

/// Waits until the table's row ids, sorted, are `want`, sorted.
pub async fn wait_rows(b: &Browser, want: &[String]) {
    let mut want = want.to_vec();
    want.sort();
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let mut got = row_ids(b).await;
        got.sort();
        if got == want {
            return;
        }
        assert!(Instant::now() < deadline, "rows {got:?}, wanted {want:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The names in the side list of views.
pub async fn view_names(b: &Browser) -> Vec<String> {
    let script = "return [...document.querySelectorAll(\"[data-testid='view-item'] .view-name\")].map(e => e.textContent.trim());";
    let ret = b.driver.execute(script, Vec::new()).await.expect("script");
    serde_json::from_value(ret.json().clone()).expect("names")
}

/// The number shown for view `id` in the side list, once it shows one.
pub async fn view_count(b: &Browser, id: &str) -> u64 {
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let script = "const e = document.querySelector(`[data-testid='view-item'][data-view-id='${arguments[0]}'] [data-testid='view-count']`);\
                      return e ? e.textContent.trim() : '';";
        let ret = b.driver.execute(script, vec![id.into()]).await.expect("script");
        if let Ok(n) = ret.json().as_str().unwrap_or_default().parse() {
            return n;
        }
        assert!(Instant::now() < deadline, "view {id} never showed a count");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until view `id` shows `want`.
pub async fn wait_count(b: &Browser, id: &str, want: u64) {
    let deadline = Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let n = view_count(b, id).await;
        if n == want {
            return;
        }
        assert!(Instant::now() < deadline, "view {id} shows {n}, wanted {want}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Presses `key` with nothing focused (a shortcut, not typing).
pub async fn press(b: &Browser, key: &str) {
    b.driver.execute("document.activeElement && document.activeElement.blur();", Vec::new()).await.expect("blur");
    b.driver.action_chain().send_keys(key).perform().await.expect("key");
}

/// Sets the priority of tickets through the bulk API, each one checked.
pub async fn set_priority(api: &ApiClient, ids: &[&str], priority: &str) {
    let ids: Vec<i64> = ids.iter().map(|i| i.parse().expect("id")).collect();
    let (status, body) =
        api.post("/api/v1/tickets/bulk", json!({"ids": ids, "op": {"kind": "priority", "priority": priority}})).await;
    assert_eq!(status, 200, "{body}");
    for item in body["results"].as_array().expect("results") {
        assert_eq!(item["ok"], true, "{item}");
    }
}

/// A customer's customer group id (as a string), from their own `/me`.
pub async fn customer_group_of(api: &ApiClient) -> String {
    let (status, me) = api.get("/api/v1/me").await;
    assert_eq!(status, 200, "{me}");
    me["customer_group"]["id"].as_i64().unwrap_or_else(|| panic!("no customer group: {me}")).to_string()
}

/// Every row id of a view through the API, all pages.
pub async fn api_view_ids(api: &ApiClient, view: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/views/{view}/tickets?limit=100&cursor={c}"),
            None => format!("/api/v1/views/{view}/tickets?limit=100"),
        };
        let (status, page) = api.get(&path).await;
        assert_eq!(status, 200, "{path}: {page}");
        ids.extend(page["items"].as_array().expect("items").iter().map(|t| t["id"].to_string()));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return ids,
        }
    }
}

/// The staff view of a ticket.
pub async fn ticket(api: &ApiClient, id: &str) -> Value {
    let (status, t) = api.get(&format!("/api/v1/tickets/{id}")).await;
    assert_eq!(status, 200, "{t}");
    t
}
