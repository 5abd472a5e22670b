//! Reports (`/reports/*`, DOMAIN.md "Reports"): the answers of the summary and the workload per
//! agent. Durations are whole seconds of calendar time; rates are ratios from 0 to 1, absent
//! (`null`) when nothing was there to divide by.

use serde::{Deserialize, Serialize};

/// Which moment puts a ticket into a report's period (`by`): its creation or its first solve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportBy {
    #[default]
    Created,
    Solved,
}

/// The buckets of a report's time series (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportInterval {
    #[default]
    Day,
    /// ISO weeks, starting on Monday.
    Week,
    Month,
}

/// Durations in seconds: how many, and their median, 90th percentile (nearest rank) and average
/// (rounded to the nearest second); `null` when there are none.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DurationStats {
    pub count: i64,
    pub median: Option<i64>,
    pub p90: Option<i64>,
    pub average: Option<i64>,
}

/// Customer satisfaction: ratings given, the share of 4 and 5, the average, how many of each
/// rating (index 0 is rating 1), and ratings ÷ tickets solved.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CsatStats {
    pub count: i64,
    pub satisfied_share: Option<f64>,
    pub average: Option<f64>,
    pub distribution: [i64; 5],
    pub response_rate: Option<f64>,
}

/// One bucket of the time series: its first day (`YYYY-MM-DD`), tickets created and tickets first
/// solved in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportPoint {
    pub start: String,
    pub created: i64,
    pub solved: i64,
}

/// `GET /reports/summary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportSummary {
    /// Tickets created in the period.
    pub created: i64,
    /// Tickets first solved in the period (a reopened ticket counts once).
    pub solved: i64,
    /// Of the tickets created in the period, those not solved now (new, open, pending).
    pub backlog: i64,
    /// Of the tickets created in the period, the share solved or later now.
    pub resolution_rate: Option<f64>,
    /// Of the period's tickets (by `by`) ever solved, the share reopened at least once.
    pub reopen_rate: Option<f64>,
    pub first_reply: DurationStats,
    pub first_resolution: DurationStats,
    pub full_resolution: DurationStats,
    pub csat: CsatStats,
    /// SLA attainment of the period's tickets (by `by`): targets met ÷ targets that came due.
    #[serde(default)]
    pub sla: SlaAttainment,
    pub interval: ReportInterval,
    pub series: Vec<ReportPoint>,
    /// The range of the same length just before (session 9); `null` when the period is open at
    /// either end.
    #[serde(default)]
    pub previous: Option<PreviousPeriod>,
}

/// The overview's counts over the range of the same length before the period (`from` inclusive,
/// `to` exclusive: the period's `from`), and the change of each: `(now − before) ÷ before`,
/// `null` when there was nothing before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviousPeriod {
    pub from: String,
    pub to: String,
    pub created: i64,
    pub solved: i64,
    pub backlog: i64,
    pub created_change: Option<f64>,
    pub solved_change: Option<f64>,
    pub backlog_change: Option<f64>,
}

/// How often SLA targets were met: per target, those met (stopped in time) and breached (late,
/// stopped or still running); a target not yet due counts in neither.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct SlaAttainment {
    pub first_reply: Attainment,
    pub resolution: Attainment,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Attainment {
    pub met: i64,
    pub breached: i64,
    /// `met ÷ (met + breached)`; `null` when none came due.
    pub share: Option<f64>,
}

/// One agent's row of `GET /reports/agents`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentWorkload {
    pub agent_id: i64,
    pub name: String,
    /// The period's tickets (by `by`) assigned to the agent now.
    pub assigned: i64,
    /// Tickets first solved in the period while assigned to the agent.
    pub solved: i64,
    /// Tickets assigned to the agent and not solved now (whatever the period).
    pub open_now: i64,
    /// Public replies and internal notes the agent wrote in the period.
    pub public_replies: i64,
    pub internal_notes: i64,
    /// Median first-reply time of the period's tickets the agent replied to first.
    pub first_reply_median: Option<i64>,
    /// Ratings of the period's tickets the agent solved.
    pub csat_count: i64,
    pub csat_satisfied_share: Option<f64>,
    pub csat_average: Option<f64>,
}

/// One agent group's row of `GET /reports/groups` (issue 14, session 9). Tickets count for the
/// group they are in now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupWorkload {
    pub group_id: i64,
    pub name: String,
    /// The period's tickets (by `by`) in the group now.
    pub assigned: i64,
    /// Tickets of the group first solved in the period.
    pub solved: i64,
    /// Tickets of the group not solved now (whatever the period).
    pub open_now: i64,
    /// Public replies by staff and internal notes written in the period on the group's tickets.
    pub public_replies: i64,
    pub internal_notes: i64,
}

/// One rating's comment (`GET /reports/comments`, session 9): the customer's own text, to be shown
/// as text, never as HTML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatingComment {
    pub ticket_id: i64,
    pub number: i64,
    pub rating: i64,
    pub comment: String,
    pub rated_at: String,
}

/// One ticket behind a report's number (`GET /reports/tickets`), with every metric of it; the
/// rows of the CSV export are the same. Never confidential info, never a note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportTicket {
    pub id: i64,
    pub number: i64,
    pub title: String,
    pub status: crate::Status,
    pub priority: crate::Priority,
    pub channel: crate::Channel,
    pub requester_name: String,
    pub type_name: Option<crate::Text>,
    pub group_name: Option<String>,
    pub assignee_name: Option<String>,
    pub created_at: String,
    pub first_reply_at: Option<String>,
    pub first_reply_secs: Option<i64>,
    pub first_solved_at: Option<String>,
    pub first_resolution_secs: Option<i64>,
    pub last_solved_at: Option<String>,
    pub full_resolution_secs: Option<i64>,
    /// How many times it was solved, and reopened.
    pub solves: i64,
    pub reopens: i64,
    pub rating: Option<i64>,
    pub rated_at: Option<String>,
}
