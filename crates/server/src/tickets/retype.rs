//! A new type or sub-type for a ticket (`PATCH` with `type_id` / `subtype_id`), checked as at
//! creation: the type must be the desk's, the sub-type one of that type's, and a type with
//! sub-types needs one. Changing the type alone keeps the sub-type only if the new type has it;
//! a type without sub-types clears it. The custom fields follow in `field_edits` (the new type's
//! set, the old type's values dropped and recorded).

use crate::error::Error;
use crate::storage::tickets::staff::{self as staff_store, Column, Value};
use crate::storage::tickets::TicketRow;
use crate::storage::Tx;
use baton_core::change_field as field;
use baton_core::problem::field_code;
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
