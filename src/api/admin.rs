//! The admin console's resources (session 7's contract, tools/notes/contract7.md): the desk's
//! staff (`/admin/agents`: list, invite, resend, change, deactivate), their roles
//! (`/admin/roles`, `PUT /admin/agents/{id}/role`) and the mail outbox (`GET /admin/mail`).
//!
// The wire types are baton-core's (`dto::admin`), but for [`AdminAgent`]: core's flattens
// `AgentInfo`, which measured 1,232 B brotli more of the console (BENCHMARKS.md, 2026-12-07).

use super::query::Query;
use super::{Api, ApiError, JsonBody};
use baton_core::roles::{AgentRole, RoleInfo};
use baton_core::{AgentPatch, AgentState, GroupRef, NewAgent, OutboxPage, Role};
use serde::{Deserialize, Serialize};

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

/// Where a mail is (`OutboxMail.status`, the outbox's `?status=`): `queued` (waiting, or retrying
/// after a failure), `sent`, `failed` (gave up). A code it does not know shows as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    pub async fn outbox(&self, status: Option<MailStatus>, cursor: Option<&str>) -> Result<OutboxPage, ApiError> {
        let query = Query::default().some("status", status.map(MailStatus::code)).some("cursor", cursor);
        self.fetch(self.get("/admin/mail").query(query.into_pairs()).build()).await
    }
}

/// `{}`: the body of a POST that carries nothing.
#[derive(Serialize)]
struct Empty {}
