//! `GET /reports/summary`: created, solved and backlog, resolution and reopen rates, first-reply
//! and resolution times, CSAT and the series, for the tickets a [`ReportQuery`] selects; and the
//! counts of the range of the same length before, with their changes.

use super::{average, parse, period, ratio, series, ReportQuery};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::reports::summary::{self as store, Duration};
use crate::storage::reports::{Filter, Moment};
use baton_core::problem::field_code;
use baton_core::{Attainment, CsatStats, DurationStats, PreviousPeriod, ReportInterval, ReportPoint, ReportSummary, SlaAttainment};

fn interval(value: Option<&str>) -> Result<ReportInterval, Error> {
    match value.unwrap_or("day") {
        "day" => Ok(ReportInterval::Day),
        "week" => Ok(ReportInterval::Week),
        "month" => Ok(ReportInterval::Month),
        _ => Err(Error::field("interval", field_code::INVALID_VALUE)),
    }
}

fn stats(ranks: store::Ranks, sum: i64) -> DurationStats {
    DurationStats { count: ranks.count, median: ranks.median, p90: ranks.p90, average: average(sum, ranks.count) }
}

fn attainment(met: i64, breached: i64) -> Attainment {
    Attainment { met, breached, share: ratio(met, met + breached) }
}

/// `(now − before) ÷ before`, or `None` when there was nothing before.
fn change(now: i64, before: i64) -> Option<f64> {
    ratio(now - before, before)
}

/// The counts of the range of the same length before the period, when it has two ends.
async fn previous(conn: &mut crate::storage::Conn, q: &super::Parsed, now: (i64, i64, i64)) -> Result<Option<PreviousPeriod>, Error> {
    let (Some(from), Some(to)) = (q.from, q.to) else {
        return Ok(None);
    };
    let Some(start) = from.checked_sub(to - from) else {
        return Ok(None);
    };
    let f = Filter { from: Some(period::start(q.zone, start)), to: Some(period::start(q.zone, from)), ..q.filter.clone() };
    let created = store::created(conn, &f).await?;
    let solved = store::solved(conn, &f).await?;
    Ok(Some(PreviousPeriod {
        from: start.to_string(),
        to: from.to_string(),
        created: created.created,
        solved,
        backlog: created.backlog,
        created_change: change(now.0, created.created),
        solved_change: change(now.1, solved),
        backlog_change: change(now.2, created.backlog),
    }))
}

/// The series of created and solved tickets over the period's buckets (in the desk's zone): from
/// `from` (or the earliest ticket) to the day before `to` (or the latest).
async fn series(conn: &mut crate::storage::Conn, q: &super::Parsed, interval: ReportInterval) -> Result<Vec<ReportPoint>, Error> {
    let f = &q.filter;
    let (mut first, mut last) = (q.from, q.to.and_then(time::Date::previous_day));
    if first.is_none() || last.is_none() {
        let mut seen = Vec::new();
        for moment in [Moment::Created, Moment::Solved] {
            let (min, max) = store::extent(conn, f, moment).await?;
            seen.extend([min, max].into_iter().flatten().filter_map(|t| period::local_day(q.zone, &t)));
        }
        first = first.or_else(|| seen.iter().min().copied());
        last = last.or_else(|| seen.iter().max().copied());
    }
    let (Some(first), Some(last)) = (first, last) else {
        return Ok(Vec::new());
    };
    if last < first {
        return Ok(Vec::new());
    }
    let (starts, end) = series::starts(interval, first, last)?;
    let bounds = period::bounds(q.zone, &starts, end);
    let created = store::per_bucket(conn, f, Moment::Created, &bounds).await?;
    let solved = store::per_bucket(conn, f, Moment::Solved, &bounds).await?;
    Ok(series::points(&starts, &created, &solved))
}

pub async fn summary(app: &Services, user: &CurrentUser, query: &ReportQuery) -> Result<ReportSummary, Error> {
    let q = parse(app, user, query).await?;
    let interval = interval(query.interval.as_deref())?;
    let f = &q.filter;
    // One snapshot: the counts of one answer add up.
    let mut conn = app.db.begin_read().await?;
    let created = store::created(&mut conn, f).await?;
    let solved = store::solved(&mut conn, f).await?;
    let sums = store::cohort(&mut conn, f, q.moment).await?;
    let first_reply = store::ranks(&mut conn, f, q.moment, Duration::FirstReply).await?;
    let first_resolution = store::ranks(&mut conn, f, q.moment, Duration::FirstResolution).await?;
    let full_resolution = store::ranks(&mut conn, f, q.moment, Duration::FullResolution).await?;
    let series = series(&mut conn, &q, interval).await?;
    let previous = previous(&mut conn, &q, (created.created, solved, created.backlog)).await?;
    let distribution = [sums.r1, sums.r2, sums.r3, sums.r4, sums.r5];
    Ok(ReportSummary {
        created: created.created,
        solved,
        backlog: created.backlog,
        resolution_rate: ratio(created.created - created.backlog, created.created),
        reopen_rate: ratio(sums.reopened, sums.ever_solved),
        first_reply: stats(first_reply, sums.first_reply_sum),
        first_resolution: stats(first_resolution, sums.first_resolution_sum),
        full_resolution: stats(full_resolution, sums.full_resolution_sum),
        csat: CsatStats {
            count: sums.rated,
            satisfied_share: ratio(sums.r4 + sums.r5, sums.rated),
            average: ratio(sums.rating_sum, sums.rated),
            distribution,
            response_rate: ratio(sums.rated, sums.ever_solved),
        },
        sla: SlaAttainment {
            first_reply: attainment(sums.first_reply_met, sums.first_reply_breached),
            resolution: attainment(sums.resolution_met, sums.resolution_breached),
        },
        interval,
        series,
        previous,
    })
}
