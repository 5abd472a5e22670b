//! The fixture desk and its hand-computed numbers. The clock stands at T0 = 2030-03-02T08:00:00Z
//! (a Saturday) and moves only when the script says; seconds below are after T0.
//!
//! | ticket | requester | type | assignee | story |
//! |---|---|---|---|---|
//! | T1 | Alice | Technical | Smith | Smith replies at 600, solves at 3600; confirmed, rated 5 with a comment |
//! | T2 | Bob | Billing | Li | note at 60, reply + pending at 1200, Bob replies at 2400, solved at 7200, Bob reopens at 8000, solved at 10800; rated 2 |
//! | T3 | Alice | Technical | Smith | reply + pending at 1800, solved from pending at 5400; not rated |
//! | T4 | Alice (registered by Smith) | Technical | Li | Smith's reply at 300 does not count (Alice has not spoken), Alice writes at 900, Li replies at 2700; open |
//! | T5 | Bob | Technical | nobody | created a day later; new |
//!
//! Groups: T1 and T3 in Support, T2 in Billing, T4 and T5 in none (Smith's reply on T4 needs it
//! outside Billing).

use crate::support::{TestApp, ADMIN, AGENT, ALICE, BOB};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use time::macros::datetime;

pub const AGENT2: &str = "agent2@baton.test";
pub const PERIOD: &str = "from=2030-03-02&to=2030-03-05";

pub async fn user_id(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(&app.sql).await.expect("user")
}

async fn customer_group(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM customer_groups WHERE name = $1").bind(name).fetch_one(&app.sql).await.expect("customer group")
}

pub async fn group_id(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM agent_groups WHERE name = $1").bind(name).fetch_one(&app.sql).await.expect("group")
}

async fn assign(app: &TestApp, token: &str, id: i64, agent: i64, group: Option<i64>) {
    let res = app.get(&format!("/api/v1/tickets/{id}")).token(token).send().await;
    let etag = res.header(axum::http::header::ETAG).expect("etag").to_owned();
    let res = app
        .call(Method::PATCH, &format!("/api/v1/tickets/{id}"))
        .token(token)
        .header("if-match", &etag)
        .json(&match group {
            Some(g) => json!({ "assignee_id": agent, "group_id": g }),
            None => json!({ "assignee_id": agent }),
        })
        .send()
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
}

/// The text of the desk's internal note and of its tickets' confidential info: no report shows it.
pub const SECRET: &str = "SECRET-NOTE-7f3a";

async fn say(app: &TestApp, token: &str, id: i64, kind: &str) {
    let body = if kind == "internal" { SECRET } else { "b" };
    let res = app.post(&format!("/api/v1/tickets/{id}/messages")).token(token).json(&json!({ "body": body, "kind": kind })).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
}

async fn act(app: &TestApp, token: &str, id: i64, action: Value) {
    let res = app.act(token, id, action.clone()).await;
    assert_eq!(res.status, StatusCode::OK, "{action}: {}", res.text());
}

async fn ticket(app: &TestApp, token: &str, type_en: &str, subtype_en: &str) -> i64 {
    let (type_id, subtype_id) = app.type_ids(token, type_en, subtype_en).await;
    let body = json!({ "title": "t", "description": "d", "type_id": type_id, "subtype_id": subtype_id, "confidential": SECRET });
    let res = app.post("/api/v1/tickets").token(token).json(&body).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    res.json()["id"].as_i64().expect("id")
}

/// Alice's comment with her rating of T1: markup a page must show as text.
pub const COMMENT_T1: &str = "<b>谢谢</b> & thanks";

