//! A ticket's thread: reading it as the caller may see it, and posting to it. A customer's reply
//! may move the status (`status::on_reply`); the move and its system entry commit with the reply.

use super::{record_change, Outcome};
use crate::auth::CurrentUser;
use crate::http::Error;
use crate::storage::messages::{self as message_store, NewMessageRow};
use crate::storage::tickets as ticket_store;
use crate::storage::{self, idempotency, Db};
use baton_core::problem::field_code;
use baton_core::status;
use baton_core::{validate, Message, MessageKind, NewMessage, Page, StatusChange};

/// The whole thread of ticket `id`, oldest first. Customers never receive internal notes.
pub async fn messages(db: &Db, user: &CurrentUser, id: i64) -> Result<Page<Message>, Error> {
    let mut conn = db.acquire().await?;
    ticket_store::get(&mut conn, user.ticket_scope(), id)
        .await?
        .ok_or(Error::NotFound)?;
    drop(conn);
    let rows = message_store::list(db, user.tenant_id, id, user.role.is_staff()).await?;
    let items = rows
        .into_iter()
        .map(|r| r.into_message())
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page {
        items,
        next_cursor: None,
    })
}

/// Posts `new` by `user` to ticket `id`.
pub async fn post_message(
    db: &Db,
    user: &CurrentUser,
    id: i64,
    new: NewMessage,
    key: Option<&str>,
) -> Result<Outcome<Message>, Error> {
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
    let mut tx = storage::begin_write(db).await?;
    let ticket = ticket_store::get(&mut tx, user.ticket_scope(), id)
        .await?
        .ok_or(Error::NotFound)?;
    let scope = format!("POST /tickets/{id}/messages");
    if let Some(key) = key {
        if let Some(message_id) =
            idempotency::find(&mut tx, user.tenant_id, user.id, &scope, key).await?
        {
            let row = message_store::get(&mut tx, user.tenant_id, message_id)
                .await?
                .ok_or(Error::NotFound)?;
            tx.commit().await?;
            return Ok(Outcome {
                value: row.into_message()?,
                replayed: true,
            });
        }
    }
    let from = ticket.status()?;
    let event = status::on_reply(from, user.actor())?;
    let now = storage::timestamp(storage::now());
    let entry = NewMessageRow {
        tenant_id: user.tenant_id,
        ticket_id: id,
        kind: new.kind,
        author_id: Some(user.id),
        body: &new.body,
        status_change: None,
        now: &now,
    };
    let message_id = message_store::insert(&mut tx, &entry).await?;
    match event {
        Some(action) => {
            let to = status::apply(from, action, user.actor())?;
            ticket_store::set_status(&mut tx, user.tenant_id, id, to, &now).await?;
            record_change(&mut tx, user, id, StatusChange { from, to }, &now).await?;
        }
        None => ticket_store::touch(&mut tx, user.tenant_id, id, &now).await?,
    }
    if let Some(key) = key {
        idempotency::insert(
            &mut tx,
            user.tenant_id,
            user.id,
            &scope,
            key,
            message_id,
            &now,
        )
        .await?;
    }
    let row = message_store::get(&mut tx, user.tenant_id, message_id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(Outcome {
        value: row.into_message()?,
        replayed: false,
    })
}
