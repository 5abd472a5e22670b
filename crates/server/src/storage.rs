//! The database: opening it, migrating it, and the SQL of every resource (one submodule each).
//!
//! All SQL lives under this module, written once for SQLite and PostgreSQL: numbered `$n`
//! parameters (both drivers take them), standard SQL, and a few statements that ask the
//! [`Dialect`]. [`on!`](crate::on) compiles a statement for both drivers, [`Sql`] builds the
//! dynamic ones. Every function takes the caller's tenant and filters on it; none trusts an id
//! alone.
//!
//! Why native drivers behind an enum rather than sqlx's `Any`: `Any` cannot decode a SQLite
//! BOOLEAN column (the whole row fails) and its query builder writes `?`, which PostgreSQL refuses;
//! and rather than sea-query: every statement would be rewritten in a builder for the two or three
//! that differ. The price is that each statement is compiled twice (a little build time).

pub mod agents;
pub mod attachments;
// audit log (issue 12)
pub mod audit;
// Automations (issue 13).
pub mod automations;
pub mod backup;
pub mod catalog;
pub mod confidential;
pub mod customers;
// customers administration (issue 12)
pub mod customers_admin;
pub mod demo;
pub mod directory;
pub mod events;
pub mod groups;
pub mod idempotency;
pub mod kb;
pub mod mail;
pub mod messages;
pub mod notify;
// notifications (issue 13)
pub mod notifications;
pub mod password_tokens;
pub mod presence;
pub mod quick_replies;
pub mod rate_limits;
pub mod rekey;
pub mod reports;
pub mod routing;
pub mod scheduler;
pub mod server_keys;
pub mod roles;
pub mod sessions;
pub mod sla;
pub mod sso;
pub mod stream_tickets;
pub mod tenants;
pub mod tickets;
pub mod users;
pub mod views;
// Workflows (issue 13).
pub mod workflows;

mod error;
mod open;
mod sql;
mod values;

pub use error::Error;
pub use open::{check_url, data_dir, migrations_current, open, open_with, redacted, OpenError};
pub use sql::{Arg, Sql};
pub use values::{now, parse_timestamp, timestamp};
pub(crate) use values::{decode_code, encode_code};

use sqlx::pool::PoolConnection;
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool};

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
    /// PostgreSQL: one connection of its own for the live-events listener (storage::notify),
    /// opened when it starts. Apart from the pool, so the listener never waits for a busy pool
    /// and requests never wait for the listener.
    listen: Option<PgPool>,
    /// SQLite in a file: the one connection write transactions take ([`Db::begin_write`]), apart
    /// from the pool reads use. Writers then queue for it in the order they came (and give up
    /// with 503 `busy` after the acquire timeout) instead of each holding a pooled connection
    /// while SQLite's lock makes it wait: a burst of writers no longer leaves readers without a
    /// connection (issue 16, back-pressure; `races::reads_go_on_while_writers_queue`).
    writer: Option<SqlitePool>,
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
    /// got in between, while `BEGIN IMMEDIATE` makes concurrent writers wait their turn (on
    /// the writer connection's queue, then busy_timeout for writes made outside a transaction). PostgreSQL lets writers run side by side; what must not interleave takes a
    /// row lock (`tickets::lock`, the tenant's counter row, unique keys).
    pub async fn begin_write(&self) -> Result<Tx, Error> {
        Ok(Tx(Conn(match &self.pool {
            Pool::Sqlite(p) => Handle::SqliteTx(self.writer.as_ref().unwrap_or(p).begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(p) => Handle::PgTx(p.begin().await?),
        })))
    }

    /// Starts a read-only transaction, for an answer read in several statements (a ticket with
    /// its workflow, fields and history): they all see one snapshot, never half of a write that
    /// committed between two of them. SQLite (WAL) holds the snapshot from the first read on;
    /// PostgreSQL's default READ COMMITTED takes one per statement, hence REPEATABLE READ.
    pub async fn begin_read(&self) -> Result<Tx, Error> {
        Ok(Tx(Conn(match &self.pool {
            Pool::Sqlite(p) => Handle::SqliteTx(p.begin().await?),
            Pool::Postgres(p) => Handle::PgTx(p.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").await?),
        })))
    }

    /// Closes every connection (at shutdown).
    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(p) => p.close().await,
            Pool::Postgres(p) => p.close().await,
        }
        if let Some(writer) = &self.writer {
            writer.close().await;
        }
        if let Some(listen) = &self.listen {
            listen.close().await;
        }
    }

    /// Whether [`Db::close`] was called (background tasks then stop).
    pub fn is_closed(&self) -> bool {
        match &self.pool {
            Pool::Sqlite(p) => p.is_closed(),
            Pool::Postgres(p) => p.is_closed(),
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

    /// The listener's own pool of one connection (PostgreSQL only).
    pub(crate) fn listen_pool(&self) -> Option<&PgPool> {
        self.listen.as_ref()
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

/// Which tickets a user may see: the tenant's; for customers only those they requested, or that
/// anyone of `share_group_id` (their customer group, when it shares tickets) requested, and none
/// while it is trashed or suspended; for an agent without `tickets.see_all` (`agent_id`), those of their groups, assigned to them, CC'd to
/// them, or not yet routed to any group (a manager's groups are among their groups).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TicketScope {
    pub tenant_id: i64,
    pub requester_id: Option<i64>,
    pub share_group_id: Option<i64>,
    pub agent_id: Option<i64>,
}

impl TicketScope {
    /// Every ticket of the tenant, as staff with `tickets.see_all` see them. For what a staff
    /// member's own change needs after it took the ticket out of their share (answering the
    /// change, undoing it), never for a read of its own.
    pub fn whole_tenant(tenant_id: i64) -> TicketScope {
        TicketScope { tenant_id, requester_id: None, share_group_id: None, agent_id: None }
    }
}

