//! Property edits by staff (`PATCH /tickets/{id}`): priority, type, group, assignee, CC, tags and
//! custom field values (`field_edits`), made on the version the agent saw (`If-Match`), each
//! change audited as a structured system entry (`audit`), the whole edit one transaction with one
//! staff-only `ticket.updated` event. An edit may hand the ticket to a group the agent does not
//! see: it is answered as it now is, and the agent may undo it while nothing changed since.

use super::audit::{back_in_share, check_version, editable, finish};
use super::field_edits::{self, Target};
use super::{detail, lists, retype, staff_only};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::tickets::staff::{self as staff_store, Column, Value};
use crate::storage::tickets as ticket_store;
use crate::storage::tickets::TicketRow;
use crate::storage::{self, catalog, encode_code, Conn, TicketScope};
use baton_core::change_field as field;
use baton_core::problem::field_code;
use baton_core::{FieldError, FieldValue, Permission, Permissions, SystemChange, Ticket, TicketPatch};

/// Most tags a ticket may carry, and the longest tag in characters.
const MAX_TAGS: usize = 20;
const TAG_MAX_CHARS: usize = 50;

/// The name of the group or agent `id` points at (`None` when the edit clears it), found by
/// `lookup`; an id the tenant does not have is a 422 on `field`.
async fn name_of(
    id: Option<i64>,
    field: &str,
    lookup: impl AsyncFnOnce(i64) -> Result<Option<String>, storage::Error>,
) -> Result<Option<String>, Error> {
    let Some(id) = id else {
        return Ok(None);
    };
    let name = lookup(id).await?;
    name.map(Some).ok_or_else(|| Error::field(field, field_code::INVALID_VALUE))
}

/// Applies `patch` to ticket `id` if it is still at version `expected`. (Bulk edits, which name
/// no version, go through [`apply`].)
pub async fn patch(
    app: &Services,
    user: &CurrentUser,
    id: i64,
    expected: i64,
    patch: TicketPatch,
) -> Result<Ticket, Error> {
    apply(app, user, id, Some(expected), patch).await
}

/// [`patch`] without requiring a version: bulk edits name none (`expected` = `None` applies to
/// whatever version is stored). A patch that changes nothing writes nothing and keeps the version.
pub(super) async fn apply(
    app: &Services,
    user: &CurrentUser,
    id: i64,
    expected: Option<i64>,
    patch: TicketPatch,
) -> Result<Ticket, Error> {
    staff_only(user)?;
    // The catalog is read before the write transaction (it takes a connection of its own).
    let types = if patch.fields.is_some() || patch.type_id.is_some() || patch.subtype_id.is_some() {
        catalog::load(&app.db, user.tenant_id).await?
    } else {
        Vec::new()
    };
    let tags = patch.tags.as_deref().map(normalize_tags).transpose()?;
    let mut tx = app.db.begin_write().await?;
    let (row, undoing) = editable(&mut tx, user, id, expected).await?;
    check_version(&mut tx, user, &row, expected).await?;
    let tenant = user.tenant_id;
    let mut changes: Vec<SystemChange> = Vec::new();
    if let Some(priority) = patch.priority {
        let to = encode_code(&priority);
        if to != row.priority {
            staff_store::set(&mut tx, tenant, id, Column::Priority, &Value::Text(Some(to.clone()))).await?;
            changes.push(SystemChange::new(field::PRIORITY, text(Some(row.priority.clone())), text(Some(to))));
        }
    }
    changes.extend(retype::apply(&mut tx, tenant, &row, &patch, &types).await?);
    let (mut group_id, mut assignee_id) = (patch.group_id, patch.assignee_id);
    if let Some(type_id) = patch.type_id.filter(|_| changes.iter().any(|c| c.field == field::TYPE)) {
        let rewired = retype::workflow(&mut tx, user, &row, type_id, &patch, &storage::timestamp(app.clock.now())).await?;
        changes.extend(rewired.changes);
        (group_id, assignee_id) = (rewired.group_id, rewired.assignee_id);
    }
    // Whom this change newly assigns (notified: "assigned to me").
    let assigned = newly_assigned(&row, assignee_id);
    changes.extend(reassign(&mut tx, tenant, &row, group_id, assignee_id).await?);
    if let Some(cc) = &patch.cc {
        changes.extend(lists::cc(&mut tx, tenant, id, cc).await?);
    }
    if let Some(tags) = &tags {
        changes.extend(lists::tags(&mut tx, tenant, id, tags).await?);
    }
    let retyped = changes.iter().any(|c| c.field == field::TYPE || c.field == field::SUBTYPE);
    if patch.fields.is_some() || retyped {
        let stored = ticket_store::get(&mut tx, TicketScope::whole_tenant(tenant), id).await?.ok_or(Error::NotFound)?;
        let at = Target { tenant_id: tenant, ticket_id: id, type_id: stored.type_id, subtype_id: stored.subtype_id, retyped };
        let values = patch.fields.clone().unwrap_or_default();
        changes.extend(field_edits::apply(&mut tx, &at, &values, &types).await?);
    }
    if undoing {
        back_in_share(&mut tx, user, id).await?;
    }
    if changes.is_empty() {
        let ticket = detail::full(&mut tx, user, row).await?;
        tx.commit().await?;
        return Ok(ticket);
    }
    finish(app, tx, user, id, expected, &changes, assigned).await
}

