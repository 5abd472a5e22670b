//! Wake-ups between server processes on one PostgreSQL database: `NOTIFY` on a channel, and a
//! [`Listener`] per process that receives them (sqlx's `PgListener`). SQLite has one process and
//! no use for either: there [`Listener::start`] gives `None` and [`publish`] does nothing.
//!
//! Notifications carry hints, never data that exists nowhere else: PostgreSQL drops the ones sent
//! while a listener's connection is down, so after every reconnection the listener says so
//! ([`Notice::Resumed`]) and its owner reads what it may have missed from the tables.

use super::{Db, Error, Raw};
use sqlx::postgres::{PgListener, PgPool};
use std::time::Duration;

/// New rows in `events`; the payload is the tenant id. Sent by the trigger of migration 0011
/// (migrations/postgres/0011_replicas.sql), in the transaction that inserts the event.
pub const EVENTS: &str = "baton_events";

/// A presence change (live only, never stored); the payload is the change as JSON.
pub const PRESENCE: &str = "baton_presence";

/// The largest payload PostgreSQL accepts is 8000 bytes; stay a little under it.
pub const MAX_PAYLOAD: usize = 7900;

/// How long to wait before connecting again after a failed attempt, doubling up to the maximum:
/// live events stop for at most that long after the database is back.
const RETRY_FIRST: Duration = Duration::from_millis(200);
const RETRY_MAX: Duration = Duration::from_secs(2);

/// What a [`Listener`] received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A notification on one of the channels listened to.
    Message { channel: String, payload: String },
    /// The connection was lost and is listening again: notifications sent in between are gone,
    /// so whatever they would have announced must be read from the tables.
    Resumed,
}

/// Sends `payload` on `channel` to every process listening on this database (PostgreSQL; on
/// SQLite nothing, as there is no other process). Delivered when the statement's transaction
/// commits: here, at once.
pub async fn publish(db: &Db, channel: &str, payload: &str) -> Result<(), Error> {
    if let Raw::Postgres(pool) = db.raw() {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(channel)
            .bind(payload)
            .execute(pool)
            .await?;
    }
    Ok(())
}

/// One process's subscription to some channels, reconnecting by itself. It holds the database's
/// listening connection (a pool of one, beside the requests' pool); `Db::close` ends it.
pub struct Listener {
    pool: PgPool,
    channels: Vec<&'static str>,
    inner: Option<PgListener>,
}

impl Listener {
    /// Listens on `channels` of the PostgreSQL database `db`; `None` on SQLite. When this
    /// returns, the subscription is in place: anything notified from now on is received.
    pub async fn start(db: &Db, channels: &[&'static str]) -> Result<Option<Listener>, Error> {
        let Some(pool) = db.listen_pool() else { return Ok(None) };
        let mut listener = Listener { pool: pool.clone(), channels: channels.to_vec(), inner: None };
        listener.inner = Some(listener.connect().await?);
        Ok(Some(listener))
    }

    async fn connect(&self) -> Result<PgListener, sqlx::Error> {
        let mut inner = PgListener::connect_with(&self.pool).await?;
        inner.listen_all(self.channels.iter().copied()).await?;
        Ok(inner)
    }

    /// The next notice; `None` once the pool is closed (the server is stopping). Connection
    /// failures are retried here, with a growing pause, and end in [`Notice::Resumed`].
    pub async fn next(&mut self) -> Option<Notice> {
        let mut pause = RETRY_FIRST;
        loop {
            let Some(inner) = self.inner.as_mut() else {
                match self.connect().await {
                    Ok(inner) => {
                        self.inner = Some(inner);
                        tracing::info!("listening for other replicas' changes again");
                        return Some(Notice::Resumed);
                    }
                    Err(sqlx::Error::PoolClosed) => return None,
                    Err(e) => {
                        tracing::warn!(error = %e, "cannot listen for other replicas' changes; retrying");
                        tokio::time::sleep(pause).await;
                        pause = (pause * 2).min(RETRY_MAX);
                        continue;
                    }
                }
            };
            match inner.try_recv().await {
                Ok(Some(n)) => {
                    return Some(Notice::Message { channel: n.channel().to_owned(), payload: n.payload().to_owned() })
                }
                // The connection dropped and PgListener already listens on a new one (its eager
                // reconnect): what was sent in between is lost.
                Ok(None) => return Some(Notice::Resumed),
                Err(sqlx::Error::PoolClosed) => return None,
                Err(e) => {
                    // Anything else (the reconnection itself failed, a protocol error): start
                    // over with a new listener rather than trust this one's state.
                    tracing::warn!(error = %e, "lost the connection that listens for other replicas' changes");
                    self.inner = None;
                }
            }
        }
    }

    /// A notice already received and waiting, without waiting for one (to handle a burst at once).
    pub fn buffered(&mut self) -> Option<Notice> {
        let n = self.inner.as_mut()?.next_buffered()?;
        Some(Notice::Message { channel: n.channel().to_owned(), payload: n.payload().to_owned() })
    }
}
