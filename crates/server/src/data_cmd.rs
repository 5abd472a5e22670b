//! The commands that work on a database and exit (part of the binary): `migrate`, `seed` and
//! `backup`. Like every command, a refusal is one line on stderr and exit code 2.

use crate::{fail, first_line};
use baton_server::config::{self, DEFAULT_DATABASE_URL};
use baton_server::{demo, storage};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct MigrateArgs {
    /// Database URL (sqlite://… or postgres://…).
    #[arg(long = "database", env = "BATON_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    database: String,
}

#[derive(Debug, clap::Args)]
pub struct SeedArgs {
    /// Database URL (sqlite://… or postgres://…); migrated, and a SQLite file created, if missing.
    #[arg(long = "database", env = "BATON_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    database: String,
    /// How many tickets to add to the demo desk.
    #[arg(long, default_value_t = 100_000)]
    tickets: usize,
    /// Messages in each ticket's thread (one ticket gets 1,000).
    #[arg(long = "messages-per-ticket", default_value_t = 3)]
    messages_per_ticket: usize,
}

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Database URL (sqlite://…; for postgres://… the command says how to use pg_dump).
    #[arg(long = "database", env = "BATON_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    database: String,
    /// The file to write (it must not exist yet).
    #[arg(long)]
    to: PathBuf,
}

/// `baton-server migrate`: opens and migrates the database, then exits.
pub fn migrate(args: MigrateArgs) -> ExitCode {
    if let Err(e) = config::check_database_url(&args.database) {
        return fail(&e.to_string());
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => return fail(&format!("cannot start the async runtime: {e}")),
    };
    runtime.block_on(async {
        match baton_server::storage::open_with(&args.database, true).await {
            Ok(db) => {
                db.close().await;
                println!("{} is up to date", baton_server::storage::redacted(&args.database));
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e.to_string()),
        }
    })
}

/// `baton-server seed`: opens (and migrates) the database, seeds, reports what it added.
pub fn seed(args: SeedArgs) -> ExitCode {
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => return fail(&format!("cannot start the async runtime: {e}")),
    };
    runtime.block_on(async {
        let started = std::time::Instant::now();
        // The same check as `serve`, so both accept the same URLs.
        if let Err(e) = config::check_database_url(&args.database) {
            return fail(&e.to_string());
        }
        let db = match baton_server::storage::open(&args.database).await {
            Ok(db) => db,
            Err(e) => return fail(&first_line(&e.to_string())),
        };
        match demo::bulk::seed(&db, args.tickets, args.messages_per_ticket).await {
            Ok(s) => {
                println!(
                    "seeded {} tickets and {} messages in {:.1} s; the 1,000-message ticket is id {}",
                    s.tickets,
                    s.messages,
                    started.elapsed().as_secs_f64(),
                    s.long_ticket
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(&format!("seeding failed: {e}")),
        }
    })
}

/// `baton-server backup`: a consistent copy of a SQLite database, taken while servers use it
/// (storage::backup). The secret key and the attachments are files of their own: the command
/// says so, since a restored database without its key cannot open sealed confidential info.
pub fn backup(args: BackupArgs) -> ExitCode {
    if let Err(e) = config::check_database_url(&args.database) {
        return fail(&e.to_string());
    }
    if args.database.starts_with("postgres") {
        return fail(
            "backup copies SQLite databases; for PostgreSQL use pg_dump --format=custom (and pg_restore), see README.md",
        );
    }
    if args.to.exists() {
        return fail(&format!("{} exists: backup never overwrites a file", args.to.display()));
    }
    if let Some(parent) = args.to.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
        return fail(&format!("no directory {} to write the backup in", parent.display()));
    }
    let Some(to) = args.to.to_str() else {
        return fail("--to must be a UTF-8 path");
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => return fail(&format!("cannot start the async runtime: {e}")),
    };
    runtime.block_on(async {
        // Not migrated: a backup copies what is there, whatever its version.
        let db = match storage::open_with(&args.database, false).await {
            Ok(db) => db,
            Err(e) => return fail(&first_line(&e.to_string())),
        };
        let done = storage::backup::sqlite_copy(&db, to).await;
        db.close().await;
        if let Err(e) = done {
            return fail(&format!("backup failed: {}", first_line(&e.to_string())));
        }
        let bytes = std::fs::metadata(&args.to).map(|m| m.len()).unwrap_or(0);
        println!("backed up {} to {} ({bytes} bytes)", storage::redacted(&args.database), args.to.display());
        println!("not in it: the secret key (BATON_SECRET_KEY or its key file, by default ~/.config/baton/secret.key) and the attachments; keep copies of both");
        ExitCode::SUCCESS
    })
}
