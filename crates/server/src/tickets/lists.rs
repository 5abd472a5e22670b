//! The list properties of a ticket, CC and tags: replaced as a whole by an edit, and recorded as
//! one change (the names before and after) only when the set really differs.

use crate::error::Error;
use crate::storage::tickets::staff as staff_store;
use crate::storage::Conn;
use baton_core::change_field as field;
use baton_core::problem::field_code;
use baton_core::{FieldValue, SystemChange};

/// A list as a change records it: `None` when empty.
fn listed(items: Vec<String>) -> Option<FieldValue> {
    (!items.is_empty()).then_some(FieldValue::List(items))
}

/// Makes `wanted` (staff ids; 422 `cc` for anyone else) the CC list; the change, if any.
pub(super) async fn cc(tx: &mut Conn, tenant_id: i64, ticket_id: i64, wanted: &[i64]) -> Result<Option<SystemChange>, Error> {
    let mut ids: Vec<i64> = wanted.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut names = Vec::with_capacity(ids.len());
    for user_id in &ids {
        match staff_store::staff_name(tx, tenant_id, *user_id).await? {
            Some(name) => names.push(name),
            None => return Err(Error::field("cc", field_code::INVALID_VALUE)),
        }
    }
    let before = staff_store::cc(tx, tenant_id, ticket_id).await?;
    let mut before_ids: Vec<i64> = before.iter().map(|u| u.id).collect();
    before_ids.sort_unstable();
    if before_ids == ids {
        return Ok(None);
    }
    staff_store::replace_cc(tx, tenant_id, ticket_id, &ids).await?;
    let from = before.into_iter().map(|u| u.name).collect();
    Ok(Some(SystemChange::new(field::CC, listed(from), listed(names))))
}

/// Makes `wanted` (already normalized) the tags; the change, if any.
pub(super) async fn tags(tx: &mut Conn, tenant_id: i64, ticket_id: i64, wanted: &[String]) -> Result<Option<SystemChange>, Error> {
    let mut before = staff_store::tags(tx, tenant_id, ticket_id).await?;
    before.sort();
    let mut after = wanted.to_vec();
    after.sort();
    if before == after {
        return Ok(None);
    }
    staff_store::replace_tags(tx, tenant_id, ticket_id, &after).await?;
    Ok(Some(SystemChange::new(field::TAGS, listed(before), listed(after))))
}
