//! Upgrading a populated database (issue 16): a SQLite desk in the schema of the previous release
//! (migrations up to [`PREVIOUS`]), filled with what a desk in use holds — the demo's tenants,
//! users, types, fields and articles, tickets with public replies and a solve, sessions — is
//! opened by this build, which migrates it. Nothing is lost, the new tables are filled from the
//! old rows (report facts backfilled), and the server works on it.
//!
//! The old database is filled by copying, table by table and column by column, the rows of a
//! desk built through today's API: every column the old schema has gets a realistic value,
//! without this test restating fifteen migrations' worth of INSERTs. SQLite only (the copy uses
//! ATTACH); PostgreSQL runs the same migration pairs on empty databases in every test.

use crate::support::{TestApp, AGENT, ALICE};
use axum::http::StatusCode;
use serde_json::json;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::Row;
use std::borrow::Cow;

/// The last migration of the previous release (session 5's main).
const PREVIOUS: i64 = 15;

#[tokio::test]
async fn a_populated_database_of_the_previous_release_upgrades_with_everything_in_it() {
    // Today's desk, through the API.
    let dir = tempfile::tempdir().expect("temp dir");
    let full = dir.path().join("full.db");
    let app = TestApp::with(|c| c.database_url = format!("sqlite://{}", full.display())).await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let replied = app.create_ticket(&alice, "Printer jams").await["id"].as_i64().expect("id");
    app.create_ticket(&alice, "VPN drops").await;
    let reply = json!({ "body": "Which printer?", "kind": "public" });
    let res = app.post(&format!("/api/v1/tickets/{replied}/messages")).token(&agent).json(&reply).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let tickets = app.count("SELECT COUNT(*) FROM tickets").await;
    let messages = app.count("SELECT COUNT(*) FROM messages").await;
    let alices_list = app.get("/api/v1/tickets").token(&alice).send().await.json();
    drop(app);

    // The previous release's schema, filled with the same rows.
    let old = dir.path().join("old.db");
    let options = SqliteConnectOptions::new().filename(&old).create_if_missing(true).foreign_keys(false);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await.expect("old db");
    let mut migrator = sqlx::migrate!("./migrations/sqlite");
    migrator.migrations = Cow::Owned(migrator.migrations.iter().filter(|m| m.version <= PREVIOUS).cloned().collect());
    migrator.run(&pool).await.expect("the previous release's migrations");
    copy_rows(&pool, &full).await;
    // Support assigned automatically in the old schema: it becomes least loaded (0024).
    sqlx::query("UPDATE agent_groups SET auto_assign = TRUE WHERE name = 'Support'").execute(&pool).await.expect("auto assign");
    pool.close().await;

    // This build opens it: migrations PREVIOUS+1.. run on the populated database.
    let upgraded = TestApp::with(|c| c.database_url = format!("sqlite://{}", old.display())).await;
    assert_eq!(upgraded.count("SELECT COUNT(*) FROM tickets").await, tickets);
    assert_eq!(upgraded.count("SELECT COUNT(*) FROM messages").await, messages);
    assert_eq!(upgraded.count("SELECT COUNT(*) FROM ticket_facts").await, tickets, "facts backfilled");
    let first_reply = format!("SELECT COUNT(*) FROM ticket_facts WHERE ticket_id = {replied} AND first_reply_at IS NOT NULL");
    assert_eq!(upgraded.count(&first_reply).await, 1, "the reply found in the old thread");
    // Sessions of the old release still sign their users in (the new column is empty).
    let me = upgraded.get("/api/v1/me").token(&alice).send().await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.text());
    let list = upgraded.get("/api/v1/tickets").token(&alice).send().await.json();
    assert_eq!(list, alices_list, "the customer's list changed in the upgrade");
    let admin = upgraded.login(crate::support::ADMIN).await;
    let modes: Vec<(String, String)> =
        sqlx::query_as("SELECT name, assign_mode FROM agent_groups WHERE name IN ('Billing', 'Support') ORDER BY name").fetch_all(&upgraded.sql).await.expect("modes");
    let want = [("Billing", "manual"), ("Support", "least_loaded")].map(|(n, m)| (n.to_owned(), m.to_owned()));
    assert_eq!(modes, want);
    let summary = upgraded.get("/api/v1/reports/summary").token(&admin).send().await;
    assert_eq!(summary.status, StatusCode::OK, "{}", summary.text());
}

/// Copies every table of the old schema from the database file `from`, with the columns the old
/// schema has. Triggers are dropped during the copy (they would count rows twice: the tables
/// they maintain are copied too) and created again after.
async fn copy_rows(pool: &sqlx::SqlitePool, from: &std::path::Path) {
    let mut c = pool.acquire().await.expect("connection");
    sqlx::query("ATTACH DATABASE $1 AS today").bind(from.display().to_string()).execute(&mut *c).await.expect("attach");
    let triggers: Vec<(String, String)> =
        sqlx::query_as("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetch_all(&mut *c).await.expect("triggers");
    for (name, _) in &triggers {
        sqlx::query(&format!("DROP TRIGGER {name}")).execute(&mut *c).await.expect("drop trigger");
    }
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE '\\_sqlx%' ESCAPE '\\' AND name NOT LIKE '%\\_fts%' ESCAPE '\\'",
    )
    .fetch_all(&mut *c)
    .await
    .expect("tables");
    for table in tables {
        let names = async |c: &mut sqlx::SqliteConnection, schema: &str| -> Vec<String> {
            let rows = sqlx::query(&format!("PRAGMA {schema}.table_info({table})")).fetch_all(c).await.expect("columns");
            rows.iter().map(|row| row.get::<String, _>("name")).collect()
        };
        // A column a later migration drops (agent_groups.auto_assign, 0024) keeps its default.
        let today = names(&mut c, "today").await;
        let columns: Vec<String> = names(&mut c, "main").await.into_iter().filter(|n| today.contains(n)).collect();
        let list = columns.join(", ");
        sqlx::query(&format!("DELETE FROM main.{table}")).execute(&mut *c).await.expect("empty");
        // Rows only today's schema can hold are left out: notification events (0026).
        let only_old = if table == "events" { " WHERE type <> 'notification.created'" } else { "" };
        sqlx::query(&format!("INSERT INTO main.{table} ({list}) SELECT {list} FROM today.{table}{only_old}"))
            .execute(&mut *c)
            .await
            .unwrap_or_else(|e| panic!("copy {table}: {e}"));
    }
    for (_, sql) in &triggers {
        sqlx::query(sql).execute(&mut *c).await.expect("trigger again");
    }
    sqlx::query("DETACH DATABASE today").execute(&mut *c).await.expect("detach");
}
