//! Custom field edits by staff (`PATCH /tickets/{id}` with `fields`): the values are merged over
//! the stored ones and the whole set is checked by baton-core exactly as at creation; each value
//! that changes is recorded as a change of `fields.<key>` with both values. Attachment fields are
//! not editable (their files were linked to the ticket at creation).

use crate::error::Error;
use crate::storage::tickets::fields;
use crate::storage::{catalog, Tx};
use baton_core::problem::field_code;
use baton_core::validate;
use baton_core::{change_field, FieldError, FieldKind, FieldValue, SystemChange, TicketType};
use std::collections::BTreeMap;

/// Where the edited ticket stands: its type and sub-type after the edit.
pub(super) struct Target {
    pub tenant_id: i64,
    pub ticket_id: i64,
    pub type_id: Option<i64>,
    pub subtype_id: Option<i64>,
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
    let current: BTreeMap<String, FieldValue> =
        fields::list(tx, at.tenant_id, at.ticket_id).await?.into_iter().map(|e| (e.key, e.value)).collect();
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
