//! Time rules on the test clock: a rule fires once per ticket and basis time after its hours,
//! not before, and not again on its own change; a new basis time (another update, another solve)
//! may fire it again; closed tickets and inactive rules are left alone.

use super::{desk, rule};
use axum::http::StatusCode;
use serde_json::json;
use time::Duration;

fn after(basis: &str, hours: i64) -> serde_json::Value {
    json!({"kind": "time", "basis": basis, "hours": hours})
}

#[tokio::test]
async fn a_time_rule_fires_once_after_its_hours_and_not_before() {
    let d = desk().await;
    d.rule(rule("Stale new tickets", after("created", 24), json!([{"field": "status", "op": "is", "value": "new"}]),
        json!([{"kind": "add_tags", "tags": ["stale"]}, {"kind": "add_note", "body": "Nobody took this for a day"}]))).await;
    let waiting = d.ticket("Waiting").await;
    let taken = d.ticket("Taken").await;
    assert_eq!(d.app.act(&d.agent, taken, json!({"action": "open"})).await.status, StatusCode::OK);
    d.pass().await;
    d.app.services.clock.advance(Duration::hours(23));
    d.pass().await;
    assert!(d.ran(waiting).await.is_empty(), "not before its hours");
    d.app.services.clock.advance(Duration::hours(2));
    d.pass().await;
    assert_eq!(d.ran(waiting).await, ["Stale new tickets"]);
    assert_eq!(d.get(&d.agent, waiting).await["staff"]["tags"], json!(["stale"]));
    assert_eq!(d.notes(waiting).await, ["Nobody took this for a day"]);
    assert!(d.ran(taken).await.is_empty(), "the conditions do not match an open ticket");
    // Once per ticket: later passes add nothing.
    for _ in 0..2 {
        d.app.services.clock.advance(Duration::days(2));
        d.pass().await;
    }
    assert_eq!(d.notes(waiting).await.len(), 1);
    // The customer never sees the note.
    let theirs = d.thread(&d.alice, waiting).await;
    assert!(theirs.iter().all(|m| m["kind"] != "internal"), "{theirs:?}");
}

#[tokio::test]
async fn an_updated_rule_does_not_retrigger_on_its_own_change_but_on_the_next_one() {
    let d = desk().await;
    d.rule(rule("Nudge", after("updated", 2), json!([]), json!([{"kind": "add_note", "body": "Quiet for two hours"}]))).await;
    let id = d.ticket("Quiet").await;
    d.app.services.clock.advance(Duration::hours(3));
    d.pass().await;
    assert_eq!(d.notes(id).await.len(), 1);
    // Its own note moved the ticket's updated time: that does not count.
    d.app.services.clock.advance(Duration::hours(3));
    d.pass().await;
    assert_eq!(d.notes(id).await.len(), 1);
    // An agent's change does.
    assert_eq!(d.patch(id, json!({"priority": "high"})).await.status, StatusCode::OK);
    d.app.services.clock.advance(Duration::hours(1));
    d.pass().await;
    assert_eq!(d.notes(id).await.len(), 1, "one hour is not two");
    d.app.services.clock.advance(Duration::hours(2));
    d.pass().await;
    assert_eq!(d.notes(id).await.len(), 2);
}

