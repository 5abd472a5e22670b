//! The catalog as admins set it up (`/api/v1/admin/ticket-types`, `/admin/fields`,
//! `/admin/dictionaries`, permission `settings.manage`): ticket types (工单大类) and sub-types
//! (工单小类) with bilingual names, order and an `active` switch; custom fields of the ten kinds on
//! a type or one sub-type; dictionaries (字典) whose options select-like fields offer, one level
//! of cascade below a parent field's value.
//!
//! Nothing an existing ticket refers to is ever deleted: types, sub-types, fields and options are
//! switched off (`active: false`), so a submit form stops offering them while old tickets keep
//! their values. A field's key, kind, dictionary and parent are fixed once made, for the same
//! reason — changing them would change what stored values mean.

use super::catalog::{FieldKind, Text};
use crate::problem::field_code;
use crate::FieldError;
use serde::{Deserialize, Serialize};

/// The longest name or label in one language, in characters.
pub const NAME_MAX: usize = 100;
/// The longest help text in one language, in characters.
pub const HELP_MAX: usize = 500;
/// The longest field key.
pub const KEY_MAX: usize = 40;
/// The most options a dictionary holds.
pub const OPTIONS_MAX: usize = 500;
/// The languages tenant-written text may carry.
pub const LOCALES: [&str; 2] = ["en", "zh-CN"];

/// A type as the admin console lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminTicketType {
    pub id: i64,
    pub name: Text,
    pub active: bool,
    /// In their order.
    pub subtypes: Vec<AdminSubtype>,
    /// The fields every sub-type asks for, in their order.
    pub fields: Vec<AdminField>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminSubtype {
    pub id: i64,
    pub name: Text,
    pub active: bool,
    /// The agent group that handles its tickets (routing), if one does.
    #[serde(default)]
    pub group_id: Option<i64>,
    /// This sub-type's own fields, in their order.
    pub fields: Vec<AdminField>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminField {
    pub id: i64,
    pub key: String,
    pub label: Text,
    pub kind: FieldKind,
    pub required: bool,
    #[serde(default)]
    pub help: Option<Text>,
    /// For select, multiselect and radio: where the options come from.
    #[serde(default)]
    pub dictionary_id: Option<i64>,
    /// Cascading: the key of the field whose value filters the options.
    #[serde(default)]
    pub parent: Option<String>,
    pub active: bool,
}

/// `POST /admin/ticket-types` and `PUT /admin/ticket-types/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeSpec {
    pub name: Text,
    #[serde(default = "yes")]
    pub active: bool,
}

/// `POST /admin/ticket-types/{id}/subtypes` and `PUT /admin/subtypes/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubtypeSpec {
    pub name: Text,
    #[serde(default = "yes")]
    pub active: bool,
    #[serde(default)]
    pub group_id: Option<i64>,
}

/// `POST /admin/ticket-types/{id}/fields`: a new field of the type, or of one of its sub-types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewField {
    #[serde(default)]
    pub subtype_id: Option<i64>,
    pub key: String,
    pub label: Text,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub help: Option<Text>,
    #[serde(default)]
    pub dictionary_id: Option<i64>,
    #[serde(default)]
    pub parent: Option<String>,
}

/// `PUT /admin/fields/{id}`: what may change on a field once tickets may hold its values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldChange {
    pub label: Text,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub help: Option<Text>,
    #[serde(default = "yes")]
    pub active: bool,
}

/// A dictionary (字典) as the admin console lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dictionary {
    pub id: i64,
    pub name: String,
    /// Active options first in their order, then the switched-off ones (kept for old tickets).
    pub options: Vec<DictionaryOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DictionaryOption {
    pub value: String,
    pub label: Text,
    #[serde(default)]
    pub parent_value: Option<String>,
    pub active: bool,
}

