//! Routing's wire types (issue 13, DOMAIN.md "Routing"): how an agent group hands out new tickets
//! ([`AssignMode`]), the groups as admins edit them, and the ordered routing rules whose
//! conditions read a new ticket's [`TicketFacts`] the way SLA policies do.

use crate::sla::{PolicyOrder, SlaConditions};
use crate::{Channel, Priority, UserRef};
use serde::{Deserialize, Serialize};

/// How a group hands out the tickets routed to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignMode {
    /// Tickets wait in the group's unassigned view.
    #[default]
    Manual,
    /// Each active, available member in turn.
    RoundRobin,
    /// The active, available member with the fewest new/open/pending tickets; ties: who got one
    /// from routing longest ago.
    LeastLoaded,
}

impl AssignMode {
    pub const ALL: [AssignMode; 3] = [AssignMode::Manual, AssignMode::RoundRobin, AssignMode::LeastLoaded];

    /// The stored and wire code.
    pub fn code(self) -> &'static str {
        match self {
            AssignMode::Manual => "manual",
            AssignMode::RoundRobin => "round_robin",
            AssignMode::LeastLoaded => "least_loaded",
        }
    }

    pub fn from_code(code: &str) -> Option<AssignMode> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// What rules and policies may ask of a ticket.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TicketFacts {
    pub requester_id: i64,
    pub customer_group_id: Option<i64>,
    pub type_id: Option<i64>,
    pub subtype_id: Option<i64>,
    pub priority: Option<Priority>,
    pub channel: Option<Channel>,
}

/// An empty list does not narrow; otherwise the value must be in it.
fn listed<T: PartialEq>(list: &[T], value: Option<T>) -> bool {
    list.is_empty() || value.is_some_and(|v| list.contains(&v))
}

impl SlaConditions {
    /// Whether a ticket with `facts` meets every list.
    pub fn matches(&self, facts: &TicketFacts) -> bool {
        listed(&self.customer_ids, Some(facts.requester_id)) && self.routing().matches(facts)
    }

    /// The lists routing rules have too.
    fn routing(&self) -> RoutingConditions {
        RoutingConditions {
            type_ids: self.type_ids.clone(),
            subtype_ids: self.subtype_ids.clone(),
            priorities: self.priorities.clone(),
            customer_group_ids: self.customer_group_ids.clone(),
            channels: self.channels.clone(),
        }
    }
}

/// Which new tickets a rule is for; an empty list does not narrow. All lists must match.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutingConditions {
    #[serde(default)]
    pub type_ids: Vec<i64>,
    #[serde(default)]
    pub subtype_ids: Vec<i64>,
    #[serde(default)]
    pub priorities: Vec<Priority>,
    #[serde(default)]
    pub customer_group_ids: Vec<i64>,
    #[serde(default)]
    pub channels: Vec<Channel>,
}

impl RoutingConditions {
    pub fn matches(&self, facts: &TicketFacts) -> bool {
        listed(&self.type_ids, facts.type_id)
            && listed(&self.subtype_ids, facts.subtype_id)
            && listed(&self.priorities, facts.priority)
            && listed(&self.customer_group_ids, facts.customer_group_id)
            && listed(&self.channels, facts.channel)
    }
}

/// A rule as `POST /admin/routing/rules` takes it (`PUT …/{id}` replaces it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub name: String,
    #[serde(default)]
    pub conditions: RoutingConditions,
    /// The agent group the ticket goes to.
    pub group_id: i64,
    /// A member of that group who gets it while active and available (else the group's mode).
    #[serde(default)]
    pub agent_id: Option<i64>,
}

/// A stored rule; rules are tried in `position` order, the first that matches routes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingRule {
    pub id: i64,
    pub position: i64,
    #[serde(flatten)]
    pub spec: RuleSpec,
}

/// `PUT /admin/routing/rules/order`: every rule's id, first match first.
pub type RuleOrder = PolicyOrder;

/// `POST /admin/groups`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewGroup {
    pub name: String,
    #[serde(default)]
    pub mode: AssignMode,
    /// Staff of the desk (ids).
    #[serde(default)]
    pub members: Vec<i64>,
    /// Members who manage the group (组长).
    #[serde(default)]
    pub managers: Vec<i64>,
}

/// `PATCH /admin/groups/{id}`: absent fields stay; lists replace.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<AssignMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<i64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managers: Option<Vec<i64>>,
}

/// An agent group as admins see it (`/admin/groups`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminGroup {
    pub id: i64,
    pub name: String,
    pub mode: AssignMode,
    pub members: Vec<UserRef>,
    pub managers: Vec<UserRef>,
}

/// `PUT /me/availability`: whether routing may give me tickets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Availability {
    pub available: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_match_as_a_table() {
        let facts = TicketFacts {
            requester_id: 7,
            customer_group_id: Some(3),
            type_id: Some(1),
            subtype_id: None,
            priority: Some(Priority::High),
            channel: Some(Channel::Web),
        };
        let c = |f: fn(&mut RoutingConditions)| {
            let mut c = RoutingConditions::default();
            f(&mut c);
            c
        };
        let cases: [(RoutingConditions, bool); 8] = [
            (c(|_| {}), true),
            (c(|c| c.type_ids = vec![1, 2]), true),
            (c(|c| c.type_ids = vec![2]), false),
            (c(|c| c.subtype_ids = vec![5]), false),
            (c(|c| c.priorities = vec![Priority::High]), true),
            (c(|c| c.priorities = vec![Priority::Low]), false),
            (c(|c| c.customer_group_ids = vec![3]), true),
            (c(|c| c.channels = vec![Channel::Widget]), false),
        ];
        for (conditions, want) in cases {
            assert_eq!(conditions.matches(&facts), want, "{conditions:?}");
        }
        let sla = SlaConditions { customer_ids: vec![8], ..SlaConditions::default() };
        assert!(!sla.matches(&facts));
        assert!(SlaConditions { customer_ids: vec![7], type_ids: vec![1], ..SlaConditions::default() }.matches(&facts));
    }

    #[test]
    fn modes_read_back_from_their_codes() {
        for mode in AssignMode::ALL {
            assert_eq!(AssignMode::from_code(mode.code()), Some(mode));
            assert_eq!(serde_json::to_value(mode).ok(), Some(serde_json::Value::String(mode.code().into())));
        }
    }
}
