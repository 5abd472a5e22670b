//! Workflow moves (issue 13, 流程流转): while a ticket is `open`, whoever may work it (its group,
//! `tickets.see_all`, a manager of the group: the ticket is in their share) passes it on to an
//! allowed next step and a handler of that step's group, or returns it to the previous step with
//! a reason, to the handler who had it there. Each move goes through the one assignment path
//! (`patch::reassign`), and is one transaction with its staff-only system entries (the step
//! change first, then group and assignee) and its `ticket.updated` event.

use super::audit::{finish_noted, Noted};
use super::patch::{newly_assigned, reassign};
use super::{not_flagged, staff_only};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::tickets::{self as ticket_store, fields, TicketRow};
use crate::storage::workflows::{self as store, moves, StepRow};
use crate::storage::{self, Tx};
use crate::workflows::ticket::{next_of, position, required};
use baton_core::change_field as field;
use baton_core::problem::{code, field_code};
use baton_core::workflow::{MoveKind, REASON_MAX};
use baton_core::{FieldError, FieldValue, PassOn, ReturnStep, Status, SystemChange, Ticket};

/// Ticket `id` locked for a move by `user`, with its step and that step's workflow's steps: 404
/// outside their share (customers included), 409 when it is flagged, not `open`, or in no workflow.
async fn movable(tx: &mut Tx, user: &CurrentUser, id: i64) -> Result<(TicketRow, StepRow, Vec<StepRow>), Error> {
    staff_only(user)?;
    let row = ticket_store::get_for_update(tx, user.ticket_scope(), id).await?.ok_or(Error::NotFound)?;
    not_flagged(&row)?;
    if row.status()? != Status::Open {
        return Err(Error::Conflict { code: code::WORKFLOW_NOT_OPEN, detail: "a workflow step moves only while the ticket is open" });
    }
    let Some((step, siblings, _)) = position(tx, user.tenant_id, id).await? else {
        return Err(Error::Conflict { code: code::WORKFLOW_NONE, detail: "the ticket is in no workflow" });
    };
    Ok((row, step, siblings))
}

fn step_change(name: &str, from: &StepRow, to: &StepRow) -> SystemChange {
    SystemChange::new(name, Some(FieldValue::String(from.name.clone())), Some(FieldValue::String(to.name.clone())))
}

/// `POST /tickets/{id}/workflow/pass`. 422 (nothing changes) for a step that is not an allowed
/// next one (`step_id`), a handler who is not an active member of its group (`assignee_id`), and
/// each custom field the current step requires that is empty (`fields.<key>`, `required`).
pub async fn pass(app: &Services, user: &CurrentUser, id: i64, body: &PassOn) -> Result<Ticket, Error> {
    let mut tx = app.db.begin_write().await?;
    let (row, step, siblings) = movable(&mut tx, user, id).await?;
    let tenant = user.tenant_id;
    let mut errors = Vec::new();
    let target = next_of(&step, &siblings)?.into_iter().find(|s| s.id == body.step_id).cloned();
    match &target {
        None => errors.push(FieldError::new("step_id", field_code::INVALID_VALUE)),
        Some(to) => {
            if !store::handlers(&mut tx, tenant, to.group_id).await?.iter().any(|(u, _)| *u == body.assignee_id) {
                errors.push(FieldError::new("assignee_id", field_code::INVALID_VALUE));
            }
        }
    }
    let values = fields::list(&mut tx, tenant, id).await?;
    for key in required(&step)? {
        if !values.iter().any(|v| v.key == key && !v.value.is_empty()) {
            errors.push(FieldError::new(&format!("{}{key}", field::FIELDS_PREFIX), field_code::REQUIRED));
        }
    }
    let Some(to) = target.filter(|_| errors.is_empty()) else {
        return Err(Error::Validation(errors));
    };
    let mut changes = vec![step_change(field::WORKFLOW_STEP, &step, &to)];
    let assigned = newly_assigned(&row, Some(Some(body.assignee_id)));
    changes.extend(reassign(&mut tx, tenant, &row, Some(Some(to.group_id)), Some(Some(body.assignee_id))).await?);
    record(&mut tx, user, &row, (&step, &to), Some(body.assignee_id), MoveKind::Pass, None, &app.clock.now()).await?;
    tracing::info!(tenant_id = tenant, ticket_id = id, by = user.id, from = step.id, to = to.id, "workflow passed on");
    finish_noted(app, tx, user, id, None, &changes, Noted { note: "", assigned }).await
}

/// `POST /tickets/{id}/workflow/return`: back along the latest pass into the current step, to
/// its step and to the handler who passed it on (to the step's group alone when that handler is
/// no longer an active member of it). 409 `workflow_no_previous_step` at the step it started at;
/// 422 on `reason` when it is empty or too long.
pub async fn return_step(app: &Services, user: &CurrentUser, id: i64, body: &ReturnStep) -> Result<Ticket, Error> {
    let reason = body.reason.trim();
    if reason.is_empty() {
        return Err(Error::field("reason", field_code::REQUIRED));
    }
    if reason.chars().count() > REASON_MAX {
        return Err(Error::field("reason", field_code::TOO_LONG));
    }
    let mut tx = app.db.begin_write().await?;
    let (row, step, siblings) = movable(&mut tx, user, id).await?;
    let tenant = user.tenant_id;
    let previous = moves::previous(&mut tx, tenant, id, step.id).await?;
    let Some((back, handler)) = previous.and_then(|(s, h, _)| siblings.iter().find(|x| x.id == s).map(|x| (x.clone(), h))) else {
        return Err(Error::Conflict { code: code::WORKFLOW_NO_PREVIOUS_STEP, detail: "the ticket is at the step it started at" });
    };
    let handlers = store::handlers(&mut tx, tenant, back.group_id).await?;
    let handler = handler.filter(|h| handlers.iter().any(|(u, _)| u == h));
    let mut changes = vec![step_change(field::WORKFLOW_RETURN, &step, &back)];
    let assigned = newly_assigned(&row, Some(handler));
    changes.extend(reassign(&mut tx, tenant, &row, Some(Some(back.group_id)), Some(handler)).await?);
    record(&mut tx, user, &row, (&step, &back), handler, MoveKind::Return, Some(reason), &app.clock.now()).await?;
    tracing::info!(tenant_id = tenant, ticket_id = id, by = user.id, from = step.id, to = back.id, "workflow returned");
    finish_noted(app, tx, user, id, None, &changes, Noted { note: reason, assigned }).await
}

/// Puts the ticket at `steps.1` and records the move from `steps.0`.
#[allow(clippy::too_many_arguments)]
async fn record(
    tx: &mut Tx,
    user: &CurrentUser,
    row: &TicketRow,
    steps: (&StepRow, &StepRow),
    handler: Option<i64>,
    kind: MoveKind,
    reason: Option<&str>,
    now: &time::OffsetDateTime,
) -> Result<(), Error> {
    let now = storage::timestamp(*now);
    let (from, to) = steps;
    moves::set_step(tx, user.tenant_id, row.id, to.id, &now).await?;
    let m = moves::NewMove {
        tenant_id: user.tenant_id,
        ticket_id: row.id,
        kind: kind.code(),
        from_step: Some((from.id, &from.name)),
        to_step: (to.id, &to.name),
        from_handler_id: row.assignee_id,
        to_handler_id: handler,
        by_id: Some(user.id),
        reason,
        now: &now,
    };
    moves::insert(tx, &m).await?;
    Ok(())
}
