//! The JSON bodies of the REST contract (spec/openapi.yaml). Field names are snake_case on the
//! wire; timestamps are RFC 3339 strings in UTC, so this crate needs no date library.

use crate::permission::Permission;
use crate::status::{Action, Role, Status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod admin;
mod catalog;
pub mod catalog_admin;
mod change;
mod events;
mod files;
mod reports;
// notifications (issue 13)
mod notifications;
// customers administration (issue 12)
mod customers_admin;
// SLA in reports (issue 14, session 10)
mod reports_sla;
pub use reports_sla::*;

pub use admin::*;
pub use catalog_admin::{
    AdminField, AdminSubtype, AdminTicketType, CatalogOrder, Dictionary, DictionaryOption, DictionarySpec, FieldChange, NewField,
    OptionSpec, SubtypeSpec, TypeSpec,
};
pub use catalog::*;
pub use change::{field as change_field, SystemChange, ThreadEntry};
pub use events::*;
pub use files::*;
pub use reports::*;
pub use notifications::*;
// customers administration (issue 12)
pub use customers_admin::*;

/// `POST /api/v1/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
    /// The desk's slug (`acme`). Optional: an email that exists in one desk only signs in without
    /// it; an email of several desks is answered 422 `tenant_required` until it is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
}

/// `POST /api/v1/password-tokens/{token}`: the new password of the account the link was made for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetPasswordRequest {
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
    /// The user's effective permissions as codes (`tickets.see_all`, …), in the fixed order of
    /// [`Permission::ALL`]; empty for customers. Strings, not [`Permission`]s, so a code a newer
    /// backend adds does not break reading the rest: see [`Me::can`].
    #[serde(default)]
    pub permissions: Vec<String>,
    /// The agent groups (客服组) the user belongs to.
    #[serde(default)]
    pub groups: Vec<GroupMembership>,
    /// Staff: available for routing (`PUT /me/availability`); away, routing skips them.
    #[serde(default = "yes")]
    pub available: bool,
}

/// `true`, for fields that default to it.
pub(crate) fn yes() -> bool {
    true
}

impl Me {
    /// Whether the user holds `p` (the SPA hides what they lack; the server decides).
    pub fn can(&self, p: Permission) -> bool {
        self.permissions.iter().any(|code| code == p.code())
    }
}

/// One of the signed-in user's agent groups (`Me.groups`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMembership {
    pub id: i64,
    pub name: String,
    /// The user manages (组长) this group: they see and reassign its tickets.
    #[serde(default)]
    pub is_manager: bool,
}

