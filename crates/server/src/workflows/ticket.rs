//! A ticket in its type's workflow: where it starts (in its creation's transaction) and what
//! staff see of it (`StaffTicket.workflow`: the step, its due time, the allowed next steps with
//! the handlers of their groups, where a return would go, the history).

use crate::error::Error;
use crate::storage::workflows::{self as store, moves, StepRow};
use crate::storage::tickets::TicketRow;
use crate::storage::{decode_code, Conn};
use baton_core::workflow::{MoveKind, NextStep, PreviousStep, StepRef, WorkflowMove};
use baton_core::{GroupRef, TicketWorkflow, UserRef};

/// The first step of new ticket `row`'s type's workflow, if it has one: where routing sends it
/// (`routing::assign`).
pub async fn first_step(conn: &mut Conn, tenant_id: i64, row: &TicketRow) -> Result<Option<StepRow>, Error> {
    match row.type_id {
        Some(type_id) => Ok(store::first_step(conn, tenant_id, type_id).await?),
        None => Ok(None),
    }
}

/// Puts new ticket `row` (routed already, `assignee_id` its handler) at its workflow's first step
/// and records the start.
pub async fn start(conn: &mut Conn, tenant_id: i64, row: &TicketRow, assignee_id: Option<i64>, now: &str) -> Result<(), Error> {
    let Some(step) = first_step(conn, tenant_id, row).await? else {
        return Ok(());
    };
    moves::set_step(conn, tenant_id, row.id, step.id, now).await?;
    let start = moves::NewMove {
        tenant_id,
        ticket_id: row.id,
        kind: MoveKind::Start.code(),
        from_step: None,
        to_step: (step.id, &step.name),
        from_handler_id: None,
        to_handler_id: assignee_id,
        by_id: None,
        reason: None,
        now,
    };
    moves::insert(conn, &start).await?;
    Ok(())
}

fn keys(json: &str, id: i64) -> Result<Vec<String>, Error> {
    serde_json::from_str(json).map_err(|e| Error::Internal(format!("workflow step {id} does not read back: {e}")))
}

fn user(id: Option<i64>, name: Option<String>) -> Option<UserRef> {
    id.zip(name).map(|(id, name)| UserRef { id, name })
}

/// The step ticket `ticket_id` is at, the steps of its workflow and since when; `None` outside
/// any workflow.
pub async fn position(conn: &mut Conn, tenant_id: i64, ticket_id: i64) -> Result<Option<(StepRow, Vec<StepRow>, String)>, Error> {
    let Some((step_id, at)) = moves::current(conn, tenant_id, ticket_id).await? else {
        return Ok(None);
    };
    let all = store::steps(conn, tenant_id, None).await?;
    let Some(step) = all.iter().find(|s| s.id == step_id).cloned() else {
        return Ok(None);
    };
    let siblings = all.into_iter().filter(|s| s.workflow_id == step.workflow_id).collect();
    Ok(Some((step, siblings, at)))
}

/// The steps `step` may pass on to, in the workflow's order.
pub fn next_of<'a>(step: &StepRow, siblings: &'a [StepRow]) -> Result<Vec<&'a StepRow>, Error> {
    let next = keys(&step.next_steps, step.id)?;
    Ok(siblings.iter().filter(|s| next.contains(&s.key)).collect())
}

/// The custom field keys `step` requires.
pub fn required(step: &StepRow) -> Result<Vec<String>, Error> {
    keys(&step.required_fields, step.id)
}

/// `StaffTicket.workflow` of ticket `ticket_id`.
pub async fn of_ticket(conn: &mut Conn, tenant_id: i64, ticket_id: i64) -> Result<Option<TicketWorkflow>, Error> {
    let Some((step, siblings, at)) = position(conn, tenant_id, ticket_id).await? else {
        return Ok(None);
    };
    let name = store::list(conn, tenant_id, Some(step.workflow_id)).await?.pop().map(|w| w.name).unwrap_or_default();
    let mut next_steps = Vec::new();
    for next in next_of(&step, &siblings)? {
        let handlers = store::handlers(conn, tenant_id, next.group_id).await?;
        next_steps.push(NextStep {
            id: next.id,
            name: next.name.clone(),
            group: GroupRef { id: next.group_id, name: next.group_name.clone() },
            handlers: handlers.into_iter().map(|(id, name)| UserRef { id, name }).collect(),
        });
    }
    let previous = match moves::previous(conn, tenant_id, ticket_id, step.id).await? {
        Some((prev_id, handler, handler_name)) => siblings.iter().find(|s| s.id == prev_id).map(|s| PreviousStep {
            id: s.id,
            name: s.name.clone(),
            handler: user(handler, handler_name),
        }),
        None => None,
    };
    let history = moves::list(conn, tenant_id, ticket_id)
        .await?
        .into_iter()
        .map(|m| {
            Ok(WorkflowMove {
                kind: decode_code::<MoveKind>("kind", &m.kind)?,
                from_step: m.from_step_name,
                to_step: m.to_step_name,
                handler: user(m.to_handler_id, m.to_handler_name),
                by: user(m.by_id, m.by_name),
                reason: m.reason,
                at: m.created_at,
            })
        })
        .collect::<Result<_, Error>>()?;
    let step_due_at = step.sla_minutes.and_then(|m| due(&at, m));
    Ok(Some(TicketWorkflow {
        workflow_id: step.workflow_id,
        name,
        required_fields: required(&step)?,
        step: StepRef { id: step.id, name: step.name },
        step_at: at,
        step_due_at,
        next_steps,
        previous,
        history,
    }))
}

/// `at` plus `minutes`, as a stored timestamp.
fn due(at: &str, minutes: i64) -> Option<String> {
    let at = crate::storage::parse_timestamp(at)?;
    Some(crate::storage::timestamp(at + time::Duration::minutes(minutes)))
}
