//! A desk's time zone (`DeskSettings.time_zone`, an IANA name such as `Asia/Shanghai`): the one
//! place where a report's local days become UTC instants (feature `sla`, which brings chrono-tz's
//! zone table). A report's period `from`..`to` and each day, week and month of its series start
//! at the local midnight of their first day, so a day that loses or gains an hour to daylight
//! saving is 23 or 25 hours long, as its wall clock shows.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, TimeZone, Utc};
pub use chrono_tz::Tz;

/// The zone called `name` (exactly as the IANA database spells it), or `None`.
pub fn parse(name: &str) -> Option<Tz> {
    name.parse::<Tz>().ok()
}

/// The first instant of the local day `day` in `zone`: its midnight, or where a change of offset
/// skips midnight (America/Santiago, Asia/Beirut), the first local time of that day that exists;
/// where midnight happens twice, the earlier.
pub fn day_start(zone: Tz, day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    // Offsets change by at most a few hours; a gap is searched in quarter hours.
    for quarter in 0..(4 * 24) {
        let local = midnight + Duration::minutes(15 * quarter);
        match zone.from_local_datetime(&local) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => return t.with_timezone(&Utc),
            LocalResult::None => {}
        }
    }
    midnight.and_utc()
}

/// The local day of `instant` in `zone`.
pub fn local_day(zone: Tz, instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&zone).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn days_start_at_local_midnight_across_daylight_saving() {
        // (zone, day, its first instant in UTC)
        let cases = [
            ("UTC", "2026-03-08", "2026-03-08T00:00:00Z"),
            ("Asia/Shanghai", "2026-12-07", "2026-12-06T16:00:00Z"),
            ("America/New_York", "2026-03-07", "2026-03-07T05:00:00Z"),
            // The spring-forward day (02:00 → 03:00): 23 hours long.
            ("America/New_York", "2026-03-08", "2026-03-08T05:00:00Z"),
            ("America/New_York", "2026-03-09", "2026-03-09T04:00:00Z"),
            ("America/New_York", "2026-11-01", "2026-11-01T04:00:00Z"),
            ("America/New_York", "2026-11-02", "2026-11-02T05:00:00Z"),
            ("Asia/Kolkata", "2026-01-01", "2025-12-31T18:30:00Z"),
            // Midnight skipped (clocks go from 00:00 to 01:00 on 2026-09-06 in Santiago).
            ("America/Santiago", "2026-09-06", "2026-09-06T04:00:00Z"),
        ];
        for (name, local, want) in cases {
            let zone = parse(name).unwrap_or(Tz::UTC);
            assert_eq!(zone.name(), name);
            assert_eq!(day_start(zone, day(local)).format("%Y-%m-%dT%H:%M:%SZ").to_string(), want, "{name} {local}");
        }
    }

    #[test]
    fn names_are_iana_names() {
        for (name, known) in [("Asia/Shanghai", true), ("Europe/Berlin", true), ("UTC", true), ("Mars/Olympus", false), ("", false)] {
            assert_eq!(parse(name).is_some(), known, "{name}");
        }
        let zone = parse("America/New_York").unwrap_or(Tz::UTC);
        let late = DateTime::parse_from_rfc3339("2026-03-09T03:59:59Z").map(|t| t.with_timezone(&Utc)).unwrap_or_default();
        assert_eq!(local_day(zone, late), day("2026-03-08"));
    }
}
