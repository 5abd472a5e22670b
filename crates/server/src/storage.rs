//! The database: opening it, migrating it, and the SQL of every resource (one submodule each).
//!
//! All SQL lives under this module so the planned PostgreSQL backend replaces one folder, not the
//! handlers. Every function takes the caller's tenant and filters on it; none trusts an id alone.

pub mod attachments;
pub mod catalog;
pub mod confidential;
pub mod customers;
pub mod demo;
pub mod directory;
pub mod events;
pub mod groups;
pub mod idempotency;
pub mod kb;
pub mod messages;
pub mod quick_replies;
pub mod sessions;
pub mod sso;
pub mod tenants;
pub mod tickets;
pub mod users;
pub mod views;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::pool::PoolConnection;
use sqlx::{Sqlite, SqliteConnection, SqlitePool};
use std::str::FromStr;
use std::time::Duration;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

/// The database handle shared by all requests: a pool, cheap to clone. Domain code holds this
/// type, [`Conn`] and [`Tx`], never the driver's, so which database sits behind them is this
/// module's business alone.
#[derive(Debug, Clone)]
pub struct Db {
    pool: SqlitePool,
}

/// One connection, from the pool or inside a transaction. Every storage function takes
/// `&mut Conn`, so the same function serves a plain read and a step of a transaction.
#[derive(Debug)]
pub struct Conn(Handle);

#[derive(Debug)]
enum Handle {
    Pooled(PoolConnection<Sqlite>),
    Tx(sqlx::Transaction<'static, Sqlite>),
}

/// A transaction: committed by [`Tx::commit`], rolled back when dropped.
#[derive(Debug)]
pub struct Tx(Conn);

/// A failed statement. Its text may name SQL or paths: it is logged, never sent to clients.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(#[from] sqlx::Error);

impl Error {
    /// Whether the statement broke a UNIQUE constraint (a duplicate).
    pub fn is_unique_violation(&self) -> bool {
        matches!(&self.0, sqlx::Error::Database(e) if e.is_unique_violation())
    }

    /// A stored value this server cannot read (a code it does not know, a broken row).
    pub fn corrupt(what: impl Into<String>) -> Error {
        Error(sqlx::Error::Decode(what.into().into()))
    }
}

impl Db {
    /// A connection of the pool, for reads (and single writes).
    pub async fn acquire(&self) -> Result<Conn, Error> {
        Ok(Conn(Handle::Pooled(self.pool.acquire().await?)))
    }

    /// Starts a write transaction that takes SQLite's write lock at once. A deferred transaction
    /// that reads first and writes later can fail with SQLITE_BUSY when another writer got in
    /// between; taking the lock up front makes concurrent writers wait their turn (busy_timeout).
    pub async fn begin_write(&self) -> Result<Tx, Error> {
        Ok(Tx(Conn(Handle::Tx(self.pool.begin_with("BEGIN IMMEDIATE").await?))))
    }

    /// Closes every connection (at shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The driver's pool, for tools and tests that inspect rows with SQL of their own. The
    /// server's code goes through this module's functions instead.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

impl Conn {
    /// The connection statements run on.
    pub(crate) fn raw(&mut self) -> &mut SqliteConnection {
        match &mut self.0 {
            Handle::Pooled(c) => c,
            Handle::Tx(t) => t,
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), Error> {
        match self.0 .0 {
            Handle::Tx(t) => Ok(t.commit().await?),
            Handle::Pooled(_) => Ok(()),
        }
    }
}

impl std::ops::Deref for Tx {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        &self.0
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut Conn {
        &mut self.0
    }
}

/// Why the database could not be opened or migrated.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("unsupported database URL {0:?}: only sqlite: URLs are supported for now")]
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

/// Opens (creating if missing) and migrates the database at `url`.
pub async fn open(url: &str) -> Result<Db, OpenError> {
    if !url.starts_with("sqlite:") {
        return Err(OpenError::UnsupportedScheme(url.to_owned()));
    }
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|source| OpenError::InvalidUrl {
            url: url.to_owned(),
            source,
        })?
        .create_if_missing(true)
        // WAL lets readers go on while one writer writes; NORMAL is durable enough under WAL.
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        // Writers queue on SQLite's single write lock; wait for it rather than fail at once.
        .busy_timeout(Duration::from_secs(10));
    let in_memory = url.contains(":memory:") || url.contains("mode=memory");
    if !in_memory {
        create_parent_dir(options.get_filename())?;
    }
    // Each connection to an in-memory database is a database of its own: keep exactly one.
    let pool_options = if in_memory {
        SqlitePoolOptions::new()
            .max_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
    } else {
        SqlitePoolOptions::new().max_connections(8)
    };
    let pool = pool_options
        .connect_with(options)
        .await
        .map_err(|source| OpenError::Open {
            url: url.to_owned(),
            source,
        })?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(|source| OpenError::Migrate {
            url: url.to_owned(),
            source,
        })?;
    Ok(Db { pool })
}

/// Whether `url` is a database URL this module can open (its syntax; nothing is opened).
pub fn check_url(url: &str) -> Result<(), String> {
    SqliteConnectOptions::from_str(url).map(drop).map_err(|e| e.to_string())
}

/// The directory of the database file at `url`, where the server keeps its other files; `None`
/// for an in-memory database (or a URL that does not parse, which opening the database reports).
pub fn data_dir(url: &str) -> Option<std::path::PathBuf> {
    if url.contains(":memory:") || url.contains("mode=memory") {
        return None;
    }
    let options = SqliteConnectOptions::from_str(url).ok()?;
    let dir = options.get_filename().parent()?.to_path_buf();
    Some(if dir.as_os_str().is_empty() {
        std::path::PathBuf::from(".")
    } else {
        dir
    })
}

fn create_parent_dir(file: &std::path::Path) -> Result<(), OpenError> {
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => {
            std::fs::create_dir_all(dir).map_err(|source| OpenError::CreateDir {
                dir: dir.display().to_string(),
                source,
            })
        }
        _ => Ok(()),
    }
}

const TIMESTAMP: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

/// The current time, truncated to whole seconds as stored.
pub fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}

