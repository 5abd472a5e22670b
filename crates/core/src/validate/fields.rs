//! Custom field values of a `NewTicket`, checked against the fields of its type and sub-type.
//! Errors name the field `fields.<key>`, as the contract asks, so a form marks the right input.

use crate::dto::{CustomField, FieldKind, FieldValue};
use crate::problem::{field_code, FieldError};
use std::collections::BTreeMap;

/// Longest `text` value, in characters.
pub const TEXT_MAX: usize = 200;
/// Longest `textarea` value, in characters.
pub const TEXTAREA_MAX: usize = 5_000;

/// Checks `values` against `defs` (the type's fields, then the sub-type's): required fields,
/// each value by kind, cascading options, and — when `complete`, i.e. `defs` are all the fields
/// the ticket can have — keys that no field defines.
pub fn check<'a>(
    defs: impl IntoIterator<Item = &'a CustomField>,
    values: &BTreeMap<String, FieldValue>,
    complete: bool,
    errors: &mut Vec<FieldError>,
) {
    let defs: Vec<&CustomField> = defs.into_iter().collect();
    for def in &defs {
        let name = format!("fields.{}", def.key);
        let value = values.get(&def.key).filter(|v| !v.is_empty());
        match value {
            None if def.required => errors.push(FieldError::new(&name, field_code::REQUIRED)),
            None => {}
            Some(value) => {
                let parent_value = def.parent.as_ref().and_then(|p| values.get(p)).and_then(FieldValue::as_str);
                if let Err(code) = value_of(def, value, parent_value) {
                    errors.push(FieldError::new(&name, code));
                }
            }
        }
    }
    for key in values.keys().filter(|_| complete) {
        if !defs.iter().any(|d| &d.key == key) {
            errors.push(FieldError::new(&format!("fields.{key}"), field_code::INVALID_VALUE));
        }
    }
}

/// One filled-in value against its definition; `parent_value` is the cascading parent's value.
fn value_of(def: &CustomField, value: &FieldValue, parent_value: Option<&str>) -> Result<(), &'static str> {
    let allowed = |v: &str| def.options_for(parent_value).any(|o| o.value == v);
    match (def.kind, value) {
        (FieldKind::Text, FieldValue::String(s)) => length(s, TEXT_MAX),
        (FieldKind::Textarea, FieldValue::String(s)) => length(s, TEXTAREA_MAX),
        (FieldKind::Number, FieldValue::Number(n)) if n.is_finite() => Ok(()),
        (FieldKind::Number, _) => Err(field_code::INVALID_NUMBER),
        (FieldKind::Date, FieldValue::String(s)) if is_date(s) => Ok(()),
        (FieldKind::Datetime, FieldValue::String(s)) if is_datetime(s) => Ok(()),
        (FieldKind::Date | FieldKind::Datetime, _) => Err(field_code::INVALID_DATE),
        (FieldKind::Select | FieldKind::Radio, FieldValue::String(s)) if allowed(s) => Ok(()),
        (FieldKind::Multiselect, FieldValue::List(l)) if l.iter().all(|v| allowed(v)) && !has_duplicates(l) => Ok(()),
        (FieldKind::Checkbox, FieldValue::Bool(true)) => Ok(()),
        // An unticked required box is a missing agreement, not a malformed value.
        (FieldKind::Checkbox, FieldValue::Bool(false)) if def.required => Err(field_code::REQUIRED),
        (FieldKind::Checkbox, FieldValue::Bool(false)) => Ok(()),
        (FieldKind::Attachment, FieldValue::List(l)) if l.iter().all(|v| attachment_id(v).is_some()) => Ok(()),
        _ => Err(field_code::INVALID_VALUE),
    }
}

fn length(s: &str, max: usize) -> Result<(), &'static str> {
    if s.chars().count() > max { Err(field_code::TOO_LONG) } else { Ok(()) }
}

fn has_duplicates(list: &[String]) -> bool {
    list.iter().enumerate().any(|(i, v)| list[..i].contains(v))
}

/// An attachment field lists ids as decimal strings (the values are strings on the wire so that
/// every list-valued field has one JSON shape).
pub fn attachment_id(value: &str) -> Option<i64> {
    value.parse::<i64>().ok().filter(|id| *id > 0 && id.to_string() == value)
}

/// `YYYY-MM-DD`, a real calendar date (leap years included), year 1000–9999.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10])) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1000 && (1..=days).contains(&day)
}

/// `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, the forms a browser's datetime-local input sends.
pub fn is_datetime(s: &str) -> bool {
    let Some((date, time)) = s.split_once('T') else { return false };
    let b = time.as_bytes();
    let hm = b.len() >= 5 && b[2] == b':' && matches!(digits(&b[0..2]), Some(0..=23)) && matches!(digits(&b[3..5]), Some(0..=59));
    let seconds = match b.len() {
        5 => true,
        8 => b[5] == b':' && matches!(digits(&b[6..8]), Some(0..=59)),
        _ => false,
    };
    is_date(date) && hm && seconds
}

/// The number spelled by ASCII digits only (no sign, no spaces).
fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

#[cfg(test)]
mod tests;
