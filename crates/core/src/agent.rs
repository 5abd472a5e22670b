//! Wire types of the agent workspace beyond views: property edits with versions, bulk actions,
//! agent groups, presence, quick replies, per-user settings and the customer panel.

use crate::dto::{FieldValue, GroupRef, Priority, TicketSummary, UserRef};
use crate::status::{Action, Role};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

pub mod checks;
mod text;

pub use text::{render_quick_reply, Placeholders, DEFAULT_SHORTCUTS, HELP_KEY, SHORTCUT_ACTIONS};

/// The staff-only part of a ticket (`Ticket.staff`); `None` for customers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StaffTicket {
    /// Bumped on every change; the ETag is `"v<version>"`.
    pub version: i64,
    #[serde(default)]
    pub assignee: Option<UserRef>,
    /// The agent group (客服组) handling it.
    #[serde(default)]
    pub group: Option<GroupRef>,
    #[serde(default)]
    pub cc: Vec<UserRef>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Starred by me.
    #[serde(default)]
    pub starred: bool,
    #[serde(default)]
    pub trashed_at: Option<String>,
    #[serde(default)]
    pub suspended_at: Option<String>,
    /// The requester's customer group.
    #[serde(default)]
    pub customer_group: Option<GroupRef>,
    /// The SLA policy that applies and its timers, if one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla: Option<crate::sla::TicketSla>,
    /// Where the ticket stands in its type's workflow, if it is in one (capability `workflows`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow: Option<crate::workflow::TicketWorkflow>,
}

/// Absent → unchanged; `null` → cleared; a value → set. For `group_id` and `assignee_id`.
fn some_option<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// `PATCH /api/v1/tickets/{id}` (with `If-Match: "v<n>"`). Absent fields stay as they are.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TicketPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype_id: Option<i64>,
    #[serde(default, deserialize_with = "some_option", skip_serializing_if = "Option::is_none")]
    pub group_id: Option<Option<i64>>,
    #[serde(default, deserialize_with = "some_option", skip_serializing_if = "Option::is_none")]
    pub assignee_id: Option<Option<i64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cc: Option<Vec<i64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<BTreeMap<String, FieldValue>>,
}

/// What a bulk request does to each ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum BulkOp {
    Assign {
        /// Required (null unassigns): a missing `assignee_id` is refused, never read as null.
        #[serde(deserialize_with = "Option::deserialize")]
        assignee_id: Option<i64>,
        #[serde(default, deserialize_with = "some_option", skip_serializing_if = "Option::is_none")]
        group_id: Option<Option<i64>>,
    },
    Priority {
        priority: Priority,
    },
    Action {
        action: Action,
    },
    Trash,
    Restore,
}

/// `POST /api/v1/tickets/bulk`: 1–100 ticket ids and one operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkRequest {
    pub ids: Vec<i64>,
    pub op: BulkOp,
}

/// The outcome for one ticket: `status` is the HTTP status the single request would have had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkItem {
    pub id: i64,
    pub ok: bool,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkResult {
    pub results: Vec<BulkItem>,
}

/// `GET /api/v1/groups`: an agent group (客服组).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentGroup {
    pub id: i64,
    pub name: String,
    /// Routing hands new tickets to a member (`mode` is not `manual`); otherwise they wait
    /// unassigned.
    pub auto_assign: bool,
    /// How routing hands out the group's new tickets.
    #[serde(default)]
    pub mode: crate::routing::AssignMode,
    pub members: Vec<UserRef>,
}

/// `GET /api/v1/customer-groups`: a customer group (客户组) and whether its members see each
/// other's tickets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerGroupInfo {
    pub id: i64,
    pub name: String,
    pub shares_tickets: bool,
}

/// `GET /api/v1/agents`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentInfo {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// An agent's custom role, if they have one (else the built-in role's permissions apply).
    #[serde(default)]
    pub role_id: Option<i64>,
    pub groups: Vec<GroupRef>,
    /// Available for routing (`PUT /me/availability`); away agents get no new tickets.
    #[serde(default = "crate::dto::yes")]
    pub available: bool,
}

/// `POST /api/v1/tickets/{id}/presence`: a heartbeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresenceBeat {
    #[serde(default)]
    pub typing: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub user: UserRef,
    pub typing: bool,
}

/// Who is on a ticket now; also the data of the SSE `presence` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    pub ticket_id: i64,
    pub viewers: Vec<Viewer>,
}

/// Quick reply visibility: everyone's (admins manage) or mine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyVisibility {
    Public,
    #[default]
    Private,
}

/// A canned response; `body` may hold placeholders (see [`render_quick_reply`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickReply {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub visibility: ReplyVisibility,
    #[serde(default)]
    pub owner: Option<UserRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewQuickReply {
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub visibility: ReplyVisibility,
}

/// `GET/PUT /api/v1/me/settings`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserSettings {
    /// Shortcut action → key, e.g. `"complete": "s"`.
    #[serde(default)]
    pub shortcuts: BTreeMap<String, String>,
}

/// A customer as the agent sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerInfo {
    pub id: i64,
    pub name: String,
    pub email: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub customer_group: Option<GroupRef>,
    /// `customer`, or a staff role when staff asked the ticket (a requester panel's own).
    #[serde(default = "customer_role")]
    pub role: Role,
}

fn customer_role() -> Role {
    Role::Customer
}

/// `POST /api/v1/customers` (phone registration of a new caller).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewCustomer {
    pub name: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_group_id: Option<i64>,
}

/// `GET /api/v1/customers/{id}`: the customer panel beside a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPanel {
    pub customer: CustomerInfo,
    /// Their latest tickets the agent may see, newest first.
    pub tickets: Vec<TicketSummary>,
}
