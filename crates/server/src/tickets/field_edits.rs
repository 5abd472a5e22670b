//! Custom field edits by staff (`PATCH /tickets/{id}` with `fields`, or a new type or sub-type):
//! the values are merged over the stored ones and the whole set is checked by baton-core exactly
//! as at creation; each value that changes is recorded as a change of `fields.<key>` with both
//! values. A new type or sub-type drops the stored values its fields do not include (each
//! recorded as `fields.<key>: value → none`) before the check, so the old type's values never
//! make the new one invalid. Attachment fields are not editable (their files were linked to the
//! ticket at creation).

use crate::error::Error;
use crate::storage::tickets::fields;
use crate::storage::{catalog, Tx};
use baton_core::problem::field_code;
use baton_core::validate;
use baton_core::{change_field, FieldError, FieldKind, FieldValue, SystemChange, TicketType};
use std::collections::BTreeMap;

/// Where the edited ticket stands: its type and sub-type after the edit, and whether the edit
/// changed either.
pub(super) struct Target {
    pub tenant_id: i64,
    pub ticket_id: i64,
    pub type_id: Option<i64>,
    pub subtype_id: Option<i64>,
    pub retyped: bool,
}

/// Applies `values` (an empty value clears its field) to the ticket; the changes.
pub(super) async fn apply(
    tx: &mut Tx,
    at: &Target,
    values: &BTreeMap<String, FieldValue>,
    types: &[TicketType],
) -> Result<Vec<SystemChange>, Error> {
    let Some(ty) = at.type_id.and_then(|id| types.iter().find(|t| t.id == id)) else {
        // A ticket without a type has no custom fields: every key is unknown.
        let errors: Vec<FieldError> =
            values.keys().map(|k| FieldError::new(&format!("fields.{k}"), field_code::INVALID_VALUE)).collect();
        return if errors.is_empty() { Ok(Vec::new()) } else { Err(Error::Validation(errors)) };
    };
    let subtype = at.subtype_id.and_then(|id| ty.subtype(id));
    let stored: BTreeMap<String, FieldValue> =
        fields::list(tx, at.tenant_id, at.ticket_id).await?.into_iter().map(|e| (e.key, e.value)).collect();
    // A new type or sub-type keeps only the values its own fields take.
    let (current, dropped): (BTreeMap<_, _>, BTreeMap<_, _>) = stored
        .into_iter()
        .partition(|(key, _)| !at.retyped || ty.fields_for(subtype).any(|d| &d.key == key));
    let mut merged = current.clone();
    for (key, value) in values {
        if value.is_empty() {
            merged.remove(key);
        } else {
            merged.insert(key.clone(), value.clone());
        }
    }
    let mut errors = Vec::new();
    // Attachments are the submitter's uploads, linked at creation; an edit cannot move files
    // between tickets, so their fields are not editable here.
    for def in ty.fields_for(subtype).filter(|d| d.kind == FieldKind::Attachment) {
        if values.get(&def.key).is_some_and(|v| current.get(&def.key) != Some(v)) {
            errors.push(FieldError::new(&format!("fields.{}", def.key), field_code::INVALID_VALUE));
        }
    }
    let complete = subtype.is_some() || ty.subtypes.is_empty();
    validate::fields::check(ty.fields_for(subtype), &merged, complete, &mut errors);
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let ids = catalog::field_ids(tx, at.tenant_id, ty.id, subtype.map(|s| s.id)).await?;
    let mut changes = Vec::new();
    for (key, value) in dropped {
        fields::remove(tx, at.tenant_id, at.ticket_id, &key).await?;
        changes.push(SystemChange::new(&format!("{}{key}", change_field::FIELDS_PREFIX), Some(value), None));
    }
    if at.retyped {
        // What stays may have filled the old type's field of the same key: it moves to the new one.
        for (key, value) in current.iter().filter(|(k, _)| !values.contains_key(*k)) {
            if let Some(field_id) = ids.get(key) {
                fields::remove(tx, at.tenant_id, at.ticket_id, key).await?;
                fields::set(tx, at.tenant_id, at.ticket_id, *field_id, Some(value)).await?;
            }
        }
    }
    for (key, value) in values {
        let before = current.get(key);
        let after = Some(value).filter(|v| !v.is_empty());
        let Some(field_id) = ids.get(key).filter(|_| before != after) else { continue };
        fields::set(tx, at.tenant_id, at.ticket_id, *field_id, after).await?;
        let name = format!("{}{key}", change_field::FIELDS_PREFIX);
        changes.push(SystemChange::new(&name, before.cloned(), after.cloned()));
    }
    Ok(changes)
}
