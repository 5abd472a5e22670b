//! Automations (issue 13, DOMAIN.md "Automations and time"): the desk's rules as admins set them
//! ([`admin`], `settings.manage`), event rules run in the transaction of the change that
//! triggers them ([`run`]), and time rules run by the scheduler ([`timed`]). Conditions are the
//! views' (one language, compiled by the views' SQL); the changes are `tickets::by_rule`'s, the
//! ticket edit paths people use.
//!
//! Loop guards: each ticket change runs the desk's active rules for its event once, in order, and
//! the changes rules make trigger no rules at all (neither the same nor another). So a rule fires
//! at most once per change and never retriggers itself; rules still compose, since each sees the
//! ticket as the rules before it left it, and the order alone decides the outcome.

pub mod admin;
pub mod run;
pub mod timed;

use crate::error::Error;
use crate::storage::automations::AutomationRow;
use baton_core::automation::{Automation, AutomationSpec, TicketEvent, TimeBasis, Trigger};

/// The stored columns of a trigger: its kind, and for a time rule the basis and hours.
pub(crate) fn trigger_columns(trigger: &Trigger) -> (&'static str, Option<&'static str>, Option<i64>) {
    match *trigger {
        Trigger::Event { event } => (event.code(), None, None),
        Trigger::Time { basis, hours } => ("time", Some(basis.code()), Some(hours)),
    }
}

fn trigger_of(row: &AutomationRow) -> Option<Trigger> {
    if row.trigger_kind == "time" {
        let basis = TimeBasis::ALL.into_iter().find(|b| Some(b.code()) == row.time_basis.as_deref())?;
        return Some(Trigger::Time { basis, hours: row.hours? });
    }
    let event = TicketEvent::ALL.into_iter().find(|e| e.code() == row.trigger_kind)?;
    Some(Trigger::Event { event })
}

/// A stored rule as the wire has it.
pub(crate) fn to_automation(row: AutomationRow) -> Result<Automation, Error> {
    let bad = |what: &str| Error::Internal(format!("automation {} does not read back: {what}", row.id));
    let trigger = trigger_of(&row).ok_or_else(|| bad("trigger"))?;
    let conditions = serde_json::from_str(&row.conditions).map_err(|e| bad(&e.to_string()))?;
    let actions = serde_json::from_str(&row.actions).map_err(|e| bad(&e.to_string()))?;
    let spec = AutomationSpec { name: row.name, active: row.active, trigger, conditions, actions };
    Ok(Automation { id: row.id, position: row.position, spec })
}
