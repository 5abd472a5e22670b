//! `baton-server backup`: a copy of a SQLite database taken while tickets are being written is
//! consistent (integrity check, ticket numbers and their counter agree) and serves as the database
//! of a new server, with what was there when the copy began. PostgreSQL is refused with a pointer
//! to pg_dump; an existing file is never overwritten.

use crate::support::{sql_pool, TestApp, ALICE};
use baton_server::storage::Dialect;
use std::path::Path;
use std::process::Command;

/// Exit code, stdout and stderr of `baton-server backup --database <database> --to <to>`.
fn backup(database: &str, to: &Path) -> (Option<i32>, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baton-server"));
    command.args(["backup", "--database", database, "--to"]).arg(to).env("NO_COLOR", "1");
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("BATON_") {
            command.env_remove(name);
        }
    }
    let out = command.output().expect("run baton-server");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("utf-8");
    (out.status.code(), text(out.stdout), text(out.stderr))
}

#[tokio::test]
async fn a_backup_taken_during_writes_is_whole_and_restores() {
    let app = TestApp::new().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("copy.db");
    if app.db.dialect() == Dialect::Postgres {
        let (code, _, stderr) = backup(app.db.url(), &copy);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains("pg_dump") && stderr.lines().count() == 1, "{stderr}");
        assert!(!copy.exists());
        return;
    }
    let alice = app.login(ALICE).await;
    app.create_ticket(&alice, "Before the backup").await;

    // Tickets keep coming while the copy is taken.
    let writing = std::sync::atomic::AtomicBool::new(true);
    let writer = async {
        let mut written = 0;
        while writing.load(std::sync::atomic::Ordering::SeqCst) {
            app.create_ticket(&alice, "During the backup").await;
            written += 1;
        }
        written
    };
    let url = app.db.url().to_owned();
    let copying = async {
        let out = tokio::task::spawn_blocking({
            let copy = copy.clone();
            move || backup(&url, &copy)
        })
        .await
        .expect("backup task");
        writing.store(false, std::sync::atomic::Ordering::SeqCst);
        out
    };
    let (written, (code, stdout, stderr)) = tokio::join!(writer, copying);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("secret key") && stdout.contains("attachments"), "{stdout}");
    assert!(written > 0, "no ticket was written during the backup");
    app.create_ticket(&alice, "After the backup").await;

    let copy_url = format!("sqlite://{}", copy.display());
    let sql = sql_pool(&copy_url).await;
    let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&sql).await.expect("check");
    assert_eq!(check, "ok");
    // The counter a ticket's number comes from is written in the ticket's own transaction: in a
    // torn copy the two would disagree.
    const TORN: &str = "SELECT COUNT(*) FROM tenant_counters c WHERE c.last_ticket_number <> \
        (SELECT COALESCE(MAX(t.number), 0) FROM tickets t WHERE t.tenant_id = c.tenant_id)";
    let torn: i64 = sqlx::query_scalar(TORN).fetch_one(&sql).await.expect("count");
    assert_eq!((torn, app.count(TORN).await), (0, 0));
    let copied: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM tickets WHERE title = 'During the backup'").fetch_one(&sql).await.expect("count");
    assert!(copied <= written, "{copied} of {written}");
    sql.close().await;

    // A server on the copy has the tickets from before, and none from after.
    let restored = TestApp::with(|c| c.database_url = copy_url.clone()).await;
    let alice = restored.login(ALICE).await;
    let list = restored.get("/api/v1/tickets?limit=100").token(&alice).send().await.json();
    let titles: Vec<&str> = list["items"].as_array().expect("items").iter().filter_map(|t| t["title"].as_str()).collect();
    assert!(titles.contains(&"Before the backup"), "{titles:?}");
    assert!(!titles.contains(&"After the backup"), "{titles:?}");

    // Never over an existing file.
    let (code, _, stderr) = backup(app.db.url(), &copy);
    assert_eq!((code, stderr.contains("never overwrites")), (Some(2), true), "{stderr}");
}