/// The one place a ticket's group and assignee change (PATCH, bulk edits, an agent's
/// deactivation, workflow moves): sets what is given (`Some(None)` clears) and returns the changes
/// to record as system entries, which `audit::finish` writes with the ticket's event.
pub(super) async fn reassign(
    tx: &mut Conn,
    tenant: i64,
    row: &TicketRow,
    group_id: Option<Option<i64>>,
    assignee_id: Option<Option<i64>>,
) -> Result<Vec<SystemChange>, Error> {
    let id = row.id;
    let mut changes = Vec::new();
    if let Some(group_id) = group_id {
        let name = name_of(group_id, "group_id", async |g| staff_store::group_name(tx, tenant, g).await).await?;
        if group_id != row.assignee_group_id {
            staff_store::set(tx, tenant, id, Column::GroupId, &Value::Id(group_id)).await?;
            changes.push(SystemChange::new(field::GROUP, text(row.group_name.clone()), text(name)));
        }
    }
    if let Some(assignee_id) = assignee_id {
        let name = name_of(assignee_id, "assignee_id", async |a| staff_store::staff_name(tx, tenant, a).await).await?;
        if assignee_id != row.assignee_id {
            staff_store::set(tx, tenant, id, Column::AssigneeId, &Value::Id(assignee_id)).await?;
            changes.push(SystemChange::new(field::ASSIGNEE, text(row.assignee_name.clone()), text(name)));
        }
    }
    Ok(changes)
}

/// The agent a reassignment to `assignee_id` newly assigns the ticket to, if any (for the
/// "assigned to me" notification, `notifications::on_assigned` through `audit::finish`).
pub(super) fn newly_assigned(row: &TicketRow, assignee_id: Option<Option<i64>>) -> Option<i64> {
    assignee_id.flatten().filter(|a| Some(*a) != row.assignee_id)
}

/// Hands ticket `id` back to its group (no assignee), recorded like any reassignment by `by`: an
/// agent's deactivation (`agents::change`). `by` acts with every ticket in sight for this, since
/// the agent's tickets may lie outside the groups of whoever deactivates them.
pub async fn unassign(app: &Services, by: &CurrentUser, id: i64) -> Result<Ticket, Error> {
    let acting = CurrentUser { permissions: by.permissions.union(Permissions::of(&[Permission::TicketsSeeAll])), ..*by };
    apply(app, &acting, id, None, TicketPatch { assignee_id: Some(None), ..TicketPatch::default() }).await
}

/// A text value of a change (`None`: none).
fn text(value: Option<String>) -> Option<FieldValue> {
    value.map(FieldValue::String)
}

/// Trimmed, deduplicated tags; each 1–50 characters without commas, at most 20.
fn normalize_tags(tags: &[String]) -> Result<Vec<String>, Error> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim();
        if tag.is_empty() || tag.chars().count() > TAG_MAX_CHARS || tag.contains(',') {
            return Err(Error::Validation(vec![FieldError::new("tags", field_code::INVALID_VALUE)]));
        }
        if !out.iter().any(|t| t == tag) {
            out.push(tag.to_owned());
        }
    }
    if out.len() > MAX_TAGS {
        return Err(Error::field("tags", field_code::INVALID_VALUE));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::normalize_tags;

    #[test]
    fn tags_are_checked() {
        let s = |v: &[&str]| v.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>();
        let cases: [(&[&str], Option<&[&str]>); 5] = [
            (&["vip", " vip ", "refund"], Some(&["vip", "refund"])),
            (&[""], None),
            (&["a,b"], None),
            (&["   "], None),
            (&[], Some(&[])),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_tags(&s(input)).ok(), expected.map(s), "{input:?}");
        }
        let many: Vec<String> = (0..21).map(|i| format!("t{i}")).collect();
        assert!(normalize_tags(&many).is_err());
        assert!(normalize_tags(&["x".repeat(51)]).is_err());
    }
}
