//! The aggregates of `GET /reports/summary`: counts and sums in one pass each, percentiles by
//! rank (the database sorts; two values come back), and daily counts for the series.

use super::filter::{Filter, Moment, UNSOLVED};
use crate::storage::{Conn, Error, Sql};

/// Counts of the tickets created in the period.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct CreatedCounts {
    pub created: i64,
    pub backlog: i64,
}

pub async fn created(conn: &mut Conn, f: &Filter) -> Result<CreatedCounts, Error> {
    let mut q = Sql::new(format!(
        "SELECT COUNT(*) AS created,
                CAST(COALESCE(SUM(CASE WHEN t.status IN {UNSOLVED} THEN 1 ELSE 0 END), 0) AS BIGINT) AS backlog"
    ));
    f.tickets(&mut q, Moment::Created);
    q.fetch_optional(conn).await.map(Option::unwrap_or_default)
}

/// Tickets first solved in the period.
pub async fn solved(conn: &mut Conn, f: &Filter) -> Result<i64, Error> {
    let mut q = Sql::new("SELECT COUNT(*)");
    f.tickets(&mut q, Moment::Solved);
    q.fetch_scalar(conn).await
}

/// Counts and sums over the period's tickets (by `moment`).
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct CohortSums {
    pub ever_solved: i64,
    pub reopened: i64,
    pub first_reply_sum: i64,
    pub first_resolution_sum: i64,
    pub full_resolution_sum: i64,
    pub rated: i64,
    pub rating_sum: i64,
    pub r1: i64,
    pub r2: i64,
    pub r3: i64,
    pub r4: i64,
    pub r5: i64,
    pub first_reply_met: i64,
    pub first_reply_breached: i64,
    pub resolution_met: i64,
    pub resolution_breached: i64,
}

fn count_if(condition: &str, name: &str) -> String {
    format!("CAST(COALESCE(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END), 0) AS BIGINT) AS {name}")
}

fn sum(column: &str, name: &str) -> String {
    format!("CAST(COALESCE(SUM({column}), 0) AS BIGINT) AS {name}")
}

pub async fn cohort(conn: &mut Conn, f: &Filter, moment: Moment) -> Result<CohortSums, Error> {
    let columns = [
        count_if("f.solves > 0", "ever_solved"),
        count_if("f.reopens > 0", "reopened"),
        sum("f.first_reply_secs", "first_reply_sum"),
        sum("f.first_resolution_secs", "first_resolution_sum"),
        sum("f.full_resolution_secs", "full_resolution_sum"),
        count_if("f.rating IS NOT NULL", "rated"),
        sum("f.rating", "rating_sum"),
        count_if("f.rating = 1", "r1"),
        count_if("f.rating = 2", "r2"),
        count_if("f.rating = 3", "r3"),
        count_if("f.rating = 4", "r4"),
        count_if("f.rating = 5", "r5"),
        count_if("t.sla_first_reply = 'met'", "first_reply_met"),
        count_if("t.sla_first_reply = 'breached'", "first_reply_breached"),
        count_if("t.sla_resolution = 'met'", "resolution_met"),
        count_if("t.sla_resolution = 'breached'", "resolution_breached"),
    ];
    let mut q = Sql::new(format!("SELECT {}", columns.join(", ")));
    f.tickets(&mut q, moment);
    q.fetch_optional(conn).await.map(Option::unwrap_or_default)
}

/// A duration column of the facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duration {
    FirstReply,
    FirstResolution,
    FullResolution,
}

impl Duration {
    fn column(self) -> &'static str {
        match self {
            Duration::FirstReply => "f.first_reply_secs",
            Duration::FirstResolution => "f.first_resolution_secs",
            Duration::FullResolution => "f.full_resolution_secs",
        }
    }
}

/// How many durations there are, and the median and 90th percentile by nearest rank (the values
/// of rank ⌈n/2⌉ and ⌈0.9·n⌉).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ranks {
    pub count: i64,
    pub median: Option<i64>,
    pub p90: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct Ranked {
    v: i64,
    rn: i64,
    n: i64,
}

/// The ranks of `duration` over the period's tickets (the database sorts them; the two values
/// of those ranks come back, never the column).
pub async fn ranks(conn: &mut Conn, f: &Filter, moment: Moment, duration: Duration) -> Result<Ranks, Error> {
    let column = duration.column();
    let mut q = Sql::new(format!(
        "SELECT x.v, x.rn, x.n FROM (SELECT {column} AS v, ROW_NUMBER() OVER (ORDER BY {column}) AS rn,
                COUNT(*) OVER () AS n"
    ));
    f.tickets(&mut q, moment);
    q.push(format_args!(" AND {column} IS NOT NULL"));
    q.push(") x WHERE x.rn = (x.n + 1) / 2 OR x.rn = (9 * x.n + 9) / 10");
    let rows: Vec<Ranked> = q.fetch_all(conn).await?;
    let Some(n) = rows.first().map(|r| r.n) else {
        return Ok(Ranks::default());
    };
    let at = |rank: i64| rows.iter().find(|r| r.rn == rank).map(|r| r.v);
    Ok(Ranks { count: n, median: at((n + 1) / 2), p90: at((9 * n + 9) / 10) })
}

/// Tickets of the period per bucket of a series, `bounds` being each bucket's `[from, to)` stored
/// timestamps (computed from the desk's time zone by `reports::period`): (bucket index, count),
/// buckets with none left out. Range comparisons on the moment's indexed column, no conversion
/// in the database.
pub async fn per_bucket(conn: &mut Conn, f: &Filter, moment: Moment, bounds: &[(String, String)]) -> Result<Vec<(i64, i64)>, Error> {
    if bounds.is_empty() {
        return Ok(Vec::new());
    }
    let column = moment.column();
    let mut q = Sql::new("WITH b (i, lo, hi) AS (VALUES ");
    for (i, (lo, hi)) in bounds.iter().enumerate() {
        q.push(if i == 0 { "(" } else { ", (" }).push(format_args!("{i}, "));
        q.push_bind(lo.clone()).push(", ").push_bind(hi.clone()).push(")");
    }
    q.push(format_args!(
        ") SELECT CAST(b.i AS BIGINT), COUNT(*) FROM b JOIN ticket_facts f ON {column} >= b.lo AND {column} < b.hi
           JOIN tickets t ON t.id = f.ticket_id AND t.tenant_id = f.tenant_id"
    ));
    f.push_where(&mut q);
    f.push_period(&mut q, moment);
    q.push(" GROUP BY b.i");
    q.fetch_all(conn).await
}

/// The earliest and the latest `moment` of the period's tickets (a series without both ends
/// runs between them).
pub async fn extent(conn: &mut Conn, f: &Filter, moment: Moment) -> Result<(Option<String>, Option<String>), Error> {
    let column = moment.column();
    let mut q = Sql::new(format!("SELECT MIN({column}), MAX({column})"));
    f.tickets(&mut q, moment);
    Ok(q.fetch_optional(conn).await?.unwrap_or((None, None)))
}
