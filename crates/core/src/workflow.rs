//! Workflows' wire types (issue 13, DOMAIN.md "Workflows", 流程流转): the templates admins keep per
//! ticket type (`/admin/workflows`), where a ticket stands in its type's workflow
//! ([`TicketWorkflow`], part of `StaffTicket`), and the two moves the handler makes while the
//! ticket is `open`: pass on ([`PassOn`]) and return to the previous step ([`ReturnStep`]).

use crate::{GroupRef, UserRef};
use serde::{Deserialize, Serialize};

/// The most steps a workflow has, and the longest workflow or step name, in characters.
pub const MAX_STEPS: usize = 20;
pub const NAME_MAX: usize = 100;
/// The longest reason of a return, in characters.
pub const REASON_MAX: usize = 2000;

/// One step as an admin writes it. `key` is the step's identity in its workflow (lowercase ASCII
/// letters, digits and `_`): a step whose key stays across edits keeps its tickets; `next` names
/// the keys of the steps it may be passed on to (none: the last step).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    pub key: String,
    pub name: String,
    /// The agent group whose members handle the ticket at this step.
    pub group_id: i64,
    /// Keys of the custom fields that must be filled before the ticket leaves this step.
    #[serde(default)]
    pub required_fields: Vec<String>,
    /// How long the step should take, in minutes (calendar time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla_minutes: Option<i64>,
    #[serde(default)]
    pub next: Vec<String>,
}

/// `POST /admin/workflows`, `PUT /admin/workflows/{id}`: a workflow for one ticket type, its steps
/// in order (the first is where new tickets of the type start).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkflowSpec {
    pub name: String,
    pub type_id: i64,
    pub steps: Vec<StepSpec>,
}

/// A stored step: its id (what tickets and [`PassOn`] name) and its group's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowStep {
    pub id: i64,
    pub key: String,
    pub name: String,
    pub group: GroupRef,
    #[serde(default)]
    pub required_fields: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla_minutes: Option<i64>,
    #[serde(default)]
    pub next: Vec<String>,
}

/// A stored workflow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workflow {
    pub id: i64,
    pub name: String,
    pub type_id: i64,
    pub steps: Vec<WorkflowStep>,
}

impl Workflow {
    /// The spec that saves this workflow as it is (what the admin page edits).
    pub fn spec(&self) -> WorkflowSpec {
        let steps = self
            .steps
            .iter()
            .map(|s| StepSpec {
                key: s.key.clone(),
                name: s.name.clone(),
                group_id: s.group.id,
                required_fields: s.required_fields.clone(),
                sla_minutes: s.sla_minutes,
                next: s.next.clone(),
            })
            .collect();
        WorkflowSpec { name: self.name.clone(), type_id: self.type_id, steps }
    }
}

/// A step as a ticket names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepRef {
    pub id: i64,
    pub name: String,
}

/// A step the ticket may be passed on to, with its group and the handlers one may pick there
/// (its active members).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStep {
    pub id: i64,
    pub name: String,
    pub group: GroupRef,
    #[serde(default)]
    pub handlers: Vec<UserRef>,
}

/// How a ticket moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// Created at the first step.
    Start,
    Pass,
    Return,
}

impl MoveKind {
    pub fn code(self) -> &'static str {
        match self {
            MoveKind::Start => "start",
            MoveKind::Pass => "pass",
            MoveKind::Return => "return",
        }
    }

    pub fn from_code(code: &str) -> Option<MoveKind> {
        [MoveKind::Start, MoveKind::Pass, MoveKind::Return].into_iter().find(|k| k.code() == code)
    }
}

/// One move of the ticket's history: to which step, to whom, by whom, why (a return's reason).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowMove {
    pub kind: MoveKind,
    #[serde(default)]
    pub from_step: Option<String>,
    pub to_step: String,
    #[serde(default)]
    pub handler: Option<UserRef>,
    #[serde(default)]
    pub by: Option<UserRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub at: String,
}

/// Where a ticket stands in its type's workflow (`StaffTicket.workflow`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketWorkflow {
    pub workflow_id: i64,
    pub name: String,
    pub step: StepRef,
    /// When the ticket reached this step.
    pub step_at: String,
    /// `step_at` plus the step's `sla_minutes`, if it has any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_due_at: Option<String>,
    /// Custom field keys this step needs filled before passing on.
    #[serde(default)]
    pub required_fields: Vec<String>,
    /// Where it may be passed on to (empty at the last step).
    #[serde(default)]
    pub next_steps: Vec<NextStep>,
    /// Where a return would take it, and to whom (`None` at the step it started at).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousStep>,
    /// Oldest first.
    #[serde(default)]
    pub history: Vec<WorkflowMove>,
}

/// The step a return goes back to, and the handler who had the ticket there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousStep {
    pub id: i64,
    pub name: String,
    #[serde(default)]
    pub handler: Option<UserRef>,
}

/// `POST /tickets/{id}/workflow/pass`: to an allowed next step, to a handler of its group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PassOn {
    pub step_id: i64,
    pub assignee_id: i64,
}

/// `POST /tickets/{id}/workflow/return`: back to the previous step, with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnStep {
    pub reason: String,
}

/// Whether `key` may be a step key: 1–50 lowercase ASCII letters, digits or `_`.
pub fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 50 && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_slugs() {
        for (key, ok) in [("intake", true), ("step_2", true), ("", false), ("Intake", false), ("收货", false), ("a-b", false)] {
            assert_eq!(valid_key(key), ok, "{key}");
        }
        assert!(!valid_key(&"a".repeat(51)));
    }

    #[test]
    fn a_workflow_gives_back_its_spec() {
        let step = WorkflowStep {
            id: 7,
            key: "intake".into(),
            name: "客服受理".into(),
            group: GroupRef { id: 3, name: "Support".into() },
            required_fields: vec!["order_no".into()],
            sla_minutes: Some(60),
            next: vec!["approval".into()],
        };
        let wf = Workflow { id: 1, name: "退货".into(), type_id: 2, steps: vec![step] };
        let spec = wf.spec();
        assert_eq!((spec.type_id, spec.steps[0].group_id, spec.steps[0].next.clone()), (2, 3, vec!["approval".to_owned()]));
        let json = serde_json::to_value(&spec).expect("json");
        assert_eq!(serde_json::from_value::<WorkflowSpec>(json).expect("back"), spec);
        assert!(serde_json::from_value::<PassOn>(serde_json::json!({"step_id": 1, "assignee_id": 2, "x": 1})).is_err());
    }
}
