//! The contract's times with chrono (feature `time`): timestamps are RFC 3339 in UTC
//! (`YYYY-MM-DDTHH:MM:SSZ`), report days are `YYYY-MM-DD`. The SPA computes with them through
//! this module (and its [`chrono`]); the server's SLA arithmetic uses the same chrono.

pub use chrono;

use chrono::{DateTime, NaiveDate, Utc};

/// A timestamp of the contract, or `None` if `text` is not one.
pub fn timestamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

/// A day written `YYYY-MM-DD` that exists, or `None` (`2026-2-3`, `26-01-01`, `2026-02-30`).
pub fn day(text: &str) -> Option<NaiveDate> {
    // chrono also reads shorter fields; a day in a URL or the contract has exactly these widths.
    if text.len() != 10 {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_of_the_contract() {
        let cases = [
            ("2026-12-07T09:30:00Z", Some(1_796_635_800)),
            ("2026-12-07T10:30:00+01:00", Some(1_796_635_800)),
            ("2026-12-07 09:30:00", None),
            ("2026-12-07", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(timestamp(text).map(|t| t.timestamp()), expected, "{text}");
        }
    }

    #[test]
    fn days_exist_and_have_their_widths() {
        let cases = [
            ("2026-12-07", Some((2026, 12, 7))),
            ("2024-02-29", Some((2024, 2, 29))),
            ("2023-02-29", None),
            ("2026-13-01", None),
            ("2026-1-01", None),
            ("26-1-1", None),
            ("2026-01-011", None),
            ("", None),
        ];
        for (text, expected) in cases {
            let ymd = day(text).map(|d| {
                use chrono::Datelike;
                (d.year(), d.month(), d.day())
            });
            assert_eq!(ymd, expected, "{text}");
        }
    }
}