/// `t` as stored and sent on the wire: RFC 3339, UTC, whole seconds.
pub fn timestamp(t: OffsetDateTime) -> String {
    let utc = t.to_offset(time::UtcOffset::UTC);
    // The format has only numeric fields of a valid date, so formatting cannot fail; the
    // fallback keeps this total all the same.
    utc.format(TIMESTAMP)
        .unwrap_or_else(|_| utc.unix_timestamp().to_string())
}

/// Parses a stored timestamp, as written by [`timestamp`].
pub fn parse_timestamp(s: &str) -> Option<OffsetDateTime> {
    PrimitiveDateTime::parse(s, TIMESTAMP)
        .ok()
        .map(PrimitiveDateTime::assume_utc)
}

/// Reads a stored code (`open`, `high`, …) back into its baton-core enum. The enums' serde names
/// are the codes, so this cannot drift from the wire format. A code the enum does not know means
/// the row was written by something else; it surfaces as a decode error (logged, then 500).
pub(crate) fn decode_code<T: serde::de::DeserializeOwned>(
    column: &str,
    code: &str,
) -> Result<T, Error> {
    use serde::de::IntoDeserializer;
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        code.into_deserializer();
    T::deserialize(de).map_err(|e| Error::corrupt(format!("column {column}: {e}")))
}

/// The stored code of a baton-core enum: its serde name.
pub(crate) fn encode_code<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(code)) => code,
        // Only unit enums are stored as codes; anything else is a programming error that the
        // CHECK constraints of the schema will then refuse.
        other => format!("{other:?}"),
    }
}

/// Which tickets a user may see: the tenant's; for customers only those they requested, or that
/// anyone of `share_group_id` (their customer group, when it shares tickets) requested, and none
/// while it is trashed or suspended; for an
/// agent without `see_all_tickets` (`agent_id`), those of their groups, assigned to them, CC'd to
/// them, or not yet routed to any group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TicketScope {
    pub tenant_id: i64,
    pub requester_id: Option<i64>,
    pub share_group_id: Option<i64>,
    pub agent_id: Option<i64>,
}

impl TicketScope {
    /// Every ticket of the tenant, as staff with `see_all_tickets` see them. For what a staff
    /// member's own change needs after it took the ticket out of their share (answering the
    /// change, undoing it), never for a read of its own.
    pub fn whole_tenant(tenant_id: i64) -> TicketScope {
        TicketScope { tenant_id, requester_id: None, share_group_id: None, agent_id: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_round_trip_with_fixed_width() {
        let t = time::macros::datetime!(2026-11-05 03:04:05 UTC);
        assert_eq!(timestamp(t), "2026-11-05T03:04:05Z");
        assert_eq!(parse_timestamp("2026-11-05T03:04:05Z"), Some(t));
        assert_eq!(parse_timestamp("yesterday"), None);
    }

    #[test]
    fn codes_round_trip() {
        use baton_core::{Channel, Priority, Status};
        assert_eq!(encode_code(&Priority::Urgent), "urgent");
        assert_eq!(
            decode_code::<Channel>("c", "phone").ok(),
            Some(Channel::Phone)
        );
        assert_eq!(
            decode_code::<Status>("c", "pending").ok(),
            Some(Status::Pending)
        );
        assert!(decode_code::<Status>("c", "deleted").is_err());
    }
}
