//! A desk's own settings (`GET` and `PATCH /api/v1/admin/settings`, permission
//! `settings.manage`): its name, how many days a solved ticket waits for the customer's
//! confirmation before it closes by itself, and how customers join (sign-up). The admin
//! console's settings page grows here.

use crate::problem::field_code;
use crate::FieldError;
use serde::{Deserialize, Serialize};

/// The longest desk name, in characters.
pub const DESK_NAME_MAX: usize = 100;

/// The most days a solved ticket may wait before it closes (0: it never closes by itself).
pub const AUTO_CLOSE_DAYS_MAX: i64 = 90;

/// The most email domains a desk restricts sign-up to.
pub const SIGNUP_DOMAINS_MAX: usize = 50;

/// How customers get an account at a desk (DOMAIN.md "Setting up a desk").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignupMode {
    /// Only staff create customers (and register them with a phone ticket).
    #[default]
    Staff,
    /// Customers arrive through the host's single sign-on only.
    Sso,
    /// Anyone signs up with an email address they can read.
    Open,
    /// Anyone whose email is at one of the desk's `signup_domains`.
    Domains,
}

impl SignupMode {
    pub const ALL: [SignupMode; 4] = [SignupMode::Staff, SignupMode::Sso, SignupMode::Open, SignupMode::Domains];

    /// The stored and wire name.
    pub fn code(self) -> &'static str {
        match self {
            SignupMode::Staff => "staff",
            SignupMode::Sso => "sso",
            SignupMode::Open => "open",
            SignupMode::Domains => "domains",
        }
    }

    pub fn from_code(code: &str) -> Option<SignupMode> {
        SignupMode::ALL.into_iter().find(|m| m.code() == code)
    }

    /// Whether a customer with `email` may sign up at a desk in this mode with `domains`.
    pub fn admits(self, email: &str, domains: &[String]) -> bool {
        match self {
            SignupMode::Staff | SignupMode::Sso => false,
            SignupMode::Open => true,
            SignupMode::Domains => email
                .rsplit_once('@')
                .is_some_and(|(_, domain)| domains.iter().any(|d| d.eq_ignore_ascii_case(domain.trim()))),
        }
    }
}

/// A domain a desk may restrict sign-up to: lowercase labels of `a-z`, `0-9` and inner `-`,
/// at least two of them (`example.com`).
pub fn is_domain(value: &str) -> bool {
    let labels: Vec<&str> = value.split('.').collect();
    value.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
}

/// A desk's settings as the admin console shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskSettings {
    pub name: String,
    /// The name login uses for the desk (`baton-server tenant create --slug`); not editable here.
    pub slug: String,
    /// Days a solved ticket waits for the customer before it closes; 0: never.
    pub auto_close_days: i64,
    /// How customers join.
    #[serde(default)]
    pub signup_mode: SignupMode,
    /// With [`SignupMode::Domains`]: the email domains that may sign up (lowercase).
    #[serde(default)]
    pub signup_domains: Vec<String>,
    // Session 10 (reports): the desk's time zone.
    /// The IANA name of the zone the desk's reports count days in (`Asia/Shanghai`); `UTC` for
    /// desks that never chose one.
    #[serde(default = "utc")]
    pub time_zone: String,
    /// What the pages' header shows in the logo's place (empty: the product's name).
    #[serde(default)]
    pub logo_text: String,
    /// The language of the desk's people until they choose one (one of [`DESK_LANGUAGES`]): the
    /// mail they get and, signed in, the pages.
    #[serde(default = "english")]
    pub language: String,
}

fn utc() -> String {
    "UTC".to_owned()
}

/// The longest time-zone name accepted (the IANA names are far shorter).
pub const TIME_ZONE_MAX: usize = 64;

/// The languages a desk may speak by default: the SPA's and the mail templates' locales.
pub const DESK_LANGUAGES: [&str; 2] = ["zh-CN", "en"];

/// The longest header text (the logo's place) in characters.
pub const LOGO_TEXT_MAX: usize = 40;

fn english() -> String {
    "en".to_owned()
}

