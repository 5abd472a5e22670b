//! Time in the SPA: the arithmetic is chrono's (through `baton_core::time`: countdowns, report
//! days); showing a time stays the browser's `Intl` (`i18n::format_time`).

pub use baton_core::time::{chrono, day, timestamp};

use chrono::{DateTime, Utc};

/// Now, by the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Whether the timestamp `at` is still ahead of `now` (`false` if it is not a timestamp).
pub fn is_ahead(at: &str, now: DateTime<Utc>) -> bool {
    timestamp(at).is_some_and(|t| t > now)
}

/// Whole minutes from `now` until the timestamp `at`, rounded down (negative: past; 30 s ago is
/// −1); `None` if it is not a timestamp.
pub fn minutes_until(at: &str, now: DateTime<Utc>) -> Option<i64> {
    timestamp(at).map(|t| (t - now).num_milliseconds().div_euclid(60_000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_round_down_and_ahead_is_strict() {
        let now = timestamp("2026-12-07T09:30:00Z").expect("a time");
        for (at, minutes, ahead) in [
            ("2026-12-07T10:30:00Z", Some(60), true),
            ("2026-12-07T09:30:59Z", Some(0), true),
            ("2026-12-07T09:30:00Z", Some(0), false),
            ("2026-12-07T09:29:30Z", Some(-1), false),
            ("2026-12-06T09:30:00Z", Some(-1440), false),
            ("soon", None, false),
        ] {
            assert_eq!(minutes_until(at, now), minutes, "{at}");
            assert_eq!(is_ahead(at, now), ahead, "{at}");
        }
    }
}