/// `GET /api/v1/capabilities`: which optional parts of the contract this backend implements, so
/// a client hides what is missing (a backend with the help center only answers all `false`).
/// Every flag defaults to `false` when absent, and unknown flags are ignored: a feature adds its
/// flag here and older clients and backends keep working.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Capabilities {
    /// The agent workspace: views, groups, quick replies, bulk actions, presence.
    #[serde(default)]
    pub workspace: bool,
    /// Custom roles and their permissions (`/admin/roles`, `Me.permissions`).
    #[serde(default)]
    pub roles: bool,
    /// The admin console: agents, invitations, ticket types and fields, settings.
    #[serde(default)]
    pub admin: bool,
    #[serde(default)]
    pub workflows: bool,
    #[serde(default)]
    pub sla: bool,
    #[serde(default)]
    pub reports: bool,
    #[serde(default)]
    pub notifications: bool,
    /// Signing out of every device at once (`DELETE /sessions`).
    #[serde(default)]
    pub sessions: bool,
    /// The desk's settings (`/admin/settings`: name, days before solved tickets close).
    #[serde(default)]
    pub settings: bool,
    /// `POST /password-resets`: a mailed link sets a forgotten password.
    #[serde(default)]
    pub password_reset: bool,
    /// `/admin/agents`: staff invited by mail, changed and deactivated.
    #[serde(default)]
    pub invitations: bool,
    /// `GET /admin/mail`: the outbox.
    #[serde(default)]
    pub mail: bool,
    /// Routing: assignment modes per group (`/admin/groups`), routing rules
    /// (`/admin/routing/rules`) and agents' availability (`PUT /me/availability`).
    #[serde(default)]
    pub routing: bool,
    /// `POST /signups`: customers create their own account, as the desk's settings allow.
    #[serde(default)]
    pub signup: bool,
    /// The catalog's setup: `/admin/ticket-types` (with sub-types and fields), `/admin/subtypes`,
    /// `/admin/fields`, `/admin/dictionaries`.
    #[serde(default)]
    pub catalog: bool,
    // customers administration (issue 12)
    /// `/admin/customers` (list, edit, deactivate, merge, CSV import) and
    /// `/admin/customer-groups`.
    #[serde(default)]
    pub customers_admin: bool,
    /// Automations (issue 13): event and time rules under `/admin/automations`.
    #[serde(default)]
    pub automations: bool,
    // audit log (issue 12)
    /// `GET /admin/audit`: every change to the desk's setup, who made it and when.
    #[serde(default)]
    pub audit_log: bool,
    /// `PATCH` and `DELETE /kb/categories/{id}`: knowledge-base categories renamed and deleted.
    #[serde(default)]
    pub kb_categories: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantRef {
    pub id: i64,
    pub name: String,
    /// What the header shows in the logo's place (absent: the product's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_text: Option<String>,
    /// The desk's language (`zh-CN` or `en`): the help center's until the user chooses one (when
    /// the browser asks for neither). Absent from backends without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
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

/// `POST /api/v1/tickets`. Validated by [`crate::validate::new_ticket_with`] on both sides.
/// Everything after `contact_phone` is optional on the wire, so older clients keep working;
/// `type_id` and `subtype_id` become required once the tenant has types.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTicket {
    pub title: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype_id: Option<i64>,
    /// An http(s) URL the problem concerns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_url: Option<String>,
    /// Confidential info (机密信息), up to 2000 characters; stored encrypted, never echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidential: Option<String>,
    /// Custom field values by key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldValue>,
    /// Attachments the submitter uploaded beforehand, to link to the ticket.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachment_ids: Vec<i64>,
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
    /// The ticket type's name, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<Text>,
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
    /// The lifecycle events the signed-in user may trigger now (see `status::allowed_actions`);
    /// empty for customers who see the ticket through their group but did not ask it.
    #[serde(default)]
    pub allowed_actions: Vec<Action>,
    #[serde(default, rename = "type")]
    pub ticket_type: Option<TypeRef>,
    #[serde(default)]
    pub subtype: Option<TypeRef>,
    #[serde(default)]
    pub related_url: Option<String>,
    /// Custom field values, in the order the type and sub-type define the fields.
    #[serde(default)]
    pub fields: Vec<FieldEntry>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// Whether confidential info is stored; the value itself is only given by `reveal`.
    #[serde(default)]
    pub confidential_set: bool,
    #[serde(default)]
    pub rating: Option<u8>,
    #[serde(default)]
    pub rating_comment: Option<String>,
    /// Assignee, group, CC, tags, star, flags, version and SLA timers: staff only, `None` for
    /// customers. Built with the feature `staff` only (the server and the console): the help
    /// center never reads it, and its decoder cost the help center's bundle ~1.8 KB brotli.
    #[cfg(feature = "staff")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<crate::agent::StaffTicket>,
    /// When the desk promises its next reply (an SLA reply target running now, RFC 3339 UTC):
    /// the customer's "we will reply by …". Absent when no reply is awaited or no SLA applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_by: Option<String>,
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
    /// Empty for system entries (except those written before they were structured, which carry
    /// an English audit line and neither a status change nor a property change).
    pub body: String,
    /// For system entries: the status change it records, e.g. `open` → `solved`. (A property
    /// change, staff only, is the `change` of a [`ThreadEntry`].)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_change: Option<StatusChange>,
    pub created_at: String,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
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
    /// Attachments the author uploaded beforehand, to link to the message.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachment_ids: Vec<i64>,
    /// Staff of the desk an internal note mentions (notifications, issue 13): each who may see the
    /// ticket is notified. Only on internal notes; an id that is not the desk's staff is a 422.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<i64>,
}

impl Default for NewMessage {
    fn default() -> Self {
        NewMessage { body: String::new(), kind: MessageKind::Public, attachment_ids: Vec::new(), mentions: Vec::new() }
    }
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
