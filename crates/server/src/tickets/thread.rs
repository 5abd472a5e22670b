//! A ticket's thread: reading it as the caller may see it, and posting to it. A customer's reply
//! may move the status (`status::on_reply`); the move, its system entry, the attachments it links
//! and its live events commit with the reply.

use super::audit::{self, Entry};
use super::{links, not_flagged, Outcome};
use crate::auth::CurrentUser;
use crate::events::{self, Change};
use crate::error::Error;
use crate::reports::facts;
use crate::services::Services;
use crate::storage::messages::{self as message_store, NewMessageRow};
use crate::storage::tickets as ticket_store;
use crate::storage::{self, attachments, idempotency};
use baton_core::problem::field_code;
use baton_core::automation::TicketEvent;
use baton_core::status;
use baton_core::{validate, MessageKind, NewMessage, Page, StatusChange, ThreadEntry};
use crate::storage::Conn;

/// The whole thread of ticket `id`, oldest first. Customers never receive internal notes.
pub async fn messages(app: &Services, user: &CurrentUser, id: i64) -> Result<Page<ThreadEntry>, Error> {
    let mut conn = app.db.acquire().await?;
    ticket_store::get(&mut conn, user.ticket_scope(), id)
        .await?
        .ok_or(Error::NotFound)?;
    let mut files = attachments::of_messages(&mut conn, user.tenant_id, id).await?;
    drop(conn);
    let rows = message_store::list(&app.db, user.tenant_id, id, user.role.is_staff()).await?;
    let items = rows
        .into_iter()
        .map(|r| {
            let mut entry = r.into_entry()?;
            entry.message.attachments = files.remove(&entry.message.id).unwrap_or_default();
            Ok(entry)
        })
        .collect::<Result<Vec<_>, storage::Error>>()?;
    Ok(Page {
        items,
        next_cursor: None,
    })
}

