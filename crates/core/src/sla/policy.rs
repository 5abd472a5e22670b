//! The SLA's wire types (serde only, always built): business calendars as admins edit them
//! (times and dates as text, checked by the server with [`super::calendar`]), policies, and a
//! ticket's timers as staff see them (`Ticket.sla`).

use crate::{Channel, Priority};
use serde::{Deserialize, Serialize};

/// A working window, "HH:MM" to "HH:MM" (00:00 to 24:00).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowSpec {
    pub start: String,
    pub end: String,
}

/// A day off, `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidaySpec {
    pub date: String,
    #[serde(default)]
    pub name: String,
}

/// A day with its own hours (a make-up working day, a short day); no windows: a day off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExceptionSpec {
    pub date: String,
    pub windows: Vec<WindowSpec>,
    #[serde(default)]
    pub name: String,
}

/// A business calendar as `POST /admin/sla/calendars` takes it (and `PUT …/{id}` replaces it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarSpec {
    pub name: String,
    /// An IANA zone, e.g. `Asia/Shanghai`.
    pub time_zone: String,
    /// Each weekday's windows, Monday first.
    pub week: [Vec<WindowSpec>; 7],
    #[serde(default)]
    pub holidays: Vec<HolidaySpec>,
    #[serde(default)]
    pub exceptions: Vec<ExceptionSpec>,
}

/// A stored calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaCalendar {
    pub id: i64,
    #[serde(flatten)]
    pub spec: CalendarSpec,
}

/// Which tickets a policy is for; an empty list does not narrow. All lists must match.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlaConditions {
    #[serde(default)]
    pub customer_ids: Vec<i64>,
    #[serde(default)]
    pub customer_group_ids: Vec<i64>,
    #[serde(default)]
    pub type_ids: Vec<i64>,
    #[serde(default)]
    pub subtype_ids: Vec<i64>,
    #[serde(default)]
    pub priorities: Vec<Priority>,
    #[serde(default)]
    pub channels: Vec<Channel>,
}

/// The targets for tickets of one priority, in minutes (of the policy's calendar, or of the
/// clock without one); absent: no such target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityTargets {
    pub priority: Priority,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_reply: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_reply: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<i64>,
}

/// A policy as `POST /admin/sla/policies` takes it (`PUT …/{id}` replaces it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicySpec {
    pub name: String,
    /// The business calendar its targets count in; `null`: around the clock.
    #[serde(default)]
    pub calendar_id: Option<i64>,
    #[serde(default)]
    pub conditions: SlaConditions,
    /// Per priority; a priority not listed has no targets under this policy.
    pub targets: Vec<PriorityTargets>,
}

/// A stored policy; policies are tried in `position` order, the first that matches applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaPolicy {
    pub id: i64,
    pub position: i64,
    #[serde(flatten)]
    pub spec: PolicySpec,
}

/// `PUT /admin/sla/policies/order`: every policy's id, first match first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyOrder {
    pub ids: Vec<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimerName {
    FirstReply,
    NextReply,
    Resolution,
}

/// One timer of a ticket as staff see it. Times are RFC 3339 UTC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaTimer {
    pub kind: TimerName,
    /// When it is or was due; `null` while the ticket is pending (the timer is paused).
    pub due_at: Option<String>,
    /// When it stopped (the reply or the solve); `null` while it runs.
    pub stopped_at: Option<String>,
    pub breached: bool,
    pub paused: bool,
}

/// A policy by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyRef {
    pub id: i64,
    pub name: String,
}

/// A ticket's SLA as staff see it: the policy that applies and its timers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketSla {
    pub policy: PolicyRef,
    pub timers: Vec<SlaTimer>,
}
