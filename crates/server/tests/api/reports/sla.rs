//! SLA in reports (session 10): attainment per policy and target, and the list of breaches, on a
//! pinned clock (Monday 2026-12-07 from 02:00 UTC; the seeded desk counts days in Shanghai, where
//! that is 10:00, so every target below falls on local 2026-12-07).
//!
//! Policies, tried in this order: "Bob first" (Bob's tickets; normal: first reply 30 min, next
//! reply 30, resolution 600) and "Everyone" (normal: first reply 60, resolution 240).
//!
//! | time | event |
//! |---|---|
//! | 02:00 | Alice opens T1 "Quick" and T2 "Slow" (Everyone), Bob opens T3 "Chat" (Bob first) |
//! | 02:10 | agent replies on T3: first reply met |
//! | 02:20 | agent replies on T1: first reply met |
//! | 02:30 | Bob writes on T3: next reply due 03:00 |
//! | 03:00 | T1 solved: resolution met |
//! | 03:30 | agent replies on T2 (first reply due 03:00: breached by 1,800 s) and on T3 (next reply due 03:00: breached by 1,800 s) |
//! | 03:40 | Bob writes on T3: next reply due 04:10 |
//! | 03:50 | agent replies on T3: met |
//! | 06:30 | the SLA watch runs: T2's resolution (due 06:00, still running) breached by 1,800 s so far |

use super::access::other_desk_admin;
use super::desk::{get, user_id};
use crate::support::{TestApp, ADMIN, AGENT, ALICE, BOB};
use axum::http::StatusCode;
use serde_json::{json, Value};

const PERIOD: &str = "from=2026-12-07&to=2026-12-08";

async fn say(app: &TestApp, token: &str, id: i64) {
    let res = app.post(&format!("/api/v1/tickets/{id}/messages")).token(token).json(&json!({"body": "Hello", "kind": "public"})).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
}

fn at(app: &TestApp, hh: u8, mm: u8) {
    let time = time::Time::from_hms(hh, mm, 0).expect("time");
    app.services.clock.pin(time::macros::date!(2026 - 12 - 07).with_time(time).assume_utc());
}

/// Builds the desk above; (admin token, [T1, T2, T3]).
async fn build(app: &TestApp) -> (String, [i64; 3]) {
    at(app, 2, 0);
    let (admin, agent, alice, bob) = (app.login(ADMIN).await, app.login(AGENT).await, app.login(ALICE).await, app.login(BOB).await);
    let bob_id = user_id(app, BOB).await;
    let policies = [
        json!({"name": "Bob first", "conditions": {"customer_ids": [bob_id]}, "targets": [{"priority": "normal", "first_reply": 30, "next_reply": 30, "resolution": 600}]}),
        json!({"name": "Everyone", "targets": [{"priority": "normal", "first_reply": 60, "resolution": 240}]}),
    ];
    for policy in policies {
        let res = app.post("/api/v1/admin/sla/policies").token(&admin).json(&policy).send().await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    }
    let id = |t: Value| t["id"].as_i64().expect("id");
    let t1 = id(app.create_ticket(&alice, "Quick").await);
    let t2 = id(app.create_ticket(&alice, "Slow").await);
    let t3 = id(app.create_ticket(&bob, "Chat").await);
    at(app, 2, 10);
    say(app, &agent, t3).await;
    at(app, 2, 20);
    say(app, &agent, t1).await;
    at(app, 2, 30);
    say(app, &bob, t3).await;
    at(app, 3, 0);
    assert_eq!(app.act(&agent, t1, json!({"action": "complete"})).await.status, StatusCode::OK);
    at(app, 3, 30);
    say(app, &agent, t2).await;
    say(app, &agent, t3).await;
    at(app, 3, 40);
    say(app, &bob, t3).await;
    at(app, 3, 50);
    say(app, &agent, t3).await;
    (admin, [t1, t2, t3])
}

fn share(met: i64, breached: i64) -> Value {
    let share = if met + breached == 0 { Value::Null } else { json!(met as f64 / (met + breached) as f64) };
    json!({"met": met, "breached": breached, "share": share})
}

/// (policy name, [first reply, next reply, resolution] as (met, breached)).
fn rows(report: &Value) -> Vec<(String, Value, Value, Value)> {
    report
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| (r["name"].as_str().unwrap_or("-").to_owned(), r["first_reply"].clone(), r["next_reply"].clone(), r["resolution"].clone()))
        .collect()
}

/// (ticket title, target, due, stopped, breached by).
fn breaches(page: &Value) -> Vec<(String, String, String, Value, i64)> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|b| {
            let s = |k: &str| b[k].as_str().unwrap_or("").to_owned();
            (s("title"), s("target"), s("due_at"), b["stopped_at"].clone(), b["breached_by_secs"].as_i64().unwrap_or(-1))
        })
        .collect()
}

