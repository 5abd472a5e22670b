//! The storage layer's error: a failed statement, and what kind of failure it was (a duplicate, a
//! broken reference, a database too busy right now) for the domain to answer precisely.

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

    /// Whether the database is too busy right now, not broken: no connection came free in time
    /// (the pool's acquire timeout), SQLite's writer lock outlasted `busy_timeout`, or
    /// PostgreSQL refused more connections or cancelled a statement that waited too long. The
    /// request may succeed if retried, so clients get 503 with `Retry-After`, not 500.
    pub fn is_busy(&self) -> bool {
        match &self.0 {
            sqlx::Error::PoolTimedOut => true,
            sqlx::Error::Database(e) => matches!(
                e.code().as_deref(),
                // SQLITE_BUSY, SQLITE_LOCKED; PostgreSQL: too_many_connections, lock_not_available,
                // query_canceled (statement_timeout).
                Some("5" | "6" | "517" | "262" | "53300" | "55P03" | "57014")
            ),
            _ => false,
        }
    }

    /// What a pool that had no connection free in time answers (for tests of the mapping).
    #[cfg(test)]
    pub fn busy() -> Error {
        Error(sqlx::Error::PoolTimedOut)
    }

    /// A stored value this server cannot read (a code it does not know, a broken row).
    pub fn corrupt(what: impl Into<String>) -> Error {
        Error(sqlx::Error::Decode(what.into().into()))
    }
}
