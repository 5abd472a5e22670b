//! The tickets behind the numbers (`/reports/tickets`) and the CSV export, on the fixture desk.

use super::desk::{build, get, user_id, AGENT2, PERIOD, SECRET};
use crate::support::{AUDITOR};
use axum::http::{header, StatusCode};
use serde_json::{json, Value};

fn numbers(page: &Value) -> Vec<i64> {
    page["items"].as_array().into_iter().flatten().filter_map(|t| t["number"].as_i64()).collect()
}

#[tokio::test]
async fn each_number_drills_down_to_its_tickets() {
    let app = crate::reports::app().await;
    let admin = build(&app).await;
    let all = get(&app, &admin, &format!("/api/v1/reports/tickets?{PERIOD}&metric=created")).await;
    // Newest first: T5, then T4..T1 (created at the same second, by id).
    let n = numbers(&all);
    assert_eq!(n.len(), 5, "{all}");
    let (t1, t2, t3, t4, t5) = (n[4], n[3], n[2], n[1], n[0]);
    let li = user_id(&app, AGENT2).await;
    // (query, tickets)
    let cases = [
        ("metric=backlog".to_owned(), vec![t5, t4]),
        ("metric=resolved".to_owned(), vec![t3, t2, t1]),
        ("metric=solved".to_owned(), vec![t3, t2, t1]),
        ("metric=reopened".to_owned(), vec![t2]),
        ("metric=replied".to_owned(), vec![t4, t3, t2, t1]),
        ("metric=rated".to_owned(), vec![t2, t1]),
        ("metric=rated&rating=5".to_owned(), vec![t1]),
        (format!("metric=period&agent={li}"), vec![t4, t2]),
    ];
    for (query, want) in cases {
        let page = get(&app, &admin, &format!("/api/v1/reports/tickets?{PERIOD}&{query}")).await;
        assert_eq!(numbers(&page), want, "{query}");
    }
    let page = get(&app, &admin, &format!("/api/v1/reports/tickets?{PERIOD}&metric=reopened")).await;
    let mut row = page["items"][0].clone();
    row["id"] = json!(0);
    let want = json!({
        "id": 0, "number": t2, "title": "t", "status": "rated", "priority": "normal", "channel": "web",
        "requester_name": "Bob Li", "type_name": { "en": "Billing", "zh-CN": "账单" }, "group_name": "Billing",
        "assignee_name": "Li Lei", "created_at": "2030-03-02T08:00:00Z",
        "first_reply_at": "2030-03-02T08:20:00Z", "first_reply_secs": 1200,
        "first_solved_at": "2030-03-02T10:00:00Z", "first_resolution_secs": 7200,
        "last_solved_at": "2030-03-02T11:00:00Z", "full_resolution_secs": 10800,
        "solves": 2, "reopens": 1, "rating": 2, "rated_at": "2030-03-02T11:00:00Z",
    });
    assert_eq!(row, want);
    // Pages of two follow each other without a gap or a repeat.
    let mut seen = Vec::new();
    let mut path = format!("/api/v1/reports/tickets?{PERIOD}&limit=2");
    loop {
        let page = get(&app, &admin, &path).await;
        seen.extend(numbers(&page));
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/reports/tickets?{PERIOD}&limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, n);
    assert!(!all.to_string().contains(SECRET));
    for bad in ["metric=everything", "metric=solved&rating=5", "cursor=zz", "limit=0"] {
        let res = app.get(&format!("/api/v1/reports/tickets?{bad}")).token(&admin).send().await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
}

#[tokio::test]
async fn the_export_is_a_csv_of_every_ticket_with_its_metrics() {
    let app = crate::reports::app().await;
    let admin = build(&app).await;
    let auditor = app.login(AUDITOR).await;
    let res = app.get(&format!("/api/v1/reports/tickets.csv?{PERIOD}")).token(&auditor).send().await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "reports.view alone does not export");
    let res = app.get(&format!("/api/v1/reports/tickets.csv?{PERIOD}")).token(&admin).send().await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.header(header::CONTENT_TYPE), Some("text/csv; charset=utf-8"));
    let text = res.text();
    assert!(text.starts_with('\u{feff}'), "a byte-order mark first");
    assert!(!text.contains(SECRET));
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 6, "{text}");
    assert!(lines[0].starts_with("number,title,status,"), "{}", lines[0]);
    let reopened = get(&app, &admin, &format!("/api/v1/reports/tickets?{PERIOD}&metric=reopened")).await;
    let t2 = reopened["items"][0]["number"].as_i64().expect("number");
    let want = format!(
        "{t2},t,rated,normal,web,Billing,Billing,Li Lei,Bob Li,2030-03-02T08:00:00Z,2030-03-02T08:20:00Z,1200,\
         2030-03-02T10:00:00Z,7200,2030-03-02T11:00:00Z,10800,2,1,2,2030-03-02T11:00:00Z"
    );
    // Oldest first: T1..T4 at T0 by id, T5 the next day.
    assert_eq!(lines[2], want);
    let res = app.get("/api/v1/reports/tickets.csv?metric=rated&rating=1").token(&admin).send().await;
    assert_eq!(res.text().trim_start_matches('\u{feff}').split_terminator("\r\n").count(), 1, "the header alone");
    // Compressed, the stream is read to its end too (a client asking for gzip once got a broken
    // chunked answer: the compression layer polled the finished stream again).
    let res = app.get(&format!("/api/v1/reports/tickets.csv?{PERIOD}")).token(&admin).header("accept-encoding", "gzip").send().await;
    assert_eq!((res.status, res.header(header::CONTENT_ENCODING)), (StatusCode::OK, Some("gzip")));
    assert!(res.body.starts_with(&[0x1f, 0x8b]) && res.body.len() > 20, "a whole gzip body");
}

// Session 10: a group row's numbers drill down to exactly the tickets behind them.
#[tokio::test]
async fn each_group_rows_numbers_drill_down_to_its_tickets() {
    let app = crate::reports::app().await;
    let admin = build(&app).await;
    let groups = get(&app, &admin, &format!("/api/v1/reports/groups?{PERIOD}")).await;
    let all = numbers(&get(&app, &admin, &format!("/api/v1/reports/tickets?{PERIOD}&metric=created")).await);
    let (t1, t2, t3) = (all[4], all[3], all[2]);
    // (group, metric, tickets): Support holds T1 and T3, Billing T2 (the fixture's table).
    let cases = [("Support", "period", vec![t3, t1]), ("Support", "solved", vec![t3, t1]), ("Billing", "period", vec![t2]), ("Billing", "solved", vec![t2])];
    for (name, metric, want) in cases {
        let row = groups.as_array().into_iter().flatten().find(|g| g["name"] == json!(name)).expect("group row");
        let column = if metric == "period" { "assigned" } else { "solved" };
        let page = get(&app, &admin, &format!("/api/v1/reports/tickets?{PERIOD}&metric={metric}&group={}", row["group_id"])).await;
        assert_eq!(numbers(&page), want, "{name} {metric}");
        assert_eq!(row[column], json!(want.len()), "{name}: the row's {column} is the list's length");
    }
}
