//! What every cursor-paginated list shares: the `limit` parameter and opaque cursors. Cursors
//! are hex so clients treat them as tokens, never as something to build or edit.

use crate::error::Error;
use baton_core::problem::field_code;

/// `limit`: 1 or more; above `max` it is capped rather than refused, so a client asking for
/// "everything" still gets the largest page. Absent or empty means `default`.
pub fn parse_limit(limit: Option<&str>, default: i64, max: i64) -> Result<i64, Error> {
    let Some(limit) = limit.filter(|l| !l.is_empty()) else {
        return Ok(default);
    };
    if !limit.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::field("limit", field_code::INVALID_VALUE));
    }
    // All digits: parsing fails only on overflow, which is "more than the maximum" too.
    match limit.parse::<i64>().unwrap_or(i64::MAX) {
        0 => Err(Error::field("limit", field_code::INVALID_VALUE)),
        n => Ok(n.min(max)),
    }
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes of a hex string; `None` for odd lengths or non-hex characters.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// An opaque cursor for `text`.
pub fn encode_cursor(text: &str) -> String {
    hex(text.as_bytes())
}

/// The text inside a cursor from a client; `None` when longer than `max_len` or not ours.
pub fn decode_cursor(cursor: &str, max_len: usize) -> Option<String> {
    if cursor.len() > max_len {
        return None;
    }
    String::from_utf8(unhex(cursor)?).ok()
}

/// The cursor of a list in (created_at, id) order: the last row's pair, as an opaque token.
pub fn encode_time_cursor(created_at: &str, id: i64) -> String {
    encode_cursor(&format!("{created_at}|{id}"))
}

/// The (created_at, id) of a cursor from [`encode_time_cursor`]; `None` for anything else.
pub fn decode_time_cursor(cursor: &str) -> Option<(String, i64)> {
    let text = decode_cursor(cursor, 200)?;
    let (created_at, id) = text.split_once('|')?;
    crate::storage::parse_timestamp(created_at)?;
    Some((created_at.to_owned(), id.parse().ok().filter(|id: &i64| *id > 0)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_cursors_round_trip_and_reject_garbage() {
        let c = encode_time_cursor("2026-11-25T23:40:00Z", 42);
        assert_eq!(decode_time_cursor(&c), Some(("2026-11-25T23:40:00Z".to_owned(), 42)));
        let (yesterday, zero) = (encode_time_cursor("yesterday", 1), encode_time_cursor("2026-11-25T23:40:00Z", 0));
        for bad in ["zz", "", "abc", "00", &yesterday, &zero, &zero[..10]] {
            assert_eq!(decode_time_cursor(bad), None, "{bad}");
        }
    }

    #[test]
    fn limits() {
        assert_eq!(parse_limit(None, 25, 100).ok(), Some(25));
        assert_eq!(parse_limit(Some(""), 25, 100).ok(), Some(25));
        assert_eq!(parse_limit(Some("7"), 25, 100).ok(), Some(7));
        assert_eq!(
            parse_limit(Some("99999999999999999999"), 25, 100).ok(),
            Some(100)
        );
        for bad in ["0", "-1", "1.5", "ten"] {
            assert!(parse_limit(Some(bad), 25, 100).is_err(), "{bad}");
        }
    }

    #[test]
    fn hex_and_cursors_round_trip() {
        assert_eq!(unhex(&hex(&[0, 1, 254, 255])), Some(vec![0, 1, 254, 255]));
        assert_eq!(unhex("abc"), None);
        assert_eq!(unhex("zz"), None);
        assert_eq!(
            decode_cursor(&encode_cursor("kb:40"), 64).as_deref(),
            Some("kb:40")
        );
        assert_eq!(decode_cursor(&encode_cursor("kb:40"), 4), None);
    }
}
