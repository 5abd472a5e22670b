//! Opening a database by its URL: `sqlite://…` (a file, created with its directory if missing;
//! the embedded default) or `postgres://…` (a server; the database must exist). Either is
//! migrated with its own folder of migrations (`migrations/sqlite`, `migrations/postgres`: the
//! same versions, each in its dialect).

use super::{Db, Pool};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// Connections each server process keeps to PostgreSQL for requests and background work; the
/// live-events listener has one more of its own (storage::notify). Several replicas share the
/// server's `max_connections` (100 by default, 3 of them for superusers): eight replicas of 11 fit.
const PG_POOL_SIZE: u32 = 10;

/// Why the database could not be opened or migrated.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("unsupported database URL {0:?}: use sqlite://… or postgres://…")]
    UnsupportedScheme(String),
    #[error("invalid database URL {url:?}: {source}")]
    InvalidUrl { url: String, source: sqlx::Error },
    #[error("cannot create the database directory {dir}: {source}")]
    CreateDir { dir: String, source: std::io::Error },
    #[error("cannot open the database {url:?}: {source}")]
    Open { url: String, source: sqlx::Error },
    #[error("cannot migrate the database {url:?}: {source}")]
    Migrate {
        url: String,
        source: sqlx::migrate::MigrateError,
    },
}

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// The URL with its password replaced, for messages and logs.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// Opens and migrates the database at `url` (and, for SQLite, creates it if missing).
pub async fn open(url: &str) -> Result<Db, OpenError> {
    open_with(url, true).await
}

/// Opens the database at `url`; migrates it when `migrate` (`baton-server migrate` does it as a
/// step of its own, `serve` by default on start).
pub async fn open_with(url: &str, migrate: bool) -> Result<Db, OpenError> {
    let shown = redacted(url);
    let open_error = |source| OpenError::Open { url: shown.clone(), source };
    let migrate_error = |source| OpenError::Migrate { url: shown.clone(), source };
    let mut listen = None;
    let mut writer = None;
    let pool = if is_postgres(url) {
        // JIT off for the server's sessions: a prepared statement's generic plan (PostgreSQL
        // switches to it after five runs) estimates `LIMIT $n` at a tenth of the table, which
        // crosses `jit_above_cost`, and compiling it took ~120 ms of a 2 ms view page on the
        // 100k bench desk (BENCHMARKS.md "Server on 100k tickets"). Short queries never gain.
        let options = PgConnectOptions::from_str(url)
            .map_err(|source| OpenError::InvalidUrl { url: shown.clone(), source })?
            .options([("jit", "off")]);
        // Lazy: no connection until the listener starts (the first live-events subscriber).
        listen = Some(
            PgPoolOptions::new()
                .max_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
                .acquire_timeout(Duration::from_secs(10))
                .connect_lazy_with(options.clone()),
        );
        let pool = PgPoolOptions::new()
            .max_connections(PG_POOL_SIZE)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(open_error)?;
        if migrate {
            sqlx::migrate!("./migrations/postgres").run(&pool).await.map_err(migrate_error)?;
        }
        Pool::Postgres(pool)
    } else if url.starts_with("sqlite:") {
        let (pool, write) = open_sqlite(url, &shown).await?;
        if migrate {
            sqlx::migrate!("./migrations/sqlite").run(&pool).await.map_err(migrate_error)?;
        }
        writer = write;
        Pool::Sqlite(pool)
    } else {
        return Err(OpenError::UnsupportedScheme(shown));
    };
    Ok(Db { pool, url: url.to_owned(), listen, writer })
}

/// The pool reads use and, for a file, the one connection write transactions take (`Db::writer`).
async fn open_sqlite(url: &str, shown: &str) -> Result<(sqlx::SqlitePool, Option<sqlx::SqlitePool>), OpenError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|source| OpenError::InvalidUrl { url: shown.to_owned(), source })?
        .create_if_missing(true)
        // WAL lets readers go on while one writer writes. FULL syncs the WAL at every commit:
        // under NORMAL a commit the client was told about could vanish on power loss (issue 16;
        // its cost on writes is measured in BENCHMARKS.md).
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        // Writers queue on SQLite's single write lock; wait for it rather than fail at once.
        .busy_timeout(Duration::from_secs(10));
    let in_memory = url.contains(":memory:") || url.contains("mode=memory");
    if !in_memory {
        create_parent_dir(options.get_filename())?;
    }
    let open = |source| OpenError::Open { url: shown.to_owned(), source };
    // Each connection to an in-memory database is a database of its own: keep exactly one.
    if in_memory {
        let pool = SqlitePoolOptions::new().max_connections(1).idle_timeout(None).max_lifetime(None);
        return Ok((pool.connect_with(options).await.map_err(open)?, None));
    }
    let read = SqlitePoolOptions::new().max_connections(8).acquire_timeout(Duration::from_secs(10));
    let write = SqlitePoolOptions::new().max_connections(1).acquire_timeout(Duration::from_secs(10));
    let reads = read.connect_with(options.clone()).await.map_err(open)?;
    let writes = write.connect_with(options).await.map_err(open)?;
    Ok((reads, Some(writes)))
}

