//! The time series of a report: daily counts from the database folded into days, ISO weeks
//! (from Monday) or months, UTC, with empty buckets between the ends filled in so a chart's
//! x axis has no holes.

use crate::error::Error;
use baton_core::problem::field_code;
use baton_core::{ReportInterval, ReportPoint};
use std::collections::BTreeMap;
use time::macros::format_description;
use time::{Date, Duration};

/// Most buckets a series may have (a day per bucket for almost three years).
pub const MAX_POINTS: usize = 1000;

/// The first day of the bucket `day` falls in.
fn bucket(day: Date, interval: ReportInterval) -> Date {
    match interval {
        ReportInterval::Day => day,
        ReportInterval::Week => day - Duration::days(i64::from(day.weekday().number_days_from_monday())),
        ReportInterval::Month => day.replace_day(1).unwrap_or(day),
    }
}

/// The first day of the bucket after the one starting `start`.
fn next(start: Date, interval: ReportInterval) -> Option<Date> {
    match interval {
        ReportInterval::Day => start.next_day(),
        ReportInterval::Week => start.checked_add(Duration::days(7)),
        ReportInterval::Month => {
            let (year, month) = match start.month() {
                time::Month::December => (start.year() + 1, time::Month::January),
                m => (start.year(), m.next()),
            };
            Date::from_calendar_date(year, month, 1).ok()
        }
    }
}

fn parse_day(day: &str) -> Option<Date> {
    Date::parse(day, format_description!("[year]-[month]-[day]")).ok()
}

/// The series from daily `created` and `solved` counts, from the bucket of `from` (or of the first
/// day with a count) to the bucket of the day before `to` (or of the last day with a count).
pub fn build(
    interval: ReportInterval,
    from: Option<Date>,
    to: Option<Date>,
    created: &[(String, i64)],
    solved: &[(String, i64)],
) -> Result<Vec<ReportPoint>, Error> {
    let mut counts: BTreeMap<Date, (i64, i64)> = BTreeMap::new();
    for (day, n) in created {
        if let Some(day) = parse_day(day) {
            counts.entry(bucket(day, interval)).or_default().0 += n;
        }
    }
    for (day, n) in solved {
        if let Some(day) = parse_day(day) {
            counts.entry(bucket(day, interval)).or_default().1 += n;
        }
    }
    let first = from.map(|d| bucket(d, interval)).or_else(|| counts.keys().next().copied());
    let last = to.and_then(Date::previous_day).map(|d| bucket(d, interval)).or_else(|| counts.keys().next_back().copied());
    let (Some(mut at), Some(last)) = (first, last) else {
        return Ok(Vec::new());
    };
    let mut points = Vec::new();
    while at <= last {
        if points.len() == MAX_POINTS {
            return Err(Error::field("interval", field_code::INVALID_VALUE));
        }
        let (created, solved) = counts.get(&at).copied().unwrap_or_default();
        points.push(ReportPoint { start: at.to_string(), created, solved });
        match next(at, interval) {
            Some(n) => at = n,
            None => break,
        }
    }
    Ok(points)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn buckets_start_on_their_first_day() {
        let cases = [
            (date!(2026 - 12 - 09), ReportInterval::Day, date!(2026 - 12 - 09)),
            (date!(2026 - 12 - 09), ReportInterval::Week, date!(2026 - 12 - 07)),
            (date!(2026 - 12 - 07), ReportInterval::Week, date!(2026 - 12 - 07)),
            (date!(2026 - 12 - 13), ReportInterval::Week, date!(2026 - 12 - 07)),
            (date!(2026 - 12 - 31), ReportInterval::Month, date!(2026 - 12 - 01)),
        ];
        for (day, interval, want) in cases {
            assert_eq!(bucket(day, interval), want, "{day} {interval:?}");
        }
        assert_eq!(next(date!(2026 - 12 - 01), ReportInterval::Month), Some(date!(2027 - 01 - 01)));
    }

    #[test]
    fn the_series_fills_empty_buckets_between_the_ends() {
        let created = [("2026-12-01".to_owned(), 2), ("2026-12-03".to_owned(), 1)];
        let solved = [("2026-12-03".to_owned(), 4)];
        let points = build(ReportInterval::Day, Some(date!(2026 - 11 - 30)), Some(date!(2026 - 12 - 04)), &created, &solved)
            .expect("series");
        let got: Vec<(&str, i64, i64)> = points.iter().map(|p| (p.start.as_str(), p.created, p.solved)).collect();
        assert_eq!(got, [("2026-11-30", 0, 0), ("2026-12-01", 2, 0), ("2026-12-02", 0, 0), ("2026-12-03", 1, 4)]);
        assert!(build(ReportInterval::Day, Some(date!(2000 - 01 - 01)), Some(date!(2026 - 01 - 01)), &[], &[]).is_err());
    }
}
