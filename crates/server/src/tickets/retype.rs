//! A new type or sub-type for a ticket (`PATCH` with `type_id` / `subtype_id`), checked as at
//! creation: the type must be the desk's, the sub-type one of that type's, and a type with
//! sub-types needs one. Changing the type alone keeps the sub-type only if the new type has it;
//! a type without sub-types clears it. The custom fields follow in `field_edits` (the new type's
//! set, the old type's values dropped and recorded). A new type also moves the ticket between
//! workflows ([`workflow`]).

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::storage::workflows::{self as wf_store, moves};
use crate::storage::tickets::staff::{self as staff_store, Column, Value};
use crate::storage::tickets::TicketRow;
use crate::storage::Tx;
use baton_core::change_field as field;
use baton_core::problem::field_code;
use baton_core::workflow::MoveKind;
use baton_core::{FieldValue, SystemChange, TicketPatch, TicketType};

/// An id as a change names it: a string, as view conditions write ids.
fn id_text(id: Option<i64>) -> Option<FieldValue> {
    id.map(|i| FieldValue::String(i.to_string()))
}

/// Writes the type and sub-type `patch` asks for on ticket `row`; the changes (none when both
/// stay as they are).
pub(super) async fn apply(tx: &mut Tx, tenant_id: i64, row: &TicketRow, patch: &TicketPatch, types: &[TicketType]) -> Result<Vec<SystemChange>, Error> {
    if patch.type_id.is_none() && patch.subtype_id.is_none() {
        return Ok(Vec::new());
    }
    let type_id = patch.type_id.or(row.type_id);
    let Some(ty) = type_id.and_then(|id| types.iter().find(|t| t.id == id)) else {
        let name = if patch.type_id.is_some() { "type_id" } else { "subtype_id" };
        return Err(Error::field(name, field_code::INVALID_VALUE));
    };
    let subtype_id = match patch.subtype_id {
        Some(id) if ty.subtype(id).is_none() => return Err(Error::field("subtype_id", field_code::INVALID_VALUE)),
        Some(id) => Some(id),
        // The type alone changes: the stored sub-type stays only if it is the new type's.
        None => row.subtype_id.filter(|id| ty.subtype(*id).is_some()),
    };
    if subtype_id.is_none() && !ty.subtypes.is_empty() {
        return Err(Error::field("subtype_id", field_code::REQUIRED));
    }
    let mut changes = Vec::new();
    if Some(ty.id) != row.type_id {
        staff_store::set(tx, tenant_id, row.id, Column::TypeId, &Value::Id(Some(ty.id))).await?;
        changes.push(SystemChange::new(field::TYPE, id_text(row.type_id), id_text(Some(ty.id))));
    }
    if subtype_id != row.subtype_id {
        staff_store::set(tx, tenant_id, row.id, Column::SubtypeId, &Value::Id(subtype_id)).await?;
        changes.push(SystemChange::new(field::SUBTYPE, id_text(row.subtype_id), id_text(subtype_id)));
    }
    Ok(changes)
}

/// What a new type does to the ticket's workflow, and the group and assignee the edit then sets.
pub(super) struct Rewired {
    pub changes: Vec<SystemChange>,
    pub group_id: Option<Option<i64>>,
    pub assignee_id: Option<Option<i64>>,
}

/// Ticket `row` retyped to `type_id` by `user`: it leaves the old type's workflow (its moves stay
/// as history) and starts at the first step of the new type's, if it has one, as a new ticket of
/// that type would: handled by the step's group, its assignee kept only when a handler of that
/// group. A group or assignee the edit names itself wins. One staff-only change records it.
pub(super) async fn workflow(tx: &mut Tx, user: &CurrentUser, row: &TicketRow, type_id: i64, patch: &TicketPatch, now: &str) -> Result<Rewired, Error> {
    let tenant = user.tenant_id;
    let mut out = Rewired { changes: Vec::new(), group_id: patch.group_id, assignee_id: patch.assignee_id };
    let current = crate::workflows::ticket::position(tx, tenant, row.id).await?.map(|(step, _, _)| step);
    let first = wf_store::first_step(tx, tenant, type_id).await?;
    if current.is_none() && first.is_none() {
        return Ok(out);
    }
    let name = |s: &wf_store::StepRow| FieldValue::String(s.name.clone());
    out.changes.push(SystemChange::new(field::WORKFLOW_STEP, current.as_ref().map(name), first.as_ref().map(name)));
    let Some(step) = first else {
        moves::leave(tx, tenant, row.id).await?;
        return Ok(out);
    };
    if out.group_id.is_none() {
        out.group_id = Some(Some(step.group_id));
        if out.assignee_id.is_none() {
            let handlers = wf_store::handlers(tx, tenant, step.group_id).await?;
            out.assignee_id = Some(row.assignee_id.filter(|a| handlers.iter().any(|(h, _)| h == a)));
        }
    }
    let handler = out.assignee_id.unwrap_or(row.assignee_id);
    moves::set_step(tx, tenant, row.id, step.id, now).await?;
    let start = moves::NewMove {
        tenant_id: tenant,
        ticket_id: row.id,
        kind: MoveKind::Start.code(),
        from_step: current.as_ref().map(|s| (s.id, s.name.as_str())),
        to_step: (step.id, &step.name),
        from_handler_id: row.assignee_id,
        to_handler_id: handler,
        by_id: Some(user.id),
        reason: None,
        now,
    };
    moves::insert(tx, &start).await?;
    Ok(out)
}
