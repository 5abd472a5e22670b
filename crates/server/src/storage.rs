//! The database: opening it, migrating it, and the SQL of every resource (one submodule each).
//!
//! All SQL lives under this module, written once for SQLite and PostgreSQL: numbered `$n`
//! parameters (both drivers take them), standard SQL, and a few statements that ask the
//! [`Dialect`]. [`on!`](crate::on) compiles a statement for both drivers, [`Sql`] builds the
//! dynamic ones. Every function takes the caller's tenant and filters on it; none trusts an id
//! alone.

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
pub mod roles;
pub mod sessions;
pub mod sso;
pub mod tenants;
pub mod tickets;
pub mod users;
pub mod views;

mod open;
mod sql;

pub use open::{check_url, data_dir, open, open_with, redacted, OpenError};
pub use sql::{Arg, Sql};

use sqlx::pool::PoolConnection;
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool};
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

/// Which database a [`Db`] talks to. Both run the same SQL (numbered `$n` parameters, standard
/// functions); the few statements that differ ask for this (`Conn::dialect`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// Case-insensitive LIKE: SQLite's LIKE already ignores ASCII case, PostgreSQL's does not.
    pub fn like(self) -> &'static str {
        match self {
            Dialect::Sqlite => "LIKE",
            Dialect::Postgres => "ILIKE",
        }
    }
}

/// The database handle shared by all requests: a pool, cheap to clone. Domain code holds this
/// type, [`Conn`] and [`Tx`], never the driver's, so which database sits behind them is this
/// module's business alone.
#[derive(Debug, Clone)]
pub struct Db {
    pool: Pool,
    url: String,
}

#[derive(Debug, Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// One connection, from the pool or inside a transaction. Every storage function takes
/// `&mut Conn`, so the same function serves a plain read and a step of a transaction.
#[derive(Debug)]
pub struct Conn(Handle);

#[derive(Debug)]
enum Handle {
    SqlitePooled(PoolConnection<Sqlite>),
    SqliteTx(sqlx::Transaction<'static, Sqlite>),
    PgPooled(PoolConnection<Postgres>),
    PgTx(sqlx::Transaction<'static, Postgres>),
}

/// A transaction: committed by [`Tx::commit`], rolled back when dropped.
#[derive(Debug)]
pub struct Tx(Conn);

/// The driver's own handle behind a [`Db`] or [`Conn`], one variant per database. Storage code
/// runs a statement on it with [`on!`](crate::on), which writes the statement once and compiles
/// it for both.
pub(crate) enum Raw<S, P> {
    Sqlite(S),
    Postgres(P),
}

/// Runs `body` with `$c` bound to the driver's connection (or pool) of `$target` (a `Conn`, `Tx`
/// or `Db`): the body is compiled once per database, so one SQL text with `$n` parameters and
/// one row type serve both.
#[macro_export]
#[doc(hidden)]
macro_rules! on {
    ($target:expr, |$c:ident| $body:expr) => {
        match $target.raw() {
            $crate::storage::Raw::Sqlite($c) => $body,
            $crate::storage::Raw::Postgres($c) => $body,
        }
    };
}

/// A failed statement. Its text may name SQL or paths: it is logged, never sent to clients.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(#[from] sqlx::Error);

impl Error {
    /// Whether the statement broke a UNIQUE constraint (a duplicate).
    pub fn is_unique_violation(&self) -> bool {
        matches!(&self.0, sqlx::Error::Database(e) if e.is_unique_violation())
    }

    /// Whether the statement broke a FOREIGN KEY constraint (e.g. deleting a role someone holds).
    pub fn is_foreign_key_violation(&self) -> bool {
        matches!(&self.0, sqlx::Error::Database(e) if e.is_foreign_key_violation())
    }

    /// A stored value this server cannot read (a code it does not know, a broken row).
    pub fn corrupt(what: impl Into<String>) -> Error {
        Error(sqlx::Error::Decode(what.into().into()))
    }
}

impl Db {
    /// A connection of the pool, for reads (and single writes).
    pub async fn acquire(&self) -> Result<Conn, Error> {
        Ok(Conn(match &self.pool {
            Pool::Sqlite(p) => Handle::SqlitePooled(p.acquire().await?),
            Pool::Postgres(p) => Handle::PgPooled(p.acquire().await?),
        }))
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once: a deferred
    /// transaction that reads first and writes later can fail with SQLITE_BUSY when another writer
    /// got in between, while `BEGIN IMMEDIATE` makes concurrent writers wait their turn
    /// (busy_timeout). PostgreSQL lets writers run side by side; what must not interleave takes a
    /// row lock (`tickets::lock`, the tenant's counter row, unique keys).
    pub async fn begin_write(&self) -> Result<Tx, Error> {
        Ok(Tx(Conn(match &self.pool {
            Pool::Sqlite(p) => Handle::SqliteTx(p.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(p) => Handle::PgTx(p.begin().await?),
        })))
    }

    /// Closes every connection (at shutdown).
    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(p) => p.close().await,
            Pool::Postgres(p) => p.close().await,
        }
    }

    pub fn dialect(&self) -> Dialect {
        match self.pool {
            Pool::Sqlite(_) => Dialect::Sqlite,
            Pool::Postgres(_) => Dialect::Postgres,
        }
    }

    /// The URL this database was opened with (tools and tests open their own connections to it).
    pub fn url(&self) -> &str {
        &self.url
    }

    pub(crate) fn raw(&self) -> Raw<&SqlitePool, &PgPool> {
        match &self.pool {
            Pool::Sqlite(p) => Raw::Sqlite(p),
            Pool::Postgres(p) => Raw::Postgres(p),
        }
    }
}

impl Conn {
    /// The connection statements run on (see [`on!`](crate::on)).
    pub(crate) fn raw(&mut self) -> Raw<&mut SqliteConnection, &mut PgConnection> {
        match &mut self.0 {
            Handle::SqlitePooled(c) => Raw::Sqlite(c),
            Handle::SqliteTx(t) => Raw::Sqlite(t),
            Handle::PgPooled(c) => Raw::Postgres(c),
            Handle::PgTx(t) => Raw::Postgres(t),
        }
    }

    pub fn dialect(&self) -> Dialect {
        match self.0 {
            Handle::SqlitePooled(_) | Handle::SqliteTx(_) => Dialect::Sqlite,
            Handle::PgPooled(_) | Handle::PgTx(_) => Dialect::Postgres,
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), Error> {
        match self.0 .0 {
            Handle::SqliteTx(t) => Ok(t.commit().await?),
            Handle::PgTx(t) => Ok(t.commit().await?),
            Handle::SqlitePooled(_) | Handle::PgPooled(_) => Ok(()),
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
/// anyone of `share_group_id` (their customer group, when it shares tickets) requested; for an
/// agent without `tickets.see_all` (`agent_id`), those of their groups, assigned to them, CC'd to
/// them, or not yet routed to any group (a manager's groups are among their groups).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TicketScope {
    pub tenant_id: i64,
    pub requester_id: Option<i64>,
    pub share_group_id: Option<i64>,
    pub agent_id: Option<i64>,
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
