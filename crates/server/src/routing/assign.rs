//! Routing a new ticket, in its creation's transaction: a ticket whose type has a workflow goes
//! to the group of the workflow's first step (rules do not apply to it); otherwise the first
//! rule whose conditions it meets names a group (and maybe an agent); no rule, its sub-type's
//! group. The group's mode then picks
//! a member among those active and available, one creation at a time per group (the group row
//! is locked by [`store::take_turn`] until commit).

use crate::error::Error;
use crate::storage::routing::{self as store, rules};
use crate::storage::tickets::{staff, TicketRow};
use crate::storage::Tx;
use baton_core::routing::RoutingConditions;
use baton_core::AssignMode;

/// The group (and agent) of the ticket's workflow's first step, else of the first matching rule,
/// else the sub-type's group.
async fn target(tx: &mut Tx, tenant_id: i64, row: &TicketRow) -> Result<Option<(i64, Option<i64>)>, Error> {
    if let Some(step) = crate::workflows::ticket::first_step(tx, tenant_id, row).await? {
        return Ok(Some((step.group_id, None)));
    }
    let facts = row.facts();
    for rule in rules::list(tx, tenant_id).await? {
        let conditions: RoutingConditions = serde_json::from_str(&rule.conditions)
            .map_err(|e| Error::Internal(format!("routing rule {} does not read back: {e}", rule.id)))?;
        if conditions.matches(&facts) {
            return Ok(Some((rule.group_id, rule.agent_id)));
        }
    }
    match row.subtype_id {
        Some(subtype_id) => Ok(store::subtype_group(tx, tenant_id, subtype_id).await?.map(|g| (g, None))),
        None => Ok(None),
    }
}

/// Hands new ticket `row` to its group and, unless the group is manual (or nobody can take it),
/// to a member; that member, if any.
pub async fn route_new(tx: &mut Tx, tenant_id: i64, row: &TicketRow) -> Result<Option<i64>, Error> {
    let Some((group_id, agent_id)) = target(tx, tenant_id, row).await? else {
        return Ok(None);
    };
    let Some((seq, mode)) = store::take_turn(tx, tenant_id, group_id).await? else {
        return Ok(None);
    };
    staff::set(tx, tenant_id, row.id, staff::Column::GroupId, &staff::Value::Id(Some(group_id))).await?;
    let named = match agent_id {
        Some(agent) if store::can_take(tx, tenant_id, group_id, agent).await? => Some(agent),
        _ => None,
    };
    let assignee = match (named, AssignMode::from_code(&mode)) {
        (Some(agent), _) => Some(agent),
        (None, Some(AssignMode::RoundRobin)) => store::next_member(tx, tenant_id, group_id, false).await?,
        (None, Some(AssignMode::LeastLoaded)) => store::next_member(tx, tenant_id, group_id, true).await?,
        (None, _) => None,
    };
    if let Some(agent) = assignee {
        staff::set(tx, tenant_id, row.id, staff::Column::AssigneeId, &staff::Value::Id(Some(agent))).await?;
        store::mark_routed(tx, tenant_id, group_id, agent, seq).await?;
    }
    Ok(assignee)
}