#[tokio::test]
async fn attainment_per_policy_and_the_breaches_match_the_desk() {
    let app = crate::reports::app().await;
    let (admin, [_, t2, t3]) = build(&app).await;
    let report = get(&app, &admin, &format!("/api/v1/reports/sla?{PERIOD}")).await;
    let want = vec![
        ("Bob first".to_owned(), share(1, 0), share(1, 1), share(0, 0)),
        ("Everyone".to_owned(), share(1, 1), share(0, 0), share(1, 0)),
    ];
    assert_eq!(rows(&report), want, "{report}");
    let page = get(&app, &admin, &format!("/api/v1/reports/sla/breaches?{PERIOD}")).await;
    let late = |title: &str, target: &str| (title.to_owned(), target.to_owned(), "2026-12-07T03:00:00Z".to_owned(), json!("2026-12-07T03:30:00Z"), 1800);
    assert_eq!(breaches(&page), [late("Chat", "next_reply"), late("Slow", "first_reply")], "{page}");
    assert_eq!(page["items"][0]["ticket_id"], json!(t3));
    assert_eq!(page["items"][0]["policy_name"], json!("Bob first"));
    assert_eq!(page["items"][1]["policy_name"], json!("Everyone"));
    assert_eq!(page["items"][1]["assignee_name"], Value::Null);

    // T2's resolution runs past due: breached, by how long it has been late so far, recorded by
    // the SLA watch (though T2 was breached once before), once.
    at(&app, 6, 30);
    for _ in 0..2 {
        for job in baton_server::scheduler::jobs().into_iter().filter(|j| j.name == "sla") {
            (job.run)(&app.services).await.expect("sla job");
        }
    }
    let seen: Vec<String> = sqlx::query_scalar("SELECT sla_due_seen FROM tickets WHERE id = $1").bind(t2).fetch_all(&app.sql).await.expect("seen");
    assert_eq!(seen, ["2026-12-07T06:00:00Z"]);
    let report = get(&app, &admin, &format!("/api/v1/reports/sla?{PERIOD}")).await;
    assert_eq!(rows(&report)[1].3, share(1, 1), "{report}");
    let page = get(&app, &admin, &format!("/api/v1/reports/sla/breaches?{PERIOD}&limit=1")).await;
    assert_eq!(breaches(&page), [("Slow".to_owned(), "resolution".to_owned(), "2026-12-07T06:00:00Z".to_owned(), Value::Null, 1800)]);
    assert_eq!(page["items"][0]["ticket_id"], json!(t2));
    let cursor = page["next_cursor"].as_str().expect("a next page").to_owned();
    let rest = get(&app, &admin, &format!("/api/v1/reports/sla/breaches?{PERIOD}&limit=1&cursor={cursor}")).await;
    assert_eq!(breaches(&rest)[0].0, "Chat");

    // The report filters apply: no urgent ticket, another period, Alice's tickets only.
    for query in ["priority=urgent", "from=2026-12-08", "to=2026-12-07"] {
        let report = get(&app, &admin, &format!("/api/v1/reports/sla?{query}")).await;
        assert!(rows(&report).iter().all(|r| r.1 == share(0, 0) && r.2 == share(0, 0) && r.3 == share(0, 0)), "{query}: {report}");
        let page = get(&app, &admin, &format!("/api/v1/reports/sla/breaches?{query}")).await;
        assert_eq!(page["items"], json!([]), "{query}");
    }
}

#[tokio::test]
async fn sla_reports_need_reports_view_and_stay_in_their_desk() {
    let app = crate::reports::app().await;
    let (admin, _) = build(&app).await;
    let (agent, alice) = (app.login(AGENT).await, app.login(ALICE).await);
    for path in ["/api/v1/reports/sla", "/api/v1/reports/sla/breaches"] {
        for token in [&agent, &alice] {
            app.get(path).token(token).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
        }
        app.get(path).send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
        let res = app.get(&format!("{path}?from=yesterday")).token(&admin).send().await;
        res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    }
    let res = app.get("/api/v1/reports/sla/breaches?cursor=nonsense").token(&admin).send().await;
    res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    // Another desk's admin: none of these policies, none of these breaches.
    let boss = app.login(&other_desk_admin(&app).await).await;
    assert_eq!(get(&app, &boss, "/api/v1/reports/sla").await, json!([]));
    assert_eq!(get(&app, &boss, "/api/v1/reports/sla/breaches").await["items"], json!([]));
}
