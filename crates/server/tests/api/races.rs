//! The races a single SQLite writer hides and a database with concurrent writers (PostgreSQL)
//! exposes, each provoked by many concurrent requests: two edits on one version (exactly one
//! wins, the others are told 412), retries with one Idempotency-Key (one ticket, no 500), and
//! events read while others commit (a reader resuming "after id N" never skips one). Ticket numbers
//! are `concurrency.rs`. And admins stepping down together: the desk keeps one; creations and
//! changes at once: no deadlock.

use crate::support::{TestApp, AGENT, ALICE, BOB};
use axum::http::{Method, StatusCode};
use baton_server::storage::events as event_store;
use futures_util::future::join_all;
use serde_json::json;
use std::collections::BTreeSet;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn of_many_edits_on_one_version_exactly_one_wins() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let id = app.create_ticket(&alice, "Contended").await["id"].as_i64().expect("id");
    let priorities = ["low", "high", "urgent", "low", "high", "urgent", "low", "high"];
    let edits = priorities.iter().map(|p| {
        app.call(Method::PATCH, &format!("/api/v1/tickets/{id}"))
            .token(&agent)
            .header("if-match", "\"v1\"")
            .json(&json!({ "priority": p, "tags": [format!("by-{p}")] }))
            .send()
    });
    let answers = join_all(edits).await;
    let won: Vec<_> = answers.iter().filter(|r| r.status == StatusCode::OK).collect();
    let lost = answers.iter().filter(|r| r.status == StatusCode::PRECONDITION_FAILED).count();
    assert_eq!((won.len(), lost), (1, priorities.len() - 1), "{:?}", answers.iter().map(|r| r.status).collect::<Vec<_>>());
    // The stored ticket is the winner's edit, whole: its priority with its own tag, version 2.
    let stored = app.get(&format!("/api/v1/tickets/{id}")).token(&agent).send().await.json();
    let winner = won[0].json();
    assert_eq!(stored["priority"], winner["priority"]);
    assert_eq!(stored["staff"]["tags"], json!([format!("by-{}", winner["priority"].as_str().unwrap_or_default())]));
    assert_eq!(stored["staff"]["version"], 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_retries_with_one_key_make_one_ticket() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let body = app.new_ticket(&alice, "Retried in a hurry").await;
    let tries = (0..10).map(|_| {
        app.post("/api/v1/tickets")
            .token(&alice)
            .header("idempotency-key", "the-one-key")
            .json(&body)
            .send()
    });
    let answers = join_all(tries).await;
    let statuses: Vec<_> = answers.iter().map(|r| r.status).collect();
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CREATED).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == StatusCode::CREATED || *s == StatusCode::OK), "{statuses:?}");
    let ids: BTreeSet<_> = answers.iter().map(|r| r.json()["id"].clone().to_string()).collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM tickets WHERE title = 'Retried in a hurry'").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_reader_resuming_after_the_last_id_it_saw_misses_no_event() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let bob = app.login(BOB).await;
    let agent = app.login(AGENT).await;
    let tickets = [
        app.create_ticket(&alice, "Busy one").await["id"].as_i64().expect("id"),
        app.create_ticket(&bob, "Busy two").await["id"].as_i64().expect("id"),
    ];
    let tenant: i64 = sqlx::query_scalar("SELECT tenant_id FROM tickets WHERE id = $1")
        .bind(tickets[0])
        .fetch_one(&app.sql)
        .await
        .expect("tenant");
    let start: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events").fetch_one(&app.sql).await.expect("max");
    let writers = (0..48).map(|i| {
        let (token, ticket) = match i % 3 {
            0 => (&alice, tickets[0]),
            1 => (&bob, tickets[1]),
            _ => (&agent, tickets[i % 2]),
        };
        app.post(&format!("/api/v1/tickets/{ticket}/messages"))
            .token(token)
            .json(&json!({ "body": format!("message {i}") }))
            .send()
    });
    let done = std::sync::atomic::AtomicBool::new(false);
    // The reader does what a resuming client does: ask for what came after the last id it saw.
    let reader = async {
        let (mut last, mut seen) = (start, Vec::new());
        loop {
            let finished = done.load(std::sync::atomic::Ordering::SeqCst);
            let page = event_store::since(&app.db, tenant, last, 1000).await.expect("events");
            for e in page {
                last = e.id;
                seen.push(e.id);
            }
            if finished {
                return seen;
            }
            tokio::task::yield_now().await;
        }
    };
    let writing = async {
        let answers = join_all(writers).await;
        done.store(true, std::sync::atomic::Ordering::SeqCst);
        answers
    };
    let (seen, answers) = tokio::join!(reader, writing);
    assert!(answers.iter().all(|r| r.status == StatusCode::CREATED), "{:?}", answers.iter().map(|r| r.status).collect::<Vec<_>>());
    let all: Vec<i64> = sqlx::query_scalar("SELECT id FROM events WHERE tenant_id = $1 AND id > $2 ORDER BY id")
        .bind(tenant)
        .bind(start)
        .fetch_all(&app.sql)
        .await
        .expect("all events");
    assert!(all.len() >= 48, "{}", all.len());
    assert_eq!(seen, all);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn of_admins_stepping_down_at_once_the_desk_keeps_one() {
    let app = TestApp::new().await;
    let admin = app.login(crate::support::ADMIN).await;
    // A desk without its owner, and twelve admins who all make themselves agents at once (six were
    // too few to overlap on PostgreSQL without the lock; twelve were not).
    sqlx::query("UPDATE users SET role = 'agent' WHERE email = $1").bind(crate::support::OWNER).execute(&app.sql).await.expect("no owner");
    let mut admins = vec![(crate::workspace::user_id(&app, crate::support::ADMIN).await, admin.clone())];
    for i in 0..11 {
        let email = format!("admin{i}@baton.test");
        let id = app.new_agent(&email).await;
        let res = crate::roles::put_role(&app, &admin, id, json!({ "role": "admin" })).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        admins.push((id, app.login(&email).await));
    }
    let steps = admins.iter().map(|(id, token)| crate::roles::put_role(&app, token, *id, json!({ "role": "agent" })));
    let statuses: Vec<StatusCode> = join_all(steps).await.iter().map(|r| r.status).collect();
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), admins.len() - 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CONFLICT).count(), 1, "{statuses:?}");
    let left = "SELECT COUNT(*) FROM users WHERE role IN ('admin', 'owner') AND tenant_id = (SELECT tenant_id FROM users WHERE email = 'admin@baton.test')";
    assert_eq!(app.count(left).await, 1);
}

