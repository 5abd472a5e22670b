//! Automations' wire types (issue 13, DOMAIN.md "Automations and time"): a rule has a trigger (a
//! ticket event, or hours since one of its times), the views' conditions, and actions. The checks
//! that need no database are here ([`validate_spec`]); the server checks the ids rules name.

use crate::problem::field_code::{INVALID_VALUE, REQUIRED, TOO_LONG};
use crate::views::check_conditions;
use crate::{Condition, FieldError, Priority, MAX_CONDITIONS};
use serde::{Deserialize, Serialize};

/// The longest rule name, in characters; most actions per rule; the longest note, in characters.
pub const NAME_MAX: usize = 100;
pub const MAX_ACTIONS: usize = 20;
pub const NOTE_MAX: usize = 5_000;
/// The most hours a time rule waits (a year).
pub const HOURS_MAX: i64 = 24 * 366;

/// The ticket event an event rule runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketEvent {
    Created,
    /// Properties or status changed by staff (or the customer's status actions).
    Updated,
    /// A public reply by the customer.
    CustomerReplied,
    /// A public reply by staff.
    AgentReplied,
}

impl TicketEvent {
    pub const ALL: [TicketEvent; 4] =
        [TicketEvent::Created, TicketEvent::Updated, TicketEvent::CustomerReplied, TicketEvent::AgentReplied];

    /// The stored and wire code.
    pub fn code(self) -> &'static str {
        match self {
            TicketEvent::Created => "created",
            TicketEvent::Updated => "updated",
            TicketEvent::CustomerReplied => "customer_replied",
            TicketEvent::AgentReplied => "agent_replied",
        }
    }
}

/// The time a time rule counts hours from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeBasis {
    Created,
    Updated,
    /// Solved (while still solved).
    Solved,
    /// Pending (while still pending).
    Pending,
    /// The SLA's due time (hours after it).
    SlaDue,
}

impl TimeBasis {
    pub const ALL: [TimeBasis; 5] = [TimeBasis::Created, TimeBasis::Updated, TimeBasis::Solved, TimeBasis::Pending, TimeBasis::SlaDue];

    pub fn code(self) -> &'static str {
        match self {
            TimeBasis::Created => "created",
            TimeBasis::Updated => "updated",
            TimeBasis::Solved => "solved",
            TimeBasis::Pending => "pending",
            TimeBasis::SlaDue => "sla_due",
        }
    }
}

/// When a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Trigger {
    /// In the transaction of the change.
    Event { event: TicketEvent },
    /// Once per ticket, `hours` after its `basis` time (the scheduler).
    Time { basis: TimeBasis, hours: i64 },
}

/// Whom a `notify` action tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotifyWho {
    Assignee,
    Group,
    Agent,
}

/// What a rule does, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum RuleAction {
    AssignGroup { group_id: i64 },
    AssignAgent { agent_id: i64 },
    SetPriority { priority: Priority },
    SetType {
        type_id: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        subtype_id: Option<i64>,
    },
    AddTags { tags: Vec<String> },
    RemoveTags { tags: Vec<String> },
    /// An internal note (staff only, never to the customer).
    AddNote { body: String },
    /// An in-app (and, per preference, mail) notice; `agent_id` with `to: agent`.
    Notify {
        to: NotifyWho,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        agent_id: Option<i64>,
    },
    /// A public quick reply of the desk, posted as a public reply to the customer.
    QuickReply { quick_reply_id: i64 },
}

/// `POST /admin/automations`, `PUT /admin/automations/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AutomationSpec {
    pub name: String,
    #[serde(default = "yes")]
    pub active: bool,
    pub trigger: Trigger,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    pub actions: Vec<RuleAction>,
}

fn yes() -> bool {
    true
}

/// A rule as the desk has it; rules run in `position` order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Automation {
    pub id: i64,
    pub position: i64,
    #[serde(flatten)]
    pub spec: AutomationSpec,
}

/// `PUT /admin/automations/order`: every rule's id, first to run first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AutomationOrder {
    pub ids: Vec<i64>,
}

/// Everything wrong with `spec` that needs no database, by field (`actions[<i>].<part>`).
pub fn validate_spec(spec: &AutomationSpec) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let name = spec.name.trim();
    if name.is_empty() {
        errors.push(FieldError::new("name", REQUIRED));
    } else if name.chars().count() > NAME_MAX {
        errors.push(FieldError::new("name", TOO_LONG));
    }
    if let Trigger::Time { hours, .. } = spec.trigger {
        if !(1..=HOURS_MAX).contains(&hours) {
            errors.push(FieldError::new("trigger.hours", INVALID_VALUE));
        }
    }
    if spec.conditions.len() > MAX_CONDITIONS {
        errors.push(FieldError::new("conditions", TOO_LONG));
    }
    check_conditions(&spec.conditions, &mut errors);
    if spec.actions.is_empty() {
        errors.push(FieldError::new("actions", REQUIRED));
    } else if spec.actions.len() > MAX_ACTIONS {
        errors.push(FieldError::new("actions", TOO_LONG));
    }
    for (i, action) in spec.actions.iter().enumerate() {
        let bad = |part: &str, code: &str| FieldError { field: format!("actions[{i}].{part}"), code: code.to_owned() };
        match action {
            RuleAction::AddTags { tags } | RuleAction::RemoveTags { tags } => {
                let ok = |t: &String| !t.trim().is_empty() && t.trim().chars().count() <= 50 && !t.contains(',');
                if tags.is_empty() || tags.len() > 20 || !tags.iter().all(ok) {
                    errors.push(bad("tags", INVALID_VALUE));
                }
            }
            RuleAction::AddNote { body } if body.trim().is_empty() => errors.push(bad("body", REQUIRED)),
            RuleAction::AddNote { body } if body.chars().count() > NOTE_MAX => errors.push(bad("body", TOO_LONG)),
            RuleAction::Notify { to: NotifyWho::Agent, agent_id: None } => errors.push(bad("agent_id", REQUIRED)),
            _ => {}
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(json: serde_json::Value) -> AutomationSpec {
        serde_json::from_value(json).expect("spec")
    }

    #[test]
    fn specs_are_checked_by_field() {
        let cases = [
            (serde_json::json!({"name": "Urgent", "trigger": {"kind": "event", "event": "created"},
                "actions": [{"kind": "set_priority", "priority": "urgent"}]}), vec![]),
            (serde_json::json!({"name": " ", "trigger": {"kind": "time", "basis": "solved", "hours": 0},
                "actions": []}), vec!["name", "trigger.hours", "actions"]),
            (serde_json::json!({"name": "x", "trigger": {"kind": "event", "event": "updated"},
                "conditions": [{"field": "nope", "op": "is", "value": "1"}],
                "actions": [{"kind": "add_note", "body": ""}, {"kind": "notify", "to": "agent"},
                            {"kind": "add_tags", "tags": ["a,b"]}]}),
             vec!["conditions[0].field", "actions[0].body", "actions[1].agent_id", "actions[2].tags"]),
        ];
        for (json, want) in cases {
            let got: Vec<String> = validate_spec(&spec(json.clone())).into_iter().map(|e| e.field).collect();
            assert_eq!(got, want, "{json}");
        }
    }

    #[test]
    fn a_rule_is_active_unless_it_says_not() {
        let s = spec(serde_json::json!({"name": "x", "trigger": {"kind": "event", "event": "created"},
            "actions": [{"kind": "add_tags", "tags": ["a"]}]}));
        assert!(s.active);
        assert!(s.conditions.is_empty());
    }
}