/// Builds the desk; the admin's token (reports.view and reports.export).
pub async fn build(app: &TestApp) -> String {
    app.services.clock.pin(datetime!(2030-03-02 08:00:00 UTC));
    let at = |secs: i64| app.services.clock.advance(time::Duration::seconds(secs));
    let (alice, bob, smith, li, admin) =
        (app.login(ALICE).await, app.login(BOB).await, app.login(AGENT).await, app.login(AGENT2).await, app.login(ADMIN).await);
    let (smith_id, li_id) = (user_id(app, AGENT).await, user_id(app, AGENT2).await);
    let t1 = ticket(app, &alice, "Technical issue", "Site is down").await;
    let t2 = ticket(app, &bob, "Billing", "Invoice").await;
    let t3 = ticket(app, &alice, "Technical issue", "Site is down").await;
    let (type_id, subtype_id) = app.type_ids(&smith, "Technical issue", "Site is down").await;
    let registered = json!({ "title": "call", "description": "d", "type_id": type_id, "subtype_id": subtype_id });
    let res = app.post(&format!("/api/v1/customers/{}/tickets", user_id(app, ALICE).await)).token(&smith).json(&registered).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let t4 = res.json()["id"].as_i64().expect("id");
    let (support, billing) = (group_id(app, "Support").await, group_id(app, "Billing").await);
    for (id, agent, group) in [(t1, smith_id, Some(support)), (t2, li_id, Some(billing)), (t3, smith_id, Some(support)), (t4, li_id, None)] {
        assign(app, &admin, id, agent, group).await;
    }
    at(60);
    say(app, &li, t2, "internal").await;
    at(240); // 300
    say(app, &smith, t4, "public").await;
    at(300); // 600
    say(app, &smith, t1, "public").await;
    at(300); // 900
    say(app, &alice, t4, "public").await;
    at(300); // 1200
    say(app, &li, t2, "public").await;
    act(app, &li, t2, json!({ "action": "set_pending" })).await;
    at(600); // 1800
    say(app, &smith, t3, "public").await;
    act(app, &smith, t3, json!({ "action": "set_pending" })).await;
    at(600); // 2400
    say(app, &bob, t2, "public").await;
    at(300); // 2700
    say(app, &li, t4, "public").await;
    at(900); // 3600
    act(app, &smith, t1, json!({ "action": "complete" })).await;
    act(app, &alice, t1, json!({ "action": "confirm" })).await;
    act(app, &alice, t1, json!({ "action": "rate", "rating": 5, "comment": COMMENT_T1 })).await;
    at(1800); // 5400
    act(app, &smith, t3, json!({ "action": "complete" })).await;
    at(1800); // 7200
    act(app, &li, t2, json!({ "action": "complete" })).await;
    at(800); // 8000
    act(app, &bob, t2, json!({ "action": "continue" })).await;
    at(2800); // 10800
    act(app, &li, t2, json!({ "action": "complete" })).await;
    act(app, &bob, t2, json!({ "action": "confirm" })).await;
    act(app, &bob, t2, json!({ "action": "rate", "rating": 2, "comment": "太慢了 · too slow" })).await;
    at(86400 - 10800); // the next day
    app.create_ticket(&bob, "t5").await;
    admin
}

pub async fn get(app: &TestApp, token: &str, path: &str) -> Value {
    let res = app.get(path).token(token).send().await;
    assert_eq!(res.status, StatusCode::OK, "{path}: {}", res.text());
    res.json()
}

#[tokio::test]
async fn the_summary_matches_the_hand_computed_desk() {
    let app = crate::reports::app().await;
    let admin = build(&app).await;
    let got = get(&app, &admin, &format!("/api/v1/reports/summary?{PERIOD}")).await;
    let want = json!({
        "created": 5, "solved": 3, "backlog": 2,
        "resolution_rate": 0.6, "reopen_rate": 1.0 / 3.0,
        "first_reply": { "count": 4, "median": 1200, "p90": 2700, "average": 1575 },
        "first_resolution": { "count": 3, "median": 5400, "p90": 7200, "average": 5400 },
        "full_resolution": { "count": 3, "median": 5400, "p90": 10800, "average": 6600 },
        "csat": { "count": 2, "satisfied_share": 0.5, "average": 3.5, "distribution": [0, 1, 0, 0, 1], "response_rate": 2.0 / 3.0 },
        // The desk has no SLA policy (attainment is tested in `sla::attainment`).
        "sla": { "first_reply": { "met": 0, "breached": 0, "share": null }, "resolution": { "met": 0, "breached": 0, "share": null } },
        "interval": "day",
        "series": [
            { "start": "2030-03-02", "created": 4, "solved": 3 },
            { "start": "2030-03-03", "created": 1, "solved": 0 },
            { "start": "2030-03-04", "created": 0, "solved": 0 },
        ],
        // The three days before: nothing, so no change to tell.
        "previous": {
            "from": "2030-02-27", "to": "2030-03-02", "created": 0, "solved": 0, "backlog": 0,
            "created_change": null, "solved_change": null, "backlog_change": null,
        },
    });
    assert_eq!(got, want);
}

