//! The admin console's first resources (issue 12, session 7's contract): staff accounts with
//! their invitations (`/admin/agents`), the mail outbox (`/admin/mail`), and the password reset
//! request (`POST /password-resets`).

use crate::{AgentInfo, Role};
use serde::{Deserialize, Serialize};

/// `POST /password-resets`: the email of the account, and the desk's slug when the client knows
/// it (without it every desk's account with that email gets a mail).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
}

/// `POST /api/v1/signups`: a customer asks for an account at a desk (the desk of slug `tenant`;
/// without it, the only desk of the installation). The answer is the same whether or not the
/// email has an account: a mail tells the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignUpRequest {
    pub email: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
}

/// Where a staff account stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgentState {
    /// Invited; has not set a password yet.
    Invited,
    Active,
    /// Cannot sign in; their sessions ended.
    Deactivated,
}

/// A staff user as the admin console lists them: what `GET /agents` says of them, and where
/// their account stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminAgent {
    /// id, name, email, role (agent, admin or owner), custom role, agent groups.
    #[serde(flatten)]
    pub agent: AgentInfo,
    pub state: AgentState,
    /// When the last invitation went out.
    #[serde(default)]
    pub invited_at: Option<String>,
    /// When they last used a session.
    #[serde(default)]
    pub last_seen_at: Option<String>,
}

/// `POST /admin/agents`: invite someone to the desk's staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAgent {
    pub email: String,
    pub name: String,
    /// agent or admin.
    pub role: Role,
    #[serde(default)]
    pub role_id: Option<i64>,
    #[serde(default)]
    pub group_ids: Vec<i64>,
}

/// `PATCH /admin/agents/{id}`: any of name, agent groups, active.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_ids: Option<Vec<i64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// One mail of the outbox, without its bodies (they hold single-use links).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    /// setup, invitation, password_reset.
    pub kind: String,
    /// queued, sent, failed.
    pub status: String,
    pub attempts: i64,
    #[serde(default)]
    pub last_error: Option<String>,
    pub created_at: String,
    #[serde(default)]
    pub next_attempt_at: Option<String>,
    #[serde(default)]
    pub sent_at: Option<String>,
}

/// `GET /admin/mail`: whether mail leaves this server, and a page of the outbox, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxPage {
    /// `false`: no SMTP server configured; mail waits in the outbox.
    pub smtp: bool,
    pub items: Vec<OutboxMail>,
    #[serde(default)]
    pub next_cursor: Option<String>,
}
