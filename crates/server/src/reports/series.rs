//! The time series of a report: its buckets — days, ISO weeks (from Monday) or months of the
//! desk's time zone (`period` turns them into UTC ranges the database counts in) — every one
//! between the ends, empty or not, so a chart's x axis has no holes.

use crate::error::Error;
use baton_core::problem::field_code;
use baton_core::{ReportInterval, ReportPoint};
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

/// The first day of each bucket from the one `first` falls in to the one `last` falls in, and the
/// day after the last bucket; refused (`interval`) past [`MAX_POINTS`] buckets.
pub fn starts(interval: ReportInterval, first: Date, last: Date) -> Result<(Vec<Date>, Date), Error> {
    let (mut at, last) = (bucket(first, interval), bucket(last, interval));
    let mut starts = Vec::new();
    while at <= last {
        if starts.len() == MAX_POINTS {
            return Err(Error::field("interval", field_code::INVALID_VALUE));
        }
        starts.push(at);
        match next(at, interval) {
            Some(n) => at = n,
            None => break,
        }
    }
    Ok((starts, at))
}

/// The points of the buckets beginning on `starts`, from the counts per bucket index.
pub fn points(starts: &[Date], created: &[(i64, i64)], solved: &[(i64, i64)]) -> Vec<ReportPoint> {
    let mut points: Vec<ReportPoint> =
        starts.iter().map(|d| ReportPoint { start: d.to_string(), created: 0, solved: 0 }).collect();
    for (i, n) in created {
        if let Some(p) = usize::try_from(*i).ok().and_then(|i| points.get_mut(i)) {
            p.created += n;
        }
    }
    for (i, n) in solved {
        if let Some(p) = usize::try_from(*i).ok().and_then(|i| points.get_mut(i)) {
            p.solved += n;
        }
    }
    points
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
    fn the_series_has_every_bucket_between_the_ends() {
        let (days, end) = starts(ReportInterval::Day, date!(2026 - 11 - 30), date!(2026 - 12 - 03)).expect("starts");
        assert_eq!(days, [date!(2026 - 11 - 30), date!(2026 - 12 - 01), date!(2026 - 12 - 02), date!(2026 - 12 - 03)]);
        assert_eq!(end, date!(2026 - 12 - 04));
        let got: Vec<(String, i64, i64)> =
            points(&days, &[(1, 2), (3, 1)], &[(3, 4)]).into_iter().map(|p| (p.start, p.created, p.solved)).collect();
        let want = [("2026-11-30", 0, 0), ("2026-12-01", 2, 0), ("2026-12-02", 0, 0), ("2026-12-03", 1, 4)];
        assert_eq!(got, want.map(|(d, c, s)| (d.to_owned(), c, s)));
        let (weeks, end) = starts(ReportInterval::Week, date!(2026 - 12 - 09), date!(2026 - 12 - 14)).expect("starts");
        assert_eq!((weeks, end), (vec![date!(2026 - 12 - 07), date!(2026 - 12 - 14)], date!(2026 - 12 - 21)));
        assert!(starts(ReportInterval::Day, date!(2000 - 01 - 01), date!(2026 - 01 - 01)).is_err());
    }
}