/// The previous period (session 9): the range of the same length just before, its counts and the
/// changes, from the fixture: T1–T4 on T0's day, T5 on the next.
#[tokio::test]
async fn the_previous_period_is_the_same_length_before() {
    let app = crate::reports::app().await;
    let admin = build(&app).await;
    // (query, previous)
    let cases = [
        // 03-03 against 03-02: created 1 vs 4, solved 0 vs 3, backlog 1 (T5) vs 1 (T4).
        ("from=2030-03-03&to=2030-03-04", json!({
            "from": "2030-03-02", "to": "2030-03-03", "created": 4, "solved": 3, "backlog": 1,
            "created_change": -0.75, "solved_change": -1.0, "backlog_change": 0.0,
        })),
        // Two days (03-04, 03-05) against 03-02 and 03-03: nothing now, everything before.
        ("from=2030-03-04&to=2030-03-06", json!({
            "from": "2030-03-02", "to": "2030-03-04", "created": 5, "solved": 3, "backlog": 2,
            "created_change": -1.0, "solved_change": -1.0, "backlog_change": -1.0,
        })),
        // The filters apply before too (no type 0: nothing either side).
        ("from=2030-03-03&to=2030-03-04&by=solved&type=0", json!({
            "from": "2030-03-02", "to": "2030-03-03", "created": 0, "solved": 0, "backlog": 0,
            "created_change": null, "solved_change": null, "backlog_change": null,
        })),
        ("from=2030-03-03", Value::Null),
        ("to=2030-03-03&interval=month", Value::Null),
    ];
    for (query, want) in cases {
        let got = get(&app, &admin, &format!("/api/v1/reports/summary?{query}")).await;
        assert_eq!(got["previous"], want, "{query}");
    }
}

#[tokio::test]
async fn filters_narrow_the_summary() {
    let app = crate::reports::app().await;
    let admin = build(&app).await;
    let smith = user_id(&app, AGENT).await;
    let (billing, invoice) = app.type_ids(&admin, "Billing", "Invoice").await;
    let (acme, globex) = (customer_group(&app, "Acme").await, customer_group(&app, "Globex").await);
    let all_replies = json!({ "count": 4, "median": 1200, "p90": 2700, "average": 1575 });
    let nothing = json!({ "count": 0, "median": null, "p90": null, "average": null });
    // (query, created, solved, backlog, reopen rate, first-reply stats)
    let cases = [
        (format!("{PERIOD}&agent={smith}"), 2, 2, 0, json!(0.0), json!({ "count": 2, "median": 600, "p90": 1800, "average": 1200 })),
        (format!("{PERIOD}&type={billing}"), 1, 1, 0, json!(1.0), json!({ "count": 1, "median": 1200, "p90": 1200, "average": 1200 })),
        (format!("{PERIOD}&priority=high"), 0, 0, 0, Value::Null, nothing.clone()),
        (format!("{PERIOD}&channel=phone"), 1, 0, 1, Value::Null, json!({ "count": 1, "median": 2700, "p90": 2700, "average": 2700 })),
        // By first solve on T0's day: T1, T2, T3, whatever their creation.
        ("from=2030-03-02&to=2030-03-03&by=solved".to_owned(), 4, 3, 1, json!(1.0 / 3.0), json!({ "count": 3, "median": 1200, "p90": 1800, "average": 1200 })),
        ("from=2030-03-03&to=2030-03-04".to_owned(), 1, 0, 1, Value::Null, nothing.clone()),
        // Session 9: sub-type, the requester's customer group (Alice and Bob are Acme's), the
        // assignee's role (Smith and Li are agents; T5 is nobody's).
        (format!("{PERIOD}&subtype={invoice}"), 1, 1, 0, json!(1.0), json!({ "count": 1, "median": 1200, "p90": 1200, "average": 1200 })),
        (format!("{PERIOD}&customer_group={acme}"), 5, 3, 2, json!(1.0 / 3.0), all_replies.clone()),
        (format!("{PERIOD}&customer_group={globex}"), 0, 0, 0, Value::Null, nothing.clone()),
        (format!("{PERIOD}&role=agent"), 4, 3, 1, json!(1.0 / 3.0), all_replies.clone()),
        (format!("{PERIOD}&role=admin,owner"), 0, 0, 0, Value::Null, nothing.clone()),
        (format!("{PERIOD}&role=agent&customer_group={globex}"), 0, 0, 0, Value::Null, nothing),
    ];
    for (query, created, solved, backlog, reopen, first_reply) in cases {
        let got = get(&app, &admin, &format!("/api/v1/reports/summary?{query}")).await;
        let have = (&got["created"], &got["solved"], &got["backlog"], &got["reopen_rate"], &got["first_reply"]);
        assert_eq!(have, (&json!(created), &json!(solved), &json!(backlog), &reopen, &first_reply), "{query}");
    }
    let weeks = get(&app, &admin, &format!("/api/v1/reports/summary?{PERIOD}&interval=week")).await;
    let want = json!([{ "start": "2030-02-25", "created": 5, "solved": 3 }, { "start": "2030-03-04", "created": 0, "solved": 0 }]);
    assert_eq!(weeks["series"], want);
    let months = get(&app, &admin, &format!("/api/v1/reports/summary?{PERIOD}&interval=month")).await;
    assert_eq!(months["series"], json!([{ "start": "2030-03-01", "created": 5, "solved": 3 }]));
}