/// `PATCH /api/v1/admin/settings`: absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeskSettingsPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_close_days: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signup_mode: Option<SignupMode>,
    /// Replaces the list (trimmed and lowercased by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signup_domains: Option<Vec<String>>,
    // Session 10 (reports): the desk's time zone (an IANA name; the server checks it exists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Trimmed; empty clears it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl DeskSettingsPatch {
    /// What is wrong with the patch, field by field (empty: nothing).
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Some(name) = &self.name {
            let name = name.trim();
            if name.is_empty() {
                errors.push(FieldError::new("name", field_code::REQUIRED));
            } else if name.chars().count() > DESK_NAME_MAX {
                errors.push(FieldError::new("name", field_code::TOO_LONG));
            }
        }
        if self.auto_close_days.is_some_and(|days| !(0..=AUTO_CLOSE_DAYS_MAX).contains(&days)) {
            errors.push(FieldError::new("auto_close_days", field_code::INVALID_VALUE));
        }
        if let Some(domains) = &self.signup_domains {
            let bad = domains.iter().any(|d| !is_domain(&d.trim().to_ascii_lowercase()));
            if bad || domains.len() > SIGNUP_DOMAINS_MAX {
                errors.push(FieldError::new("signup_domains", field_code::INVALID_VALUE));
            }
        }
        // Only the shape here (the SPA has no zone table); the server checks the name is a zone.
        if let Some(zone) = &self.time_zone {
            if zone.trim().is_empty() {
                errors.push(FieldError::new("time_zone", field_code::REQUIRED));
            } else if zone.len() > TIME_ZONE_MAX {
                errors.push(FieldError::new("time_zone", field_code::INVALID_VALUE));
            }
        }
        if self.logo_text.as_deref().is_some_and(|t| t.trim().chars().count() > LOGO_TEXT_MAX) {
            errors.push(FieldError::new("logo_text", field_code::TOO_LONG));
        }
        if self.language.as_deref().is_some_and(|l| !DESK_LANGUAGES.contains(&l)) {
            errors.push(FieldError::new("language", field_code::INVALID_VALUE));
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patches_are_checked_field_by_field() {
        let long = "x".repeat(DESK_NAME_MAX + 1);
        let cases: Vec<(DeskSettingsPatch, Vec<(&str, &str)>)> = vec![
            (DeskSettingsPatch::default(), vec![]),
            (DeskSettingsPatch { name: Some(" Acme ".into()), auto_close_days: Some(0), ..Default::default() }, vec![]),
            (DeskSettingsPatch { auto_close_days: Some(AUTO_CLOSE_DAYS_MAX), ..Default::default() }, vec![]),
            (DeskSettingsPatch { name: Some("  ".into()), ..Default::default() }, vec![("name", field_code::REQUIRED)]),
            (DeskSettingsPatch { name: Some(long), auto_close_days: Some(-1), ..Default::default() }, vec![("name", field_code::TOO_LONG), ("auto_close_days", field_code::INVALID_VALUE)]),
            (DeskSettingsPatch { auto_close_days: Some(AUTO_CLOSE_DAYS_MAX + 1), ..Default::default() }, vec![("auto_close_days", field_code::INVALID_VALUE)]),
            (DeskSettingsPatch { signup_domains: Some(vec![" Example.COM ".into(), "mail.example.cn".into()]), ..Default::default() }, vec![]),
            (DeskSettingsPatch { signup_domains: Some(vec!["localhost".into()]), ..Default::default() }, vec![("signup_domains", field_code::INVALID_VALUE)]),
            (DeskSettingsPatch { signup_domains: Some(vec!["a..b".into()]), ..Default::default() }, vec![("signup_domains", field_code::INVALID_VALUE)]),
            (DeskSettingsPatch { signup_domains: Some(vec!["x.com".into(); SIGNUP_DOMAINS_MAX + 1]), ..Default::default() }, vec![("signup_domains", field_code::INVALID_VALUE)]),
            (DeskSettingsPatch { time_zone: Some("Asia/Shanghai".into()), ..Default::default() }, vec![]),
            (DeskSettingsPatch { logo_text: Some(" Acme 客服 ".into()), language: Some("zh-CN".into()), ..Default::default() }, vec![]),
            (DeskSettingsPatch { logo_text: Some("客".repeat(LOGO_TEXT_MAX + 1)), language: Some("fr".into()), ..Default::default() }, vec![("logo_text", field_code::TOO_LONG), ("language", field_code::INVALID_VALUE)]),
            (DeskSettingsPatch { time_zone: Some(" ".into()), ..Default::default() }, vec![("time_zone", field_code::REQUIRED)]),
            (DeskSettingsPatch { time_zone: Some("x".repeat(TIME_ZONE_MAX + 1)), ..Default::default() }, vec![("time_zone", field_code::INVALID_VALUE)]),
        ];
        for (patch, want) in cases {
            let got: Vec<(String, String)> = patch.check().into_iter().map(|e| (e.field, e.code)).collect();
            let want: Vec<(String, String)> = want.into_iter().map(|(f, c)| (f.into(), c.into())).collect();
            assert_eq!(got, want, "{patch:?}");
        }
    }

    #[test]
    fn who_may_sign_up() {
        let domains = vec!["acme.test".to_owned(), "acme.cn".to_owned()];
        // (mode, email, admitted)
        let cases = [
            (SignupMode::Staff, "ann@acme.test", false),
            (SignupMode::Sso, "ann@acme.test", false),
            (SignupMode::Open, "ann@elsewhere.org", true),
            (SignupMode::Domains, "ann@acme.test", true),
            (SignupMode::Domains, "ann@ACME.CN", true),
            (SignupMode::Domains, "ann@sub.acme.test", false),
            (SignupMode::Domains, "ann@acme.test.evil.org", false),
            (SignupMode::Domains, "acme.test@evil.org", false),
        ];
        for (mode, email, admitted) in cases {
            assert_eq!(mode.admits(email, &domains), admitted, "{mode:?} {email}");
        }
        for mode in SignupMode::ALL {
            assert_eq!(SignupMode::from_code(mode.code()), Some(mode));
        }
    }
}
