//! The audit log's entries as the API sends them (`GET /admin/audit`): who changed what in the
//! desk's setup, and when. `action` is a stable code, `<target kind>.<verb>` (`agent.deactivated`,
//! `sla_policy.updated`), that clients translate; `changes` is a small object
//! `{field: {"old": …, "new": …}}` (either side absent when there was none) and never holds a
//! secret.

use serde::{Deserialize, Serialize};

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who: their id (`None` for a change nobody signed in made) and their name at the time.
    pub actor_id: Option<i64>,
    pub actor_name: String,
    /// What: a stable code such as `agent.invited`.
    pub action: String,
    /// On what: its kind (`agent`, `role`, `sla_policy`, …), id and name at the time.
    pub target_kind: String,
    pub target_id: Option<i64>,
    pub target_label: String,
    /// Field by field, what changed.
    pub changes: serde_json::Value,
}

/// A page of entries, newest first; `next_cursor` fetches the next (older) page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub items: Vec<AuditEntry>,
    pub next_cursor: Option<String>,
}

/// The target kinds the server records (the page's kind filter offers them).
pub const TARGET_KINDS: &[&str] = &[
    "agent",
    "role",
    "agent_group",
    "routing_rule",
    "customer",
    "customer_group",
    "ticket_type",
    "subtype",
    "field",
    "dictionary",
    "workflow",
    "sla_calendar",
    "sla_policy",
    "automation",
    "settings",
    "sso",
];
