//! Property edits by staff (`PATCH /tickets/{id}`): priority, type, group, assignee, CC, tags and
//! custom field values (`field_edits`), made on the version the agent saw (`If-Match`), each
//! change audited as a system entry, the whole edit one transaction with one `ticket.updated` event.

use super::field_edits::{self, Target};
use super::{detail, staff_only};
use crate::auth::CurrentUser;
use crate::events::{self, Change};
use crate::error::Error;
use crate::services::Services;
use crate::storage::messages::{self as message_store, NewMessageRow};
use crate::storage::tickets::staff::{self as staff_store, Column, Value};
use crate::storage::tickets::{self as ticket_store, TicketRow};
use crate::storage::{self, catalog, encode_code, Tx};
use baton_core::problem::field_code;
use baton_core::{FieldError, MessageKind, Ticket, TicketPatch};

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
/// whatever version is stored).
pub(super) async fn apply(
    app: &Services,
    user: &CurrentUser,
    id: i64,
    expected: Option<i64>,
    patch: TicketPatch,
) -> Result<Ticket, Error> {
    staff_only(user)?;
    // The catalog is read before the write transaction (it takes a connection of its own).
    let types = match patch.fields {
        Some(_) => catalog::load(&app.db, user.tenant_id).await?,
        None => Vec::new(),
    };
    let tags = patch.tags.as_deref().map(normalize_tags).transpose()?;
    let scope = user.ticket_scope();
    let mut tx = app.db.begin_write().await?;
    let row = ticket_store::get_for_update(&mut tx, scope, id).await?.ok_or(Error::NotFound)?;
    check_version(&row, expected)?;
    let mut notes: Vec<String> = Vec::new();
    if let Some(priority) = patch.priority {
        let to = encode_code(&priority);
        if to != row.priority {
            staff_store::set(&mut tx, user.tenant_id, id, Column::Priority, &Value::Text(Some(to.clone()))).await?;
            notes.push(format!("priority: {} → {to}", row.priority));
        }
    }
    if let Some(type_id) = patch.type_id {
        if !catalog::type_exists(&mut tx, user.tenant_id, type_id).await? {
            return Err(Error::field("type_id", field_code::INVALID_VALUE));
        }
        staff_store::set(&mut tx, user.tenant_id, id, Column::TypeId, &Value::Id(Some(type_id))).await?;
    }
    if let Some(subtype_id) = patch.subtype_id {
        if !catalog::subtype_exists(&mut tx, user.tenant_id, subtype_id).await? {
            return Err(Error::field("subtype_id", field_code::INVALID_VALUE));
        }
        staff_store::set(&mut tx, user.tenant_id, id, Column::SubtypeId, &Value::Id(Some(subtype_id))).await?;
    }
    if let Some(group_id) = patch.group_id {
        let name = name_of(group_id, "group_id", async |g| staff_store::group_name(&mut tx, user.tenant_id, g).await).await?;
        if group_id != row.assignee_group_id {
            staff_store::set(&mut tx, user.tenant_id, id, Column::GroupId, &Value::Id(group_id)).await?;
            notes.push(format!("group: {} → {}", or_dash(&row.group_name), or_dash(&name)));
        }
    }
    if let Some(assignee_id) = patch.assignee_id {
        let name = name_of(assignee_id, "assignee_id", async |a| staff_store::staff_name(&mut tx, user.tenant_id, a).await).await?;
        if assignee_id != row.assignee_id {
            staff_store::set(&mut tx, user.tenant_id, id, Column::AssigneeId, &Value::Id(assignee_id)).await?;
            notes.push(format!("assignee: {} → {}", or_dash(&row.assignee_name), or_dash(&name)));
        }
    }
    if let Some(cc) = &patch.cc {
        for user_id in cc {
            if staff_store::staff_name(&mut tx, user.tenant_id, *user_id).await?.is_none() {
                return Err(Error::field("cc", field_code::INVALID_VALUE));
            }
        }
        staff_store::replace_cc(&mut tx, user.tenant_id, id, cc).await?;
    }
    if let Some(tags) = &tags {
        staff_store::replace_tags(&mut tx, user.tenant_id, id, tags).await?;
    }
    if let Some(values) = &patch.fields {
        let at = Target {
            tenant_id: user.tenant_id,
            ticket_id: id,
            type_id: patch.type_id.or(row.type_id),
            subtype_id: patch.subtype_id.or(row.subtype_id),
        };
        notes.extend(field_edits::apply(&mut tx, &at, values, &types).await?);
    }
    let changed = !notes.is_empty() || patch.type_id.is_some() || patch.subtype_id.is_some() || patch.cc.is_some() || tags.is_some();
    if !changed {
        let ticket = detail::full(&mut tx, user, row).await?;
        tx.commit().await?;
        return Ok(ticket);
    }
    finish(app, tx, user, id, expected, &notes).await
}

/// Bumps the version (if it is still `expected`, else 412 and nothing is kept), writes one system
/// entry per note and the `ticket.updated` event, commits; the ticket after the change.
pub(super) async fn finish(
    app: &Services,
    mut tx: Tx,
    user: &CurrentUser,
    id: i64,
    expected: Option<i64>,
    notes: &[String],
) -> Result<Ticket, Error> {
    let now = storage::timestamp(app.clock.now());
    if !ticket_store::touch(&mut tx, user.tenant_id, id, &now, expected).await? {
        return Err(stale(&mut tx, user, id).await);
    }
    for note in notes {
        system_entry(&mut tx, user, id, note, &now).await?;
    }
    let row = ticket_store::get(&mut tx, user.ticket_scope(), id).await?.ok_or(Error::NotFound)?;
    let event = events::record(&mut tx, &row, user.tenant_id, Change::Updated(row.status()?)).await?;
    let ticket = detail::full(&mut tx, user, row).await?;
    app.events.commit(tx, vec![event]).await?;
    Ok(ticket)
}

/// An audit line in the thread ("priority: normal → urgent"), by `user`.
pub(super) async fn system_entry(tx: &mut Tx, user: &CurrentUser, ticket_id: i64, body: &str, now: &str) -> Result<i64, Error> {
    let entry = NewMessageRow {
        tenant_id: user.tenant_id,
        ticket_id,
        kind: MessageKind::System,
        author_id: Some(user.id),
        body,
        status_change: None,
        now,
    };
    Ok(message_store::insert(tx, &entry).await?)
}

/// The 412 of a write that found the ticket at another version than expected (a concurrent writer
/// got there first): it names the version now stored.
pub(super) async fn stale(tx: &mut Tx, user: &CurrentUser, id: i64) -> Error {
    match ticket_store::get(tx, user.ticket_scope(), id).await {
        Ok(Some(row)) => Error::PreconditionFailed { current_version: row.version },
        Ok(None) => Error::NotFound,
        Err(e) => e.into(),
    }
}

/// 412 with the current version when `expected` names another one; nothing expected passes.
pub(super) fn check_version(row: &TicketRow, expected: Option<i64>) -> Result<(), Error> {
    match expected {
        Some(v) if v != row.version => Err(Error::PreconditionFailed { current_version: row.version }),
        _ => Ok(()),
    }
}

fn or_dash(name: &Option<String>) -> &str {
    name.as_deref().unwrap_or("—")
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
