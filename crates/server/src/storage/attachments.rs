//! Uploaded files' metadata (the bytes are files under the data directory, see
//! `crate::attachments`) and their links to tickets and messages.

mod unlinked;

pub use unlinked::{pending_of, take_orphans};

use baton_core::Attachment;
use crate::storage::{Conn, Error};
use std::collections::HashMap;

#[derive(Debug, sqlx::FromRow)]
pub struct AttachmentRow {
    pub id: i64,
    pub uploader_id: i64,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub storage_key: String,
}

impl AttachmentRow {
    pub fn to_attachment(&self) -> Attachment {
        Attachment {
            id: self.id,
            name: self.name.clone(),
            size: self.size,
            content_type: self.content_type.clone(),
        }
    }
}

/// An upload to record.
pub struct NewAttachment<'a> {
    pub tenant_id: i64,
    pub uploader_id: i64,
    pub name: &'a str,
    pub content_type: &'a str,
    pub size: i64,
    pub storage_key: &'a str,
    pub now: &'a str,
}

pub async fn insert(
    conn: &mut Conn,
    a: &NewAttachment<'_>,
) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO attachments (tenant_id, uploader_id, name, content_type, size, storage_key, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(a.tenant_id)
    .bind(a.uploader_id)
    .bind(a.name)
    .bind(a.content_type)
    .bind(a.size)
    .bind(a.storage_key)
    .bind(a.now)
    .fetch_one(c).await).map_err(Error::from)
}

pub async fn get(
    conn: &mut Conn,
    tenant_id: i64,
    id: i64,
) -> Result<Option<AttachmentRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT id, uploader_id, name, content_type, size, storage_key FROM attachments
         WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_optional(c).await).map_err(Error::from)
}

/// Whether `uploader_id` uploaded attachment `id` and it is not linked to anything yet.
pub async fn is_linkable(
    conn: &mut Conn,
    tenant_id: i64,
    uploader_id: i64,
    id: i64,
) -> Result<bool, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM attachments a
             WHERE a.tenant_id = $1 AND a.uploader_id = $2 AND a.id = $3
               AND NOT EXISTS (SELECT 1 FROM ticket_attachments WHERE attachment_id = a.id)
               AND NOT EXISTS (SELECT 1 FROM message_attachments WHERE attachment_id = a.id))",
    )
    .bind(tenant_id)
    .bind(uploader_id)
    .bind(id)
    .fetch_one(c).await).map_err(Error::from)
}

pub async fn link_ticket(
    conn: &mut Conn,
    id: i64,
    ticket_id: i64,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("INSERT INTO ticket_attachments (attachment_id, ticket_id) VALUES ($1, $2)")
        .bind(id)
        .bind(ticket_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn link_message(
    conn: &mut Conn,
    id: i64,
    message_id: i64,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("INSERT INTO message_attachments (attachment_id, message_id) VALUES ($1, $2)")
        .bind(id)
        .bind(message_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

const SELECT: &str = "SELECT a.id, a.uploader_id, a.name, a.content_type, a.size, a.storage_key";

/// The attachments linked to a ticket itself (not to its messages), in upload order.
pub async fn of_ticket(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
) -> Result<Vec<Attachment>, Error> {
    let rows: Vec<AttachmentRow> = crate::on!(conn, |c| sqlx::query_as(&format!(
        "{SELECT} FROM attachments a JOIN ticket_attachments l ON l.attachment_id = a.id
         WHERE a.tenant_id = $1 AND l.ticket_id = $2 ORDER BY a.id"
    ))
    .bind(tenant_id)
    .bind(ticket_id)
    .fetch_all(c).await)?;
    Ok(rows.iter().map(AttachmentRow::to_attachment).collect())
}

/// The attachments of a ticket's messages, by message id.
pub async fn of_messages(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
) -> Result<HashMap<i64, Vec<Attachment>>, Error> {
    let rows: Vec<(i64, i64, String, String, i64)> = crate::on!(conn, |c| sqlx::query_as(
        "SELECT l.message_id, a.id, a.name, a.content_type, a.size
         FROM attachments a JOIN message_attachments l ON l.attachment_id = a.id
         JOIN messages m ON m.id = l.message_id AND m.tenant_id = a.tenant_id
         WHERE a.tenant_id = $1 AND m.ticket_id = $2 ORDER BY a.id",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .fetch_all(c).await)?;
    let mut by_message: HashMap<i64, Vec<Attachment>> = HashMap::new();
    for (message_id, id, name, content_type, size) in rows {
        by_message.entry(message_id).or_default().push(Attachment {
            id,
            name,
            size,
            content_type,
        });
    }
    Ok(by_message)
}

/// Where an attachment is linked: the ticket, and whether through an internal note (staff only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub ticket_id: i64,
    pub internal: bool,
}

pub async fn link_of(
    conn: &mut Conn,
    tenant_id: i64,
    id: i64,
) -> Result<Option<Link>, Error> {
    let row: Option<(i64, bool)> = crate::on!(conn, |c| sqlx::query_as(
        "SELECT l.ticket_id, FALSE FROM ticket_attachments l
             JOIN tickets t ON t.id = l.ticket_id AND t.tenant_id = $1
             WHERE l.attachment_id = $2
         UNION ALL
         SELECT m.ticket_id, m.kind = 'internal' FROM message_attachments l
             JOIN messages m ON m.id = l.message_id AND m.tenant_id = $1
             WHERE l.attachment_id = $2
         LIMIT 1",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_optional(c).await)?;
    Ok(row.map(|(ticket_id, internal)| Link {
        ticket_id,
        internal,
    }))
}
