//! A ticket's thread: public messages, internal notes and system entries.

use super::{decode_code, encode_code, Db};
use baton_core::{Message, MessageKind, Status, StatusChange, UserRef};
use crate::storage::{Conn, Error};

const SELECT: &str = "SELECT m.id, m.ticket_id, m.kind, m.author_id, u.name AS author_name, m.body,
           m.status_from, m.status_to, m.created_at
    FROM messages m LEFT JOIN users u ON u.id = m.author_id AND u.tenant_id = m.tenant_id";

#[derive(Debug, sqlx::FromRow)]
pub struct MessageRow {
    pub id: i64,
    pub ticket_id: i64,
    pub kind: String,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub body: String,
    pub status_from: Option<String>,
    pub status_to: Option<String>,
    pub created_at: String,
}

impl MessageRow {
    pub fn into_message(self) -> Result<Message, Error> {
        let status_change = match (&self.status_from, &self.status_to) {
            (Some(from), Some(to)) => Some(StatusChange {
                from: decode_code::<Status>("status_from", from)?,
                to: decode_code::<Status>("status_to", to)?,
            }),
            _ => None,
        };
        let kind = decode_code::<MessageKind>("kind", &self.kind)?;
        // System entries keep who triggered them for the audit trail, but the wire shows them
        // without an author, as the contract says.
        let author = match (kind, self.author_id, self.author_name) {
            (MessageKind::System, _, _) => None,
            (_, Some(id), Some(name)) => Some(UserRef { id, name }),
            _ => None,
        };
        Ok(Message {
            id: self.id,
            ticket_id: self.ticket_id,
            kind,
            author,
            body: self.body,
            status_change,
            created_at: self.created_at,
            attachments: Vec::new(),
        })
    }
}

/// A thread entry to insert.
pub struct NewMessageRow<'a> {
    pub tenant_id: i64,
    pub ticket_id: i64,
    pub kind: MessageKind,
    pub author_id: Option<i64>,
    pub body: &'a str,
    pub status_change: Option<StatusChange>,
    pub now: &'a str,
}

/// Inserts a thread entry; its id.
pub async fn insert(tx: &mut Conn, m: &NewMessageRow<'_>) -> Result<i64, Error> {
    crate::on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO messages (tenant_id, ticket_id, kind, author_id, body, status_from, status_to,
                               created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(m.tenant_id)
    .bind(m.ticket_id)
    .bind(encode_code(&m.kind))
    .bind(m.author_id)
    .bind(m.body)
    .bind(m.status_change.map(|c| c.from.code()))
    .bind(m.status_change.map(|c| c.to.code()))
    .bind(m.now)
    .fetch_one(c).await).map_err(Error::from)
}

/// One entry of a ticket of `tenant_id`.
pub async fn get(
    conn: &mut Conn,
    tenant_id: i64,
    id: i64,
) -> Result<Option<MessageRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(&format!("{SELECT} WHERE m.tenant_id = $1 AND m.id = $2"))
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(c).await).map_err(Error::from)
}

/// The whole thread of a ticket, oldest first; internal notes only if `include_internal`.
pub async fn list(
    db: &Db,
    tenant_id: i64,
    ticket_id: i64,
    include_internal: bool,
) -> Result<Vec<MessageRow>, Error> {
    crate::on!(db, |c| sqlx::query_as(&format!(
        "{SELECT} WHERE m.tenant_id = $1 AND m.ticket_id = $2 AND ($3 OR m.kind <> 'internal')
         ORDER BY m.id"
    ))
    .bind(tenant_id)
    .bind(ticket_id)
    .bind(include_internal)
    .fetch_all(c).await).map_err(Error::from)
}
