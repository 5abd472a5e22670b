//! SLA in reports (issue 14, session 10): attainment per policy and target
//! (`GET /reports/sla`) and the list of breaches (`GET /reports/sla/breaches`). A target counts
//! once it came due: met (stopped within its target) or breached (stopped late, or running past
//! due); each answered customer message of a ticket is a next-reply target of its own.

use super::reports::Attainment;
use crate::sla::TimerName;
use serde::{Deserialize, Serialize};

/// One policy's row of `GET /reports/sla`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyAttainment {
    /// `null` for targets set by a policy deleted since.
    pub policy_id: Option<i64>,
    pub name: Option<String>,
    pub first_reply: Attainment,
    pub next_reply: Attainment,
    pub resolution: Attainment,
}

/// One breached target (`GET /reports/sla/breaches`), latest due first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlaBreach {
    /// The breach's own id (the list's order after `due_at`).
    pub id: i64,
    pub ticket_id: i64,
    pub number: i64,
    pub title: String,
    pub policy_id: Option<i64>,
    pub policy_name: Option<String>,
    pub target: TimerName,
    /// When the target was due (RFC 3339 UTC).
    pub due_at: String,
    /// When the timer stopped (late); `null` while it still runs.
    pub stopped_at: Option<String>,
    /// Calendar seconds from the due time to the stop, or to now while it runs.
    pub breached_by_secs: i64,
    pub assignee_name: Option<String>,
    pub group_name: Option<String>,
}
