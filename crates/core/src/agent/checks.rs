//! Validation of the agent workspace's small forms, shared by the SPA (errors beside the field
//! before sending) and the server (the authority): quick replies and new customers.

use super::{NewCustomer, NewQuickReply};
use crate::problem::{field_code, FieldError};
use crate::validate::{is_email, is_phone};

pub const QUICK_REPLY_TITLE_MAX: usize = 100;
pub const QUICK_REPLY_BODY_MAX: usize = 5_000;
pub const CUSTOMER_NAME_MAX: usize = 100;

fn text(field: &str, value: &str, max: usize, errors: &mut Vec<FieldError>) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, field_code::REQUIRED));
    } else if value.chars().count() > max {
        errors.push(FieldError::new(field, field_code::TOO_LONG));
    }
}

fn done(errors: Vec<FieldError>) -> Result<(), Vec<FieldError>> {
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// Title 1–100 and body 1–5000 characters (not blank).
pub fn new_quick_reply(r: &NewQuickReply) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    text("title", &r.title, QUICK_REPLY_TITLE_MAX, &mut errors);
    text("body", &r.body, QUICK_REPLY_BODY_MAX, &mut errors);
    done(errors)
}

/// Name 1–100 characters, a plausible email, and a phone number if one is given.
pub fn new_customer(c: &NewCustomer) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    text("name", &c.name, CUSTOMER_NAME_MAX, &mut errors);
    if c.email.trim().is_empty() {
        errors.push(FieldError::new("email", field_code::REQUIRED));
    } else if !is_email(c.email.trim()) {
        errors.push(FieldError::new("email", field_code::INVALID_EMAIL));
    }
    if let Some(phone) = c.phone.as_deref().filter(|p| !p.trim().is_empty()) {
        if !is_phone(phone) {
            errors.push(FieldError::new("phone", field_code::INVALID_PHONE));
        }
    }
    done(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(r: Result<(), Vec<FieldError>>) -> Vec<(String, String)> {
        r.err().unwrap_or_default().into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn quick_replies() {
        let r = |t: &str, b: &str| NewQuickReply { title: t.into(), body: b.into(), ..Default::default() };
        assert!(new_quick_reply(&r("Hi", "Hello {{requester.name}}")).is_ok());
        assert_eq!(fields(new_quick_reply(&r(" ", ""))), [("title".into(), "required".into()), ("body".into(), "required".into())]);
        assert_eq!(fields(new_quick_reply(&r(&"x".repeat(101), "b"))), [("title".into(), "too_long".into())]);
        assert_eq!(fields(new_quick_reply(&r("t", &"工".repeat(5_001)))), [("body".into(), "too_long".into())]);
    }

    #[test]
    fn customers() {
        let c = |n: &str, e: &str, p: Option<&str>| NewCustomer { name: n.into(), email: e.into(), phone: p.map(Into::into), customer_group_id: None };
        assert!(new_customer(&c("Zhang San", "zs@example.com", Some("+86 138 0000 0000"))).is_ok());
        assert!(new_customer(&c("Zhang San", "zs@example.com", Some(""))).is_ok());
        assert_eq!(fields(new_customer(&c("", "nope", Some("abc")))), [
            ("name".into(), "required".into()),
            ("email".into(), "invalid_email".into()),
            ("phone".into(), "invalid_phone".into()),
        ]);
        assert_eq!(fields(new_customer(&c("n", " ", None))), [("email".into(), "required".into())]);
    }
}
