//! The reports page (issue 14): the admin opens it from the workspace, filters to today and one
//! ticket type, and the overview and the chart's table say what the API says for the same
//! filters (with the tickets this test created counted); the filters survive a reload; a number
//! drills down to its tickets, which open in the workspace; the CSV export downloads with the
//! browser's session and lists the same tickets, and so does the XLSX export (read back); the
//! workload per group and the previous period's counts show the API's values; SLA attainment per
//! policy shows the API's counts and a group's count drills down (session 10); axe finds nothing at 1366 and 390 px, and the page
//! does not scroll sideways on a phone. An agent without `reports.view` gets no menu entry and a
//! translated refusal; a customer never sees the page.

use baton_e2e::browser::WAIT;
use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use thirtyfour::By;

const POLL: Duration = Duration::from_millis(50);

async fn eval(b: &Browser, script: &str) -> Value {
    b.driver.execute(script, Vec::new()).await.expect("script").json().clone()
}

/// What the page shows now: the three counts, and the chart table's rows (start, created, solved).
async fn shown(b: &Browser) -> Value {
    eval(
        b,
        "const v = t => { const e = document.querySelector(`[data-testid='${t}']`); return e ? Number(e.dataset.value) : null; };\
         return { created: v('report-created'), solved: v('report-solved'), backlog: v('report-backlog'),\
           rows: [...document.querySelectorAll(\"[data-testid='report-chart-row']\")]\
             .map(r => [r.dataset.start, Number(r.dataset.created), Number(r.dataset.solved)]) };",
    )
    .await
}

/// What the page should show for the API's summary.
fn expected(summary: &Value) -> Value {
    let rows: Vec<Value> = summary["series"]
        .as_array()
        .expect("series")
        .iter()
        .map(|p| json!([p["start"], p["created"], p["solved"]]))
        .collect();
    json!({ "created": summary["created"], "solved": summary["solved"], "backlog": summary["backlog"], "rows": rows })
}

/// Waits until the page shows what the API says.
async fn agrees(b: &Browser, summary: &Value) {
    let want = expected(summary);
    let deadline = Instant::now() + WAIT;
    loop {
        let now = shown(b).await;
        if now == want {
            return;
        }
        assert!(Instant::now() < deadline, "the page shows {now}, the API says {want}");
        tokio::time::sleep(POLL).await;
    }
}

async fn path_is(b: &Browser, check: impl Fn(&str) -> bool, what: &str) {
    let deadline = Instant::now() + WAIT;
    while !check(b.driver.current_url().await.expect("url").path()) {
        assert!(Instant::now() < deadline, "never reached {what}");
        tokio::time::sleep(POLL).await;
    }
}