/// Whether `url` is a database URL this module can open (its syntax; nothing is opened).
pub fn check_url(url: &str) -> Result<(), String> {
    if is_postgres(url) {
        PgConnectOptions::from_str(url).map(drop).map_err(|e| e.to_string())
    } else if url.starts_with("sqlite:") {
        SqliteConnectOptions::from_str(url).map(drop).map_err(|e| e.to_string())
    } else {
        Err("use sqlite://… or postgres://…".to_owned())
    }
}

/// The directory of the SQLite file at `url`, where the server keeps its other files by
/// default; `None` for PostgreSQL and for an in-memory database (or a URL that does not parse,
/// which opening the database reports).
pub fn data_dir(url: &str) -> Option<PathBuf> {
    if !url.starts_with("sqlite:") || url.contains(":memory:") || url.contains("mode=memory") {
        return None;
    }
    let options = SqliteConnectOptions::from_str(url).ok()?;
    let dir = options.get_filename().parent()?.to_path_buf();
    Some(if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir })
}

fn create_parent_dir(file: &Path) -> Result<(), OpenError> {
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir).map_err(|source| {
            OpenError::CreateDir { dir: dir.display().to_string(), source }
        }),
        _ => Ok(()),
    }
}

/// Whether the database answers and holds every migration this build knows (none failed): what
/// `GET /ready` reports. A replica of an older build on a newer database is ready (its queries
/// still work: migrations only add); one of a newer build before `migrate` ran is not.
pub async fn migrations_current(db: &Db) -> Result<bool, super::Error> {
    let newest = match db.dialect() {
        super::Dialect::Postgres => sqlx::migrate!("./migrations/postgres").iter().map(|m| m.version).max(),
        super::Dialect::Sqlite => sqlx::migrate!("./migrations/sqlite").iter().map(|m| m.version).max(),
    };
    let applied: Option<i64> = crate::on!(db, |c| sqlx::query_scalar(
        "SELECT MAX(version) FROM _sqlx_migrations WHERE success = TRUE",
    )
    .fetch_one(c).await)?;
    Ok(applied.unwrap_or(0) >= newest.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        assert_eq!(redacted("postgres://baton:s3cret@db:5432/baton"), "postgres://baton:***@db:5432/baton");
        assert_eq!(redacted("postgres://baton@db/baton"), "postgres://baton@db/baton");
        assert_eq!(redacted("sqlite://data/baton.db"), "sqlite://data/baton.db");
    }

    #[test]
    fn urls_are_checked_by_scheme() {
        assert!(check_url("sqlite://data/baton.db").is_ok());
        assert!(check_url("postgres://u@localhost:5432/baton").is_ok());
        assert!(check_url("mysql://localhost/baton").is_err());
        assert_eq!(data_dir("postgres://u@h/db"), None);
        assert_eq!(data_dir("sqlite://data/baton.db"), Some(PathBuf::from("data")));
    }

    #[tokio::test]
    async fn sqlite_commits_are_synced_to_disk() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("baton.db").display());
        let (reads, writes) = open_sqlite(&url, &url).await.expect("open");
        // Both the readers' pool and the writer connection (where transactions commit).
        for pool in [reads, writes.expect("a writer for a file")] {
            let (journal, synchronous): (String, i64) = (
                sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&pool).await.expect("journal"),
                sqlx::query_scalar("PRAGMA synchronous").fetch_one(&pool).await.expect("synchronous"),
            );
            // 2 = FULL: the WAL is synced at every commit, so an acknowledged write survives power loss.
            assert_eq!((journal.as_str(), synchronous), ("wal", 2));
        }
    }
}
