//! Applying the SLA to a ticket: after each change (in the change's transaction) the first
//! matching policy is found, the ticket's history read as timer events, and the timers computed
//! (`baton_core::sla`) and stored with the ticket: its nearest due time and whether a target was
//! breached for lists and views, the timers themselves for the ticket page.

use super::convert::PolicyBody;
use crate::error::Error;
use crate::storage::sla::{self as store, outcomes, tickets as sla_tickets};
use crate::storage::tickets::TicketRow;
use crate::storage::Conn;
use baton_core::sla::{
    evaluate, Calendar, Clock, Event, PolicyRef, SlaTimer, Targets, TicketSla, Timeline, TimerKind, TimerName,
};
use baton_core::Priority;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use time::OffsetDateTime;

fn stored(e: serde_json::Error) -> Error {
    Error::Internal(format!("a stored SLA definition does not read back: {e}"))
}

/// A stored timestamp (`YYYY-MM-DDTHH:MM:SSZ`) as chrono's.
pub fn instant(text: &str) -> Result<DateTime<Utc>, Error> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| Error::Internal(format!("a stored time {text:?} does not parse: {e}")))
}

fn wire_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn from_clock(now: OffsetDateTime) -> DateTime<Utc> {
    DateTime::from_timestamp(now.unix_timestamp(), 0).unwrap_or_default()
}

/// A snake_case code stored in a ticket row as its enum.
fn code<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).ok()
}

/// The first of `policies` whose conditions `row` meets.
fn matching(policies: Vec<store::PolicyRow>, row: &TicketRow) -> Result<Option<(store::PolicyRow, PolicyBody)>, Error> {
    let facts = row.facts();
    for policy in policies {
        let body: PolicyBody = serde_json::from_str(&policy.definition).map_err(stored)?;
        if body.conditions.matches(&facts) {
            return Ok(Some((policy, body)));
        }
    }
    Ok(None)
}

/// The ticket's history as the timers read it.
async fn timeline(conn: &mut Conn, tenant_id: i64, row: &TicketRow) -> Result<Timeline, Error> {
    let mut events = Vec::new();
    for entry in sla_tickets::history(conn, tenant_id, row.id).await? {
        let at = instant(&entry.created_at)?;
        if entry.kind == "public" {
            match entry.author_role.as_deref() {
                Some("customer") => events.push((at, Event::CustomerMessage)),
                Some(_) => events.push((at, Event::AgentReply)),
                None => {}
            }
        }
        let (from, to) = (entry.status_from.as_deref(), entry.status_to.as_deref());
        let event = match (from, to) {
            (_, Some("pending")) => Some(Event::Pending),
            // A close before solving (the customer's) ends the ticket like a solve.
            (_, Some("solved")) | (Some("new" | "open" | "pending"), Some("closed")) => Some(Event::Solved),
            (Some("solved"), Some("open")) => Some(Event::Reopened),
            (Some("pending"), Some(_)) => Some(Event::Resumed),
            _ => None,
        };
        events.extend(event.map(|e| (at, e)));
    }
    Ok(Timeline { created_at: instant(&row.created_at)?, events })
}

