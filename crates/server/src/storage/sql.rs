//! Statements built at run time — view filters, sorts, searches, multi-row inserts — with their
//! parameters, for either database. Placeholders are written `$1, $2, …`, which both drivers
//! accept, so one text serves SQLite and PostgreSQL; the values are bound when it runs.

use super::{Conn, Error};
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{Decode, FromRow, Postgres, Sqlite, Type};
use std::fmt::{Display, Write};

/// A parameter value.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Int(Option<i64>),
    Text(Option<String>),
    Bool(Option<bool>),
}

impl From<i64> for Arg {
    fn from(v: i64) -> Arg {
        Arg::Int(Some(v))
    }
}
impl From<Option<i64>> for Arg {
    fn from(v: Option<i64>) -> Arg {
        Arg::Int(v)
    }
}
impl From<bool> for Arg {
    fn from(v: bool) -> Arg {
        Arg::Bool(Some(v))
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg::Text(Some(v))
    }
}
impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg::Text(Some(v.to_owned()))
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Arg {
        Arg::Text(Some(v.clone()))
    }
}
impl From<Option<String>> for Arg {
    fn from(v: Option<String>) -> Arg {
        Arg::Text(v)
    }
}
impl From<Option<&str>> for Arg {
    fn from(v: Option<&str>) -> Arg {
        Arg::Text(v.map(str::to_owned))
    }
}

/// A statement being built: its text and its parameters in order.
#[derive(Debug, Clone, Default)]
pub struct Sql {
    text: String,
    args: Vec<Arg>,
}

/// The values of one row of a multi-row `VALUES` list (see [`Sql::push_values`]).
pub struct Values<'a> {
    sql: &'a mut Sql,
    first: bool,
}

impl Values<'_> {
    /// Adds a parameter to the row.
    pub fn push_bind(&mut self, v: impl Into<Arg>) -> &mut Self {
        if !self.first {
            self.sql.text.push_str(", ");
        }
        self.first = false;
        self.sql.push_bind(v);
        self
    }
}

/// A row type both drivers can read.
pub trait Row: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin {}
impl<R> Row for R where R: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin {}

/// A single value both drivers can read.
pub trait Scalar:
    for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres> + Send + Unpin
{
}
impl<T> Scalar for T where
    T: for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres> + Send + Unpin
{
}

/// Binds `$args` to the query `$q`, in order.
macro_rules! bind_all {
    ($q:expr, $args:expr) => {{
        let mut q = $q;
        for arg in $args {
            q = match arg {
                Arg::Int(v) => q.bind(*v),
                Arg::Text(v) => q.bind(v.as_deref()),
                Arg::Bool(v) => q.bind(*v),
            };
        }
        q
    }};
}

impl Sql {
    pub fn new(text: impl Into<String>) -> Sql {
        Sql { text: text.into(), args: Vec::new() }
    }

    /// Appends SQL text (never a user's value: those go through [`Sql::push_bind`]).
    pub fn push(&mut self, text: impl Display) -> &mut Self {
        // Writing to a String cannot fail.
        let _ = write!(self.text, "{text}");
        self
    }

    /// Appends a placeholder and its value.
    pub fn push_bind(&mut self, v: impl Into<Arg>) -> &mut Self {
        self.args.push(v.into());
        let _ = write!(self.text, "${}", self.args.len());
        self
    }

    /// Appends `VALUES (…), (…)`, one row per item, filled by `row`.
    pub fn push_values<I: IntoIterator>(&mut self, items: I, mut row: impl FnMut(&mut Values<'_>, I::Item)) -> &mut Self {
        self.text.push_str("VALUES ");
        for (i, item) in items.into_iter().enumerate() {
            self.text.push_str(if i == 0 { "(" } else { "), (" });
            row(&mut Values { sql: self, first: true }, item);
        }
        self.text.push(')');
        self
    }

    /// The text as built (for tests and logs of the shape, never with values).
    pub fn text(&self) -> &str {
        &self.text
    }

    pub async fn fetch_all<R: Row>(&self, conn: &mut Conn) -> Result<Vec<R>, Error> {
        Ok(crate::on!(conn, |c| bind_all!(sqlx::query_as::<_, R>(&self.text), &self.args).fetch_all(c).await)?)
    }

    pub async fn fetch_optional<R: Row>(&self, conn: &mut Conn) -> Result<Option<R>, Error> {
        Ok(crate::on!(conn, |c| bind_all!(sqlx::query_as::<_, R>(&self.text), &self.args).fetch_optional(c).await)?)
    }

    pub async fn fetch_scalar<T: Scalar>(&self, conn: &mut Conn) -> Result<T, Error> {
        Ok(crate::on!(conn, |c| bind_all!(sqlx::query_scalar::<_, T>(&self.text), &self.args).fetch_one(c).await)?)
    }

    pub async fn fetch_scalars<T: Scalar>(&self, conn: &mut Conn) -> Result<Vec<T>, Error> {
        Ok(crate::on!(conn, |c| bind_all!(sqlx::query_scalar::<_, T>(&self.text), &self.args).fetch_all(c).await)?)
    }

    /// Reads the rows one at a time as the database sends them, handing each to `each` until it
    /// answers `false`: for results too large to hold (exports). The pool lends one connection
    /// for the whole read.
    pub async fn for_each<R: Row, F, Fut>(&self, db: &super::Db, mut each: F) -> Result<(), Error>
    where
        F: FnMut(R) -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        use futures_util::TryStreamExt;
        crate::on!(db, |c| {
            let mut rows = bind_all!(sqlx::query_as::<_, R>(&self.text), &self.args).fetch(c);
            while let Some(row) = rows.try_next().await? {
                if !each(row).await {
                    break;
                }
            }
        });
        Ok(())
    }

    /// Runs the statement; how many rows it changed.
    pub async fn execute(&self, conn: &mut Conn) -> Result<u64, Error> {
        Ok(crate::on!(conn, |c| bind_all!(sqlx::query(&self.text), &self.args).execute(c).await.map(|r| r.rows_affected()))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_in_order() {
        let mut q = Sql::new("SELECT id FROM tickets WHERE tenant_id = ");
        q.push_bind(7).push(" AND title = ").push_bind("x");
        assert_eq!(q.text(), "SELECT id FROM tickets WHERE tenant_id = $1 AND title = $2");
        assert_eq!(q.args, vec![Arg::Int(Some(7)), Arg::Text(Some("x".into()))]);
    }

    #[test]
    fn values_lists_separate_rows_and_columns() {
        let mut q = Sql::new("INSERT INTO t (a, b) ");
        q.push_values([(1, "x"), (2, "y")], |b, (n, s)| {
            b.push_bind(n as i64).push_bind(s);
        });
        assert_eq!(q.text(), "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)");
    }
}
