//! Input validation shared by the SPA (to show errors before sending) and the server (the
//! authority). Each function returns every problem at once, so a form can mark all fields.

use crate::dto::{NewMessage, NewTicket, TicketAction, TicketType};
use crate::problem::{field_code, FieldError};
use crate::status::Action;

pub mod fields;
mod accounts;

pub use accounts::{is_slug, password, PASSWORD_MIN, SLUG_MAX};

pub const TITLE_MAX: usize = 200;
pub const BODY_MAX: usize = 20_000;
pub const COMMENT_MAX: usize = 2_000;
/// Longest confidential info, in characters.
pub const CONFIDENTIAL_MAX: usize = 2_000;
/// Longest related URL, in characters.
pub const URL_MAX: usize = 2_000;

fn text(field: &str, value: &str, max: usize, errors: &mut Vec<FieldError>) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, field_code::REQUIRED));
    } else if value.chars().count() > max {
        errors.push(FieldError::new(field, field_code::TOO_LONG));
    }
}

/// A phone number as people type it: digits with optional `+` prefix, spaces, dashes, dots and
/// parentheses; 5 to 20 digits in all.
pub fn is_phone(value: &str) -> bool {
    let v = value.trim();
    let body = v.strip_prefix('+').unwrap_or(v);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (5..=20).contains(&digits)
        && body.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
}

/// A plausible email address: one `@`, something before it, a dot in the domain, no spaces.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value.contains(char::is_whitespace)
        && !domain.contains('@')
        && value.len() <= 254
}