/// `POST /admin/dictionaries` and `PUT /admin/dictionaries/{id}`: the options, in order. An
/// option left out of a `PUT` is switched off, not deleted; listed again, it is back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DictionarySpec {
    pub name: String,
    pub options: Vec<OptionSpec>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionSpec {
    pub value: String,
    pub label: Text,
    #[serde(default)]
    pub parent_value: Option<String>,
}

/// `PUT /admin/ticket-types/order`, `/admin/ticket-types/{id}/subtypes/order`, `/admin/fields/order`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogOrder {
    pub ids: Vec<i64>,
}

fn yes() -> bool {
    true
}

/// Tenant-written text: at least one language filled, only known languages, each at most `max`
/// characters (trimmed). `required`: an empty text is refused.
pub fn check_text(field: &str, text: &Text, max: usize, errors: &mut Vec<FieldError>) {
    if text.0.keys().any(|k| !LOCALES.contains(&k.as_str())) {
        errors.push(FieldError::new(field, field_code::INVALID_VALUE));
    } else if text.0.values().all(|v| v.trim().is_empty()) {
        errors.push(FieldError::new(field, field_code::REQUIRED));
    } else if text.0.values().any(|v| v.trim().chars().count() > max) {
        errors.push(FieldError::new(field, field_code::TOO_LONG));
    }
}

/// The text with each language trimmed and empty ones dropped.
pub fn tidy(text: &Text) -> Text {
    Text(
        text.0
            .iter()
            .map(|(k, v)| (k.clone(), v.trim().to_owned()))
            .filter(|(_, v)| !v.is_empty())
            .collect(),
    )
}

/// A field key: 1 to [`KEY_MAX`] of `a-z`, `0-9` and `_`, starting with a letter.
pub fn is_key(key: &str) -> bool {
    key.len() <= KEY_MAX
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl NewField {
    /// What is wrong with the field by itself (whether its dictionary, parent and sub-type exist
    /// is the server's to say).
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !is_key(&self.key) {
            errors.push(FieldError::new("key", field_code::INVALID_VALUE));
        }
        check_text("label", &self.label, NAME_MAX, &mut errors);
        if let Some(help) = &self.help {
            check_text("help", help, HELP_MAX, &mut errors);
        }
        match (self.kind.has_options(), self.dictionary_id) {
            (true, None) => errors.push(FieldError::new("dictionary_id", field_code::REQUIRED)),
            (false, Some(_)) => errors.push(FieldError::new("dictionary_id", field_code::INVALID_VALUE)),
            _ => {}
        }
        if self.parent.is_some() && !self.kind.has_options() {
            errors.push(FieldError::new("parent", field_code::INVALID_VALUE));
        }
        errors
    }
}

impl FieldChange {
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        check_text("label", &self.label, NAME_MAX, &mut errors);
        if let Some(help) = &self.help {
            check_text("help", help, HELP_MAX, &mut errors);
        }
        errors
    }
}

impl DictionarySpec {
    /// The name (1–100 characters), and each option: a value (1–100, unique with its parent
    /// value), a label; errors name `options[i].value` and `options[i].label`.
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.push(FieldError::new("name", field_code::REQUIRED));
        } else if name.chars().count() > NAME_MAX {
            errors.push(FieldError::new("name", field_code::TOO_LONG));
        }
        if self.options.len() > OPTIONS_MAX {
            errors.push(FieldError::new("options", field_code::TOO_LONG));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, o) in self.options.iter().enumerate() {
            let value = o.value.trim();
            let at = format!("options[{i}].value");
            if value.is_empty() {
                errors.push(FieldError::new(&at, field_code::REQUIRED));
            } else if value.chars().count() > NAME_MAX {
                errors.push(FieldError::new(&at, field_code::TOO_LONG));
            } else if !seen.insert((value.to_owned(), o.parent_value.clone())) {
                errors.push(FieldError::new(&at, field_code::INVALID_VALUE));
            }
            check_text(&format!("options[{i}].label"), &o.label, NAME_MAX, &mut errors);
        }
        errors
    }
}

#[cfg(test)]
mod tests;
