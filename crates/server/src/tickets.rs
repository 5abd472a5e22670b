//! The ticket service: what happens when a ticket is created, read or moved through its lifecycle.
//!
//! The rules are baton-core's (`validate::*`, `status::apply`, `status::allowed_actions`,
//! `status::on_reply`); this module only applies them to stored tickets, and makes every change,
//! its system entry and its live event one transaction, so the thread never disagrees with the
//! status and no event announces what did not commit.

mod audit;
pub mod automatic;
// Automations (issue 13).
pub mod by_rule;
mod bulk;
mod confidential;
mod create;
mod detail;
mod field_edits;
mod flags;
mod links;
mod list;
mod lists;
mod patch;
mod retype;
mod thread;
// Workflows (issue 13).
mod workflow;

pub use bulk::{bulk, MAX_BULK};
pub use confidential::{put_confidential, reveal_confidential, reveals};
pub use create::{create, create_for, create_via};
pub use flags::{set_flag, star, Flag};
pub use patch::{patch, unassign};
pub use list::{list, ListQuery};
pub use thread::{messages, post_message};
pub use workflow::{pass, return_step};

use crate::auth::CurrentUser;
use crate::events::{self, Change};
use crate::error::Error;
use crate::reports::facts;
use crate::services::Services;
use crate::storage::tickets as ticket_store;
use crate::storage::{self};
use baton_core::status::{self, Action};
use audit::Entry;
use baton_core::{validate, StatusChange};
use baton_core::{Ticket, TicketAction};

/// A POST's result: what it created, or what an earlier request with the same Idempotency-Key
/// created (`replayed`), which the handler answers with 200 instead of 201.
#[derive(Debug)]
pub struct Outcome<T> {
    pub value: T,
    pub replayed: bool,
}

/// The ticket `id` as `user` sees it; 404 if they may not see it at all. One snapshot: a
/// workflow move committed while the answer is read shows whole (its step with its assignee).
pub async fn get(app: &Services, user: &CurrentUser, id: i64) -> Result<Ticket, Error> {
    let mut conn = app.db.begin_read().await?;
    let row = ticket_store::get(&mut conn, user.ticket_scope(), id)
        .await?
        .ok_or(Error::NotFound)?;
    detail::full(&mut conn, user, row).await
}

/// The tenant's ticket types with their sub-types and custom fields, from which a submit form is
/// built (and against which a new ticket is checked).
pub async fn ticket_types(db: &storage::Db, user: &CurrentUser) -> Result<Vec<baton_core::TicketType>, Error> {
    Ok(storage::catalog::load(db, user.tenant_id).await?)
}

/// Staff-only ticket endpoints answer customers 404, as if the ticket did not exist: they are
/// ticket-scoped, and a 403 would confirm the id.
pub fn staff_only(user: &CurrentUser) -> Result<(), Error> {
    if user.role.is_staff() {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// 409 for what a trashed or suspended ticket refuses (status actions, public replies): it stays
/// as it is until staff restore or unsuspend it.
fn not_flagged(row: &ticket_store::TicketRow) -> Result<(), Error> {
    if row.trashed_at.is_some() {
        return Err(Error::Refused { reason: "ticket_trashed", detail: "restore the ticket from the trash first" });
    }
    if row.suspended_at.is_some() {
        return Err(Error::Refused { reason: "ticket_suspended", detail: "unsuspend the ticket first" });
    }
    Ok(())
}

/// Applies a lifecycle event by `user` and records it in the thread; the updated ticket. Only the
/// requester (and staff) drive the lifecycle: group members who see a ticket get 403. `expected`
/// is the version of `If-Match`, if sent. A trashed or suspended ticket does not move.
pub async fn act(
    app: &Services,
    user: &CurrentUser,
    id: i64,
    expected: Option<i64>,
    event: TicketAction,
) -> Result<Ticket, Error> {
    validate::ticket_action(&event).map_err(Error::Validation)?;
    let scope = user.ticket_scope();
    let mut tx = app.db.begin_write().await?;
    let row = ticket_store::get_for_update(&mut tx, scope, id)
        .await?
        .ok_or(Error::NotFound)?;
    if !user.may_act_on(row.requester_id) {
        return Err(Error::Forbidden(
            "only the requester decides what happens to a ticket",
        ));
    }
    audit::check_version(&mut tx, user, &row, expected).await?;
    not_flagged(&row)?;
    let from = row.status()?;
    let to = status::apply(from, event.action, user.actor())?;
    let now = storage::timestamp(app.clock.now());
    let Some(version) = ticket_store::set_status(&mut tx, user.tenant_id, id, to, &now, expected).await? else {
        return Err(audit::stale(&mut tx, user, id, expected).await);
    };
    if let (Action::Rate, Some(rating)) = (event.action, event.rating) {
        let comment = event
            .comment
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        ticket_store::set_rating(&mut tx, user.tenant_id, id, rating, comment).await?;
        facts::rated(&mut tx, user.tenant_id, id, rating, &now).await?;
    }
    audit::entry(&mut tx, user, id, Entry::Status(StatusChange { from, to }), version, &now).await?;
    facts::status(&mut tx, user.tenant_id, id, (from, to), &now, row.assignee_id).await?;
    let row = ticket_store::get(&mut tx, scope, id)
        .await?
        .ok_or(Error::NotFound)?;
    crate::sla::refresh(&mut tx, user.tenant_id, &row, app.clock.now()).await?;
    let mut live = vec![events::record(&mut tx, &row, user.tenant_id, Change::Updated(to)).await?];
    live.extend(crate::notifications::on_status(&mut tx, app, user.tenant_id, &row, to, Some(user.id)).await?);
    // Automations (issue 13): a status change is an update.
    let ruled = crate::automations::run::on_event(app, &mut tx, user.tenant_id, id, baton_core::automation::TicketEvent::Updated).await?;
    let row = if ruled.is_empty() { row } else { ticket_store::get(&mut tx, scope, id).await?.ok_or(Error::NotFound)? };
    live.extend(ruled);
    let ticket = detail::full(&mut tx, user, row).await?;
    app.events.commit(tx, live).await?;
    Ok(ticket)
}