async fn no_sideways_scroll(b: &Browser, what: &str) {
    let overflow = eval(b, "return document.documentElement.scrollWidth - document.documentElement.clientWidth;").await;
    assert_eq!(overflow, json!(0), "{what} scrolls sideways");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_filters_drills_down_and_exports() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let admin = ApiClient::login(&base, "admin@baton.test").await;
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let (type_id, _) = admin.ticket_type("Technical issue", "Site is down").await;

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.driver.set_window_rect(0, 0, 1366, 900).await.expect("resize");
    b.login(&base, "admin@baton.test", DEMO_PASSWORD).await;
    // The demo desk counts its days in Shanghai (session 10): its "today".
    let today = eval(&b, "return new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });").await;
    let today = today.as_str().expect("today").to_owned();
    let query = format!("from={today}&to={today}&type={type_id}");
    let api_query = |extra: &str| format!("from={today}&to={}&by=created&type={type_id}{extra}", tomorrow(&today));

    // Session 10: an SLA policy for every normal ticket, so the tickets below have targets (the
    // solved one meets both; nothing is late within the test).
    let policy = json!({"name": "E2E everyone", "targets": [{"priority": "normal", "first_reply": 600, "resolution": 6000}]});
    let (status, created) = admin.post("/api/v1/admin/sla/policies", policy).await;
    assert_eq!(status, 201, "{created}");

    // Known numbers: three new tickets of that type today, one of them solved.
    let (_, before) = admin.get(&format!("/api/v1/reports/summary?{}", api_query("&interval=day"))).await;
    let mut ids = Vec::new();
    for title in ["Report one", "Report two", "Report three"] {
        ids.push(alice.create_ticket(title).await);
    }
    let (status, solved) = admin.act(&ids[0], "complete").await;
    assert_eq!(status, 200, "{solved}");
    let (status, summary) = admin.get(&format!("/api/v1/reports/summary?{}", api_query("&interval=day"))).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["created"].as_i64(), before["created"].as_i64().map(|n| n + 3), "{before} → {summary}");
    assert!(summary["solved"].as_i64() > before["solved"].as_i64(), "{before} → {summary}");

    // From the workspace's menu to the page, then the filters through the form.
    b.goto(&stack.url("/agent")).await;
    b.click("reports-nav").await;
    b.find("reports-page").await;
    b.set_value("report-from", &today).await;
    b.set_value("report-to", &today).await;
    b.select("report-interval", "day").await;
    b.find_with("report-type", "value", &type_id).await.click().await.expect("tick the type");
    b.click("report-apply").await;
    let deadline = Instant::now() + WAIT;
    while !b.driver.current_url().await.expect("url").query().unwrap_or_default().contains(&format!("type={type_id}")) {
        assert!(Instant::now() < deadline, "the filters never reached the URL");
        tokio::time::sleep(POLL).await;
    }
    agrees(&b, &summary).await;
    let points = b.driver.find_all(By::Css("[data-testid='report-chart-point']")).await.expect("points");
    assert_eq!(points.len(), summary["series"].as_array().map_or(0, Vec::len), "a point per row");
    assert!(points[0].attr("aria-label").await.expect("label").is_some_and(|l| l.contains(&today)));
    // The workload per group (session 9) says what the API says, row by row.
    let (_, groups) = admin.get(&format!("/api/v1/reports/groups?{}", api_query(""))).await;
    let want: Vec<Value> = groups
        .as_array()
        .expect("group rows")
        .iter()
        .map(|g| json!([g["group_id"], g["name"], g["assigned"], g["solved"], g["open_now"], g["public_replies"], g["internal_notes"]]))
        .collect();
    assert!(!want.is_empty(), "{groups}");
    let deadline = Instant::now() + WAIT;
    loop {
        let now = eval(
            &b,
            "return [...document.querySelectorAll(\"[data-testid='report-group-row']\")].map(r => [Number(r.dataset.groupId),\
               r.querySelector('th').textContent.trim(),\
               ...['assigned', 'solved', 'open_now', 'public_replies', 'internal_notes']\
                 .map(c => Number(r.querySelector(`[data-column='${c}']`).textContent))]);",
        )
        .await;
        if now == json!(want) {
            break;
        }
        assert!(Instant::now() < deadline, "the group table shows {now}, the API says {want:?}");
        tokio::time::sleep(POLL).await;
    }
    // The previous period (session 9): the day before, its counts as the API has them.
    let previous = eval(&b, "return ['created', 'solved', 'backlog'].map(m => Number(document.querySelector(`[data-testid='report-previous-${m}']`).dataset.value));").await;
    let p = &summary["previous"];
    assert_eq!(previous, json!([p["created"], p["solved"], p["backlog"]]), "{summary}");
    // Session 10: SLA attainment per policy says what the API says; no breach is listed.
    let (_, per_policy) = admin.get(&format!("/api/v1/reports/sla?{}", api_query(""))).await;
    let want: Vec<Value> = per_policy
        .as_array()
        .expect("policy rows")
        .iter()
        .map(|p| json!([p["policy_id"], p["first_reply"]["met"], p["first_reply"]["breached"], p["resolution"]["met"], p["resolution"]["breached"]]))
        .collect();
    assert!(want.iter().any(|r| r[1] == json!(1) && r[3] == json!(1)), "the solved ticket met both targets: {per_policy}");
    let deadline = Instant::now() + WAIT;
    loop {
        let now = eval(
            &b,
            "return [...document.querySelectorAll(\"[data-testid='report-sla-policy']\")].map(r => {\
               const c = k => r.querySelector(`[data-column='${k}']`).dataset;\
               return [r.dataset.policyId ? Number(r.dataset.policyId) : null, Number(c('first_reply').met), Number(c('first_reply').breached),\
                 Number(c('resolution').met), Number(c('resolution').breached)]; });",
        )
        .await;
        if now == json!(want) {
            break;
        }
        assert!(Instant::now() < deadline, "the SLA table shows {now}, the API says {want:?}");
        tokio::time::sleep(POLL).await;
    }
    b.find("report-sla-breaches").await;
    // A group's "assigned" opens the tickets behind it: as many as the row says.
    let group = b.find("report-group-drill").await;
    let count: usize = group.attr("data-value").await.expect("attr").and_then(|v| v.parse().ok()).expect("a count");
    group.click().await.expect("open the group's tickets");
    b.find_with("report-drill", "data-metric", "period").await;
    let deadline = Instant::now() + WAIT;
    while b.driver.find_all(By::Css("[data-testid='report-drill-row']")).await.expect("rows").len() != count.min(50) {
        assert!(Instant::now() < deadline, "the group's drill-down never listed {count} tickets");
        tokio::time::sleep(POLL).await;
    }
    b.assert_accessible("reports at 1366 px").await;

    // The workload table sorts from the keyboard: Enter on a header's button, again to reverse.
    let (_, workload) = admin.get(&format!("/api/v1/reports/agents?{}", api_query(""))).await;
    let mut names: Vec<String> = workload.as_array().expect("rows").iter().filter_map(|r| r["name"].as_str().map(str::to_lowercase)).collect();
    names.sort();
    let sort = b.find_with("report-agents-sort", "data-column", "name").await;
    for (order, expected) in [("ascending", names.clone()), ("descending", names.iter().rev().cloned().collect())] {
        sort.send_keys(thirtyfour::Key::Enter).await.expect("Enter on the name header");
        let deadline = Instant::now() + WAIT;
        loop {
            let now = eval(&b, "return [document.querySelector(\"[data-column='name']\").closest('th').getAttribute('aria-sort'),\
                [...document.querySelectorAll(\"[data-testid='report-agent-row'] th\")].map(t => t.textContent.trim().toLowerCase())];").await;
            if now == json!([order, expected]) {
                break;
            }
            assert!(Instant::now() < deadline, "sorted {order}: {now}, want {expected:?}");
            tokio::time::sleep(POLL).await;
        }
    }

    // A reversed period is refused in words, and the report stays.
    b.set_value("report-from", &tomorrow(&today)).await;
    b.click("report-apply").await;
    b.find("report-filter-error").await;
    agrees(&b, &summary).await;

    // The URL holds the filters: a reload shows the same report.
    b.goto(&stack.url(&format!("/agent/reports?{query}&interval=day"))).await;
    agrees(&b, &summary).await;
    let from = b.find("report-from").await.prop("value").await.expect("value");
    assert_eq!(from.as_deref(), Some(today.as_str()));
    assert!(b.find_with("report-type", "value", &type_id).await.is_selected().await.expect("checked"));

    // Drill into "solved": the solved ticket is listed and opens in the workspace.
    b.click("report-solved").await;
    b.find_with("report-drill", "data-metric", "solved").await;
    let row = b.find_with("report-drill-row", "data-ticket-id", &ids[0]).await;
    let (_, drilled) = admin.get(&format!("/api/v1/reports/tickets?{}&metric=solved", api_query(""))).await;
    let listed = b.driver.find_all(By::Css("[data-testid='report-drill-row']")).await.expect("rows").len();
    assert_eq!(listed, drilled["items"].as_array().map_or(0, Vec::len), "{drilled}");
    row.find(By::Css("[data-testid='report-drill-link']")).await.expect("link").click().await.expect("open");
    b.find_with("ticket-detail", "data-ticket-id", &ids[0]).await;

    // The export downloads with the browser's own session and lists the period's tickets.
    b.goto(&stack.url(&format!("/agent/reports?{query}"))).await;
    let href = b.find("reports-export").await.prop("href").await.expect("href").expect("an href");
    let cookies = b.driver.get_all_cookies().await.expect("cookies");
    let cookie = cookies.iter().map(|c| format!("{}={}", c.name, c.value)).collect::<Vec<_>>().join("; ");
    let res = reqwest::Client::new().get(&href).header("cookie", cookie).send().await.expect("GET csv");
    assert_eq!(res.status(), 200, "{href}");
    let body = res.text().await.expect("csv body");
    let body = body.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut lines = body.split("\r\n").filter(|l| !l.is_empty());
    assert!(lines.next().is_some_and(|h| h.starts_with("number,title,")), "{body}");
    let mut in_csv: Vec<i64> = lines.map(|l| l.split(',').next().and_then(|n| n.parse().ok()).expect("a number")).collect();
    let (_, period) = admin.get(&format!("/api/v1/reports/tickets?{}&limit=200", api_query(""))).await;
    let mut in_api: Vec<i64> = period["items"].as_array().expect("items").iter().filter_map(|t| t["number"].as_i64()).collect();
    in_csv.sort_unstable();
    in_api.sort_unstable();
    assert_eq!(in_csv, in_api, "{body}");
    assert!(in_api.len() >= 3, "{period}");

    // The XLSX export (session 9): the same link's workbook, read back; the same tickets, and
    // each row the CSV's cells (numbers as number cells).
    let href = b.find("reports-export-xlsx").await.prop("href").await.expect("href").expect("an href");
    let cookies = b.driver.get_all_cookies().await.expect("cookies");
    let cookie = cookies.iter().map(|c| format!("{}={}", c.name, c.value)).collect::<Vec<_>>().join("; ");
    let res = reqwest::Client::new().get(&href).header("cookie", cookie).send().await.expect("GET xlsx");
    assert_eq!(res.status(), 200, "{href}");
    let bytes = res.bytes().await.expect("xlsx body").to_vec();
    let rows = xlsx_rows(bytes);
    assert_eq!(rows.first().map(|h| h[..2].to_vec()), Some(vec!["number".to_owned(), "title".to_owned()]));
    let mut in_xlsx: Vec<i64> = rows[1..].iter().map(|r| r[0].parse().expect("a number")).collect();
    in_xlsx.sort_unstable();
    assert_eq!(in_xlsx, in_api, "the workbook's tickets");
    // Line by line where the CSV quotes nothing (a demo title may hold a comma).
    let csv_lines: Vec<&str> = body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), csv_lines.len());
    for (row, line) in rows.iter().zip(csv_lines).filter(|(_, l)| !l.contains('"')) {
        assert_eq!(row.join(","), line, "the workbook and the CSV");
    }

    // A phone's width: still accessible, nothing scrolls sideways (tables scroll in their box).
    b.driver.set_window_rect(0, 0, 390, 844).await.expect("resize");
    agrees(&b, &summary).await;
    no_sideways_scroll(&b, "the report at 390 px").await;
    b.assert_accessible("reports at 390 px").await;
    // Session 10: in the dark theme too (axe checks the contrast), the SLA sections shown.
    let media = json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] });
    b.driver.cdp().send_raw("Emulation.setEmulatedMedia", media).await.expect("emulated media");
    b.find("report-sla-policies").await;
    let dark = eval(&b, "const m = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).map(Number); return m[0] + m[1] + m[2] < 200;").await;
    assert_eq!(dark, json!(true), "the page did not turn dark");
    b.assert_accessible("reports at 390 px, dark").await;
    b.quit().await;

    // An agent without reports.view: no menu entry, a translated refusal on the URL, a 403.
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let (status, refused) = agent_api.get(&format!("/api/v1/reports/summary?{}", api_query(""))).await;
    assert_eq!(status, 403, "{refused}");
    let a = chromedriver.browser("zh-CN").await;
    a.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    a.goto(&stack.url("/agent/reports")).await;
    a.find_with("reports-refused", "data-code", "forbidden").await;
    a.wait_text("reports-refused", |t| t.contains("权限")).await;
    assert!(a.driver.find_all(By::Css("[data-testid='reports-page']")).await.expect("query").is_empty());
    a.assert_accessible("reports refused").await;
    a.goto(&stack.url("/agent")).await;
    a.find("agent-settings-link").await;
    a.find("view-new").await;
    assert!(a.driver.find_all(By::Css("[data-testid='reports-nav']")).await.expect("query").is_empty());
    a.quit().await;

    // A customer is sent back to the help center.
    let c = chromedriver.browser("en").await;
    c.login(&base, "bob@customer.test", DEMO_PASSWORD).await;
    c.goto(&stack.url("/agent/reports")).await;
    path_is(&c, |p| p.ends_with("/tickets"), "the customer's tickets").await;
    assert!(c.driver.find_all(By::Css("[data-testid='reports-page']")).await.expect("query").is_empty());
    c.quit().await;
}

/// The day after a `YYYY-MM-DD` date (the API's exclusive end).
fn tomorrow(date: &str) -> String {
    let day = |s: &str| s.parse::<i64>().expect("digits");
    let (y, m, d) = (day(&date[..4]), day(&date[5..7]), day(&date[8..10]));
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let last = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    match (d < last, m < 12) {
        (true, _) => format!("{y:04}-{m:02}-{:02}", d + 1),
        (false, true) => format!("{y:04}-{:02}-01", m + 1),
        (false, false) => format!("{:04}-01-01", y + 1),
    }
}

/// The first sheet of an XLSX export, each cell as the CSV writes it.
fn xlsx_rows(bytes: Vec<u8>) -> Vec<Vec<String>> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("an XLSX workbook");
    let range = book.worksheet_range_at(0).expect("a sheet").expect("the sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Float(f) => format!("{}", *f as i64),
                    other => panic!("an unexpected cell {other:?}"),
                })
                .collect()
        })
        .collect()
}
