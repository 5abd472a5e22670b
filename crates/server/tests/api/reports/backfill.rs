//! Facts that did not come from the live hooks: the migration's backfill from existing threads
//! (run again over the fixture desk, it must find what the hooks recorded, except what the threads
//! cannot tell), and the benchmark seed's facts (its tickets count like any).

use super::desk::{build, get, user_id, AGENT2};
use crate::support::{TestApp, ADMIN, AGENT};
use serde_json::json;

/// Every facts row of the desk's tenant as one line of text (both databases, through `Any`).
async fn facts(app: &TestApp) -> Vec<String> {
    let columns = [
        "ticket_id", "created_at", "customer_first_at", "first_reply_at", "first_reply_secs", "first_reply_by",
        "first_solved_at", "first_resolution_secs", "last_solved_at", "full_resolution_secs", "solved_by", "solves",
        "reopens", "rating", "rated_at",
    ];
    let line = columns.map(|c| format!("COALESCE(CAST({c} AS TEXT), '-')")).join(" || ' ' || ");
    let sql = format!(
        "SELECT CASE WHEN registered_by_staff THEN 'staff ' ELSE 'customer ' END || {line} FROM ticket_facts
         WHERE tenant_id = (SELECT tenant_id FROM users WHERE email = $1) ORDER BY ticket_id"
    );
    sqlx::query_scalar(&sql).bind(ADMIN).fetch_all(&app.sql).await.expect("facts")
}

/// The statements of migration 0016 after its "-- Backfill" comment, for this test's database.
fn backfill_statements(app: &TestApp) -> Vec<String> {
    let dialect = if app.db.url().starts_with("postgres") { "postgres" } else { "sqlite" };
    let path = format!("{}/migrations/{dialect}/0016_ticket_facts.sql", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("migration");
    let (_, backfill) = text.split_once("-- Backfill").expect("a backfill part");
    // From the line after the one that names it.
    let (_, backfill) = backfill.split_once('\n').expect("a backfill part");
    backfill.split(";\n").map(str::trim).filter(|s| s.contains("ticket_facts")).map(str::to_owned).collect()
}

#[tokio::test]
async fn the_migration_backfills_what_the_threads_tell() {
    let app = crate::reports::app().await;
    build(&app).await;
    let live = facts(&app).await;
    sqlx::query("DELETE FROM ticket_facts").execute(&app.sql).await.expect("delete");
    let statements = backfill_statements(&app);
    assert_eq!(statements.len(), 3, "{statements:?}");
    for statement in statements {
        sqlx::query(&statement).execute(&app.sql).await.expect("backfill");
    }
    let backfilled = facts(&app).await;
    assert_eq!(backfilled.len(), live.len());
    let (smith, li) = (user_id(&app, AGENT).await, user_id(&app, AGENT2).await);
    // T4, the ticket Smith registered, is the one the threads tell apart: registration was not
    // recorded before 0016, so Smith's reply before Alice spoke counts as the first.
    let t4_live = format!("staff {{id}} 2030-03-02T08:00:00Z 2030-03-02T08:15:00Z 2030-03-02T08:45:00Z 2700 {li} - - - - - 0 0 - -");
    let t4_backfilled = format!("customer {{id}} 2030-03-02T08:00:00Z 2030-03-02T08:00:00Z 2030-03-02T08:05:00Z 300 {smith} - - - - - 0 0 - -");
    let mut differing = Vec::new();
    for (a, b) in live.iter().zip(&backfilled) {
        if a != b {
            let id = a.split(' ').nth(1).unwrap_or_default();
            differing.push((a.replacen(id, "{id}", 1), b.replacen(id, "{id}", 1)));
        }
    }
    assert_eq!(differing, vec![(t4_live, t4_backfilled)]);
}

#[tokio::test]
async fn seeded_tickets_have_their_facts() {
    let app = crate::reports::app().await;
    baton_server::demo::bulk::seed(&app.db, 300, 1).await.expect("seed");
    let admin = app.login(ADMIN).await;
    let got = get(&app, &admin, "/api/v1/reports/summary?interval=month").await;
    let tenant = "(SELECT tenant_id FROM users WHERE email = 'admin@baton.test')";
    let created = app.count(&format!("SELECT COUNT(*) FROM tickets WHERE tenant_id = {tenant}")).await;
    let solved = app
        .count(&format!(
            "SELECT COUNT(*) FROM tickets WHERE tenant_id = {tenant} AND status IN ('solved', 'confirmed', 'rated', 'closed')"
        ))
        .await;
    assert!(created > 300, "{created}");
    assert_eq!((&got["created"], &got["solved"], &got["backlog"]), (&json!(created), &json!(solved), &json!(created - solved)));
    assert_eq!(got["first_resolution"]["count"], json!(solved));
}
