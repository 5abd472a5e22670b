//! A desk's own settings (`GET` and `PATCH /api/v1/admin/settings`, permission
//! `settings.manage`): its name and how many days a solved ticket waits for the customer's
//! confirmation before it closes by itself. The admin console's settings page grows here.

use crate::problem::field_code;
use crate::FieldError;
use serde::{Deserialize, Serialize};

/// The longest desk name, in characters.
pub const DESK_NAME_MAX: usize = 100;

/// The most days a solved ticket may wait before it closes (0: it never closes by itself).
pub const AUTO_CLOSE_DAYS_MAX: i64 = 90;

/// A desk's settings as the admin console shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskSettings {
    pub name: String,
    /// The name login uses for the desk (`baton-server tenant create --slug`); not editable here.
    pub slug: String,
    /// Days a solved ticket waits for the customer before it closes; 0: never.
    pub auto_close_days: i64,
}

/// `PATCH /api/v1/admin/settings`: absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeskSettingsPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_close_days: Option<i64>,
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
            (DeskSettingsPatch { name: Some(" Acme ".into()), auto_close_days: Some(0) }, vec![]),
            (DeskSettingsPatch { name: None, auto_close_days: Some(AUTO_CLOSE_DAYS_MAX) }, vec![]),
            (DeskSettingsPatch { name: Some("  ".into()), auto_close_days: None }, vec![("name", field_code::REQUIRED)]),
            (DeskSettingsPatch { name: Some(long), auto_close_days: Some(-1) }, vec![("name", field_code::TOO_LONG), ("auto_close_days", field_code::INVALID_VALUE)]),
            (DeskSettingsPatch { name: None, auto_close_days: Some(AUTO_CLOSE_DAYS_MAX + 1) }, vec![("auto_close_days", field_code::INVALID_VALUE)]),
        ];
        for (patch, want) in cases {
            let got: Vec<(String, String)> = patch.check().into_iter().map(|e| (e.field, e.code)).collect();
            let want: Vec<(String, String)> = want.into_iter().map(|(f, c)| (f.into(), c.into())).collect();
            assert_eq!(got, want, "{patch:?}");
        }
    }
}
