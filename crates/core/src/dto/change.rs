//! What a system entry records besides a status change: one property of a ticket that staff
//! changed, as `{field, from, to}`. The server stores and sends the values, never a sentence; each
//! client words them in its reader's language. Customers never receive these entries (internal
//! triage is not their business): only status changes reach them.

use super::FieldValue;
use serde::{Deserialize, Serialize};

/// One property change. `from`/`to` are `None` when the property had or has no value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemChange {
    /// Which property: one of [`field`]'s names, or `fields.<key>` for a custom field.
    pub field: String,
    #[serde(default)]
    pub from: Option<FieldValue>,
    #[serde(default)]
    pub to: Option<FieldValue>,
}

/// The properties a [`SystemChange`] names, with the shape of their values.
pub mod field {
    /// A `Priority` code (`"high"`).
    pub const PRIORITY: &str = "priority";
    /// The ticket type's id, as a string (look its name up in `GET /ticket-types`).
    pub const TYPE: &str = "type";
    /// The sub-type's id, as a string.
    pub const SUBTYPE: &str = "subtype";
    /// The agent group's name at the time.
    pub const GROUP: &str = "group";
    /// The assignee's name at the time.
    pub const ASSIGNEE: &str = "assignee";
    /// The CC'd staff members' names, a list.
    pub const CC: &str = "cc";
    /// The tags, a list.
    pub const TAGS: &str = "tags";
    /// A boolean: moved to the trash (`true`) or restored (`false`).
    pub const TRASHED: &str = "trashed";
    /// A boolean: suspended (`true`) or unsuspended (`false`).
    pub const SUSPENDED: &str = "suspended";
    /// The status (only in a 412's `changed`; a status change is a `StatusChange`).
    pub const STATUS: &str = "status";
    /// The prefix of a custom field's name: `fields.<key>`, its value as the ticket stores it.
    pub const FIELDS_PREFIX: &str = "fields.";
}

impl SystemChange {
    pub fn new(field: &str, from: Option<FieldValue>, to: Option<FieldValue>) -> SystemChange {
        SystemChange { field: field.to_owned(), from, to }
    }

    /// The custom field's key, when this change is of one.
    pub fn field_key(&self) -> Option<&str> {
        self.field.strip_prefix(field::FIELDS_PREFIX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wire_shape_is_field_from_to() {
        let c = SystemChange::new(field::TAGS, Some(FieldValue::List(vec!["vip".into()])), None);
        let json = serde_json::to_value(&c).expect("json");
        assert_eq!(json, serde_json::json!({"field": "tags", "from": ["vip"], "to": null}));
        let back: SystemChange = serde_json::from_value(json).expect("back");
        assert_eq!(back, c);
        assert_eq!(SystemChange::new("fields.order_no", None, None).field_key(), Some("order_no"));
        assert_eq!(c.field_key(), None);
    }
}
