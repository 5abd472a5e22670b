//! The desk's time zone in reports, in one place: every report's period (`from`/`to`, local
//! days) and every bucket of a series (a local day, an ISO week from Monday, a month) begins at
//! the local midnight of its first day in the desk's zone (`DeskSettings.time_zone`,
//! baton_core::zone), turned here into the stored UTC timestamps the queries compare with. The
//! database never converts zones: it counts with range comparisons on indexed columns.

use crate::error::Error;
use crate::storage::{tenants, Conn};
use baton_core::zone::{self, Tz};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use time::Date;

/// The zone of the desk `tenant_id` (UTC if what is stored is not a zone: it is checked when set).
pub async fn zone_of(conn: &mut Conn, tenant_id: i64) -> Result<Tz, Error> {
    Ok(zone::parse(&tenants::time_zone(conn, tenant_id).await?).unwrap_or(Tz::UTC))
}

fn naive(day: Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(day.year(), u32::from(u8::from(day.month())), u32::from(day.day())).unwrap_or_default()
}

fn date(day: NaiveDate) -> Option<Date> {
    let month = time::Month::try_from(u8::try_from(day.month()).ok()?).ok()?;
    Date::from_calendar_date(day.year(), month, u8::try_from(day.day()).ok()?).ok()
}

/// The stored timestamp of the first instant of local day `day` in `zone`.
pub fn start(zone: Tz, day: Date) -> String {
    stamp(zone::day_start(zone, naive(day)))
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The local day in `zone` of a stored timestamp (`None` if it does not read).
pub fn local_day(zone: Tz, stored: &str) -> Option<Date> {
    let t = baton_core::time::timestamp(stored)?;
    date(zone::local_day(zone, t))
}

/// The `[from, to)` stored timestamps of each bucket beginning on the local days `starts`, the
/// last one ending at local day `end`.
pub fn bounds(zone: Tz, starts: &[Date], end: Date) -> Vec<(String, String)> {
    let mut out = Vec::with_capacity(starts.len());
    for (i, day) in starts.iter().enumerate() {
        let next = starts.get(i + 1).copied().unwrap_or(end);
        out.push((start(zone, *day), start(zone, next)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn buckets_begin_at_local_midnight() {
        let ny = zone::parse("America/New_York").unwrap_or(Tz::UTC);
        let got = bounds(ny, &[date!(2026 - 03 - 07), date!(2026 - 03 - 08)], date!(2026 - 03 - 09));
        let want = [
            ("2026-03-07T05:00:00Z", "2026-03-08T05:00:00Z"),
            // The day clocks spring forward is 23 hours long.
            ("2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z"),
        ];
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, want);
        assert_eq!(local_day(ny, "2026-03-09T03:59:59Z"), Some(date!(2026 - 03 - 08)));
        assert_eq!(local_day(ny, "2026-03-09T04:00:00Z"), Some(date!(2026 - 03 - 09)));
        assert_eq!(start(Tz::Asia__Shanghai, date!(2026 - 12 - 07)), "2026-12-06T16:00:00Z");
    }
}
