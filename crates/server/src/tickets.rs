//! The ticket service: what happens when a ticket is created, read or moved through its lifecycle.
//!
//! The rules are baton-core's (`validate::*`, `status::apply`, `status::allowed_actions`,
//! `status::on_reply`); this module only applies them to stored tickets, and makes every change
//! and its system entry one transaction, so the thread never disagrees with the status.

mod list;
mod thread;

pub use list::{list, ListQuery};
pub use thread::{messages, post_message};

use crate::auth::CurrentUser;
use crate::http::Error;
use crate::storage::messages::{self as message_store, NewMessageRow};
use crate::storage::tickets::{self as ticket_store, NewTicketRow, TicketRow};
use crate::storage::{self, idempotency, Db};
use baton_core::status::{self, Action};
use baton_core::{validate, Channel, MessageKind, NewTicket, Priority, Status, StatusChange};
use baton_core::{Ticket, TicketAction};

/// The idempotency scope of ticket creation.
const CREATE_SCOPE: &str = "POST /tickets";

/// A POST's result: what it created, or what an earlier request with the same Idempotency-Key
/// created (`replayed`), which the handler answers with 200 instead of 201.
#[derive(Debug)]
pub struct Outcome<T> {
    pub value: T,
    pub replayed: bool,
}

/// Creates a ticket requested by `user`, numbered next in the tenant.
pub async fn create(
    db: &Db,
    user: &CurrentUser,
    new: NewTicket,
    key: Option<&str>,
) -> Result<Outcome<Ticket>, Error> {
    validate::new_ticket(&new).map_err(Error::Validation)?;
    let scope = user.ticket_scope();
    let mut tx = storage::begin_write(db).await?;
    if let Some(key) = key {
        if let Some(id) =
            idempotency::find(&mut tx, user.tenant_id, user.id, CREATE_SCOPE, key).await?
        {
            let row = ticket_store::get(&mut tx, scope, id)
                .await?
                .ok_or(Error::NotFound)?;
            tx.commit().await?;
            return Ok(Outcome {
                value: to_ticket(row, user)?,
                replayed: true,
            });
        }
    }
    let now = storage::timestamp(storage::now());
    let phone = new
        .contact_phone
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let id = ticket_store::insert(
        &mut tx,
        &NewTicketRow {
            tenant_id: user.tenant_id,
            title: new.title.trim(),
            description: &new.description,
            status: Status::New,
            priority: Priority::Normal,
            channel: Channel::Web,
            requester_id: user.id,
            contact_phone: phone,
            now: &now,
        },
    )
    .await?;
    if let Some(key) = key {
        idempotency::insert(
            &mut tx,
            user.tenant_id,
            user.id,
            CREATE_SCOPE,
            key,
            id,
            &now,
        )
        .await?;
    }
    let row = ticket_store::get(&mut tx, scope, id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(Outcome {
        value: to_ticket(row, user)?,
        replayed: false,
    })
}

/// The ticket `id` as `user` sees it; 404 if they may not see it at all.
pub async fn get(db: &Db, user: &CurrentUser, id: i64) -> Result<Ticket, Error> {
    let mut conn = db.acquire().await?;
    let row = ticket_store::get(&mut conn, user.ticket_scope(), id)
        .await?
        .ok_or(Error::NotFound)?;
    to_ticket(row, user)
}

/// Applies a lifecycle event by `user` and records it in the thread; the updated ticket.
pub async fn act(
    db: &Db,
    user: &CurrentUser,
    id: i64,
    event: TicketAction,
) -> Result<Ticket, Error> {
    validate::ticket_action(&event).map_err(Error::Validation)?;
    let scope = user.ticket_scope();
    let mut tx = storage::begin_write(db).await?;
    let row = ticket_store::get(&mut tx, scope, id)
        .await?
        .ok_or(Error::NotFound)?;
    let from = row.status()?;
    let to = status::apply(from, event.action, user.actor())?;
    let now = storage::timestamp(storage::now());
    ticket_store::set_status(&mut tx, user.tenant_id, id, to, &now).await?;
    if let (Action::Rate, Some(rating)) = (event.action, event.rating) {
        let comment = event
            .comment
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        ticket_store::set_rating(&mut tx, user.tenant_id, id, rating, comment).await?;
    }
    record_change(&mut tx, user, id, StatusChange { from, to }, &now).await?;
    let row = ticket_store::get(&mut tx, scope, id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    to_ticket(row, user)
}

/// Adds the system entry of a status change. The acting user is stored for the audit trail; the
/// wire shows system entries without an author.
async fn record_change(
    tx: &mut storage::Tx,
    user: &CurrentUser,
    ticket_id: i64,
    change: StatusChange,
    now: &str,
) -> Result<i64, Error> {
    let entry = NewMessageRow {
        tenant_id: user.tenant_id,
        ticket_id,
        kind: MessageKind::System,
        author_id: Some(user.id),
        body: "",
        status_change: Some(change),
        now,
    };
    Ok(message_store::insert(tx, &entry).await?)
}

/// The wire ticket with the events `user` may trigger on it now.
fn to_ticket(row: TicketRow, user: &CurrentUser) -> Result<Ticket, Error> {
    let allowed = status::allowed_actions(row.status()?, user.actor());
    Ok(row.into_ticket(allowed)?)
}
