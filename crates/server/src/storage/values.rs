//! How values are stored, the same on both databases: timestamps as fixed-width RFC 3339 text
//! (so text order is time order), and baton-core's enums as their serde codes.

use super::Error;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

const TIMESTAMP: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

/// The current time, truncated to whole seconds as stored.
pub fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}

/// `t` as stored and sent on the wire: RFC 3339, UTC, whole seconds.
pub fn timestamp(t: OffsetDateTime) -> String {
    let utc = t.to_offset(time::UtcOffset::UTC);
    // The format has only numeric fields of a valid date, so formatting cannot fail; the
    // fallback keeps this total all the same.
    utc.format(TIMESTAMP)
        .unwrap_or_else(|_| utc.unix_timestamp().to_string())
}

/// Parses a stored timestamp, as written by [`timestamp`].
pub fn parse_timestamp(s: &str) -> Option<OffsetDateTime> {
    PrimitiveDateTime::parse(s, TIMESTAMP)
        .ok()
        .map(PrimitiveDateTime::assume_utc)
}

/// Reads a stored code (`open`, `high`, …) back into its baton-core enum. The enums' serde names
/// are the codes, so this cannot drift from the wire format. A code the enum does not know means
/// the row was written by something else; it surfaces as a decode error (logged, then 500).
pub(crate) fn decode_code<T: serde::de::DeserializeOwned>(
    column: &str,
    code: &str,
) -> Result<T, Error> {
    use serde::de::IntoDeserializer;
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        code.into_deserializer();
    T::deserialize(de).map_err(|e| Error::corrupt(format!("column {column}: {e}")))
}

/// The stored code of a baton-core enum: its serde name.
pub(crate) fn encode_code<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(code)) => code,
        // Only unit enums are stored as codes; anything else is a programming error that the
        // CHECK constraints of the schema will then refuse.
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_round_trip_with_fixed_width() {
        let t = time::macros::datetime!(2026-11-05 03:04:05 UTC);
        assert_eq!(timestamp(t), "2026-11-05T03:04:05Z");
        assert_eq!(parse_timestamp("2026-11-05T03:04:05Z"), Some(t));
        assert_eq!(parse_timestamp("yesterday"), None);
    }

    #[test]
    fn codes_round_trip() {
        use baton_core::{Channel, Priority, Status};
        assert_eq!(encode_code(&Priority::Urgent), "urgent");
        assert_eq!(
            decode_code::<Channel>("c", "phone").ok(),
            Some(Channel::Phone)
        );
        assert_eq!(
            decode_code::<Status>("c", "pending").ok(),
            Some(Status::Pending)
        );
        assert!(decode_code::<Status>("c", "deleted").is_err());
    }
}
