//! How the report's numbers read: durations as the largest two units that matter ("3 h 20 min",
//! translated), shares as percentages with one decimal, averages with one decimal.

use super::text::{t, tf};
use crate::i18n::ReportKey;
use crate::state::locale::I18n;

/// A duration's template and its numbers: seconds under a minute, minutes under an hour, hours
/// and minutes under a day, else days and hours (rounded down: a report never overstates speed).
pub fn duration_parts(secs: i64) -> (ReportKey, Vec<i64>) {
    let secs = secs.max(0);
    match secs {
        0..60 => (ReportKey::Seconds, vec![secs]),
        60..3600 => (ReportKey::Minutes, vec![secs / 60]),
        3600..86_400 => (ReportKey::HoursMinutes, vec![secs / 3600, secs % 3600 / 60]),
        _ => (ReportKey::DaysHours, vec![secs / 86_400, secs % 86_400 / 3600]),
    }
}

/// A duration in the current locale, or "none" when there is none.
pub fn duration(i18n: I18n, secs: Option<i64>) -> String {
    match secs {
        None => t(i18n, ReportKey::NoValue).to_owned(),
        Some(secs) => {
            let (key, numbers) = duration_parts(secs);
            let numbers: Vec<String> = numbers.iter().map(i64::to_string).collect();
            tf(i18n, key, &numbers.iter().map(String::as_str).collect::<Vec<_>>())
        }
    }
}

/// A ratio from 0 to 1 as a percentage with at most one decimal (`0.5` → `50%`, `2/3` → `66.7%`).
pub fn percent(ratio: f64) -> String {
    format!("{}%", one_decimal(ratio * 100.0))
}

/// A number with at most one decimal, no trailing `.0`.
pub fn one_decimal(value: f64) -> String {
    let tenths = (value * 10.0).round();
    if tenths % 10.0 == 0.0 {
        format!("{}", tenths / 10.0)
    } else {
        format!("{:.1}", tenths / 10.0)
    }
}

/// A share, or "none" when there was nothing to divide by.
pub fn share(i18n: I18n, ratio: Option<f64>) -> String {
    ratio.map_or_else(|| t(i18n, ReportKey::NoValue).to_owned(), percent)
}

/// An average rating, or "none".
pub fn average(i18n: I18n, value: Option<f64>) -> String {
    value.map_or_else(|| t(i18n, ReportKey::NoValue).to_owned(), one_decimal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_take_the_two_largest_units() {
        let cases = [
            (0, ReportKey::Seconds, vec![0]),
            (59, ReportKey::Seconds, vec![59]),
            (60, ReportKey::Minutes, vec![1]),
            (3599, ReportKey::Minutes, vec![59]),
            (3600 + 20 * 60 + 5, ReportKey::HoursMinutes, vec![1, 20]),
            (86_400 * 2 + 3 * 3600 + 59, ReportKey::DaysHours, vec![2, 3]),
            (-5, ReportKey::Seconds, vec![0]),
        ];
        for (secs, key, numbers) in cases {
            assert_eq!(duration_parts(secs), (key, numbers), "{secs}");
        }
    }

    #[test]
    fn percentages_and_averages_have_one_decimal_at_most() {
        assert_eq!(percent(0.5), "50%");
        assert_eq!(percent(2.0 / 3.0), "66.7%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(one_decimal(4.25), "4.3");
        assert_eq!(one_decimal(4.0), "4");
    }
}
