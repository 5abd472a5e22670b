//! Ticket types, sub-types and their custom fields (`GET /api/v1/ticket-types`): the tenant's
//! catalog that a submit form is built from and that [`crate::validate::new_ticket_with`] checks
//! a `NewTicket` against.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Tenant-written text in several languages: locale (`en`, `zh-CN`) → string.
///
/// Tenant content is not translated by the SPA's i18n files, so each string carries its own
/// translations and the reader picks one with [`Text::get`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// English and Chinese in one go, the pair every demo and test writes.
    pub fn en_zh(en: &str, zh: &str) -> Self {
        Text([("en".to_owned(), en.to_owned()), ("zh-CN".to_owned(), zh.to_owned())].into())
    }

    /// The text in `locale`, else in English, else in any language there is, else "".
    pub fn get(&self, locale: &str) -> &str {
        self.0
            .get(locale)
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }
}

/// `GET /api/v1/ticket-types` item: a category (工单大类).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketType {
    pub id: i64,
    pub name: Text,
    #[serde(default)]
    pub subtypes: Vec<Subtype>,
    /// Fields every sub-type of this type asks for, shown before the sub-type's own.
    #[serde(default)]
    pub fields: Vec<CustomField>,
}

impl TicketType {
    pub fn subtype(&self, id: i64) -> Option<&Subtype> {
        self.subtypes.iter().find(|s| s.id == id)
    }

    /// The fields a ticket of this type and `subtype` fills: the type's, then the sub-type's.
    pub fn fields_for<'a>(&'a self, subtype: Option<&'a Subtype>) -> impl Iterator<Item = &'a CustomField> {
        self.fields.iter().chain(subtype.into_iter().flat_map(|s| s.fields.iter()))
    }
}

/// A sub-type (工单小类) of a [`TicketType`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subtype {
    pub id: i64,
    pub name: Text,
    /// Extra fields of this sub-type only.
    #[serde(default)]
    pub fields: Vec<CustomField>,
}

/// The input a custom field takes; the value it expects is noted per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// A string of up to 200 characters.
    Text,
    /// A string of up to 5000 characters.
    Textarea,
    /// A finite JSON number.
    Number,
    /// `"YYYY-MM-DD"`.
    Date,
    /// `"YYYY-MM-DDTHH:MM"` (seconds allowed), local time as a browser's datetime-local gives it.
    Datetime,
    /// One option value.
    Select,
    /// A list of option values.
    Multiselect,
    /// One option value, shown as radio buttons.
    Radio,
    /// A single boolean ("I agree…"); when required it must be `true`.
    Checkbox,
    /// A list of attachment ids (as strings) the submitter uploaded.
    Attachment,
}

impl FieldKind {
    pub const ALL: [FieldKind; 10] = [
        FieldKind::Text,
        FieldKind::Textarea,
        FieldKind::Number,
        FieldKind::Date,
        FieldKind::Datetime,
        FieldKind::Select,
        FieldKind::Multiselect,
        FieldKind::Radio,
        FieldKind::Checkbox,
        FieldKind::Attachment,
    ];

    /// The wire name, also the value stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Textarea => "textarea",
            FieldKind::Number => "number",
            FieldKind::Date => "date",
            FieldKind::Datetime => "datetime",
            FieldKind::Select => "select",
            FieldKind::Multiselect => "multiselect",
            FieldKind::Radio => "radio",
            FieldKind::Checkbox => "checkbox",
            FieldKind::Attachment => "attachment",
        }
    }

    pub fn from_code(code: &str) -> Option<FieldKind> {
        FieldKind::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// Whether the field's value is chosen from `options`.
    pub fn has_options(self) -> bool {
        matches!(self, FieldKind::Select | FieldKind::Multiselect | FieldKind::Radio)
    }
}

/// A custom field of a type or sub-type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomField {
    /// Stable key (`a-z0-9_`), the name in `NewTicket.fields` and in errors as `fields.<key>`.
    pub key: String,
    pub label: Text,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    /// For select, multiselect and radio: the allowed values, from a dictionary (字典).
    #[serde(default)]
    pub options: Vec<FieldOption>,
    /// Cascading: the key of the field whose value filters this one's options (one level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
}

impl CustomField {
    /// The options that apply when the parent field (if any) has `parent_value`.
    pub fn options_for<'a>(&'a self, parent_value: Option<&'a str>) -> impl Iterator<Item = &'a FieldOption> {
        let cascading = self.parent.is_some();
        self.options
            .iter()
            .filter(move |o| !cascading || (o.parent_value.is_some() && o.parent_value.as_deref() == parent_value))
    }
}

/// One entry of a dictionary as a field offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldOption {
    pub value: String,
    pub label: Text,
    /// With a cascading field: the parent field's value under which this option applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_value: Option<String>,
}

/// The value of a custom field on the wire: untagged, so plain JSON `"x"`, `42`, `true`, `["a"]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FieldValue {
    String(String),
    Number(f64),
    Bool(bool),
    List(Vec<String>),
}

// JSON has no NaN, and validation refuses non-finite numbers, so equality is reflexive for every
// value that can exist; `Eq` lets the DTOs that carry values keep deriving it.
impl Eq for FieldValue {}

impl FieldValue {
    /// Empty strings, whitespace and empty lists count as "not filled in".
    pub fn is_empty(&self) -> bool {
        match self {
            FieldValue::String(s) => s.trim().is_empty(),
            FieldValue::List(l) => l.is_empty(),
            FieldValue::Number(_) | FieldValue::Bool(_) => false,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            FieldValue::String(s) => Some(s),
            _ => None,
        }
    }
}

/// A ticket's value of one custom field, as `Ticket.fields` lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldEntry {
    pub key: String,
    pub value: FieldValue,
}

/// A ticket's type or sub-type, by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeRef {
    pub id: i64,
    pub name: Text,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_falls_back_to_english_then_any() {
        let both = Text::en_zh("Billing", "账单");
        assert_eq!(both.get("zh-CN"), "账单");
        assert_eq!(both.get("fr"), "Billing");
        let zh_only = Text([("zh-CN".to_owned(), "账单".to_owned())].into());
        assert_eq!(zh_only.get("en"), "账单");
        assert_eq!(Text::default().get("en"), "");
    }

    #[test]
    fn field_values_are_untagged() {
        let cases = [
            (r#""x""#, FieldValue::String("x".into())),
            ("42.5", FieldValue::Number(42.5)),
            ("3", FieldValue::Number(3.0)),
            ("true", FieldValue::Bool(true)),
            (r#"["a","b"]"#, FieldValue::List(vec!["a".into(), "b".into()])),
        ];
        for (json, value) in cases {
            assert_eq!(serde_json::from_str::<FieldValue>(json).ok(), Some(value.clone()), "{json}");
            let back = serde_json::to_string(&value).unwrap_or_default();
            assert_eq!(serde_json::from_str::<FieldValue>(&back).ok(), Some(value), "{back}");
        }
        assert!(serde_json::from_str::<FieldValue>("null").is_err());
        assert!(serde_json::from_str::<FieldValue>("[1]").is_err());
    }

    #[test]
    fn kinds_round_trip() {
        for kind in FieldKind::ALL {
            assert_eq!(FieldKind::from_code(kind.as_str()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }
}
