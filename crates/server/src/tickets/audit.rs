//! Versions and the audit trail of staff changes. A ticket's version counts what `PATCH` and the
//! actions change (properties, status, flags), never its thread: a reply cannot make an agent's
//! property edit stale. Each property change is a structured system entry (`{field, from, to}`)
//! that remembers the version it produced, so a 412 can name what changed since the version a
//! client sent.

use super::detail;
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::events::{self, Change};
use crate::services::Services;
use crate::storage::messages::{self as message_store, NewMessageRow};
use crate::storage::tickets::{self as ticket_store, TicketRow};
use crate::storage::{self, Conn, TicketScope, Tx};
use baton_core::automation::TicketEvent;
use baton_core::{MessageKind, StatusChange, SystemChange, Ticket};

/// Bumps the version (if it is still `expected`, else 412 and nothing is kept), writes one system
/// entry per change and a staff-only `ticket.updated` event, commits; the ticket after the change.
/// `assigned`: the agent the change assigned the ticket to, who is notified (the one place an
/// assignment change is recorded).
pub(super) async fn finish(
    app: &Services,
    tx: Tx,
    user: &CurrentUser,
    id: i64,
    expected: Option<i64>,
    changes: &[SystemChange],
    assigned: Option<i64>,
) -> Result<Ticket, Error> {
    finish_noted(app, tx, user, id, expected, changes, Noted { note: "", assigned }).await
}

/// What a change records beside its entries: the body of the first entry (a workflow return's
/// reason; empty for none), and whom it newly assigns (notified "assigned to me").
pub(super) struct Noted<'a> {
    pub note: &'a str,
    pub assigned: Option<i64>,
}

/// [`finish`] with `note` as the body of the first change's entry (a workflow return's reason).
pub(super) async fn finish_noted(
    app: &Services,
    mut tx: Tx,
    user: &CurrentUser,
    id: i64,
    expected: Option<i64>,
    changes: &[SystemChange],
    Noted { note, assigned }: Noted<'_>,
) -> Result<Ticket, Error> {
    let now = storage::timestamp(app.clock.now());
    let Some(version) = ticket_store::touch(&mut tx, user.tenant_id, id, &now, expected).await? else {
        return Err(stale(&mut tx, user, id, expected).await);
    };
    for (i, change) in changes.iter().enumerate() {
        let what = if i == 0 && !note.is_empty() { Entry::Noted(change, note) } else { Entry::Property(change) };
        entry(&mut tx, user, id, what, version, &now).await?;
    }
    // Read back across the tenant: the change may have taken the ticket out of the caller's share
    // (a hand-off to another group), and it is still answered as it now is.
    let row = ticket_store::get(&mut tx, TicketScope::whole_tenant(user.tenant_id), id).await?.ok_or(Error::NotFound)?;
    crate::sla::refresh(&mut tx, user.tenant_id, &row, app.clock.now()).await?;
    let mut live = vec![events::record(&mut tx, &row, user.tenant_id, Change::StaffUpdated(row.status()?)).await?];
    if let Some(agent) = assigned {
        live.extend(crate::notifications::on_assigned(&mut tx, app, user.tenant_id, &row, agent, Some(user.id)).await?);
    }
    // Automations (issue 13): the desk's "updated" rules, in this transaction.
    let ruled = crate::automations::run::on_event(app, &mut tx, user.tenant_id, id, TicketEvent::Updated).await?;
    let row = if ruled.is_empty() { row } else { ticket_store::get(&mut tx, TicketScope::whole_tenant(user.tenant_id), id).await?.ok_or(Error::NotFound)? };
    live.extend(ruled);
    let ticket = detail::full(&mut tx, user, row).await?;
    app.events.commit(tx, live).await?;
    Ok(ticket)
}

/// What a system entry records.
#[derive(Debug, Clone, Copy)]
pub(super) enum Entry<'a> {
    Status(StatusChange),
    Property(&'a SystemChange),
    /// A change with a body (staff-only like every property change's entry).
    Noted(&'a SystemChange, &'a str),
}

/// A system entry by `user` (kept for the audit; the wire shows none) recording `what`, which
/// produced `version` of the ticket.
pub(super) async fn entry(
    tx: &mut Conn,
    user: &CurrentUser,
    ticket_id: i64,
    what: Entry<'_>,
    version: i64,
    now: &str,
) -> Result<i64, Error> {
    let (status_change, change, body) = match what {
        Entry::Status(s) => (Some(s), None, ""),
        Entry::Property(c) => (None, Some(c), ""),
        Entry::Noted(c, body) => (None, Some(c), body),
    };
    let row = NewMessageRow {
        tenant_id: user.tenant_id,
        ticket_id,
        kind: MessageKind::System,
        author_id: Some(user.id),
        body,
        status_change,
        change,
        version: Some(version),
        now,
    };
    Ok(message_store::insert(tx, &row).await?)
}

/// The 412 of a write that found the ticket at another version than expected (a concurrent writer
/// got there first): it names the version now stored and what changed since `expected`.
pub(super) async fn stale(tx: &mut Conn, user: &CurrentUser, id: i64, expected: Option<i64>) -> Error {
    match ticket_store::get(tx, user.ticket_scope(), id).await {
        Ok(Some(row)) => precondition_failed(tx, user, &row, expected.unwrap_or(row.version)).await,
        Ok(None) => Error::NotFound,
        Err(e) => e.into(),
    }
}

/// 412 when `expected` names another version than `row`'s; nothing expected passes.
pub(super) async fn check_version(conn: &mut Conn, user: &CurrentUser, row: &TicketRow, expected: Option<i64>) -> Result<(), Error> {
    match expected {
        Some(sent) if sent != row.version => Err(precondition_failed(conn, user, row, sent).await),
        _ => Ok(()),
    }
}

async fn precondition_failed(conn: &mut Conn, user: &CurrentUser, row: &TicketRow, sent: i64) -> Error {
    match message_store::changed_since(conn, user.tenant_id, row.id, sent).await {
        Ok(changed) => Error::PreconditionFailed { current_version: row.version, changed },
        Err(e) => e.into(),
    }
}

/// Ticket `id` as a staff member's edit may touch it: in their share; or, out of it, to undo their
/// own hand-off — while it is still at the version their last change produced (`expected`) —
/// `true` then, and the edit must bring it back into their share ([`back_in_share`]). Anything
/// else is a 404, as for any ticket they may not see.
pub(super) async fn editable(conn: &mut Conn, user: &CurrentUser, id: i64, expected: Option<i64>) -> Result<(TicketRow, bool), Error> {
    if let Some(row) = ticket_store::get_for_update(conn, user.ticket_scope(), id).await? {
        return Ok((row, false));
    }
    let Some(version) = expected else { return Err(Error::NotFound) };
    let row = ticket_store::get_for_update(conn, TicketScope::whole_tenant(user.tenant_id), id).await?.ok_or(Error::NotFound)?;
    if row.version == version && message_store::changed_by(conn, user.tenant_id, id, version, user.id).await? {
        Ok((row, true))
    } else {
        Err(Error::NotFound)
    }
}

/// For an undo ([`editable`] said `true`): 404 unless the edit made so far in `tx` brings the
/// ticket back into the caller's share, so a hand-off grants no edits beyond taking it back.
pub(super) async fn back_in_share(tx: &mut Conn, user: &CurrentUser, id: i64) -> Result<(), Error> {
    match ticket_store::get(tx, user.ticket_scope(), id).await? {
        Some(_) => Ok(()),
        None => Err(Error::NotFound),
    }
}
