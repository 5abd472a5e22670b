//! What a system entry records besides a status change: one property of a ticket that staff
//! changed, as `{field, from, to}`. The server stores and sends the values, never a sentence; each
//! client words them in its reader's language. Customers never receive these entries (internal
//! triage is not their business): only status changes reach them.

use super::{FieldValue, Message};
use serde::{Deserialize, Serialize};

/// One entry of a ticket's thread as the API sends it: the [`Message`] and, on the system entry of
/// a property change, its [`SystemChange`] (staff only). The help center reads the same JSON as a
/// plain `Message`, ignoring `change` (it never receives one), so its size-budgeted bundle carries
/// no deserializer for changes: adding the field to `Message` measured +0.9 KB brotli there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadEntry {
    #[serde(flatten)]
    pub message: Message,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<SystemChange>,
}

/// One property change. `from`/`to` are `None` when the property had or has no value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemChange {
    /// Which property: one of [`field`]'s names, or `fields.<key>` for a custom field.
    pub field: String,
    pub from: Option<FieldValue>,
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
    /// Workflows: passed on from one step to another, the steps' names at the time.
    pub const WORKFLOW_STEP: &str = "workflow_step";
    /// Workflows: returned to the previous step, the steps' names; the entry's body is the reason.
    pub const WORKFLOW_RETURN: &str = "workflow_return";
    // customers administration (issue 12)
    /// The requester, after a merge of two customers: their names and emails at the time.
    pub const REQUESTER: &str = "requester";
    /// Automations (issue 13): rule `to` (its name at the time) ran on the ticket; the changes it
    /// made follow as entries of their own, without an author.
    pub const AUTOMATION: &str = "automation";
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
    fn an_entry_is_a_message_with_its_change() {
        let entry = ThreadEntry {
            message: Message {
                id: 9,
                ticket_id: 2,
                kind: crate::MessageKind::System,
                author: None,
                body: String::new(),
                status_change: None,
                created_at: "2026-11-24T23:40:00Z".into(),
                attachments: Vec::new(),
            },
            change: Some(SystemChange::new(field::PRIORITY, None, Some(FieldValue::String("high".into())))),
        };
        let json = serde_json::to_value(&entry).expect("json");
        assert_eq!(json["change"], serde_json::json!({"field": "priority", "from": null, "to": "high"}));
        assert_eq!(json["id"], 9);
        assert_eq!(serde_json::from_value::<ThreadEntry>(json.clone()).expect("entry"), entry);
        // The help center's reading: the same JSON as a Message, the change ignored.
        assert_eq!(serde_json::from_value::<Message>(json).expect("message"), entry.message);
    }

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