/// An absolute `http://` or `https://` URL with a host and no whitespace.
pub fn is_http_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    !host.is_empty() && !host.starts_with(':') && !value.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The basic fields only: title, description, contact phone. See [`new_ticket_with`] for the
/// whole ticket.
pub fn new_ticket(t: &NewTicket) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    text("title", &t.title, TITLE_MAX, &mut errors);
    text("description", &t.description, BODY_MAX, &mut errors);
    if let Some(phone) = t.contact_phone.as_deref().filter(|p| !p.trim().is_empty()) {
        if !is_phone(phone) {
            errors.push(FieldError::new("contact_phone", field_code::INVALID_PHONE));
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// The whole `NewTicket` against the tenant's catalog `types`: the basic fields, the related URL,
/// confidential info, type and sub-type membership, and every custom field of the chosen type and
/// sub-type. With no types configured, a ticket must not name one nor send custom fields.
pub fn new_ticket_with(t: &NewTicket, types: &[TicketType]) -> Result<(), Vec<FieldError>> {
    let mut errors = new_ticket(t).err().unwrap_or_default();
    if let Some(url) = t.related_url.as_deref().filter(|u| !u.trim().is_empty()) {
        if url.chars().count() > URL_MAX {
            errors.push(FieldError::new("related_url", field_code::TOO_LONG));
        } else if !is_http_url(url.trim()) {
            errors.push(FieldError::new("related_url", field_code::INVALID_URL));
        }
    }
    if t.confidential.as_deref().is_some_and(|c| c.chars().count() > CONFIDENTIAL_MAX) {
        errors.push(FieldError::new("confidential", field_code::TOO_LONG));
    }
    let ticket_type = match t.type_id {
        None if !types.is_empty() => {
            errors.push(FieldError::new("type_id", field_code::REQUIRED));
            None
        }
        None => None,
        Some(id) => {
            let found = types.iter().find(|ty| ty.id == id);
            if found.is_none() {
                errors.push(FieldError::new("type_id", field_code::INVALID_VALUE));
            }
            found
        }
    };
    match ticket_type {
        Some(ty) => {
            let subtype = match t.subtype_id {
                None if !ty.subtypes.is_empty() => {
                    errors.push(FieldError::new("subtype_id", field_code::REQUIRED));
                    None
                }
                None => None,
                Some(id) => {
                    let found = ty.subtype(id);
                    if found.is_none() {
                        errors.push(FieldError::new("subtype_id", field_code::INVALID_VALUE));
                    }
                    found
                }
            };
            // With the sub-type unknown, its fields cannot be judged, so keys are not either.
            let complete = subtype.is_some() || ty.subtypes.is_empty();
            fields::check(ty.fields_for(subtype), &t.fields, complete, &mut errors);
        }
        // A tenant without types has no sub-types or fields to fill in.
        None if types.is_empty() => {
            if t.subtype_id.is_some() {
                errors.push(FieldError::new("subtype_id", field_code::INVALID_VALUE));
            }
            fields::check([], &t.fields, true, &mut errors);
        }
        // The type is missing or unknown: that one error says it all; the fields cannot be judged.
        None => {}
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

pub fn new_message(m: &NewMessage) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    text("body", &m.body, BODY_MAX, &mut errors);
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// `rating` is required (1–5) for `rate` and refused for every other action.
pub fn ticket_action(a: &TicketAction) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    match (a.action, a.rating) {
        (Action::Rate, None) => errors.push(FieldError::new("rating", field_code::REQUIRED)),
        (Action::Rate, Some(r)) if !(1..=5).contains(&r) => {
            errors.push(FieldError::new("rating", field_code::INVALID_VALUE))
        }
        (Action::Rate, Some(_)) => {}
        (_, Some(_)) => errors.push(FieldError::new("rating", field_code::INVALID_VALUE)),
        (_, None) => {}
    }
    if let Some(c) = &a.comment {
        if a.action != Action::Rate {
            errors.push(FieldError::new("comment", field_code::INVALID_VALUE));
        } else if c.chars().count() > COMMENT_MAX {
            errors.push(FieldError::new("comment", field_code::TOO_LONG));
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(title: &str, description: &str, phone: Option<&str>) -> NewTicket {
        NewTicket {
            title: title.into(),
            description: description.into(),
            contact_phone: phone.map(Into::into),
            ..Default::default()
        }
    }

    fn codes(r: Result<(), Vec<FieldError>>) -> Vec<(String, String)> {
        r.err().unwrap_or_default().into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn tickets() {
        let long = "x".repeat(TITLE_MAX + 1);
        let cases: &[(NewTicket, &[(&str, &str)])] = &[
            (ticket("Printer", "It jams", None), &[]),
            (ticket("打印机", "卡纸了", Some("+86 138-0000-0000")), &[]),
            (ticket("Printer", "It jams", Some("  ")), &[]),
            (ticket(" ", "", None), &[("title", "required"), ("description", "required")]),
            (ticket(&long, "d", None), &[("title", "too_long")]),
            (ticket("t", "d", Some("call me")), &[("contact_phone", "invalid_phone")]),
            (ticket("t", "d", Some("123")), &[("contact_phone", "invalid_phone")]),
        ];
        for (input, expected) in cases {
            let expected: Vec<(String, String)> =
                expected.iter().map(|(f, c)| (f.to_string(), c.to_string())).collect();
            assert_eq!(codes(new_ticket(input)), expected, "{input:?}");
        }
    }

    #[test]
    fn title_limit_counts_characters_not_bytes() {
        let title = "工".repeat(TITLE_MAX);
        assert!(new_ticket(&ticket(&title, "d", None)).is_ok());
    }

    #[test]
    fn emails() {
        for ok in ["alice@customer.test", "a.b+c@x.co"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in ["", "alice", "@x.test", "a@b", "a b@c.test", "a@.test", "a@b.test."] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn actions() {
        let act = |action, rating, comment: Option<&str>| TicketAction {
            action,
            rating,
            comment: comment.map(Into::into),
        };
        assert!(ticket_action(&act(Action::Rate, Some(5), Some("great"))).is_ok());
        assert!(ticket_action(&act(Action::Confirm, None, None)).is_ok());
        assert_eq!(codes(ticket_action(&act(Action::Rate, None, None))), [("rating".into(), "required".into())]);
        assert_eq!(codes(ticket_action(&act(Action::Rate, Some(6), None))), [("rating".into(), "invalid_value".into())]);
        assert_eq!(codes(ticket_action(&act(Action::Close, Some(3), None))), [("rating".into(), "invalid_value".into())]);
        let long = "x".repeat(COMMENT_MAX + 1);
        assert_eq!(codes(ticket_action(&act(Action::Rate, Some(4), Some(&long)))), [("comment".into(), "too_long".into())]);
    }

    #[test]
    fn messages() {
        let m = |b: &str| NewMessage { body: b.into(), ..Default::default() };
        assert!(new_message(&m("thanks")).is_ok());
        assert_eq!(codes(new_message(&m("  "))), [("body".into(), "required".into())]);
    }
}