/// New tickets and changes to existing ones at once: no deadlock (500) on any database. On
/// PostgreSQL a creation held the tenant's counter while its trigger waited for a ticket bucket
/// row, and a change held that bucket row while it waited for the counter to record its event.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn creations_and_changes_at_once_never_deadlock() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let mut existing = Vec::new();
    for i in 0..6 {
        existing.push(app.create_ticket(&alice, &format!("Existing {i}")).await["id"].as_i64().expect("id"));
    }
    let body = app.new_ticket(&alice, "Created in the crowd").await;
    for round in 0..3 {
        let creations = (0..6).map(|_| app.post("/api/v1/tickets").token(&alice).json(&body).send());
        let action = if round % 2 == 0 { "set_pending" } else { "complete" };
        let changes = existing.iter().map(|id| {
            app.post(&format!("/api/v1/tickets/{id}/actions")).token(&agent).json(&json!({ "action": action })).send()
        });
        let replies = existing.iter().map(|id| {
            app.post(&format!("/api/v1/tickets/{id}/messages")).token(&alice).json(&json!({ "body": "still there?" })).send()
        });
        let (created, changed, replied) = tokio::join!(join_all(creations), join_all(changes), join_all(replies));
        for res in created.iter().chain(&changed).chain(&replied) {
            assert!(res.status.is_success() || res.status == StatusCode::CONFLICT, "round {round}: {} {}", res.status, res.text());
        }
        assert!(created.iter().all(|r| r.status == StatusCode::CREATED), "round {round}: every creation succeeds");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM tickets WHERE title = 'Created in the crowd'").await, 18);
}
