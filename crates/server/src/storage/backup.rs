//! A consistent copy of a SQLite database while servers use it (`baton-server backup`).

use super::{Db, Error, Raw};

/// Writes a copy of the SQLite database to the file `to`, which must not exist, with `VACUUM
/// INTO`: one read transaction, so writers go on meanwhile, and the copy is a compact database of
/// its own (no WAL to carry along). Ok(false) for PostgreSQL, whose tool is pg_dump.
pub async fn sqlite_copy(db: &Db, to: &str) -> Result<bool, Error> {
    match db.raw() {
        Raw::Sqlite(pool) => {
            sqlx::query("VACUUM INTO $1").bind(to).execute(pool).await?;
            Ok(true)
        }
        Raw::Postgres(_) => Ok(false),
    }
}