/// Posts `new` by `user` to ticket `id`.
pub async fn post_message(
    app: &Services,
    user: &CurrentUser,
    id: i64,
    new: NewMessage,
    key: Option<&str>,
) -> Result<Outcome<ThreadEntry>, Error> {
    validate::new_message(&new).map_err(Error::Validation)?;
    match new.kind {
        MessageKind::Public => {}
        MessageKind::Internal if user.role.is_staff() => {}
        MessageKind::Internal => {
            return Err(Error::Forbidden("customers can only post public messages"))
        }
        // System entries are the server's record of status changes; nobody posts them.
        MessageKind::System => return Err(Error::field("kind", field_code::INVALID_VALUE)),
    }
    let mut tx = app.db.begin_write().await?;
    let ticket = ticket_store::get_for_update(&mut tx, user.ticket_scope(), id)
        .await?
        .ok_or(Error::NotFound)?;
    let scope = format!("POST /tickets/{id}/messages");
    let now = storage::timestamp(app.clock.now());
    if let Some(key) = key {
        if let Some(message_id) =
            idempotency::claim(&mut tx, user.tenant_id, user.id, &scope, key, &now).await?
        {
            let value = read(&mut tx, user, id, message_id).await?;
            tx.commit().await?;
            return Ok(Outcome {
                value,
                replayed: true,
            });
        }
    }
    // Nobody would read a public reply on a trashed or suspended ticket (its customers do not see
    // it), and it could move the status of a ticket that must not move: notes only, until restored.
    if new.kind == MessageKind::Public {
        not_flagged(&ticket)?;
    }
    let wanted = links::of_message(&new.attachment_ids);
    links::check(&mut tx, user, &wanted).await?;
    check_mentions(&mut tx, user, &new).await?;
    let from = ticket.status()?;
    let event = status::on_reply(from, user.actor())?;
    let entry = NewMessageRow {
        tenant_id: user.tenant_id,
        ticket_id: id,
        kind: new.kind,
        author_id: Some(user.id),
        body: &new.body,
        status_change: None,
        change: None,
        version: None,
        now: &now,
    };
    let message_id = message_store::insert(&mut tx, &entry).await?;
    facts::message(&mut tx, user.tenant_id, id, new.kind, user.id, user.role.is_staff(), &now).await?;
    for (attachment_id, _) in &wanted {
        attachments::link_message(&mut tx, *attachment_id, message_id).await?;
    }
    let mut live = vec![
        events::record(
            &mut tx,
            &ticket,
            user.tenant_id,
            Change::Message {
                id: message_id,
                kind: new.kind,
            },
        )
        .await?,
    ];
    match event {
        Some(action) => {
            let to = status::apply(from, action, user.actor())?;
            // No expected version: a reply is never refused for an edit made meanwhile.
            let version = ticket_store::set_status(&mut tx, user.tenant_id, id, to, &now, None)
                .await?
                .ok_or(Error::NotFound)?;
            audit::entry(&mut tx, user, id, Entry::Status(StatusChange { from, to }), version, &now).await?;
            facts::status(&mut tx, user.tenant_id, id, (from, to), &now, ticket.assignee_id).await?;
            live.push(events::record(&mut tx, &ticket, user.tenant_id, Change::Updated(to)).await?);
        }
        None => {
            // A message is not a property: the version stays, so an agent's unsaved edit of the
            // properties is not made stale by a reply (theirs or the customer's).
            ticket_store::touch_updated(&mut tx, user.tenant_id, id, &now).await?;
        }
    }
    crate::sla::refresh(&mut tx, user.tenant_id, &ticket, app.clock.now()).await?;
    let author = (user.id, user.role.is_staff());
    live.extend(crate::notifications::on_message(&mut tx, app, user.tenant_id, &ticket, author, new.kind, &new.mentions).await?);
    // Automations (issue 13): a public reply runs the desk's "customer replied" or "agent replied"
    // rules, in this transaction; notes run none.
    if new.kind == MessageKind::Public {
        let event = if user.role.is_staff() { TicketEvent::AgentReplied } else { TicketEvent::CustomerReplied };
        live.extend(crate::automations::run::on_event(app, &mut tx, user.tenant_id, id, event).await?);
    }
    if let Some(key) = key {
        idempotency::complete(&mut tx, user.tenant_id, user.id, &scope, key, message_id).await?;
    }
    let value = read(&mut tx, user, id, message_id).await?;
    app.events.commit(tx, live).await?;
    Ok(Outcome {
        value,
        replayed: false,
    })
}

/// Mentions name staff of the desk, only in internal notes (at most [`MAX_MENTIONS`]); 422 else.
async fn check_mentions(conn: &mut Conn, user: &CurrentUser, new: &NewMessage) -> Result<(), Error> {
    if new.mentions.is_empty() {
        return Ok(());
    }
    let mut ids = new.mentions.clone();
    ids.sort_unstable();
    ids.dedup();
    let bad = new.kind != MessageKind::Internal
        || ids.len() > MAX_MENTIONS
        || crate::storage::notifications::active_staff(conn, user.tenant_id, &ids).await?.len() != ids.len();
    if bad {
        return Err(Error::field("mentions", field_code::INVALID_VALUE));
    }
    Ok(())
}

/// Most staff one note mentions.
pub const MAX_MENTIONS: usize = 20;

/// One message of ticket `ticket_id` with its attachments.
async fn read(
    conn: &mut Conn,
    user: &CurrentUser,
    ticket_id: i64,
    message_id: i64,
) -> Result<ThreadEntry, Error> {
    let row = message_store::get(conn, user.tenant_id, message_id)
        .await?
        .ok_or(Error::NotFound)?;
    let mut entry = row.into_entry()?;
    let mut files = attachments::of_messages(conn, user.tenant_id, ticket_id).await?;
    entry.message.attachments = files.remove(&message_id).unwrap_or_default();
    Ok(entry)
}
