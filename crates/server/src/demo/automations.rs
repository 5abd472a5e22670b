//! The demo desk's automation rules (issue 13): a reminder on tickets left pending for three days
//! (a time rule), and, switched off as an example to start from, high priority for Acme's
//! tickets (an event rule with a view condition).

use crate::storage::automations::{self as store, AutomationFields};
use crate::storage::{self, Conn};
use crate::automations::trigger_columns;
use baton_core::automation::{NotifyWho, RuleAction, TicketEvent, TimeBasis, Trigger};
use baton_core::{CondValue, Condition, Op, Priority};

/// (name, active, trigger, conditions, actions).
type DemoRule = (&'static str, bool, Trigger, Vec<Condition>, Vec<RuleAction>);

fn rules(acme: i64) -> Vec<DemoRule> {
    vec![
        (
            "待回复 3 天提醒 · Pending for 3 days",
            true,
            Trigger::Time { basis: TimeBasis::Pending, hours: 72 },
            Vec::new(),
            vec![
                RuleAction::Notify { to: NotifyWho::Assignee, agent_id: None },
                RuleAction::AddNote { body: "已等待客户 3 天：跟进或完结。 · Waiting on the customer for 3 days: follow up or solve.".to_owned() },
            ],
        ),
        (
            "Acme 工单优先 · Acme tickets first",
            false,
            Trigger::Event { event: TicketEvent::Created },
            vec![Condition { field: "customer_group".to_owned(), op: Op::Is, value: CondValue::One(acme.to_string()) }],
            vec![RuleAction::SetPriority { priority: Priority::High }],
        ),
    ]
}

pub async fn seed(conn: &mut Conn, tenant_id: i64, acme: i64, created: &str) -> Result<(), storage::Error> {
    for (name, active, trigger, conditions, actions) in rules(acme) {
        let (trigger_kind, time_basis, hours) = trigger_columns(&trigger);
        let conditions = serde_json::to_string(&conditions).unwrap_or_else(|_| "[]".to_owned());
        let actions = serde_json::to_string(&actions).unwrap_or_else(|_| "[]".to_owned());
        let fields = AutomationFields { name, active, trigger_kind, time_basis, hours, conditions: &conditions, actions: &actions };
        store::create(conn, tenant_id, &fields, created).await?;
    }
    Ok(())
}