#[tokio::test]
async fn the_workload_per_agent_matches_the_desk() {
    let app = crate::reports::app().await;
    let admin = build(&app).await;
    let rows = get(&app, &admin, &format!("/api/v1/reports/agents?{PERIOD}")).await;
    let row = |email_id: i64| rows.as_array().into_iter().flatten().find(|r| r["agent_id"] == email_id).cloned();
    let (smith, li) = (user_id(&app, AGENT).await, user_id(&app, AGENT2).await);
    let want_smith = json!({
        "agent_id": smith, "name": "Agent Smith", "assigned": 2, "solved": 2, "open_now": 0,
        "public_replies": 3, "internal_notes": 0, "first_reply_median": 600,
        "csat_count": 1, "csat_satisfied_share": 1.0, "csat_average": 5.0,
    });
    let want_li = json!({
        "agent_id": li, "name": "Li Lei", "assigned": 2, "solved": 1, "open_now": 1,
        "public_replies": 2, "internal_notes": 1, "first_reply_median": 1200,
        "csat_count": 1, "csat_satisfied_share": 0.0, "csat_average": 2.0,
    });
    assert_eq!(row(smith), Some(want_smith));
    assert_eq!(row(li), Some(want_li));
    // `agent` chooses the rows.
    let only = get(&app, &admin, &format!("/api/v1/reports/agents?{PERIOD}&agent={li}")).await;
    assert_eq!(only.as_array().map(|a| a.iter().map(|r| r["agent_id"].clone()).collect::<Vec<_>>()), Some(vec![json!(li)]));
}

/// The per-group workload (session 9): tickets count for the group they are in now; replies and
/// notes are staff messages on the group's tickets (Bob's messages on T2 are not replies).
#[tokio::test]
async fn the_workload_per_group_matches_the_desk() {
    let app = crate::reports::app().await;
    let admin = build(&app).await;
    let (support, billing) = (group_id(&app, "Support").await, group_id(&app, "Billing").await);
    let rows = get(&app, &admin, &format!("/api/v1/reports/groups?{PERIOD}")).await;
    let row = |id: i64| rows.as_array().into_iter().flatten().find(|r| r["group_id"] == id).cloned();
    // Open now, whatever the period: the demo's goods-return ticket, new and in Support.
    let want_support = json!({ "group_id": support, "name": "Support", "assigned": 2, "solved": 2, "open_now": 1, "public_replies": 2, "internal_notes": 0 });
    let want_billing = json!({ "group_id": billing, "name": "Billing", "assigned": 1, "solved": 1, "open_now": 0, "public_replies": 1, "internal_notes": 1 });
    assert_eq!(row(support), Some(want_support));
    assert_eq!(row(billing), Some(want_billing));
    let names: Vec<_> = rows.as_array().into_iter().flatten().map(|r| r["name"].clone()).collect();
    assert_eq!(names, [json!("Billing"), json!("Supervisors"), json!("Support"), json!("Warehouse")], "every group, by name");
    // (query, Support's (assigned, solved, open now, replies)); `group` chooses the rows.
    let smith = user_id(&app, AGENT).await;
    let cases = [
        (format!("{PERIOD}&group={support}"), Some((2, 2, 1, 2))),
        (format!("{PERIOD}&group={billing}"), None),
        // The demo's ticket is nobody's: Smith's filter leaves it out.
        (format!("{PERIOD}&agent={smith}"), Some((2, 2, 0, 2))),
        ("from=2030-03-03&to=2030-03-04".to_owned(), Some((0, 0, 1, 0))),
        ("from=2030-03-02&to=2030-03-03&by=solved".to_owned(), Some((2, 2, 1, 2))),
    ];
    for (query, want) in cases {
        let rows = get(&app, &admin, &format!("/api/v1/reports/groups?{query}")).await;
        let got = rows.as_array().into_iter().flatten().find(|r| r["group_id"] == support).map(|r| {
            (r["assigned"].as_i64(), r["solved"].as_i64(), r["open_now"].as_i64(), r["public_replies"].as_i64())
        });
        assert_eq!(got, want.map(|(a, s, o, p)| (Some(a), Some(s), Some(o), Some(p))), "{query}");
    }
}
