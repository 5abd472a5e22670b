//! Accounts: the password policy every new password meets (set from a link, sign-up, reset) and
//! the form of a tenant's slug. Shared so the SPA can say "too weak" before sending.

use crate::problem::{field_code, FieldError};

/// The fewest characters a new password may have (the demo's `baton-demo` has exactly this many).
pub const PASSWORD_MIN: usize = 10;

/// The longest slug.
pub const SLUG_MAX: usize = 40;

/// Passwords of at least [`PASSWORD_MIN`] characters that still top the leaked-password lists
/// (compared lowercased). Short on purpose: it refuses the obvious, length does the rest.
const COMMON: &[&str] = &[
    "1234567890",
    "12345678910",
    "123456789a",
    "0123456789",
    "0987654321",
    "1111111111",
    "1q2w3e4r5t",
    "1qaz2wsx3edc",
    "qwertyuiop",
    "qwerty1234",
    "qwerty123456",
    "asdfghjkl;",
    "zxcvbnm123",
    "password12",
    "password123",
    "password1234",
    "passw0rd123",
    "iloveyou123",
    "abc1234567",
    "abcdefghij",
    "a123456789",
    "aa12345678",
    "letmein123",
    "welcome123",
    "changeme123",
    "administrator",
    "football123",
    "baseball123",
    "sunshine123",
    "princess123",
    "dragon1234",
    "monkey1234",
    "superman123",
    "starwars123",
    "woaini1314",
    "5201314520",
    "1314520520",
    "qq123456789",
];

/// The problems of a new password in `field`: [`field_code::REQUIRED`] when empty,
/// [`field_code::PASSWORD_TOO_WEAK`] when shorter than [`PASSWORD_MIN`] characters or common.
pub fn password(field: &str, value: &str) -> Vec<FieldError> {
    if value.is_empty() {
        return vec![FieldError::new(field, field_code::REQUIRED)];
    }
    let lower = value.to_lowercase();
    if value.chars().count() < PASSWORD_MIN || COMMON.contains(&lower.as_str()) || one_char(value) {
        return vec![FieldError::new(field, field_code::PASSWORD_TOO_WEAK)];
    }
    Vec::new()
}

/// The same character repeated (`aaaaaaaaaa`): long, and guessed first.
fn one_char(value: &str) -> bool {
    let mut chars = value.chars();
    chars.next().is_some_and(|first| chars.all(|c| c == first))
}

/// A tenant's slug: 2 to [`SLUG_MAX`] of lowercase ASCII letters, digits and `-`, not starting or
/// ending with `-` (it appears in URLs and the widget's `data-tenant`).
pub fn is_slug(value: &str) -> bool {
    (2..=SLUG_MAX).contains(&value.len())
        && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_policy() {
        let weak = Some(field_code::PASSWORD_TOO_WEAK);
        // (password, the code refused with)
        let cases: &[(&str, Option<&str>)] = &[
            ("", Some(field_code::REQUIRED)),
            ("short", weak),
            ("nine-char", weak),
            ("baton-demo", None),
            ("correct horse battery", None),
            ("十个汉字的密码就够长了", None),
            ("九个字的密码不够", weak),
            ("1234567890", weak),
            ("Password123", weak),
            ("QWERTYUIOP", weak),
            ("aaaaaaaaaaaa", weak),
        ];
        for (value, expected) in cases {
            let got = password("password", value);
            assert_eq!(got.first().map(|e| e.code.as_str()), *expected, "{value:?}");
            assert!(got.iter().all(|e| e.field == "password"));
        }
    }

    #[test]
    fn the_common_list_is_not_dead_weight() {
        // An entry shorter than the minimum would be refused anyway: the list would not matter.
        for p in COMMON {
            assert!(p.chars().count() >= PASSWORD_MIN, "{p}");
            assert_eq!(*p, p.to_lowercase());
        }
    }

    #[test]
    fn slugs() {
        for good in ["demo", "acme", "acme-support", "a1", "tenant-12"] {
            assert!(is_slug(good), "{good}");
        }
        let long = "a".repeat(SLUG_MAX + 1);
        for bad in ["", "a", "Acme", "-acme", "acme-", "ac me", "acme_support", "ünï", &long] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