/// Recomputes and stores ticket `row`'s SLA as of `now` (call it after the change is written,
/// before the transaction commits).
pub async fn refresh(conn: &mut Conn, tenant_id: i64, row: &TicketRow, now: OffsetDateTime) -> Result<(), Error> {
    let policies = store::policies(conn, tenant_id).await?;
    let Some((policy, body)) = matching(policies, row)? else {
        if sla_tickets::clear_state(conn, tenant_id, row.id).await? {
            outcomes::clear(conn, tenant_id, row.id).await?;
        }
        return Ok(());
    };
    let priority: Option<Priority> = code(&row.priority);
    let targets = body
        .targets
        .iter()
        .find(|t| Some(t.priority) == priority)
        .map(|t| Targets { first_reply: t.first_reply, next_reply: t.next_reply, resolution: t.resolution })
        .unwrap_or_default();
    let calendar = match policy.calendar_id {
        Some(id) => store::calendar(conn, tenant_id, id).await?.map(|c| serde_json::from_str::<Calendar>(&c.definition)).transpose().map_err(stored)?,
        None => None,
    };
    let schedule = calendar.map(|c| c.schedule()).transpose().map_err(|e| Error::Internal(format!("a stored calendar is invalid: {e}")))?;
    let clock = schedule.as_ref().map_or(Clock::Calendar, Clock::Business);
    let history = timeline(conn, tenant_id, row).await?;
    let states = evaluate(clock, &history, &targets, from_clock(now));
    let timers: Vec<SlaTimer> = states
        .iter()
        .map(|s| SlaTimer {
            kind: match s.kind {
                TimerKind::FirstReply => TimerName::FirstReply,
                TimerKind::NextReply => TimerName::NextReply,
                TimerKind::Resolution => TimerName::Resolution,
            },
            due_at: s.due_at.map(wire_time),
            stopped_at: s.stopped_at.map(wire_time),
            breached: s.breached,
            paused: s.paused,
        })
        .collect();
    let due_at = states.iter().filter(|s| s.stopped_at.is_none()).filter_map(|s| s.due_at).min().map(wire_time);
    let sla = TicketSla { policy: PolicyRef { id: policy.id, name: policy.name }, timers };
    let json = serde_json::to_string(&sla).map_err(stored)?;
    // For reports: a target met (stopped in time) or breached (late, stopped or not) has come due.
    let outcome = |kind: TimerKind| {
        states.iter().find(|s| s.kind == kind).and_then(|s| match (s.breached, s.stopped_at) {
            (true, _) => Some("breached"),
            (false, Some(_)) => Some("met"),
            (false, None) => None,
        })
    };
    let state = sla_tickets::NewState {
        policy_id: Some(policy.id),
        due_at: due_at.as_deref(),
        breached: states.iter().any(|s| s.breached),
        timers: Some(&json),
        first_reply: outcome(TimerKind::FirstReply),
        resolution: outcome(TimerKind::Resolution),
    };
    sla_tickets::set_state(conn, tenant_id, row.id, &state).await?;
    record(conn, tenant_id, row.id, policy.id, &states).await
}

// Session 10 (reports): attainment per policy and the list of breaches.
/// Keeps the ticket's targets that came due (`sla_outcomes`) in step with its timers: a target
/// met or breached has a row, one not yet due (or running again, as a reopened ticket's
/// resolution) has none; next-reply rows of earlier cycles stay.
async fn record(conn: &mut Conn, tenant_id: i64, ticket_id: i64, policy_id: i64, states: &[baton_core::sla::TimerState]) -> Result<(), Error> {
    let cycle = states.iter().find(|s| s.kind == TimerKind::NextReply).map(|s| wire_time(s.started_at));
    let rows: Vec<outcomes::Outcome> = states
        .iter()
        .filter_map(|s| {
            let outcome = match (s.breached, s.stopped_at) {
                (true, _) => "breached",
                (false, Some(_)) => "met",
                (false, None) => return None,
            };
            let due_at = s.due_at.or(s.stopped_at)?;
            Some(outcomes::Outcome {
                target: match s.kind {
                    TimerKind::FirstReply => "first_reply",
                    TimerKind::NextReply => "next_reply",
                    TimerKind::Resolution => "resolution",
                },
                started_at: wire_time(s.started_at),
                due_at: wire_time(due_at),
                stopped_at: s.stopped_at.map(wire_time),
                outcome,
            })
        })
        .collect();
    Ok(outcomes::replace(conn, tenant_id, ticket_id, policy_id, cycle.as_deref(), &rows).await?)
}

/// Ticket `id`'s SLA as last computed, for staff.
pub async fn of_ticket(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<Option<TicketSla>, Error> {
    let Some(state) = sla_tickets::state(conn, tenant_id, id).await? else {
        return Ok(None);
    };
    let Some(json) = state.timers.filter(|_| state.policy_id.is_some()) else {
        return Ok(None);
    };
    let mut sla: TicketSla = serde_json::from_str(&json).map_err(stored)?;
    // The policy's name as it is now (it may have been renamed since).
    if let Some(name) = state.policy_name {
        sla.policy.name = name;
    }
    Ok(Some(sla))
}
