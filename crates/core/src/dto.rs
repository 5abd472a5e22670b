//! The JSON bodies of the REST contract (spec/openapi.yaml). Field names are snake_case on the
//! wire; timestamps are RFC 3339 strings in UTC, so this crate needs no date library.

use crate::status::{Action, Role, Status};
use serde::{Deserialize, Serialize};

/// `POST /api/v1/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// `GET /api/v1/me`, and the body of a successful login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub tenant: TenantRef,
    /// The customer group (organization) the user belongs to, if any.
    #[serde(default)]
    pub customer_group: Option<GroupRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantRef {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRef {
    pub id: i64,
    pub name: String,
}

/// A user as shown next to a ticket or message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRef {
    pub id: i64,
    pub name: String,
}

/// Ticket priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    #[default]
    Normal,
    High,
    Urgent,
}

/// How a ticket came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    #[default]
    Web,
    Widget,
    Phone,
    Email,
    Api,
}

/// `POST /api/v1/tickets`. Validated by [`crate::validate::new_ticket`] on both sides.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTicket {
    pub title: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phone: Option<String>,
}

/// One row of a ticket list. Never carries the description or confidential info.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketSummary {
    pub id: i64,
    /// Human number, unique within the tenant.
    pub number: i64,
    pub title: String,
    pub status: Status,
    pub priority: Priority,
    pub requester: UserRef,
    pub created_at: String,
    pub updated_at: String,
}

/// `GET /api/v1/tickets/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub id: i64,
    pub number: i64,
    pub title: String,
    pub description: String,
    pub status: Status,
    pub priority: Priority,
    pub channel: Channel,
    pub requester: UserRef,
    #[serde(default)]
    pub contact_phone: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The lifecycle events the signed-in user may trigger now (see `status::allowed_actions`).
    #[serde(default)]
    pub allowed_actions: Vec<Action>,
}

/// A page of a cursor-paginated list: pass `next_cursor` back as `?cursor=` for the next page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    #[serde(default)]
    pub next_cursor: Option<String>,
}

/// Kind of a thread entry: a public message, an internal note (agents only), or a system entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    Public,
    Internal,
    System,
}

/// One entry of a ticket's thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: i64,
    pub ticket_id: i64,
    pub kind: MessageKind,
    /// `None` for system entries.
    #[serde(default)]
    pub author: Option<UserRef>,
    pub body: String,
    /// For system entries: the status change it records, e.g. `open` → `solved`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_change: Option<StatusChange>,
    pub created_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub from: Status,
    pub to: Status,
}

/// `POST /api/v1/tickets/{id}/messages`. Customers can only post `public`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewMessage {
    pub body: String,
    #[serde(default = "public_kind")]
    pub kind: MessageKind,
}

fn public_kind() -> MessageKind {
    MessageKind::Public
}

/// `POST /api/v1/tickets/{id}/actions`: a lifecycle event. `rating` (1–5) and `comment` go with
/// `rate` only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TicketAction {
    pub action: Action,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}
