//! The admin console's resources (session 7's contract, tools/notes/contract7.md): the desk's
//! staff (`/admin/agents`: list, invite, resend, change, deactivate), their roles
//! (`/admin/roles`, `PUT /admin/agents/{id}/role`) and the mail outbox (`GET /admin/mail`).
//!
// The wire types live here, not in baton-core, while the server side of the contract is written
// beside this one (branch `mail`); they move to baton-core when both are merged.

use super::query::Query;
use super::{Api, ApiError, JsonBody};
use baton_core::roles::{AgentRole, RoleInfo};
use baton_core::{GroupRef, Role};
use serde::{Deserialize, Serialize};

/// Whether a staff user may sign in: `invited` has not set a password yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgentState {
    Invited,
    Active,
    Deactivated,
}

/// A staff user as `GET /admin/agents` lists them: `GET /agents`' fields (`AgentInfo`) and where
/// they stand. Written out rather than `#[serde(flatten)]`ed: flatten decodes through serde's
/// buffered `Content`, code the console's size budget would pay for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AdminAgent {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// The custom role of an `agent`, if any.
    #[serde(default)]
    pub role_id: Option<i64>,
    #[serde(default)]
    pub groups: Vec<GroupRef>,
    pub state: AgentState,
    #[serde(default)]
    pub invited_at: Option<String>,
    #[serde(default)]
    pub last_seen_at: Option<String>,
}

/// `POST /admin/agents`: the invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewAgent {
    pub email: String,
    pub name: String,
    /// `agent` or `admin`.
    pub role: Role,
    pub role_id: Option<i64>,
    pub group_ids: Vec<i64>,
}

/// `PATCH /admin/agents/{id}`: absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AgentPatch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_ids: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// Where a mail is: `queued` (waiting, or retrying after a failure), `sent`, `failed` (gave up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailStatus {
    Queued,
    Sent,
    Failed,
}

impl MailStatus {
    pub const ALL: [MailStatus; 3] = [MailStatus::Queued, MailStatus::Sent, MailStatus::Failed];

    pub fn code(self) -> &'static str {
        match self {
            MailStatus::Queued => "queued",
            MailStatus::Sent => "sent",
            MailStatus::Failed => "failed",
        }
    }

    pub fn from_code(code: &str) -> Option<MailStatus> {
        MailStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// One mail of the outbox: never its body (bodies hold single-use links).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OutboxMail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    /// `setup`, `invitation`, `password_reset`, … (a newer backend may add kinds).
    pub kind: String,
    pub status: MailStatus,
    #[serde(default)]
    pub attempts: i64,
    #[serde(default)]
    pub last_error: Option<String>,
    pub created_at: String,
    #[serde(default)]
    pub next_attempt_at: Option<String>,
    #[serde(default)]
    pub sent_at: Option<String>,
}

/// One page of `GET /admin/mail`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Outbox {
    /// False: no `--smtp-url`, mail waits in the outbox.
    pub smtp: bool,
    pub items: Vec<OutboxMail>,
    #[serde(default)]
    pub next_cursor: Option<String>,
}

impl Api {
    pub(super) fn patch(&self, path: &str) -> gloo_net::http::RequestBuilder {
        self.auth(gloo_net::http::Request::patch(&self.url(path)))
    }

    /// `GET /admin/agents`: every staff user of the desk, by name.
    pub async fn admin_agents(&self) -> Result<Vec<AdminAgent>, ApiError> {
        self.fetch(self.get("/admin/agents").build()).await
    }

    /// `POST /admin/agents`: invites (201, state `invited`, a mail with a 7-day link).
    pub async fn invite_agent(&self, agent: &NewAgent) -> Result<AdminAgent, ApiError> {
        self.fetch(self.post("/admin/agents").json_body(agent)).await
    }

    /// `POST /admin/agents/{id}/invitation`: a fresh invitation (earlier links stop working).
    pub async fn resend_invitation(&self, id: i64) -> Result<(), ApiError> {
        self.send(self.post(&format!("/admin/agents/{id}/invitation")).json_body(&Empty {})).await.map(drop)
    }

    /// `PATCH /admin/agents/{id}`: name, groups, `active` (deactivate / reactivate).
    pub async fn change_agent(&self, id: i64, patch: &AgentPatch) -> Result<AdminAgent, ApiError> {
        self.fetch(self.patch(&format!("/admin/agents/{id}")).json_body(patch)).await
    }

    /// `PUT /admin/agents/{id}/role` (the answer is re-read with the list).
    pub async fn set_agent_role(&self, id: i64, role: &AgentRole) -> Result<(), ApiError> {
        self.send(self.put(&format!("/admin/agents/{id}/role")).json_body(role)).await.map(drop)
    }

    /// `GET /admin/roles`: the built-ins, then the desk's custom roles.
    pub async fn roles(&self) -> Result<Vec<RoleInfo>, ApiError> {
        self.fetch(self.get("/admin/roles").build()).await
    }

    /// `GET /admin/mail`: one page of the outbox, newest first.
    pub async fn outbox(&self, status: Option<MailStatus>, cursor: Option<&str>) -> Result<Outbox, ApiError> {
        let query = Query::default().some("status", status.map(MailStatus::code)).some("cursor", cursor);
        self.fetch(self.get("/admin/mail").query(query.into_pairs()).build()).await
    }
}

/// `{}`: the body of a POST that carries nothing.
#[derive(Serialize)]
struct Empty {}
