//! Tickets that move by themselves (DOMAIN.md "Automations and time", the built-in rules):
//! - a solved ticket the customer neither confirms nor answers closes after the desk's
//!   `auto_close_days` (default 3; 0 turns it off) — the status machine's `auto_close`, recorded
//!   in the thread as a system entry without an author, like any status change;
//! - a ticket trashed or suspended for [`PURGE_AFTER`] is deleted with its thread, sealed data
//!   and facts; its attachments, then linked to nothing, go with the next purge of unlinked
//!   uploads (rows and bytes).
//!
//! The scheduler runs both (`scheduler::lifecycle`), on one replica at a time. Each ticket is
//! decided again under its lock, so a customer confirming, an agent reopening or a restore at
//! the same moment wins, and running a pass twice changes nothing the second time.

use crate::error::Error;
use crate::events::{self, Change};
use crate::reports::facts;
use crate::services::Services;
use crate::storage::messages::{self as message_store, NewMessageRow};
use crate::storage::tickets::{self as ticket_store, lifecycle};
use crate::storage::{self, tenants, TicketScope};
use baton_core::status::{self, Action, Actor};
use baton_core::{MessageKind, StatusChange};

/// How long trashed and suspended tickets are kept before they are purged.
pub const PURGE_AFTER: time::Duration = time::Duration::days(30);

/// Tickets handled per desk and pass; the next pass takes the rest.
const BATCH: i64 = 500;

/// Closes every solved ticket whose desk's days have run out; how many.
pub async fn auto_close(app: &Services) -> Result<usize, Error> {
    let mut closed = 0;
    for (tenant_id, days) in tenants::auto_closing(&app.db).await? {
        let cutoff = storage::timestamp(app.clock.now() - time::Duration::days(days));
        for id in lifecycle::solved_before(&app.db, tenant_id, &cutoff, BATCH).await? {
            if close(app, tenant_id, id, &cutoff).await? {
                closed += 1;
            }
        }
    }
    Ok(closed)
}

/// Closes ticket `id` if it is still solved since before `cutoff`; whether it did.
async fn close(app: &Services, tenant_id: i64, id: i64, cutoff: &str) -> Result<bool, Error> {
    let scope = TicketScope::whole_tenant(tenant_id);
    let mut tx = app.db.begin_write().await?;
    let Some(row) = ticket_store::get_for_update(&mut tx, scope, id).await? else {
        return Ok(false);
    };
    let flagged = row.trashed_at.is_some() || row.suspended_at.is_some();
    if flagged || !lifecycle::solved_since_before(&mut tx, id, cutoff).await? {
        return Ok(false);
    }
    let from = row.status()?;
    let Ok(to) = status::apply(from, Action::AutoClose, Actor::System) else {
        return Ok(false);
    };
    let now = storage::timestamp(app.clock.now());
    let Some(version) = ticket_store::set_status(&mut tx, tenant_id, id, to, &now, None).await? else {
        return Ok(false);
    };
    let entry = NewMessageRow {
        tenant_id,
        ticket_id: id,
        kind: MessageKind::System,
        author_id: None,
        body: "",
        status_change: Some(StatusChange { from, to }),
        change: None,
        version: Some(version),
        now: &now,
    };
    message_store::insert(&mut tx, &entry).await?;
    facts::status(&mut tx, tenant_id, id, (from, to), &now, row.assignee_id).await?;
    let row = ticket_store::get(&mut tx, scope, id).await?.ok_or(Error::NotFound)?;
    crate::sla::refresh(&mut tx, tenant_id, &row, app.clock.now()).await?;
    let mut live = vec![events::record(&mut tx, &row, tenant_id, Change::Updated(to)).await?];
    live.extend(crate::notifications::on_status(&mut tx, app, tenant_id, &row, to, None).await?);
    app.events.commit(tx, live).await?;
    tracing::info!(tenant_id, ticket_id = id, "closed a solved ticket nobody confirmed");
    Ok(true)
}

/// Deletes the tickets trashed or suspended for [`PURGE_AFTER`], then the attachments this left
/// unlinked; how many tickets.
pub async fn purge_flagged(app: &Services) -> Result<usize, Error> {
    let cutoff = storage::timestamp(app.clock.now() - PURGE_AFTER);
    let mut purged = 0;
    for (tenant_id, id) in lifecycle::flagged_before(&app.db, &cutoff, BATCH).await? {
        let mut tx = app.db.begin_write().await?;
        // Locked first, as every ticket write: the counter, then the ticket (storage::tickets).
        if ticket_store::get_for_update(&mut tx, TicketScope::whole_tenant(tenant_id), id).await?.is_some()
            && lifecycle::delete_flagged(&mut tx, tenant_id, id, &cutoff).await?
        {
            purged += 1;
        }
        tx.commit().await?;
    }
    if purged > 0 {
        let files = crate::attachments::purge_unsent(app).await?;
        tracing::info!(purged, files, "purged tickets trashed or suspended for 30 days");
    }
    Ok(purged)
}