#[tokio::test]
async fn solved_and_pending_count_from_when_the_ticket_got_there() {
    let d = desk().await;
    d.rule(rule("Solved a while", after("solved", 12), json!([]), json!([{"kind": "add_tags", "tags": ["solved-12h"]}]))).await;
    d.rule(rule("Pending a while", after("pending", 6), json!([]), json!([{"kind": "set_priority", "priority": "high"}]))).await;
    let solved = d.ticket("Solved").await;
    let pending = d.ticket("Pending").await;
    let plain = d.ticket("Neither").await;
    d.app.services.clock.advance(Duration::hours(20));
    assert_eq!(d.app.act(&d.agent, solved, json!({"action": "complete"})).await.status, StatusCode::OK);
    assert_eq!(d.app.act(&d.agent, pending, json!({"action": "open"})).await.status, StatusCode::OK);
    let res = d.app.act(&d.agent, pending, json!({"action": "set_pending"})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    d.app.services.clock.advance(Duration::hours(5));
    d.pass().await;
    assert!(d.ran(pending).await.is_empty() && d.ran(solved).await.is_empty());
    d.app.services.clock.advance(Duration::hours(2));
    d.pass().await;
    assert_eq!(d.ran(pending).await, ["Pending a while"]);
    assert!(d.ran(solved).await.is_empty());
    d.app.services.clock.advance(Duration::hours(6));
    d.pass().await;
    assert_eq!(d.ran(solved).await, ["Solved a while"]);
    assert!(d.ran(plain).await.is_empty());
}

#[tokio::test]
async fn inactive_time_rules_and_closed_tickets_are_left_alone() {
    let d = desk().await;
    let mut body = rule("Off", after("created", 1), json!([]), json!([{"kind": "add_tags", "tags": ["off"]}]));
    body["active"] = json!(false);
    d.rule(body).await;
    d.rule(rule("Open only", after("created", 1), json!([]), json!([{"kind": "add_tags", "tags": ["on"]}]))).await;
    let open = d.ticket("Open").await;
    let closed = d.ticket("Closed").await;
    assert_eq!(d.app.act(&d.agent, closed, json!({"action": "complete"})).await.status, StatusCode::OK);
    assert_eq!(d.app.act(&d.alice, closed, json!({"action": "confirm"})).await.status, StatusCode::OK);
    d.app.services.clock.advance(Duration::hours(2));
    d.pass().await;
    assert_eq!(d.get(&d.agent, open).await["staff"]["tags"], json!(["on"]));
    assert_eq!(d.get(&d.agent, closed).await["staff"]["tags"], json!([]));
}

#[tokio::test]
async fn a_ticket_that_meets_a_rules_conditions_only_later_still_fires_once() {
    let d = desk().await;
    d.rule(rule("Urgent a while", after("created", 1), json!([{"field": "priority", "op": "is", "value": "urgent"}]),
        json!([{"kind": "add_tags", "tags": ["urgent-1h"]}]))).await;
    // A relative date becomes true by time alone, the ticket unchanged.
    d.rule(rule("Two days old", after("created", 1), json!([{"field": "created_at", "op": "before", "value": "-2d"}]),
        json!([{"kind": "add_note", "body": "two days"}]))).await;
    let id = d.ticket("Later").await;
    d.app.services.clock.advance(Duration::hours(2));
    d.pass().await;
    assert!(d.ran(id).await.is_empty(), "neither meets its conditions yet");
    // Passes that find nothing must not hide the ticket from later ones.
    d.app.services.clock.advance(Duration::hours(2));
    d.pass().await;
    assert_eq!(d.patch(id, json!({"priority": "urgent"})).await.status, StatusCode::OK);
    d.pass().await;
    assert_eq!(d.ran(id).await, ["Urgent a while"]);
    d.app.services.clock.advance(Duration::days(2));
    d.pass().await;
    d.pass().await;
    assert_eq!(d.ran(id).await, ["Urgent a while", "Two days old"]);
    assert_eq!(d.notes(id).await, ["two days"]);
}

#[tokio::test]
async fn a_pass_runs_on_every_due_ticket_across_its_commits_once() {
    let d = desk().await;
    let id = d.rule(rule("Swept", after("created", 1), json!([]), json!([{"kind": "add_tags", "tags": ["swept"]}]))).await;
    // The demo desk's tickets and these: more than one transaction's worth (timed::PER_COMMIT).
    for i in 0..40 {
        d.ticket(&format!("Sweep {i}")).await;
    }
    let due = format!(
        "SELECT COUNT(*) FROM tickets WHERE tenant_id = (SELECT tenant_id FROM automations WHERE id = {id})
         AND status IN ('new', 'open', 'pending', 'solved') AND trashed_at IS NULL AND suspended_at IS NULL"
    );
    let due = d.app.count(&due).await;
    assert!(due > 2 * baton_server::automations::timed::PER_COMMIT as i64, "{due}");
    d.app.services.clock.advance(Duration::hours(2));
    d.pass().await;
    let swept = "SELECT COUNT(*) FROM ticket_tags WHERE tag = 'swept'";
    let runs = format!("SELECT COUNT(DISTINCT ticket_id) FROM automation_runs WHERE automation_id = {id}");
    assert_eq!((d.app.count(swept).await, d.app.count(&runs).await), (due, due));
    let entries = "SELECT COUNT(*) FROM messages WHERE author_id IS NULL";
    let before = d.app.count(entries).await;
    d.app.services.clock.advance(Duration::hours(2));
    d.pass().await;
    assert_eq!((d.app.count(swept).await, d.app.count(entries).await), (due, before), "once per ticket");
}
